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
    path("ocena/moje/", views.evaluation.desk, name="evaluator_desk"),
    path("ocena/<int:pk>/", views.evaluation.evaluation, name="evaluation"),
    path("ocena/<int:pk>/komisja/", views.evaluation.commission_settings, name="commission_settings"),
    path("ocena/<int:pk>/komisja/dodaj/", views.evaluation.member_add, name="member_add"),
    path("ocena/<int:pk>/zamknij-ocene/", views.evaluation.scoring_close_view, name="scoring_close"),
    path("ocena/<int:pk>/protokol.pdf", views.evaluation.protocol_pdf, name="protocol_pdf"),
    path("ocena/<int:pk>/zglos-kandydata/", views.evaluation.nominate, name="nominate"),
    path(
        "ocena/kandydaci/<int:pk>/<str:decision>/", views.evaluation.nominee_decision, name="nominee_decision"
    ),
    path("ocena/oferty/<int:pk>/formalna/", views.evaluation.formal_check, name="formal_check"),
    path("ocena/oferty/<int:pk>/oswiadczenie/", views.evaluation.declare, name="declare"),
    path("ocena/oferty/<int:pk>/punkty/", views.evaluation.score, name="score"),
    path("ocena/oferty/<int:pk>/decyzja/", views.evaluation.decision, name="decision"),
    # reports --- (reports, settlement and returns, control)
    path("umowy/moje/", views.reports.my_contracts, name="my_contracts"),
    path("umowy/<int:pk>/rozliczenie/", views.reports.contract_reports, name="contract_reports"),
    path("umowy/<int:pk>/sprawozdania/nowe/", views.reports.report_start_view, name="report_start"),
    path("urzad/umowy/<int:pk>/wezwanie/", views.reports.report_demand_view, name="report_demand"),
    path("urzad/umowy/<int:pk>/rozlicz/", views.reports.contract_settle_view, name="contract_settle"),
    path("urzad/umowy/<int:pk>/kontrola/", views.reports.control_new, name="control_new"),
    path("sprawozdania/<int:pk>/", views.reports.report_detail, name="report"),
    path("sprawozdania/<int:pk>/edycja/", views.reports.report_edit, name="report_edit"),
    path("sprawozdania/<int:pk>/sprawdz/", views.reports.report_check_view, name="report_check"),
    path("sprawozdania/<int:pk>/pdf/", views.reports.report_pdf, name="report_pdf"),
    path("sprawozdania/<int:pk>/akcja/<str:action>/", views.reports.report_action, name="report_action"),
    path("urzad/sprawozdania/", views.reports.reports_desk, name="reports_desk"),
    path("urzad/sprawozdania/eksport.<str:fmt>", views.reports.reports_export, name="reports_export"),
    path("urzad/zwroty/", views.reports.returns_view, name="returns"),
    path("urzad/zwroty/eksport.<str:fmt>", views.reports.returns_export, name="returns_export"),
    path("urzad/zwroty/<int:pk>/wplata/", views.reports.return_payment, name="return_payment"),
    path("urzad/kontrole/", views.reports.controls_view, name="controls"),
    path("kontrole/<int:pk>/", views.reports.control_detail, name="control"),
    path("kontrole/<int:pk>/protokol.pdf", views.reports.control_file, name="control_file"),
    path("urzad/kontrole/<int:pk>/protokol/", views.reports.control_protocol, name="control_protocol"),
    path("urzad/kontrole/<int:pk>/zalecenie/", views.reports.recommendation_new, name="recommendation_new"),
    path(
        "urzad/zalecenia/<int:pk>/wykonanie/", views.reports.recommendation_done, name="recommendation_done"
    ),
]
