"""Demo reports, returns and controls in every centre. When no contract exists yet (the contracts seeder
made none), this seeder makes its own signed contracts: from the selected offers of the decided
competition, and one small-grant contract of the demo members' organisation (so its members see the
dashboard card). Then: a final report accepted with a return (paid in Częstochowa), a final report
submitted to check (a small overspend within the tolerance), a partial report sent back for corrections,
a partial report demanded by the official, and a control with its protocol and recommendations."""

import random
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from centrum.accounts.demo import demo_email
from centrum.accounts.models import User
from centrum.core.calendar import warsaw_today
from centrum.organisations.demo import organisations_for_demo_members

from ..choices import ContractKind, ContractStatus, CostCategory, OfferStatus, ReportKind, ReportStatus
from ..models import (
    Contract,
    ContractCostLine,
    ContractResult,
    Control,
    ControlRecommendation,
    GrantReturn,
    Offer,
    Report,
    ReportCostLine,
    ReportResult,
)
from ..reporting import money

LINES = [
    (CostCategory.ACTIONS, "Wynagrodzenie prowadzących zajęcia", "godzina", Decimal("0.45")),
    (CostCategory.ACTIONS, "Materiały i pomoce dydaktyczne", "komplet", Decimal("0.25")),
    (CostCategory.ACTIONS, "Wynajem sali", "dzień", Decimal("0.15")),
    (CostCategory.ADMINISTRATIVE, "Koordynacja i księgowość zadania", "miesiąc", Decimal("0.15")),
]
RESULTS = [("Liczba uczestników zajęć", Decimal("60")), ("Liczba przeprowadzonych spotkań", Decimal("24"))]


def _contract(centre, *, organisation, title, offer, kind, grant, start, end, number) -> Contract:
    own = money(grant * Decimal("0.15"))
    contract = Contract.objects.create(
        centre=centre,
        kind=kind,
        offer=offer,
        organisation=organisation,
        number=number,
        title=title[:300],
        concluded_on=start - timedelta(days=7),
        start_date=start,
        end_date=end,
        grant_amount=grant,
        own_financial=own,
        total_cost=grant + own,
        grant_share_percent=money(grant / (grant + own) * 100),
        line_tolerance_percent=Decimal("20.00"),
        spending_deadline=end,
        bank_account="PL61109010140000071219812874",
        final_report_due_on=end + timedelta(days=30),
        status=ContractStatus.SIGNED,
        signed_at=timezone.now() - timedelta(days=(warsaw_today() - start).days + 7),
    )
    total = grant + own
    for position, (category, kind_name, unit, part) in enumerate(LINES, start=1):
        value = money(total * part)
        ContractCostLine.objects.create(
            centre=centre,
            contract=contract,
            category=category,
            position=position,
            kind=kind_name,
            unit=unit,
            unit_cost=value,
            units=Decimal("1"),
            value=value,
            grant_part=money(grant * part),
        )
    for position, (name, target) in enumerate(RESULTS, start=1):
        ContractResult.objects.create(
            centre=centre,
            contract=contract,
            position=position,
            name=name,
            target_value=target,
            monitoring="Listy obecności",
        )
    return contract


def _contracts(centre, rng: random.Random) -> list[Contract]:
    today = warsaw_today()
    offers = list(
        Offer.objects.filter(centre=centre, status=OfferStatus.SELECTED, contract__isnull=True)
        .select_related("organisation", "competition")
        .order_by("id")[:3]
    )
    spans = [(-240, -60), (-200, -20), (-200, 200)]
    made = []
    for index, (offer, (start, end)) in enumerate(zip(offers, spans, strict=False), start=1):
        grant = money(offer.awarded_grant or offer.requested_grant or Decimal("10000"))
        made.append(
            _contract(
                centre,
                organisation=offer.organisation,
                title=offer.title,
                offer=offer,
                kind=ContractKind.COMPETITION,
                grant=grant,
                start=today + timedelta(days=start),
                end=today + timedelta(days=end),
                number=f"UM/{today.year}/R{index:03d}",
            )
        )
    members_org = organisations_for_demo_members(centre)
    if members_org:
        made.append(
            _contract(
                centre,
                organisation=members_org[0],
                title="Mały grant: piknik sąsiedzki z warsztatami rękodzieła",
                offer=None,
                kind=ContractKind.SMALL_GRANT,
                grant=Decimal("8500.00"),
                start=today - timedelta(days=40),
                end=today + timedelta(days=40),
                number=f"UM/{today.year}/19a/R001",
            )
        )
    return made


def _report(
    contract, *, kind, status, spend: Decimal, due_on, period_year=None, demanded=False, **fields
) -> Report:
    now = timezone.now()
    report = Report.objects.create(
        centre=contract.centre,
        contract=contract,
        kind=kind,
        period_year=period_year,
        demanded=demanded,
        due_on=due_on,
        status=status,
        status_changed_at=now,
        actions_done="Przeprowadzono zaplanowane zajęcia w świetlicy i w terenie; listy obecności w dokumentacji.",
        results_description="Uczestnicy ukończyli cykl zajęć; część z nich prowadzi dalej grupę samopomocową.",
        own_financial=contract.own_financial,
        declarations=status != ReportStatus.DRAFT,
        submitted_at=now - timedelta(days=3) if status != ReportStatus.DRAFT else None,
        **fields,
    )
    lines = list(contract.cost_lines.all())
    for line in lines:
        grant = money(line.grant_part * spend)
        ReportCostLine.objects.create(
            centre=contract.centre,
            report=report,
            planned=line,
            actual_value=grant + (line.value - line.grant_part),
            actual_grant=grant,
        )
    for result in contract.results.all():
        ReportResult.objects.create(
            centre=contract.centre,
            report=report,
            result=result,
            achieved_value=result.target_value - (2 if result.position == 1 else 0),
            comment="Dwie osoby zrezygnowały z powodu choroby." if result.position == 1 else "",
        )
    return report


def seed(*, centre, rng: random.Random) -> str | None:
    if Report.objects.filter(centre=centre).exists():
        return None
    contracts = list(
        Contract.objects.filter(centre=centre, status=ContractStatus.SIGNED).order_by("end_date", "id")
    )
    own = ""
    today = warsaw_today()
    if sum(c.end_date < today for c in contracts) < 2:
        # The contracts seeder's contracts run into next year (the demo competitions are this year's
        # calls): settled work needs contracts that ended, so this seeder adds its own past ones.
        made_here = _contracts(centre, rng)
        contracts = sorted([*contracts, *made_here], key=lambda c: (c.end_date, c.pk))
        own = f" (own contracts: {len(made_here)})"
    if not contracts:
        return None
    official = User.objects.filter(email=demo_email("urzednik", centre.slug)).first()
    ended = [c for c in contracts if c.end_date < today]
    ongoing = [c for c in contracts if c.end_date >= today]
    made = 0
    if ended:
        # Accepted: 95 % of the grant spent, so 5 % unspent is returned.
        first = ended[0]
        accepted = _report(
            first,
            kind=ReportKind.FINAL,
            status=ReportStatus.ACCEPTED,
            spend=Decimal("0.95"),
            due_on=first.final_report_due_on,
            accepted_at=timezone.now() - timedelta(days=2),
            accepted_by=official,
        )
        amount = money(first.grant_amount - sum(line.actual_grant for line in accepted.lines.all()))
        paid = centre.slug == "czestochowa"
        GrantReturn.objects.create(
            centre=centre,
            contract=first,
            report=accepted,
            unspent=amount,
            amount=amount,
            due_on=today + timedelta(days=13) if not paid else today - timedelta(days=1),
            paid_on=today if paid else None,
            amount_paid=amount if paid else None,
            interest=Decimal("0.00"),
        )
        made += 1
    if len(ended) > 1:
        # Submitted: the first line 10 % over its plan (within the 20 % tolerance), the rest as planned.
        second = ended[1]
        report = _report(
            second,
            kind=ReportKind.FINAL,
            status=ReportStatus.SUBMITTED,
            spend=Decimal("1"),
            due_on=second.final_report_due_on,
        )
        line = report.lines.order_by("id").first()
        shift = money(line.actual_grant * Decimal("0.10"))
        line.actual_grant += shift
        line.actual_value += shift
        line.save(update_fields=["actual_grant", "actual_value"])
        other = report.lines.order_by("-id").first()
        other.actual_grant -= shift
        other.actual_value -= shift
        other.save(update_fields=["actual_grant", "actual_value"])
        made += 1
    for contract in ongoing:
        if contract.start_date.year < contract.end_date.year or contract.start_date.year < today.year:
            year = contract.start_date.year
            _report(
                contract,
                kind=ReportKind.PARTIAL,
                status=ReportStatus.CORRECTION,
                spend=Decimal("0.40"),
                due_on=today - timedelta(days=5),
                period_year=year,
                status_reason="Uzupełnij opis działań o liczbę spotkań w każdym miesiącu i popraw kwotę wkładu własnego.",
                correction_due_on=today + timedelta(days=10),
            )
            made += 1
        else:
            _report(
                contract,
                kind=ReportKind.PARTIAL,
                status=ReportStatus.DRAFT,
                spend=Decimal("0.30"),
                due_on=today + timedelta(days=35),
                period_year=today.year,
                demanded=True,
                demanded_reason="Sprawozdanie z pierwszych 40 dni realizacji zadania (przed wypłatą kolejnej transzy).",
            )
            made += 1
    if ongoing:
        contract = ongoing[0]
        control = Control.objects.create(
            centre=centre,
            contract=contract,
            phase="during",
            scope="Stopień realizacji zadania, prawidłowość wydatkowania dotacji, dokumentacja finansowa i listy obecności.",
            planned_on=max(contract.start_date, today - timedelta(days=21)),
            controllers="Beata Kaczmarek, inspektor; Adam Nowicki, główny specjalista",
            protocol_on=max(contract.start_date, today - timedelta(days=20)),
            findings="Zadanie realizowane zgodnie z harmonogramem. Brak opisu dwóch faktur zgodnie z umową.",
            created_by=official,
        )
        ControlRecommendation.objects.create(
            centre=centre,
            control=control,
            text="Opisać faktury nr 12/2026 i 15/2026 zgodnie z § 9 umowy.",
            due_on=today - timedelta(days=3),
        )
        ControlRecommendation.objects.create(
            centre=centre,
            control=control,
            text="Uzupełnić listy obecności o podpisy prowadzących.",
            due_on=today + timedelta(days=14),
        )
        ControlRecommendation.objects.create(
            centre=centre,
            control=control,
            text="Przekazać kopię umowy z wykonawcą warsztatów.",
            due_on=today - timedelta(days=10),
            done_on=today - timedelta(days=12),
            done_note="Kopię przekazano osobiście.",
        )
    return f"reports: {made}{own}"
