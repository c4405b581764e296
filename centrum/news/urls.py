"""Mounted in config/urls.py: `aktualnosci/` (news, this module), `wydarzenia/` (`events_urlpatterns`, the
local events calendar) and `zglos-blad/` (`reports_urlpatterns`, error reports – not part of the news module:
every centre's site has them), as core mounts its `platform_urlpatterns`."""

from django.urls import path

from .views import events, news, reports

app_name = "news"

urlpatterns = [
    path("", news.news_list, name="list"),
    path("rss/", news.feed, name="feed"),
    path("zglos/", news.news_new, name="new"),
    path("moje/", news.mine, name="mine"),
    path("moderacja/", news.moderation, name="moderation"),
    path("<int:pk>/", news.news_detail, name="detail"),
    path("<int:pk>/edycja/", news.news_edit, name="edit"),
    path("<int:pk>/akcja/<str:action>/", news.action, name="action"),
    path("<int:pk>/zdjecia/", news.image_add, name="image_add"),
    path("<int:pk>/zalaczniki/", news.attachment_add, name="attachment_add"),
    path("zdjecia/<int:pk>/", news.image_file, name="image"),
    path("zalaczniki/<int:pk>/", news.attachment_file, name="attachment"),
    path("zdjecia/<int:pk>/usun/", news.image_remove, name="image_remove"),
    path("zalaczniki/<int:pk>/usun/", news.attachment_remove, name="attachment_remove"),
]

events_urlpatterns = (
    [
        path("", events.month, name="calendar"),
        path("lista/", events.event_list, name="list"),
        path("kalendarz.ics", events.feed, name="feed"),
        path("zglos/", events.event_new, name="new"),
        path("<int:pk>/", events.event_detail, name="detail"),
        path("<int:pk>/edycja/", events.event_edit, name="edit"),
        path("<int:pk>/akcja/<str:action>/", events.action, name="action"),
        path("<int:pk>/wydarzenie.ics", events.event_ics, name="ics"),
    ],
    "events",
)

reports_urlpatterns = (
    [
        path("", reports.report_new, name="new"),
        path("zgloszenia/", reports.report_list, name="list"),
        path("zgloszenia/<int:pk>/akcja/<str:action>/", reports.action, name="action"),
    ],
    "reports",
)
