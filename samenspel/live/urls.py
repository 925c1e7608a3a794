from django.urls import path

from samenspel.live import views

app_name = "live"

urlpatterns = [
    path("verbinding/", views.connection_check, name="check"),
    path("verbinding/ping/", views.connection_check_ping, name="check_ping"),
]
