"""URL configuration."""

from __future__ import annotations

from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from infra import metrics, signin, spa, views

api_v1: list[URLPattern | URLResolver] = [
    path("health", views.health, name="api-health"),
    path("", include("credits.urls")),
    path("", include("research.urls")),
]

urlpatterns = [
    path("health", views.health, name="health"),
    path("metrics", metrics.metrics_view, name="metrics"),
    path("admin/login/", signin.admin_login),
    path("admin/", admin.site.urls),
    path("accounts/login/", signin.ThrottledLoginView.as_view(), name="login"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="swagger-ui"),
    path("api/v1/", include(api_v1)),
    re_path(r"^(?!api/|admin/|static/|ws/|accounts/|health).*$", spa.spa, name="spa"),
]

# Under /api/ Django's own error pages answer in the API's JSON error shape.
handler400 = "infra.api_docs.bad_request"
handler403 = "infra.api_docs.permission_denied"
handler404 = "infra.api_docs.page_not_found"
handler500 = "infra.api_docs.server_error"
