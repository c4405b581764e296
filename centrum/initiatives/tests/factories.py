"""Factories for plain data, and builders of an initiative in any state through the real rules' data."""

from datetime import timedelta
from decimal import Decimal

import factory

from centrum.core.calendar import warsaw_today

from ..choices import ApplicantKind, ContributionKind, CostPayer, InitiativeStatus, IntakeMode
from ..models import (
    Area,
    Contribution,
    CostItem,
    Criterion,
    GroupMember,
    Initiative,
    InitiativeRules,
    ScheduleItem,
    Score,
)

__all__ = ["AreaFactory", "InitiativeFactory", "initiative_in_state", "rules_with_criteria"]


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area

    centre = factory.SubFactory("centrum.core.tests.factories.CentreFactory")
    code = factory.Sequence(lambda n: f"T{n}")
    name = factory.Sequence(lambda n: f"Obszar {n}")


class InitiativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Initiative

    centre = factory.SubFactory("centrum.core.tests.factories.CentreFactory")
    leader = factory.SubFactory("centrum.accounts.tests.factories.UserFactory")
    leader_name = "Jan Sąsiad"
    leader_address = "ul. Lipowa 1"
    applicant_kind = ApplicantKind.GROUP
    group_name = "Sąsiedzi z Lipowej"
    residents_declared = True
    area = factory.LazyAttribute(lambda o: AreaFactory(centre=o.centre))
    title = factory.Sequence(lambda n: f"Skwer sąsiedzki {n}")
    description = "Urządzenie skweru"
    needs = "Brak miejsca spotkań"
    place = "ul. Lipowa"
    starts_on = factory.LazyFunction(lambda: warsaw_today() + timedelta(days=30))
    ends_on = factory.LazyFunction(lambda: warsaw_today() + timedelta(days=60))
    status = InitiativeStatus.DRAFT


def rules_with_criteria(centre, *, mode: str = IntakeMode.CONTINUOUS) -> InitiativeRules:
    policy, _created = InitiativeRules.objects.get_or_create(
        centre=centre, defaults={"resolution_number": "XX/1/2026", "intake_mode": mode}
    )
    if not policy.criteria.exists():
        Criterion.objects.create(
            centre=centre, rules=policy, name="Praca społeczna", weight=50, social_work=True
        )
        Criterion.objects.create(centre=centre, rules=policy, name="Celowość", weight=30, position=2)
    return policy


def initiative_in_state(*, centre, state: str, leader=None, **fields) -> Initiative:
    """An initiative that every guard of its next steps accepts: members and contributions for submitting,
    scores for deciding, schedule and costing for the agreement, signatures for signing, the completion
    record for completing."""
    policy = rules_with_criteria(centre)
    extra = {"leader": leader} if leader is not None else {}
    today = warsaw_today()
    past = state in (InitiativeStatus.SIGNED, InitiativeStatus.COMPLETED)
    defaults = {
        "number": "" if state == InitiativeStatus.DRAFT else "IL/2026/0001",
        "starts_on": today - timedelta(days=20) if past else today + timedelta(days=30),
        "ends_on": today - timedelta(days=2) if past else today + timedelta(days=60),
        "signed_on": today - timedelta(days=25),
        "signed_for_municipality": "Burmistrz",
        "signed_for_applicant": "Jan Sąsiad",
        "completed_on": today - timedelta(days=1),
        "completion_report": "Posadzono 40 drzew.",
    }
    initiative = InitiativeFactory(centre=centre, status=state, **{**defaults, **extra, **fields})
    GroupMember.objects.create(
        centre=centre, initiative=initiative, full_name="Anna Nowak", address="Lipowa 2"
    )
    Contribution.objects.create(
        centre=centre,
        initiative=initiative,
        kind=ContributionKind.WORK,
        description="Sadzenie",
        hours=Decimal("10"),
        hour_value=Decimal("31.40"),
        value=Decimal("314.00"),
    )
    for criterion in policy.criteria.all():
        Score.objects.create(
            centre=centre, initiative=initiative, criterion=criterion, points=5, reason="Dobrze"
        )
    ScheduleItem.objects.create(
        centre=centre,
        initiative=initiative,
        action="Sadzenie",
        starts_on=initiative.starts_on,
        ends_on=initiative.ends_on,
    )
    CostItem.objects.create(
        centre=centre,
        initiative=initiative,
        item="Sadzonki",
        amount=Decimal("1000"),
        payer=CostPayer.APPLICANT,
    )
    return initiative
