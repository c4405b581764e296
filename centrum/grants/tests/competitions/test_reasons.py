"""Requests for reasons: the official answers (mailed to the requester), overdue flagged, the reminder job."""

from datetime import timedelta

import pytest
from django.urls import reverse

from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError
from centrum.core.models import OutboxMessage
from centrum.grants.choices import CompetitionStatus, OfferStatus
from centrum.grants.models import Competition, ReasonsRequest
from centrum.grants.services import reasons_request_answer, reasons_request_file, reasons_requests_remind
from centrum.grants.tests.factories import OfferFactory, competition_in_state

pytestmark = pytest.mark.django_db


def _decided(centre):
    competition = competition_in_state(centre=centre, state=CompetitionStatus.EVALUATION)
    offer = OfferFactory(competition=competition, status=OfferStatus.NOT_SELECTED)
    Competition.objects.filter(pk=competition.pk).update(
        status=CompetitionStatus.DECIDED, results_published_at=competition.offers_deadline
    )
    competition.refresh_from_db()
    return competition, offer


def test_file_answer_and_mail(centre, official_user, official_client):
    competition, offer = _decided(centre)
    request = reasons_request_file(
        competition=competition, offer_id=offer.pk, name="Jan", email="jan@example.org", question="Dlaczego?"
    )
    response = official_client.post(reverse("grants:reasons_request", args=[request.pk]), {"answer": ""})
    assert response.status_code == 200 and ReasonsRequest.objects.get().answered_at is None
    response = official_client.post(
        reverse("grants:reasons_request", args=[request.pk]), {"answer": "Oferta uzyskała 21 punktów."}
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.answered_by == official_user and request.answer
    mail = OutboxMessage.objects.filter(to=["jan@example.org"]).latest("id")
    assert "21 punktów" in mail.body
    with pytest.raises(ApplicationError):
        reasons_request_answer(request=request, actor=official_user, answer="Drugi raz")


def test_a_draft_offer_or_another_competitions_offer_cannot_be_asked_about(centre):
    competition, _offer = _decided(centre)
    draft = OfferFactory(competition=competition, status=OfferStatus.DRAFT)
    other = OfferFactory(status=OfferStatus.SELECTED, competition__centre=centre)
    for offer in (draft, other):
        with pytest.raises(ApplicationError):
            reasons_request_file(competition=competition, offer_id=offer.pk, name="X", email="x@example.org")
    assert not ReasonsRequest.objects.exists()


def test_overdue_flagged_and_reminder_once_a_day(centre, official_user, official_client, _frozen_clock):
    competition, offer = _decided(centre)
    request = reasons_request_file(
        competition=competition, offer_id=offer.pk, name="Jan", email="j@example.org"
    )
    assert reasons_requests_remind(centre=centre) == 0  # 14 days ahead: no reminder yet
    ReasonsRequest.objects.filter(pk=request.pk).update(answer_due_on=warsaw_today() - timedelta(days=1))
    page = official_client.get(reverse("grants:reasons_requests"))
    assert "po terminie" in page.content.decode()
    assert reasons_requests_remind(centre=centre) == 1
    assert OutboxMessage.objects.filter(to=[official_user.email]).count() == 1
    assert reasons_requests_remind(centre=centre) == 0  # not twice the same day
    _frozen_clock.shift(timedelta(days=1))
    assert reasons_requests_remind(centre=centre) == 1
