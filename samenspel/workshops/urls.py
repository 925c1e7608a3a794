from django.urls import path

from samenspel.workshops import views

app_name = "workshops"

urlpatterns = [
    path("workshops/", views.workshop_list, name="list"),
    path("workshops/nieuw/", views.workshop_create, name="create"),
    path("workshops/<int:pk>/", views.console, name="console"),
    path("doe-mee/", views.enter_code, name="enter_code"),
    path("uitkomst/<str:key>/", views.outcome, name="outcome"),
    path("workshops/<int:pk>/projector/", views.projector, name="projector"),
    path("workshops/<int:pk>/ronde/", views.change_round, name="change_round"),
    path("workshops/<int:pk>/timer/", views.change_timer, name="change_timer"),
    path("workshops/<int:pk>/notities/", views.add_paper_note, name="add_paper_note"),
    path("workshops/<int:pk>/notities/<int:note_pk>/verbergen/", views.hide_note,
         name="hide_note"),
    path("workshops/<int:pk>/notities/<int:note_pk>/samenvoegen/", views.merge_note,
         name="merge_note"),
    path("workshops/<int:pk>/notities/<int:note_pk>/verplaatsen/", views.move_note,
         name="move_note"),
    path("workshops/<int:pk>/notities/tonen/", views.reveal_notes, name="reveal_notes"),
    path("workshops/<int:pk>/delen/", views.show_activity, name="show_activity"),
    path("w/<str:code>/", views.participant, name="participant"),
    path("w/<str:code>/notities/<int:note_pk>/", views.edit_note, name="edit_note"),
    path("w/<str:code>/notities/<int:note_pk>/verwijderen/", views.delete_note,
         name="delete_note"),
    path("w/<str:code>/reactie/", views.react, name="react"),
    path("w/<str:code>/mijn-gegevens/", views.my_data, name="my_data"),
    path("w/<str:code>/notities/", views.add_note, name="add_note"),
    path("w/<str:code>/activiteiten/", views.propose_activity, name="propose_activity"),
    path("w/<str:code>/stip/", views.place_dot, name="place_dot"),
    path("w/<str:code>/kiezen/", views.choose_activities, name="choose_activities"),
    path("workshops/<int:pk>/kiezen/", views.choose_for_group, name="choose_for_group"),
]
