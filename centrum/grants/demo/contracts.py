"""Demo contracts in every centre: the selected offers of the decided competitions continue. Offers awarded
less than they asked for get an updated budget (accepted, or one waiting for the official); the contracts
are drafted by the demo official through the service; most are signed, the first with an annex.
Częstochowa (two decided competitions) gets the most."""

import random
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from centrum.accounts.demo import demo_email
from centrum.core.calendar import warsaw_today

from .. import budget as B
from ..choices import BudgetUpdateStatus, CompetitionStatus, ContractStatus, OfferStatus, PaperSigning
from ..models import BudgetUpdate, BudgetUpdateAction, BudgetUpdateLine, Competition, Contract, Offer

REPRESENTATIVES = [
    [{"name": "Anna Nowak", "function": "Prezes Zarządu"}],
    [
        {"name": "Piotr Wiśniewski", "function": "Członek Zarządu"},
        {"name": "Ewa Zając", "function": "Członek Zarządu"},
    ],
]


def _lines(offer: Offer) -> tuple[list[tuple], Decimal]:
    """Cost lines of an updated budget that balance the awarded grant and the offer's own contribution:
    about 70 % and 22 % on actions, the rest (about 8 %) administrative."""
    total = offer.awarded_grant + offer.own_financial
    hours = B.line_value(B.money(total * Decimal("0.007")), Decimal("100"))
    materials = B.money(total * Decimal("0.22"))
    return [
        ("actions", 1, "Wynagrodzenia prowadzących zajęcia", "godzina", hours / 100, Decimal("100")),
        ("actions", 1, "Materiały i wyposażenie zajęć", "komplet", materials, Decimal("1")),
        (
            "administrative",
            None,
            "Koordynacja i obsługa księgowa",
            "ryczałt",
            total - hours - materials,
            Decimal("1"),
        ),
    ], total


def _update(offer: Offer, official, status: str) -> BudgetUpdate:
    lines, total = _lines(offer)
    start = offer.start_date or offer.competition.task_start
    end = offer.end_date or min(offer.competition.task_end, start + timedelta(days=90))
    now = timezone.now()
    accepted = status == BudgetUpdateStatus.ACCEPTED
    update = BudgetUpdate.objects.create(
        centre=offer.centre,
        offer=offer,
        status=status,
        start_date=start,
        end_date=end,
        grant=offer.awarded_grant,
        own_financial=offer.own_financial,
        total_cost=total,
        submitted_at=now - timedelta(days=3),
        decided_at=now - timedelta(days=1) if accepted else None,
        decided_by=official if accepted else None,
        status_changed_at=now,
    )
    BudgetUpdateAction.objects.create(
        centre=offer.centre,
        update=update,
        position=1,
        name="Zajęcia dla uczestników",
        planned_term="cały okres",
    )
    BudgetUpdateLine.objects.bulk_create(
        [
            BudgetUpdateLine(
                centre=offer.centre,
                update=update,
                category=category,
                action_position=action,
                position=index,
                kind=kind,
                unit=unit,
                unit_cost=unit_cost,
                units=units,
                value=B.line_value(unit_cost, units),
            )
            for index, (category, action, kind, unit, unit_cost, units) in enumerate(lines, start=1)
        ]
    )
    return update


def _sign(contract: Contract, official, index: int) -> None:
    """Recorded as signed on paper (the demo skips the e-mail and its PDF)."""
    Contract.objects.filter(pk=contract.pk).update(
        status=ContractStatus.SIGNED,
        signing=PaperSigning.PAPER,
        representatives=REPRESENTATIVES[index % len(REPRESENTATIVES)],
        organ_representative="Zastępca Prezydenta Miasta",
        concluded_on=min(warsaw_today(), contract.start_date - timedelta(days=3)),
        signed_at=timezone.now(),
        signed_by=official,
        status_changed_at=timezone.now(),
    )


def seed(*, centre, rng: random.Random) -> str | None:
    from django.contrib.auth import get_user_model

    from ..services.contracts import annex_create, annex_sign, contract_create_from_offer

    if Contract.objects.filter(centre=centre).exists():
        return None
    official = get_user_model().objects.filter(email=demo_email("urzednik", centre.slug)).first()
    if official is None:
        return "no official account"
    competitions = Competition.objects.filter(centre=centre, status=CompetitionStatus.DECIDED).order_by(
        "-selection_date"
    )
    made = signed = 0
    for c_index, competition in enumerate(competitions):
        offers = list(
            Offer.objects.filter(competition=competition, status=OfferStatus.SELECTED)
            .select_related("organisation", "competition")
            .order_by("number", "id")
        )
        for index, offer in enumerate(offers):
            if not offer.organisation.bank_account:
                offer.organisation.bank_account = "PL61109010140000071219812874"
                offer.organisation.save(update_fields=["bank_account"])
            waiting = c_index == 0 and index == 2
            _update(offer, official, BudgetUpdateStatus.SUBMITTED if waiting else BudgetUpdateStatus.ACCEPTED)
            if waiting:
                continue
            contract = contract_create_from_offer(
                offer=offer,
                actor=official,
                values={"organ_representative": "Zastępca Prezydenta Miasta"},
            )
            made += 1
            if c_index == 0 and index == 1:
                continue  # a draft for the official to sign
            _sign(contract, official, index)
            signed += 1
            if index == 0 and c_index == 0:
                contract.refresh_from_db()
                annex = annex_create(
                    contract=contract,
                    actor=official,
                    values={
                        "description": "Przedłużenie terminu realizacji zadania i wykorzystania dotacji o dwa tygodnie na wniosek Zleceniobiorcy.",
                        "end_date": contract.end_date + timedelta(days=14),
                        "spending_deadline": contract.spending_deadline + timedelta(days=14),
                    },
                )
                annex_sign(
                    annex=annex,
                    actor=official,
                    representatives=REPRESENTATIVES[0],
                    signing=PaperSigning.PAPER,
                )
    return f"contracts: {made} ({signed} signed)"
