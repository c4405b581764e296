"""Annexes (aneks) to a signed contract: what they change, checked against the contract; signing applies
them to the contract's row and keeps the replaced values (the history)."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log
from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError, full_clean_or_raise
from centrum.core.workflow import workflow_apply

from ... import budget as B
from ...audit_labels import AnnexAudit, ContractAudit
from ...choices import (
    AnnexStatus,
    ContractStatus,
)
from ...models import (
    Contract,
    ContractAnnex,
    ContractCostLine,
)
from ...permissions import can_manage_contract
from ...rules import check_contract_variables
from ...signing import checksum_of, plain
from .budget_update import SOURCE_FIELDS
from .contract import clean_representatives, record_signing, report_dates

# What an annex may change on the contract's row (cost lines apart: `changes["lines"]`).
ANNEX_FIELDS = ("grant_amount", "start_date", "end_date", "spending_deadline", "bank_account")


# ------------------------------------------------------------------------------------------ annexes


def _annex_changes(contract: Contract, values: dict) -> dict:
    """The changes an annex makes, checked against the contract as it is now; only what differs is kept."""
    changes: dict = {}
    current = {name: getattr(contract, name) for name in ANNEX_FIELDS}
    proposed = {name: values.get(name) for name in ANNEX_FIELDS}
    proposed = {k: (v if v not in ("", None) else current[k]) for k, v in proposed.items()}
    lines = {int(pk): amount for pk, amount in (values.get("lines") or {}).items() if amount is not None}
    known = {ln.pk: ln for ln in contract.cost_lines.all()}
    for pk, amount in lines.items():
        if pk not in known:
            raise ApplicationError(_("Nie ma takiej pozycji kosztorysu tej umowy."), field="lines")
        if amount < 0:
            raise ApplicationError(_("Kwota nie może być ujemna."), field=f"line_{pk}")
        if amount > B.MAX_AMOUNT:
            raise ApplicationError(_("Kwota jest zbyt duża."), field=f"line_{pk}")
    total = sum((lines.get(pk, ln.value) for pk, ln in known.items()), B.ZERO)
    own = sum((getattr(contract, n) for n in SOURCE_FIELDS), B.ZERO)
    grant = proposed["grant_amount"]
    if grant is not None and grant > B.MAX_AMOUNT:
        raise ApplicationError(_("Kwota jest zbyt duża."), field="grant_amount")
    iban = check_contract_variables(
        grant_amount=grant,
        total_cost=None,
        start_date=proposed["start_date"],
        end_date=proposed["end_date"],
        spending_deadline=proposed["spending_deadline"],
        bank_account=proposed["bank_account"] or "",
        line_tolerance_percent=None,
    )
    if proposed["spending_deadline"] < proposed["end_date"]:
        raise ApplicationError(
            _("Termin wykorzystania dotacji nie może przypadać przed zakończeniem zadania."),
            field="spending_deadline",
        )
    if known and grant + own != total:
        raise ApplicationError(
            _(
                "Po zmianie dotacja (%(grant)s zł) i wkład własny ze świadczeniami (%(own)s zł) dają "
                "%(sum)s zł, a kosztorys %(total)s zł: zmień też pozycje kosztorysu, aby się bilansowały."
            )
            % {"grant": grant, "own": own, "sum": grant + own, "total": total},
            field="grant_amount",
        )
    proposed["bank_account"] = iban
    for name in ANNEX_FIELDS:
        if proposed[name] != current[name]:
            changes[name] = plain(proposed[name])
    line_changes = {str(pk): plain(amount) for pk, amount in lines.items() if amount != known[pk].value}
    if line_changes:
        changes["lines"] = line_changes
    if not changes:
        raise ApplicationError(_("Aneks niczego nie zmienia: podaj nowe wartości."), field="description")
    return changes


def annex_mismatch(checksum: str) -> str:
    return _(
        "Podpisany dokument nie zawiera sumy kontrolnej tego aneksu (%(checksum)s): podpisz plik PDF tego "
        "aneksu."
    ) % {"checksum": checksum}


def canonical_annex(annex: ContractAnnex) -> dict:
    return {
        "form": "aneks do umowy (Dz.U. 2018 poz. 2057 zał. 3)",
        "contract": {"id": annex.contract_id, "number": annex.contract.number},
        "annex": {"number": annex.number, "concluded_on": plain(annex.concluded_on)},
        "description": annex.description,
        "changes": annex.changes,
    }


@transaction.atomic
def annex_create(*, contract: Contract, actor, values: dict) -> ContractAnnex:
    """The official drafts an annex to a signed contract: its number follows the contract's last one."""
    locked = Contract.objects.select_for_update(of=("self",)).get(
        pk=contract.pk, centre_id=contract.centre_id
    )
    if not can_manage_contract(actor, locked):
        raise ApplicationError(_("Aneks przygotowuje urzędnik."))
    if locked.status != ContractStatus.SIGNED:
        raise ApplicationError(_("Aneks zawiera się tylko do umowy zawartej i w realizacji."))
    if locked.annexes.filter(status=AnnexStatus.DRAFT).exists():
        raise ApplicationError(_("Ta umowa ma już projekt aneksu: najpierw go podpisz."))
    description = (values.get("description") or "").strip()
    if not description:
        raise ApplicationError(_("Opisz, czego dotyczy zmiana."), field="description")
    concluded_on = values.get("concluded_on") or warsaw_today()
    if locked.concluded_on and concluded_on < locked.concluded_on:
        raise ApplicationError(_("Aneks nie może być wcześniejszy niż umowa."), field="concluded_on")
    changes = _annex_changes(locked, values)
    number = (locked.annexes.aggregate(n=Max("number"))["n"] or 0) + 1
    annex = ContractAnnex(
        centre=locked.centre,
        contract=locked,
        number=number,
        concluded_on=concluded_on,
        description=description[:4000],
        changes=changes,
        created_by=actor,
    )
    annex.checksum = checksum_of(canonical_annex(annex))
    full_clean_or_raise(annex)
    annex.save()
    audit_log(actor=actor, obj=annex, action=AnnexAudit.CREATED, new={"number": number, **changes})
    return annex


def annex_sign_guard(step) -> None:
    """Signing applies the annex to the contract (locked meanwhile) and keeps the replaced values."""
    from datetime import date as _date

    annex = step.obj
    contract = Contract.objects.select_for_update(of=("self",)).get(
        pk=annex.contract_id, centre_id=annex.centre_id
    )
    if contract.status != ContractStatus.SIGNED:
        raise ApplicationError(_("Aneks zawiera się tylko do umowy zawartej i w realizacji."))
    record_signing(step, name=f"aneks-{annex.pk}", mismatch=annex_mismatch)
    previous: dict = {}
    changes = annex.changes or {}
    for name in ANNEX_FIELDS:
        if name in changes:
            previous[name] = plain(getattr(contract, name))
            raw = changes[name]
            if name == "grant_amount":
                value = Decimal(raw)
            elif name == "bank_account":
                value = raw
            else:
                value = _date.fromisoformat(raw)
            setattr(contract, name, value)
    if changes.get("lines"):
        previous["lines"] = {}
        for line in contract.cost_lines.filter(pk__in=[int(pk) for pk in changes["lines"]]):
            previous["lines"][str(line.pk)] = plain(line.value)
            _change_line(line, Decimal(changes["lines"][str(line.pk)]))
    if "lines" in changes or "grant_amount" in changes:
        own = sum((getattr(contract, n) for n in SOURCE_FIELDS), B.ZERO)
        contract.total_cost = contract.grant_amount + own
        contract.grant_share_percent = B.percent_of(contract.grant_amount, contract.total_cost)
    if "start_date" in changes or "end_date" in changes:
        final, partial = report_dates(
            centre=contract.centre, start=contract.start_date, end=contract.end_date
        )
        previous["final_report_due_on"] = plain(contract.final_report_due_on)
        contract.final_report_due_on = final
        contract.partial_report_due_dates = [day.isoformat() for day in partial]
    full_clean_or_raise(contract)
    contract.save()
    annex.previous = previous
    step.audit_new["changes"] = changes
    audit_log(
        actor=step.actor,
        obj=contract,
        action=ContractAudit.UPDATED,
        old=dict(previous),
        new={"annex": annex.number, **changes},
    )


def _change_line(line: ContractCostLine, value: Decimal) -> None:
    """A line's new planned value: the same number of units at the new unit cost; the difference of a
    multi-year line goes to its last year."""
    difference = value - line.value
    line.unit_cost = B.money(value / line.units)
    line.value = value
    years = [name for name in ("year_1", "year_2", "year_3") if getattr(line, name) is not None]
    if years:
        setattr(line, years[-1], max(B.ZERO, getattr(line, years[-1]) + difference))
    line.save()


def annex_sign(
    *, annex: ContractAnnex, actor, representatives: list[dict], signing: str, upload=None
) -> ContractAnnex:
    values = {"representatives": clean_representatives(representatives), "signing": signing}
    return workflow_apply(obj=annex, action="sign", actor=actor, values=values, upload=upload)


def annex_pdf(annex: ContractAnnex) -> bytes:
    from centrum.core.pdf import render_pdf

    return render_pdf(
        "grants/documents/annex.html",
        {"annex": annex, "contract": annex.contract, "centre": annex.centre, "rows": annex_rows(annex)},
    )


def annex_rows(annex: ContractAnnex) -> list[tuple[str, str, str]]:
    """(what, before, after) of each change, for the page and the PDF (before: once signed)."""
    from ...selectors.contracts import annex_change_rows

    return annex_change_rows(annex)
