"""The pages of competitions: who may open them, another centre's object (404), the query count, bad input."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from centrum.core.calendar import warsaw_today
from centrum.core.models import OutboxMessage
from centrum.grants.choices import CompetitionStatus, OfferStatus
from centrum.grants.models import Competition, CompetitionPublication, ReasonsRequest
from centrum.grants.tests.factories import OfferFactory, competition_in_state
from centrum.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

OFFICIAL_PAGES = ["grants:board", "grants:competition_edit", "grants:publications"]


def _decided(centre, offers=3):
    competition = competition_in_state(centre=centre, state=CompetitionStatus.EVALUATION)
    for i in range(offers):
        OfferFactory(
            competition=competition,
            status=OfferStatus.SELECTED if i % 2 == 0 else OfferStatus.NOT_SELECTED,
            awarded_grant=Decimal("1000") if i % 2 == 0 else None,
        )
    Competition.objects.filter(pk=competition.pk).update(
        status=CompetitionStatus.DECIDED, results_published_at=competition.offers_deadline
    )
    return Competition.objects.get(pk=competition.pk)


def test_a_draft_is_hidden_from_everyone_but_officials(centre, anon, client_for, staff_user, official_client):
    draft = competition_in_state(centre=centre, state=CompetitionStatus.DRAFT)
    url = reverse("grants:competition", args=[draft.pk])
    assert anon.get(url).status_code == 404
    assert client_for(centre, staff_user).get(url).status_code == 404
    assert official_client.get(url).status_code == 200
    assert draft.title not in anon.get(reverse("grants:index")).content.decode()


@pytest.mark.parametrize("name", OFFICIAL_PAGES)
def test_official_pages_are_404_for_other_roles_and_another_centre(
    centre, other_centre, anon, client_for, staff_user, org_admin, official_client, name
):
    own = competition_in_state(centre=centre, state=CompetitionStatus.DRAFT)
    theirs = competition_in_state(centre=other_centre, state=CompetitionStatus.DRAFT)
    url = reverse(name, args=[own.pk])
    assert anon.get(url).status_code == 302  # to the login page
    assert client_for(centre, staff_user).get(url).status_code == 404
    assert client_for(centre, org_admin).get(url).status_code == 404
    assert official_client.get(url).status_code == 200
    assert official_client.get(reverse(name, args=[theirs.pk])).status_code == 404


@pytest.mark.parametrize("name", ["grants:desk", "grants:competition_new", "grants:reasons_requests"])
def test_desk_pages_are_forbidden_to_other_roles(centre, client_for, staff_user, org_admin, name):
    assert client_for(centre, staff_user).get(reverse(name)).status_code == 403
    assert client_for(centre, org_admin).get(reverse(name)).status_code == 403


def test_index_filters_and_its_query_count_does_not_grow(centre, anon, django_assert_max_num_queries):
    for _ in range(3):
        competition_in_state(centre=centre, state=CompetitionStatus.PUBLISHED)
    _decided(centre)
    with django_assert_max_num_queries(8):
        response = anon.get(reverse("grants:index"))
    assert response.status_code == 200
    for _ in range(10):
        competition_in_state(centre=centre, state=CompetitionStatus.PUBLISHED)
    with django_assert_max_num_queries(8):
        anon.get(reverse("grants:index"))
    decided_only = anon.get(reverse("grants:index") + "?stan=rozstrzygniete&rok=abcd").context["page"]
    assert {c.status for c in decided_only.object_list} == {CompetitionStatus.DECIDED}


def test_board_query_count_is_independent_of_the_number_of_offers(
    centre, official_client, django_assert_max_num_queries
):
    competition = competition_in_state(centre=centre, state=CompetitionStatus.EVALUATION)
    for _ in range(3):
        OfferFactory(
            competition=competition, status=OfferStatus.SUBMITTED, submitted_at=competition.offers_deadline
        )
    url = reverse("grants:board", args=[competition.pk])
    official_client.get(url)  # per-process caches (content types) filled, whichever test ran before
    with django_assert_max_num_queries(25) as few:
        assert official_client.get(url).status_code == 200
    for _ in range(12):
        OfferFactory(competition=competition, status=OfferStatus.FORMALLY_ACCEPTED)
    with django_assert_max_num_queries(len(few.captured_queries)) as many:
        response = official_client.get(url + "?status=formally_accepted")
    assert len(many.captured_queries) == len(few.captured_queries)
    assert len(response.context["page"].object_list) == 12
    counts = {row["status"]: row["count"] for row in response.context["counts"]}
    assert counts["submitted"] == 3 and counts["formally_accepted"] == 12


def test_desk_and_results_query_counts(centre, official_client, anon, django_assert_max_num_queries):
    for _ in range(4):
        _decided(centre, offers=4)
    competition = Competition.objects.filter(status=CompetitionStatus.DECIDED).first()
    with django_assert_max_num_queries(20):
        assert official_client.get(reverse("grants:desk")).status_code == 200
    with django_assert_max_num_queries(10):
        assert anon.get(reverse("grants:results", args=[competition.pk])).status_code == 200
    with django_assert_max_num_queries(10):
        assert anon.get(reverse("grants:competition", args=[competition.pk])).status_code == 200


def test_official_creates_a_draft_through_the_form(centre, official_client):
    today = warsaw_today()
    data = {
        "title": "Konkurs – sport",
        "organ": "Prezydent Miasta",
        "task_kind": "Kultura fizyczna",
        "kind": "support",
        "budget_year": today.year,
        "funds_total": "50 000,00",
        "award_rules": "Zasady.",
        "implementation_terms": "Warunki.",
        "deadline_day": (today + timedelta(days=30)).isoformat(),
        "deadline_time": "15:00",
        "selection_procedure": "Komisja.",
        "selection_date": (today + timedelta(days=45)).isoformat(),
        "task_start": (today + timedelta(days=60)).isoformat(),
        "task_end": (today + timedelta(days=120)).isoformat(),
        "min_own_contribution_percent": "5",
        "own_contribution_basis": "total",
        "own_contribution_type": "any",
        "results_table_required": "on",
        "confirmation_days": "3",
        "correction_days": "7",
        "req-TOTAL_FORMS": "1",
        "req-INITIAL_FORMS": "0",
        "req-0-text": "Oferta w terminie",
        "crit-TOTAL_FORMS": "1",
        "crit-INITIAL_FORMS": "0",
        "crit-0-name": "Jakość",
        "crit-0-statutory_point": "3",
        "crit-0-max_points": "10",
        "crit-0-weight": "1",
    }
    response = official_client.post(reverse("grants:competition_new"), data)
    assert response.status_code == 302, response.context and [
        response.context[k].errors for k in ("form", "requirements", "criteria")
    ]
    competition = Competition.objects.get()
    assert response.status_code == 302 and competition.status == CompetitionStatus.DRAFT
    assert competition.funds_total == Decimal("50000.00")
    assert competition.criteria.get().statutory_point == 3
    # Bad input: a support competition with no own contribution is refused at its field, nothing changes.
    data["min_own_contribution_percent"] = "0"
    data["title"] = "Zmieniony"
    response = official_client.post(reverse("grants:competition_edit", args=[competition.pk]), data)
    assert response.status_code == 200
    assert "wkład własny" in str(response.context["form"].errors.get("min_own_contribution_percent")), (
        response.context["form"].errors
    )
    assert Competition.objects.get().title == "Konkurs – sport"
    data["funds_total"] = "abc"
    assert official_client.post(reverse("grants:competition_new"), data).status_code == 200
    assert Competition.objects.count() == 1


def test_publications_page_records_a_channel_and_refuses_garbage(centre, official_client):
    competition = competition_in_state(centre=centre, state=CompetitionStatus.DRAFT)
    CompetitionPublication.objects.filter(competition=competition).delete()
    url = reverse("grants:publications", args=[competition.pk])
    ok = official_client.post(
        url,
        {
            "purpose": "announcement",
            "channel": "bip",
            "published_on": warsaw_today().isoformat(),
            "address": "https://bip",
        },
    )
    assert ok.status_code == 302
    bad = official_client.post(
        url, {"purpose": "results", "channel": "tv", "published_on": "x", "address": ""}
    )
    assert bad.status_code == 200
    assert CompetitionPublication.objects.filter(competition=competition).count() == 1


def test_official_publishes_from_the_board_and_a_refusal_is_shown(centre, official_client):
    competition = competition_in_state(centre=centre, state=CompetitionStatus.DRAFT)
    CompetitionPublication.objects.filter(competition=competition, channel="bip").delete()
    url = reverse("grants:competition_action", args=[competition.pk, "publish"])
    response = official_client.post(url, {"state": "draft"}, follow=True)
    assert "Biuletyn Informacji Publicznej" in response.content.decode()
    assert Competition.objects.get().status == CompetitionStatus.DRAFT


def test_member_sees_the_offer_link_only_while_open(centre, client_for, org_member, anon):
    from django.utils import timezone

    competition = competition_in_state(
        centre=centre, state=CompetitionStatus.PUBLISHED, offers_deadline=timezone.now() + timedelta(days=5)
    )
    url = reverse("grants:competition", args=[competition.pk])
    assert client_for(centre, org_member).get(url).context["may_file_offer"] is True
    assert anon.get(url).context["may_file_offer"] is False


def test_reasons_request_with_spam_guard(centre, anon, _frozen_clock):
    competition = _decided(centre)
    offer = competition.offers.filter(status=OfferStatus.NOT_SELECTED).first() or competition.offers.first()
    url = reverse("grants:reasons_request_new", args=[competition.pk])
    page = anon.get(url)
    stamp = page.context["form"].initial["stamp"]
    data = {
        "offer": offer.pk,
        "name": "Jan",
        "email": "jan@example.org",
        "question": "Dlaczego?",
        "stamp": stamp,
    }
    too_fast = anon.post(url, data)
    assert too_fast.status_code == 200 and not ReasonsRequest.objects.exists()
    _frozen_clock.shift(timedelta(seconds=10))
    bot = anon.post(url, {**data, "website": "http://spam"})
    assert bot.status_code == 200 and not ReasonsRequest.objects.exists()
    forged = anon.post(url, {**data, "stamp": "123:abc"})
    assert forged.status_code == 200 and not ReasonsRequest.objects.exists()
    ok = anon.post(url, data)
    assert ok.status_code == 302
    request = ReasonsRequest.objects.get()
    assert request.answer_due_on == warsaw_today() + timedelta(days=14)
    assert OutboxMessage.objects.filter(to=["jan@example.org"]).exists()


def test_reasons_request_refused_after_the_period(centre, anon, _frozen_clock):
    competition = _decided(centre)
    Competition.objects.filter(pk=competition.pk).update(
        results_published_at=competition.offers_deadline - timedelta(days=31)
    )
    url = reverse("grants:reasons_request_new", args=[competition.pk])
    stamp = anon.get(url).context["form"].initial["stamp"]
    _frozen_clock.shift(timedelta(seconds=10))
    offer = competition.offers.first()
    response = anon.post(url, {"offer": offer.pk, "name": "Jan", "email": "jan@example.org", "stamp": stamp})
    assert response.status_code == 200 and not ReasonsRequest.objects.exists()
    assert "minął" in response.content.decode()


def test_exports_are_for_officials_and_list_the_offers(centre, official_client, client_for, staff_user):
    competition = _decided(centre)
    organisation = OrganisationFactory(centre=centre, name="Fundacja Eksportowa")
    OfferFactory(
        competition=competition, organisation=organisation, status=OfferStatus.SELECTED, awarded_grant=1
    )
    url = reverse("grants:competition_export", args=[competition.pk, "oferty", "csv"])
    body = b"".join(official_client.get(url).streaming_content).decode("utf-8-sig")
    assert "Fundacja Eksportowa" in body
    xlsx = official_client.get(reverse("grants:competition_export", args=[competition.pk, "wyniki", "xlsx"]))
    assert b"".join(xlsx.streaming_content)[:2] == b"PK"
    assert client_for(centre, staff_user).get(url).status_code == 404
    assert (
        official_client.get(
            reverse("grants:competition_export", args=[competition.pk, "x", "csv"])
        ).status_code
        == 404
    )
