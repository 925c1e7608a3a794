from django.urls import path

from samenspel.core import views

app_name = "core"

urlpatterns = [
    path("toegankelijkheid/", views.accessibility, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
    path(".well-known/security.txt", views.security_txt, name="security_txt"),
]
