"""The commission: nominees of offering organisations are excluded; each member declares per offer before
reading it; scores within the maximum, only after a declaration, never once closed; the weighted ranking;
the decision within the competition's funds."""

from decimal import Decimal

import pytest
from django.urls import reverse

from centrum.core.exceptions import ApplicationError
from centrum.core.models import AuditEntry

from ...choices import MemberSide, MemberStatus, OfferStatus, WithoutNgoReason
from ...models import CommissionMember, Declaration, Offer, Score
from ...permissions import evaluator_may_read_offer
from ...selectors.evaluation import competition_criteria, ranking
from ...services.evaluation import (
    commission_settings_save,
    declaration_make,
    member_appoint,
    nomination_file,
    nominee_decide,
    offer_decide,
    scores_save,
    scoring_close,
)

pytestmark = pytest.mark.django_db


def _accept(*offers):
    Offer.objects.filter(pk__in=[o.pk for o in offers]).update(status=OfferStatus.FORMALLY_ACCEPTED)
    return [Offer.objects.select_related("competition").get(pk=o.pk) for o in offers]


def _points(competition, *values):
    return {c.pk: v for c, v in zip(competition_criteria(competition), values, strict=True)}


def test_a_nominee_of_an_offering_organisation_is_refused_and_excluded(
    centre, competition, offers, org_admin, organisation
):
    offers[0].organisation = organisation
    offers[0].save()
    with pytest.raises(ApplicationError, match="art. 15 ust. 2d"):
        nomination_file(
            competition=competition,
            organisation=organisation,
            actor=org_admin,
            full_name="Jan Kandydat",
            email="jan@example.org",
        )
    assert not CommissionMember.objects.exists()


def test_a_nominee_whose_organisation_files_later_is_excluded_at_selection(
    centre, competition, org_admin, organisation, official_user
):
    member = nomination_file(
        competition=competition,
        organisation=organisation,
        actor=org_admin,
        full_name="Jan Kandydat",
        email="jan@example.org",
    )
    assert member.status == MemberStatus.NOMINATED
    from ..factories import OfferFactory

    OfferFactory(
        competition=competition, centre=centre, organisation=organisation, status=OfferStatus.SUBMITTED
    )
    decided = nominee_decide(member=member, actor=official_user, appoint=True)
    assert decided.status == MemberStatus.EXCLUDED and "art. 15 ust. 2d" in decided.status_reason


def test_officials_appoint_members_and_a_second_seat_for_one_address_is_refused(competition, official_user):
    member_appoint(
        competition=competition,
        actor=official_user,
        full_name="Ewa Urzędniczka",
        email="ewa@example.org",
        side=MemberSide.OFFICIAL,
    )
    with pytest.raises(ApplicationError, match="już w składzie"):
        member_appoint(
            competition=competition,
            actor=official_user,
            full_name="Ewa U.",
            email="EWA@example.org".lower(),
            side=MemberSide.EXPERT,
        )
    with pytest.raises(ApplicationError, match="spośród zgłoszonych"):
        member_appoint(
            competition=competition,
            actor=official_user,
            full_name="Olek",
            email="o@example.org",
            side=MemberSide.NGO,
        )
    assert CommissionMember.objects.count() == 1


def test_a_member_reads_an_offer_only_after_declaring(client_for, centre, commission, offers, evaluator):
    offer = _accept(offers[0])[0]
    assert not evaluator_may_read_offer(evaluator, offer)
    client = client_for(centre, evaluator)
    response = client.get(reverse("grants:score", args=[offer.pk]))
    assert response.status_code == 302 and response.url == reverse("grants:declare", args=[offer.pk])
    response = client.post(reverse("grants:declare", args=[offer.pk]), {"no_conflict": "1"})
    assert response.status_code == 302
    assert evaluator_may_read_offer(evaluator, offer)
    assert client.get(reverse("grants:score", args=[offer.pk])).status_code == 200


def test_a_declared_conflict_excludes_the_member_from_that_offer(commission, offers, evaluator):
    offer = _accept(offers[0])[0]
    with pytest.raises(ApplicationError, match="przesłankę wyłączenia"):
        declaration_make(offer=offer, actor=evaluator, no_conflict=False)
    declaration_make(
        offer=offer, actor=evaluator, no_conflict=False, grounds="Jestem członkiem zarządu oferenta."
    )
    assert not evaluator_may_read_offer(evaluator, offer)
    with pytest.raises(ApplicationError, match="nie oceniasz tej oferty"):
        scores_save(offer=offer, actor=evaluator, points=_points(offer.competition, "5", "5"))
    with pytest.raises(ApplicationError, match="już złożono"):
        declaration_make(offer=offer, actor=evaluator, no_conflict=True)
    assert Declaration.objects.count() == 1 and not Score.objects.exists()


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (("11", "5"), "0–10"),
        (("-1", "5"), "0–10"),
        (("abc", "5"), "Podaj liczbę"),
        (("1.234", "5"), "dwoma miejscami"),
    ],
)
def test_points_outside_the_scale_are_refused(commission, offers, evaluator, values, message):
    offer = _accept(offers[0])[0]
    declaration_make(offer=offer, actor=evaluator, no_conflict=True)
    with pytest.raises(ApplicationError, match=message):
        scores_save(offer=offer, actor=evaluator, points=_points(offer.competition, *values))
    assert not Score.objects.exists()


def test_scoring_without_a_declaration_or_a_seat_is_refused(commission, offers, evaluator, org_admin):
    offer = _accept(offers[0])[0]
    with pytest.raises(ApplicationError, match="Najpierw złóż oświadczenie"):
        scores_save(offer=offer, actor=evaluator, points=_points(offer.competition, "5", "5"))
    with pytest.raises(ApplicationError, match="Nie zasiadasz"):
        scores_save(offer=offer, actor=org_admin, points=_points(offer.competition, "5", "5"))


def test_the_ranking_averages_the_weighted_totals_and_closing_locks_the_scores(
    competition, commission, offers, evaluator, ngo_evaluator, official_user
):
    first, second = _accept(*offers)
    for person, marks in (
        (evaluator, (("10", "5"), ("4", "1,5"))),
        (ngo_evaluator, (("8", "4"), ("6", "2"))),
    ):
        for offer, values in zip((first, second), marks, strict=True):
            declaration_make(offer=offer, actor=person, no_conflict=True)
            scores_save(offer=offer, actor=person, points=_points(competition, *values))
    rows = ranking(competition=competition)
    assert [(r.offer.number, r.average, r.place) for r in rows] == [
        ("1", Decimal("18.00"), 1),  # (10 + 5×2 + 8 + 4×2) / 2
        ("2", Decimal("8.50"), 2),  # (4 + 1,5×2 + 6 + 2×2) / 2
    ]
    scoring_close(competition=competition, actor=official_user)
    with pytest.raises(ApplicationError, match="zamknięta"):
        scores_save(offer=first, actor=evaluator, points=_points(competition, "1", "1"))
    assert AuditEntry.objects.filter(action="evaluation.scoring_closed").exists()


def test_closing_needs_every_score_and_an_ngo_member_or_a_lawful_reason(
    competition, commission, offers, evaluator, official_user
):
    first = _accept(offers[0])[0]
    declaration_make(offer=first, actor=evaluator, no_conflict=True)
    with pytest.raises(ApplicationError, match="komplet ocen"):
        scoring_close(competition=competition, actor=official_user)
    CommissionMember.objects.filter(side=MemberSide.NGO).update(status=MemberStatus.NOT_SELECTED)
    scores_save(offer=first, actor=evaluator, points=_points(competition, "7", "3"))
    with pytest.raises(ApplicationError, match="art. 15 ust. 2da"):
        scoring_close(competition=competition, actor=official_user)
    commission_settings_save(
        competition=competition, actor=official_user, without_ngo=WithoutNgoReason.ALL_EXCLUDED
    )
    assert scoring_close(competition=competition, actor=official_user).scoring_closed_at is not None


def test_the_decision_keeps_within_the_request_and_the_funds(competition, offers, official_user):
    first, second = _accept(*offers)  # 10 000 zł each; the competition has 25 000 zł
    with pytest.raises(ApplicationError, match="nie może przekroczyć wnioskowanej"):
        offer_decide(offer=first, actor=official_user, select=True, amount=Decimal("10000.01"))
    offer_decide(offer=first, actor=official_user, select=True, amount=Decimal("9000"))
    Offer.objects.filter(pk=second.pk).update(requested_grant=Decimal("17000"))
    second = Offer.objects.get(pk=second.pk)
    with pytest.raises(ApplicationError, match="przekroczyłaby środki konkursu"):
        offer_decide(offer=second, actor=official_user, select=True, amount=Decimal("16000.01"))
    assert (
        offer_decide(offer=second, actor=official_user, select=True, amount=Decimal("16000")).status
        == OfferStatus.SELECTED
    )
    assert Offer.objects.get(pk=first.pk).awarded_grant == Decimal("9000.00")


def test_not_selecting_needs_a_reason(offers, official_user):
    offer = _accept(offers[0])[0]
    with pytest.raises(ApplicationError, match="uzasadnienie"):
        offer_decide(offer=offer, actor=official_user, select=False)
    assert (
        offer_decide(offer=offer, actor=official_user, select=False, reason="Niska ocena").status
        == OfferStatus.NOT_SELECTED
    )


def test_the_call_for_nominees_is_recorded_and_shown(
    client_for, centre, competition, official_user, org_admin
):
    from datetime import date

    from ...services.competitions import publication_record

    competition.status = "published"
    competition.save()
    publication_record(
        competition=competition,
        actor=official_user,
        purpose="nominees_call",
        channel="bip",
        published_on=date(2026, 6, 1),
        address="https://bip.example.pl/nabor",
    )
    page = (
        client_for(centre, org_admin).get(reverse("grants:nominate", args=[competition.pk])).content.decode()
    )
    assert "https://bip.example.pl/nabor" in page and "Nabór ogłoszono" in page
