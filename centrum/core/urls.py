from django.urls import path

from .views import pages, panel, platform

app_name = "core"

urlpatterns = [
    path("", pages.home, name="home"),
    path("dostepnosc/", pages.accessibility, name="accessibility"),
    path("wyglad/", pages.ui_preferences, name="ui_preferences"),
    path("panel/", pages.staff_dashboard, name="staff_dashboard"),
    path("panel/dziennik/", panel.audit_log, name="audit_log"),
    path(
        "panel/dziennik/<int:content_type_id>/<str:object_id>/",
        panel.audit_object_history,
        name="audit_object_history",
    ),
    path("panel/ustawienia/", panel.centre_settings, name="centre_settings"),
    path("panel/centrum/", panel.centre_profile, name="centre_profile"),
    path("panel/centrum/dni-zamkniete/", panel.centre_closed_days, name="centre_closed_days"),
    path(
        "panel/centrum/dni-zamkniete/<int:pk>/usun/",
        panel.centre_closed_day_delete,
        name="centre_closed_day_delete",
    ),
]

# The platform host's pages (config/urls_platform.py mounts them under /platforma/).
platform_urlpatterns = (
    [
        path("centra/", platform.centre_list, name="centre_list"),
        path("centra/nowe/", platform.centre_new, name="centre_new"),
        path("centra/<int:pk>/", platform.centre_detail, name="centre_detail"),
        path("centra/<int:pk>/pracownik/", platform.centre_staff_add, name="centre_staff_add"),
        path("centra/<int:pk>/aktywnosc/", platform.centre_toggle_active, name="centre_toggle_active"),
    ],
    "platform",
)
