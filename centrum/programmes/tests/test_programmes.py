"""The programme: adoption against the statutory day, the consultation's comment window (Warsaw's day, on the
server), answers, the dated planned NGO grants at their boundaries, own-initiative proposals and their month."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError
from centrum.core.models import AuditEntry, CentreSetting, OutboxMessage

from ..choices import CommentOutcome, ProgrammeStatus, ProposalStatus
from ..models import CooperationProgramme, PlannedGrants, ProgrammeComment
from ..selectors import planned_ngo_grants
from ..services import (
    comment_add,
    comment_answer,
    consultation_open,
    planned_grants_add,
    programme_adopt,
    programme_save,
    proposal_file,
    proposals_remind,
    task_add,
)
from ..workflows import adoption_deadline
from .factories import ProgrammeFactory, ProgrammeTaskFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(centre):
    programme = ProgrammeFactory(centre=centre, status=ProgrammeStatus.DRAFT)
    ProgrammeTaskFactory(programme=programme, centre=centre)
    return programme


def test_officials_write_the_programme_and_others_may_not(centre, official_user, staff_user, org_admin):
    data = {
        "title": "Program na rok 2027",
        "first_year": 2027,
        "last_year": 2027,
        "objectives": "Partnerstwo",
    }
    programme = programme_save(centre=centre, actor=official_user, data=data)
    assert programme.status == ProgrammeStatus.DRAFT and programme.objectives == "Partnerstwo"
    for actor in (staff_user, org_admin):
        with pytest.raises(ApplicationError, match="urzędnicy"):
            programme_save(centre=centre, actor=actor, data=data)
    with pytest.raises(ApplicationError, match="Ostatni rok"):
        programme_save(centre=centre, actor=official_user, data={**data, "last_year": 2026})
    assert CooperationProgramme.objects.count() == 1


def test_a_multi_year_task_names_its_year(centre, official_user):
    programme = ProgrammeFactory(centre=centre, status=ProgrammeStatus.DRAFT, first_year=2027, last_year=2029)
    with pytest.raises(ApplicationError, match="podaj rok"):
        task_add(programme=programme, actor=official_user, title="Sport", planned_amount=Decimal("100"))
    with pytest.raises(ApplicationError, match="2027–2029"):
        task_add(
            programme=programme, actor=official_user, title="Sport", planned_amount=Decimal("100"), year=2030
        )
    task_add(
        programme=programme, actor=official_user, title="Sport", planned_amount=Decimal("100"), year=2028
    )
    assert programme.tasks.get().year == 2028


def test_the_adoption_deadline_is_a_setting(centre):
    assert adoption_deadline(centre, 2027) == date(2026, 11, 30)
    CentreSetting.objects.create(centre=centre, key="programmes.adoption_deadline_month", value=2)
    CentreSetting.objects.create(centre=centre, key="programmes.adoption_deadline_day", value=31)
    assert adoption_deadline(centre, 2029) == date(2028, 2, 29)


def test_adopting_after_the_statutory_day_needs_a_reason(centre, official_user, draft):
    draft.first_year = draft.last_year = warsaw_today().year  # its deadline (last 30 November) has passed
    draft.save()
    late = adoption_deadline(centre, draft.first_year) + timedelta(days=1)
    with pytest.raises(ApplicationError, match="podaj przyczynę"):
        programme_adopt(programme=draft, actor=official_user, resolution_number="XX/1/2026", adopted_on=late)
    assert CooperationProgramme.objects.get(pk=draft.pk).status == ProgrammeStatus.DRAFT
    adopted = programme_adopt(
        programme=draft,
        actor=official_user,
        resolution_number="XX/1/2026",
        adopted_on=late,
        late_reason="Sesja budżetowa w grudniu",
    )
    assert adopted.status == ProgrammeStatus.ADOPTED and adopted.adopted_late_reason


def test_no_adoption_in_the_future_or_without_a_resolution(official_user, draft):
    with pytest.raises(ApplicationError, match="w przyszłości"):
        programme_adopt(
            programme=draft,
            actor=official_user,
            resolution_number="X",
            adopted_on=warsaw_today() + timedelta(days=1),
        )
    with pytest.raises(ApplicationError, match="numer uchwały"):
        programme_adopt(
            programme=draft, actor=official_user, resolution_number=" ", adopted_on=warsaw_today()
        )


def test_the_consultation_tells_organisations_and_takes_comments_only_while_it_runs(
    centre, official_user, draft, org_admin, organisation, plain_user
):
    organisation.email = "zarzad@example.org"
    organisation.save()
    today = warsaw_today()
    programme = consultation_open(
        programme=draft, actor=official_user, starts_on=today, ends_on=today + timedelta(days=7)
    )
    assert programme.status == ProgrammeStatus.CONSULTATION
    assert OutboxMessage.objects.filter(
        event="consultation_to_organisation", to=["zarzad@example.org"]
    ).exists()
    comment = comment_add(
        programme=programme,
        actor=org_admin,
        proposal="Dopisać seniorów",
        organisation=organisation,
        part="forms",
    )
    with pytest.raises(ApplicationError, match="członek"):
        comment_add(programme=programme, actor=plain_user, proposal="X", organisation=organisation)
    CooperationProgramme.objects.filter(pk=programme.pk).update(
        consultation_ends_on=today - timedelta(days=1)
    )
    with pytest.raises(ApplicationError, match="nie trwają"):
        comment_add(programme=programme, actor=plain_user, proposal="Za późno")
    answered = comment_answer(
        comment=comment, actor=official_user, outcome=CommentOutcome.PARTLY, answer="Częściowo"
    )
    assert answered.outcome == CommentOutcome.PARTLY and ProgrammeComment.objects.count() == 1
    with pytest.raises(ApplicationError, match="Uzasadnij"):
        comment_answer(comment=comment, actor=official_user, outcome=CommentOutcome.REJECTED, answer=" ")


def test_the_planned_grants_in_force_on_a_day(centre, official_user):
    planned_grants_add(
        centre=centre,
        actor=official_user,
        year=2027,
        amount=Decimal("1000000"),
        valid_from=date(2026, 12, 20),
        resolution="Uchwała budżetowa",
    )
    planned_grants_add(
        centre=centre,
        actor=official_user,
        year=2027,
        amount=Decimal("1200000"),
        valid_from=date(2027, 3, 28),
        resolution="Zmiana",
    )
    assert planned_ngo_grants(centre=centre, year=2027, on=date(2026, 12, 19)) is None
    assert planned_ngo_grants(centre=centre, year=2027, on=date(2026, 12, 20)) == Decimal("1000000")
    assert planned_ngo_grants(centre=centre, year=2027, on=date(2027, 3, 27)) == Decimal("1000000")
    assert planned_ngo_grants(centre=centre, year=2027, on=date(2027, 3, 28)) == Decimal("1200000")
    with pytest.raises(ApplicationError, match="już zapisana"):
        planned_grants_add(
            centre=centre,
            actor=official_user,
            year=2027,
            amount=Decimal("1"),
            valid_from=date(2027, 3, 28),
            resolution="X",
        )
    assert (
        PlannedGrants.objects.count() == 2
        and AuditEntry.objects.filter(action="programme.planned_grants").count() == 2
    )


def test_a_proposal_gets_its_month_and_officials_a_reminder(centre, org_admin, organisation, official_user):
    proposal = proposal_file(organisation=organisation, actor=org_admin, title="Festyn", description="Opis")
    today = warsaw_today()
    expected = (
        date(today.year + (today.month == 12), today.month % 12 + 1, min(today.day, 28))
        if today.day > 28
        else None
    )
    assert proposal.answer_due_on > today and (expected is None or proposal.answer_due_on >= expected)
    assert proposals_remind(centre=centre) == 0  # a month away
    proposal.answer_due_on = today + timedelta(days=3)
    proposal.save()
    assert proposals_remind(centre=centre) == 1 and proposals_remind(centre=centre) == 0
    assert OutboxMessage.objects.get(event="proposals_due_to_officials").to == [official_user.email]


def test_only_an_organisations_admin_files_a_proposal(centre, org_member, organisation):
    with pytest.raises(ApplicationError, match="administrator"):
        proposal_file(organisation=organisation, actor=org_member, title="Festyn", description="Opis")


def test_the_answer_goes_to_the_organisation(client_for, centre, org_admin, organisation, official_user):
    proposal = proposal_file(organisation=organisation, actor=org_admin, title="Festyn", description="Opis")
    response = client_for(centre, official_user).post(
        reverse("programmes:proposal_action", args=[proposal.pk, "refuse"]),
        {"state": "submitted", "reason": "Brak środków w budżecie"},
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.REFUSED and proposal.status_reason == "Brak środków w budżecie"
    assert OutboxMessage.objects.filter(event="proposal_answered_to_organisation").exists()


def test_pages_answer_and_keep_their_query_counts(
    client_for, centre, official_user, draft, django_assert_max_num_queries
):
    client = client_for(centre, official_user)
    for url in (
        reverse("programmes:index"),
        reverse("programmes:detail", args=[draft.pk]),
        reverse("programmes:planned_grants"),
        reverse("programmes:proposals"),
        reverse("programmes:edit", args=[draft.pk]),
    ):
        with django_assert_max_num_queries(20):
            assert client.get(url).status_code == 200, url
    for _ in range(10):
        ProgrammeTaskFactory(programme=draft, centre=centre)
    with django_assert_max_num_queries(20):
        assert client.get(reverse("programmes:detail", args=[draft.pk])).status_code == 200


def test_a_draft_is_hidden_from_the_public(client_for, centre, draft):
    assert client_for(centre).get(reverse("programmes:detail", args=[draft.pk])).status_code == 404
    assert client_for(centre).get(reverse("programmes:planned_grants")).status_code == 302


def test_the_api_gives_the_figure_in_force(client_for, centre, official_user):
    planned_grants_add(
        centre=centre,
        actor=official_user,
        year=2027,
        amount=Decimal("5000"),
        valid_from=date(2026, 12, 1),
        resolution="U",
    )
    data = client_for(centre).get("/api/v1/programmes/planned-grants/2027?on=2027-01-01").json()
    assert data == {"year": 2027, "on": "2027-01-01", "amount": "5000.00"} or Decimal(
        str(data["amount"])
    ) == Decimal("5000")


def test_the_programme_pages_speak_english(client_for, centre, official_user, draft):
    from django.conf import settings

    client = client_for(centre, official_user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("programmes:detail", args=[draft.pk])).content.decode()
    assert (
        "Priority tasks and planned funds" in page and "Zadania priorytetowe i planowane środki" not in page
    )
