from django.urls import path

from analysis.matching import api, views

api_urlpatterns = [
    path("candidates/search", api.CandidateSearchView.as_view(), name="api-candidates-search"),
    *api.router.urls,
]

urlpatterns = [
    path("candidates/search", views.search_page, name="matching-search"),
    path("openings", views.openings_page, name="matching-openings"),
    path("openings/<int:opening_id>", views.opening_page, name="matching-opening"),
    path("openings/<int:opening_id>/delete", views.opening_delete_page, name="matching-opening-delete"),
    path("openings/<int:opening_id>/export.<str:kind>", views.opening_export_page, name="matching-opening-export"),
    path("openings/<int:opening_id>/compare", views.compare_page, name="matching-compare"),
]
