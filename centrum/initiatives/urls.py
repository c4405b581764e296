"""Mounted in config/urls.py as `inicjatywy-lokalne/`."""

from django.urls import path

from .views import applications, desk, public, resolution

app_name = "initiatives"

urlpatterns = [
    path("", public.index, name="index"),
    path("zrealizowane/", public.carried_out, name="carried_out"),
    path("moje/", applications.mine, name="mine"),
    path("nowy/", applications.new, name="new"),
    path("<int:pk>/", applications.detail, name="detail"),
    path("<int:pk>/edycja/", applications.edit, name="edit"),
    path("<int:pk>/czlonkowie/", applications.member_new, name="member_new"),
    path("<int:pk>/wklad/", applications.contribution_new, name="contribution_new"),
    path("<int:pk>/usun/<str:kind>/<int:line_pk>/", applications.line_delete, name="line_delete"),
    path("<int:pk>/akcja/<str:action>/", applications.action, name="action"),
    path("<int:pk>/ocena/", desk.assess, name="assess"),
    path("<int:pk>/umowa/", desk.agreement, name="agreement"),
    path("<int:pk>/umowa/harmonogram/", desk.schedule_new, name="schedule_new"),
    path("<int:pk>/umowa/kosztorys/", desk.cost_new, name="cost_new"),
    path("<int:pk>/umowa.pdf", desk.agreement_pdf, name="agreement_pdf"),
    path("<int:pk>/sprawozdanie/", applications.completion, name="completion"),
    path("biuro/", desk.desk, name="desk"),
    path("biuro/eksport.<str:fmt>", desk.export, name="export"),
    path("zasady/", resolution.rules_page, name="rules"),
    path("zasady/nabory/", resolution.call_new, name="call_new"),
    path("zasady/kryteria/", resolution.criterion_new, name="criterion_new"),
    path("zasady/obszary/", resolution.area_new, name="area_new"),
    path("zasady/obszary/<int:pk>/", resolution.area_edit, name="area_edit"),
    path("zasady/<str:kind>/<int:pk>/usun/", resolution.rules_line_delete, name="rules_line_delete"),
]
