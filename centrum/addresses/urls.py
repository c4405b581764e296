"""Mounted in config/urls.py under /adres/."""

from django.urls import path

from .views import agreements, mail

app_name = "addresses"

urlpatterns = [
    path("", agreements.address_home, name="home"),
    path("wniosek/", agreements.agreement_request_view, name="agreement_request"),
    path("moje/", agreements.my_agreements, name="my_agreements"),
    path("porozumienia/", agreements.agreement_register_view, name="agreement_register"),
    path("porozumienia/<int:pk>/", agreements.agreement_detail, name="agreement_detail"),
    path("porozumienia/<int:pk>/akcja/<str:action>/", agreements.agreement_action, name="agreement_action"),
    path("porozumienia/<int:pk>/porozumienie.pdf", agreements.agreement_document, name="agreement_pdf"),
    path(
        "porozumienia/<int:pk>/zgoda-na-siedzibe.pdf",
        agreements.seat_consent_document,
        name="seat_consent_pdf",
    ),
    path("porozumienia/<int:pk>/przekaz/", agreements.agreement_transfer_view, name="agreement_transfer"),
    path("porozumienia/<int:pk>/krs/", agreements.agreement_krs_check, name="agreement_krs_check"),
    path("poczta/", mail.mail_log_view, name="mail_log"),
    path("poczta/nowa/", mail.mail_new, name="mail_new"),
    path("poczta/<int:pk>/", mail.mail_detail, name="mail_detail"),
    path("poczta/<int:pk>/akcja/<str:action>/", mail.mail_action, name="mail_action"),
    path("poczta/<int:pk>/skan/", mail.mail_scan, name="mail_scan"),
    path("organizacje/<int:organisation_pk>/", mail.organisation_mail, name="organisation_mail"),
    path(
        "organizacje/<int:organisation_pk>/upowaznieni/nowa/",
        mail.authorised_person_new,
        name="authorised_person_new",
    ),
    path(
        "organizacje/<int:organisation_pk>/upowaznieni/<int:pk>/usun/",
        mail.authorised_person_remove_view,
        name="authorised_person_remove",
    ),
]
