"""No page's query count depends on the number of rows or of centres: EVERY URL, at two data sizes.

The walk is the one of tests/test_tenancy_urls.py (config.urls and config.urls_platform, recursively, the
JSON API included), so a page another engineer adds is measured without touching this file; a URL's
parameters are filled with the OWN centre's objects by that file's factories (OBJECTS_BY_KWARG /
OBJECTS_BY_URL). Each page is requested with GET by every kind of person (anonymous, a signed-in person
with no role, an organisation's admin, the centre's staff; on the platform host a platform admin) in a
small world (one row of every kind the factories know: organisations, bookings, rooms, loans, lets,
invitations, audit entries…, and 2 centres), then again after the world has grown tenfold (10 rows of
every kind in the centre and in other centres, 20 centres). Every request is made once before it is
counted (per-process caches), and the counts must be equal. A page whose count grows is an N+1: load the
relation with the list (select_related / prefetch_related / an annotation), never per row.
"""

from __future__ import annotations

import os
import re
from collections import Counter

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import get_resolver

from centrum.accounts.models import MembershipRole
from centrum.accounts.tests.factories import MembershipFactory, UserFactory
from centrum.core.models import CentreHost
from centrum.core.tests.factories import CentreFactory
from tests.test_tenancy_urls import (
    ENDPOINTS,
    OBJECTS_BY_KWARG,
    OBJECTS_BY_URL,
    Ctx,
    _factory_for,
    _missing_mapping,
    _not_centre_data,
    iter_endpoints,
)

# Whether a page's query count grows with the data is decided by the ORM code, not by the engine: the walk
# runs in the SQLite stage (minutes of the suite); the pages' own query-count tests in the apps run on both
# engines.
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        bool(os.environ.get("CENTRUM_DATABASE_URL")) and not os.environ.get("CENTRUM_QUERY_WALK"),
        reason="the same walk runs in the SQLite stage",
    ),
]

GROWTH = 10
# Parameters whose made-up value answers a 404 on every size: nothing to compare, but still no 500.
PLATFORM_ENDPOINTS = [
    e for e in iter_endpoints(get_resolver("config.urls_platform")) if not e.kwargs and e.namespace != "admin"
]
ADMIN_LISTS = [
    e
    for e in iter_endpoints(get_resolver("config.urls_platform"))
    if e.namespace == "admin" and not e.kwargs and e.name.endswith("_changelist")
]


def _world(centre, user, *, label: str, index: int) -> None:
    """One object of every kind the URL factories make, in `centre`. Factories that spread their dates by
    the number of objects already made for the URL (closed days) get `index` placeholders, so the i-th
    world's rows do not collide with the URLs' own or with another world's."""
    seen = set()
    for factory in [*OBJECTS_BY_KWARG.values(), *OBJECTS_BY_URL.values()]:
        if factory in seen:
            continue
        seen.add(factory)
        spread = {f"_world{n}": None for n in range(10 + index)}
        factory(centre, Ctx(user=user, label=f"{label}-{len(seen)}", made=spread))


def _grow(centre, other_centre, user, *, start: int, stop: int) -> None:
    for i in range(start, stop):
        _world(centre, user, label=f"w{i}", index=i)
        other = CentreFactory(slug=f"gmina-{i}", name=f"Centrum w gminie {i}", host=f"gmina-{i}.localhost")
        CentreHost.objects.create(centre=other, host=f"cop.gmina-{i}.example.org")
        for c in (other_centre, other):
            _world(c, user, label=f"w{i}-{c.slug}", index=i)


def _count(client: Client, url: str, *, warm: bool = True) -> tuple[int, list[str]]:
    if warm:
        cache.clear()  # the host → centre look-up expires after 30 s: start each page from the same state
        client.get(url)  # per-process caches (content types, the host → centre look-up)
    with CaptureQueriesContext(connection) as ctx:
        status = client.get(url).status_code
    return status, [q["sql"] for q in ctx.captured_queries]


def _shape(sql: str) -> str:
    """A query without its values, so the same query with other ids compares equal."""
    return re.sub(r"\((?:\?, )*\?\)", "(…)", re.sub(r"\b\d+\b|'[^']*'", "?", sql))[:300]


def _urls(centre, staff_user) -> tuple[dict[str, str], list[str]]:
    """URL per endpoint name (own centre's objects in its parameters); names skipped for want of a mapping."""
    urls, skipped = {}, []
    for endpoint in ENDPOINTS:
        if _missing_mapping(endpoint):
            skipped.append(endpoint.name)  # tests/test_tenancy_urls.py fails for it already
            continue
        values, ctx = {}, Ctx(user=staff_user, label=f"url-{len(urls)}")
        for kwarg in endpoint.kwargs:
            fixed = _not_centre_data(endpoint.name, kwarg)
            if fixed is not None:
                values[kwarg] = fixed
                continue
            obj, values[kwarg] = _factory_for(endpoint, kwarg)(centre, ctx)
            ctx.made[kwarg] = obj
        urls[endpoint.name] = endpoint.url(values)
    return urls, skipped


def _login(host: str, user=None) -> Client:
    client = Client(HTTP_HOST=host, raise_request_exception=False)
    if user is not None:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def _measure(clients: dict[str, Client], urls: dict[str, str]) -> dict[tuple[str, str], tuple[int, int]]:
    return {(name, who): _count(client, url) for name, url in urls.items() for who, client in clients.items()}


def _measure_again(clients, urls, small) -> dict[tuple[str, str], tuple[int, int]]:
    """The large world's counts. The small world's requests warmed the caches already, so each page is
    asked once; only a page whose answer differs from the small world's is measured again the full way
    (caches cleared, a request to warm them, then the counted one) before it counts as a difference."""
    large = {}
    for (name, who), (status, few) in small.items():
        client, url = clients[who], urls[name]
        large[name, who] = got = _count(client, url, warm=False)
        if got[0] != status or len(got[1]) != len(few):
            large[name, who] = _count(client, url)
    return large


def _compare(small, large) -> list[str]:
    problems = []
    for key, (status, few) in small.items():
        status_large, many = large[key]
        name, who = key
        if status >= 500 or status_large >= 500:
            problems.append(f"{name} as {who}: HTTP {status} / {status_large}")
        elif status != status_large:
            problems.append(f"{name} as {who}: HTTP {status} in the small world, {status_large} in the large")
        elif len(few) != len(many):
            extra = Counter(map(_shape, many))
            extra.subtract(Counter(map(_shape, few)))
            diff = "\n      ".join(f"{n:+d} × {sql}" for sql, n in extra.items() if n)
            problems.append(
                f"{name} as {who}: {len(few)} queries in the small world, {len(many)} with {GROWTH}× the rows"
                f"\n      {diff}"
            )
    return problems


def test_centre_pages_cost_the_same_queries_at_two_data_sizes(centre, other_centre, staff_user, organisation):
    member = UserFactory(email="prezes-walk@example.org", full_name="Zofia Prezes")
    MembershipFactory(user=member, organisation=organisation, role=MembershipRole.ADMIN)
    host = centre.primary_host
    clients = {
        "anonymous": _login(host),
        "user": _login(host, UserFactory(email="zwykly-walk@example.org", full_name="Jan Zwykły")),
        "member": _login(host, member),
        "staff": _login(host, staff_user),
    }
    urls, skipped = _urls(centre, staff_user)
    assert len(urls) > 50, "the walk found too few URLs"
    _grow(centre, other_centre, staff_user, start=0, stop=1)
    small = _measure(clients, urls)
    _grow(centre, other_centre, staff_user, start=1, stop=GROWTH)
    large = _measure_again(clients, urls, small)
    problems = _compare(small, large)
    assert not problems, "query counts that grow with the data:\n  " + "\n  ".join(sorted(problems))


def test_platform_pages_cost_the_same_queries_at_two_data_sizes(
    centre, other_centre, staff_user, platform_admin
):
    clients = {"anonymous": _login("127.0.0.1"), "platform_admin": _login("127.0.0.1", platform_admin)}
    urls = {e.name: e.url({}) for e in [*PLATFORM_ENDPOINTS, *ADMIN_LISTS]}
    assert "platform_home" in urls and "platform:centre_list" in urls
    _grow(centre, other_centre, staff_user, start=0, stop=1)
    small = _measure(clients, urls)
    _grow(centre, other_centre, staff_user, start=1, stop=GROWTH)
    large = _measure_again(clients, urls, small)
    problems = _compare(small, large)
    assert not problems, "query counts that grow with the data:\n  " + "\n  ".join(sorted(problems))
