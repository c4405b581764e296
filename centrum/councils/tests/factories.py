from datetime import timedelta

import factory
from django.utils import timezone

from centrum.core.calendar import warsaw_today

from ..choices import ElectionStatus, OpinionStatus, Selection, TieRule
from ..models import Body, BodyKind, Election, Meeting, OpinionRequest


class KindFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BodyKind

    name = factory.Sequence(lambda n: f"Rada Działalności Pożytku Publicznego {n}")
    legal_basis = "art. 41a ustawy"
    term_years = 3
    min_ngo_share_percent = 50
    opinion_days = 14
    silence_is_waiver = True
    selection = Selection.ELECTION
    tie_rule = TieRule.EARLIEST
    request_min_organisations = 5
    creation_months = 2


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Body

    kind = factory.SubFactory(KindFactory, centre=factory.SelfAttribute("..centre"))
    name = factory.Sequence(lambda n: f"Rada {n}")
    ngo_seats = 2


class ElectionFactory(factory.django.DjangoModelFactory):
    """An election in its voting window (nominations closed yesterday, voting until tomorrow)."""

    class Meta:
        model = Election

    body = factory.SubFactory(BodyFactory, centre=factory.SelfAttribute("..centre"))
    selection = Selection.ELECTION
    seats = 2
    nominations_until = factory.LazyFunction(lambda: timezone.now() - timedelta(days=2))
    voting_from = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    voting_until = factory.LazyFunction(lambda: timezone.now() + timedelta(days=1))
    status = ElectionStatus.OPEN


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    body = factory.SubFactory(BodyFactory, centre=factory.SelfAttribute("..centre"))
    starts_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=2))
    address = "Urząd Miasta, sala sesyjna"
    public = True


class OpinionRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OpinionRequest

    body = factory.SubFactory(BodyFactory, centre=factory.SelfAttribute("..centre"))
    subject_text = "Projekt programu współpracy"
    received_on = factory.LazyFunction(lambda: warsaw_today() - timedelta(days=2))
    deadline = factory.LazyAttribute(lambda o: o.received_on + timedelta(days=14))
    status = OpinionStatus.AWAITING


def councils_row_in_state(*, centre, key: str, state: str):
    """A row each transition's guard accepts: an election whose voting ended; an opinion request past its
    deadline, filled in (late, with its note)."""
    if key == "councils.election":
        now = timezone.now()
        return ElectionFactory(
            centre=centre,
            status=state,
            nominations_until=now - timedelta(days=3),
            voting_from=now - timedelta(days=2),
            voting_until=now - timedelta(days=1),
        )
    today = warsaw_today()
    return OpinionRequestFactory(
        centre=centre,
        status=state,
        received_on=today - timedelta(days=20),
        deadline=today - timedelta(days=6),
        verdict="positive",
        opinion_text="Opinia pozytywna.",
        given_on=today,
        late_note="Posiedzenie przełożono.",
    )
