from django.urls import path

from uploads import api, views

api_urlpatterns = [
    path("upload", api.UploadCreateView.as_view(), name="api-upload"),
    path("uploads", api.UploadListView.as_view(), name="api-uploads"),
]

urlpatterns = [
    path("upload", views.upload_page, name="upload"),
]
