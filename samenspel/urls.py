"""The site's URL map: each app brings its own urls module."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("samenspel.core.urls")),
    path("", include("samenspel.method.urls")),
    path("", include("samenspel.workshops.urls")),
    path("", include("samenspel.accounts.urls")),
    path("", include("samenspel.live.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
