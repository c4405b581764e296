"""Mounted in config/urls.py as `konsultacje/`."""

from django.urls import path

from .views import cocreation, desk, documents, public

app_name = "consultations"

urlpatterns = [
    path("", public.index, name="index"),
    path("biurko/", desk.desk, name="desk"),
    path("rodzaje/", desk.kinds, name="kinds"),
    path("rodzaje/nowy/", desk.kind_edit, name="kind_new"),
    path("rodzaje/<int:pk>/", desk.kind_edit, name="kind_edit"),
    path("nowe/", desk.edit, name="new"),
    path("<int:pk>/", public.detail, name="detail"),
    path("<int:pk>/edycja/", desk.edit, name="edit"),
    path("<int:pk>/tresc/", desk.units, name="units"),
    path("<int:pk>/tresc/<int:unit_pk>/usun/", desk.unit_delete, name="unit_delete"),
    path("<int:pk>/akcja/<str:action>/", desk.action, name="action"),
    path("<int:pk>/uwagi/", public.comment_new, name="comment_new"),
    path("<int:pk>/uwagi/bez-konta/", public.comment_public, name="comment_public"),
    path("<int:pk>/uwagi/eksport.<str:fmt>", desk.export, name="export"),
    path("<int:pk>/odpowiedzi/", desk.answers, name="answers"),
    path("<int:pk>/wersje/", desk.versions, name="versions"),
    path("<int:pk>/wersje/nowa/", desk.version_new, name="version_new"),
    path("<int:pk>/sprawozdanie/", documents.report, name="report"),
    path("<int:pk>/sprawozdanie.pdf", documents.report_pdf, name="report_pdf"),
    path("<int:pk>/sprawozdanie.docx", documents.report_docx, name="report_docx"),
    path("jednostki/<int:pk>/zmiana/", desk.unit_revise_view, name="unit_revise"),
    path("uwagi/<int:pk>/akcja/<str:action>/", desk.comment_action, name="comment_action"),
    path("uwagi/potwierdz/<str:token>/", public.confirm, name="confirm"),
    path("nabory/", cocreation.calls, name="calls"),
    path("nabory/nowy/", cocreation.call_new, name="call_new"),
    path("nabory/<int:pk>/", cocreation.call, name="call"),
    path("nabory/<int:pk>/propozycje/", cocreation.proposal_new, name="proposal_new"),
    path("nabory/<int:pk>/zespoly/", cocreation.team_new, name="team_new"),
    path("propozycje/<int:pk>/decyzja/", cocreation.proposal_decide, name="proposal_decide"),
    path("zespoly/<int:pk>/projekt/", cocreation.team_draft, name="team_draft"),
]
