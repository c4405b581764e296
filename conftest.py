"""Shared fixtures: two centres on their hosts, users per role, clients bound to a centre's host."""

import pytest
from django.test import Client

from centrum.accounts.models import CentreRoleKind, MembershipRole
from centrum.accounts.tests.factories import CentreRoleFactory, MembershipFactory, UserFactory
from centrum.core.tests.factories import CentreFactory
from centrum.organisations.tests.factories import OrganisationFactory


@pytest.fixture
def centre(db):
    return CentreFactory(
        slug="kalisz", name="Centrum Organizacji Pozarządowych w Kaliszu", host="kalisz.localhost"
    )


@pytest.fixture
def other_centre(db):
    return CentreFactory(slug="zory", name="Żorskie Centrum Organizacji Pozarządowych", host="zory.localhost")


def _client_for(centre, user=None) -> Client:
    client = Client(HTTP_HOST=centre.primary_host)
    if user is not None:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.fixture
def client_for():
    """client_for(centre, user=None) -> a test client on that centre's host, logged in if user is given."""
    return _client_for


@pytest.fixture
def anon(centre):
    return _client_for(centre)


@pytest.fixture
def staff_user(centre):
    user = UserFactory(email="staff@example.org", full_name="Anna Pracownik")
    CentreRoleFactory(centre=centre, user=user, role=CentreRoleKind.STAFF)
    return user


@pytest.fixture
def official_user(centre):
    user = UserFactory(email="official@example.org", full_name="Olga Urzędniczka")
    CentreRoleFactory(centre=centre, user=user, role=CentreRoleKind.OFFICIAL)
    return user


@pytest.fixture
def plain_user(db):
    return UserFactory(email="person@example.org", full_name="Paweł Mieszkaniec")


@pytest.fixture
def organisation(centre):
    return OrganisationFactory(centre=centre, name="Stowarzyszenie Kaliskie Inicjatywy")


@pytest.fixture
def org_admin(organisation):
    user = UserFactory(email="prezes@example.org", full_name="Zofia Prezes")
    MembershipFactory(user=user, organisation=organisation, role=MembershipRole.ADMIN)
    return user


@pytest.fixture
def org_member(organisation):
    user = UserFactory(email="czlonek@example.org", full_name="Marek Członek")
    MembershipFactory(user=user, organisation=organisation, role=MembershipRole.MEMBER)
    return user


@pytest.fixture
def staff_client(centre, staff_user):
    return _client_for(centre, staff_user)


@pytest.fixture
def platform_admin(db):
    return UserFactory(email="root@example.org", is_superuser=True, is_staff=True)


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in Polish: a request in English must not leak its language into the next test."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _platform_scope_for_test_bodies():
    """Test bodies set up and inspect several centres' rows, like platform code: they run in a named
    platform scope. Requests through the test client get the centre scope of their host from the
    middleware, as in production; `centrum.core.scopes.no_scope()` tests the guard itself."""
    from centrum.core.scopes import platform_scope

    with platform_scope("test body"):
        yield


@pytest.fixture
def per_process_caches():
    """The per-process caches as production has them (dummies in tests): fragments and data kept on a
    centre's data version, and whole public pages (centrum.core.versions, centrum.core.page_cache)."""
    from django.conf import settings
    from django.core.cache import caches
    from django.test import override_settings

    locmem = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    aliases = ("fragments", "pages")
    with override_settings(
        CACHES={**settings.CACHES, **{alias: {**locmem, "LOCATION": f"test-{alias}"} for alias in aliases}}
    ):
        for alias in aliases:
            caches[alias].clear()
        yield
        for alias in aliases:
            caches[alias].clear()
