"""Mounted in config/urls.py as `dotacje/`. One file for the app; each sub-feature's views live in its own
module of `views/` (competitions, offers, evaluation)."""

from django.urls import path  # noqa: F401

from . import views  # noqa: F401

app_name = "grants"

urlpatterns = [
    path("", views.competitions.index, name="index"),
    # competitions (announcements, publication channels, board, results, requests for reasons)
    path("konkursy/<int:pk>/", views.competitions.competition, name="competition"),
    path("konkursy/<int:pk>/ogloszenie.pdf", views.competitions.competition_pdf, name="competition_pdf"),
    path("konkursy/<int:pk>/ogloszenie-bip.html", views.competitions.competition_bip, name="competition_bip"),
    path("konkursy/<int:pk>/wyniki/", views.competitions.results, name="results"),
    path("konkursy/<int:pk>/wyniki.pdf", views.competitions.results_pdf, name="results_pdf"),
    path(
        "konkursy/<int:pk>/uzasadnienie/", views.competitions.reasons_request_new, name="reasons_request_new"
    ),
    path(
        "konkursy/<int:pk>/akcja/<str:action>/",
        views.competitions.competition_action,
        name="competition_action",
    ),
    path("urzad/konkursy/", views.competitions.desk, name="desk"),
    path("urzad/konkursy/nowy/", views.competitions.competition_new, name="competition_new"),
    path("urzad/konkursy/<int:pk>/", views.competitions.board, name="board"),
    path("urzad/konkursy/<int:pk>/edycja/", views.competitions.competition_edit, name="competition_edit"),
    path("urzad/konkursy/<int:pk>/publikacje/", views.competitions.publications, name="publications"),
    path(
        "urzad/konkursy/<int:pk>/eksport/<str:what>.<str:fmt>",
        views.competitions.competition_export,
        name="competition_export",
    ),
    path("urzad/wnioski-o-uzasadnienie/", views.competitions.reasons_requests, name="reasons_requests"),
    path(
        "urzad/wnioski-o-uzasadnienie/<int:pk>/", views.competitions.reasons_request, name="reasons_request"
    ),
    # offers (the offer form, submission, signing, withdrawal, cloning)
    # evaluation (formal check, commission, declarations, scoring, decision)
]
