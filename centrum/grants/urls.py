"""Mounted in config/urls.py as `dotacje/`. One file for the app; each sub-feature's views live in its own
module of `views/` (competitions, offers, evaluation)."""

from django.urls import path  # noqa: F401

from . import views  # noqa: F401

app_name = "grants"

urlpatterns = [
    path("", views.competitions.index, name="index"),
    # competitions (announcements, publication channels, board, results, requests for reasons)
    # offers (the offer form, submission, signing, withdrawal, cloning)
    # evaluation (formal check, commission, declarations, scoring, decision)
    path("ocena/moje/", views.evaluation.desk, name="evaluator_desk"),
    path("ocena/<int:pk>/", views.evaluation.evaluation, name="evaluation"),
    path("ocena/<int:pk>/komisja/", views.evaluation.commission_settings, name="commission_settings"),
    path("ocena/<int:pk>/komisja/dodaj/", views.evaluation.member_add, name="member_add"),
    path("ocena/<int:pk>/zamknij-ocene/", views.evaluation.scoring_close_view, name="scoring_close"),
    path("ocena/<int:pk>/protokol.pdf", views.evaluation.protocol_pdf, name="protocol_pdf"),
    path("ocena/<int:pk>/oceny.<str:fmt>", views.evaluation.scores_export, name="scores_export"),
    path("ocena/<int:pk>/zglos-kandydata/", views.evaluation.nominate, name="nominate"),
    path(
        "ocena/kandydaci/<int:pk>/<str:decision>/", views.evaluation.nominee_decision, name="nominee_decision"
    ),
    path("ocena/oferty/<int:pk>/formalna/", views.evaluation.formal_check, name="formal_check"),
    path("ocena/oferty/<int:pk>/oswiadczenie/", views.evaluation.declare, name="declare"),
    path("ocena/oferty/<int:pk>/punkty/", views.evaluation.score, name="score"),
    path("ocena/oferty/<int:pk>/decyzja/", views.evaluation.decision, name="decision"),
]
