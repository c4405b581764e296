"""The API answers in the request's language: sphere names, lists of allowed values and counted words."""

import pytest
from django.utils import translation

from centrum.api.errors import allowed_values
from centrum.api.tests.conftest import API, send
from centrum.organisations.models import District

from .test_organisations import registration


@pytest.fixture
def person(client_for, centre, plain_user):
    return client_for(centre, plain_user)


def _legal_form_message(client, language):
    response = send(
        client,
        "post",
        "/organisations",
        registration(legal_form="spółka z o.o."),
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 422, response.content
    return next(e["message"] for e in response.json()["errors"] if e["field"] == "legal_form")


def test_allowed_values_are_listed_in_the_request_language(person):
    polish = _legal_form_message(person, "pl")
    assert polish.startswith("Niedozwolona wartość. Dozwolone: 'stowarzyszenie', ")
    assert polish.endswith(" albo 'inna'.") and " or " not in polish
    english = _legal_form_message(person, "en")
    assert english.startswith("Value not allowed. Allowed: 'stowarzyszenie', ")
    assert english.endswith(" or 'inna'.") and " albo " not in english


def test_allowed_values_parsing():
    with translation.override("pl"):
        assert allowed_values("'a', 'b' or 3") == "'a', 'b' albo 3"
    with translation.override("en"):
        assert allowed_values("'a', \"it's\" or 'c'") == "'a', 'it's' or 'c'"
    assert allowed_values("'x'") == "'x'"
    assert allowed_values("no quotes at all") == "no quotes at all"


def test_text_length_in_three_polish_forms(person):
    response = send(
        person, "post", "/organisations", registration(name="x" * 100_000), HTTP_ACCEPT_LANGUAGE="pl"
    )
    message = next(e["message"] for e in response.json()["errors"] if e["field"] == "name")
    assert message.startswith("Tekst może mieć najwyżej ") and message.endswith(" znaków.")


def test_areas_in_the_request_language(client_for, centre):
    client = client_for(centre)
    english = {a["code"]: a["name"] for a in client.get(f"{API}/areas", HTTP_ACCEPT_LANGUAGE="en").json()}
    polish = {a["code"]: a["name"] for a in client.get(f"{API}/areas", HTTP_ACCEPT_LANGUAGE="pl").json()}
    assert english["17"] == "supporting and promoting physical culture"
    assert polish["17"] == "wspieranie i upowszechnianie kultury fizycznej"
    assert len(english) == len(polish) == 37


def test_districts_in_polish_alphabetical_order(client_for, centre):
    for name in ("Winiary", "Śródmieście", "Sulmierzyce", "Tyniec", "Łęg", "Lisków"):
        District.objects.create(centre=centre, name=name)
    names = [d["name"] for d in client_for(centre).get(f"{API}/districts").json()]
    assert names == ["Lisków", "Łęg", "Sulmierzyce", "Śródmieście", "Tyniec", "Winiary"]
