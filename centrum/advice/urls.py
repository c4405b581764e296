"""Mounted in config/urls.py: path("doradztwo/", include("centrum.advice.urls"))."""

from django.urls import path

from .views import desk, organisations, public, setup, statistics

app_name = "advice"

urlpatterns = [
    path("", public.index, name="index"),
    path("doradcy/<int:pk>/", public.adviser_detail, name="adviser_detail"),
    path("doradcy/<int:pk>/umow/<str:slot>/", public.book, name="book"),
    path("porada/<str:token>/", public.appointment_manage, name="appointment_manage"),
    path("panel/", desk.desk, name="desk"),
    path("porady/", desk.appointment_list, name="appointment_list"),
    path("porady/<int:pk>/", desk.appointment_detail, name="appointment_detail"),
    path("porady/<int:pk>/dziennik/", desk.appointment_log_view, name="appointment_log"),
    path("porady/<int:pk>/skieruj/", desk.appointment_refer, name="appointment_refer"),
    path("porady/<int:pk>/akcja/<str:action>/", desk.appointment_action, name="appointment_action"),
    path("zespol/", setup.adviser_manage, name="adviser_manage"),
    path("zespol/nowy/", setup.adviser_new, name="adviser_new"),
    path("zespol/<int:pk>/", setup.adviser_edit, name="adviser_edit"),
    path("zespol/<int:pk>/dyzury/", setup.adviser_hours, name="adviser_hours"),
    path("zespol/<int:pk>/dyzury/nowy/", setup.office_hours_new, name="office_hours_new"),
    path("zespol/<int:pk>/nieobecnosci/nowa/", setup.absence_new, name="absence_new"),
    path("dyzury/<int:pk>/usun/", setup.office_hours_remove, name="office_hours_remove"),
    path("dziedziny/", setup.domain_manage, name="domain_manage"),
    path("przydzialy/", organisations.assignment_list, name="assignment_list"),
    path("przydzialy/nowy/", organisations.assignment_new, name="assignment_new"),
    path("przydzialy/<int:pk>/", organisations.assignment_detail, name="assignment_detail"),
    path("przydzialy/<int:pk>/wpis/", organisations.assignment_entry_new, name="assignment_entry_new"),
    path("przydzialy/<int:pk>/zakoncz/", organisations.assignment_finish, name="assignment_finish"),
    path("podopieczni/", organisations.caretaker, name="caretaker"),
    path("podopieczni/<int:pk>/", organisations.caretaker_organisation, name="caretaker_organisation"),
    path("statystyki/", statistics.statistics, name="statistics"),
    path("cele/", statistics.target_manage, name="target_manage"),
]
