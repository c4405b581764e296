"""Reads of the `reports` sub-feature: the planned budget a report compares against (one selector,
`planned_lines`), the reports expected of a contract, the official's queue, the returns register, the
controls, and the dashboard cards."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, QuerySet

from centrum.core.calendar import warsaw_today
from centrum.core.selectors import get_for_centre_or_404
from centrum.organisations.sections import SupportDeadline

from .. import reporting
from ..choices import ContractKind, ContractStatus, ReportKind, ReportStatus
from ..models import (
    Contract,
    ContractCostLine,
    ContractResult,
    Control,
    ControlRecommendation,
    GrantReturn,
    Report,
)
from ..permissions import can_view_contract, can_view_report, is_grants_official

# Contracts whose reports, returns and controls are followed.
ACTIVE_CONTRACT_STATUSES = (ContractStatus.SIGNED, ContractStatus.SETTLED)
OPEN_REPORT_STATUSES = (ReportStatus.DRAFT, ReportStatus.CORRECTION)
# A partial report for a budget year is due this many days after the year ends (art. 18 ust. 4).
PARTIAL_AFTER_YEAR_DAYS = 30


@dataclass(frozen=True)
class PlannedLine:
    line: ContractCostLine
    # The grant part the tolerance applies to, or None where the budget does not split the line.
    grant_part: Decimal | None

    @property
    def value(self) -> Decimal:
        return self.line.value


def planned_lines(contract: Contract) -> list[PlannedLine]:
    """The contract's planned cost lines (copied by `contracts` from the offer or the updated budget, or by
    `small_grants` from the simplified offer): the one place reports read them."""
    lines = ContractCostLine.objects.filter(centre_id=contract.centre_id, contract=contract).order_by(
        "category", "position", "id"
    )
    return [PlannedLine(line=line, grant_part=line.grant_part) for line in lines]


def planned_results(contract: Contract) -> list[ContractResult]:
    return list(ContractResult.objects.filter(centre_id=contract.centre_id, contract=contract))


def planned_sources(contract: Contract) -> reporting.Sources:
    return reporting.Sources(
        grant=contract.grant_amount,
        own_financial=contract.own_financial,
        own_personal=contract.own_personal,
        own_material=contract.own_material,
        recipient_fees=contract.recipient_fees,
    )


def is_simplified(contract: Contract) -> bool:
    """A small grant reports on the simplified form (Dz.U. 2018 poz. 2055)."""
    return contract.kind == ContractKind.SMALL_GRANT


def report_check(report: Report, *, lines=None, results=None, sources=None) -> reporting.ReportCheck:
    """The report's checks from its stored figures, or from what the form holds now (`lines`: planned
    line id → (value, grant); `results`: result id → achieved; `sources`: Sources without the grant)."""
    contract = report.contract
    if lines is None:
        lines = {r.planned_id: (r.actual_value, r.actual_grant) for r in report.lines.all()}
    if results is None:
        results = {r.result_id: r.achieved_value for r in report.results.all()}
    rows = []
    for planned in planned_lines(contract):
        value, grant = lines.get(planned.line.pk, (Decimal("0"), Decimal("0")))
        rows.append((planned.line, planned.value, planned.grant_part, value, grant))
    checked = reporting.check_lines(rows, contract.line_tolerance_percent)
    grant_spent = reporting.money(sum((line.actual_grant for line in checked), Decimal("0")))
    own = sources or reporting.Sources(
        own_financial=report.own_financial,
        own_personal=report.own_personal,
        own_material=report.own_material,
        recipient_fees=report.recipient_fees,
    )
    actual = reporting.Sources(
        grant=grant_spent,
        own_financial=own.own_financial,
        own_personal=own.own_personal,
        own_material=own.own_material,
        recipient_fees=own.recipient_fees,
    )
    result_checks = [
        reporting.ResultCheck(
            key=result, target=result.target_value, achieved=results.get(result.pk, Decimal("0"))
        )
        for result in planned_results(contract)
    ]
    return reporting.ReportCheck(
        lines=checked,
        results=result_checks,
        planned=planned_sources(contract),
        actual=actual,
        grant_amount=contract.grant_amount,
        planned_share=contract.grant_share_percent,
        share_tolerance_points=contract.share_tolerance_points,
    )


@dataclass(frozen=True)
class ExpectedReport:
    kind: str
    period_year: int | None
    due_on: date
    report: Report | None

    @property
    def overdue(self) -> bool:
        return self.due_on < warsaw_today() and (
            self.report is None or self.report.status in OPEN_REPORT_STATUSES
        )

    @property
    def label(self):
        return ReportKind(self.kind).label


def partial_years(contract: Contract) -> list[int]:
    """The budget years of a multi-year contract that end before the task does (each has a partial report)."""
    return list(range(contract.start_date.year, contract.end_date.year))


def expected_reports(contract: Contract, reports: list[Report]) -> list[ExpectedReport]:
    """What the organisation owes: a partial report per budget year of a multi-year task, the partial
    reports the official demanded, and the final report (due on the contract's date)."""
    expected = []
    by_year = {r.period_year: r for r in reports if r.kind == ReportKind.PARTIAL and not r.demanded}
    for year in partial_years(contract):
        due = date(year, 12, 31) + timedelta(days=PARTIAL_AFTER_YEAR_DAYS)
        expected.append(ExpectedReport(ReportKind.PARTIAL, year, due, by_year.get(year)))
    for report in reports:
        if report.kind == ReportKind.PARTIAL and report.demanded:
            expected.append(ExpectedReport(ReportKind.PARTIAL, report.period_year, report.due_on, report))
    final = next((r for r in reports if r.kind == ReportKind.FINAL), None)
    expected.append(ExpectedReport(ReportKind.FINAL, None, contract.final_report_due_on, final))
    return expected


def contract_get_visible(*, centre, pk, user) -> Contract:
    return get_for_centre_or_404(
        Contract.objects.select_related("organisation"),
        centre=centre,
        pk=pk,
        visible=lambda c: can_view_contract(user, c),
    )


def contract_get_for_official(*, centre, pk, user) -> Contract:
    return get_for_centre_or_404(
        Contract.objects.select_related("organisation"),
        centre=centre,
        pk=pk,
        visible=lambda c: is_grants_official(user, centre),
    )


def report_get_visible(*, centre, pk, user) -> Report:
    return get_for_centre_or_404(
        Report.objects.select_related("contract", "contract__organisation"),
        centre=centre,
        pk=pk,
        visible=lambda r: can_view_report(user, r),
    )


def report_with_rows(report: Report) -> Report:
    """The report with its lines and results loaded once (the page and the PDF read them)."""
    from django.db.models import prefetch_related_objects

    prefetch_related_objects([report], "lines__planned", "results__result")
    return report


def contract_panel(contract: Contract) -> dict:
    """What the contract page's panel shows: the reports owed and filed, the returns, the controls."""
    reports = list(Report.objects.filter(centre_id=contract.centre_id, contract=contract))
    returns = list(
        GrantReturn.objects.filter(centre_id=contract.centre_id, contract=contract).select_related(
            "contract", "contract__organisation"
        )
    )
    controls = list(
        Control.objects.filter(centre_id=contract.centre_id, contract=contract).prefetch_related(
            "recommendations"
        )
    )
    return {
        "expected": expected_reports(contract, reports),
        "returns": returns,
        "controls": controls,
    }


def _signed_contracts(centre):
    return Contract.objects.filter(centre=centre, status=ContractStatus.SIGNED).select_related("organisation")


def report_queue(*, centre) -> dict:
    """The official's queue: reports submitted to check, and the reports owed (due or overdue)."""
    submitted = list(
        Report.objects.filter(centre=centre, status=ReportStatus.SUBMITTED)
        .select_related("contract", "contract__organisation")
        .order_by("submitted_at", "id")
    )
    contracts = list(
        _signed_contracts(centre).prefetch_related("reports").order_by("final_report_due_on", "id")
    )
    owed = []
    for contract in contracts:
        for expected in expected_reports(contract, list(contract.reports.all())):
            if expected.report is None or expected.report.status in OPEN_REPORT_STATUSES:
                owed.append((contract, expected))
    owed.sort(key=lambda pair: (pair[1].due_on, pair[0].pk))
    return {"submitted": submitted, "owed": owed, "overdue": [p for p in owed if p[1].overdue]}


def returns_register(*, centre, state: str = "") -> QuerySet[GrantReturn]:
    rows = GrantReturn.objects.filter(centre=centre).select_related("contract", "contract__organisation")
    today = warsaw_today()
    if state == "nieoplacone":
        rows = rows.filter(paid_on__isnull=True)
    elif state == "po-terminie":
        rows = rows.filter(paid_on__isnull=True, due_on__lt=today)
    elif state == "oplacone":
        rows = rows.filter(paid_on__isnull=False)
    return rows.order_by("due_on", "id")


def return_get_for_official(*, centre, pk, user) -> GrantReturn:
    return get_for_centre_or_404(
        GrantReturn.objects.select_related("contract", "contract__organisation"),
        centre=centre,
        pk=pk,
        visible=lambda r: is_grants_official(user, centre),
    )


def returns_export_rows(*, centre):
    from django.utils.translation import gettext as _

    header = [
        _("Numer umowy"),
        _("Organizacja"),
        _("Zadanie"),
        _("Niewykorzystana dotacja"),
        _("Wykorzystana niezgodnie z umową"),
        _("Kwota dodana przez urząd"),
        _("Kwota do zwrotu"),
        _("Termin zwrotu"),
        _("Data wpłaty"),
        _("Wpłacono"),
        _("Odsetki"),
        _("Po terminie"),
        _("Uzasadnienie kwoty dodanej"),
    ]
    today = warsaw_today()
    rows = (
        [
            r.contract.number,
            r.contract.organisation.name,
            r.contract.title,
            r.unspent,
            r.over_tolerance,
            r.extra_amount,
            r.amount,
            r.due_on,
            r.paid_on,
            r.amount_paid,
            r.interest,
            _("tak") if return_overdue(r, today) else _("nie"),
            r.extra_reason,
        ]
        for r in returns_register(centre=centre)
    )
    return header, rows


def return_overdue(grant_return: GrantReturn, today: date | None = None) -> bool:
    today = today or warsaw_today()
    if grant_return.paid_on is not None:
        return grant_return.paid_on > grant_return.due_on
    return grant_return.due_on < today


def controls_list(*, centre) -> QuerySet[Control]:
    return (
        Control.objects.filter(centre=centre)
        .select_related("contract", "contract__organisation")
        .annotate(open_count=Count("recommendations", filter=Q(recommendations__done_on__isnull=True)))
        .order_by("-planned_on", "-id")
    )


def control_get_visible(*, centre, pk, user) -> Control:
    return get_for_centre_or_404(
        Control.objects.select_related("contract", "contract__organisation").prefetch_related(
            Prefetch("recommendations", queryset=ControlRecommendation.objects.order_by("due_on", "id"))
        ),
        centre=centre,
        pk=pk,
        visible=lambda c: can_view_contract(user, c.contract),
    )


def recommendation_get_for_official(*, centre, pk, user) -> ControlRecommendation:
    return get_for_centre_or_404(
        ControlRecommendation.objects.select_related("control", "control__contract"),
        centre=centre,
        pk=pk,
        visible=lambda r: is_grants_official(user, centre),
    )


def organisation_card(*, centre, user) -> dict:
    """The organisation's members' dashboard card: their contracts, the reports owed, the returns due and
    the open recommendations."""
    if not getattr(user, "is_authenticated", False):
        return {"contracts": []}
    contracts = list(
        Contract.objects.filter(
            centre=centre, organisation__memberships__user=user, status__in=ACTIVE_CONTRACT_STATUSES
        )
        .select_related("organisation")
        .prefetch_related("reports")
        .distinct()
        .order_by("end_date", "id")
    )
    owed = []
    for contract in contracts:
        if contract.status != ContractStatus.SIGNED:
            continue
        for expected in expected_reports(contract, list(contract.reports.all())):
            if expected.report is None or expected.report.status in OPEN_REPORT_STATUSES:
                owed.append((contract, expected))
    owed.sort(key=lambda pair: pair[1].due_on)
    ids = [c.pk for c in contracts]
    returns = list(
        GrantReturn.objects.filter(centre=centre, contract_id__in=ids, paid_on__isnull=True)
        .select_related("contract")
        .order_by("due_on")
    )
    recommendations = list(
        ControlRecommendation.objects.filter(
            centre=centre, control__contract_id__in=ids, done_on__isnull=True
        )
        .select_related("control", "control__contract")
        .order_by("due_on")
    )
    return {
        "contracts": contracts,
        "owed": owed,
        "returns": returns,
        "recommendations": recommendations,
        "today": warsaw_today(),
    }


def has_contracts(*, centre, user) -> bool:
    return Contract.objects.filter(
        centre=centre, organisation__memberships__user=user, status__in=ACTIVE_CONTRACT_STATUSES
    ).exists()


def official_card(*, centre) -> dict:
    today = warsaw_today()
    queue = report_queue(centre=centre)
    return {
        "submitted": len(queue["submitted"]),
        "overdue_reports": len(queue["overdue"]),
        "returns_due": GrantReturn.objects.filter(centre=centre, paid_on__isnull=True).count(),
        "returns_overdue": GrantReturn.objects.filter(
            centre=centre, paid_on__isnull=True, due_on__lt=today
        ).count(),
        "recommendations_overdue": ControlRecommendation.objects.filter(
            centre=centre, done_on__isnull=True, due_on__lt=today
        ).count(),
    }


def reports_export_rows(*, centre):
    from django.utils.translation import gettext as _

    header = [
        _("Numer umowy"),
        _("Organizacja"),
        _("Rodzaj"),
        _("Rok"),
        _("Termin"),
        _("Status"),
        _("Złożono"),
    ]
    rows = (
        [
            r.contract.number,
            r.contract.organisation.name,
            r.get_kind_display(),
            r.period_year,
            r.due_on,
            r.get_status_display(),
            r.submitted_at,
        ]
        for r in Report.objects.filter(centre=centre)
        .select_related("contract", "contract__organisation")
        .order_by("due_on", "id")
    )
    return header, rows


# support sources: what the grants reached and what organisations owe soon (the caretaker's page) --------


def grants_reach(centre, start, end):
    """Organisations whose contract was concluded in [start, end]: support given through the grants (no
    person is counted: a contract binds the organisation)."""
    rows = (
        Contract.objects.filter(centre=centre, concluded_on__gte=start, concluded_on__lte=end)
        .exclude(status=ContractStatus.DRAFT)
        .values_list("organisation_id", flat=True)
        .distinct()
    )
    return [("", organisation_id) for organisation_id in rows]


def grants_deadlines(centre, organisation_ids, start, end):
    """Reports to file (or to correct), returns to pay and control recommendations to carry out, due in
    [start, end], of the given organisations. No link: the caretaker (centre staff) is not a party to the
    contract; the organisation's own people find them under "Moje umowy"."""
    from django.utils.translation import gettext as _

    found = []
    reports = Report.objects.filter(
        centre=centre, contract__organisation_id__in=organisation_ids
    ).values_list(
        "contract__organisation_id", "contract__number", "kind", "status", "due_on", "correction_due_on"
    )
    labels = dict(ReportKind.choices)
    for organisation_id, number, kind, status, due_on, correction_due_on in reports:
        if status == ReportStatus.DRAFT:
            day, text = due_on, _("Sprawozdanie (%(kind)s) z umowy %(number)s")
        elif status == ReportStatus.CORRECTION and correction_due_on:
            day, text = correction_due_on, _("Poprawa sprawozdania (%(kind)s) z umowy %(number)s")
        else:
            continue
        if start <= day <= end:
            found.append(
                SupportDeadline(
                    organisation_id=organisation_id,
                    due_on=day,
                    label=text % {"kind": labels.get(kind, kind), "number": number},
                )
            )
    returns = GrantReturn.objects.filter(
        centre=centre,
        contract__organisation_id__in=organisation_ids,
        paid_on__isnull=True,
        due_on__gte=start,
        due_on__lte=end,
    ).values_list("contract__organisation_id", "contract__number", "due_on")
    found += [
        SupportDeadline(
            organisation_id=organisation_id,
            due_on=due_on,
            label=_("Zwrot dotacji z umowy %(number)s") % {"number": number},
        )
        for organisation_id, number, due_on in returns
    ]
    recommendations = ControlRecommendation.objects.filter(
        centre=centre,
        control__contract__organisation_id__in=organisation_ids,
        done_on__isnull=True,
        due_on__gte=start,
        due_on__lte=end,
    ).values_list("control__contract__organisation_id", "control__contract__number", "due_on")
    found += [
        SupportDeadline(
            organisation_id=organisation_id,
            due_on=due_on,
            label=_("Zalecenie pokontrolne do umowy %(number)s") % {"number": number},
        )
        for organisation_id, number, due_on in recommendations
    ]
    return found
