from django.urls import path

from samenspel.method import views

app_name = "method"

urlpatterns = [
    path("", views.home, name="home"),
    path("rollen/<slug:slug>/", views.role_detail, name="role"),
]
