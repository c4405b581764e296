"""Mounted in config/urls.py under `szkolenia/`."""

from django.urls import path

from .views import public, registrations, staff

app_name = "trainings"

urlpatterns = [
    path("", public.training_list, name="list"),
    path("archiwum/", public.training_archive, name="archive"),
    path("kalendarz.ics", public.calendar_feed, name="calendar_ics"),
    path("<int:pk>/", public.training_detail, name="detail"),
    path("<int:pk>/kalendarz.ics", public.training_ics, name="training_ics"),
    path("<int:pk>/zapisy/", public.register, name="register"),
    path("<int:pk>/stoisko/", public.stand_request, name="stand_request"),
    path("moje/", registrations.my_registrations, name="my_registrations"),
    path("zgloszenia/<int:pk>/", registrations.registration_detail, name="registration_detail"),
    path(
        "zgloszenia/<int:pk>/akcja/<slug:action>/",
        registrations.registration_action,
        name="registration_action",
    ),
    path("zgloszenia/<int:pk>/zaswiadczenie.pdf", registrations.certificate, name="certificate"),
    path("zgloszenia/<int:pk>/ocena/", registrations.feedback, name="feedback"),
    path("rezygnacja/<str:token>/", registrations.cancel_by_link, name="registration_cancel_link"),
    path("zarzadzanie/", staff.manage, name="manage"),
    path("nowe/", staff.training_form, name="new"),
    path("<int:pk>/edytuj/", staff.training_form, name="edit"),
    path("<int:pk>/akcja/<slug:action>/", staff.training_action, name="training_action"),
    path("<int:training_pk>/spotkania/nowe/", staff.session_form, name="session_new"),
    path("<int:pk>/uczestnicy/", staff.participants, name="participants"),
    path("<int:pk>/oceny/", staff.feedback_results, name="feedback_results"),
    path("spotkania/<int:pk>/edytuj/", staff.session_form, name="session_edit"),
    path("spotkania/<int:pk>/usun/", staff.session_delete, name="session_delete"),
    path("spotkania/<int:pk>/obecnosc/", staff.attendance, name="attendance"),
    path("spotkania/<int:pk>/lista-obecnosci.pdf", staff.attendance_list_pdf, name="attendance_pdf"),
    path("wystawcy/<int:pk>/akcja/<slug:action>/", staff.exhibitor_action, name="exhibitor_action"),
    path("potrzeby/", staff.needs, name="needs"),
    path("potrzeby/zaplanuj/", staff.need_plan_view, name="need_plan"),
]
