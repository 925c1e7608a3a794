from django.urls import path

from samenspel.reports import views

app_name = "reports"

urlpatterns = [
    path("uitkomst/<str:key>/downloaden/", views.outcome_download, name="outcome_download"),
    path("workshops/<int:pk>/downloaden/", views.workshop_download, name="workshop_download"),
    path("workshops/importeren/", views.import_workshop, name="import"),
]
