from django.urls import path

from . import views, views_panel

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("dostepnosc/", views.accessibility, name="accessibility"),
    path("wyglad/", views.ui_preferences, name="ui_preferences"),
    path("panel/", views.staff_dashboard, name="staff_dashboard"),
    path("panel/dziennik/", views_panel.audit_log, name="audit_log"),
    path(
        "panel/dziennik/<int:content_type_id>/<str:object_id>/",
        views_panel.audit_object_history,
        name="audit_object_history",
    ),
    path("panel/ustawienia/", views_panel.centre_settings, name="centre_settings"),
    path("panel/centrum/", views_panel.centre_profile, name="centre_profile"),
    path("panel/centrum/dni-zamkniete/", views_panel.centre_closed_days, name="centre_closed_days"),
    path(
        "panel/centrum/dni-zamkniete/<int:pk>/usun/",
        views_panel.centre_closed_day_delete,
        name="centre_closed_day_delete",
    ),
]
