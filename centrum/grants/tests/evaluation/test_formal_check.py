"""The formal check: the check list with Centrum's suggestions, then accept, ask for corrections (fixable
defects only, with a deadline and an e-mail) or reject with the reason; refusals change nothing."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from centrum.core.exceptions import ApplicationError
from centrum.core.models import AuditEntry, OutboxMessage

from ...choices import CompetitionStatus, OfferStatus
from ...models import FormalCheck, FormalRequirement, Offer
from ...selectors.evaluation import formal_checklist
from ...services.evaluation import corrections_lapse, formal_check_record

pytestmark = pytest.mark.django_db


def _all(offer, met=True, **override):
    answers = {item.key: {"met": met, "note": ""} for item in formal_checklist(offer)}
    for key, value in override.items():
        answers[key] = {"met": value, "note": "brak podpisu" if not value else ""}
    return answers


def test_the_check_list_suggests_what_the_offer_tells(centre, competition, offers):
    FormalRequirement.objects.create(
        centre=centre, competition=competition, text="Statut organizacji", fixable=True
    )
    offer = offers[0]
    offer.submitted_at = competition.offers_deadline - timedelta(days=1)
    offer.requested_grant = competition.max_grant + 1
    items = {item.key: item for item in formal_checklist(offer)}
    assert items["on_time"].auto is True and items["on_time"].fixable is False
    assert items["max_grant"].auto is False
    assert items["confirmation"].auto is False
    assert any(item.label == "Statut organizacji" and item.auto is None for item in items.values())


def test_an_official_accepts_a_complete_offer(official_user, offers):
    offer = formal_check_record(
        offer=offers[0], actor=official_user, answers=_all(offers[0]), outcome="accept"
    )
    assert offer.status == OfferStatus.FORMALLY_ACCEPTED
    assert FormalCheck.objects.get(offer=offer).unmet == []
    assert AuditEntry.objects.filter(action="evaluation.formal_check").exists()


def test_fixable_defects_get_a_notice_with_a_deadline(official_user, offers):
    offer = offers[0]
    result = formal_check_record(
        offer=offer,
        actor=official_user,
        answers=_all(offer, confirmation=False),
        outcome="correct",
        reason="Prosimy o podpis.",
    )
    assert result.status == OfferStatus.CORRECTION
    assert result.correction_due_at > timezone.now() + timedelta(days=offer.competition.correction_days - 1)
    mail = OutboxMessage.objects.get(event="correction_to_offeror")
    assert (
        "kontakt1@example.org" in mail.to
        and "Podpisane potwierdzenie" in mail.body
        and "Prosimy o podpis." in mail.body
    )


@pytest.mark.parametrize(
    ("outcome", "override", "message"),
    [
        ("accept", {"confirmation": False}, "Nie wszystkie wymogi są spełnione"),
        ("correct", {}, "Nie zaznaczono żadnego braku"),
        ("correct", {"on_time": False}, "Tego braku nie można usunąć"),
        ("reject", {}, "Podaj przyczynę odrzucenia"),
        ("maybe", {}, "Wybierz wynik"),
    ],
)
def test_an_outcome_that_does_not_fit_the_list_is_refused(official_user, offers, outcome, override, message):
    offer = offers[0]
    with pytest.raises(ApplicationError, match=message):
        formal_check_record(
            offer=offer, actor=official_user, answers=_all(offer, **override), outcome=outcome
        )
    assert Offer.objects.get(pk=offer.pk).status == OfferStatus.SUBMITTED
    assert not FormalCheck.objects.exists() and not AuditEntry.objects.exists()


def test_no_check_before_the_deadline_closed_the_call(official_user, competition, offers):
    competition.status = CompetitionStatus.PUBLISHED
    competition.save()
    offer = Offer.objects.get(pk=offers[0].pk)
    with pytest.raises(ApplicationError, match="po zamknięciu naboru"):
        formal_check_record(offer=offer, actor=official_user, answers=_all(offer), outcome="accept")
    assert Offer.objects.get(pk=offer.pk).status == OfferStatus.SUBMITTED and not FormalCheck.objects.exists()


def test_only_officials_check(org_admin, staff_user, offers):
    for actor in (org_admin, staff_user):
        with pytest.raises(ApplicationError, match="urzędnicy"):
            formal_check_record(offer=offers[0], actor=actor, answers=_all(offers[0]), outcome="accept")


def test_a_rejection_names_the_defects_and_tells_the_offeror(official_user, offers):
    offer = formal_check_record(
        offer=offers[1], actor=official_user, answers=_all(offers[1], on_time=False), outcome="reject"
    )
    assert (
        offer.status == OfferStatus.FORMALLY_REJECTED and "Oferta złożona w terminie" in offer.status_reason
    )
    assert OutboxMessage.objects.filter(event="rejected_to_offeror").exists()


def test_a_lapsed_correction_window_rejects_the_offer(centre, official_user, offers):
    offer = formal_check_record(
        offer=offers[0], actor=official_user, answers=_all(offers[0], confirmation=False), outcome="correct"
    )
    assert corrections_lapse(centre=centre) == 0
    Offer.objects.filter(pk=offer.pk).update(correction_due_at=timezone.now() - timedelta(minutes=1))
    assert corrections_lapse(centre=centre) == 1
    stored = Offer.objects.get(pk=offer.pk)
    assert stored.status == OfferStatus.FORMALLY_REJECTED and "w wyznaczonym terminie" in stored.status_reason


def test_the_check_page_shows_the_krs_goals_and_stores_the_outcome(client_for, centre, official_user, offers):
    from centrum.organisations.models import KrsExtract

    offer = offers[0]
    offer.organisation.krs = "0000131935"
    offer.organisation.save()
    KrsExtract.objects.create(
        krs="0000131935",
        register="S",
        fetched_at=timezone.now(),
        payload={
            "odpis": {
                "dane": {
                    "dzial3": {
                        "celDzialaniaOrganizacji": {"celDzialania": "1. PROWADZENIE DZIAŁALNOŚCI SPORTOWEJ"}
                    }
                }
            }
        },
    )
    client = client_for(centre, official_user)
    url = reverse("grants:formal_check", args=[offer.pk])
    page = client.get(url).content.decode()
    assert "PROWADZENIE DZIAŁALNOŚCI SPORTOWEJ" in page
    data = {f"met_{item.key}": "1" for item in formal_checklist(offer)} | {"outcome": "accept"}
    response = client.post(url, data)
    assert response.status_code == 302
    assert Offer.objects.get(pk=offer.pk).status == OfferStatus.FORMALLY_ACCEPTED


def test_the_check_page_answers_a_missing_choice_with_a_message(client_for, centre, official_user, offers):
    response = client_for(centre, official_user).post(
        reverse("grants:formal_check", args=[offers[0].pk]), {"outcome": "accept"}
    )
    assert response.status_code == 400 and "To pole jest wymagane" in response.content.decode()
    assert Offer.objects.get(pk=offers[0].pk).status == OfferStatus.SUBMITTED
