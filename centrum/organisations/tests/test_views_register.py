"""“Zgłoś organizację”: the happy path, every kind of bad input, the KRS look-up."""

import re
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from centrum.accounts.tests.factories import UserFactory
from centrum.core.models import CentreSetting, OutboxMessage
from centrum.organisations.choices import LegalForm, OrganisationStatus, RegistryKind
from centrum.organisations.models import ActivityArea, District, Organisation
from centrum.organisations.tests.views_support import VALID_REGISTRATION, image_bytes, make_org

URL = "/organizacje/zglos/"


@pytest.fixture
def person_client(centre, plain_user, client_for, staff_user):
    return client_for(centre, plain_user)


def post(client, **changes):
    data = {**VALID_REGISTRATION, **changes}
    data = {k: v for k, v in data.items() if v is not None}
    return client.post(URL, data)


def field_errors(response, field) -> list[str]:
    return list(response.context["form"].errors.get(field, []))


def test_anonymous_is_sent_to_login(anon):
    response = anon.get(URL)
    assert response.status_code == 302 and response["Location"].startswith("/konto/login/")
    assert anon.post(URL, VALID_REGISTRATION).status_code == 302
    assert not Organisation.objects.exists()


def test_platform_host_has_no_registration(client, plain_user):
    client.force_login(plain_user, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get(URL, HTTP_HOST="localhost").status_code == 404


def test_form_page_is_accessible(person_client):
    response = person_client.get(URL)
    body = response.content.decode()
    assert response.status_code == 200
    assert body.count("<h1") == 1
    assert 'name="krs_prefill"' in body and 'enctype="multipart/form-data"' in body
    assert 'type="checkbox" name="areas"' in body
    for field in ("name", "nip", "regon", "krs", "bank_account", "logo", "postal_code"):
        assert f'for="id_{field}"' in body, field
    assert 'aria-describedby="id_nip_helptext"' in body


def test_happy_path(person_client, centre, plain_user, staff_user):
    areas = ActivityArea.objects.filter(code__in=["14", "18"])
    district = District.objects.create(centre=centre, name="Rogatka")
    data = {**VALID_REGISTRATION, "areas": [a.pk for a in areas], "district": district.pk}
    data["logo"] = SimpleUploadedFile("logo.png", image_bytes(), content_type="image/png")
    response = person_client.post(URL, data)
    org = Organisation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/organizacje/zglos/wyslano/{org.pk}/"
    assert org.status == OrganisationStatus.PENDING and org.submitted_by == plain_user
    assert org.krs == "0000206867" and org.nip == "5261040828" and org.regon == "302046830"
    assert org.postal_code == "62-800" and org.website == "https://zyrafa.example.org"
    assert org.bank_account == "PL61109010140000071219812874"
    assert org.registered_on == date(2004, 5, 12) and org.district == district
    assert sorted(org.areas.values_list("code", flat=True)) == ["14", "18"]
    assert org.logo.name.startswith("organisations/logos/")
    assert "lodzka zyrafa" in org.search_text
    staff_mail = OutboxMessage.objects.get(event="registration_received_to_staff")
    assert staff_user.email in staff_mail.to
    done = person_client.get(response["Location"])
    assert "czeka na weryfikację" in done.content.decode()
    page = person_client.get(f"/organizacje/{org.pk}/")
    assert page.status_code == 200 and "czeka na weryfikację" in page.content.decode()


def test_confirmation_page_is_only_for_the_submitter(centre, client_for, plain_user, other_centre):
    org = make_org(centre=centre, status=OrganisationStatus.PENDING, submitted_by=plain_user)
    done_url = f"/organizacje/zglos/wyslano/{org.pk}/"
    assert client_for(centre, plain_user).get(done_url).status_code == 200
    assert client_for(centre).get(done_url).status_code == 302  # anonymous → login
    stranger = UserFactory(email="stranger@example.org")
    assert client_for(centre, stranger).get(done_url).status_code == 404
    foreign = make_org(centre=other_centre, status=OrganisationStatus.PENDING, submitted_by=plain_user)
    assert client_for(centre, plain_user).get(f"/organizacje/zglos/wyslano/{foreign.pk}/").status_code == 404


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"nip": "5261040827"}, "nip", "Cyfra kontrolna NIP"),
        ({"nip": "12345"}, "nip", "NIP ma 10 cyfr"),
        ({"nip": "abc-def-gh-ij"}, "nip", "NIP może zawierać tylko cyfry"),
        ({"regon": "123456789"}, "regon", "Cyfra kontrolna REGON"),
        ({"regon": "1234"}, "regon", "REGON ma 9 albo 14 cyfr"),
        ({"krs": "12345678901"}, "krs", "najwyżej 10 cyfr"),
        ({"krs": "00000"}, "krs", "samych zer"),
        ({"krs": "KRS12"}, "krs", "tylko cyfry"),
        ({"krs": ""}, "krs", "podaj numer KRS"),
        ({"bank_account": "PL61 1090 1014 0000 0712 1981 2875"}, "bank_account", "Suma kontrolna"),
        ({"bank_account": "PL123"}, "bank_account", "rachunku"),
        ({"bank_account": "61 1090 1014 0000 0712 1981 287"}, "bank_account", "rachunku: 25"),
        ({"bank_account": "to nie konto"}, "bank_account", "rachunku"),
        ({"name": ""}, "name", "wymagane"),
        ({"name": "   "}, "name", "wymagane"),
        ({"name": "x" * 301}, "name", "301"),
        ({"legal_form": "mafia"}, "legal_form", "Wybierz formę prawną z listy"),
        ({"legal_form": ""}, "legal_form", "wymagane"),
        ({"registry_kind": "<b>"}, "registry_kind", "Wybierz rejestr z listy"),
        ({"postal_code": "6-28000"}, "postal_code", "00-000"),
        ({"email": "not-an-email"}, "email", "e-mail"),
        ({"website": "javascript:alert(1)"}, "website", "adres"),
        ({"phone": "zadzwoń do mnie"}, "phone", "numer telefonu"),
        ({"phone": "12"}, "phone", "numer telefonu"),
        ({"registered_on": "2999-01-01"}, "registered_on", "w przyszłości"),
        ({"registered_on": "31.02.2020"}, "registered_on", "datę"),
        ({"description": "y" * 5001}, "description", "5000"),
        ({"short_name": "z\x00"}, "short_name", "Null"),
        ({"areas": ["999999"]}, "areas", "Wybierz sfery działalności z listy"),
        ({"areas": ["abc"]}, "areas", ""),
        (
            {"is_opp": "on", "krs": "", "registry_kind": RegistryKind.STAROSTA},
            "is_opp",
            "Status OPP mają tylko",
        ),
    ],
)
def test_bad_input_is_explained_next_to_the_field_and_nothing_stored(person_client, changes, field, message):
    response = post(person_client, **changes)
    assert response.status_code == 400
    errors = field_errors(response, field)
    assert errors, response.context["form"].errors
    assert message.lower() in " ".join(errors).lower()
    body = response.content.decode()
    assert f'id="id_{field}_error"' in body
    assert "Popraw zaznaczone pola" in body
    assert not Organisation.objects.exists()


def test_other_centres_district_is_refused(person_client, centre, other_centre):
    District.objects.create(centre=centre, name="Nasza")
    foreign = District.objects.create(centre=other_centre, name="Cudza")
    response = post(person_client, district=foreign.pk)
    assert field_errors(response, "district") == ["Wybierz dzielnicę z listy."]
    assert not Organisation.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"), [("krs", "0000206867"), ("nip", "5261040828"), ("regon", "302046830")]
)
def test_duplicate_identifier_is_shown_on_its_field(person_client, centre, field, value):
    existing = {"krs": "0000999999", "nip": "1234563218", "regon": "123456785", field: value}
    make_org(centre=centre, name="Już Jest", **existing)
    response = post(person_client)
    assert response.status_code == 400
    assert "Już Jest" in " ".join(field_errors(response, field))
    assert Organisation.objects.count() == 1


def test_pending_duplicate_is_not_named_to_a_person(person_client, client_for, centre, staff_user):
    pending = make_org(
        centre=centre, name="Tajna Fundacja", krs="0000206867", status=OrganisationStatus.PENDING
    )
    response = post(person_client)
    assert response.status_code == 400
    errors = " ".join(field_errors(response, "krs"))
    assert "już zgłoszona w centrum i czeka na weryfikację" in errors
    body = response.content.decode()
    assert "Tajna Fundacja" not in body and f"/organizacje/{pending.pk}/" not in body
    # Through the API the same: no name, no id.
    api = person_client.post(
        "/api/v1/organisations",
        {
            **VALID_REGISTRATION,
            "postal_code": "62-800",
            "nip": "5261040828",
            "regon": "302046830",
            "bank_account": "",
            "website": "https://zyrafa.example.org",
        },
        content_type="application/json",
    )
    assert api.status_code == 400, api.content
    assert "czeka na weryfikację" in api.content.decode()
    assert "Tajna" not in api.content.decode() and "duplicate_id" not in api.content.decode()
    # Staff are told which organisation it is.
    staff = post(client_for(centre, staff_user))
    assert "Tajna Fundacja" in " ".join(field_errors(staff, "krs"))
    assert Organisation.objects.count() == 1


def test_same_identifiers_in_another_centre_are_fine(person_client, other_centre):
    make_org(centre=other_centre, krs="0000206867", nip="5261040828", regon="302046830")
    assert post(person_client).status_code == 302


def test_non_image_logo_is_refused(person_client):
    logo = SimpleUploadedFile("logo.png", b"%PDF-1.4 not an image", content_type="image/png")
    response = post(person_client, logo=logo)
    assert "nie jest plik graficzny" in " ".join(field_errors(response, "logo"))
    assert not Organisation.objects.exists()


def test_image_with_wrong_extension_is_refused(person_client):
    logo = SimpleUploadedFile("logo.exe", image_bytes(), content_type="image/png")
    response = post(person_client, logo=logo)
    assert field_errors(response, "logo")
    assert not Organisation.objects.exists()


def test_oversized_logo_is_refused_by_the_centres_limit(person_client, centre):
    CentreSetting.objects.create(centre=centre, key="organisations.logo_max_kb", value=50)
    big = image_bytes("BMP", (200, 200))  # ~120 KB
    response = post(person_client, logo=SimpleUploadedFile("logo.bmp", big, content_type="image/bmp"))
    errors = " ".join(field_errors(response, "logo"))
    assert "Największy dozwolony rozmiar to 50" in errors
    assert not Organisation.objects.exists()
    small = SimpleUploadedFile("logo.png", image_bytes(), content_type="image/png")
    assert post(person_client, logo=small).status_code == 302


def test_registration_without_krs_for_ordinary_association(person_client):
    response = post(
        person_client,
        legal_form=LegalForm.ORDINARY_ASSOCIATION,
        registry_kind=RegistryKind.STAROSTA,
        registry_number="SO-12/2019",
        krs="",
        nip="",
        regon="",
    )
    assert response.status_code == 302
    org = Organisation.objects.get()
    assert org.krs == "" and org.registry_number == "SO-12/2019"


# KRS look-up


class FakeResult:
    def __init__(self, data, *, is_liquidated=False, as_of=date(2024, 5, 1), is_stale=False):
        self.data, self.is_liquidated, self.as_of, self.is_stale = data, is_liquidated, as_of, is_stale


KRS_DATA = {
    "name": "FUNDACJA Z KRS",
    "legal_form": LegalForm.FOUNDATION,
    "registry_kind": RegistryKind.KRS_S,
    "krs": "0000206867",
    "nip": "5261040828",
    "regon": "302046830",
    "street": "ul. Rejestrowa 5",
    "postal_code": "62-800",
    "city": "Kalisz",
    "is_opp": True,
    "registered_on": date(2004, 5, 12),
}


def test_krs_prefill_fills_the_form(person_client, monkeypatch):
    calls = []

    def lookup(krs):
        calls.append(krs)
        return FakeResult(KRS_DATA)

    monkeypatch.setattr("centrum.organisations.views.registry.krs_lookup", lookup)
    response = person_client.post(URL, {"krs": "206867", "email": "typed@example.org", "krs_prefill": "1"})
    assert calls == ["0000206867"]
    assert response.status_code == 200
    form = response.context["form"]
    assert not form.errors
    body = response.content.decode()
    assert 'value="FUNDACJA Z KRS"' in body and 'value="typed@example.org"' in body
    assert 'value="2004-05-12"' in body
    assert re.search(r'<input type="checkbox" name="is_opp"[^>]*checked', body)
    assert "według stanu na" in body
    assert not Organisation.objects.exists()


def test_krs_prefill_warns_about_liquidation_and_stale_data(person_client, monkeypatch):
    monkeypatch.setattr(
        "centrum.organisations.views.registry.krs_lookup",
        lambda krs: FakeResult(KRS_DATA, is_liquidated=True, is_stale=True),
    )
    body = person_client.post(URL, {"krs": "206867", "krs_prefill": "1"}).content.decode()
    assert "w likwidacji" in body and "Rejestr KRS nie odpowiada" in body


def test_krs_not_found(person_client, monkeypatch):
    from centrum.organisations.integrations import krs
    from centrum.organisations.views import registry

    def lookup(number):
        raise krs.KrsNotFound("nie ma")

    monkeypatch.setattr(registry, "krs_lookup", lookup)
    response = person_client.post(URL, {"krs": "123", "name": "Wpisana", "krs_prefill": "1"})
    assert response.status_code == 400
    assert "W KRS nie ma podmiotu o numerze 0000000123" in " ".join(field_errors(response, "krs"))
    assert list(response.context["form"].errors) == ["krs"]  # other empty fields are not flagged yet
    assert 'value="Wpisana"' in response.content.decode()


def test_krs_unavailable(person_client, monkeypatch):
    from centrum.organisations.integrations import krs
    from centrum.organisations.views import registry

    def lookup(number):
        raise krs.KrsUnavailable("timeout")

    monkeypatch.setattr(registry, "krs_lookup", lookup)
    response = person_client.post(URL, {"krs": "206867", "krs_prefill": "1"})
    assert "Rejestr KRS jest teraz nieosiągalny" in " ".join(field_errors(response, "krs"))
    assert "Wpisz dane organizacji samodzielnie" in response.content.decode()


@pytest.mark.parametrize(("krs", "message"), [("", "Wpisz numer KRS"), ("abc", "tylko cyfry")])
def test_krs_prefill_with_bad_number_does_not_call_the_register(person_client, monkeypatch, krs, message):
    monkeypatch.setattr(
        "centrum.organisations.views.registry.krs_lookup", lambda n: pytest.fail("must not be called")
    )
    response = person_client.post(URL, {"krs": krs, "krs_prefill": "1"})
    assert message in " ".join(field_errors(response, "krs"))
