"""The registries apps fill from their `features.py`, and the modules a centre switches on or off."""

import pytest
from django.test import Client

from centrum.core import registry, roles
from centrum.core.centre_settings import REGISTRY, centre_setting
from centrum.core.models import AuditEntry, Centre, CentreSetting
from centrum.core.permissions import centre_roles, is_centre_staff

from .test_platform import _centre_form, _platform

pytestmark = pytest.mark.django_db


def _switch_off(centre, *labels):
    for label in labels:
        CentreSetting.objects.update_or_create(
            centre=centre, key=f"module_{label}", defaults={"value": False}
        )


# --- what the apps declared ---------------------------------------------------------------------


def test_every_feature_app_declared_its_contributions():
    assert {"organisations", "spaces"} <= set(registry.MODULES)
    assert registry.MODULES["spaces"].requires == ("organisations",)
    nav = {item.url_name for item in registry.NAV_ITEMS}
    assert {"core:home", "organisations:directory", "spaces:room_list", "accounts:dashboard"} <= nav
    assert {"organisations.registry", "spaces.requests", "core.outbox", "accounts.team"} <= set(
        registry.DASHBOARD_CARDS
    )
    assert {"organisations.directory", "spaces.rooms"} <= set(registry.HOME_SECTIONS)
    # Each module brings its own on/off setting, shown with the other centre settings.
    for module in registry.MODULES.values():
        assert REGISTRY[module.setting_key].kind is bool


def test_role_kinds_come_from_the_app_that_keeps_roles(centre, staff_user, official_user):
    assert set(roles.CORE_ROLES) <= set(roles.ROLE_KINDS)
    assert [kind.code for kind in roles.role_kinds()][:2] == ["staff", "adviser"]
    assert roles.role_label("official") == "urzędnik"
    assert centre_roles(staff_user, centre) == frozenset({"staff"})
    assert is_centre_staff(staff_user, centre) and not is_centre_staff(official_user, centre)
    assert [row.user for row in roles.role_backend().holders(centre, roles.STAFF)] == [staff_user]


def test_modules_are_on_by_default_and_follow_what_they_require(centre):
    assert registry.module_is_active(centre, "spaces")
    labels = [m.label for m in registry.active_modules(centre)]
    assert labels[:2] == ["organisations", "spaces"] and {"addresses", "advice", "trainings"} <= set(labels)
    _switch_off(centre, "organisations")
    assert not registry.module_is_active(centre, "organisations")
    assert not registry.module_is_active(centre, "spaces")  # rooms are booked by organisations
    assert registry.active_modules(centre) == []
    assert not registry.module_is_active(None, "spaces") and not registry.module_is_active(centre, "nothing")


# --- a module switched off ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["/sale/", "/sale/kolejka/", "/sale/wypozyczenia/", "/api/v1/rooms"],
)
def test_pages_of_a_module_switched_off_are_404(client_for, centre, staff_user, url):
    client = client_for(centre, staff_user)
    assert client.get(url).status_code == 200
    _switch_off(centre, "spaces")
    response = client.get(url)
    assert response.status_code == 404
    if url.startswith("/api/"):
        assert response["Content-Type"] == "application/json" and response.json()["detail"]


def test_other_centres_keep_the_module(client_for, centre, other_centre):
    _switch_off(centre, "spaces")
    assert client_for(other_centre).get("/sale/").status_code == 200
    assert client_for(centre).get("/sale/").status_code == 404


def test_organisations_off_takes_rooms_along(anon, centre):
    _switch_off(centre, "organisations")
    assert anon.get("/organizacje/").status_code == 404
    assert anon.get("/api/v1/organisations").status_code == 404
    assert anon.get("/sale/").status_code == 404
    assert anon.get("/").status_code == 200


def test_menu_home_page_footer_and_dashboard_show_only_modules_the_centre_runs(centre, anon, staff_client):
    home = anon.get("/").content.decode()
    assert 'href="/sale/"' in home and 'href="/organizacje/"' in home
    assert "Baza organizacji pozarządowych" in home and "Usługi centrum" in home
    assert "Zobacz sale i wolne terminy" in home
    panel = staff_client.get("/panel/").content.decode()
    assert "Rezerwacje do zatwierdzenia" in panel and "Zgłoszenia organizacji" in panel

    _switch_off(centre, "spaces")
    home = anon.get("/").content.decode()
    assert 'href="/sale/"' not in home and 'href="/organizacje/"' in home
    assert "Zobacz sale i wolne terminy" not in home
    panel = staff_client.get("/panel/").content.decode()
    assert "Rezerwacje do zatwierdzenia" not in panel and "Zgłoszenia organizacji" in panel

    _switch_off(centre, "organisations")
    home = anon.get("/").content.decode()
    assert "/organizacje/" not in home and "Baza organizacji pozarządowych" not in home
    assert "Usługi centrum:" not in home
    panel = staff_client.get("/panel/").content.decode()
    assert "Zgłoszenia organizacji" not in panel and "Poczta e-mail" in panel


def test_menu_marks_the_current_page(anon):
    body = anon.get("/sale/").content.decode()
    assert 'href="/sale/" aria-current="page"' in body
    assert 'href="/" aria-current="page"' not in body


def test_staff_switch_modules_in_the_centre_settings(staff_client, centre):
    page = staff_client.get("/panel/ustawienia/").content.decode()
    assert "Moduły centrum" in page and 'name="module_spaces"' in page
    form = staff_client.get("/panel/ustawienia/").context["form"]
    # A setting of 0 (a limit left off) is posted too; only unchecked boxes and empty fields are left out.
    data = {n: f.initial for n, f in form.fields.items() if f.initial is not None and f.initial is not False}
    data.pop("module_spaces")
    response = staff_client.post("/panel/ustawienia/", data)
    assert response.status_code == 302
    assert centre_setting(centre, "module_spaces") is False
    assert centre_setting(centre, "module_organisations") is True
    entry = AuditEntry.objects.get(action="centre.settings_updated")
    assert entry.new_state == {"module_spaces": False}
    assert staff_client.get("/sale/").status_code == 404


def test_platform_admin_chooses_modules_when_creating_a_centre(platform_admin):
    client = _platform(platform_admin)
    page = client.get("/platforma/centra/nowe/").content.decode()
    assert 'name="modules" value="spaces"' in page and "checked" in page
    response = client.post("/platforma/centra/nowe/", {**_centre_form(), "modules": ["organisations"]})
    assert response.status_code == 302
    centre = Centre.objects.get(slug="myslowice")
    assert registry.module_is_active(centre, "organisations") and not registry.module_is_active(
        centre, "spaces"
    )
    assert AuditEntry.objects.get(action="centre.created").new_state["module_spaces"] is False
    assert Client(HTTP_HOST="myslowice.localhost").get("/sale/").status_code == 404


def test_unknown_module_at_creation_is_a_form_error(platform_admin):
    client = _platform(platform_admin)
    response = client.post("/platforma/centra/nowe/", {**_centre_form(), "modules": ["grants"]})
    assert response.status_code == 200 and response.context["form"].errors["modules"]
    assert not Centre.objects.filter(slug="myslowice").exists()


def test_a_module_cannot_stay_on_without_the_module_it_requires(staff_client, centre, staff_user):
    """Rooms need the organisation registry: switching the registry off alone is refused with a message
    at the rooms switch, and nothing is stored (the service refuses it for the API and any caller too)."""
    from centrum.core.exceptions import ApplicationError
    from centrum.core.services import centre_settings_update

    form = staff_client.get("/panel/ustawienia/").context["form"]
    # A setting of 0 (a limit left off) is posted too; only unchecked boxes and empty fields are left out.
    data = {n: f.initial for n, f in form.fields.items() if f.initial is not None and f.initial is not False}
    data.pop("module_organisations")
    response = staff_client.post("/panel/ustawienia/", data)
    assert response.status_code in (200, 400)  # the form again, not a redirect
    assert "wymaga modułu" in response.content.decode()
    assert centre_setting(centre, "module_organisations") is True
    assert not AuditEntry.objects.filter(action="centre.settings_updated").exists()
    with pytest.raises(ApplicationError) as refused:
        centre_settings_update(centre=centre, values={"module_organisations": False}, actor=staff_user)
    dependants = {f"module_{m.label}" for m in registry.MODULES.values() if "organisations" in m.requires}
    assert "module_spaces" in dependants and refused.value.field in dependants
    # All off together is a consistent choice.
    centre_settings_update(
        centre=centre,
        values={"module_organisations": False, **dict.fromkeys(dependants, False)},
        actor=staff_user,
    )
    assert centre_setting(centre, "module_spaces") is False


def test_a_centre_is_not_created_with_a_module_whose_requirement_is_off(platform_admin):
    client = _platform(platform_admin)
    response = client.post("/platforma/centra/nowe/", {**_centre_form(), "modules": ["spaces"]})
    assert response.status_code in (200, 400)
    assert "wymaga modułu" in response.content.decode()
    assert not Centre.objects.filter(slug="myslowice").exists()
