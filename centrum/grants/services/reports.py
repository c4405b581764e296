"""Writes of the `reports` sub-feature: starting and filling a report (annex 5), the official's demand for a
partial report, the checks at submission, the settlement when the final report is accepted (the return,
its deadline and interest), recording a payment, the control (art. 17) and its recommendations, and the
reminders of every deadline. Each write is atomic, checked again here, audited, and mails via the outbox."""

from datetime import date, timedelta
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from centrum.accounts.selectors import organisation_admin_emails
from centrum.core.audit import audit_log
from centrum.core.calendar import warsaw_today
from centrum.core.centre_settings import centre_setting
from centrum.core.exceptions import ApplicationError, full_clean_or_raise
from centrum.core.links import centre_url
from centrum.core.outbox import outbox_enqueue
from centrum.core.workflow import Step, workflow_apply

from .. import reporting
from ..audit_labels import ReportAudit as Audit
from ..centre_settings import (
    INTEREST_RATE_PERCENT,
    PARTIAL_REPORT_MIN_DAYS,
    REMINDER_DAYS_AFTER,
    REMINDER_DAYS_BEFORE,
    REPORT_CORRECTION_DAYS,
    RETURN_DAYS,
)
from ..choices import ContractStatus, ControlPhase, ReportKind
from ..models import (
    Contract,
    Control,
    ControlRecommendation,
    DeadlineReminder,
    GrantReturn,
    Report,
    ReportCostLine,
    ReportResult,
)
from ..permissions import (
    can_prepare_report,
    is_grants_official,
)
from ..selectors.reports import (
    OPEN_REPORT_STATUSES,
    PARTIAL_AFTER_YEAR_DAYS,
    expected_reports,
    partial_years,
    planned_lines,
    planned_results,
    report_check,
)
from ..workflows.reports import REPORT_STATUS

# Nobody types amounts this large into a grant report (a typo of a few extra digits).
MAX_AMOUNT = Decimal("999999999.99")


def organisation_addresses(contract: Contract) -> list[str]:
    addresses = [contract.organisation.email, *organisation_admin_emails(organisation=contract.organisation)]
    return list(dict.fromkeys(a for a in addresses if a))


def notify_organisation(contract: Contract, event: str, context: dict) -> None:
    to = organisation_addresses(contract)
    if to:
        outbox_enqueue(
            centre=contract.centre,
            to=to,
            template=f"grants/emails/{event}_to_organisation",
            context={"contract": contract, **context},
        )


def _link(centre, name: str, pk: int) -> str:
    return centre_url(centre, reverse(name, args=[pk]))


def _require_signed(contract: Contract) -> None:
    if contract.status != ContractStatus.SIGNED:
        raise ApplicationError(
            _("Sprawozdanie składa się do zawartej umowy w realizacji; ta umowa jest: %(status)s.")
            % {"status": contract.get_status_display()}
        )


def _create_rows(report: Report) -> None:
    ReportCostLine.objects.bulk_create(
        [
            ReportCostLine(centre=report.centre, report=report, planned=p.line)
            for p in planned_lines(report.contract)
        ]
    )
    ReportResult.objects.bulk_create(
        [
            ReportResult(centre=report.centre, report=report, result=r)
            for r in planned_results(report.contract)
        ]
    )


def _store_new_report(report: Report, *, actor, action) -> Report:
    full_clean_or_raise(report, validate_constraints=False)
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError as exc:
        raise ApplicationError(_("To sprawozdanie już rozpoczęto: otwórz je z listy sprawozdań.")) from exc
    _create_rows(report)
    audit_log(
        actor=actor,
        obj=report,
        action=action,
        new={"kind": report.kind, "period_year": report.period_year, "due_on": report.due_on},
    )
    return report


@transaction.atomic
def report_start(*, contract: Contract, kind: str, period_year: int | None, actor) -> Report:
    """The organisation starts a report the contract owes: the final one, or the partial one of a budget
    year of a multi-year task."""
    contract = Contract.objects.select_for_update().select_related("organisation").get(pk=contract.pk)
    _require_signed(contract)
    probe = Report(centre=contract.centre, contract=contract, kind=kind)
    if not can_prepare_report(actor, probe):
        raise ApplicationError(_("Sprawozdanie przygotowują członkowie organizacji, która zawarła umowę."))
    if kind == ReportKind.FINAL:
        period_year, due_on = None, contract.final_report_due_on
    elif kind == ReportKind.PARTIAL and period_year in partial_years(contract):
        due_on = date(period_year, 12, 31) + timedelta(days=PARTIAL_AFTER_YEAR_DAYS)
    elif kind == ReportKind.PARTIAL:
        raise ApplicationError(
            _(
                "Sprawozdanie częściowe składa się za rok budżetowy zadania wieloletniego, który kończy się "
                "przed końcem zadania, albo na wezwanie urzędu."
            ),
            field="period_year",
        )
    else:
        raise ApplicationError(_("Nieznany rodzaj sprawozdania."), field="kind")
    existing = Report.objects.filter(contract=contract, kind=kind, demanded=False, period_year=period_year)
    if existing.exists():
        raise ApplicationError(_("To sprawozdanie już rozpoczęto: otwórz je z listy sprawozdań."))
    report = Report(
        centre=contract.centre, contract=contract, kind=kind, period_year=period_year, due_on=due_on
    )
    return _store_new_report(report, actor=actor, action=Audit.STARTED)


@transaction.atomic
def report_demand(*, contract: Contract, due_on: date, scope: str, actor) -> Report:
    """The official demands a partial report: its deadline at least the centre's number of days (30, art.
    18 ust. 4) from the demand's service, counted from today (the notice goes out today)."""
    contract = Contract.objects.select_for_update().select_related("organisation").get(pk=contract.pk)
    if not is_grants_official(actor, contract.centre):
        raise ApplicationError(_("Wezwać do złożenia sprawozdania może urzędnik."))
    _require_signed(contract)
    min_days = centre_setting(contract.centre, PARTIAL_REPORT_MIN_DAYS.key)
    earliest = warsaw_today() + timedelta(days=min_days)
    if due_on is None or due_on < earliest:
        raise ApplicationError(
            _("Termin musi przypadać co najmniej %(days)s dni od doręczenia wezwania: najwcześniej %(date)s.")
            % {"days": min_days, "date": earliest.strftime("%d.%m.%Y")},
            field="due_on",
        )
    scope = (scope or "").strip()
    if not scope:
        raise ApplicationError(_("Napisz, za jaki okres lub zakres żądasz sprawozdania."), field="scope")
    report = Report(
        centre=contract.centre,
        contract=contract,
        kind=ReportKind.PARTIAL,
        period_year=due_on.year,
        demanded=True,
        demanded_reason=scope,
        due_on=due_on,
    )
    _store_new_report(report, actor=actor, action=Audit.DEMANDED)
    notify_organisation(
        contract,
        "report_demanded",
        {"report": report, "link": _link(contract.centre, "grants:report", report.pk)},
    )
    return report


def _amount(value, field: str) -> Decimal:
    value = Decimal(value if value is not None else 0)
    if value < 0 or value > MAX_AMOUNT or not value.is_finite():
        raise ApplicationError(_("Podaj kwotę od 0 do %(max)s zł.") % {"max": MAX_AMOUNT}, field=field)
    return reporting.money(value)


@transaction.atomic
def report_save(*, report: Report, actor, data: dict, lines: dict, results: dict) -> Report:
    """Store what the organisation typed (Parts I–III). `lines`: planned line id → (value, grant);
    `results`: result id → (achieved, comment). Only a draft or a report sent back for corrections."""
    report = (
        Report.objects.select_for_update()
        .select_related("contract", "contract__organisation")
        .get(pk=report.pk, centre=report.centre)
    )
    if not can_prepare_report(actor, report):
        raise ApplicationError(_("Sprawozdanie przygotowują członkowie organizacji, która zawarła umowę."))
    if report.status not in OPEN_REPORT_STATUSES:
        raise ApplicationError(
            _("Sprawozdania w stanie „%(status)s” nie można już zmieniać.")
            % {"status": report.get_status_display()}
        )
    _require_signed(report.contract)
    old = {name: getattr(report, name) for name in data}
    for name, value in data.items():
        if name in ("own_financial", "own_personal", "own_material", "recipient_fees"):
            value = _amount(value, name)
        setattr(report, name, value)
    full_clean_or_raise(report, validate_constraints=False)
    report.save()
    rows = {row.planned_id: row for row in report.lines.all()}
    changed_lines = []
    for planned_id, (value, grant) in lines.items():
        row = rows.get(planned_id)
        if row is None:
            continue
        row.actual_value = _amount(value, f"line-{planned_id}-value")
        row.actual_grant = _amount(grant, f"line-{planned_id}-grant")
        if row.actual_grant > row.actual_value:
            raise ApplicationError(
                _("Część z dotacji nie może być większa niż koszt pozycji „%(kind)s”.")
                % {"kind": row.planned.kind},
                field=f"line-{planned_id}-grant",
            )
        changed_lines.append(row)
    ReportCostLine.objects.bulk_update(changed_lines, ["actual_value", "actual_grant"])
    result_rows = {row.result_id: row for row in report.results.all()}
    changed_results = []
    for result_id, (achieved, comment) in results.items():
        row = result_rows.get(result_id)
        if row is None:
            continue
        achieved = Decimal(achieved if achieved is not None else 0)
        if achieved < 0 or achieved > Decimal("9999999999"):
            raise ApplicationError(
                _("Podaj osiągnięty poziom rezultatu (liczba od 0)."), field=f"result-{result_id}"
            )
        row.achieved_value, row.comment = achieved, (comment or "")[:500]
        changed_results.append(row)
    ReportResult.objects.bulk_update(changed_results, ["achieved_value", "comment"])
    audit_log(
        actor=actor,
        obj=report,
        action=Audit.SAVED,
        old={k: v for k, v in old.items() if k not in ("actions_done", "results_description", "extra_info")},
        new={
            k: getattr(report, k)
            for k in old
            if k not in ("actions_done", "results_description", "extra_info")
        },
    )
    return report


def check_report_for_submission(report: Report) -> reporting.ReportCheck:
    """The rules a report must meet to be filed (run on the locked row by the `submit` guard)."""
    _require_signed(report.contract)
    if not report.actions_done.strip():
        raise ApplicationError(
            _("Opisz w części I działania zrealizowane w ramach zadania."), field="actions_done"
        )
    if not report.declarations:
        raise ApplicationError(_("Potwierdź oświadczenia z części III."), field="declarations")
    check = report_check(report)
    if check.grant_exceeded:
        raise ApplicationError(
            _("Wydatki z dotacji (%(spent)s zł) przekraczają kwotę dotacji z umowy (%(grant)s zł).")
            % {"spent": check.grant_spent, "grant": check.grant_amount}
        )
    if not check.balanced:
        raise ApplicationError(
            _(
                "Koszty z pozycji (%(lines)s zł) nie równają się sumie źródeł finansowania (%(sources)s zł): "
                "popraw kwoty w części II."
            )
            % {"lines": check.lines_total, "sources": check.actual.total}
        )
    if not check.share_ok:
        raise ApplicationError(
            _(
                "Udział dotacji w kosztach (%(actual)s%%) różni się od umowy (%(planned)s%%) o więcej niż "
                "%(points)s pkt proc."
            )
            % {
                "actual": check.actual_share,
                "planned": check.planned_share,
                "points": check.share_tolerance_points,
            }
        )
    if check.over_lines and not report.excess_acknowledged:
        names = ", ".join(line.key.kind for line in check.over_lines)
        raise ApplicationError(
            _(
                "Pozycje ponad dopuszczalne zwiększenie o %(percent)s%%: %(names)s. Popraw kwoty albo zaznacz, "
                "że nadwyżka (%(excess)s zł) zostanie zwrócona jako dotacja wykorzystana niezgodnie z umową."
            )
            % {
                "percent": report.contract.line_tolerance_percent,
                "names": names,
                "excess": check.over_tolerance,
            },
            field="excess_acknowledged",
        )
    return check


def report_submit(*, report: Report, actor) -> Report:
    return workflow_apply(obj=report, action="submit", actor=actor, workflow=REPORT_STATUS)


def correction_deadline_check(step: Step) -> None:
    """The deadline for the corrections: the official's date, or the centre's number of days from today."""
    due_on = step.extra.get("correction_due_on")
    if due_on is None:
        due_on = warsaw_today() + timedelta(days=centre_setting(step.obj.centre, REPORT_CORRECTION_DAYS.key))
    if not isinstance(due_on, date) or due_on <= warsaw_today():
        raise ApplicationError(
            _("Wyznacz termin poprawienia sprawozdania (data w przyszłości)."), field="due_on"
        )
    step.audit_old["correction_due_on"] = step.obj.correction_due_on
    step.obj.correction_due_on = due_on
    step.audit_new["correction_due_on"] = due_on


def report_request_correction(*, report: Report, actor, reason: str, due_on: date | None) -> Report:
    return workflow_apply(
        obj=report,
        action="request_correction",
        actor=actor,
        reason=reason,
        workflow=REPORT_STATUS,
        correction_due_on=due_on,
    )


def settlement_prepare(step: Step) -> None:
    """The accept guard: the report is still right, and the amount the official adds has a reason."""
    check_report_for_submission(step.obj)
    extra = _amount(step.extra.get("extra_amount") or 0, "extra_amount")
    if extra and not (step.extra.get("extra_reason") or "").strip():
        raise ApplicationError(_("Podaj uzasadnienie kwoty dodanej do zwrotu."), field="extra_reason")
    if extra and step.obj.kind != ReportKind.FINAL:
        raise ApplicationError(
            _("Kwotę do zwrotu ustala się przy sprawozdaniu końcowym."), field="extra_amount"
        )


def settlement_after_accept(step: Step) -> None:
    """Accepting the final report sets the return (unspent + spent against the contract + the official's
    amount) with its deadline (`grants.return_days`); the organisation is told either way."""
    report = step.obj
    contract = report.contract
    grant_return = None
    if report.kind == ReportKind.FINAL:
        check = report_check(report)
        extra = _amount(step.extra.get("extra_amount") or 0, "extra_amount")
        amount = reporting.return_amount(
            grant_amount=contract.grant_amount,
            unspent=check.unspent,
            over_tolerance=check.over_tolerance,
            extra=extra,
        )
        if amount > 0:
            days = centre_setting(contract.centre, RETURN_DAYS.key)
            grant_return = GrantReturn(
                centre=contract.centre,
                contract=contract,
                report=report,
                unspent=check.unspent,
                over_tolerance=check.over_tolerance,
                extra_amount=extra,
                extra_reason=(step.extra.get("extra_reason") or "").strip(),
                amount=amount,
                due_on=warsaw_today() + timedelta(days=days),
            )
            full_clean_or_raise(grant_return)
            grant_return.save()
            audit_log(
                actor=step.actor,
                obj=grant_return,
                action=Audit.RETURN_SET,
                new={"amount": amount, "due_on": grant_return.due_on},
                reason=grant_return.extra_reason,
            )
    notify_organisation(
        contract,
        "report_accepted",
        {
            "report": report,
            "grant_return": grant_return,
            "link": _link(contract.centre, "grants:report", report.pk),
        },
    )


def report_accept(*, report: Report, actor, extra_amount=None, extra_reason: str = "") -> Report:
    return workflow_apply(
        obj=report,
        action="accept",
        actor=actor,
        workflow=REPORT_STATUS,
        extra_amount=extra_amount or Decimal("0"),
        extra_reason=extra_reason,
    )


@transaction.atomic
def return_record_payment(*, grant_return: GrantReturn, paid_on: date, amount_paid, actor) -> GrantReturn:
    """The official records the return's payment; interest for each day late at the centre's rate."""
    if not is_grants_official(actor, grant_return.centre):
        raise ApplicationError(_("Wpłaty zapisuje urzędnik."))
    row = GrantReturn.objects.select_for_update().get(pk=grant_return.pk, centre=grant_return.centre)
    if row.paid_on is not None:
        raise ApplicationError(
            _("Wpłatę tego zwrotu już zapisano (%(date)s).") % {"date": row.paid_on.strftime("%d.%m.%Y")}
        )
    if paid_on is None or paid_on > warsaw_today():
        raise ApplicationError(_("Data wpłaty nie może przypadać w przyszłości."), field="paid_on")
    if paid_on < row.created_at.date() - timedelta(days=1):
        raise ApplicationError(_("Data wpłaty jest wcześniejsza niż ustalenie zwrotu."), field="paid_on")
    amount_paid = _amount(amount_paid, "amount_paid")
    rate = centre_setting(row.centre, INTEREST_RATE_PERCENT.key)
    interest = reporting.interest(amount=row.amount, due_on=row.due_on, paid_on=paid_on, rate_percent=rate)
    if amount_paid < row.amount:
        raise ApplicationError(
            _("Wpłacono mniej niż kwota do zwrotu (%(amount)s zł): zapisz wpłatę, gdy zwrot jest pełny.")
            % {"amount": row.amount},
            field="amount_paid",
        )
    old = {"paid_on": None, "amount_paid": None, "interest": row.interest}
    row.paid_on, row.amount_paid, row.interest = paid_on, amount_paid, interest
    full_clean_or_raise(row)
    row.save()
    audit_log(
        actor=actor,
        obj=row,
        action=Audit.RETURN_PAID,
        old=old,
        new={"paid_on": paid_on, "amount_paid": amount_paid, "interest": interest},
    )
    grant_return.paid_on, grant_return.amount_paid, grant_return.interest = paid_on, amount_paid, interest
    return row


def contract_settle(*, contract: Contract, actor) -> Contract:
    from ..workflows import CONTRACT_STATUS

    return workflow_apply(obj=contract, action="settle", actor=actor, workflow=CONTRACT_STATUS)


# control (art. 17) ------------------------------------------------------------------------------------------


def _official_or_refuse(actor, centre) -> None:
    if not is_grants_official(actor, centre):
        raise ApplicationError(_("Kontrolę prowadzi urzędnik."))


@transaction.atomic
def control_plan(
    *, contract: Contract, phase: str, scope: str, planned_on: date, controllers: str, actor
) -> Control:
    _official_or_refuse(actor, contract.centre)
    if contract.status not in (ContractStatus.SIGNED, ContractStatus.SETTLED):
        raise ApplicationError(_("Kontrolować można zadanie z zawartej umowy."))
    if planned_on is None:
        raise ApplicationError(_("Podaj datę kontroli."), field="planned_on")
    if phase == ControlPhase.DURING and not (contract.start_date <= planned_on <= contract.end_date):
        raise ApplicationError(
            _("Kontrola w trakcie realizacji przypada między %(start)s a %(end)s.")
            % {
                "start": contract.start_date.strftime("%d.%m.%Y"),
                "end": contract.end_date.strftime("%d.%m.%Y"),
            },
            field="planned_on",
        )
    if phase == ControlPhase.AFTER and planned_on <= contract.end_date:
        raise ApplicationError(
            _("Kontrola po zakończeniu zadania przypada po %(end)s.")
            % {"end": contract.end_date.strftime("%d.%m.%Y")},
            field="planned_on",
        )
    control = Control(
        centre=contract.centre,
        contract=contract,
        phase=phase,
        scope=(scope or "").strip(),
        planned_on=planned_on,
        controllers=(controllers or "").strip(),
        created_by=actor,
    )
    full_clean_or_raise(control)
    control.save()
    audit_log(
        actor=actor, obj=control, action=Audit.CONTROL_PLANNED, new={"planned_on": planned_on, "phase": phase}
    )
    notify_organisation(
        contract,
        "control_planned",
        {"control": control, "link": _link(contract.centre, "grants:control", control.pk)},
    )
    return control


@transaction.atomic
def control_record_protocol(
    *, control: Control, protocol_on: date, findings: str, protocol_file=None, actor
) -> Control:
    _official_or_refuse(actor, control.centre)
    row = (
        Control.objects.select_for_update()
        .select_related("contract", "contract__organisation")
        .get(pk=control.pk, centre=control.centre)
    )
    if protocol_on is None or protocol_on > warsaw_today():
        raise ApplicationError(_("Data protokołu nie może przypadać w przyszłości."), field="protocol_on")
    if protocol_on < row.planned_on:
        raise ApplicationError(
            _("Protokół sporządza się po kontroli (zaplanowanej na %(date)s).")
            % {"date": row.planned_on.strftime("%d.%m.%Y")},
            field="protocol_on",
        )
    if not (findings or "").strip():
        raise ApplicationError(_("Zapisz ustalenia kontroli."), field="findings")
    old = {"protocol_on": row.protocol_on, "findings": row.findings}
    row.protocol_on, row.findings = protocol_on, findings.strip()
    if protocol_file is not None:
        row.protocol_file = protocol_file
    full_clean_or_raise(row)
    row.save()
    audit_log(actor=actor, obj=row, action=Audit.CONTROL_PROTOCOL, old=old, new={"protocol_on": protocol_on})
    notify_organisation(
        row.contract,
        "control_protocol",
        {"control": row, "link": _link(row.centre, "grants:control", row.pk)},
    )
    return row


@transaction.atomic
def recommendation_add(*, control: Control, text: str, due_on: date, actor) -> ControlRecommendation:
    _official_or_refuse(actor, control.centre)
    if control.protocol_on is None:
        raise ApplicationError(_("Zalecenia pokontrolne dodaje się po zapisaniu protokołu."))
    if due_on is None or due_on <= warsaw_today():
        raise ApplicationError(_("Termin wykonania zalecenia musi przypadać w przyszłości."), field="due_on")
    text = (text or "").strip()
    if not text:
        raise ApplicationError(_("Napisz treść zalecenia."), field="text")
    recommendation = ControlRecommendation(centre=control.centre, control=control, text=text, due_on=due_on)
    full_clean_or_raise(recommendation)
    recommendation.save()
    audit_log(actor=actor, obj=recommendation, action=Audit.RECOMMENDATION_ADDED, new={"due_on": due_on})
    notify_organisation(
        control.contract,
        "recommendation",
        {
            "control": control,
            "recommendation": recommendation,
            "link": _link(control.centre, "grants:control", control.pk),
        },
    )
    return recommendation


@transaction.atomic
def recommendation_mark_done(
    *, recommendation: ControlRecommendation, done_on: date, note: str, actor
) -> ControlRecommendation:
    _official_or_refuse(actor, recommendation.centre)
    row = ControlRecommendation.objects.select_for_update().get(
        pk=recommendation.pk, centre=recommendation.centre
    )
    if row.done_on is not None:
        raise ApplicationError(_("Wykonanie tego zalecenia już zapisano."))
    if done_on is None or done_on > warsaw_today():
        raise ApplicationError(_("Data wykonania nie może przypadać w przyszłości."), field="done_on")
    row.done_on, row.done_note = done_on, (note or "").strip()[:500]
    full_clean_or_raise(row)
    row.save()
    audit_log(actor=actor, obj=row, action=Audit.RECOMMENDATION_DONE, new={"done_on": done_on})
    return row


# reminders --------------------------------------------------------------------------------------------------


def _remind_once(contract: Contract, key: str, event: str, context: dict) -> bool:
    """Send a reminder once per (contract, key): a second run of the job finds the row and sends nothing."""
    try:
        with transaction.atomic():
            DeadlineReminder.objects.create(centre=contract.centre, contract=contract, key=key)
            notify_organisation(contract, event, context)
    except IntegrityError:
        return False
    return True


def deadline_reminders_send(*, centre) -> int:
    """Remind the organisations of reports and returns due in the next days (setting) and of every report,
    return and recommendation past its deadline (once, the setting's days after it)."""
    today = warsaw_today()
    before = centre_setting(centre, REMINDER_DAYS_BEFORE.key)
    after = centre_setting(centre, REMINDER_DAYS_AFTER.key)
    sent = 0
    contracts = (
        Contract.objects.filter(centre=centre, status=ContractStatus.SIGNED)
        .select_related("organisation", "centre")
        .prefetch_related("reports")
    )
    for contract in contracts:
        for expected in expected_reports(contract, list(contract.reports.all())):
            if expected.report is not None and expected.report.status not in OPEN_REPORT_STATUSES:
                continue
            name = f"report-{expected.kind}-{expected.period_year or ''}-{expected.report.pk if expected.report and expected.report.demanded else ''}"
            context = {"expected": expected, "link": _link(centre, "grants:contract_reports", contract.pk)}
            if today <= expected.due_on <= today + timedelta(days=before):
                sent += _remind_once(contract, f"{name}-before", "report_reminder", context)
            elif expected.due_on + timedelta(days=after) <= today:
                sent += _remind_once(contract, f"{name}-after", "report_overdue", context)
    for grant_return in GrantReturn.objects.filter(centre=centre, paid_on__isnull=True).select_related(
        "contract", "contract__organisation", "contract__centre"
    ):
        context = {"grant_return": grant_return}
        if today <= grant_return.due_on <= today + timedelta(days=before):
            sent += _remind_once(
                grant_return.contract, f"return-{grant_return.pk}-before", "return_reminder", context
            )
        elif grant_return.due_on + timedelta(days=after) <= today:
            sent += _remind_once(
                grant_return.contract, f"return-{grant_return.pk}-after", "return_overdue", context
            )
    for recommendation in ControlRecommendation.objects.filter(
        centre=centre, done_on__isnull=True, due_on__lte=today - timedelta(days=after)
    ).select_related(
        "control", "control__contract", "control__contract__organisation", "control__contract__centre"
    ):
        contract = recommendation.control.contract
        context = {
            "recommendation": recommendation,
            "link": _link(centre, "grants:control", recommendation.control_id),
        }
        sent += _remind_once(
            contract, f"recommendation-{recommendation.pk}-after", "recommendation_overdue", context
        )
    return sent
