"""The public directory: search without diacritics, filters, pagination, constant query count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from centrum.organisations.choices import LegalForm, OrganisationStatus
from centrum.organisations.models import ActivityArea, District
from centrum.organisations.tests.views_support import make_org
from centrum.organisations.views.registry import PAGE_SIZE

URL = "/organizacje/"


def names(response) -> list[str]:
    return [org.name for org in response.context["page"].object_list]


def test_url_name():
    assert reverse("organisations:directory") == URL


def test_anonymous_sees_public_organisations_only(anon, centre, other_centre):
    make_org(centre=centre, name="Fundacja Aktywna")
    make_org(centre=centre, name="Klub Zawieszony", status=OrganisationStatus.SUSPENDED)
    make_org(centre=centre, name="Czeka Na Weryfikację", status=OrganisationStatus.PENDING)
    make_org(centre=centre, name="Odrzucona", status=OrganisationStatus.REJECTED)
    make_org(centre=centre, name="Usunięta", status=OrganisationStatus.REMOVED)
    make_org(centre=other_centre, name="Z Innego Centrum")
    response = anon.get(URL)
    assert response.status_code == 200
    assert names(response) == ["Fundacja Aktywna", "Klub Zawieszony"]
    body = response.content.decode()
    assert "zawieszona" in body
    assert "Z Innego Centrum" not in body and "Czeka Na" not in body


def test_platform_host_has_no_directory(client, db):
    assert client.get(URL, HTTP_HOST="localhost").status_code == 404


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("zory", ["Stowarzyszenie z Żor"]),
        ("ŻORY", ["Stowarzyszenie z Żor"]),
        ("lodz", ["Fundacja Łódź Kaliska"]),
        ("łódź", ["Fundacja Łódź Kaliska"]),
        ("Łodz kalisk", ["Fundacja Łódź Kaliska"]),
        ("zolw", ["Klub Żółw"]),
        ("żółw", ["Klub Żółw"]),
        ("nic-takiego", []),
    ],
)
def test_search_is_diacritics_insensitive_both_ways(anon, centre, query, expected):
    make_org(centre=centre, name="Stowarzyszenie z Żor", city="Żory")
    make_org(centre=centre, name="Fundacja Łódź Kaliska", city="Kalisz")
    make_org(centre=centre, name="Klub Żółw", city="Kalisz")
    # search_text as the services keep it (the factory folds name and city)
    response = anon.get(URL, {"q": query})
    assert response.status_code == 200
    assert names(response) == expected


def test_search_by_city_and_krs(anon, centre):
    org = make_org(centre=centre, name="Kaliskie Towarzystwo", city="Kalisz")
    org.search_text = f"{org.search_text} {org.krs}"
    org.save()
    assert names(anon.get(URL, {"q": "kalisz"})) == ["Kaliskie Towarzystwo"]
    assert names(anon.get(URL, {"q": org.krs})) == ["Kaliskie Towarzystwo"]


def test_filters(anon, centre):
    area_sport = ActivityArea.objects.get(code="17")
    area_culture = ActivityArea.objects.get(code="16")
    north = District.objects.create(centre=centre, name="Północ")
    south = District.objects.create(centre=centre, name="Południe")
    a = make_org(centre=centre, name="A Sport OPP", is_opp=True, district=north)
    a.areas.set([area_sport])
    b = make_org(centre=centre, name="B Kultura", legal_form=LegalForm.FOUNDATION, district=south)
    b.areas.set([area_culture, area_sport])
    make_org(centre=centre, name="C Bez Sfer", legal_form=LegalForm.FOUNDATION)

    assert names(anon.get(URL, {"area": "17"})) == ["A Sport OPP", "B Kultura"]
    assert names(anon.get(URL, {"area": "16"})) == ["B Kultura"]
    assert names(anon.get(URL, {"legal_form": LegalForm.FOUNDATION})) == ["B Kultura", "C Bez Sfer"]
    assert names(anon.get(URL, {"opp": "1"})) == ["A Sport OPP"]
    assert names(anon.get(URL, {"opp": "0"})) == ["B Kultura", "C Bez Sfer"]
    assert names(anon.get(URL, {"district": south.pk})) == ["B Kultura"]
    assert names(anon.get(URL, {"area": "17", "legal_form": LegalForm.FOUNDATION})) == ["B Kultura"]
    body = anon.get(URL).content.decode()
    assert "Północ" in body and 'name="district"' in body


def test_bad_filter_values_are_reported_not_500(anon, centre, other_centre):
    foreign = District.objects.create(centre=other_centre, name="Cudza dzielnica")
    District.objects.create(centre=centre, name="Nasza")
    make_org(centre=centre, name="Jedyna")
    for params in (
        {"district": foreign.pk},
        {"district": "abc"},
        {"legal_form": "<script>"},
        {"area": "999"},
        {"opp": "maybe"},
        {"page": "x"},
        {"page": "99999"},
        {"q": "a" * 500},
    ):
        response = anon.get(URL, params)
        assert response.status_code == 200, params
        assert "<script>" not in response.content.decode()
    response = anon.get(URL, {"district": foreign.pk})
    assert names(response) == ["Jedyna"]
    assert response.context["form"].errors["district"]
    assert 'aria-invalid="true"' in response.content.decode()


def test_pagination_keeps_filters_and_marks_current_page(anon, centre):
    for n in range(PAGE_SIZE * 2 + 5):
        make_org(centre=centre, name=f"Fundacja {n:03d}", legal_form=LegalForm.FOUNDATION)
    make_org(centre=centre, name="Stowarzyszenie Poza Filtrem")
    response = anon.get(URL, {"legal_form": LegalForm.FOUNDATION, "q": "fundacja"})
    body = response.content.decode()
    assert response.context["paginator"].count == PAGE_SIZE * 2 + 5
    assert response.context["paginator"].num_pages == 3
    assert len(names(response)) == PAGE_SIZE
    assert 'aria-current="page"' in body
    assert "?legal_form=fundacja&amp;q=fundacja&amp;page=2" in body
    assert "45" in body  # the result count
    page3 = anon.get(URL, {"legal_form": LegalForm.FOUNDATION, "q": "fundacja", "page": 3})
    assert names(page3) == [f"Fundacja {n:03d}" for n in range(40, 45)]
    assert 'rel="prev"' in page3.content.decode() and 'rel="next"' not in page3.content.decode()


def test_count_is_capped_for_huge_result_sets(anon, centre, monkeypatch):
    monkeypatch.setattr("centrum.organisations.views.registry.DIRECTORY_COUNT_CAP", 30)
    for n in range(35):
        make_org(centre=centre, name=f"Org {n:03d}")
    response = anon.get(URL)
    assert response.context["paginator"].is_capped
    assert response.context["paginator"].num_pages == 2
    assert "ponad 30" in response.content.decode()


def _query_count(client, params) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(URL, params)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "params",
    [{}, {"q": "fundacja"}, {"area": "17", "opp": "1"}, {"district": "__district__", "page": "2"}],
)
def test_query_count_does_not_grow_with_organisations(anon, centre, params, django_assert_num_queries):
    district = District.objects.create(centre=centre, name="Śródmieście")
    area = ActivityArea.objects.get(code="17")
    params = {k: (district.pk if v == "__district__" else v) for k, v in params.items()}

    def add(count):
        for _ in range(count):
            org = make_org(centre=centre, name="Fundacja Sportowa", is_opp=True, district=district)
            org.areas.add(area)

    add(3)
    anon.get(URL)  # the host → centre look-up is cached after the first request
    few = _query_count(anon, params)
    add(60)
    # centre, areas, districts, bounded count, page rows (district joined)
    with django_assert_num_queries(few):
        anon.get(URL, params)
    assert few <= 6


def test_query_count_logged_in_staff(staff_client, centre, django_assert_max_num_queries):
    for _ in range(30):
        make_org(centre=centre)
    staff_client.get(URL)
    with django_assert_max_num_queries(9):
        staff_client.get(URL)


def test_htmx_request_gets_results_fragment(anon, centre):
    make_org(centre=centre, name="Fundacja Htmx")
    response = anon.get(URL, {"q": "htmx"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="directory-results")
    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in body
    assert "Fundacja Htmx" in body
    assert 'hx-swap-oob="true"' in body
    assert "HX-Request" in response["Vary"]


def test_full_page_works_without_javascript(anon, centre):
    make_org(centre=centre, name="Fundacja Bez JS")
    body = anon.get(URL).content.decode()
    assert '<form class="filters" method="get"' in body
    assert 'type="submit"' in body
    assert body.count("<h1") == 1
    assert 'for="id_q"' in body
