"""URLs of the organisation registry, by sub-feature: the registry itself, data (CSV import, export, the
yearly OPP list, KRS refresh) under `dane/`, and the founding guide under `zakladam/` (`guide/urls.py`)."""

from django.urls import include, path

from .views import data, opp, registry

app_name = "organisations"

urlpatterns = [
    path("", registry.directory, name="directory"),
    path("zglos/", registry.register, name="register"),
    path("zglos/wyslano/<int:pk>/", registry.register_done, name="register_done"),
    path("weryfikacja/", registry.verification_queue, name="verification_queue"),
    path("<int:pk>/", registry.detail, name="detail"),
    path("<int:pk>/edytuj/", registry.edit, name="edit"),
    path("<int:pk>/akcja/<slug:action>/", registry.action, name="action"),
    # Data: staff import the CSV list and the OPP list, export the directory, refresh from KRS.
    path("dane/import/", data.import_upload, name="import_upload"),
    path("dane/import/szablon.csv", data.import_template, name="import_template"),
    path("dane/import/<int:pk>/", data.import_preview, name="import_preview"),
    path("dane/import/<int:pk>/postep/", data.import_progress, name="import_progress"),
    path("dane/import/<int:pk>/importuj/", data.import_run, name="import_run"),
    path("dane/eksport.csv", data.export_csv, name="export_csv"),
    path("dane/eksport.xlsx", data.export_xlsx, name="export_xlsx"),
    path("dane/wykaz-opp/", opp.opp_upload, name="opp_upload"),
    path("dane/wykaz-opp/<int:pk>/", opp.opp_preview, name="opp_preview"),
    path("dane/wykaz-opp/<int:pk>/zastosuj/", opp.opp_apply, name="opp_apply"),
    path("dane/krs/<int:pk>/odswiez/", data.organisation_krs_refresh, name="organisation_krs_refresh"),
    path("zakladam/", include("centrum.organisations.guide.urls")),
]
