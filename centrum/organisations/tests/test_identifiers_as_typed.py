"""KRS, NIP and REGON as people type them ("KRS 0000 431 452", "NIP: 793-162-51-60"), accepted the same by the
registration form, the staff form, the API, the CSV import and the KRS look-up (issue 8)."""

import pytest
from django.core.exceptions import ValidationError

from centrum.api.tests.conftest import send
from centrum.organisations.identifiers import clean_krs, clean_nip, clean_regon, compact
from centrum.organisations.integrations.krs import clean_number
from centrum.organisations.models import ImportBatch, ImportStatus, Organisation
from centrum.organisations.tests.test_import import HEADER, ROWS, csv_bytes, upload
from centrum.organisations.tests.test_views_edit import form_data
from centrum.organisations.tests.views_support import VALID_REGISTRATION, make_org

KRS_SPELLINGS = [
    "KRS 0000 431 452",
    "0000431452",
    "KRS: 0000-431-452",
    "431452",
    "nr KRS 431 452",
    "krs:0000431452",
]


@pytest.mark.parametrize("typed", KRS_SPELLINGS)
def test_one_normaliser_takes_every_spelling_of_a_krs(typed):
    assert clean_krs(typed) == "0000431452"
    assert clean_number(typed) == "0000431452"  # the KRS look-up


@pytest.mark.parametrize(
    ("cleaner", "typed", "expected"),
    [
        (clean_nip, "NIP 793-162-51-60", "7931625160"),
        (clean_nip, "NIP: PL 793 162 51 60", "7931625160"),
        (clean_nip, "793.162.51.60", "7931625160"),
        (clean_regon, "REGON 528 857 855", "528857855"),
        (clean_regon, "REGON: 528-857-855", "528857855"),
        (clean_regon, "181006752 00000", "181006752"),
    ],
)
def test_nip_and_regon_with_their_names_spaces_and_dashes(cleaner, typed, expected):
    assert cleaner(typed) == expected


def test_compact_keeps_what_is_not_a_separator_so_bad_numbers_are_still_refused():
    assert compact("KRS: 0000-431\u00a0452") == "0000431452"
    with pytest.raises(ValidationError):
        clean_krs("KRS 0000 431 45X")
    with pytest.raises(ValidationError):
        clean_nip("NIP 793-162-51-61")


def test_registration_form_accepts_a_krs_with_spaces(centre, plain_user, client_for, staff_user):
    data = {**VALID_REGISTRATION, "krs": "KRS 0000 431 452", "nip": "NIP: 526-104-08-28"}
    response = client_for(centre, plain_user).post("/organizacje/zglos/", data)
    assert response.status_code == 302, response.context["form"].errors
    org = Organisation.objects.get()
    assert (org.krs, org.registry_number, org.nip) == ("0000431452", "0000431452", "5261040828")


def test_staff_form_accepts_a_krs_with_a_colon_and_dashes(centre, client_for, staff_user):
    org = make_org(centre=centre, name="Do edycji", krs="0000206867", registry_number="0000206867")
    response = client_for(centre, staff_user).post(
        f"/organizacje/{org.pk}/edytuj/", form_data(org, krs="KRS: 0000-431-452", registry_number="")
    )
    assert response.status_code == 302
    org.refresh_from_db()
    assert org.krs == "0000431452"


def test_api_accepts_a_krs_with_spaces(client_for, centre, plain_user):
    body = {
        "name": "Fundacja Łódzka Żyrafa",
        "legal_form": "fundacja",
        "registry_kind": "krs_s",
        "krs": "KRS 0000 431 452",
        "nip": "NIP 526-104-08-28",
        "regon": "REGON 302 046 830",
    }
    response = send(client_for(centre, plain_user), "post", "/organisations", body)
    assert response.status_code == 201, response.content
    assert Organisation.objects.get().krs == "0000431452"


def test_csv_import_accepts_a_krs_with_spaces(centre, staff_user, client_for):
    row = list(ROWS[1])
    row[HEADER.index("KRS")] = "KRS 0001 109 495"
    row[HEADER.index("NIP")] = "NIP: 517-044-84-98"
    upload(client_for(centre, staff_user), csv_bytes([row]))
    batch = ImportBatch.objects.get()
    assert batch.status == ImportStatus.VALIDATED, batch.errors
    assert (batch.preview[0]["krs"], batch.preview[0]["nip"]) == ("0001109495", "5170448498")
