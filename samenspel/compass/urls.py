from django.urls import path

from samenspel.compass import views

app_name = "compass"

urlpatterns = [
    path("kompas/", views.case_list, name="cases"),
    path("kompas/nieuw/", views.case_create, name="case_create"),
    path("kompas/overzicht/", views.portfolio, name="portfolio"),
    path("kompas/zo-meten-we/", views.how_we_measure, name="how_we_measure"),
    path("kompas/<int:pk>/", views.case_detail, name="case"),
    path("kompas/<int:pk>/wijzigen/", views.case_change, name="case_change"),
    path("kompas/<int:pk>/meting/", views.assessment_start, name="assessment_start"),
    path("kompas/<int:pk>/export.csv", views.export_csv, name="export_csv"),
    path("kompas/<int:pk>/export.json", views.export_json, name="export_json"),
    path("kompas/metingen/<int:pk>/", views.assessment_detail, name="assessment"),
    path("kompas/metingen/<int:pk>/wijzigen/", views.assessment_change, name="assessment_change"),
    path("vragenlijst/", views.enter_code, name="enter_code"),
    path("v/<str:code>/", views.answer, name="answer"),
    path("w/<str:code>/rollenkompas/", views.answer_in_workshop, name="workshop_answer"),
    path("workshops/<int:pk>/rollenkompas/casus/", views.workshop_case, name="workshop_case"),
]
