import re

import pytest
from django.test import Client

from centrum.accounts.models import CentreRole, CentreRoleKind, User
from centrum.accounts.tests.factories import UserFactory
from centrum.core.models import AuditEntry, Centre, CentreHost, OutboxMessage

URLS = ["/platforma/centra/", "/platforma/centra/nowe/"]


def _platform(user=None) -> Client:
    client = Client(HTTP_HOST="127.0.0.1")
    if user is not None:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def _centre_form(**overrides):
    data = {
        "name": "Centrum Organizacji Pozarządowych w Mysłowicach",
        "short_name": "COP Mysłowice",
        "slug": "myslowice",
        "municipality": "Mysłowice",
        "government_kind": "gmina",
        "government_name": "Urząd Miasta Mysłowice",
        "voivodeship": "śląskie",
        "street": "ul. Powstańców 1",
        "postal_code": "41-400",
        "city": "Mysłowice",
        "email": "cop@example.org",
        "phone": "",
        "website": "",
        "hosts": "Myslowice.localhost\ncop.myslowice.example.org\n",
    }
    data.update(overrides)
    return data


@pytest.fixture
def admin_client(platform_admin):
    return _platform(platform_admin)


@pytest.mark.parametrize("url", URLS)
def test_anonymous_goes_to_login(db, url):
    response = _platform().get(url)
    assert response.status_code == 302 and "/konto/login/" in response["Location"]


@pytest.mark.parametrize("url", URLS)
def test_centre_staff_is_forbidden(staff_user, url):
    assert _platform(staff_user).get(url).status_code == 403


def test_platform_pages_do_not_exist_on_a_centre_host(client_for, centre, platform_admin):
    client = client_for(centre, platform_admin)
    assert client.get("/platforma/centra/").status_code == 404
    assert client.get(f"/platforma/centra/{centre.pk}/").status_code == 404


def test_list_shows_every_centre_with_hosts(
    admin_client, centre, other_centre, django_assert_max_num_queries
):
    Centre.objects.filter(pk=other_centre.pk).update(is_active=False)
    with django_assert_max_num_queries(8):
        body = admin_client.get("/platforma/centra/").content.decode()
    assert centre.name in body and other_centre.name in body
    assert "kalisz.localhost" in body and "wyłączone" in body


def test_create_centre_with_hosts(admin_client, platform_admin):
    response = admin_client.post("/platforma/centra/nowe/", _centre_form())
    assert response.status_code == 302
    centre = Centre.objects.get(slug="myslowice")
    assert centre.primary_host == "myslowice.localhost"
    assert set(centre.hosts.values_list("host", flat=True)) == {
        "myslowice.localhost",
        "cop.myslowice.example.org",
    }
    entry = AuditEntry.objects.get(action="centre.created")
    assert entry.centre == centre and entry.actor == platform_admin
    assert Client(HTTP_HOST="myslowice.localhost").get("/").status_code == 200


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"hosts": ""}, "hosts"),
        ({"hosts": "http://myslowice.localhost/"}, "hosts"),
        ({"hosts": "myslowice.localhost:8000"}, "hosts"),
        ({"hosts": "-zly-.localhost"}, "hosts"),
        ({"hosts": "kalisz.localhost"}, "hosts"),
        ({"hosts": "localhost"}, "hosts"),
        ({"slug": "kalisz"}, "slug"),
        ({"slug": "Mysłowice"}, "slug"),
        ({"name": ""}, "name"),
        ({"postal_code": "41400"}, "postal_code"),
        ({"government_kind": "kraj"}, "government_kind"),
        ({"voivodeship": "bawaria"}, "voivodeship"),
    ],
)
def test_create_garbage_changes_nothing(admin_client, centre, overrides, field):
    before = (Centre.objects.count(), CentreHost.objects.count())
    response = admin_client.post("/platforma/centra/nowe/", _centre_form(**overrides))
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert (Centre.objects.count(), CentreHost.objects.count()) == before
    assert not AuditEntry.objects.exists()


def test_edit_centre_and_hosts(admin_client, centre, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        assert admin_client.get(f"/platforma/centra/{centre.pk}/").status_code == 200
    Client(HTTP_HOST="kalisz.localhost").get("/")  # the host is now cached
    data = _centre_form(name="COP Kalisz", slug="ignored", hosts="cop.kalisz.example.org\nkalisz.localhost")
    response = admin_client.post(f"/platforma/centra/{centre.pk}/", data)
    assert response.status_code == 302
    centre.refresh_from_db()
    assert centre.name == "COP Kalisz" and centre.slug == "kalisz"
    assert centre.primary_host == "cop.kalisz.example.org"
    entry = AuditEntry.objects.get(action="centre.updated")
    assert entry.old_state["hosts"] == ["kalisz.localhost"]
    assert entry.new_state["hosts"] == ["cop.kalisz.example.org", "kalisz.localhost"]
    data["hosts"] = "cop.kalisz.example.org"
    admin_client.post(f"/platforma/centra/{centre.pk}/", data)
    assert Client(HTTP_HOST="kalisz.localhost").get("/").status_code == 404  # cache forgotten at once


def test_hosts_of_another_centre_are_refused(admin_client, centre, other_centre):
    response = admin_client.post(
        f"/platforma/centra/{centre.pk}/", _centre_form(hosts="kalisz.localhost\nzory.localhost")
    )
    assert response.status_code == 200
    assert "zory.localhost" in response.context["form"].errors["hosts"][0]
    assert set(other_centre.hosts.values_list("host", flat=True)) == {"zory.localhost"}


def test_unknown_centre_is_404(admin_client):
    assert admin_client.get("/platforma/centra/999999/").status_code == 404
    assert (
        admin_client.post("/platforma/centra/999999/pracownik/", {"email": "a@example.org"}).status_code
        == 404
    )


def test_deactivate_and_reactivate(admin_client, centre):
    response = admin_client.post(f"/platforma/centra/{centre.pk}/aktywnosc/", {"reason": ""})
    assert response.status_code == 400
    centre.refresh_from_db()
    assert centre.is_active
    response = admin_client.post(f"/platforma/centra/{centre.pk}/aktywnosc/", {"reason": "Umowa wygasła"})
    assert response.status_code == 302
    centre.refresh_from_db()
    assert not centre.is_active
    assert AuditEntry.objects.get(action="centre.deactivated").reason == "Umowa wygasła"
    response = Client(HTTP_HOST="kalisz.localhost").get("/")
    assert response.status_code == 404
    assert admin_client.post(f"/platforma/centra/{centre.pk}/aktywnosc/", {}).status_code == 302
    centre.refresh_from_db()
    assert centre.is_active
    assert Client(HTTP_HOST="kalisz.localhost").get("/").status_code == 200


def test_first_staff_new_person_gets_account_and_password_link(admin_client, centre):
    response = admin_client.post(
        f"/platforma/centra/{centre.pk}/pracownik/",
        {"email": "Nowa.Osoba@Example.org", "full_name": "Nowa Osoba"},
    )
    assert response.status_code == 302
    user = User.objects.get(email="nowa.osoba@example.org")
    assert not user.has_usable_password()
    assert CentreRole.objects.filter(centre=centre, user=user, role=CentreRoleKind.STAFF).exists()
    assert AuditEntry.objects.filter(action="centre.staff_appointed", centre=centre).exists()
    message = OutboxMessage.objects.get()
    assert message.to == ["nowa.osoba@example.org"]
    link = re.search(r"https://kalisz\.localhost(/konto/password/reset/key/\S+)", message.body).group(1)

    # The link works: the person sets a password on the centre's host and can log in.
    client = Client(HTTP_HOST="kalisz.localhost")
    response = client.get(link, follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link
    response = client.post(form_url, {"password1": "Mocne-haslo-2026!", "password2": "Mocne-haslo-2026!"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Mocne-haslo-2026!")


def test_first_staff_existing_person_gets_role_and_notice(admin_client, centre):
    person = UserFactory(email="jest@example.org")
    response = admin_client.post(f"/platforma/centra/{centre.pk}/pracownik/", {"email": "JEST@example.org"})
    assert response.status_code == 302
    assert CentreRole.objects.filter(centre=centre, user=person, role=CentreRoleKind.STAFF).exists()
    assert "Zaloguj się" in OutboxMessage.objects.get().body
    # Twice is refused with a message, nothing more is written.
    response = admin_client.post(f"/platforma/centra/{centre.pk}/pracownik/", {"email": "jest@example.org"})
    assert response.status_code == 400
    assert response.context["staff_form"].errors["email"]
    assert OutboxMessage.objects.count() == 1


@pytest.mark.parametrize("email", ["", "nie-mail", "a@", "x" * 300 + "@example.org"])
def test_staff_garbage_changes_nothing(admin_client, centre, email):
    response = admin_client.post(f"/platforma/centra/{centre.pk}/pracownik/", {"email": email})
    assert response.status_code == 400
    assert not CentreRole.objects.exists() and not OutboxMessage.objects.exists()


def test_platform_home_hides_inactive_centres(centre, other_centre):
    Centre.objects.filter(pk=other_centre.pk).update(is_active=False)
    body = _platform().get("/").content.decode()
    assert centre.name in body and other_centre.name not in body


@pytest.mark.parametrize(
    "overrides",
    [{"name": ""}, {"hosts": "zła nazwa"}, {"postal_code": "x"}, {"email": "nie"}, {"hosts": "127.0.0.1"}],
)
def test_edit_garbage_changes_nothing(admin_client, centre, overrides):
    before = Centre.objects.values().get(pk=centre.pk)
    response = admin_client.post(f"/platforma/centra/{centre.pk}/", _centre_form(**overrides))
    assert response.status_code == 200
    assert response.context["form"].errors
    assert Centre.objects.values().get(pk=centre.pk) == before
    assert list(centre.hosts.values_list("host", flat=True)) == ["kalisz.localhost"]
    assert not AuditEntry.objects.exists()


@pytest.mark.parametrize(
    ("kind", "municipality", "shown"),
    [
        ("gmina", "Gmina i Miasto Miechów", "Gmina i Miasto Miechów"),
        ("gmina", "Miasto Kalisz", "Miasto Kalisz"),
        ("gmina", "m.st. Warszawa", "m.st. Warszawa"),
        ("powiat", "Powiat Miechowski", "Powiat Miechowski"),
        ("gmina", "Mysłowice", "gmina Mysłowice"),
        ("powiat", "miechowski", "powiat miechowski"),
    ],
)
def test_list_names_the_local_government_once(admin_client, centre, kind, municipality, shown):
    Centre.objects.filter(pk=centre.pk).update(government_kind=kind, municipality=municipality)
    body = admin_client.get("/platforma/centra/").content.decode()
    assert f"<td>{shown}" in body
    assert f"gmina {municipality}" not in body or shown == f"gmina {municipality}"
