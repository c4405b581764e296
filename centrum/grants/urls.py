"""Mounted in config/urls.py as `dotacje/`. One file for the app; each sub-feature's views live in its own
module of `views/` (competitions, offers, evaluation)."""

from django.urls import path  # noqa: F401

from . import views  # noqa: F401

app_name = "grants"

urlpatterns = [
    path("", views.competitions.index, name="index"),
    # competitions (announcements, publication channels, board, results, requests for reasons)
    # offers (the offer form, submission, signing, withdrawal, cloning)
    path("oferty/", views.offers.my_offers, name="my_offers"),
    path("konkursy/<int:competition_pk>/oferta/", views.offers.offer_new, name="offer_new"),
    path("oferty/<int:pk>/", views.offers.offer_detail, name="offer"),
    path("oferty/<int:pk>/pdf/", views.offers.offer_pdf_view, name="offer_pdf"),
    path("oferty/<int:pk>/edytuj/", views.offers.offer_edit, name="offer_edit"),
    path("oferty/<int:pk>/sprawdz/", views.offers.offer_check, name="offer_check"),
    path("oferty/<int:pk>/akcja/<str:action>/", views.offers.offer_action, name="offer_action"),
    path("oferty/<int:pk>/podpisane/", views.offers.offer_signed_file, name="offer_signed_file"),
    path("oferty/<int:pk>/udostepnij/", views.offers.offer_share_view, name="offer_share"),
    path("oferty/<int:pk>/uwagi/", views.offers.offer_comment_view, name="offer_comment"),
    # evaluation (formal check, commission, declarations, scoring, decision)
]
