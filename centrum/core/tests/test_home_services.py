"""A service under "Usługi centrum" links to the page that provides it, or says how to ask for it today."""

import pytest

from centrum.core import registry
from centrum.core.demo.centres import CZESTOCHOWA, KALISZ
from centrum.core.exceptions import ApplicationError
from centrum.core.models import CentreSetting
from centrum.core.services import centre_profile_update

from .test_profile_views import _form

pytestmark = pytest.mark.django_db


def _services(centre, services, **contact):
    centre.services = services
    for name, value in contact.items():
        setattr(centre, name, value)
    centre.save()


def test_modules_claim_the_services_their_pages_provide():
    assert {"rooms", "equipment", "registry", "founding"} <= set(registry.SERVICE_KINDS)
    assert registry.SERVICE_KINDS["rooms"].module == "spaces"


def test_a_claimed_service_links_to_its_page_and_the_others_say_how_to_ask(anon, centre):
    _services(
        centre,
        [
            {"title": "Sale na spotkania", "description": "Bezpłatnie.", "kind": "rooms"},
            {"title": "Adres dla organizacji", "description": "Na podstawie porozumienia."},
        ],
        phone="34 370 00 00",
        email="cop@example.org",
        opening_hours=[{"weekday": 0, "opens": "08:00", "closes": "16:00"}],
    )
    body = anon.get("/").content.decode()
    assert '<a href="/sale/">Sale i wolne terminy<span class="visually-hidden"> – Sale na spotkania' in body
    assert (
        "Jak skorzystać dziś:" in body
        and "zadzwoń pod numer 34 370 00 00 albo napisz na cop@example.org" in body
    )
    assert '<a href="#hours-heading">w godzinach otwarcia</a>' in body


def test_a_service_of_a_module_the_centre_does_not_run_says_how_to_ask(anon, centre):
    _services(centre, [{"title": "Sale", "kind": "rooms"}], email="cop@example.org")
    CentreSetting.objects.create(centre=centre, key="module_spaces", value=False)
    body = anon.get("/").content.decode()
    assert 'href="/sale/"' not in body and "napisz na cop@example.org" in body


@pytest.mark.parametrize("spec", [CZESTOCHOWA, KALISZ], ids=lambda s: s.slug)
def test_every_demo_service_leads_somewhere(anon, centre, spec):
    _services(centre, spec.services, phone=spec.phone, email=spec.email)
    body = anon.get("/").content.decode()
    section = body[
        body.index('id="services-heading"') : body.index("</section>", body.index('id="services-heading"'))
    ]
    items = section.count("<li>")
    assert items == len(spec.services)
    asked = section.count("Jak skorzystać dziś:")
    linked = section.count('<span class="visually-hidden"> – ')
    assert asked + linked == items and linked >= 2


def test_staff_tag_a_service_with_the_page_that_provides_it(staff_client, centre, staff_user):
    response = staff_client.post("/panel/centrum/", _form(centre, **{"services-0-kind": "registry"}))
    assert response.status_code == 302
    centre.refresh_from_db()
    assert centre.services == [
        {"title": "Doradztwo prawne", "description": "Poniedziałki 11–17", "kind": "registry"}
    ]
    assert "Baza organizacji – katalog i wizytówki" in staff_client.get("/panel/centrum/").content.decode()
    response = staff_client.post("/panel/centrum/", _form(centre, **{"services-0-kind": "nonsense"}))
    assert response.status_code == 200
    with pytest.raises(ApplicationError):
        centre_profile_update(
            centre=centre, data={"services": [{"title": "X", "kind": "nonsense"}]}, actor=staff_user
        )
