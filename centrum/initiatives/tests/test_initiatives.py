"""Local initiatives: the resolution's rules (criteria weights, the catalogue, calls), the application and its
contribution lines in Decimal, the intake checked when the application is stored, the assessment and its
reasons, the agreement's schedule, costing and signing, the completion record and its reminder."""

from datetime import timedelta
from decimal import Decimal

import pytest

from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError
from centrum.core.models import AuditEntry, CentreSetting, OutboxMessage
from centrum.core.workflow import workflow_apply

from .. import rules
from ..choices import ContributionKind, CostPayer, InitiativeStatus, IntakeMode
from ..models import Area, Contribution, CostItem, Criterion, Initiative, IntakeCall, Score
from ..selectors import initiatives_carried_out, statistics
from ..services import (
    agreement_sign,
    area_save,
    assessment_save,
    call_add,
    catalogue_ensure,
    completion_remind,
    contribution_add,
    cost_add,
    criterion_add,
    criterion_remove,
    initiative_complete,
    initiative_create,
    initiative_submit,
    line_remove,
    member_add,
    rules_save,
    schedule_add,
)
from .factories import InitiativeFactory, initiative_in_state, rules_with_criteria

pytestmark = pytest.mark.django_db
S = InitiativeStatus


def _application(centre, user, **extra):
    catalogue_ensure(centre=centre)
    today = warsaw_today()
    data = {
        "applicant_kind": "group",
        "group_name": "Sąsiedzi z Lipowej",
        "leader_name": "Jan Sąsiad",
        "leader_address": "ul. Lipowa 1",
        "residents_declared": True,
        "area": Area.objects.get(centre=centre, code="5"),
        "title": "Łąka kwietna",
        "description": "Wysiew łąki",
        "needs": "Zieleń",
        "place": "Skwer",
        "starts_on": today + timedelta(days=10),
        "ends_on": today + timedelta(days=40),
        "requested_amount": Decimal("2500"),
        **extra,
    }
    return initiative_create(centre=centre, actor=user, data=data)


def test_the_catalogue_is_the_seven_points_of_the_act_kept_per_centre(centre, other_centre):
    assert catalogue_ensure(centre=centre) == 7
    assert catalogue_ensure(centre=centre) == 0
    assert list(Area.objects.filter(centre=centre).values_list("code", flat=True)) == list("1234567")
    assert not Area.objects.filter(centre=other_centre).exists()


def test_officials_keep_the_resolution_and_others_may_not(centre, official_user, staff_user):
    policy = rules_save(
        centre=centre, actor=official_user, data={"resolution_number": "XX/1", "intake_mode": "calls"}
    )
    assert policy.intake_mode == IntakeMode.CALLS and Area.objects.filter(centre=centre).count() == 7
    with pytest.raises(ApplicationError, match="urzędnicy"):
        rules_save(centre=centre, actor=staff_user, data={"resolution_number": "X"})
    with pytest.raises(ApplicationError, match="przyszłości"):
        rules_save(
            centre=centre, actor=official_user, data={"resolution_date": warsaw_today() + timedelta(days=1)}
        )
    assert AuditEntry.objects.filter(action="initiative_rules.saved").count() == 1


def test_the_social_work_criterion_must_weigh_most(centre, official_user):
    rules_save(centre=centre, actor=official_user, data={"resolution_number": "XX/1"})
    with pytest.raises(ApplicationError, match="pracy społecznej"):
        criterion_add(centre=centre, actor=official_user, name="Celowość", weight=30)
    social = criterion_add(centre=centre, actor=official_user, name="Praca", weight=40, social_work=True)
    criterion_add(centre=centre, actor=official_user, name="Celowość", weight=40)  # equal is not more
    with pytest.raises(ApplicationError, match="ważyłoby więcej"):
        criterion_add(centre=centre, actor=official_user, name="Liczba uczestników", weight=41)
    with pytest.raises(ApplicationError, match="tylko jednym"):
        criterion_add(centre=centre, actor=official_user, name="Druga praca", weight=50, social_work=True)
    with pytest.raises(ApplicationError, match="Najpierw dodaj kryterium wkładu"):
        criterion_remove(criterion=social, actor=official_user)
    assert Criterion.objects.filter(centre=centre).count() == 2


def test_check_weights_is_a_pure_rule():
    rules.check_weights([])
    rules.check_weights([("Praca", 5, True), ("Inne", 5, False)])
    with pytest.raises(ApplicationError):
        rules.check_weights([("Praca", 5, True), ("Inne", 6, False)])


def test_calls_do_not_overlap_and_close_after_they_open(centre, official_user):
    rules_save(centre=centre, actor=official_user, data={"intake_mode": "calls"})
    today = warsaw_today()
    call_add(
        centre=centre,
        actor=official_user,
        title="Wiosna",
        opens_on=today,
        closes_on=today + timedelta(days=9),
    )
    with pytest.raises(ApplicationError, match="nakłada"):
        call_add(
            centre=centre,
            actor=official_user,
            title="Druga",
            opens_on=today + timedelta(days=9),
            closes_on=today + timedelta(days=20),
        )
    with pytest.raises(ApplicationError, match="przed początkiem"):
        call_add(
            centre=centre,
            actor=official_user,
            title="Zła",
            opens_on=today + timedelta(days=30),
            closes_on=today + timedelta(days=29),
        )
    assert IntakeCall.objects.count() == 1


def test_areas_are_data_the_official_edits(centre, official_user):
    catalogue_ensure(centre=centre)
    area = Area.objects.get(centre=centre, code="6")
    area_save(centre=centre, actor=official_user, area=area, data={"active": False, "name": "Bezpieczeństwo"})
    area.refresh_from_db()
    assert not area.active and area.name == "Bezpieczeństwo"
    with pytest.raises(ApplicationError, match="już jest"):
        area_save(centre=centre, actor=official_user, data={"code": "6", "name": "Kopia"})


def test_a_resident_group_files_with_members_and_valued_contributions(centre, plain_user):
    initiative = _application(centre, plain_user)
    member_add(initiative=initiative, actor=plain_user, full_name="Anna Nowak", address="Lipowa 2")
    work = contribution_add(
        initiative=initiative,
        actor=plain_user,
        kind=ContributionKind.WORK,
        description="Sadzenie",
        hours=Decimal("12.5"),
    )
    assert work.value == Decimal("392.50") and work.hour_value == Decimal("31.40")
    contribution_add(
        initiative=initiative,
        actor=plain_user,
        kind=ContributionKind.IN_KIND,
        description="Nasiona",
        value=Decimal("199.99"),
    )
    totals = rules.totals(initiative.contributions.all())
    assert totals["total"] == Decimal("592.49") and totals["hours"] == Decimal("12.5")
    submitted = initiative_submit(initiative=initiative, actor=plain_user)
    assert submitted.status == S.SUBMITTED and submitted.number.startswith("IL/")
    assert submitted.submitted_at is not None


def test_the_hourly_value_is_a_centre_setting(centre, plain_user):
    CentreSetting.objects.create(centre=centre, key="initiatives.work_hour_value", value="40.00")
    initiative = _application(centre, plain_user)
    line = contribution_add(
        initiative=initiative, actor=plain_user, kind="work", description="Praca", hours=Decimal("3")
    )
    assert line.value == Decimal("120.00")


@pytest.mark.parametrize(
    ("kind", "hours", "value", "message"),
    [
        ("work", Decimal("-5"), None, "większą od zera"),
        ("work", None, None, "większą od zera"),
        ("work", Decimal("5001"), None, "najwyżej 5000"),
        ("money", None, Decimal("-1"), "większą od zera"),
        ("in_kind", None, None, "większą od zera"),
        ("gold", None, Decimal("5"), "rodzaj"),
    ],
)
def test_negative_or_absurd_contributions_are_refused(centre, plain_user, kind, hours, value, message):
    initiative = _application(centre, plain_user)
    with pytest.raises(ApplicationError, match=message):
        contribution_add(
            initiative=initiative, actor=plain_user, kind=kind, description="X", hours=hours, value=value
        )
    assert not Contribution.objects.exists()


def test_an_area_outside_the_catalogue_is_refused(centre, other_centre, plain_user):
    catalogue_ensure(centre=other_centre)
    foreign = Area.objects.filter(centre=other_centre).first()
    with pytest.raises(ApplicationError, match="katalogu"):
        _application(centre, plain_user, area=foreign)
    catalogue_ensure(centre=centre)
    closed = Area.objects.get(centre=centre, code="7")
    closed.active = False
    closed.save()
    with pytest.raises(ApplicationError, match="katalogu"):
        _application(centre, plain_user, area=closed)
    assert not Initiative.objects.exists()


def test_through_an_organisation_only_its_member_files(centre, organisation, org_member, plain_user):
    with pytest.raises(ApplicationError, match="członek"):
        _application(centre, plain_user, applicant_kind="organisation", organisation=organisation)
    initiative = _application(centre, org_member, applicant_kind="organisation", organisation=organisation)
    assert initiative.applicant_name == organisation.name


def test_submitting_needs_members_contributions_and_the_declaration(centre, plain_user):
    initiative = _application(centre, plain_user, residents_declared=False)
    with pytest.raises(ApplicationError, match="członków"):
        initiative_submit(initiative=initiative, actor=plain_user)
    member_add(initiative=initiative, actor=plain_user, full_name="Anna", address="Lipowa 2")
    with pytest.raises(ApplicationError, match="mieszkańcami"):
        initiative_submit(initiative=initiative, actor=plain_user)
    Initiative.objects.filter(pk=initiative.pk).update(residents_declared=True)
    initiative.refresh_from_db()
    with pytest.raises(ApplicationError, match="wkład"):
        initiative_submit(initiative=initiative, actor=plain_user)
    assert Initiative.objects.get(pk=initiative.pk).status == S.DRAFT


def test_the_minimum_social_work_share_is_a_setting(centre, plain_user):
    CentreSetting.objects.create(centre=centre, key="initiatives.min_work_share_percent", value="50")
    initiative = _application(centre, plain_user)
    member_add(initiative=initiative, actor=plain_user, full_name="Anna", address="Lipowa 2")
    contribution_add(
        initiative=initiative, actor=plain_user, kind="work", description="P", hours=Decimal("1")
    )
    contribution_add(
        initiative=initiative, actor=plain_user, kind="money", description="M", value=Decimal("100")
    )
    with pytest.raises(ApplicationError, match="co najmniej 50"):
        initiative_submit(initiative=initiative, actor=plain_user)


@pytest.mark.dates
def test_call_based_intake_is_checked_when_the_application_is_stored(centre, official_user, plain_user):
    rules_save(centre=centre, actor=official_user, data={"intake_mode": "calls"})
    initiative = _application(centre, plain_user)
    member_add(initiative=initiative, actor=plain_user, full_name="Anna", address="Lipowa 2")
    contribution_add(
        initiative=initiative, actor=plain_user, kind="work", description="P", hours=Decimal("4")
    )
    with pytest.raises(ApplicationError, match="Nabór wniosków nie trwa"):
        initiative_submit(initiative=initiative, actor=plain_user)
    today = warsaw_today()
    call = call_add(centre=centre, actor=official_user, title="Teraz", opens_on=today, closes_on=today)
    assert initiative_submit(initiative=initiative, actor=plain_user).call == call


def test_the_assessment_scores_every_criterion_with_reasons_then_the_decision_is_mailed(
    centre, official_user, plain_user
):
    initiative = initiative_in_state(centre=centre, state=S.SUBMITTED, leader=plain_user)
    Score.objects.filter(initiative=initiative).delete()
    criteria = list(Criterion.objects.filter(centre=centre))
    with pytest.raises(ApplicationError, match="Oceń wniosek"):
        workflow_apply(obj=initiative, action="accept", actor=official_user, reason="Dobry")
    with pytest.raises(ApplicationError, match="Uzasadnij"):
        assessment_save(initiative=initiative, actor=official_user, scores={c.pk: (5, "") for c in criteria})
    with pytest.raises(ApplicationError, match="od 0 do 10"):
        assessment_save(
            initiative=initiative, actor=official_user, scores={c.pk: (11, "x") for c in criteria}
        )
    assert not Score.objects.exists()
    total = assessment_save(
        initiative=initiative,
        actor=official_user,
        scores={criteria[0].pk: (10, "Dużo pracy"), criteria[1].pk: (5, "Tak")},
    )
    assert total == Decimal("81.25")  # (50×10/10 + 30×5/10) / 80
    with pytest.raises(ApplicationError, match="przyczynę"):
        workflow_apply(obj=initiative, action="reject", actor=official_user, reason="")
    rejected = workflow_apply(obj=initiative, action="reject", actor=official_user, reason="Za mały wkład")
    assert rejected.status == S.REJECTED and rejected.status_reason == "Za mały wkład"
    mail = OutboxMessage.objects.get()
    assert plain_user.email in mail.to and "Za mały wkład" in mail.body


def test_the_agreement_schedule_and_costing_are_the_officials_until_signed(centre, official_user, plain_user):
    initiative = initiative_in_state(centre=centre, state=S.ACCEPTED, leader=plain_user)
    with pytest.raises(ApplicationError, match="urzędnik"):
        cost_add(
            initiative=initiative,
            actor=plain_user,
            item="X",
            amount=Decimal("1"),
            payer=CostPayer.MUNICIPALITY,
        )
    cost_add(
        initiative=initiative,
        actor=official_user,
        item="Ławki",
        amount=Decimal("4 000".replace(" ", "")),
        payer="municipality",
    )
    with pytest.raises(ApplicationError, match="klasyfikację"):
        workflow_apply(obj=initiative, action="agree", actor=official_user)
    Initiative.objects.filter(pk=initiative.pk).update(budget_line="900-90095-4210")
    initiative.refresh_from_db()
    agreed = workflow_apply(obj=initiative, action="agree", actor=official_user)
    assert agreed.status == S.AGREEMENT and agreed.municipality_amount == Decimal("4000.00")
    schedule_add(
        initiative=agreed,
        actor=official_user,
        action="Montaż",
        starts_on=agreed.starts_on,
        ends_on=agreed.ends_on,
    )
    with pytest.raises(ApplicationError, match="przyszłości"):
        agreement_sign(
            initiative=agreed,
            actor=official_user,
            signed_on=warsaw_today() + timedelta(days=1),
            signed_for_municipality="Burmistrz",
            signed_for_applicant="Jan",
        )
    signed = agreement_sign(
        initiative=agreed,
        actor=official_user,
        signed_on=warsaw_today(),
        signed_for_municipality="Burmistrz",
        signed_for_applicant="Jan Sąsiad",
    )
    assert signed.status == S.SIGNED and signed.signed_recorded_by == official_user
    with pytest.raises(ApplicationError, match="przed jej podpisaniem"):
        line_remove(initiative=signed, actor=official_user, kind="kosztorys", pk=CostItem.objects.first().pk)


@pytest.mark.dates
def test_the_completion_record_and_its_reminder(centre, plain_user):
    initiative = initiative_in_state(
        centre=centre, state=S.SIGNED, leader=plain_user, completed_on=None, completion_report=""
    )
    assert completion_remind(centre=centre) == 0  # the end was 2 days ago; the reminder waits 3
    Initiative.objects.filter(pk=initiative.pk).update(ends_on=warsaw_today() - timedelta(days=3))
    assert completion_remind(centre=centre) == 1
    assert completion_remind(centre=centre) == 0
    mail = OutboxMessage.objects.get(event="completion_due_to_applicant")
    assert mail.to == [plain_user.email]
    initiative.refresh_from_db()
    with pytest.raises(ApplicationError, match="Opisz"):
        initiative_complete(
            initiative=initiative, actor=plain_user, completed_on=warsaw_today(), completion_report=" "
        )
    with pytest.raises(ApplicationError, match="ujemna"):
        initiative_complete(
            initiative=initiative,
            actor=plain_user,
            completed_on=warsaw_today(),
            completion_report="Zrobione",
            actual_money=Decimal("-1"),
        )
    done = initiative_complete(
        initiative=initiative,
        actor=plain_user,
        completed_on=warsaw_today(),
        completion_report="Zrobione",
        actual_work_hours=Decimal("30"),
    )
    assert done.status == S.COMPLETED and done.completed_by == plain_user
    assert list(initiatives_carried_out(centre=centre)) == [done]


def test_statistics_count_applications_agreements_and_the_value_of_social_work(centre):
    initiative_in_state(centre=centre, state=S.DRAFT)
    initiative_in_state(centre=centre, state=S.SUBMITTED)
    initiative_in_state(centre=centre, state=S.SIGNED)
    initiative_in_state(centre=centre, state=S.COMPLETED)
    stats = statistics(centre=centre)
    assert (stats["applications"], stats["accepted"], stats["agreements"], stats["completed"]) == (3, 2, 2, 1)
    assert stats["work_value"] == Decimal("628.00") and stats["work_hours"] == Decimal("20")


def test_the_applicant_withdraws_only_before_the_decision(centre, plain_user, official_user):
    initiative = InitiativeFactory(centre=centre, leader=plain_user, status=S.SUBMITTED)
    accepted = InitiativeFactory(centre=centre, leader=plain_user, status=S.ACCEPTED)
    with pytest.raises(ApplicationError):
        workflow_apply(obj=accepted, action="cancel", actor=plain_user, reason="Rezygnujemy")
    workflow_apply(obj=initiative, action="cancel", actor=plain_user, reason="Rezygnujemy")
    workflow_apply(obj=accepted, action="cancel", actor=official_user, reason="Brak środków")
    assert set(Initiative.objects.values_list("status", flat=True)) == {S.CANCELLED}


def test_rules_with_criteria_builder(centre):
    assert rules_with_criteria(centre).criteria.count() == 2
