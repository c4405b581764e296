"""Mounted in config/urls.py at /wiedza/; the search page is `sitesearch/urls.py` at /szukaj/."""

from django.urls import path

from centrum.core.views import centre_required

from . import views

app_name = "knowledge"

urlpatterns = [
    path("", views.base.index, name="index"),
    # good practices
    path("dobre-praktyki/", views.practices.practice_list, name="practices"),
    path("dobre-praktyki/mapa/", views.practices.practice_map_page, name="practice_map"),
    path("dobre-praktyki/zglos/", views.practices.practice_new, name="practice_new"),
    path("dobre-praktyki/moderacja/", views.practices.moderation, name="moderation"),
    path("dobre-praktyki/<int:pk>/", views.practices.practice_detail, name="practice"),
    path("dobre-praktyki/<int:pk>/edytuj/", views.practices.practice_edit, name="practice_edit"),
    path(
        "dobre-praktyki/<int:pk>/zalaczniki/<int:attachment_pk>/",
        views.practices.practice_attachment,
        name="attachment",
    ),
    path(
        "dobre-praktyki/<int:pk>/zalaczniki/dodaj/",
        views.practices.practice_attachment_new,
        name="attachment_new",
    ),
    path(
        "dobre-praktyki/<int:pk>/akcja/<str:action>/",
        centre_required(views.practices.practice_action),
        name="practice_action",
    ),
    # leaders and activists
    path("liderzy/", views.leaders.leader_list, name="leaders"),
    path("liderzy/moj-profil/", views.leaders.my_profile, name="my_profile"),
    path("liderzy/moj-profil/wycofaj-zgode/", views.leaders.withdraw_consent, name="withdraw_consent"),
    path("liderzy/<int:pk>/", views.leaders.leader_detail, name="leader"),
    # knowledge base
    path("baza-wiedzy/", views.base.category_index, name="categories"),
    path("baza-wiedzy/nowa-kategoria/", views.base.category_new, name="category_new"),
    path("baza-wiedzy/nowy-artykul/", views.base.article_new, name="article_new"),
    path("baza-wiedzy/artykuly/<int:pk>/", views.base.article_detail, name="article"),
    path("baza-wiedzy/artykuly/<int:pk>/edytuj/", views.base.article_edit, name="article_edit"),
    path(
        "baza-wiedzy/artykuly/<int:pk>/akcja/<str:action>/",
        centre_required(views.base.article_action),
        name="article_action",
    ),
    path("baza-wiedzy/<slug:slug>/", views.base.category, name="category"),
    path("dokumenty/", views.base.documents, name="documents"),
    path("dokumenty/dodaj/", views.base.document_new, name="document_new"),
    path("dokumenty/<int:pk>/plik/", views.base.document_file, name="document_file"),
    # funding calls
    path("nabory/", views.calls.call_list, name="calls"),
    path("nabory/zarzadzaj/", views.calls.call_desk, name="call_desk"),
    path("nabory/dodaj/", views.calls.call_new, name="call_new"),
    path("nabory/<int:pk>/", views.calls.call_detail, name="call"),
    path("nabory/<int:pk>/edytuj/", views.calls.call_edit, name="call_edit"),
]
