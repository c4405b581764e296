"""Garbage in never gives a 500: every error is JSON with a `detail`, and nothing is stored."""

import json

import pytest
from django.test import override_settings

from centrum.api.tests.conftest import API, send
from centrum.organisations.models import Organisation

from .test_organisations import registration


@pytest.fixture
def person(client_for, centre, plain_user):
    return client_for(centre, plain_user)


def _assert_json_error(response, status):
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    assert isinstance(response.json()["detail"], str) and response.json()["detail"]


GARBAGE = [
    ("{not json", 400),
    (b"\xff\xfe\x00garbage", 400),
    ("[" * 100_000, 400),
    ("", 422),
    ("null", 422),
    ("[1, 2, 3]", 422),
    ('"tekst"', 422),
    (json.dumps({"name": 5, "legal_form": ["fundacja"], "registry_kind": {"a": 1}}), 422),
    (json.dumps(registration(name="x" * 100_000)), 422),
    (json.dumps(registration(description="y" * 20_000)), 422),
    (json.dumps(registration(name="Nazwa\x00z NUL")), 422),
    ('{"name": "\\ud800\\ud800 samotny surogat", "legal_form": "fundacja", "registry_kind": "krs_s"}', 422),
    (json.dumps(registration(hacker=True)), 422),
    (json.dumps(registration(is_opp="może")), 422),
    (json.dumps(registration(district=10**40)), 422),
    (json.dumps(registration(district=1.5)), 422),
    (json.dumps(registration(registered_on="wczoraj")), 422),
    (json.dumps(registration(areas="14")), 422),
    (json.dumps(registration(areas=["1"] * 100)), 422),
    (json.dumps(registration(legal_form="spółka z o.o.")), 422),
]


@pytest.mark.parametrize("body, status", GARBAGE)
def test_garbage_registration_is_json_4xx_and_stores_nothing(person, body, status):
    _assert_json_error(send(person, "post", "/organisations", body), status)
    assert not Organisation.objects.exists()


@pytest.mark.parametrize("body, status", GARBAGE[:8])
def test_garbage_patch_and_status_are_json_4xx(client_for, centre, staff_user, organisation, body, status):
    client = client_for(centre, staff_user)
    for path in (f"/organisations/{organisation.pk}", f"/organisations/{organisation.pk}/status"):
        method = "patch" if path.endswith(str(organisation.pk)) else "post"
        response = send(client, method, path, body)
        if body == "" and method == "patch":
            continue  # an empty PATCH changes nothing
        _assert_json_error(response, status)
    organisation.refresh_from_db()
    assert organisation.name == "Stowarzyszenie Kaliskie Inicjatywy"


def test_query_garbage_is_422(anon, db):
    _assert_json_error(anon.get(f"{API}/organisations", {"q": "x" * 1000}), 422)
    _assert_json_error(anon.get(f"{API}/organisations", {"q": "a\x00b"}), 422)
    _assert_json_error(anon.get(f"{API}/organisations", {"offset": "9" * 40}), 422)
    assert anon.get(f"{API}/organisations", {"q": "%_'\";--"}).status_code == 200


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000)
def test_too_large_body_is_413(person):
    _assert_json_error(send(person, "post", "/organisations", registration(description="z" * 5000)), 413)
    assert not Organisation.objects.exists()


def test_errors_in_polish_by_default(person, anon):
    response = send(person, "post", "/organisations", registration(nip="5261040829"))
    assert "Cyfra kontrolna NIP" in response.json()["detail"]
    assert anon.get(f"{API}/organisations/999").json()["detail"] == "Nie znaleziono."
    assert send(person, "post", "/organisations", "{").json()["detail"].startswith("Treść zapytania")


def test_errors_in_english_with_accept_language(person, anon, organisation, org_member, client_for, centre):
    en = {"HTTP_ACCEPT_LANGUAGE": "en"}
    assert anon.get(f"{API}/organisations/999", **en).json()["detail"] == "Not found."
    assert anon.get(f"{API}/me", **en).json()["detail"].startswith("Sign in")
    body = send(person, "post", "/organisations", registration(nip="5261040829", hacker=1), **en).json()
    assert body["detail"].startswith("Correct the data:")
    assert "Unknown field" in body["detail"]
    assert send(person, "post", "/organisations", "{", **en).json()["detail"].startswith("The request body")
    member = client_for(centre, org_member)
    response = send(member, "patch", f"/organisations/{organisation.pk}", {"city": "Opole"}, **en)
    assert response.json()["detail"] == "You are not allowed to do this."
    response = send(person, "post", "/organisations", registration(limit=1, name=""), **en)
    assert "at least 2 characters" in response.json()["detail"]


def test_unknown_path_and_method_are_json(anon, organisation):
    response = anon.get(f"{API}/nie-ma-takiego")
    _assert_json_error(response, 404)
    response = anon.delete(f"{API}/organisations/{organisation.pk}")
    _assert_json_error(response, 405)
    assert response["Allow"] and "DELETE" not in response["Allow"]
    assert anon.get(f"{API}/organisations/{organisation.pk}").status_code == 200


def test_unexpected_failure_is_logged_and_answered_in_json(centre, monkeypatch, caplog):
    from django.test import Client

    from centrum.organisations import api as organisations

    def broken(**kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(organisations, "organisation_directory", broken)
    client = Client(HTTP_HOST=centre.primary_host, raise_request_exception=False)
    response = client.get(f"{API}/organisations")
    _assert_json_error(response, 500)
    assert "database went away" not in response.content.decode()
    assert any("Internal Server Error" in record.getMessage() for record in caplog.records)
