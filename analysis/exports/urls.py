from django.urls import path

from analysis.exports.api import ExportView
from analysis.exports.views import export_download

api_urlpatterns = [
    path("analysis/export", ExportView.as_view(), name="api-analysis-export"),
]

urlpatterns = [
    path("jobs/<uuid:job_id>/export/<str:fmt>", export_download, name="analysis-export-download"),
]
