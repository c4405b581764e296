"""The one search box: every registered source asked once, diacritics-insensitive, whole words ranked first,
labelled by kind, paged, narrowed to a kind; the header's field links to it through core's search page."""

import pytest
from django.urls import reverse

from centrum.core import portal
from centrum.core.text import search_words
from centrum.organisations.tests.factories import OrganisationFactory

from ..choices import ArticleStatus, PracticeStatus
from ..selectors import search_practices
from .factories import ArticleFactory, FundingCallFactory, PracticeFactory

pytestmark = pytest.mark.django_db


def test_every_source_is_asked_and_results_are_labelled(anon, centre):
    PracticeFactory(centre=centre, title="Żorski inkubator organizacji")
    ArticleFactory(centre=centre, title="Jak założyć organizację", lead="Poradnik")
    FundingCallFactory(centre=centre, title="Fundusz dla organizacji")
    OrganisationFactory(centre=centre, name="Stowarzyszenie Organizacja Razem", status="active")
    body = anon.get(reverse("search:search"), {"q": "organizacji"}).content.decode()
    assert "Żorski inkubator organizacji" in body
    assert "Fundusz dla organizacji" in body
    assert "Dobre praktyki" in body and "Nabory i konkursy" in body
    body = anon.get(reverse("search:search"), {"q": "organizacj"}).content.decode()
    assert "Jak założyć organizację" in body and "Stowarzyszenie Organizacja Razem" in body
    assert "Baza wiedzy" in body and "Organizacje" in body


def test_query_without_polish_letters_finds_polish_words(anon, centre):
    PracticeFactory(centre=centre, title="Łąka kwietna przy szkole w Żorach")
    ArticleFactory(centre=centre, title="Księgowość stowarzyszeń")
    body = anon.get(reverse("search:search"), {"q": "laka zorach"}).content.decode()
    assert "Łąka kwietna" in body
    body = anon.get(reverse("search:search"), {"q": "KSIEGOWOSC"}).content.decode()
    assert "Księgowość stowarzyszeń" in body


def test_whole_words_in_the_title_rank_first(centre):
    PracticeFactory(centre=centre, title="Sport w parku", summary="Zajęcia dla dzieci")
    PracticeFactory(centre=centre, title="Sportowe lato", summary="Zajęcia")
    PracticeFactory(centre=centre, title="Wakacje", summary="Dużo sportu i zabawy: sport codziennie")
    hits = search_practices(centre, search_words("sport"), 10)
    assert [h.title for h in hits][0] == "Sport w parku"
    assert [h.rank for h in hits] == [2, 1, 0]


def test_drafts_unpublished_and_other_centres_are_never_found(anon, centre, other_centre):
    PracticeFactory(centre=centre, title="Tajna praktyka", status=PracticeStatus.SUBMITTED)
    ArticleFactory(centre=centre, title="Tajny artykuł", status=ArticleStatus.DRAFT)
    PracticeFactory(centre=other_centre, title="Tajne cudze")
    body = anon.get(reverse("search:search"), {"q": "tajna tajny tajne"}).content.decode()
    assert "Tajna praktyka" not in body and "Tajny artykuł" not in body and "Tajne cudze" not in body


def test_results_are_paged_and_narrowed_by_kind(anon, centre):
    for n in range(25):
        PracticeFactory(centre=centre, title=f"Festyn sąsiedzki {n}")
    ArticleFactory(centre=centre, title="Festyn – jak zorganizować")
    url = reverse("search:search")
    first = anon.get(url, {"q": "festyn"}).content.decode()
    assert "26" in first and "page=2" in first
    only_articles = anon.get(url, {"q": "festyn", "rodzaj": "articles"}).content.decode()
    assert "Festyn – jak zorganizować" in only_articles and "Festyn sąsiedzki 1<" not in only_articles
    assert anon.get(url, {"q": "festyn", "rodzaj": "<script>", "page": "x"}).status_code == 200


def test_garbage_and_empty_queries_answer_calmly(anon):
    url = reverse("search:search")
    for q in ("", "   ", "%_%", "' OR 1=1 --", "<script>alert(1)</script>", "a" * 500, "„”«»"):
        response = anon.get(url, {"q": q})
        assert response.status_code == 200
        assert "<script>alert(1)</script>" not in response.content.decode()


def test_search_page_query_count_does_not_grow_with_results(anon, centre, django_assert_max_num_queries):
    for n in range(15):
        PracticeFactory(centre=centre, title=f"Wolontariat {n}")
        ArticleFactory(centre=centre, title=f"Wolontariat w praktyce {n}")
        FundingCallFactory(centre=centre, title=f"Wolontariat – nabór {n}")
    budget = 8 + len(portal.SEARCH_SOURCES)
    with django_assert_max_num_queries(budget):
        assert anon.get(reverse("search:search"), {"q": "wolontariat"}).status_code == 200


def test_the_header_has_the_search_field_where_the_module_runs(anon, centre):
    from centrum.core.models import CentreSetting

    body = anon.get("/").content.decode()
    assert 'role="search"' in body and f'action="{reverse("search:search")}"' in body
    CentreSetting.objects.create(centre=centre, key="module_knowledge", value=False)
    body = anon.get(reverse("organisations:directory")).content.decode()
    assert f'action="{reverse("search:search")}"' not in body
    assert anon.get(reverse("search:search")).status_code == 404


def test_the_organisations_source_finds_public_organisations_only(centre):
    from centrum.organisations.selectors.registry import organisation_search_hits

    OrganisationFactory(centre=centre, name="Fundacja Łódka", status="active")
    OrganisationFactory(centre=centre, name="Fundacja Łódka Zgłoszona", status="pending")
    hits = organisation_search_hits(centre, search_words("lodka"), 10)
    assert [h.title for h in hits] == ["Fundacja Łódka"]
    assert hits[0].rank == 2 and hits[0].url.endswith(f"/{hits[0].url.rstrip('/').rsplit('/', 1)[1]}/")
