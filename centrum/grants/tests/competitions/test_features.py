"""What competitions add around them: the menu links, the official's card, the jobs, the demo."""

import random

import pytest
from django.urls import reverse

from centrum.core.jobs import JOBS
from centrum.grants.choices import CompetitionStatus
from centrum.grants.demo import competitions as demo
from centrum.grants.models import Competition, ReasonsRequest
from centrum.grants.tests.factories import competition_in_state
from centrum.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_menu_links_public_and_for_officials(centre, anon, client_for, official_user):
    assert reverse("grants:index") in anon.get(reverse("core:home")).content.decode()
    assert reverse("grants:desk") not in anon.get(reverse("core:home")).content.decode()
    assert (
        reverse("grants:desk") in client_for(centre, official_user).get(reverse("core:home")).content.decode()
    )


def test_the_officials_card_on_the_dashboard(centre, client_for, official_user, staff_user):
    from centrum.accounts.models import CentreRoleKind
    from centrum.accounts.tests.factories import CentreRoleFactory

    CentreRoleFactory(centre=centre, user=official_user, role=CentreRoleKind.STAFF)
    competition_in_state(centre=centre, state=CompetitionStatus.DRAFT)
    page = client_for(centre, official_user).get(reverse("core:staff_dashboard")).content.decode()
    assert "Konkursy ofert" in page and "Szkice: 1" in page
    assert (
        "Konkursy ofert"
        not in client_for(centre, staff_user).get(reverse("core:staff_dashboard")).content.decode()
    )


def test_jobs_are_registered_per_centre(centre):
    competition = competition_in_state(centre=centre, state=CompetitionStatus.PUBLISHED)
    job = JOBS["grants.competitions_close"]
    assert job.per_centre
    assert job.func(centre) == "closed 1"
    assert Competition.objects.get(pk=competition.pk).status == CompetitionStatus.EVALUATION
    assert JOBS["grants.reasons_reminders"].func(centre) == "reminded 0"


def test_demo_fills_a_centre_in_every_state_and_is_idempotent(centre):
    for i in range(12):
        OrganisationFactory(centre=centre, name=f"Stowarzyszenie Demo {i}", nip="")
    assert demo.seed(centre=centre, rng=random.Random(1)) == "competitions: 4"
    assert set(Competition.objects.values_list("status", flat=True)) == {
        CompetitionStatus.DRAFT,
        CompetitionStatus.PUBLISHED,
        CompetitionStatus.EVALUATION,
        CompetitionStatus.DECIDED,
    }
    assert ReasonsRequest.objects.count() == 1
    assert demo.seed(centre=centre, rng=random.Random(1)) is None
    assert Competition.objects.count() == 4
