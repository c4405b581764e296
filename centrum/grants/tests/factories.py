"""Factories of the grants app: a published competition open for offers a month ahead, and a draft offer."""

from datetime import datetime, time, timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from centrum.core.calendar import warsaw_today

from ..choices import CompetitionKind, CompetitionStatus, OfferStatus
from ..models import Competition, Offer

__all__ = ["CompetitionFactory", "OfferFactory"]


def _deadline(days: int = 30):
    day = warsaw_today() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(15, 0)))


class CompetitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Competition

    centre = factory.SubFactory("centrum.core.tests.factories.CentreFactory")
    title = factory.Sequence(lambda n: f"Otwarty konkurs ofert nr {n} – kultura i sztuka")
    organ = "Prezydent Miasta"
    task_kind = "Wspieranie działań w zakresie kultury, sztuki, ochrony dóbr kultury i dziedzictwa narodowego"
    kind = CompetitionKind.SUPPORT
    budget_year = factory.LazyFunction(lambda: warsaw_today().year + 1)
    funds_total = Decimal("100000.00")
    award_rules = (
        "Dotacje przyznaje się zgodnie z ustawą o działalności pożytku publicznego i o wolontariacie."
    )
    implementation_terms = "Zadanie realizowane na terenie miasta, na rzecz jego mieszkańców."
    offers_deadline = factory.LazyFunction(_deadline)
    selection_procedure = "Oferty ocenia komisja konkursowa według kryteriów z art. 15 ust. 1 ustawy."
    selection_date = factory.LazyFunction(lambda: warsaw_today() + timedelta(days=60))
    task_start = factory.LazyFunction(lambda: warsaw_today() + timedelta(days=75))
    task_end = factory.LazyFunction(lambda: warsaw_today() + timedelta(days=250))
    max_grant = Decimal("20000.00")
    min_own_contribution_percent = Decimal("10.00")
    status = CompetitionStatus.PUBLISHED


class OfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Offer

    competition = factory.SubFactory(CompetitionFactory)
    centre = factory.LazyAttribute(lambda o: o.competition.centre)
    organisation = factory.SubFactory(
        "centrum.organisations.tests.factories.OrganisationFactory", centre=factory.SelfAttribute("..centre")
    )
    title = factory.Sequence(lambda n: f"Warsztaty teatralne dla dzieci {n}")
    number = factory.Sequence(lambda n: f"{n + 1}")
    status = OfferStatus.DRAFT
    requested_grant = Decimal("10000.00")
    own_financial = Decimal("2000.00")
    total_cost = Decimal("12000.00")


# competitions -------------------------------------------------------------------------------------------


def record_channels(competition, purpose, day=None):
    """The three required publication channels of `purpose`, all on `day` (today by default)."""
    from ..choices import REQUIRED_CHANNELS
    from ..models import CompetitionPublication

    day = day or warsaw_today()
    for channel in REQUIRED_CHANNELS:
        CompetitionPublication.objects.update_or_create(
            competition=competition,
            purpose=purpose,
            channel=channel,
            defaults={
                "centre": competition.centre,
                "published_on": day,
                "address": f"https://example.org/{channel}",
            },
        )


def competition_in_state(*, centre, state, **kwargs):
    """A competition whose next steps the guards allow: a draft with its criteria and three channels and a
    deadline 30 days ahead (publishable); once announced, a deadline passed (closable) with the voiding
    channels recorded; in evaluation the results' channels too."""
    from ..choices import PublicationPurpose
    from ..models import ScoringCriterion

    if state != CompetitionStatus.DRAFT:
        kwargs.setdefault("offers_deadline", timezone.now() - timedelta(hours=1))
    competition = CompetitionFactory(centre=centre, status=state, **kwargs)
    ScoringCriterion.objects.create(
        centre=centre,
        competition=competition,
        name="Możliwość realizacji zadania",
        statutory_point=1,
        max_points=10,
    )
    if state == CompetitionStatus.DRAFT:
        record_channels(competition, PublicationPurpose.ANNOUNCEMENT)
    else:
        record_channels(competition, PublicationPurpose.ANNOUNCEMENT, warsaw_today() - timedelta(days=40))
        record_channels(competition, PublicationPurpose.VOIDING)
        record_channels(competition, PublicationPurpose.RESULTS)
    return competition
