from csp.decorators import csp_replace
from django.contrib import admin
from django.urls import include, path

from accounts.urls import api_urlpatterns as auth_api
from resume_analyzer.dashboard import dashboard
from resume_analyzer.health import healthz
from resume_analyzer.openapi import REDOC_CSP, RedocView, SchemaView, SwaggerView, redoc_bundle
from resume_analyzer.staticfiles import favicon

api_urlpatterns = [
    *auth_api,
    path("schema", SchemaView.as_view(), name="api-schema"),
    path("docs", SwaggerView.as_view(), name="api-docs"),
    path("redoc", csp_replace(REDOC_CSP)(RedocView.as_view()), name="api-redoc"),
    path("redoc.js", redoc_bundle, name="api-redoc-bundle"),
]

urlpatterns = [
    path("healthz", healthz),
    path("favicon.ico", favicon),
    path("admin/", admin.site.urls),
    path("api/", include(api_urlpatterns)),
    path("", dashboard, name="dashboard"),
    path("", include("accounts.urls")),
]

# Each app adds its pages and API routes here (kept explicit so the URL map reads in one place).
URL_MODULES = ("uploads.urls", "analysis.urls", "analysis.exports.urls", "analysis.matching.urls", "interview.urls", "chat.urls")
for name in URL_MODULES:
    try:
        module = __import__(name, fromlist=["urlpatterns"])
    except ModuleNotFoundError as exc:
        if exc.name != name:
            raise
        continue
    api_urlpatterns += getattr(module, "api_urlpatterns", [])
    urlpatterns += getattr(module, "urlpatterns", [])

handler400 = "resume_analyzer.pages.bad_request"
handler404 = "resume_analyzer.pages.not_found"
handler500 = "resume_analyzer.pages.server_error"
