"""Mounted in config/urls.py at /wolontariat/."""

from django.urls import path

from .views import common, desk, documents, host, public, volunteer

app_name = "volunteers"

urlpatterns = [
    path("", public.index, name="index"),
    path("oferty/<int:pk>/", public.offer_detail, name="offer"),
    path("oferty/<int:pk>/akcja/<str:action>/", common.OfferActionView.as_view(), name="offer_action"),
    path("oferty/<int:pk>/zglos/", volunteer.apply, name="apply"),
    path("oferty/<int:pk>/polec/", host.introduce, name="introduce"),
    path("oferty/<int:pk>/edytuj/", host.offer_edit, name="offer_edit"),
    path("oferty/<int:pk>/dyzury/", host.shift_new, name="shift_new"),
    path("oferty/nowa/", host.offer_new, name="offer_new"),
    path("za-granica/", public.abroad, name="abroad"),
    path("za-granica/<int:pk>/", public.abroad_detail, name="abroad_detail"),
    path("za-granica/nowa/", desk.abroad_form, name="abroad_new"),
    path("za-granica/<int:pk>/edytuj/", desk.abroad_form, name="abroad_edit"),
    path("profil/", volunteer.profile, name="profile"),
    path("moje/", volunteer.mine, name="mine"),
    path("zgloszenia/<int:pk>/", volunteer.application_detail, name="application"),
    path(
        "zgloszenia/<int:pk>/akcja/<str:action>/",
        common.ApplicationActionView.as_view(),
        name="application_action",
    ),
    path("zgloszenia/<int:pk>/porozumienie/", volunteer.agreement_edit, name="agreement_edit"),
    path("porozumienia/<int:pk>/", volunteer.agreement_detail, name="agreement"),
    path("porozumienia/<int:pk>/godziny/", volunteer.hours_new, name="hours_new"),
    path("porozumienia/<int:pk>/opinia/", volunteer.opinion, name="opinion"),
    path("porozumienia/<int:pk>/porozumienie.pdf", documents.agreement_pdf, name="agreement_pdf"),
    path("porozumienia/<int:pk>/zaswiadczenie.pdf", documents.certificate_pdf, name="certificate_pdf"),
    path("porozumienia/<int:pk>/opinia.pdf", documents.opinion_pdf, name="opinion_pdf"),
    path("godziny/<int:pk>/akcja/<str:action>/", common.HoursActionView.as_view(), name="hours_action"),
    path("organizator/", host.host_home, name="host"),
    path("organizator/<int:pk>/wycena/", host.contribution, name="contribution"),
    path("centrum/", desk.desk, name="desk"),
    path("centrum/wolontariusze/<int:pk>/", desk.volunteer_detail, name="volunteer"),
    path("centrum/wolontariusze/<int:pk>/zgoda/", desk.consent_file, name="consent_file"),
    path("centrum/instytucje/nowa/", desk.body_form, name="body_new"),
    path("centrum/instytucje/<int:pk>/", desk.body_form, name="body_edit"),
    path("centrum/statystyki/", desk.stats, name="stats"),
    path("centrum/statystyki/<str:fmt>/", desk.stats_export, name="stats_export"),
]
