"""Django admin of the registry: read-mostly pages load for the platform admin on a platform host only."""

from django.test import Client

from centrum.organisations.models import District
from centrum.organisations.tests.views_support import make_org


def _platform_client(user) -> Client:
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def test_platform_admin_views_registry_in_admin(centre, platform_admin):
    org = make_org(centre=centre, name="Fundacja W Adminie")
    district = District.objects.create(centre=centre, name="Centrum")
    client = _platform_client(platform_admin)
    for url in (
        "/admin/organisations/organisation/",
        f"/admin/organisations/organisation/{org.pk}/change/",
        "/admin/organisations/district/",
        f"/admin/organisations/district/{district.pk}/change/",
        "/admin/organisations/activityarea/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
    body = client.get(f"/admin/organisations/organisation/{org.pk}/change/").content.decode()
    assert f"/organizacje/{org.pk}/" in body
    # Organisations change only through the site's audited services.
    assert client.get("/admin/organisations/organisation/add/").status_code == 403
    response = client.post(f"/admin/organisations/organisation/{org.pk}/change/", {"name": "Zmieniona"})
    assert response.status_code == 403
    org.refresh_from_db()
    assert org.name == "Fundacja W Adminie"


def test_centre_staff_without_django_admin_access_is_sent_away(centre, staff_user):
    response = _platform_client(staff_user).get("/admin/organisations/organisation/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_admin_is_not_served_on_a_centre_host(centre, staff_client, client_for, platform_admin):
    assert staff_client.get("/admin/organisations/organisation/").status_code == 404
    assert client_for(centre, platform_admin).get("/admin/organisations/organisation/").status_code == 404
