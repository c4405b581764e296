"""The yearly import of the national OPP list (1.5% of income tax, art. 27a): files, preview, apply."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from centrum.accounts.tests.factories import MembershipFactory, UserFactory
from centrum.core.models import AuditEntry
from centrum.organisations.choices import LegalForm, OrganisationStatus, RegistryKind
from centrum.organisations.models import OppListImport, Organisation
from centrum.organisations.selectors import opp
from centrum.organisations.services.opp import opp_import_apply, opp_import_create
from centrum.organisations.tests.views_support import make_org

YEAR = timezone.localdate().year - 1
HEADER = ["Lp.", "Nr KRS", "Nazwa", "NIP", "Województwo", "Powiat", "Gmina"]


def list_rows(*entries):
    """entries: (krs, name, gmina)"""
    return [
        [str(i), krs, name, "", "wielkopolskie", gmina, gmina]
        for i, (krs, name, gmina) in enumerate(entries, 1)
    ]


def csv_bytes(rows, header=HEADER, delimiter=";", encoding="utf-8", title=None):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    if title:
        writer.writerow([title])
    if header:
        writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(rows, header=HEADER, title=None, numeric_krs=False):
    workbook = Workbook()
    sheet = workbook.active
    if title:
        sheet.append([title])
        sheet.append([])
    sheet.append(header)
    for row in rows:
        if numeric_krs:
            row = [int(row[0]), int(row[1]), *row[2:]]
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(client, data, name="wykaz.csv", year=YEAR):
    return client.post(
        reverse("organisations:opp_upload"),
        {"year": str(year), "file": SimpleUploadedFile(name, data, "application/octet-stream")},
    )


@pytest.fixture
def registry(centre):
    """Four organisations of the centre: one already OPP and listed, one to gain, one to lose, one without KRS."""
    return {
        "kept": make_org(centre=centre, name="Fundacja Zostaje", krs="0000000101", is_opp=True),
        "gains": make_org(centre=centre, name="Stowarzyszenie Zyskuje", krs="0000000102", is_opp=False),
        "loses": make_org(centre=centre, name="Stowarzyszenie Traci", krs="0000000103", is_opp=True),
        "no_krs": make_org(
            centre=centre,
            name="Stowarzyszenie Zwykłe OPP",
            krs="",
            registry_number="",
            legal_form=LegalForm.ORDINARY_ASSOCIATION,
            registry_kind=RegistryKind.STAROSTA,
            is_opp=True,
        ),
    }


LIST = list_rows(
    ("101", "FUNDACJA ZOSTAJE", "Kalisz"),
    ("0000000102", "STOWARZYSZENIE ZYSKUJE", "M. Kalisz"),
    ("555", "Fundacja Kaliska Spoza Rejestru", "Kalisz"),
    ("556", "Fundacja z Kalisza Pomorskiego", "Kalisz Pomorski"),
    ("557", "Stowarzyszenie z Poznania", "Poznań"),
)


# ---------------------------------------------------------------- upload and preview


@pytest.mark.dates
def test_upload_preview_and_apply(staff_client, centre, staff_user, registry, other_centre):
    foreign = make_org(centre=other_centre, name="Obca", krs="0000000103", is_opp=True)
    response = upload(staff_client, csv_bytes(LIST))
    record = OppListImport.objects.get()
    assert response.status_code == 302 and response.url == reverse(
        "organisations:opp_preview", args=[record.pk]
    )
    assert (record.year, record.total_rows, record.krs_numbers[:2]) == (YEAR, 5, ["0000000101", "0000000102"])
    assert (record.matched_count, record.gained_count, record.lost_count) == (2, 1, 1)
    # Only rows of the centre's municipality: "Kalisz Pomorski" and "Poznań" are elsewhere.
    assert [r["krs"] for r in record.outside_rows] == ["0000000555"] and record.outside_count == 1
    assert record.place_filter == "Gmina: Kalisz"
    assert record.applied_at is None
    assert Organisation.objects.filter(centre=centre, is_opp=True).count() == 3  # nothing changed yet

    page = staff_client.get(response.url).content.decode()
    assert "Zyskają status OPP: 1" in page and "Stracą status OPP (nie ma ich na wykazie): 1" in page
    assert "Stowarzyszenie Zyskuje" in page and "Stowarzyszenie Traci" in page
    assert "Fundacja Kaliska Spoza Rejestru" in page and "Kalisza Pomorskiego" not in page
    assert "Status OPP bez numeru KRS" in page and "Stowarzyszenie Zwykłe OPP" in page

    response = staff_client.post(
        reverse("organisations:opp_apply", args=[record.pk]), {"clear_missing": "on"}
    )
    assert response.status_code == 302
    opp_of = dict(Organisation.objects.values_list("name", "is_opp"))
    assert opp_of == {
        "Fundacja Zostaje": True,
        "Stowarzyszenie Zyskuje": True,
        "Stowarzyszenie Traci": False,
        "Stowarzyszenie Zwykłe OPP": True,  # no KRS: left alone
        "Obca": True,  # another centre's registry is never touched
    }
    foreign.refresh_from_db()
    assert foreign.is_opp
    record.refresh_from_db()
    assert record.applied_at and record.applied_by == staff_user
    assert (record.gained_count, record.lost_count, record.matched_count) == (1, 1, 2)
    entries = AuditEntry.objects.filter(action="organisation.updated", reason=f"Wykaz OPP za rok {YEAR}")
    assert {(e.object_id, e.old_state["is_opp"], e.new_state["is_opp"]) for e in entries} == {
        (str(registry["gains"].pk), False, True),
        (str(registry["loses"].pk), True, False),
    }
    assert all(e.actor == staff_user for e in entries)
    assert AuditEntry.objects.filter(action="opp_list_import.applied", object_id=str(record.pk)).exists()
    page = staff_client.get(response.url).content.decode()
    assert "Wykaz został zastosowany" in page and "Zastosuj wykaz</button>" not in page
    # The same import cannot be applied twice.
    staff_client.post(reverse("organisations:opp_apply", args=[record.pk]))
    assert AuditEntry.objects.filter(action="opp_list_import.applied").count() == 1


def test_keeping_the_status_of_organisations_missing_from_the_list(staff_client, registry):
    upload(staff_client, csv_bytes(LIST))
    record = OppListImport.objects.get()
    staff_client.post(reverse("organisations:opp_apply", args=[record.pk]))  # checkbox not ticked
    registry["loses"].refresh_from_db()
    registry["gains"].refresh_from_db()
    assert registry["loses"].is_opp and registry["gains"].is_opp
    record.refresh_from_db()
    assert (record.gained_count, record.lost_count) == (1, 0)


def test_reapplying_the_same_years_list_is_idempotent(centre, staff_user, registry):
    for _ in range(2):
        record = opp_import_create(
            centre=centre, actor=staff_user, upload=SimpleUploadedFile("w.csv", csv_bytes(LIST)), year=YEAR
        )
        opp_import_apply(opp_import=record, actor=staff_user)
    first, second = OppListImport.objects.order_by("id")
    assert (first.gained_count, first.lost_count) == (1, 1)
    assert (second.gained_count, second.lost_count, second.matched_count) == (0, 0, 2)
    assert AuditEntry.objects.filter(action="organisation.updated").count() == 2
    assert sorted(Organisation.objects.filter(is_opp=True).values_list("name", flat=True)) == [
        "Fundacja Zostaje",
        "Stowarzyszenie Zwykłe OPP",
        "Stowarzyszenie Zyskuje",
    ]


@pytest.mark.dates
def test_an_older_year_cannot_undo_a_newer_list(staff_client, centre, staff_user, registry):
    newer = opp_import_create(
        centre=centre, actor=staff_user, upload=SimpleUploadedFile("w.csv", csv_bytes(LIST)), year=YEAR
    )
    opp_import_apply(opp_import=newer, actor=staff_user)
    upload(staff_client, csv_bytes(list_rows(("103", "Stowarzyszenie Traci", "Kalisz"))), year=YEAR - 1)
    older = OppListImport.objects.get(year=YEAR - 1)
    page = staff_client.get(reverse("organisations:opp_preview", args=[older.pk])).content.decode()
    assert "starszy wykaz" in page and "Zastosuj wykaz</button>" not in page
    response = staff_client.post(reverse("organisations:opp_apply", args=[older.pk]), {"clear_missing": "on"})
    assert response.status_code == 302
    older.refresh_from_db()
    assert older.applied_at is None
    assert not Organisation.objects.get(name="Stowarzyszenie Traci").is_opp


@pytest.mark.parametrize(
    "data, name",
    [
        pytest.param(xlsx_bytes(LIST, title="Wykaz OPP uprawnionych do 1,5%"), "wykaz.xlsx", id="xlsx-title"),
        pytest.param(xlsx_bytes(LIST, numeric_krs=True), "wykaz.xlsx", id="xlsx-numbers"),
        pytest.param(csv_bytes(LIST, delimiter=",", encoding="cp1250"), "wykaz.csv", id="cp1250-comma"),
        pytest.param(b"\xef\xbb\xbf" + csv_bytes(LIST, title="Wykaz OPP"), "wykaz.csv", id="utf8-bom-title"),
        pytest.param(
            csv_bytes(
                [[r[1], r[2], f"ul. Długa 1, 62-800 {r[6]}"] for r in LIST],
                header=["Numer KRS", "Nazwa OPP", "Siedziba"],
            ),
            "wykaz.csv",
            id="siedziba-column",
        ),
    ],
)
def test_formats_and_headers(staff_client, registry, data, name):
    response = upload(staff_client, data, name=name)
    assert response.status_code == 302, response.content.decode()
    record = OppListImport.objects.get()
    assert record.krs_numbers == ["0000000101", "0000000102", "0000000555", "0000000556", "0000000557"]
    assert (record.gained_count, record.lost_count) == (1, 1)
    assert [r["krs"] for r in record.outside_rows] == ["0000000555"]
    assert "Fundacja Kaliska Spoza Rejestru" in record.outside_rows[0]["name"]


def test_without_a_place_column_every_row_outside_the_registry_is_listed(staff_client, registry):
    rows = [r[:4] for r in LIST]
    upload(staff_client, csv_bytes(rows, header=HEADER[:4]))
    record = OppListImport.objects.get()
    assert record.place_filter == "" and record.outside_count == 3
    page = staff_client.get(reverse("organisations:opp_preview", args=[record.pk])).content.decode()
    assert "nie ma kolumny z gminą" in page


def test_rows_with_a_broken_krs_are_listed_not_fatal(staff_client, registry):
    rows = LIST + [
        ["6", "12345678901", "Za długi", "", "", "", "Kalisz"],
        ["7", "", "Bez numeru", "", "", "", ""],
    ]
    upload(staff_client, csv_bytes(rows))
    record = OppListImport.objects.get()
    assert [(r["row"], r["value"]) for r in record.invalid_rows] == [(7, "12345678901"), (8, "")]
    page = staff_client.get(reverse("organisations:opp_preview", args=[record.pk])).content.decode()
    assert "najwyżej 10 cyfr" in page and "Brak numeru KRS." in page


def test_missing_nip_column_is_said_but_not_an_error(staff_client, registry):
    header = ["Nr KRS", "Nazwa"]
    upload(staff_client, csv_bytes([[r[1], r[2]] for r in LIST], header=header))
    record = OppListImport.objects.get()
    page = staff_client.get(reverse("organisations:opp_preview", args=[record.pk])).content.decode()
    assert "W pliku nie ma kolumn: NIP." in page


# ---------------------------------------------------------------- bad input


@pytest.mark.dates
@pytest.mark.parametrize(
    "data, name, year, message",
    [
        (b"%PDF-1.7\n" + bytes(100), "wykaz.pdf", YEAR, "To jest plik PDF"),
        (b"\xd0\xcf\x11\xe0" + bytes(200), "wykaz.xls", YEAR, "starym formacie Excela"),
        (b"PK\x03\x04" + bytes(200), "wykaz.xlsx", YEAR, "nie jest poprawnym arkuszem XLSX"),
        (bytes(range(256)) * 20, "wykaz.csv", YEAR, "Nie udało się odczytać pliku"),
        (
            csv_bytes(list_rows(("101", "Fundacja Śląska Łódź", "Kalisz")), encoding="iso-8859-2"),
            "wykaz.csv",
            YEAR,
            "Nie udało się odczytać pliku",
        ),
        (csv_bytes(LIST, encoding="utf-16"), "wykaz.csv", YEAR, "Nie udało się odczytać pliku"),
        (
            csv_bytes([r[2:] for r in LIST], header=HEADER[2:]),
            "wykaz.csv",
            YEAR,
            "Brak wymaganych kolumn: Nr KRS.",
        ),
        (
            csv_bytes([[r[1]] for r in LIST], header=["Numer KRS"]),
            "wykaz.csv",
            YEAR,
            "Brak wymaganych kolumn: Nazwa.",
        ),
        (
            xlsx_bytes([r[2:] for r in LIST], header=HEADER[2:]),
            "w.xlsx",
            YEAR,
            "Brak wymaganych kolumn: Nr KRS.",
        ),
        (csv_bytes(LIST, delimiter="|"), "wykaz.csv", YEAR, "jedną kolumnę"),
        (csv_bytes([], header=HEADER), "wykaz.csv", YEAR, "tylko nagłówki"),
        (b"", "wykaz.csv", YEAR, "Plik jest pusty."),
        (b"\r\n \r\n", "wykaz.csv", YEAR, "Plik jest pusty."),
        (csv_bytes([["1", "abc", "X", "", "", "", ""]]), "wykaz.csv", YEAR, "żadnego poprawnego numeru KRS"),
        (csv_bytes(LIST), "wykaz.csv", 2003, "Podaj rok podatkowy od 2004 do"),
        (csv_bytes(LIST), "wykaz.csv", timezone.localdate().year + 1, "Podaj rok podatkowy od 2004 do"),
        (csv_bytes(LIST), "wykaz.csv", "dwa tysiące", "Podaj rok jako liczbę"),
    ],
    ids=[
        "pdf",
        "xls",
        "broken-xlsx",
        "binary",
        "iso-8859-2",
        "utf-16",
        "no-krs-column",
        "no-name-column",
        "xlsx-no-krs-column",
        "wrong-separator",
        "header-only",
        "empty",
        "blank-lines",
        "no-valid-krs",
        "year-too-early",
        "year-in-future",
        "year-not-a-number",
    ],
)
def test_bad_input_gives_a_message_and_stores_nothing(staff_client, registry, data, name, year, message):
    response = upload(staff_client, data, name=name, year=year)
    assert response.status_code == 200
    text = response.content.decode()
    assert message in text, text[text.find("errorlist") - 200 : text.find("errorlist") + 400]
    assert 'aria-invalid="true"' in text
    assert not OppListImport.objects.exists()
    assert not AuditEntry.objects.exists()
    assert Organisation.objects.filter(is_opp=True).count() == 3


def test_missing_file_is_a_field_error(staff_client):
    response = staff_client.post(reverse("organisations:opp_upload"), {"year": str(YEAR)})
    assert "Wybierz plik wykazu." in response.content.decode()
    assert not OppListImport.objects.exists()


def test_found_headers_are_named_when_a_column_is_missing(staff_client):
    text = upload(staff_client, csv_bytes([r[2:] for r in LIST], header=HEADER[2:])).content.decode()
    assert "Znalezione nagłówki: Nazwa, NIP, Województwo, Powiat, Gmina." in text


# ---------------------------------------------------------------- size


def test_the_national_list_is_joined_in_few_queries(
    centre, staff_user, staff_client, django_assert_max_num_queries
):
    for i in range(60):
        make_org(centre=centre, name=f"Organizacja {i}", krs=str(1000 + i).zfill(10), is_opp=i % 2 == 0)
    rows = [
        [str(i), str(1000 + i), f"Organizacja {i}", "", "", "", "Kalisz" if i % 50 else "Poznań"]
        for i in range(12000)
    ]
    data = xlsx_bytes(rows)
    # How long it takes is measured by bench/opp_import.py (scripts/bench.sh), not here: a busy machine
    # would fail a wall-clock assertion.
    with django_assert_max_num_queries(12):
        record = opp_import_create(
            centre=centre, actor=staff_user, upload=SimpleUploadedFile("w.xlsx", data), year=YEAR
        )
    assert (record.total_rows, record.matched_count, record.gained_count, record.lost_count) == (
        12000,
        60,
        30,
        0,
    )
    assert record.outside_count == 12000 - 60 - 12000 // 50 + 2  # Poznań rows (i % 50 == 0) left out
    assert len(record.outside_rows) == opp.OUTSIDE_ROWS_KEPT
    with django_assert_max_num_queries(10):
        assert staff_client.get(reverse("organisations:opp_preview", args=[record.pk])).status_code == 200
    # Applying writes one UPDATE and one audit entry per changed organisation, not per list row.
    with django_assert_max_num_queries(30 + 10):
        opp_import_apply(opp_import=record, actor=staff_user)
    assert Organisation.objects.filter(centre=centre, is_opp=True).count() == 60


@pytest.mark.dates
def test_upload_page_query_count(staff_client, centre, staff_user, registry, django_assert_max_num_queries):
    for year in (YEAR - 2, YEAR - 1, YEAR):
        opp_import_create(
            centre=centre, actor=staff_user, upload=SimpleUploadedFile("w.csv", csv_bytes(LIST)), year=year
        )
    with django_assert_max_num_queries(8):
        response = staff_client.get(reverse("organisations:opp_upload"))
    assert response.status_code == 200 and response.content.decode().count("podgląd, nie zastosowany") == 3


# ---------------------------------------------------------------- access


@pytest.fixture
def record(centre, staff_user, registry):
    return opp_import_create(
        centre=centre, actor=staff_user, upload=SimpleUploadedFile("w.csv", csv_bytes(LIST)), year=YEAR
    )


def _urls(pk):
    return [
        ("get", reverse("organisations:opp_upload")),
        ("post", reverse("organisations:opp_upload")),
        ("get", reverse("organisations:opp_preview", args=[pk])),
        ("post", reverse("organisations:opp_apply", args=[pk])),
    ]


def test_anonymous_goes_to_login(anon, record):
    for method, url in _urls(record.pk):
        response = getattr(anon, method)(url)
        assert response.status_code == 302 and "/konto/" in response.url, url


def test_members_admins_and_officials_are_forbidden(
    client_for, centre, org_member, org_admin, official_user, record
):
    for user in (org_member, org_admin, official_user):
        client = client_for(centre, user)
        for method, url in _urls(record.pk):
            assert getattr(client, method)(url).status_code == 403, (user, url)
    record.refresh_from_db()
    assert record.applied_at is None


def test_staff_of_another_centre_is_forbidden_and_another_centres_import_is_404(
    client_for, other_centre, staff_client, record
):
    from centrum.accounts.models import CentreRoleKind
    from centrum.accounts.tests.factories import CentreRoleFactory

    foreign_staff = UserFactory(email="inna@example.org")
    CentreRoleFactory(centre=other_centre, user=foreign_staff, role=CentreRoleKind.STAFF)
    foreign_client = client_for(other_centre, foreign_staff)
    for method, url in _urls(record.pk)[2:]:
        assert getattr(foreign_client, method)(url).status_code == 404, url
    record.refresh_from_db()
    assert record.applied_at is None


def test_get_on_apply_is_not_allowed(staff_client, record):
    assert staff_client.get(reverse("organisations:opp_apply", args=[record.pk])).status_code == 405


def test_service_refuses_non_staff(centre, record):
    from centrum.core.exceptions import ApplicationError

    member = UserFactory(email="m@example.org")
    MembershipFactory(user=member, organisation=make_org(centre=centre), role="admin")
    with pytest.raises(ApplicationError):
        opp_import_apply(opp_import=record, actor=member)
    with pytest.raises(ApplicationError):
        opp_import_create(
            centre=centre, actor=member, upload=SimpleUploadedFile("w.csv", csv_bytes(LIST)), year=YEAR
        )


# ---------------------------------------------------------------- places


@pytest.mark.parametrize(
    "value, key",
    [
        ("Kalisz", "kalisz"),
        ("M. Kalisz", "kalisz"),
        ("gmina Kalisz", "kalisz"),
        ("62-800 Kalisz", "kalisz"),
        ("ul. Babina 1, 62-800 Kalisz", "kalisz"),
        ("Kalisz Pomorski", "kalisz pomorski"),
        ("Miasto Żory", "zory"),
        ("m. st. Warszawa", "warszawa"),
        ("", ""),
    ],
)
def test_place_key(value, key):
    assert opp.place_key(value) == key


def test_rejected_registrations_are_not_counted(staff_client, centre, registry):
    make_org(centre=centre, name="Odrzucona", krs="0000000557", status=OrganisationStatus.REJECTED)
    upload(staff_client, csv_bytes(LIST))
    record = OppListImport.objects.get()
    assert record.matched_count == 2
    staff_client.post(reverse("organisations:opp_apply", args=[record.pk]), {"clear_missing": "on"})
    assert not Organisation.objects.get(name="Odrzucona").is_opp
