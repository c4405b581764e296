import copy
from datetime import date, timedelta

import pytest
from django.utils import timezone

from centrum.organisations.choices import LegalForm, RegistryKind
from centrum.organisations.integrations.krs import KrsError, KrsNotFound, KrsUnavailable, parse_extract
from centrum.organisations.models import KrsExtract
from centrum.organisations.services.krs import krs_lookup
from centrum.organisations.tests.fixtures import krs_server
from centrum.organisations.tests.fixtures.krs_server import NOT_FOUND, recorded_numbers, recorded_payload

fake_krs = krs_server.fake_krs
krs_unreachable = krs_server.krs_unreachable

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("number", recorded_numbers())
def test_every_recorded_extract_parses(fake_krs, number):
    result = krs_lookup(number)
    data = result.data
    assert result.register == "S" and data["registry_kind"] == RegistryKind.KRS_S
    assert data["krs"] == number == data["registry_number"]
    assert data["name"] and not (data["name"].startswith('"') and data["name"].endswith('"'))
    assert data["legal_form"] in {LegalForm.ASSOCIATION, LegalForm.FOUNDATION, LegalForm.SPORTS_CLUB}
    assert data["regon"] == "" or len(data["regon"]) == 9
    assert data["nip"] == "" or len(data["nip"]) == 10
    assert data["postal_code"][2] == "-" and data["city"] and data["street"]
    assert isinstance(result.as_of, date) and isinstance(data["registered_on"], date)
    assert result.raw["odpis"]["naglowekA"]["numerKRS"] == number
    assert not result.from_cache and not result.is_stale
    assert KrsExtract.objects.filter(krs=number, register="S").exists()


def test_sports_association_with_padded_regon(fake_krs):
    result = krs_lookup("131935")
    assert result.data == {
        "name": "DĘBICKI KLUB KYOKUSHIN KARATE",
        "legal_form": LegalForm.SPORTS_CLUB,
        "registry_kind": RegistryKind.KRS_S,
        "krs": "0000131935",
        "registry_number": "0000131935",
        "nip": "8722151221",
        "regon": "691690498",
        "street": "SPORTOWA 26",
        "postal_code": "39-200",
        "city": "DĘBICA",
        "is_opp": False,
        "registered_on": date(2002, 9, 23),
    }
    assert result.as_of == date(2025, 1, 28)
    assert result.is_liquidated is False


def test_foundation_with_opp_flat_number_and_partly_quoted_name(fake_krs):
    result = krs_lookup("0000159405")
    assert result.data["name"] == '"ECHO" - FUNDACJA POMOCY NIEPEŁNOSPRAWNYM'
    assert result.data["legal_form"] == LegalForm.FOUNDATION
    assert result.data["is_opp"] is True
    assert result.data["street"] == "DASZYŃSKIEGO 20/A"


def test_liquidation_and_village_address(fake_krs):
    result = krs_lookup("0000242593")
    assert result.is_liquidated is True
    assert result.data["street"] == "KRZEMIENICA 608"
    assert krs_lookup("0000696141").is_liquidated is True
    assert krs_lookup("0000466506").is_liquidated is False


def test_missing_identifiers(fake_krs):
    no_ids = krs_lookup("0000377987").data
    assert no_ids["nip"] == "" and no_ids["regon"] == ""
    no_nip = krs_lookup("0000175882").data
    assert no_nip["nip"] == "" and no_nip["regon"] == "371162100"


def test_volunteer_fire_brigade_recognised_by_name():
    payload = copy.deepcopy(recorded_payload("0000466506"))
    payload["odpis"]["dane"]["dzial1"]["danePodmiotu"]["nazwa"] = "OCHOTNICZA STRAŻ POŻARNA W JODŁOWEJ"
    assert parse_extract(payload).data["legal_form"] == LegalForm.VOLUNTEER_FIRE_BRIGADE


def test_unknown_number_is_not_found_after_both_registers(fake_krs):
    with pytest.raises(KrsNotFound) as info:
        krs_lookup("999999")
    assert "0000999999" in info.value.message
    assert fake_krs.requests == [("0000999999", "S"), ("0000999999", "P")]
    assert not KrsExtract.objects.exists()


def test_not_a_number_is_refused_without_asking(fake_krs):
    with pytest.raises(KrsNotFound):
        krs_lookup("abc")
    with pytest.raises(KrsError):
        krs_lookup("")
    assert fake_krs.requests == []


def test_falls_back_to_register_p(fake_krs):
    payload = copy.deepcopy(recorded_payload("0000466506"))
    payload["odpis"]["naglowekA"]["rejestr"] = "RejP"
    fake_krs.set("0000466506", "S", 404, NOT_FOUND)
    fake_krs.set("0000466506", "P", 200, payload)
    result = krs_lookup("466506")
    assert result.register == "P" and result.data["registry_kind"] == RegistryKind.KRS_P
    assert fake_krs.requests == [("0000466506", "S"), ("0000466506", "P")]
    assert KrsExtract.objects.get(krs="0000466506").register == "P"


def test_server_error_is_unavailable_and_p_is_not_tried(fake_krs):
    fake_krs.fail_with = 500
    with pytest.raises(KrsUnavailable):
        krs_lookup("0000466506")
    assert fake_krs.requests == [("0000466506", "S")]


def test_invalid_json_is_unavailable(fake_krs):
    fake_krs.set("0000466506", "S", 200, b"<html>przerwa techniczna</html>", "text/html")
    with pytest.raises(KrsUnavailable):
        krs_lookup("0000466506")


def test_timeout_is_unavailable(fake_krs, settings):
    settings.KRS_API_TIMEOUT = 0.2
    fake_krs.delay = 1
    with pytest.raises(KrsUnavailable):
        krs_lookup("0000466506")


def test_closed_port_is_unavailable(krs_unreachable):
    with pytest.raises(KrsUnavailable) as info:
        krs_lookup("0000466506")
    assert "KRS" in info.value.message


@pytest.mark.dates
def test_fresh_cache_is_served_without_network(fake_krs):
    first = krs_lookup("0000466506")
    fake_krs.fail_with = 500
    second = krs_lookup("466506")
    assert second.from_cache and not second.is_stale
    assert second.data == first.data
    assert len(fake_krs.requests) == 1


@pytest.mark.dates
def test_stale_cache_is_served_when_the_register_is_down(krs_unreachable):
    old = timezone.now() - timedelta(days=3)
    KrsExtract.objects.create(
        krs="0000466506", register="S", payload=recorded_payload("0000466506"), fetched_at=old
    )
    result = krs_lookup("0000466506")
    assert result.is_stale and result.from_cache
    assert result.fetched_at == old
    assert result.data["name"] == "BIEGOMANIA LUBACZÓW"


@pytest.mark.dates
def test_stale_cache_is_refreshed_when_the_register_answers(fake_krs):
    old = timezone.now() - timedelta(days=3)
    KrsExtract.objects.create(krs="0000466506", register="S", payload={"odpis": {}}, fetched_at=old)
    result = krs_lookup("0000466506")
    assert not result.from_cache and result.data["name"] == "BIEGOMANIA LUBACZÓW"
    assert KrsExtract.objects.get(krs="0000466506").fetched_at > old
