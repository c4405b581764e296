import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from centrum.organisations.choices import LegalForm, OrganisationStatus
from centrum.organisations.models import ActivityArea, District
from centrum.organisations.tests.factories import OrganisationFactory


@pytest.fixture
def registry(centre, other_centre):
    district = District.objects.create(centre=centre, name="Śródmieście")
    sport = ActivityArea.objects.get(code="17")
    a = OrganisationFactory(
        centre=centre,
        name="Klub Sportowy Żubr",
        legal_form=LegalForm.SPORTS_CLUB,
        is_opp=True,
        district=district,
        nip="7931625160",
        email="zubr@example.org",
        phone="600100200",
        search_text="klub sportowy zubr kalisz",
    )
    a.areas.set([sport])
    OrganisationFactory(centre=centre, name='=HYPERLINK("x")', nip="", search_text="hyperlink")
    OrganisationFactory(
        centre=centre, name="Fundacja Zawieszona", status=OrganisationStatus.SUSPENDED, nip=""
    )
    OrganisationFactory(centre=centre, name="Czeka na weryfikację", status=OrganisationStatus.PENDING, nip="")
    OrganisationFactory(centre=other_centre, name="Z innego centrum", nip="")
    return {"district": district}


def read_csv(response):
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))


def read_xlsx(response):
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = book.active
    return sheet, [list(row) for row in sheet.iter_rows(values_only=True)]


def test_public_csv_has_public_fields_of_public_organisations(anon, registry):
    response = anon.get(reverse("organisations:export_csv"))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert 'filename="organizacje-kalisz-' in response["Content-Disposition"]
    rows = read_csv(response)
    header, body = rows[0], rows[1:]
    assert header[:3] == ["nazwa", "nazwa skrócona", "forma prawna"]
    assert "NIP" not in header and "e-mail" not in header and "status" not in header
    names = [r[0] for r in body]
    # Polish order, as the directory: quotes and signs in front of a name do not count.
    assert names == ["Fundacja Zawieszona", '\'=HYPERLINK("x")', "Klub Sportowy Żubr"]
    zubr = dict(zip(header, body[2], strict=True))
    assert zubr["forma prawna"] == "klub sportowy / UKS" and zubr["OPP"] == "tak"
    assert zubr["dzielnica"] == "Śródmieście" and zubr["sfery"] == "17"


def test_filters_are_those_of_the_directory(anon, registry):
    url = reverse("organisations:export_csv")
    only = lambda query: [r[0] for r in read_csv(anon.get(url + query))[1:]]  # noqa: E731
    assert only("?q=zubr") == ["Klub Sportowy Żubr"]
    assert only("?opp=1") == ["Klub Sportowy Żubr"]
    assert only(f"?district={registry['district'].pk}") == ["Klub Sportowy Żubr"]
    assert only("?area=17&legal_form=klub_sportowy") == ["Klub Sportowy Żubr"]
    assert len(only("?opp=0")) == 2
    assert len(only("?legal_form=nonsense&district=abc")) == 3


def test_staff_extended_csv(staff_client, registry):
    rows = read_csv(staff_client.get(reverse("organisations:export_csv") + "?pola=rozszerzone"))
    header = rows[0]
    assert {"status", "NIP", "REGON", "e-mail", "telefon"} <= set(header)
    zubr = dict(zip(header, rows[3], strict=True))
    assert zubr["NIP"] == "793-162-51-60" and zubr["e-mail"] == "zubr@example.org"
    assert zubr["telefon"] == "600100200" and zubr["status"] == "aktywna"
    assert dict(zip(header, rows[1], strict=True))["status"] == "zawieszona"


def test_xlsx_public_and_extended(anon, staff_client, registry):
    response = anon.get(reverse("organisations:export_xlsx") + "?opp=0")
    assert response.status_code == 200 and response["Content-Disposition"].endswith('.xlsx"')
    sheet, rows = read_xlsx(response)
    assert rows[0][0] == "nazwa" and "NIP" not in rows[0]
    assert sheet["A1"].font.bold
    # A name that looks like a formula stays text.
    row = [r[0] for r in rows].index('=HYPERLINK("x")')
    assert sheet[f"A{row + 1}"].data_type == "s"
    assert len(rows) == 3
    _sheet, rows = read_xlsx(staff_client.get(reverse("organisations:export_xlsx") + "?pola=rozszerzone"))
    assert "REGON" in rows[0] and len(rows) == 4


def test_extended_export_is_for_staff_only(anon, client_for, centre, official_user):
    for name in ("organisations:export_csv", "organisations:export_xlsx"):
        url = reverse(name) + "?pola=rozszerzone"
        response = anon.get(url)
        assert response.status_code == 302 and "/konto/" in response.url
        assert client_for(centre, official_user).get(url).status_code == 403


def test_export_query_count_does_not_grow(anon, centre, django_assert_max_num_queries):
    areas = list(ActivityArea.objects.all()[:3])
    for i in range(30):
        org = OrganisationFactory(
            centre=centre, nip="", district=District.objects.get_or_create(centre=centre, name=f"D{i % 3}")[0]
        )
        org.areas.set(areas)
    with django_assert_max_num_queries(8):
        rows = read_csv(anon.get(reverse("organisations:export_csv")))
    assert len(rows) == 31 and rows[1][-1] == ", ".join(a.code for a in areas)
    with django_assert_max_num_queries(8):
        _sheet, rows = read_xlsx(anon.get(reverse("organisations:export_xlsx")))
    assert len(rows) == 31


def test_xlsx_is_streamed_its_first_bytes_before_any_query(anon, registry, django_assert_num_queries):
    response = anon.get(reverse("organisations:export_xlsx"))
    assert response.streaming
    chunks = iter(response.streaming_content)
    with django_assert_num_queries(0):
        first = next(chunks)
    assert first.startswith(b"PK\x03\x04")
    book = openpyxl.load_workbook(io.BytesIO(first + b"".join(chunks)))
    assert [row[0] for row in book.active.iter_rows(values_only=True)][1:] == [
        "Fundacja Zawieszona",
        '=HYPERLINK("x")',
        "Klub Sportowy Żubr",
    ]
