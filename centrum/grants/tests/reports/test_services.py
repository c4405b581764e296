"""Reports, settlement and control through the services: the rules, the return, interest, settle's guard,
the reminders; bad input refused with a message and nothing stored."""

from datetime import timedelta
from decimal import Decimal

import pytest

from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError
from centrum.core.models import AuditEntry, CentreSetting, OutboxMessage
from centrum.grants.choices import ReportKind, ReportStatus
from centrum.grants.models import GrantReturn, Report
from centrum.grants.services import reports as S
from centrum.grants.tests.factories import contract_with_budget

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


@pytest.fixture
def contract(organisation, org_admin):
    return contract_with_budget(centre=organisation.centre, organisation=organisation)


def _fill(report, actor, *, spend=None, own=Decimal("2000"), acknowledged=False):
    """Lines: planned grant 7 000 + 3 000, own 1 000 + 1 000 (value − grant)."""
    spend = spend or {}
    lines = {}
    for row in report.lines.select_related("planned"):
        grant = spend.get(row.planned.kind, row.planned.grant_part)
        lines[row.planned_id] = (grant + (row.planned.value - row.planned.grant_part), grant)
    results = {row.result_id: (Decimal("38"), "") for row in report.results.all()}
    data = {
        "actions_done": "Przeprowadzono 10 warsztatów.",
        "results_description": "Uczestnicy ukończyli cykl.",
        "own_financial": own,
        "own_personal": Decimal("0"),
        "own_material": Decimal("0"),
        "recipient_fees": Decimal("0"),
        "excess_acknowledged": acknowledged,
        "extra_info": "",
        "declarations": True,
    }
    return S.report_save(report=report, actor=actor, data=data, lines=lines, results=results)


def test_final_report_flow_with_return_interest_and_settle(contract, org_admin, official_user):
    report = S.report_start(contract=contract, kind=ReportKind.FINAL, period_year=None, actor=org_admin)
    assert report.due_on == contract.final_report_due_on
    _fill(
        report,
        org_admin,
        spend={"Warsztaty dla seniorów": Decimal("7500"), "Koordynacja zadania": Decimal("2200")},
    )
    report.refresh_from_db()
    S.report_submit(report=report, actor=org_admin)
    assert report.status == ReportStatus.SUBMITTED and report.submitted_at
    S.report_accept(
        report=report, actor=official_user, extra_amount=Decimal("100"), extra_reason="Faktura bez opisu."
    )
    grant_return = GrantReturn.objects.get(contract=contract)
    # 10 000 − 9 700 = 300 unspent, 0 over the 20 % tolerance, + 100 added by the official.
    assert (grant_return.unspent, grant_return.over_tolerance, grant_return.amount) == (
        Decimal("300.00"),
        Decimal("0.00"),
        Decimal("400.00"),
    )
    assert grant_return.due_on == warsaw_today() + timedelta(days=15)
    assert OutboxMessage.objects.filter(event="report_accepted_to_organisation").exists()
    with pytest.raises(ApplicationError, match="Zwrot dotacji nie jest jeszcze wpłacony"):
        S.contract_settle(contract=contract, actor=official_user)
    grant_return.due_on = warsaw_today() - timedelta(days=10)
    grant_return.save()
    S.return_record_payment(
        grant_return=grant_return, paid_on=warsaw_today(), amount_paid=Decimal("400"), actor=official_user
    )
    grant_return.refresh_from_db()
    # 400 zł × 12.25 % × 10 / 365 = 1.342… → 1.34 zł
    assert grant_return.interest == Decimal("1.34")
    S.contract_settle(contract=contract, actor=official_user)
    contract.refresh_from_db()
    assert contract.status == "settled"


def test_settle_refused_without_an_accepted_final_report(contract, official_user):
    with pytest.raises(ApplicationError, match="po przyjęciu sprawozdania końcowego"):
        S.contract_settle(contract=contract, actor=official_user)


def test_line_over_tolerance_refused_until_acknowledged_then_returned(contract, org_admin, official_user):
    report = S.report_start(contract=contract, kind=ReportKind.FINAL, period_year=None, actor=org_admin)
    # 7 000 planned, 20 %: 8 400 allowed; 8 600 is 200 over. Coordination cut to 1 400.
    _fill(
        report,
        org_admin,
        spend={"Warsztaty dla seniorów": Decimal("8600"), "Koordynacja zadania": Decimal("1400")},
    )
    report.refresh_from_db()
    with pytest.raises(ApplicationError, match="Warsztaty dla seniorów") as exc:
        S.report_submit(report=report, actor=org_admin)
    assert exc.value.field == "excess_acknowledged"
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT
    _fill(
        report,
        org_admin,
        spend={"Warsztaty dla seniorów": Decimal("8600"), "Koordynacja zadania": Decimal("1400")},
        acknowledged=True,
    )
    report.refresh_from_db()
    S.report_submit(report=report, actor=org_admin)
    S.report_accept(report=report, actor=official_user)
    grant_return = GrantReturn.objects.get(contract=contract)
    assert grant_return.over_tolerance == Decimal("200.00") and grant_return.amount == Decimal("200.00")


def test_unbalanced_report_and_grant_over_the_contract_refused(contract, org_admin):
    report = S.report_start(contract=contract, kind=ReportKind.FINAL, period_year=None, actor=org_admin)
    _fill(report, org_admin, own=Decimal("1500"))
    report.refresh_from_db()
    with pytest.raises(ApplicationError, match="nie równają się"):
        S.report_submit(report=report, actor=org_admin)
    _fill(
        report,
        org_admin,
        spend={"Warsztaty dla seniorów": Decimal("8000"), "Koordynacja zadania": Decimal("3000")},
    )
    report.refresh_from_db()
    with pytest.raises(ApplicationError, match="przekraczają kwotę dotacji"):
        S.report_submit(report=report, actor=org_admin)


def test_report_for_unsigned_contract_and_second_final_refused(organisation, org_admin):
    draft = contract_with_budget(centre=organisation.centre, organisation=organisation, status="draft")
    with pytest.raises(ApplicationError, match="zawartej umowy"):
        S.report_start(contract=draft, kind=ReportKind.FINAL, period_year=None, actor=org_admin)
    assert not Report.objects.exists()
    signed = contract_with_budget(centre=organisation.centre, organisation=organisation)
    S.report_start(contract=signed, kind=ReportKind.FINAL, period_year=None, actor=org_admin)
    with pytest.raises(ApplicationError, match="już rozpoczęto"):
        S.report_start(contract=signed, kind=ReportKind.FINAL, period_year=None, actor=org_admin)
    assert Report.objects.count() == 1


def test_report_after_acceptance_cannot_change(contract, org_admin, official_user):
    report = S.report_start(contract=contract, kind=ReportKind.FINAL, period_year=None, actor=org_admin)
    _fill(report, org_admin)
    report.refresh_from_db()
    S.report_submit(report=report, actor=org_admin)
    S.report_accept(report=report, actor=official_user)
    with pytest.raises(ApplicationError, match="nie można już zmieniać"):
        _fill(report, org_admin)
    with pytest.raises(ApplicationError):
        S.report_submit(report=report, actor=org_admin)


def test_correction_needs_reason_and_future_deadline_then_resubmit(contract, org_admin, official_user):
    report = S.report_start(contract=contract, kind=ReportKind.FINAL, period_year=None, actor=org_admin)
    _fill(report, org_admin)
    report.refresh_from_db()
    S.report_submit(report=report, actor=org_admin)
    with pytest.raises(ApplicationError):
        S.report_request_correction(
            report=report, actor=official_user, reason="", due_on=warsaw_today() + timedelta(days=7)
        )
    with pytest.raises(ApplicationError, match="termin"):
        S.report_request_correction(
            report=report, actor=official_user, reason="Popraw opis.", due_on=warsaw_today()
        )
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED
    S.report_request_correction(
        report=report, actor=official_user, reason="Popraw opis.", due_on=warsaw_today() + timedelta(days=7)
    )
    assert report.status == ReportStatus.CORRECTION and report.correction_due_on
    assert OutboxMessage.objects.filter(event="report_correction_to_organisation").exists()
    S.report_submit(report=report, actor=org_admin)
    assert report.status == ReportStatus.SUBMITTED


def test_demand_partial_report_keeps_the_minimum_days(contract, official_user, org_admin):
    with pytest.raises(ApplicationError, match="co najmniej 30 dni"):
        S.report_demand(
            contract=contract,
            due_on=warsaw_today() + timedelta(days=29),
            scope="Za I kwartał",
            actor=official_user,
        )
    CentreSetting.objects.create(centre=contract.centre, key="grants.partial_report_min_days", value=10)
    report = S.report_demand(
        contract=contract,
        due_on=warsaw_today() + timedelta(days=10),
        scope="Za I kwartał",
        actor=official_user,
    )
    assert report.demanded and report.kind == ReportKind.PARTIAL
    assert OutboxMessage.objects.filter(event="report_demanded_to_organisation").exists()
    with pytest.raises(ApplicationError):
        S.report_demand(
            contract=contract, due_on=warsaw_today() + timedelta(days=40), scope="x", actor=org_admin
        )


def test_partial_report_per_budget_year(organisation, org_admin):
    today = warsaw_today()
    contract = contract_with_budget(
        centre=organisation.centre,
        organisation=organisation,
        start_date=today.replace(month=1, day=10),
        end_date=today.replace(year=today.year + 1, month=6, day=30),
    )
    report = S.report_start(
        contract=contract, kind=ReportKind.PARTIAL, period_year=today.year, actor=org_admin
    )
    assert report.due_on == today.replace(year=today.year + 1, month=1, day=30)
    with pytest.raises(ApplicationError, match="rok budżetowy"):
        S.report_start(
            contract=contract, kind=ReportKind.PARTIAL, period_year=today.year + 1, actor=org_admin
        )


def test_payment_rules(contract, org_admin, official_user):
    grant_return = GrantReturn.objects.create(
        centre=contract.centre,
        contract=contract,
        amount=Decimal("500"),
        unspent=Decimal("500"),
        due_on=warsaw_today(),
    )
    for kwargs, message in (
        ({"paid_on": warsaw_today() + timedelta(days=1), "amount_paid": Decimal("500")}, "przyszłości"),
        ({"paid_on": warsaw_today(), "amount_paid": Decimal("499.99")}, "mniej niż"),
    ):
        with pytest.raises(ApplicationError, match=message):
            S.return_record_payment(grant_return=grant_return, actor=official_user, **kwargs)
    with pytest.raises(ApplicationError):
        S.return_record_payment(
            grant_return=grant_return, paid_on=warsaw_today(), amount_paid=Decimal("500"), actor=org_admin
        )
    grant_return.refresh_from_db()
    assert grant_return.paid_on is None
    S.return_record_payment(
        grant_return=grant_return, paid_on=warsaw_today(), amount_paid=Decimal("500"), actor=official_user
    )
    with pytest.raises(ApplicationError, match="już zapisano"):
        S.return_record_payment(
            grant_return=grant_return, paid_on=warsaw_today(), amount_paid=Decimal("500"), actor=official_user
        )


def test_control_protocol_and_recommendations(contract, official_user):
    today = warsaw_today()
    with pytest.raises(ApplicationError, match="w trakcie realizacji"):
        S.control_plan(
            contract=contract,
            phase="during",
            scope="Dokumentacja",
            planned_on=contract.end_date + timedelta(days=1),
            controllers="A. Nowak",
            actor=official_user,
        )
    control = S.control_plan(
        contract=contract,
        phase="after",
        scope="Dokumentacja",
        planned_on=contract.end_date + timedelta(days=5),
        controllers="A. Nowak",
        actor=official_user,
    )
    assert OutboxMessage.objects.filter(event="control_planned_to_organisation").exists()
    with pytest.raises(ApplicationError, match="po zapisaniu protokołu"):
        S.recommendation_add(
            control=control, text="Opisać faktury", due_on=today + timedelta(days=5), actor=official_user
        )
    with pytest.raises(ApplicationError, match="po kontroli"):
        S.control_record_protocol(control=control, protocol_on=today, findings="Braki", actor=official_user)
    control.planned_on = today - timedelta(days=2)
    control.save()
    control = S.control_record_protocol(
        control=control, protocol_on=today, findings="Braki w opisie faktur", actor=official_user
    )
    rec = S.recommendation_add(
        control=control, text="Opisać faktury", due_on=today + timedelta(days=5), actor=official_user
    )
    S.recommendation_mark_done(recommendation=rec, done_on=today, note="Opisano", actor=official_user)
    rec.refresh_from_db()
    assert rec.done_on == today
    assert AuditEntry.objects.filter(action="control.recommendation_done").count() == 1


def test_reminders_once_before_and_after(contract, org_admin, official_user):
    today = warsaw_today()
    contract.final_report_due_on = today + timedelta(days=3)
    contract.save()
    assert S.deadline_reminders_send(centre=contract.centre) == 1
    assert S.deadline_reminders_send(centre=contract.centre) == 0
    contract.final_report_due_on = today - timedelta(days=2)
    contract.save()
    GrantReturn.objects.create(
        centre=contract.centre, contract=contract, amount=Decimal("10"), due_on=today - timedelta(days=5)
    )
    assert S.deadline_reminders_send(centre=contract.centre) == 2
    templates = set(OutboxMessage.objects.values_list("event", flat=True))
    assert {
        "report_reminder_to_organisation",
        "report_overdue_to_organisation",
        "return_overdue_to_organisation",
    } <= templates
