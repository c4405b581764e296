"""A centre's data version and the page fragments cached on it: a change of a registered model makes a
new version (and only in its centre); the directory renders its filters and results once per version and
query string, and shows a change at once."""

import pytest
from django.core.cache import caches
from django.db import transaction
from django.test import override_settings

from centrum.core.models import Centre
from centrum.core.versions import cached_fragment, versioned_models
from centrum.organisations.models import District, Organisation
from centrum.organisations.tests.views_support import make_org


@pytest.fixture
def fragment_cache():
    locmem = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "fragments-test"}
    from django.conf import settings

    with override_settings(CACHES={**settings.CACHES, "fragments": locmem}):
        caches["fragments"].clear()
        yield caches["fragments"]
        caches["fragments"].clear()


def _version(centre) -> int:
    return Centre.objects.get(pk=centre.pk).data_version


def test_apps_register_the_models_the_cached_fragments_show():
    assert {Organisation, District} <= versioned_models()


def test_saving_deleting_and_linking_bump_only_the_own_centre(centre, other_centre):
    before, other_before = _version(centre), _version(other_centre)
    org = make_org(centre=centre)
    after_create = _version(centre)
    assert after_create > before
    org.name = "Nowa nazwa"
    org.save()
    assert _version(centre) > after_create
    linked = _version(centre)
    from centrum.organisations.models import ActivityArea

    org.areas.add(ActivityArea.objects.first())
    assert _version(centre) > linked
    deleted = _version(centre)
    District.objects.create(centre=centre, name="Śródmieście").delete()
    assert _version(centre) > deleted
    assert _version(other_centre) == other_before


def test_a_rolled_back_change_leaves_the_version(centre):
    before = _version(centre)
    with pytest.raises(RuntimeError), transaction.atomic():
        make_org(centre=centre)
        raise RuntimeError
    assert _version(centre) == before


def test_a_fragment_is_rendered_once_per_version_and_key(centre, fragment_cache):
    calls = []

    def render():
        calls.append(1)
        return "<p>x</p>"

    centre = Centre.objects.get(pk=centre.pk)
    assert cached_fragment(centre, "t", ("a",), render) == "<p>x</p>"
    cached_fragment(centre, "t", ("a",), render)
    assert len(calls) == 1
    cached_fragment(centre, "t", ("b",), render)
    assert len(calls) == 2
    make_org(centre=centre)
    cached_fragment(Centre.objects.get(pk=centre.pk), "t", ("a",), render)
    assert len(calls) == 3


def test_the_directory_is_served_from_the_cache_and_shows_changes_at_once(
    anon, centre, fragment_cache, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_org(centre=centre, name="Fundacja Pierwsza")
    with CaptureQueriesContext(connection) as first:
        assert "Fundacja Pierwsza" in anon.get("/organizacje/").content.decode()
    with CaptureQueriesContext(connection) as again:
        assert "Fundacja Pierwsza" in anon.get("/organizacje/").content.decode()
    assert len(again) < len(first)  # no count, page or districts query: the fragment is cached
    make_org(centre=centre, name="Stowarzyszenie Druga")
    assert "Stowarzyszenie Druga" in anon.get("/organizacje/").content.decode()
    searched = anon.get("/organizacje/", {"q": "druga"}).content.decode()
    assert "Stowarzyszenie Druga" in searched and "Fundacja Pierwsza" not in searched
    partial = anon.get(
        "/organizacje/", {"q": "druga"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="directory-results"
    )
    assert "<html" not in partial.content.decode() and "Stowarzyszenie Druga" in partial.content.decode()


def test_the_cached_directory_shows_staff_links_only_to_staff(
    anon, centre, staff_user, client_for, fragment_cache
):
    make_org(centre=centre, name="Fundacja Pierwsza")
    assert "Kolejka weryfikacji" not in anon.get("/organizacje/").content.decode()
    assert "Kolejka weryfikacji" in client_for(centre, staff_user).get("/organizacje/").content.decode()
    assert "Kolejka weryfikacji" not in anon.get("/organizacje/").content.decode()


def test_the_home_page_section_of_the_directory_is_cached_and_follows_changes(anon, centre, fragment_cache):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_org(centre=centre, name="Fundacja Pierwsza")
    with CaptureQueriesContext(connection) as first:
        assert "W bazie jest 1 aktywna organizacja" in anon.get("/").content.decode()
    with CaptureQueriesContext(connection) as again:
        anon.get("/")
    assert len(again) < len(first)  # the count of organisations is not asked again
    make_org(centre=centre, name="Stowarzyszenie Druga")
    assert "W bazie są 2 aktywne organizacje" in anon.get("/").content.decode()


NEW_ORGANISATION = {
    "name": "Stowarzyszenie Nowe",
    "city": "Kalisz",
    "legal_form": "stowarzyszenie_zwykle",
    "registry_kind": "starosta",
}


def test_writes_without_signals_still_bump_the_version(centre, staff_user):
    """A CSV import's bulk insert and the KRS refresh's update() send no post_save: they bump by hand."""
    from centrum.organisations.services.registry import NewOrganisation, organisations_create_many

    before = Centre.objects.get(pk=centre.pk).data_version
    organisations_create_many(
        centre=centre,
        actor=staff_user,
        entries=[NewOrganisation(data=NEW_ORGANISATION, key=1)],
    )
    assert Centre.objects.get(pk=centre.pk).data_version > before
