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
    # small_grants --- (art. 19a: the simplified offer, publication, public comments, the contract)
    path("male-granty/", views.small_grants.public_list, name="small_grants_public"),
    path("male-granty/<int:pk>/", views.small_grants.public_offer, name="small_grant_public"),
    path("oferty-uproszczone/", views.small_grants.small_grants_mine, name="small_grants_mine"),
    path("oferty-uproszczone/<int:pk>/", views.small_grants.small_grant_detail, name="small_grant"),
    path("oferty-uproszczone/<int:pk>/edytuj/", views.small_grants.small_grant_edit, name="small_grant_edit"),
    path(
        "oferty-uproszczone/<int:pk>/sprawdz/", views.small_grants.small_grant_check, name="small_grant_check"
    ),
    path("oferty-uproszczone/<int:pk>/pdf/", views.small_grants.small_grant_pdf_view, name="small_grant_pdf"),
    path(
        "oferty-uproszczone/<int:pk>/akcja/<str:action>/",
        views.small_grants.small_grant_action,
        name="small_grant_action",
    ),
    path("urzad/male-granty/", views.small_grants.desk, name="small_grants_desk"),
    path(
        "urzad/male-granty/eksport.<str:fmt>", views.small_grants.register_export, name="small_grants_export"
    ),
    path("urzad/male-granty/<int:pk>/publikacja/", views.small_grants.publish, name="small_grant_publish"),
    path("urzad/male-granty/<int:pk>/umowa/", views.small_grants.contract, name="small_grant_contract"),
    path(
        "urzad/male-granty/uwagi/<int:pk>/odpowiedz/",
        views.small_grants.comment_respond,
        name="small_grant_comment_respond",
    ),
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

# contracts --- (the updated budget, the contract, its signing and annexes, the desk of contracts)
urlpatterns += [
    path("oferty/<int:pk>/aktualizacja-kosztorysu/", views.contracts.budget_update, name="budget_update"),
    path(
        "aktualizacje-kosztorysu/<int:pk>/akcja/<str:action>/",
        views.contracts.budget_update_action,
        name="budget_update_action",
    ),
    path("oferty/<int:pk>/umowa/", views.contracts.contract_new, name="contract_new"),
    path("umowy/<int:pk>/", views.contracts.contract_detail, name="contract"),
    path("umowy/<int:pk>/pdf/", views.contracts.contract_pdf_view, name="contract_pdf"),
    path("umowy/<int:pk>/edytuj/", views.contracts.contract_edit, name="contract_edit"),
    path("umowy/<int:pk>/podpisanie/", views.contracts.contract_sign_page, name="contract_sign"),
    path("umowy/<int:pk>/akcja/<str:action>/", views.contracts.contract_action, name="contract_action"),
    path("umowy/<int:pk>/aneks/", views.contracts.annex_new, name="annex_new"),
    path("aneksy/<int:pk>/podpisanie/", views.contracts.annex_sign_page, name="annex_sign"),
    path("aneksy/<int:pk>/akcja/<str:action>/", views.contracts.annex_action, name="annex_action"),
    path("aneksy/<int:pk>/pdf/", views.contracts.annex_pdf_view, name="annex_pdf"),
    path("urzad/umowy/", views.contracts.contracts_desk, name="contracts_desk"),
    path("urzad/umowy/eksport.<str:fmt>", views.contracts.contracts_export, name="contracts_export"),
    path(
        "urzad/konkursy/<int:pk>/umowy/", views.contracts.competition_contracts, name="competition_contracts"
    ),
]
