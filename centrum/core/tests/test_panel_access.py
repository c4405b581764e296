"""Every panel URL: anonymous → login, forbidden roles → 403, platform host → 404."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client

from centrum.core.models import Centre, CentreClosedDay

STAFF_ONLY = [
    "/panel/",
    "/panel/ustawienia/",
    "/panel/centrum/",
    "/panel/centrum/dni-zamkniete/",
]
AUDIT = ["/panel/dziennik/"]


@pytest.mark.parametrize("url", STAFF_ONLY + AUDIT)
def test_anonymous_goes_to_login(anon, url):
    response = anon.get(url)
    assert response.status_code == 302
    assert "/konto/login/" in response["Location"]


@pytest.mark.parametrize("url", STAFF_ONLY + AUDIT)
def test_organisation_member_is_forbidden(client_for, centre, org_admin, url):
    assert client_for(centre, org_admin).get(url).status_code == 403


@pytest.mark.parametrize("url", STAFF_ONLY)
def test_official_is_forbidden_on_staff_pages(client_for, centre, official_user, url):
    assert client_for(centre, official_user).get(url).status_code == 403


def test_official_may_read_the_audit_log(client_for, centre, official_user):
    assert client_for(centre, official_user).get("/panel/dziennik/").status_code == 200


def test_adviser_is_forbidden(client_for, centre):
    from centrum.accounts.models import CentreRoleKind
    from centrum.accounts.tests.factories import CentreRoleFactory, UserFactory

    adviser = UserFactory(email="doradca@example.org")
    CentreRoleFactory(centre=centre, user=adviser, role=CentreRoleKind.ADVISER)
    client = client_for(centre, adviser)
    for url in STAFF_ONLY + AUDIT:
        assert client.get(url).status_code == 403, url


def test_staff_of_another_centre_is_forbidden(client_for, other_centre, staff_user):
    client = client_for(other_centre, staff_user)
    for url in STAFF_ONLY + AUDIT:
        assert client.get(url).status_code == 403, url


@pytest.mark.parametrize("url", STAFF_ONLY + AUDIT)
def test_panel_does_not_exist_on_the_platform_host(platform_admin, url):
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(platform_admin, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get(url).status_code == 404


def test_post_only_delete_refuses_get(staff_client, centre):
    day = CentreClosedDay.objects.create(centre=centre, date="2026-07-01")
    assert staff_client.get(f"/panel/centrum/dni-zamkniete/{day.pk}/usun/").status_code == 405


def test_audit_object_page_of_unknown_content_type_is_404(staff_client, centre):
    assert staff_client.get("/panel/dziennik/999999/1/").status_code == 404
    ct = ContentType.objects.get_for_model(Centre)
    assert staff_client.get(f"/panel/dziennik/{ct.pk}/999999/").status_code == 404


def test_official_finds_the_audit_log_in_the_menu(client_for, centre, official_user):
    body = client_for(centre, official_user).get("/").content.decode()
    assert 'href="/panel/dziennik/"' in body
