"""Whole public pages kept for visitors who are not signed in (centrum.core.page_cache), the settings read
once per data version, and the data version that a save of an older copy of the centre cannot lower."""

import re

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from centrum.core import registry
from centrum.core.centre_settings import CentreSettings
from centrum.core.models import Centre, CentreSetting
from centrum.core.services import centre_settings_update
from centrum.organisations.tests.views_support import make_org


def _get(client, path, **extra):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **extra)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def _without_tokens(html: str) -> str:
    return re.sub(r"[A-Za-z0-9]{64}", "TOKEN", html)


def test_a_public_page_is_rendered_once_and_follows_every_change(anon, centre, per_process_caches):
    make_org(centre=centre, name="Fundacja Pierwsza")
    first, first_queries = _get(anon, "/organizacje/")
    again, again_queries = _get(anon, "/organizacje/")
    assert again_queries == 1 < first_queries  # only the centre (with its data version)
    assert _without_tokens(again) == _without_tokens(first)
    make_org(centre=centre, name="Stowarzyszenie Druga")
    assert "Stowarzyszenie Druga" in _get(anon, "/organizacje/")[0]
    # the centre's own row (its name in the header and footer) is part of every page
    Centre.objects.filter(pk=centre.pk).update(name="Nowa Nazwa Centrum")
    centre.refresh_from_db()
    centre.save()
    assert "Nowa Nazwa Centrum" in _get(anon, "/")[0]
    assert "Nowa Nazwa Centrum" in _get(anon, "/organizacje/")[0]


def test_the_form_token_of_a_kept_page_is_the_visitors_own(centre, per_process_caches):
    first = Client(HTTP_HOST=centre.primary_host)
    first.get("/")
    visitor = Client(HTTP_HOST=centre.primary_host, enforce_csrf_checks=True)
    response = visitor.get("/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode()).group(1)
    assert "csrftoken" in response.cookies  # set as for a rendered page
    assert token not in first.get("/").content.decode()
    switched = visitor.post("/i18n/setlang/", {"language": "en", "next": "/", "csrfmiddlewaretoken": token})
    assert switched.status_code == 302  # a token that is not the visitor's own would be a 403
    assert "Cookie" in response["Vary"]


def test_signed_in_people_and_waiting_messages_get_a_rendered_page(
    anon, centre, staff_user, client_for, per_process_caches
):
    make_org(centre=centre, name="Fundacja Pierwsza")
    _get(anon, "/organizacje/")
    staff = client_for(centre, staff_user)
    assert "Kolejka weryfikacji" in _get(staff, "/organizacje/")[0]
    assert "Kolejka weryfikacji" not in _get(anon, "/organizacje/")[0]
    anon.cookies["messages"] = _message_cookie("Zgłoszenie zapisane")
    assert "Zgłoszenie zapisane" in _get(anon, "/organizacje/")[0]


def _message_cookie(text: str) -> str:
    from django.contrib.messages import constants
    from django.contrib.messages.storage.base import Message
    from django.contrib.messages.storage.cookie import CookieStorage
    from django.http import HttpRequest, HttpResponse

    response = HttpResponse()
    CookieStorage(HttpRequest())._store([Message(constants.SUCCESS, text)], response)
    return response.cookies["messages"].value


def test_language_display_cookies_and_query_make_their_own_pages(anon, centre, per_process_caches):
    make_org(centre=centre, name="Fundacja Pierwsza")
    _get(anon, "/organizacje/")
    assert 'lang="en"' in _get(anon, "/organizacje/", HTTP_ACCEPT_LANGUAGE="en")[0]
    anon.cookies["fontsize"] = "larger"
    assert "font-larger" in _get(anon, "/organizacje/")[0]
    assert "Fundacja Pierwsza" not in _get(anon, "/organizacje/?q=zzzz")[0]


def test_a_module_switched_off_leaves_the_kept_home_page_at_once(
    anon, centre, staff_user, per_process_caches
):
    assert "/sale/" in _get(anon, "/")[0]
    centre_settings_update(centre=centre, values={"module_spaces": False}, actor=staff_user)
    assert "/sale/" not in _get(anon, "/")[0]


def test_the_home_page_is_rendered_per_request_while_a_section_reads_other_data(
    anon, centre, per_process_caches
):
    calls = []
    section = registry.HomeSection(
        key="test.live", template="core/_ask_centre.html", context=lambda request: calls.append(1) or {}
    )
    registry.HOME_SECTIONS[section.key] = section
    try:
        _get(anon, "/")
        _get(anon, "/")
        assert len(calls) == 2
    finally:
        del registry.HOME_SECTIONS[section.key]
    _get(anon, "/")
    assert _get(anon, "/")[1] == 1


def test_settings_are_read_once_per_data_version(centre, staff_user, per_process_caches):
    fresh = Centre.objects.get(pk=centre.pk)
    assert CentreSettings(fresh)["module_spaces"] is True
    with CaptureQueriesContext(connection) as queries:
        assert CentreSettings(Centre.objects.get(pk=centre.pk))["module_spaces"] is True
    assert len(queries) == 1  # the centre only
    centre_settings_update(centre=fresh, values={"module_spaces": False}, actor=staff_user)
    assert CentreSettings(fresh)["module_spaces"] is False  # the writer's own copy, at once
    assert CentreSettings(Centre.objects.get(pk=centre.pk))["module_spaces"] is False
    CentreSetting.objects.filter(centre=centre, key="module_spaces").delete()
    assert CentreSettings(Centre.objects.get(pk=centre.pk))["module_spaces"] is True


def test_saving_an_older_copy_of_the_centre_keeps_the_data_version(centre):
    older = Centre.objects.get(pk=centre.pk)
    make_org(centre=centre)
    bumped = Centre.objects.get(pk=centre.pk).data_version
    assert bumped > older.data_version
    older.phone = "62 000 00 00"
    older.save()
    stored = Centre.objects.get(pk=centre.pk)
    assert stored.data_version == bumped and stored.phone == "62 000 00 00"


def test_the_platform_home_is_kept_until_a_centre_or_host_changes(centre, other_centre, per_process_caches):
    from centrum.core.models import CentreHost

    visitor = Client(HTTP_HOST="127.0.0.1")
    first, first_queries = _get(visitor, "/")
    again, again_queries = _get(visitor, "/")
    assert again_queries == 1 < first_queries and _without_tokens(again) == _without_tokens(first)
    centre.name = "Centrum Po Zmianie"
    centre.save()
    assert "Centrum Po Zmianie" in _get(visitor, "/")[0]
    CentreHost.objects.filter(centre=other_centre).update(is_primary=False)
    CentreHost.objects.create(centre=other_centre, host="nowy-adres.localhost", is_primary=True)
    assert "nowy-adres.localhost" in _get(visitor, "/")[0]
    # A signed-in platform admin's page is rendered for them.
    assert not CentreHost.objects.filter(host="127.0.0.1").exists()
