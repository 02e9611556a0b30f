from django.urls import path

from uploads import api, views

api_urlpatterns = [
    path("upload", api.UploadCreateView.as_view(), name="api-upload"),
    path("uploads", api.UploadListView.as_view(), name="api-uploads"),
    *api.router.urls,  # uploads/batch, uploads/<id>
]

urlpatterns = [
    path("upload", views.upload_page, name="upload"),
    path("uploads/<int:upload_id>/delete", views.upload_delete_page, name="upload-delete"),
]
