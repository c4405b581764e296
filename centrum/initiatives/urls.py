"""Mounted in config/urls.py as `inicjatywy-lokalne/`."""

from django.urls import path

from . import views

app_name = "initiatives"

urlpatterns = [
    path("", views.index, name="index"),
    path("zrealizowane/", views.carried_out, name="carried_out"),
    path("moje/", views.mine, name="mine"),
    path("nowy/", views.new, name="new"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edycja/", views.edit, name="edit"),
    path("<int:pk>/czlonkowie/", views.member_new, name="member_new"),
    path("<int:pk>/wklad/", views.contribution_new, name="contribution_new"),
    path("<int:pk>/usun/<str:kind>/<int:line_pk>/", views.line_delete, name="line_delete"),
    path("<int:pk>/akcja/<str:action>/", views.action, name="action"),
    path("<int:pk>/ocena/", views.assess, name="assess"),
    path("<int:pk>/umowa/", views.agreement, name="agreement"),
    path("<int:pk>/umowa/harmonogram/", views.schedule_new, name="schedule_new"),
    path("<int:pk>/umowa/kosztorys/", views.cost_new, name="cost_new"),
    path("<int:pk>/umowa.pdf", views.agreement_pdf, name="agreement_pdf"),
    path("<int:pk>/sprawozdanie/", views.completion, name="completion"),
    path("biuro/", views.desk, name="desk"),
    path("biuro/eksport.<str:fmt>", views.export, name="export"),
    path("zasady/", views.rules_page, name="rules"),
    path("zasady/nabory/", views.call_new, name="call_new"),
    path("zasady/kryteria/", views.criterion_new, name="criterion_new"),
    path("zasady/obszary/", views.area_new, name="area_new"),
    path("zasady/obszary/<int:pk>/", views.area_edit, name="area_edit"),
    path("zasady/<str:kind>/<int:pk>/usun/", views.rules_line_delete, name="rules_line_delete"),
]
