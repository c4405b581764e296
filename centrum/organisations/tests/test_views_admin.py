"""Django admin of the registry: read-mostly pages load for the platform admin, others are kept out."""

from centrum.organisations.models import District
from centrum.organisations.tests.views_support import make_org


def test_platform_admin_views_registry_in_admin(centre, client_for, platform_admin):
    org = make_org(centre=centre, name="Fundacja W Adminie")
    district = District.objects.create(centre=centre, name="Centrum")
    client = client_for(centre, platform_admin)
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


def test_centre_staff_without_django_admin_access_is_sent_away(centre, staff_client):
    response = staff_client.get("/admin/organisations/organisation/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
