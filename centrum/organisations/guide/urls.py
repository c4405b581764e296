"""The guided path for people founding an organisation ("Zakładam organizację"), public pages."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.guide_start, name="guide_start"),
    path("wynik/", views.guide_result, name="guide_result"),
    path("<slug:slug>/", views.guide_checklist, name="guide_checklist"),
    path("<slug:slug>/druk/", views.guide_print, name="guide_print"),
]
