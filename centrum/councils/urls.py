"""Mounted in config/urls.py at /rady/."""

from django.urls import path

from .views import bodies, elections, meetings, opinions

app_name = "councils"

urlpatterns = [
    path("", bodies.index, name="index"),
    path("biuro/", bodies.desk_view, name="desk"),
    path("rodzaje/", bodies.kinds, name="kinds"),
    path("rodzaje/nowy/", bodies.kind_edit, name="kind_new"),
    path("rodzaje/ustawowe/", bodies.kinds_statutory, name="kinds_statutory"),
    path("rodzaje/<int:pk>/", bodies.kind_edit, name="kind_edit"),
    path("nowa/", bodies.body_new, name="body_new"),
    path("<int:pk>/", bodies.body_detail, name="body"),
    path("<int:pk>/edytuj/", bodies.body_edit, name="body_edit"),
    path("<int:pk>/czlonkowie/dodaj/", bodies.member_new, name="member_new"),
    path("czlonkowie/<int:pk>/koniec/", bodies.member_end_view, name="member_end"),
    path("<int:pk>/uchwaly/dodaj/", bodies.resolution_new, name="resolution_new"),
    path("<int:pk>/posiedzenia/nowe/", meetings.meeting_new, name="meeting_new"),
    path("posiedzenia/<int:pk>/", meetings.meeting_detail, name="meeting"),
    path("posiedzenia/<int:pk>/edytuj/", meetings.meeting_edit, name="meeting_edit"),
    path("posiedzenia/<int:pk>/obecnosc/", meetings.attendance, name="attendance"),
    path("posiedzenia/<int:pk>/protokol/", meetings.minutes, name="minutes"),
    path("posiedzenia/<int:pk>/dokumenty/", meetings.document_new, name="document_new"),
    path("posiedzenia/<int:pk>/protokol/plik/", meetings.minutes_file, name="minutes_file"),
    path("dokumenty/<int:pk>/", meetings.document_file, name="document"),
    path("<int:pk>/wybory/nowe/", elections.election_new, name="election_new"),
    path("wybory/<int:pk>/", elections.election_detail, name="election"),
    path("wybory/<int:pk>/zgloszenie/", elections.nominate, name="nominate"),
    path("wybory/<int:pk>/glos/", elections.vote, name="vote"),
    path("wybory/<int:pk>/akcja/<str:action>/", elections.election_action, name="election_action"),
    path("kandydaci/<int:pk>/powolaj/", elections.appoint, name="appoint"),
    path("opinie/", bodies.opinions, name="opinions"),
    path("<int:pk>/opinie/nowa/", opinions.opinion_new, name="opinion_new"),
    path("opinie/<int:pk>/", opinions.opinion_detail, name="opinion"),
    path("opinie/<int:pk>/plik/", opinions.opinion_file, name="opinion_file"),
    path("opinie/<int:pk>/akcja/<str:action>/", opinions.opinion_action, name="opinion_action"),
    path("wnioski/", opinions.requests, name="requests"),
    path("wnioski/nowy/", opinions.request_new, name="request_new"),
    path("wnioski/<int:pk>/", opinions.request_detail, name="request"),
    path("wnioski/<int:pk>/podpisz/", opinions.request_sign, name="request_sign"),
]
