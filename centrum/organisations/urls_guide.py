"""The guided path for people founding an organisation ("Zakładam organizację"), public pages."""

from django.urls import path

from . import views_guide

urlpatterns = [
    path("", views_guide.guide_start, name="guide_start"),
    path("wynik/", views_guide.guide_result, name="guide_result"),
    path("<slug:slug>/", views_guide.guide_checklist, name="guide_checklist"),
    path("<slug:slug>/druk/", views_guide.guide_print, name="guide_print"),
]
