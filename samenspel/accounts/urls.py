"""Staff login and logout, the profile page, and the theme's stylesheet and logo."""

from django.contrib.auth.views import LogoutView
from django.urls import path

from samenspel.accounts import views

app_name = "accounts"

urlpatterns = [
    path("inloggen/", views.StaffLoginView.as_view(), name="login"),
    path("uitloggen/", LogoutView.as_view(), name="logout"),
    path("profiel/", views.profile, name="profile"),
    path("profiel/sleutels/<int:pk>/intrekken/", views.revoke_token, name="revoke_token"),
    path("thema.css", views.theme_css, name="theme_css"),
    path("thema/logo", views.theme_logo, name="theme_logo"),
]
