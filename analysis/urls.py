from django.urls import path

from analysis import api, views

api_urlpatterns = [
    path("analysis/start", api.StartView.as_view(), name="api-analysis-start"),
    path("analysis/jobs", api.jobs_view, name="api-analysis-jobs"),
    path("analysis/delete-job", api.DeleteJobView.as_view(), name="api-analysis-delete-job"),
    path("analysis/retry-job", api.RetryJobView.as_view(), name="api-analysis-retry-job"),
    *api.router.urls,
]

urlpatterns = [
    path("uploads", views.uploads_page, name="uploads"),
    path("uploads/<int:upload_id>/jobs", views.upload_jobs, name="analysis-upload-jobs"),
    path("uploads/<int:upload_id>/jobs/start", views.upload_job_start, name="analysis-job-start"),
    path("jobs/<uuid:job_id>", views.job_detail, name="analysis-job"),
    path("jobs/<uuid:job_id>/correct", views.profile_correct, name="analysis-profile-correct"),
    path("jobs/<uuid:job_id>/progress", views.job_progress, name="analysis-job-progress"),
    path("jobs/<uuid:job_id>/retry", views.job_retry_page, name="analysis-job-retry"),
    path("jobs/<uuid:job_id>/delete", views.job_delete_page, name="analysis-job-delete"),
]
