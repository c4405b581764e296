"""Query counts of the centre's home page: exact, and the same for a small centre as for a busy one."""

import pytest

from centrum.organisations.models import District
from centrum.organisations.tests.views_support import make_org


@pytest.mark.parametrize("size", [pytest.param(1, id="one"), pytest.param(15, id="many")])
def test_home_page(anon, centre, other_centre, size, django_assert_num_queries):
    # centre by host; the centre's settings (which modules it runs); one aggregate of active and OPP organisations
    for c in (centre, other_centre):
        for i in range(size):
            District.objects.create(centre=c, name=f"Osiedle {i}")
            make_org(centre=c, is_opp=bool(i % 2))
    assert anon.get("/").status_code == 200
    with django_assert_num_queries(3):
        response = anon.get("/")
    assert response.status_code == 200
    (section,) = [s.context for s in response.context["sections"] if "stats" in s.context]
    assert section["stats"] == {"active": size, "opp": size // 2}
