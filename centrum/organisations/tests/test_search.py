"""Directory search by words (issue 8) and the Polish order, through the one selector the directory page,
the API list and the exports read. Runs on SQLite and on PostgreSQL (full-text search there)."""

import pytest

from centrum.core.text import polish_sort_key, polish_sort_text, search_words
from centrum.organisations.models import Organisation
from centrum.organisations.search import DirectoryQuery, parse_query, search_fields
from centrum.organisations.selectors import organisation_directory
from centrum.organisations.services import organisation_update
from centrum.organisations.tests.factories import random_regon
from centrum.organisations.tests.views_support import make_org

URL = "/organizacje/"
API = "/api/v1/organisations"


def found(centre, q: str) -> list[str]:
    return [org.name for org in organisation_directory(centre=centre, q=q)]


@pytest.fixture
def lodz_and_fragments(centre):
    make_org(centre=centre, name="Stowarzyszenie Łódzkie Przyjaciół Teatru", city="Kalisz")
    make_org(centre=centre, name="Fundacja Nad Wartą", city="Łódź", street="ul. Piotrkowska 12")
    make_org(centre=centre, name="Klub Młodzieży Aktywnej", city="Kalisz")
    make_org(centre=centre, name="Związek Dużych Rodzin Wielodzietnych", city="Kalisz")
    make_org(centre=centre, name="Rada Osiedla Szczypiorno", city="Kalisz", street="ul. Łódzka 5")


@pytest.mark.parametrize("query", ["lodz", "łódź", "LODZ", "Łodz", "ŁÓDŹ"])
def test_words_not_fragments(centre, lodz_and_fragments, query):
    names = found(centre, query)
    assert "Klub Młodzieży Aktywnej" not in names
    assert "Związek Dużych Rodzin Wielodzietnych" not in names
    # Name first (prefix of „Łódzkie”), then the city Łódź and the street „Łódzka”: both address matches.
    assert names == [
        "Stowarzyszenie Łódzkie Przyjaciół Teatru",
        "Fundacja Nad Wartą",
        "Rada Osiedla Szczypiorno",
    ]


def test_the_directory_page_and_the_api_answer_the_same(anon, centre, lodz_and_fragments):
    page = anon.get(URL, {"q": "lodz"})
    assert [org.name for org in page.context["page"].object_list] == found(centre, "lodz")
    api = anon.get(API, {"q": "lodz"}).json()
    assert [org["name"] for org in api["results"]] == found(centre, "lodz")


@pytest.mark.parametrize("query", ['"Kompas"', "„Kompas”", "Kompas", "«Kompas»", "'kompas'", "kompas,"])
def test_quotes_do_not_matter(centre, query):
    make_org(centre=centre, name="Stowarzyszenie „Kompas”")
    make_org(centre=centre, name='Fundacja "Kompas Kaliski"')
    make_org(centre=centre, name="Kompasowa Drużyna Harcerska")
    make_org(centre=centre, name="Fundacja Azymut")
    assert found(centre, query) == [
        # whole word in the name, in Polish order; then a name that only starts with the word
        'Fundacja "Kompas Kaliski"',
        "Stowarzyszenie „Kompas”",
        "Kompasowa Drużyna Harcerska",
    ]


def test_every_word_must_match(centre):
    make_org(centre=centre, name="Fundacja Łąki i Lasy", city="Kalisz")
    make_org(centre=centre, name="Fundacja Morska", city="Kalisz")
    make_org(centre=centre, name="Stowarzyszenie Łąki", city="Kalisz")
    assert found(centre, "fundacja łąk") == ["Fundacja Łąki i Lasy"]
    assert found(centre, "łąki kalisz") == ["Fundacja Łąki i Lasy", "Stowarzyszenie Łąki"]
    assert found(centre, "fundacja gór") == []


def test_name_match_before_address_match(centre):
    make_org(centre=centre, name="Aaa Stowarzyszenie Sąsiadów", street="ul. Kasztanowa 3")
    make_org(centre=centre, name="Kasztanowe Wzgórze", street="ul. Polna 1")
    make_org(centre=centre, name="Fundacja Kasztan", street="ul. Polna 2")
    # whole word in the name, then the start of a word in the name, then the street only
    assert found(centre, "kasztan") == [
        "Fundacja Kasztan",
        "Kasztanowe Wzgórze",
        "Aaa Stowarzyszenie Sąsiadów",
    ]


def test_street_search_lists_the_organisations_at_the_centres_address(centre, other_centre):
    make_org(centre=centre, name="Fundacja Pod Dachem", street="ul. Babina 3", city="Kalisz")
    make_org(centre=centre, name="Klub Seniora", street="ul. Babina 3/5", city="Kalisz")
    make_org(centre=centre, name="Fundacja Gdzie Indziej", street="ul. Babina 30", city="Kalisz")
    make_org(centre=centre, name="Koło Babińskie", street="ul. Polna 1", city="Kalisz")
    make_org(centre=other_centre, name="Z Innego Centrum", street="ul. Babina 3", city="Kalisz")
    # the house number as a whole word first; "30" starts with "3", so it follows
    assert found(centre, "Babina 3") == ["Fundacja Pod Dachem", "Klub Seniora", "Fundacja Gdzie Indziej"]
    assert found(centre, "ul. Babina 3 Kalisz") == found(centre, "Babina 3")


def test_search_covers_short_name(centre):
    make_org(centre=centre, name="Kaliskie Towarzystwo Cyklistów", short_name="KTC")
    assert found(centre, "ktc") == ["Kaliskie Towarzystwo Cyklistów"]


@pytest.mark.parametrize(
    "query",
    ["0000431452", "0000 431 452", "KRS 0000 431 452", "krs: 431452", "0000-431-452", "KRS 431 452"],
)
def test_krs_as_people_type_it(centre, other_centre, query):
    make_org(centre=centre, name="Fundacja Z Numerem", krs="0000431452")
    make_org(centre=centre, name="Fundacja Inna", krs="0000431453")
    make_org(centre=other_centre, name="Ten Sam Numer Gdzie Indziej", krs="0000431452")
    assert found(centre, query) == ["Fundacja Z Numerem"]


def test_nip_and_regon_as_people_type_them(centre):
    regon = random_regon()
    make_org(centre=centre, name="Fundacja NIP", nip="5261040828", krs="")
    make_org(centre=centre, name="Fundacja REGON", regon=regon)
    for query in ("526-104-08-28", "526 104 08 28", "NIP 526-10-40-828", "5261040828"):
        assert found(centre, query) == ["Fundacja NIP"], query
    spaced = f"{regon[:3]} {regon[3:6]} {regon[6:]}"
    for query in (regon, spaced, f"REGON {spaced}"):
        assert found(centre, query) == ["Fundacja REGON"], query


def test_edits_keep_search_and_order_current(centre, staff_user):
    org = make_org(centre=centre, name="Stara Nazwa", street="ul. Polna 1")
    organisation_update(
        organisation=org, actor=staff_user, data={"name": "„Żurawie” Nowa", "street": "ul. Lipowa 2"}
    )
    assert found(centre, "zurawie lipowa") == ["„Żurawie” Nowa"]
    assert found(centre, "stara") == [] and found(centre, "polna") == []
    org.refresh_from_db()
    assert org.name_sort == polish_sort_text("Żurawie Nowa")


POLISH_ORDER = [
    '"Alfa" Stowarzyszenie',
    "Federacja Organizacji",
    "FUNDACJA - PIERWSZA POMOC",
    "„Gama”",
    "Lasy",
    "łąka",
    "Mosty",
    "Sowy",
    "Śruba",
    "Tur",
    "zebra",
    "Źródło",
    "Żagiel",
]


def test_directory_in_polish_order(anon, centre):
    for name in reversed(POLISH_ORDER):
        make_org(centre=centre, name=name)
    assert found(centre, "") == POLISH_ORDER
    assert [o["name"] for o in anon.get(API, {"limit": 50}).json()["results"]] == POLISH_ORDER
    assert [o.name for o in anon.get(URL).context["page"].object_list] == POLISH_ORDER


def test_sort_text_is_plain_ascii_in_polish_order():
    keys = [polish_sort_text(name) for name in POLISH_ORDER]
    assert keys == sorted(keys)
    assert all(key.isascii() and key.isalnum() for key in keys)
    assert sorted(POLISH_ORDER, key=polish_sort_key) == POLISH_ORDER
    assert polish_sort_text("Łódź") > polish_sort_text("Lubin") and polish_sort_text(
        "Łódź"
    ) < polish_sort_text("Mława")


def test_query_reading():
    assert parse_query("„Kompas”") == parse_query('"Kompas"') == DirectoryQuery(words=("kompas",))
    assert parse_query("KRS 431 452") == DirectoryQuery(identifiers=("0000431452",))
    assert parse_query("12") == DirectoryQuery(words=("12",))  # a house number is a word, not an identifier
    assert parse_query("  ") == DirectoryQuery() and not parse_query("„ ”")
    assert parse_query("lodz lodz łódź") == DirectoryQuery(words=("lodz",))
    assert parse_query("ul. Babina 3") == DirectoryQuery(words=("babina", "3"))
    assert parse_query("ul") == DirectoryQuery(words=("ul",))
    assert search_words("Bielsko-Biała, ul. 3 Maja 12/14") == [
        "bielsko",
        "biala",
        "ul",
        "3",
        "maja",
        "12",
        "14",
    ]


def test_search_fields_put_the_name_first():
    fields = search_fields(name="Fundacja „Żółw”", short_name="FŻ", street="ul. Łódzka 1", city="Kalisz")
    assert fields["search_name"] == "fundacja zolw fz"
    assert fields["search_text"] == "fundacja zolw fz ul lodzka 1 kalisz"


def test_bad_search_text_never_fails(anon, centre):
    make_org(centre=centre, name="Fundacja")
    for query in ["'", "&", "|!:*()", "a:*", "\\", "%_", "x" * 200, "ą & ę | !ź"]:
        assert anon.get(URL, {"q": query}).status_code == 200
        assert anon.get(API, {"q": query}).status_code == 200


def test_existing_rows_get_the_columns_from_the_migration(centre):
    from importlib import import_module

    from django.apps import apps

    org = make_org(centre=centre, name="„Gama” Łódzka", street="ul. Polna 1")
    Organisation.objects.filter(pk=org.pk).update(search_text="", search_name="", name_sort="")
    import_module("centrum.organisations.migrations.0006_directory_full_text_search").fill_search_fields(
        apps, None
    )
    org.refresh_from_db()
    assert (org.search_name, org.name_sort) == ("gama lodzka", polish_sort_text("Gama Łódzka"))
    assert "polna 1" in org.search_text
