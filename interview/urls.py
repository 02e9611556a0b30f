from django.urls import path

from interview import api, views

api_urlpatterns = [
    path("interview/generate", api.GenerateView.as_view()),
    path("interview/regenerate-answer", api.RegenerateAnswerView.as_view()),
    path("interview/save-question", api.SaveQuestionView.as_view()),
    path("interview/library", api.LibraryView.as_view()),
    path("interview/library/<int:saved_id>", api.SavedQuestionView.as_view()),
]

urlpatterns = [
    path("interview/library", views.library_page, name="interview-library"),
    path(
        "interview/library/<int:saved_id>/delete",
        views.library_delete,
        name="interview-library-delete",
    ),
    path("interview/<uuid:job_id>", views.interview_page, name="interview"),
    path("interview/<uuid:job_id>/generate", views.interview_generate, name="interview-generate"),
    path(
        "interview/<uuid:job_id>/<int:generation_id>/q<int:position>/regenerate",
        views.question_regenerate,
        name="interview-regenerate",
    ),
    path(
        "interview/<uuid:job_id>/<int:generation_id>/q<int:position>/save",
        views.question_save,
        name="interview-save",
    ),
]
