"""The site's URL map: each app brings its own urls module."""

from django.contrib import admin
from django.urls import include, path

from samenspel.api import urls as api_urls

urlpatterns = [
    path("", include("samenspel.core.urls")),
    path("", include("samenspel.method.urls")),
    path("", include("samenspel.workshops.urls")),
    path("", include("samenspel.reports.urls")),
    path("", include("samenspel.compass.urls")),
    path("", include("samenspel.followup.urls")),
    path("", include("samenspel.accounts.urls")),
    path("", include("samenspel.live.urls")),
    path("api/v1/", api_urls()),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
