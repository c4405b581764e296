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
]
