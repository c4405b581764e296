"""Mounted in config/urls.py as `newsletter/`."""

from django.urls import path

from .views import desk, public

app_name = "newsletter"

urlpatterns = [
    path("", public.index, name="index"),
    path("zapisano/", public.subscribed, name="subscribed"),
    path("potwierdz/<str:token>/", public.confirm, name="confirm"),
    path("ustawienia/<str:token>/", public.manage, name="manage"),
    path("wypisz/<str:token>/", public.unsubscribe, name="unsubscribe"),
    path("komunikaty/rezygnacja/<str:token>/", public.stop, name="stop"),
    path("zalacznik/<str:token>/", public.attachment, name="attachment"),
    path("komunikaty/", desk.announcements, name="announcements"),
    path("komunikaty/nowy/", desk.announcement_new, name="announcement_new"),
    path("komunikaty/<int:pk>/", desk.announcement_detail, name="announcement"),
    path("komunikaty/<int:pk>/edycja/", desk.announcement_edit, name="announcement_edit"),
    path("komunikaty/<int:pk>/odbiorcy/", desk.recipients, name="recipients"),
    path("komunikaty/<int:pk>/zalacznik/", desk.attachment, name="announcement_attachment"),
    path("komunikaty/<int:pk>/akcja/<str:action>/", desk.action, name="action"),
    path("subskrybenci/", desk.subscribers, name="subscribers"),
    path("subskrybenci/<int:pk>/akcja/<str:action>/", desk.subscriber_action, name="subscriber_action"),
]
