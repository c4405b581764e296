"""English mode shows the spheres of public benefit and stored import errors in English; districts are listed in
Polish alphabetical order."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from centrum.core.text import polish_sort_key
from centrum.organisations.catalogue import PUBLIC_BENEFIT_AREAS, area_label
from centrum.organisations.importing import import_error, import_error_message
from centrum.organisations.models import ActivityArea, District, ImportBatch, ImportStatus
from centrum.organisations.tests.factories import OrganisationFactory

SPORT_PL = "wspieranie i upowszechnianie kultury fizycznej"
SPORT_EN = "supporting and promoting physical culture"
DISTRICTS = [
    "Winiary",
    "Śródmieście",
    "Tyniec",
    "Sulmierzyce",
    "Łęg",
    "Lisków",
    "Źródła",
    "Zagórze",
    "Czaszki",
]
DISTRICTS_SORTED = [
    "Czaszki",
    "Lisków",
    "Łęg",
    "Sulmierzyce",
    "Śródmieście",
    "Tyniec",
    "Winiary",
    "Zagórze",
    "Źródła",
]


def english(client):
    client.cookies["django_language"] = "en"
    return client


def test_every_sphere_has_an_english_label(db):
    assert len(PUBLIC_BENEFIT_AREAS) == ActivityArea.objects.count() == 37
    for code, name in PUBLIC_BENEFIT_AREAS:
        with translation.override("pl"):
            assert area_label(code) == name
        with translation.override("en"):
            assert area_label(code) != name, code
    sport = ActivityArea.objects.get(code="17")
    assert sport.name == SPORT_PL  # what the migration stored stays Polish
    with translation.override("en"):
        assert sport.label == SPORT_EN and str(sport) == f"17) {SPORT_EN}"
    with translation.override("pl"):
        assert sport.label == SPORT_PL


def test_spheres_in_english_on_directory_form_and_organisation_page(anon, centre, person_client_en):
    org = OrganisationFactory(centre=centre)
    org.areas.set(ActivityArea.objects.filter(code="17"))
    for client, url in (
        (english(anon), reverse("organisations:directory")),
        (person_client_en, reverse("organisations:register")),
        (english(anon), reverse("organisations:detail", args=[org.pk])),
    ):
        body = client.get(url).content.decode()
        assert SPORT_EN in body and SPORT_PL not in body, url
    anon.cookies["django_language"] = "pl"
    assert SPORT_PL in anon.get(reverse("organisations:directory")).content.decode()


@pytest.fixture
def person_client_en(client_for, centre, plain_user):
    return english(client_for(centre, plain_user))


def test_stored_import_errors_are_shown_in_the_readers_language(staff_client, centre, staff_user):
    with translation.override("pl"):
        errors = [
            import_error(2, "NIP", "identifier", kind="nip", value="123"),
            import_error(3, "nazwa", "same_as_row", row=2),
            import_error(4, "forma prawna", "legal_form_unknown", value="spółka"),
            {"row": 5, "column": "OPP", "message": "Stary komunikat zapisany przed kodami."},
        ]
    assert errors[1]["message"] == "Ta sama organizacja co w wierszu 2."
    batch = ImportBatch.objects.create(
        centre=centre,
        created_by=staff_user,
        original_name="lista.csv",
        status=ImportStatus.INVALID,
        errors=errors,
    )
    url = reverse("organisations:import_preview", args=[batch.pk])
    with translation.override("en"):
        shown = [import_error_message(e) for e in errors]
    assert shown[0] == "A NIP has 10 digits; 3 were given."
    assert shown[1] == "The same organisation as in row 2."
    assert "spółka" in shown[2] and "association" in shown[2] and "Nieznana" not in shown[2]
    assert shown[3] == "Stary komunikat zapisany przed kodami."
    body = english(staff_client).get(url).content.decode()
    for message in shown:
        assert escape(message) in body
    assert "Ta sama organizacja" not in body
    staff_client.cookies["django_language"] = "pl"
    assert "Ta sama organizacja co w wierszu 2." in staff_client.get(url).content.decode()


def test_import_checks_store_codes(staff_client, centre):
    from centrum.organisations.tests.test_import import csv_bytes, upload

    rows = [["Fundacja Zła", "spółka", "", "123", "", "", "", "Kalisz", "", "", "", "może", "", ""]]
    upload(staff_client, csv_bytes(rows))
    batch = ImportBatch.objects.get()
    codes = {e["code"] for e in batch.errors}
    assert {"legal_form_unknown", "identifier", "yes_no"} <= codes
    assert all(e["message"] for e in batch.errors)


def test_polish_sort_key_orders_diacritics_after_their_letter():
    assert sorted(DISTRICTS, key=polish_sort_key) == DISTRICTS_SORTED
    assert sorted(["b", "A", "a", "B"], key=polish_sort_key) == ["A", "a", "B", "b"]


def test_districts_in_polish_order_in_filter_and_registration_form(anon, centre, person_client_en):
    for name in DISTRICTS:
        District.objects.create(centre=centre, name=name)

    def listed(body: str) -> list[str]:
        select = re.search(r'<select name="district".*?</select>', body, re.S).group(0)
        return re.findall(r"<option value=\"\d+\"[^>]*>([^<]+)</option>", select)

    assert listed(anon.get(reverse("organisations:directory")).content.decode()) == DISTRICTS_SORTED
    assert (
        listed(person_client_en.get(reverse("organisations:register")).content.decode()) == DISTRICTS_SORTED
    )
