import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from centrum.core.models import AuditEntry, CentreSetting
from centrum.organisations.choices import LegalForm, OrganisationStatus, RegistryKind
from centrum.organisations.models import District, ImportBatch, ImportStatus, Organisation
from centrum.organisations.services import imports
from centrum.organisations.tests.factories import OrganisationFactory

HEADER = [
    "Nazwa",
    "Forma prawna",
    "KRS",
    "NIP",
    "REGON",
    "Adres",
    "Kod pocztowy",
    "Miejscowość",
    "E-mail",
    "Telefon",
    "WWW",
    "OPP",
    "Dzielnica",
    "Sfery",
]
ROWS = [
    [
        "Stowarzyszenie Żółta Łódź",
        "stowarzyszenie",
        "466506",
        "793-162-51-60",
        "18100675200000",
        "ul. Rynek 2/3",
        "37600",
        "Lubaczów",
        "biuro@zolta.example.org",
        "600 100 200",
        "zolta.example.org",
        "tak",
        "Śródmieście",
        "16, 17",
    ],
    [
        "Fundacja Do Gwiazd",
        "Fundacja",
        "0001109495",
        "5170448498",
        "528857855",
        "ul. Kościuszki 1",
        "36-060",
        "Głogów Małopolski",
        "",
        "",
        "",
        "nie",
        "Osiedle Nowe",
        "pkt 14",
    ],
    [
        "Koło Gospodyń Wiejskich w Jodłowej",
        "KGW",
        "",
        "",
        "",
        "Jodłowa 56",
        "39-225",
        "Jodłowa",
        "",
        "",
        "",
        "",
        "śródmieście",
        "",
    ],
]


def csv_bytes(rows, header=HEADER, delimiter=";", encoding="utf-8", bom=False):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return (b"\xef\xbb\xbf" if bom else b"") + buffer.getvalue().encode(encoding)


def upload(client, data, name="lista.csv"):
    return client.post(
        reverse("organisations:import_upload"), {"file": SimpleUploadedFile(name, data, "text/csv")}
    )


def errors_of(batch):
    return [(e["row"], e["column"], e["message"]) for e in batch.errors]


@pytest.fixture
def staff(staff_client):
    return staff_client


def test_template_lists_the_columns(staff):
    response = staff.get(reverse("organisations:import_template"))
    assert response.status_code == 200
    body = response.content
    assert body.startswith(b"\xef\xbb\xbf")
    header = body.decode("utf-8-sig").strip().split(";")
    assert header[:3] == ["nazwa", "nazwa skrócona", "forma prawna"] and "miejscowość" in header
    # The template is itself a file the import understands (headers only → "no organisations").
    response = upload(staff, body)
    assert "bez żadnej organizacji" in response.content.decode()


def test_upload_preview_and_import(staff, centre, staff_user):
    response = upload(staff, csv_bytes(ROWS))
    batch = ImportBatch.objects.get()
    assert response.status_code == 302 and response.url == reverse(
        "organisations:import_preview", args=[batch.pk]
    )
    assert batch.status == ImportStatus.VALIDATED, batch.errors
    assert (batch.total_rows, batch.processed_rows) == (3, 3)
    page = staff.get(response.url).content.decode()
    assert "Stowarzyszenie Żółta Łódź" in page and "Importuj" in page
    assert not Organisation.objects.exists()

    response = staff.post(reverse("organisations:import_run", args=[batch.pk]))
    assert response.status_code == 302
    batch.refresh_from_db()
    assert batch.status == ImportStatus.DONE and batch.created_count == 3
    orgs = {o.name: o for o in Organisation.objects.filter(centre=centre)}
    zolta = orgs["Stowarzyszenie Żółta Łódź"]
    assert zolta.status == OrganisationStatus.ACTIVE
    assert (zolta.krs, zolta.nip, zolta.regon) == ("0000466506", "7931625160", "181006752")
    assert (zolta.postal_code, zolta.website, zolta.is_opp) == ("37-600", "https://zolta.example.org", True)
    assert zolta.registry_kind == RegistryKind.KRS_S
    assert sorted(zolta.areas.values_list("code", flat=True)) == ["16", "17"]
    kgw = orgs["Koło Gospodyń Wiejskich w Jodłowej"]
    assert kgw.legal_form == LegalForm.RURAL_WOMENS_CIRCLE and kgw.registry_kind == RegistryKind.ARIMR
    # "Śródmieście" and "śródmieście" are one new district.
    assert sorted(District.objects.filter(centre=centre).values_list("name", flat=True)) == [
        "Osiedle Nowe",
        "Śródmieście",
    ]
    assert kgw.district_id == zolta.district_id
    created = AuditEntry.objects.filter(action="organisation.created", actor=staff_user)
    assert created.count() == 3 and "wiersz 2" in created.get(object_id=str(zolta.pk)).reason
    assert AuditEntry.objects.filter(action="organisation_import.done", object_id=str(batch.pk)).exists()
    # A finished batch cannot be imported twice.
    staff.post(reverse("organisations:import_run", args=[batch.pk]))
    assert Organisation.objects.count() == 3


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(csv_bytes(ROWS, delimiter=",", encoding="cp1250"), id="windows-1250-comma"),
        pytest.param(csv_bytes(ROWS, bom=True), id="utf8-bom"),
        pytest.param(csv_bytes(ROWS, delimiter="\t"), id="tab"),
    ],
)
def test_encodings_and_separators_are_detected(staff, data):
    upload(staff, data)
    batch = ImportBatch.objects.get()
    assert batch.status == ImportStatus.VALIDATED, batch.errors
    assert batch.preview[0]["name"] == "Stowarzyszenie Żółta Łódź"
    assert batch.preview[0]["city"] == "Lubaczów"


@pytest.mark.parametrize(
    "data, message",
    [
        (csv_bytes(ROWS, encoding="iso-8859-2"), "UTF-8 ani Windows-1250"),
        (bytes(range(256)) * 20, "nie jest plikiem tekstowym"),
        (b"PK\x03\x04" + bytes(200), "plik arkusza (Excel)"),
        (csv_bytes(ROWS, encoding="utf-16"), "UTF-16"),
        (csv_bytes(ROWS, delimiter="|"), "Brak wymaganych kolumn: nazwa, forma prawna"),
        (csv_bytes([r[2:] for r in ROWS], header=HEADER[2:]), "Brak wymaganych kolumn: nazwa, forma prawna."),
        (csv_bytes([], header=HEADER), "bez żadnej organizacji"),
        (b"", "pusty"),
    ],
    ids=[
        "iso-8859-2",
        "binary",
        "xlsx",
        "utf-16",
        "pipe-delimiter",
        "missing-columns",
        "header-only",
        "empty",
    ],
)
def test_bad_files_are_refused_with_a_message_and_nothing_stored(staff, data, message):
    response = upload(staff, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_wrong_delimiter_names_the_missing_columns(staff):
    response = upload(staff, csv_bytes(ROWS, delimiter="|"))
    text = response.content.decode()
    assert "Brak wymaganych kolumn: nazwa, forma prawna." in text
    assert "jedną kolumnę" in text


def test_missing_column_lists_found_headers(staff):
    header = [h for h in HEADER if h != "Forma prawna"]
    rows = [[v for h, v in zip(HEADER, r, strict=True) if h != "Forma prawna"] for r in ROWS]
    text = upload(staff, csv_bytes(rows, header=header)).content.decode()
    assert "Brak wymaganych kolumn: forma prawna." in text and "Znalezione nagłówki: Nazwa, KRS" in text


def test_file_size_and_row_limits_are_per_centre(staff, centre):
    CentreSetting.objects.create(centre=centre, key="organisations.import_max_file_kb", value=10)
    big = csv_bytes([[f"Stowarzyszenie {i}", "stowarzyszenie"] + [""] * 12 for i in range(400)])
    assert len(big) > 10 * 1024
    assert "centrum przyjmuje pliki do 10 KB" in upload(staff, big).content.decode()
    CentreSetting.objects.filter(centre=centre).delete()
    CentreSetting.objects.create(centre=centre, key="organisations.import_max_rows", value=2)
    assert (
        "Plik ma 3 wiersze z danymi, a centrum przyjmuje najwyżej 2"
        in upload(staff, csv_bytes(ROWS)).content.decode()
    )
    assert not ImportBatch.objects.exists()


def test_bad_values_are_listed_by_row_and_column(staff):
    rows = [
        ["", "stowarzyszenie", "", "", "", "", "", "", "", "", "", "", "", ""],
        [
            "Fundacja A",
            "spółka",
            "12345678901",
            "5261040827",
            "12345",
            "",
            "62-8000",
            "Kalisz",
            "nie-mail",
            "",
            "http://",
            "może",
            "",
            "99",
        ],
        ["Stowarzyszenie B", "stowarzyszenie", "0", "", "", "", "62-800", "Kalisz", "", "", "", "", "", "16"],
    ]
    upload(staff, csv_bytes(rows))
    batch = ImportBatch.objects.get()
    assert batch.status == ImportStatus.INVALID
    found = errors_of(batch)
    assert (2, "Nazwa", "To pole jest wymagane.") in found
    by_column = {(row, column): message for row, column, message in found}
    assert "Nieznana forma prawna „spółka”" in by_column[(3, "Forma prawna")]
    assert "najwyżej 10 cyfr" in by_column[(3, "KRS")]
    assert "Cyfra kontrolna NIP" in by_column[(3, "NIP")]
    assert "REGON ma 9 albo 14 cyfr" in by_column[(3, "REGON")]
    assert by_column[(3, "Kod pocztowy")] == "Kod pocztowy w formacie 00-000."
    assert (3, "E-mail") in by_column and (3, "WWW") in by_column
    assert by_column[(3, "OPP")] == "Wpisz „tak” albo „nie”."
    assert "Nieznana sfera „99”" in by_column[(3, "Sfery")]
    assert "samych zer" in by_column[(4, "KRS")]
    page = staff.get(reverse("organisations:import_preview", args=[batch.pk])).content.decode()
    assert "Nieznana forma prawna" in page and "Importuj</button>" not in page
    response = staff.post(reverse("organisations:import_run", args=[batch.pk]))
    assert response.status_code == 302 and not Organisation.objects.exists()


def test_duplicates_within_the_file_and_against_the_registry(staff, centre):
    OrganisationFactory(centre=centre, name="Już jest", nip="5170448498", krs="0000999999")
    OrganisationFactory(
        centre=centre, name="Stowarzyszenie Bez Numerów", krs="", nip="", regon="", city="Kalisz"
    )
    rows = [
        ROWS[0],
        ["Inna nazwa", "stowarzyszenie", "0000466506", "", "", "", "", "", "", "", "", "", "", ""],
        ROWS[1],
        [
            "STOWARZYSZENIE BEZ NUMERÓW",
            "stowarzyszenie zwykłe",
            "",
            "",
            "",
            "",
            "",
            "Kalisz",
            "",
            "",
            "",
            "",
            "",
            "",
        ],
    ]
    upload(staff, csv_bytes(rows))
    batch = ImportBatch.objects.get()
    assert batch.status == ImportStatus.INVALID
    found = errors_of(batch)
    assert (3, "KRS", "Ta sama organizacja co w wierszu 2.") in found
    assert any(r == 4 and c == "NIP" and "już w rejestrze centrum: „Już jest”" in m for r, c, m in found)
    assert any(r == 5 and c == "Nazwa" and "już w rejestrze" in m for r, c, m in found)
    assert {r for r, _c, _m in found} == {3, 4, 5}


def test_another_centres_registry_is_not_a_duplicate(staff, other_centre):
    OrganisationFactory(centre=other_centre, nip="7931625160")
    upload(staff, csv_bytes(ROWS))
    assert ImportBatch.objects.get().status == ImportStatus.VALIDATED


def test_all_or_nothing_when_a_row_fails_during_import(staff, centre):
    upload(staff, csv_bytes(ROWS))
    batch = ImportBatch.objects.get()
    assert batch.status == ImportStatus.VALIDATED
    # Between the preview and "Importuj" someone registers the organisation of the second row.
    OrganisationFactory(centre=centre, name="Zgłoszona w międzyczasie", nip="5170448498")
    response = staff.post(reverse("organisations:import_run", args=[batch.pk]))
    assert response.status_code == 302
    batch.refresh_from_db()
    assert batch.status == ImportStatus.FAILED
    assert batch.errors[0]["row"] == 3 and "NIP" in batch.errors[0]["message"], batch.errors
    assert list(Organisation.objects.values_list("name", flat=True)) == ["Zgłoszona w międzyczasie"]
    assert not District.objects.exists()
    assert not AuditEntry.objects.filter(action="organisation.created").exists()
    assert AuditEntry.objects.filter(action="organisation_import.failed").exists()
    page = staff.get(reverse("organisations:import_preview", args=[batch.pk])).content.decode()
    assert "nie zapisano żadnej organizacji" in page


def test_large_file_is_checked_and_imported_by_the_job(staff, centre, monkeypatch):
    from centrum.core.jobs import run_due_jobs

    monkeypatch.setattr(imports, "INLINE_MAX_ROWS", 5)
    monkeypatch.setattr(imports, "CHUNK_ROWS", 4)
    rows = [
        [f"Stowarzyszenie nr {i}", "stowarzyszenie"] + [""] * 5 + ["Kalisz"] + [""] * 6 for i in range(10)
    ]
    upload(staff, csv_bytes(rows))
    batch = ImportBatch.objects.get()
    assert (batch.status, batch.total_rows, batch.processed_rows) == (ImportStatus.UPLOADED, 10, 0)
    page = staff.get(reverse("organisations:import_preview", args=[batch.pk])).content.decode()
    assert 'hx-trigger="every 2s"' in page and '<progress id="import-progress-bar" max="10" value="0"' in page
    assert "Sprawdzono 0 z 10 wierszy." in page

    # One chunk per run when out of time: each chunk is committed with its progress.
    imports.import_batches_process(time_budget=0)
    batch.refresh_from_db()
    assert (batch.status, batch.processed_rows) == (ImportStatus.UPLOADED, 4)
    fragment = staff.get(reverse("organisations:import_progress", args=[batch.pk]), HTTP_HX_REQUEST="true")
    assert (
        'value="4"' in fragment.content.decode() and "Sprawdzono 4 z 10 wierszy." in fragment.content.decode()
    )

    run_due_jobs(only=["organisations.import_batches"], force=True)
    batch.refresh_from_db()
    assert (batch.status, batch.processed_rows) == (ImportStatus.VALIDATED, 10)
    fragment = staff.get(reverse("organisations:import_progress", args=[batch.pk]), HTTP_HX_REQUEST="true")
    assert fragment["HX-Redirect"] == reverse("organisations:import_preview", args=[batch.pk])

    staff.post(reverse("organisations:import_run", args=[batch.pk]))
    batch.refresh_from_db()
    assert batch.status == ImportStatus.IMPORTING and not Organisation.objects.exists()
    page = staff.get(reverse("organisations:import_preview", args=[batch.pk])).content.decode()
    assert "Trwa zapisywanie 10 organizacji" in page
    run_due_jobs(only=["organisations.import_batches"], force=True)
    batch.refresh_from_db()
    assert batch.status == ImportStatus.DONE and Organisation.objects.filter(centre=centre).count() == 10


def test_duplicates_are_found_across_chunks(staff, monkeypatch):
    monkeypatch.setattr(imports, "INLINE_MAX_ROWS", 2)
    monkeypatch.setattr(imports, "CHUNK_ROWS", 2)
    rows = [ROWS[0], ROWS[1], ROWS[2], ROWS[0]]
    upload(staff, csv_bytes(rows))
    imports.import_batches_process()
    batch = ImportBatch.objects.get()
    assert batch.status == ImportStatus.INVALID
    assert {(e["row"], e["message"]) for e in batch.errors} >= {(5, "Ta sama organizacja co w wierszu 2.")}


def test_preview_query_count(staff, django_assert_max_num_queries):
    upload(staff, csv_bytes(ROWS * 1))
    batch = ImportBatch.objects.get()
    with django_assert_max_num_queries(8):
        response = staff.get(reverse("organisations:import_preview", args=[batch.pk]))
    assert response.status_code == 200
    with django_assert_max_num_queries(8):
        assert staff.get(reverse("organisations:import_upload")).status_code == 200


def _urls(pk):
    return [
        ("get", reverse("organisations:import_upload")),
        ("get", reverse("organisations:import_template")),
        ("get", reverse("organisations:import_preview", args=[pk])),
        ("get", reverse("organisations:import_progress", args=[pk])),
        ("post", reverse("organisations:import_run", args=[pk])),
    ]


@pytest.fixture
def batch(centre, staff_user):
    return ImportBatch.objects.create(
        centre=centre, created_by=staff_user, original_name="a.csv", file="a.csv"
    )


def test_anonymous_goes_to_login(anon, batch):
    for method, url in _urls(batch.pk):
        response = getattr(anon, method)(url)
        assert response.status_code == 302 and "/konto/" in response.url, url


@pytest.fixture
def member(centre):
    from centrum.accounts.tests.factories import MembershipFactory, UserFactory

    user = UserFactory(email="czlonek@example.org")
    MembershipFactory(user=user, organisation=OrganisationFactory(centre=centre, nip=""), role="member")
    return user


def test_members_and_officials_are_forbidden(client_for, centre, member, official_user, batch):
    for user in (member, official_user):
        client = client_for(centre, user)
        for method, url in _urls(batch.pk):
            assert getattr(client, method)(url).status_code == 403, url
    assert ImportBatch.objects.get().status == ImportStatus.UPLOADED


def test_another_centres_batch_is_404(staff, other_centre):
    foreign = ImportBatch.objects.create(centre=other_centre, original_name="b.csv", file="b.csv")
    for method, url in _urls(foreign.pk)[2:]:
        assert getattr(staff, method)(url).status_code == 404, url


def test_upload_pages_list_files_whose_uploader_was_deleted(staff, centre, staff_user):
    from centrum.accounts.tests.factories import UserFactory
    from centrum.organisations.models import OppListImport

    gone = UserFactory(email="odszedl@example.org")
    ImportBatch.objects.create(centre=centre, created_by=gone, original_name="stara.csv", file="stara.csv")
    OppListImport.objects.create(centre=centre, year=2025, original_name="wykaz.xlsx", created_by=gone)
    gone.delete()
    for name, file_name in [
        ("organisations:import_upload", "stara.csv"),
        ("organisations:opp_upload", "wykaz.xlsx"),
    ]:
        response = staff.get(reverse(name))
        assert response.status_code == 200, name
        assert file_name in response.content.decode()


def test_each_duplicate_is_reported_once_per_row(staff, centre):
    """A row repeating an earlier one on KRS, NIP, REGON, name and city is one error, not four; a row
    whose KRS, NIP and REGON are all in the registry is one error, not three."""
    OrganisationFactory(centre=centre, name="Już jest", krs="0001109495", nip="5170448498", regon="528857855")
    upload(staff, csv_bytes([ROWS[0], ROWS[0], ROWS[1]]))
    batch = ImportBatch.objects.get()
    assert batch.status == ImportStatus.INVALID
    found = errors_of(batch)
    assert found == [
        (3, "KRS", "Ta sama organizacja co w wierszu 2."),
        (4, "KRS", "Organizacja o tym numerze KRS jest już w rejestrze centrum: „Już jest”."),
    ]
    assert batch.error_count == 2


def test_preview_says_it_shows_only_part_of_the_rows(staff, monkeypatch):
    monkeypatch.setattr(imports, "PREVIEW_ROWS", 2)
    rows = [[f"Stowarzyszenie nr {i}", "stowarzyszenie"] + [""] * 12 for i in range(5)]
    upload(staff, csv_bytes(rows))
    batch = ImportBatch.objects.get()
    assert batch.status == ImportStatus.VALIDATED and len(batch.preview) == 2
    page = staff.get(reverse("organisations:import_preview", args=[batch.pk])).content.decode()
    assert "Pokazano 2 z 5 poprawnych wierszy." in page


def test_preview_says_it_shows_only_the_first_errors(staff, monkeypatch):
    monkeypatch.setattr(imports, "ERRORS_SHOWN", 2)
    rows = [[f"Stowarzyszenie nr {i}", "nieznana forma"] + [""] * 12 for i in range(4)]
    upload(staff, csv_bytes(rows))
    batch = ImportBatch.objects.get()
    assert (batch.status, batch.error_count, len(batch.errors)) == (ImportStatus.INVALID, 4, 2)
    page = staff.get(reverse("organisations:import_preview", args=[batch.pk])).content.decode()
    assert "Plik zawiera 4 błędy." in page
    assert "Pokazano pierwsze 2 z 4 błędów." in page and "…i jeszcze 2 błędy." in page


def test_address_with_quotes_copied_from_the_register_keeps_them(staff, centre):
    row = list(ROWS[2])
    row[HEADER.index("Adres")] = 'SIEDLISKA 80 "B"'
    header = ";".join(HEADER)
    correct = csv_bytes([row])
    # As Excel writes it (quotes doubled) and as some exports write it (a quoted cell, quotes not doubled).
    loose = (
        header + "\r\n" + ";".join(f'"{cell}"' if "SIEDLISKA" in cell else cell for cell in row)
    ).encode()
    for data in (correct, loose):
        upload(staff, data)
        batch = ImportBatch.objects.latest("id")
        assert batch.status == ImportStatus.VALIDATED, batch.errors
        assert batch.preview[0]["street"] == 'SIEDLISKA 80 "B"'
    staff.post(reverse("organisations:import_run", args=[batch.pk]))
    assert Organisation.objects.get(centre=centre).street == 'SIEDLISKA 80 "B"'


def test_each_chunk_costs_the_same_and_rows_get_their_own_table(staff, centre, monkeypatch):
    """The check stores each chunk's rows once (no rewrite of what came before), and the import creates
    organisations a chunk at a time: the queries do not grow with the number of rows."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from centrum.organisations.models import ImportRow

    monkeypatch.setattr(imports, "INLINE_MAX_ROWS", 1)
    monkeypatch.setattr(imports, "CHUNK_ROWS", 10)
    monkeypatch.setattr(imports, "IMPORT_CHUNK_ROWS", 30)
    rows = [
        [f"Stowarzyszenie nr {i}", "stowarzyszenie"] + [""] * 5 + ["Kalisz"] + [""] * 4 + ["Osiedle", "16"]
        for i in range(60)
    ]
    upload(staff, csv_bytes(rows))
    batch = ImportBatch.objects.get()
    per_chunk = []
    for _chunk in range(6):
        with CaptureQueriesContext(connection) as queries:
            imports.import_batch_check(batch=batch, time_budget=0)
        per_chunk.append(len(queries))
    batch.refresh_from_db()
    assert batch.status == ImportStatus.VALIDATED and batch.ok_count == 60
    assert ImportRow.objects.filter(batch=batch).count() == 60
    # Once the preview's first rows are kept, every chunk costs the same; the last one also validates.
    assert len(set(per_chunk[2:-1])) == 1 and per_chunk[2] <= per_chunk[0], per_chunk
    assert len(batch.preview) == imports.PREVIEW_ROWS

    imports.import_batch_start(batch=batch, actor=batch.created_by)
    with CaptureQueriesContext(connection) as queries:
        batch = imports.import_batch_run(batch=batch, actor=batch.created_by)
    assert batch.status == ImportStatus.DONE and batch.created_count == 60
    assert len(queries) < 40, "the import must not cost queries per row"  # 13 per row before
    orgs = Organisation.objects.filter(centre=centre)
    assert orgs.count() == 60 and all(o.district and o.district.name == "Osiedle" for o in orgs)
    assert {a.code for a in orgs.first().areas.all()} == {"16"}
    created = AuditEntry.objects.filter(action="organisation.created")
    assert created.count() == 60
    assert created.filter(reason__contains="wiersz 61").exists()


def test_progress_fragment_reads_the_counters_not_the_rows(staff, monkeypatch, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    monkeypatch.setattr(imports, "INLINE_MAX_ROWS", 1)
    upload(staff, csv_bytes(ROWS))
    batch = ImportBatch.objects.get()
    with CaptureQueriesContext(connection) as queries:
        response = staff.get(reverse("organisations:import_progress", args=[batch.pk]))
    assert "Sprawdzono 0 z 3 wierszy." in response.content.decode()
    batch_queries = [q["sql"] for q in queries if "organisations_importbatch" in q["sql"]]
    assert batch_queries and not any('"preview"' in sql or '"errors"' in sql for sql in batch_queries)


def test_a_stored_file_that_cannot_be_read_is_one_error(staff, monkeypatch):
    monkeypatch.setattr(imports, "INLINE_MAX_ROWS", 1)
    upload(staff, csv_bytes(ROWS))
    batch = ImportBatch.objects.get()
    batch.file.storage.delete(batch.file.name)
    imports.import_batches_process()
    batch.refresh_from_db()
    assert (batch.status, batch.error_count, len(batch.errors)) == (ImportStatus.INVALID, 1, 1)
    page = staff.get(reverse("organisations:import_preview", args=[batch.pk])).content.decode()
    assert "Plik zawiera 1 błąd." in page and "Nie udało się odczytać zapisanego pliku." in page


def test_imported_organisations_are_audited_as_one_created_by_hand(staff, centre, staff_user):
    """The bulk import writes plain values (no model instances): each audit entry holds what a snapshot of
    the stored organisation holds, and the search columns are those `organisation_prepare_search` gives."""
    from centrum.core.audit import snapshot
    from centrum.organisations.services.registry import AUDITED_FIELDS, organisation_prepare_search

    upload(staff, csv_bytes(ROWS))
    batch = ImportBatch.objects.get()
    staff.post(reverse("organisations:import_run", args=[batch.pk]))
    orgs = Organisation.objects.filter(centre=centre).order_by("name")
    assert orgs.count() == 3
    for org in orgs:
        entry = AuditEntry.objects.get(action="organisation.created", object_id=str(org.pk))
        assert entry.new_state == snapshot(org, AUDITED_FIELDS)
        assert entry.object_repr == org.name and entry.actor_id == staff_user.pk
        assert (org.submitted_by_id, org.verified_by_id, org.status) == (
            staff_user.pk,
            staff_user.pk,
            OrganisationStatus.ACTIVE,
        )
        searched = (org.search_text, org.search_name, org.name_sort)
        organisation_prepare_search(org)
        assert searched == (org.search_text, org.search_name, org.name_sort) and org.search_text


@pytest.mark.parametrize(
    "data, field, message",
    [
        (
            {"name": "x" * 301},
            "name",
            "Upewnij się, że ta wartość ma co najwyżej 300 znaków (obecnie ma 301).",
        ),
        ({"email": "biuro@"}, "email", None),
        ({"website": "http://"}, "website", None),
        ({"legal_form": "spolka"}, "legal_form", None),
        ({"phone": "tel. biura"}, "phone", None),
        ({"nip": "1234567890"}, "nip", None),
    ],
)
def test_the_bulk_create_keeps_every_rule_of_the_form(centre, staff_user, data, field, message):
    """`organisations_create_many` checks plain values as `full_clean` checks an instance: the same field
    and the same words as `organisation_create`, and the entry's key."""
    from centrum.core.exceptions import ApplicationError
    from centrum.organisations.services.registry import (
        NewOrganisation,
        organisation_create,
        organisations_create_many,
    )

    values = {"name": "Stowarzyszenie", "legal_form": "stowarzyszenie", "registry_kind": "starosta", **data}
    with pytest.raises(ApplicationError) as one:
        organisation_create(centre=centre, actor=staff_user, data=values, status=OrganisationStatus.ACTIVE)
    with pytest.raises(ApplicationError) as many:
        organisations_create_many(
            centre=centre, actor=staff_user, entries=[NewOrganisation(data=values, key=7)]
        )
    assert (many.value.field, many.value.message) == (one.value.field, one.value.message)
    assert many.value.field == field and many.value.extra["key"] == 7
    if message:
        assert many.value.message == message
    assert not Organisation.objects.filter(centre=centre).exists()


def test_the_check_reads_the_stored_file_row_by_row(staff, centre, monkeypatch):
    """The job's check streams the stored file a chunk at a time (never the whole file into memory), and
    resumes where the last run stopped."""
    import centrum.core.tabular as tabular

    monkeypatch.setattr(imports, "INLINE_MAX_ROWS", 1)
    monkeypatch.setattr(imports, "CHUNK_ROWS", 2)
    rows = [[f"Stowarzyszenie nr {i}", "stowarzyszenie"] + [""] * 5 + ["Kalisz"] + [""] * 6 for i in range(7)]
    upload(staff, csv_bytes(rows))
    batch = ImportBatch.objects.get()

    def whole_file(*args, **kwargs):
        raise AssertionError("the check must not read the whole table")

    monkeypatch.setattr(tabular, "read_table", whole_file)
    read_rows = []
    original_records = tabular.CsvStream.records

    def records(self):
        for number, cells in original_records(self):
            read_rows.append(number)
            yield number, cells

    monkeypatch.setattr(tabular.CsvStream, "records", records)
    imports.import_batch_check(batch=batch, time_budget=0)
    batch.refresh_from_db()
    assert batch.processed_rows == 2
    imports.import_batch_check(batch=batch)  # resumes at the third row
    batch.refresh_from_db()
    assert (batch.status, batch.processed_rows, batch.ok_count) == (ImportStatus.VALIDATED, 7, 7)
    assert [r["row"] for r in batch.preview] == list(range(2, 9))


def test_the_import_bumps_the_data_version_once_not_per_chunk(staff, centre, monkeypatch):
    """Each bump is a new version of the centre's row in the import's transaction, which every later
    foreign-key check to the centre walks: one bump per chunk made a 100,000-row import quadratic."""
    from centrum.core.models import Centre
    from centrum.organisations.services import registry

    monkeypatch.setattr(imports, "IMPORT_CHUNK_ROWS", 1)
    calls = []
    monkeypatch.setattr(imports, "bump_data_version", lambda centre_id: calls.append(("import", centre_id)))
    monkeypatch.setattr(registry, "bump_data_version", lambda centre_id: calls.append(("chunk", centre_id)))
    upload(staff, csv_bytes(ROWS))
    batch = ImportBatch.objects.get()
    before = Centre.objects.get(pk=centre.pk).data_version
    staff.post(reverse("organisations:import_run", args=[batch.pk]))
    assert Organisation.objects.filter(centre=centre).count() == 3
    assert calls == [("import", centre.pk)]
    assert Centre.objects.get(pk=centre.pk).data_version >= before
