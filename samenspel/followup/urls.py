from django.urls import path

from samenspel.followup import views

app_name = "followup"

urlpatterns = [
    path("opvolging/", views.dashboard, name="dashboard"),
    path("opvolging/workshops/<int:pk>/", views.review, name="review"),
    path("opvolging/workshops/<int:pk>/openbaar/", views.publish, name="publish"),
    path("opvolging/workshops/<int:pk>/nieuw/", views.activity_add, name="activity_add"),
    path("opvolging/activiteiten/<int:pk>/", views.activity, name="activity"),
    path("opvolging/activiteiten/<int:pk>/wijzigen/", views.activity_change,
         name="activity_change"),
    path("opvolging/activiteiten/<int:pk>/status/", views.status_change, name="status_change"),
    path("opvolging/activiteiten/<int:pk>/terugblik/", views.staff_check_in,
         name="staff_check_in"),
    path("terugblik/<str:key>/", views.link_page, name="link"),
    path("terugblik/<str:key>/<int:pk>/", views.link_check_in, name="link_check_in"),
    path("voortgang/<str:key>/", views.public, name="public"),
    path("w/<str:code>/terugblik/<int:pk>/", views.look_back_answer, name="look_back_answer"),
    path("workshops/<int:pk>/terugblik/vorige/", views.look_back_previous,
         name="look_back_previous"),
]
