"""Import (CSV list, yearly OPP list), export and KRS look-up (staff and registering persons)."""

from django.urls import path

from .views import data as views_data
from .views import opp as views_opp

urlpatterns = [
    path("import/", views_data.import_upload, name="import_upload"),
    path("import/szablon.csv", views_data.import_template, name="import_template"),
    path("import/<int:pk>/", views_data.import_preview, name="import_preview"),
    path("import/<int:pk>/postep/", views_data.import_progress, name="import_progress"),
    path("import/<int:pk>/importuj/", views_data.import_run, name="import_run"),
    path("eksport.csv", views_data.export_csv, name="export_csv"),
    path("eksport.xlsx", views_data.export_xlsx, name="export_xlsx"),
    path("wykaz-opp/", views_opp.opp_upload, name="opp_upload"),
    path("wykaz-opp/<int:pk>/", views_opp.opp_preview, name="opp_preview"),
    path("wykaz-opp/<int:pk>/zastosuj/", views_opp.opp_apply, name="opp_apply"),
    path("krs/<int:pk>/odswiez/", views_data.organisation_krs_refresh, name="organisation_krs_refresh"),
]
