"""Platform pages at scale: the home page and the centre list cost the same queries for 3 centres as for 30;
the list is cut into pages and searched by name."""

import pytest
from django.test import Client

from centrum.core.models import Centre, CentreHost
from centrum.core.tests.factories import CentreFactory


def _centres(count: int) -> None:
    have = Centre.objects.count()
    for i in range(have, count):
        centre = CentreFactory(
            slug=f"gmina-{i}", name=f"Centrum w gminie {i:03d}", host=f"gmina-{i}.localhost"
        )
        CentreHost.objects.create(centre=centre, host=f"cop.gmina-{i}.example.org", is_primary=(i % 2 == 0))


def _queries(client: Client, url: str, django_assert_max_num_queries) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm caches (sessions, content types)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("url", ["/", "/platforma/centra/"])
def test_platform_page_queries_do_not_grow_with_centres(
    db, platform_admin, url, django_assert_max_num_queries
):
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(platform_admin, backend="django.contrib.auth.backends.ModelBackend")
    _centres(3)
    few = _queries(client, url, django_assert_max_num_queries)
    _centres(30)
    many = _queries(client, url, django_assert_max_num_queries)
    assert many == few, f"{url}: {few} queries at 3 centres, {many} at 30"


def test_platform_home_links_the_primary_host(db):
    _centres(3)
    body = Client(HTTP_HOST="127.0.0.1").get("/").content.decode()
    assert "//cop.gmina-0.example.org" in body  # the primary host
    assert "//gmina-1.localhost" in body  # no primary: the first by name


def test_centre_list_is_paginated_and_searchable(db, platform_admin):
    _centres(120)
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(platform_admin, backend="django.contrib.auth.backends.ModelBackend")
    first = client.get("/platforma/centra/")
    assert len(first.context["page"].object_list) == 50
    assert first.context["page"].paginator.num_pages == 3
    assert 'rel="next"' in first.content.decode()
    found = client.get("/platforma/centra/", {"q": "gminie 042"})
    assert [c.name for c in found.context["page"]] == ["Centrum w gminie 042"]
    by_host = client.get("/platforma/centra/", {"q": "cop.gmina-77.example"})
    assert [c.slug for c in by_host.context["page"]] == ["gmina-77"]
    nothing = client.get("/platforma/centra/", {"q": "x" * 500, "page": "zzz"})
    assert nothing.status_code == 200
    assert nothing.context["page"].paginator.count == 120  # a search too long is ignored, not a 500
    none = client.get("/platforma/centra/", {"q": "Atlantyda"})
    assert "Żadne centrum nie pasuje" in none.content.decode()


def test_platform_home_is_paginated_and_searchable(db):
    _centres(70)
    client = Client(HTTP_HOST="127.0.0.1")
    assert len(client.get("/").context["page"].object_list) == 50
    assert [c.name for c in client.get("/", {"q": "gminie 066"}).context["page"]] == ["Centrum w gminie 066"]
