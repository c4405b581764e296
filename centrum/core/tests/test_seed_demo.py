from contextlib import nullcontext
from io import StringIO

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.urls import reverse

from centrum.accounts.demo import DEMO_ROLES, PLATFORM_ADMIN_EMAIL, demo_email
from centrum.accounts.models import CentreRole, Membership, MembershipRole, User
from centrum.core.demo import seeding
from centrum.core.demo.centres import DEMO_CENTRES
from centrum.core.demo.seeding import DemoSeeder, centre_rng, ordered_seeders
from centrum.core.models import Centre, CentreHost
from centrum.core.scopes import platform_scope
from centrum.core.text import polish_sort_text, search_words
from centrum.organisations.choices import OrganisationStatus, RegistryKind
from centrum.organisations.demo.areas import demo_area
from centrum.organisations.demo.generation import ORGANISATIONS_PER_CENTRE, generate_organisations
from centrum.organisations.identifiers import clean_krs, clean_nip, clean_regon
from centrum.organisations.models import District, Organisation
from tests.shared_world import close_shared_world, shared_world

HOSTS = {
    "zory": "zory.localhost",
    "czestochowa": "czestochowa.localhost",
    "myslowice": "myslowice.localhost",
    "miechow": "miechow.localhost",
    "kalisz": "kalisz.localhost",
}


def _seed(*args) -> str:
    from centrum.core.scopes import no_scope

    out = StringIO()
    with no_scope():  # the command opens its own platform scope, as when run from a shell
        call_command("seed_demo", *args, force=True, stdout=out, stderr=StringIO())
    return out.getvalue()


def _snapshot() -> dict:
    return {
        "centres": list(Centre.objects.order_by("slug").values_list("slug", "name", "street", "updated_at")),
        "hosts": sorted(CentreHost.objects.values_list("host", "centre__slug", "is_primary")),
        "organisations": sorted(
            Organisation.objects.values_list("centre__slug", "name", "nip", "regon", "krs", "status")
        ),
        "users": sorted(User.objects.values_list("email", "password")),
        "roles": CentreRole.objects.count(),
        "memberships": Membership.objects.count(),
        "districts": District.objects.count(),
        "emails": EmailAddress.objects.count(),
    }


@pytest.fixture(scope="class")
def seeded(django_db_setup, django_db_blocker, frozen_now):
    """The demo seeded once for the tests of the class, inside a transaction rolled back after its last
    test; each test runs in its own savepoint within it (the `db` fixture), so a test that changes the demo
    changes it for itself only. Returns the snapshot taken right after seeding."""
    clock = time_machine.travel(frozen_now.timestamp(), tick=True) if frozen_now else nullcontext()
    with shared_world(django_db_blocker), clock:
        _seed()
        with platform_scope("test: the seeded demo"):
            snapshot = _snapshot()
    yield snapshot
    close_shared_world(django_db_blocker)


class TestTheSeededDemo:
    """Seeding the five demo centres takes seconds: these tests read one seeding (`seeded`)."""

    @pytest.mark.django_db
    def test_seed_twice_changes_nothing(self, seeded):
        output = _seed()
        assert "already there" in output
        assert _snapshot() == seeded

    @pytest.mark.django_db
    def test_centres_on_their_hosts_with_seed_facts(self, seeded):
        assert dict(CentreHost.objects.filter(is_primary=True).values_list("centre__slug", "host")) == HOSTS
        zory = Centre.objects.get(slug="zory")
        assert (zory.street, zory.postal_code, zory.city, zory.population) == (
            "os. Sikorskiego 52",
            "44-240",
            "Żory",
            60938,
        )
        czestochowa = Centre.objects.get(slug="czestochowa")
        assert czestochowa.street == "ul. Focha 19/21 lokal 46"
        assert {(e["weekday"], e["opens"], e["closes"]) for e in czestochowa.opening_hours} == {
            (day, "07:30", "17:00") for day in range(5)
        }
        figures = {e["label"]: e["value"] for e in czestochowa.figures["entries"]}
        assert figures["Ofert złożonych w konkursach"] == 469
        assert figures["Środków z budżetu miasta na zadania publiczne"] == "29619073.24"
        assert Centre.objects.get(slug="miechow").municipality == "Gmina i Miasto Miechów"
        assert {e["weekday"] for e in Centre.objects.get(slug="myslowice").opening_hours} == set(range(6))
        for centre in Centre.objects.filter(slug__in=HOSTS):
            assert centre.services and all(s["title"] and s["description"] for s in centre.services)
            assert 6 <= District.objects.filter(centre=centre).count() <= 11
            centre.full_clean()

    @pytest.mark.django_db
    def test_organisations_have_valid_unique_identifiers(self, seeded):
        for slug in HOSTS:
            orgs = list(Organisation.objects.filter(centre__slug=slug).prefetch_related("areas"))
            assert len(orgs) == ORGANISATIONS_PER_CENTRE
            for field in ("nip", "regon"):
                values = [getattr(o, field) for o in orgs]
                assert all(values) and len(set(values)) == len(values)
            krs = [o.krs for o in orgs if o.krs]
            assert len(set(krs)) == len(krs)
            for org in orgs:
                assert clean_nip(org.nip) == org.nip
                assert clean_regon(org.regon) == org.regon and len(org.regon) == 9
                if org.registry_kind in (RegistryKind.KRS_S, RegistryKind.KRS_P):
                    assert clean_krs(org.krs) == org.krs == org.registry_number
                else:
                    assert org.krs == ""
                assert 1 <= len(org.areas.all()) <= 3
                assert org.email.endswith(".example.org")
                assert org.search_text.startswith(" ".join(search_words(org.name)))
                assert org.name_sort == polish_sort_text(org.name)
                org.full_clean()
            statuses = [o.status for o in orgs]
            assert statuses.count(OrganisationStatus.PENDING) >= 3
            assert statuses.count(OrganisationStatus.SUSPENDED) >= 2
            assert 0.08 <= sum(o.is_opp for o in orgs) / len(orgs) <= 0.16
            forms = {o.legal_form: o.registry_kind for o in orgs}
            assert forms.get("kgw", RegistryKind.ARIMR) == RegistryKind.ARIMR
            assert forms.get("stowarzyszenie_zwykle") == RegistryKind.STAROSTA

    @pytest.mark.django_db
    def test_seed_organisations_named_in_the_seeds_exist(self, seeded):
        names = set(Organisation.objects.filter(centre__slug="zory").values_list("name", flat=True))
        assert {
            "Uniwersytet III Wieku w Żorach",
            "Stowarzyszenie Artystyczne Żorskie Plenery",
            "Klub Abstynentów „STER”",
            "Stowarzyszenie Inicjatyw Lokalnych Progress",
            "Stowarzyszenie Przyjaciół Żor",
        } <= names

    @pytest.mark.django_db
    def test_demo_people_can_sign_in_with_their_roles(self, seeded):
        request = RequestFactory().post("/konto/login/")
        admin = authenticate(request, username=PLATFORM_ADMIN_EMAIL, password=settings.DEMO_PASSWORD)
        assert admin is not None and admin.is_superuser
        for slug, host in HOSTS.items():
            for key, _label in DEMO_ROLES:
                email = demo_email(key, slug)
                user = authenticate(request, username=email, password=settings.DEMO_PASSWORD)
                assert user is not None and user.email == email
                assert EmailAddress.objects.filter(
                    user=user, email=email, verified=True, primary=True
                ).exists()
            client = Client(HTTP_HOST=host)
            response = client.post(
                reverse("account_login"),
                {"login": demo_email("pracownik", slug), "password": settings.DEMO_PASSWORD},
            )
            assert response.status_code == 302, response.content.decode()[:500]
            assert client.session.get("_auth_user_id") == str(
                User.objects.get(email=demo_email("pracownik", slug)).pk
            )
            assert set(CentreRole.objects.filter(centre__slug=slug).values_list("role", flat=True)) == {
                "staff",
                "adviser",
                "official",
                "evaluator",
                "coordinator",  # the volunteer centre's coordinator
            }
            president = Membership.objects.filter(user__email=demo_email("prezes", slug))
            assert president.count() == 2 and {m.role for m in president} == {MembershipRole.ADMIN}
            assert Membership.objects.filter(user__email=demo_email("czlonek", slug)).count() == 2

    @pytest.mark.django_db
    def test_home_page_of_each_demo_centre(self, seeded):
        for slug, host in HOSTS.items():
            response = Client(HTTP_HOST=host).get("/")
            assert response.status_code == 200
            assert Centre.objects.get(slug=slug).name in response.content.decode()

    @pytest.mark.django_db
    def test_reset_recreates_the_demo(self, seeded):
        Centre.objects.filter(slug="kalisz").update(name="Zmieniona nazwa")
        Membership.objects.filter(centre__slug="kalisz").delete()
        CentreRole.objects.filter(centre__slug="kalisz").delete()
        User.objects.filter(email=demo_email("prezes", "kalisz")).delete()
        _seed("--reset")
        after = _snapshot()
        assert Centre.objects.get(slug="kalisz").name == "Centrum Organizacji Pozarządowych w Kaliszu"
        for part in ("hosts", "organisations", "roles", "memberships", "districts", "emails"):
            assert after[part] == seeded[part], part
        assert [email for email, _ in after["users"]] == [email for email, _ in seeded["users"]]


def test_generation_is_deterministic():
    for centre in DEMO_CENTRES:
        area = demo_area(centre.slug)
        first = generate_organisations(area, centre_rng(centre.slug))
        second = generate_organisations(area, centre_rng(centre.slug))
        assert [(o.name, o.nip, o.krs) for o in first] == [(o.name, o.nip, o.krs) for o in second]


@pytest.mark.django_db
def test_seeders_run_per_centre_and_failures_are_contained(db, monkeypatch):
    calls = []

    def record(*, centre, rng):
        calls.append((centre.slug, rng.random()))
        return "recorded"

    def broken(*, centre, rng):
        raise RuntimeError("broken seeder")

    seeders = dict(seeding.DEMO_SEEDERS)
    seeders["test.broken"] = DemoSeeder(name="test.broken", seed=broken)
    seeders["test.record"] = DemoSeeder(name="test.record", seed=record, after=("test.broken",))
    monkeypatch.setattr(seeding, "DEMO_SEEDERS", seeders)
    output = _seed()
    assert [slug for slug, _ in calls] == list(HOSTS)
    assert "failed seeders: test.broken" in output and "recorded" in output
    assert Organisation.objects.count() == len(HOSTS) * ORGANISATIONS_PER_CENTRE
    with pytest.raises(Exception, match="seeder"):
        call_command("seed_demo", "--strict", force=True, stdout=StringIO(), stderr=StringIO())


def test_seeders_run_after_what_they_need():
    def noop(**kwargs):
        return None

    first = DemoSeeder(name="b", seed=noop, after=("a",))
    second = DemoSeeder(name="a", seed=noop, after=("unknown",))
    third = DemoSeeder(name="c", seed=noop)
    assert [s.name for s in ordered_seeders([first, second, third])] == ["a", "b", "c"]
    names = [s.name for s in ordered_seeders()]
    assert names.index("accounts.people") < names.index("organisations.registry")
    assert names.index("organisations.registry") < names.index("accounts.memberships") < names.index("spaces")
    with pytest.raises(ValueError, match="cycle"):
        ordered_seeders(
            [DemoSeeder(name="x", seed=noop, after=("y",)), DemoSeeder(name="y", seed=noop, after=("x",))]
        )


@pytest.mark.django_db
def test_refuses_to_run_without_debug_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(Exception, match="DEBUG"):
        call_command("seed_demo", stdout=StringIO(), stderr=StringIO())
    assert not Centre.objects.exists()
