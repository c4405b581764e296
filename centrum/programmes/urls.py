"""Mounted in config/urls.py as `program-wspolpracy/`."""

from django.urls import path

from . import views

app_name = "programmes"

urlpatterns = [
    path("", views.index, name="index"),
    path("nowy/", views.edit, name="new"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edycja/", views.edit, name="edit"),
    path("<int:pk>/zadania/", views.task_new, name="task_new"),
    path("<int:pk>/zadania/<int:task_pk>/usun/", views.task_delete, name="task_delete"),
    path("<int:pk>/akcja/<str:action>/", views.action, name="action"),
    path("<int:pk>/uwagi/", views.comment_new, name="comment_new"),
    path("uwagi/<int:pk>/odpowiedz/", views.comment_reply, name="comment_answer"),
    path("planowane-dotacje/", views.planned_grants, name="planned_grants"),
    path("oferty-z-wlasnej-inicjatywy/", views.proposals, name="proposals"),
    path("oferty-z-wlasnej-inicjatywy/nowa/", views.proposal_new, name="proposal_new"),
    path("oferty-z-wlasnej-inicjatywy/<int:pk>/", views.proposal, name="proposal"),
    path(
        "oferty-z-wlasnej-inicjatywy/<int:pk>/akcja/<str:action>/",
        views.proposal_action,
        name="proposal_action",
    ),
]
