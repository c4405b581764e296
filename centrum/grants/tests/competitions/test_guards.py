"""The announcement's rules and the competition's workflow guards: each refused with a message a person can
act on, nothing stored; the 21-day rule at the Warsaw day's edges."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from centrum.core.calendar import WARSAW, warsaw_today
from centrum.core.exceptions import ApplicationError
from centrum.core.models import AuditEntry, OutboxMessage
from centrum.core.workflow import workflow_apply
from centrum.grants.choices import CompetitionKind, CompetitionStatus, OfferStatus, PublicationPurpose
from centrum.grants.models import Competition, CompetitionPublication, FormalRequirement, ScoringCriterion
from centrum.grants.services import competition_create, competitions_close_due, publication_record
from centrum.grants.services.competitions import default_criteria
from centrum.grants.tests.factories import OfferFactory, competition_in_state, record_channels

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def _data(**overrides):
    today = warsaw_today()
    data = {
        "title": "Konkurs na zadania z zakresu kultury",
        "organ": "Prezydent Miasta Kalisza",
        "task_kind": "Kultura, sztuka, ochrona dóbr kultury",
        "kind": CompetitionKind.SUPPORT,
        "budget_year": today.year,
        "funds_total": Decimal("100000.00"),
        "award_rules": "Zasady z ustawy.",
        "implementation_terms": "Na terenie miasta.",
        "offers_deadline": datetime.combine(today + timedelta(days=30), time(15, 0), tzinfo=WARSAW),
        "selection_procedure": "Komisja konkursowa.",
        "selection_date": today + timedelta(days=50),
        "task_start": today + timedelta(days=60),
        "task_end": today + timedelta(days=200),
        "max_grant": Decimal("20000.00"),
        "min_own_contribution_percent": Decimal("10"),
    }
    data.update(overrides)
    return data


def _publish(competition, actor):
    return workflow_apply(obj=Competition.objects.get(pk=competition.pk), action="publish", actor=actor)


def test_create_offers_the_six_statutory_criteria_for_support_and_five_for_commissioning(
    centre, official_user
):
    support = competition_create(centre=centre, actor=official_user, data=_data(), requirements=[])
    assert [c.statutory_point for c in support.criteria.all()] == [1, 2, 3, 4, 5, 6]
    commissioning = competition_create(
        centre=centre,
        actor=official_user,
        data=_data(kind=CompetitionKind.COMMISSIONING, min_own_contribution_percent=Decimal("0")),
        requirements=[{"text": "Oferta w terminie", "fixable": False}],
    )
    assert [c.statutory_point for c in commissioning.criteria.all()] == [1, 2, 3, 5, 6]
    assert FormalRequirement.objects.get(competition=commissioning).fixable is False


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"min_own_contribution_percent": Decimal("0")}, "min_own_contribution_percent"),
        ({"task_start": date(2030, 5, 1), "task_end": date(2030, 4, 1)}, "task_end"),
        ({"funds_total": Decimal("-1")}, "funds_total"),
        ({"max_grant": Decimal("-0.01")}, "max_grant"),
        ({"max_grant": Decimal("200000")}, "max_grant"),
        ({"min_own_contribution_percent": Decimal("100.01")}, "min_own_contribution_percent"),
        ({"admin_costs_cap_percent": Decimal("-1")}, "admin_costs_cap_percent"),
    ],
)
def test_bad_announcement_is_refused_at_its_field_and_nothing_stored(centre, official_user, overrides, field):
    with pytest.raises(ApplicationError) as refused:
        competition_create(centre=centre, actor=official_user, data=_data(**overrides), requirements=[])
    assert refused.value.field == field
    assert not Competition.objects.exists() and not ScoringCriterion.objects.exists()


def test_commissioning_allows_no_own_contribution_but_not_the_point_4_criterion(centre, official_user):
    data = _data(kind=CompetitionKind.COMMISSIONING, min_own_contribution_percent=Decimal("0"))
    with pytest.raises(ApplicationError):
        competition_create(
            centre=centre,
            actor=official_user,
            data=data,
            requirements=[],
            criteria=default_criteria("support"),
        )
    assert not Competition.objects.exists()
    assert competition_create(centre=centre, actor=official_user, data=data, requirements=[]).pk


def test_only_an_official_creates(centre, staff_user):
    with pytest.raises(ApplicationError):
        competition_create(centre=centre, actor=staff_user, data=_data(), requirements=[])
    assert not Competition.objects.exists()


def test_publish_needs_every_required_channel(centre, official_user):
    competition = competition_in_state(centre=centre, state=CompetitionStatus.DRAFT)
    CompetitionPublication.objects.filter(competition=competition, channel="board").delete()
    with pytest.raises(ApplicationError) as refused:
        _publish(competition, official_user)
    assert "tablica ogłoszeń" in refused.value.message
    assert Competition.objects.get(pk=competition.pk).status == CompetitionStatus.DRAFT


def test_deadline_20_days_after_the_last_publication_is_refused_21_accepted(centre, official_user):
    today = warsaw_today()
    competition = competition_in_state(
        centre=centre,
        state=CompetitionStatus.DRAFT,
        offers_deadline=datetime.combine(today + timedelta(days=20), time(23, 59), tzinfo=WARSAW),
    )
    record_channels(competition, PublicationPurpose.ANNOUNCEMENT, today - timedelta(days=3))
    publication_record(
        competition=competition,
        actor=official_user,
        purpose=PublicationPurpose.ANNOUNCEMENT,
        channel="website",
        published_on=today,
        address="https://kalisz.example.pl/ngo",
    )
    entries = AuditEntry.objects.count()
    with pytest.raises(ApplicationError) as refused:
        _publish(competition, official_user)
    message = refused.value.message
    assert "20 dni" in message and "21" in message
    assert (today + timedelta(days=21)).strftime("%d.%m.%Y") in message  # what to do: the earliest day
    assert Competition.objects.get(pk=competition.pk).status == CompetitionStatus.DRAFT
    assert AuditEntry.objects.count() == entries
    # Midnight in Warsaw of day 21 (22:00 or 23:00 UTC of day 20) is enough.
    Competition.objects.filter(pk=competition.pk).update(
        offers_deadline=datetime.combine(today + timedelta(days=21), time(0, 0), tzinfo=WARSAW)
    )
    assert _publish(competition, official_user).status == CompetitionStatus.PUBLISHED


@pytest.mark.parametrize("clock", [time(23, 59), time(0, 0)])
def test_21_day_rule_counts_warsaw_days_whatever_the_hour(centre, official_user, _frozen_clock, clock):
    """At 23:59 and at 00:00 Warsaw (the UTC date differs from the Warsaw one in summer at 00:00)."""
    _frozen_clock.move_to(datetime.combine(warsaw_today(), clock, tzinfo=WARSAW))
    today = warsaw_today()
    for days, allowed in ((20, False), (21, True)):
        competition = competition_in_state(
            centre=centre,
            state=CompetitionStatus.DRAFT,
            offers_deadline=datetime.combine(today + timedelta(days=days), time(0, 30), tzinfo=WARSAW),
        )
        if allowed:
            assert _publish(competition, official_user).status == CompetitionStatus.PUBLISHED
        else:
            with pytest.raises(ApplicationError):
                _publish(competition, official_user)


def test_deadline_must_be_in_the_future_at_publication(centre, official_user):
    competition = competition_in_state(
        centre=centre, state=CompetitionStatus.DRAFT, offers_deadline=timezone.now() - timedelta(minutes=1)
    )
    with pytest.raises(ApplicationError) as refused:
        _publish(competition, official_user)
    assert refused.value.field == "offers_deadline"


def test_close_only_after_the_deadline_and_the_job_closes_due_ones(centre, official_user):
    open_one = competition_in_state(
        centre=centre, state=CompetitionStatus.PUBLISHED, offers_deadline=timezone.now() + timedelta(days=1)
    )
    with pytest.raises(ApplicationError) as refused:
        workflow_apply(obj=open_one, action="close", actor=official_user)
    assert "po terminie" in refused.value.message
    due = competition_in_state(centre=centre, state=CompetitionStatus.PUBLISHED)
    assert competitions_close_due(centre=centre) == 1
    assert Competition.objects.get(pk=due.pk).status == CompetitionStatus.EVALUATION
    assert Competition.objects.get(pk=open_one.pk).status == CompetitionStatus.PUBLISHED
    entry = AuditEntry.objects.filter(object_id=str(due.pk), action="competition.close").get()
    assert entry.actor is None


@pytest.mark.parametrize(
    "undecided", [OfferStatus.SUBMITTED, OfferStatus.CORRECTION, OfferStatus.FORMALLY_ACCEPTED]
)
def test_results_wait_for_every_filed_offer(centre, official_user, undecided):
    competition = competition_in_state(centre=centre, state=CompetitionStatus.EVALUATION)
    OfferFactory(competition=competition, status=undecided)
    with pytest.raises(ApplicationError) as refused:
        workflow_apply(obj=competition, action="publish_results", actor=official_user)
    assert "zostało: 1" in refused.value.message
    assert Competition.objects.get(pk=competition.pk).status == CompetitionStatus.EVALUATION


def test_results_need_their_channels_and_mail_every_offeror(centre, official_user):
    competition = competition_in_state(centre=centre, state=CompetitionStatus.EVALUATION)
    selected = OfferFactory(
        competition=competition,
        status=OfferStatus.SELECTED,
        awarded_grant=Decimal("5000"),
        contact_email="a@example.org",
    )
    OfferFactory(competition=competition, status=OfferStatus.FORMALLY_REJECTED, contact_email="b@example.org")
    OfferFactory(competition=competition, status=OfferStatus.DRAFT, contact_email="draft@example.org")
    CompetitionPublication.objects.filter(
        competition=competition, purpose=PublicationPurpose.RESULTS
    ).delete()
    with pytest.raises(ApplicationError) as refused:
        workflow_apply(obj=competition, action="publish_results", actor=official_user)
    assert "wyników" in refused.value.message
    record_channels(competition, PublicationPurpose.RESULTS)
    workflow_apply(
        obj=Competition.objects.get(pk=competition.pk), action="publish_results", actor=official_user
    )
    mails = OutboxMessage.objects.filter(centre=centre)
    assert sorted(m.to[0] for m in mails) == ["a@example.org", "b@example.org"]
    assert selected.title in mails.get(to=["a@example.org"]).body


def test_void_only_without_a_valid_offer_and_with_its_channels(centre, official_user):
    competition = competition_in_state(centre=centre, state=CompetitionStatus.EVALUATION)
    valid = OfferFactory(competition=competition, status=OfferStatus.FORMALLY_ACCEPTED)
    with pytest.raises(ApplicationError) as refused:
        workflow_apply(obj=competition, action="void", actor=official_user, reason="Brak ofert")
    assert "art. 18a" in refused.value.message
    valid.status = OfferStatus.FORMALLY_REJECTED
    valid.save()
    CompetitionPublication.objects.filter(
        competition=competition, purpose=PublicationPurpose.VOIDING
    ).delete()
    with pytest.raises(ApplicationError):
        workflow_apply(obj=competition, action="void", actor=official_user, reason="Brak ofert")
    record_channels(competition, PublicationPurpose.VOIDING)
    voided = workflow_apply(
        obj=Competition.objects.get(pk=competition.pk),
        action="void",
        actor=official_user,
        reason="Żadna oferta",
    )
    assert voided.status == CompetitionStatus.VOIDED and voided.status_reason == "Żadna oferta"


def test_publication_is_recorded_only_in_its_state(centre, official_user):
    published = competition_in_state(centre=centre, state=CompetitionStatus.PUBLISHED)
    with pytest.raises(ApplicationError):
        publication_record(
            competition=published,
            actor=official_user,
            purpose=PublicationPurpose.ANNOUNCEMENT,
            channel="press",
            published_on=warsaw_today(),
            address="Gazeta",
        )
    assert not CompetitionPublication.objects.filter(competition=published, channel="press").exists()
