"""Writes of the contracts sub-feature: the updated budget (aktualizacja kosztorysu) of an offer awarded
less than it asked for, the contract drafted from a selected offer (annex 3 to Dz.U. 2018 poz. 2057), its
signing by the organisation's representatives, and annexes to a signed contract.

The updated budget is checked by `budget.py` against the announcement's rules (as the offer was), with the
grant fixed at the awarded amount. A contract's amounts come from the offer or the accepted update, never
from a form: the official sets the contract's own variables (number, dates, account, tolerances). Signing
is recorded as the offer's confirmation is (paper, or an uploaded signed file carrying the checksum:
`signing.py`), then the `sign` transition; annexes change the contract's row when signed and keep what
they replaced, so the row holds the current values and the annexes its history."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log
from centrum.core.calendar import warsaw_today
from centrum.core.centre_settings import centre_setting
from centrum.core.exceptions import ApplicationError, full_clean_or_raise
from centrum.core.outbox import Attachment, outbox_enqueue
from centrum.core.workflow import workflow_apply

from .. import budget as B
from ..audit_labels import AnnexAudit, BudgetUpdateAudit, ContractAudit
from ..choices import (
    AnnexStatus,
    BudgetUpdateStatus,
    CompetitionStatus,
    ContractKind,
    ContractStatus,
    CostCategory,
    OfferStatus,
    PaperSigning,
)
from ..models import (
    BudgetUpdate,
    BudgetUpdateAction,
    BudgetUpdateLine,
    Contract,
    ContractAnnex,
    ContractCostLine,
    ContractResult,
    Offer,
)
from ..permissions import can_manage_contract, can_prepare_offer_for, is_grants_official
from ..rules import check_contract_variables
from ..signing import checksum_of, plain, read_signed_upload

SOURCE_FIELDS = ("own_financial", "own_personal", "own_material", "recipient_fees")
LINE_FIELDS = ("category", "action", "kind", "unit", "unit_cost", "units", "year_1", "year_2", "year_3")
# What the official sets on a draft contract (the amounts come from the offer or its accepted update).
CONTRACT_VALUE_FIELDS = (
    "number",
    "title",
    "concluded_on",
    "organ",
    "organ_representative",
    "start_date",
    "end_date",
    "spending_deadline",
    "bank_account",
    "line_tolerance_percent",
    "share_tolerance_points",
)
# What an annex may change on the contract's row (cost lines apart: `changes["lines"]`).
ANNEX_FIELDS = ("grant_amount", "start_date", "end_date", "spending_deadline", "bank_account")


# ------------------------------------------------------------------------------------------ updated budget


def update_needed(offer: Offer) -> bool:
    """A selected offer awarded less than it requested needs an updated budget before its contract."""
    return (
        offer.status == OfferStatus.SELECTED
        and offer.awarded_grant is not None
        and offer.awarded_grant < offer.requested_grant
    )


@dataclass
class UpdateContent:
    """The updated budget as a form or the API gives it: dates and sources, the schedule's terms (one per
    action of the offer, in order) and the cost lines (`action`: the action's index, category I)."""

    header: dict = field(default_factory=dict)
    actions: list[dict] = field(default_factory=list)
    lines: list[dict] = field(default_factory=list)


def update_initial_content(offer: Offer) -> UpdateContent:
    """The offer's own budget and schedule: where the organisation starts its update."""
    actions = list(offer.actions.all())
    index = {a.pk: i for i, a in enumerate(actions)}
    return UpdateContent(
        header={
            "start_date": offer.start_date,
            "end_date": offer.end_date,
            **{name: getattr(offer, name) for name in SOURCE_FIELDS},
        },
        actions=[{"name": a.name, "planned_term": a.planned_term} for a in actions],
        lines=[
            {
                **{name: getattr(ln, name) for name in LINE_FIELDS if name != "action"},
                "action": index.get(ln.action_id),
            }
            for ln in offer.cost_lines.all()
        ],
    )


def update_content_of(update: BudgetUpdate) -> UpdateContent:
    return UpdateContent(
        header={
            "start_date": update.start_date,
            "end_date": update.end_date,
            **{name: getattr(update, name) for name in SOURCE_FIELDS},
        },
        actions=[{"name": a.name, "planned_term": a.planned_term} for a in update.actions.all()],
        lines=[
            {
                **{name: getattr(ln, name) for name in LINE_FIELDS if name != "action"},
                "action": ln.action_position - 1 if ln.action_position else None,
            }
            for ln in update.lines.all()
        ],
    )


def update_line_labels(content: UpdateContent) -> list[str]:
    from .offers import OfferContent, line_labels

    return line_labels(OfferContent(lines=content.lines))


def update_budget(offer: Offer, content: UpdateContent) -> B.OfferBudget:
    """The update as the offer's budget arithmetic reads it (`budget_of`): the grant is the awarded amount,
    the results are the offer's."""
    from .offers import OfferContent, budget_of

    header = {**content.header, "requested_grant": offer.awarded_grant or B.ZERO}
    results = [{"name": r.name, "target_value": r.target_value} for r in offer.results.all()]
    return budget_of(OfferContent(header=header, lines=content.lines, results=results), is_joint=False)


def check_update(offer: Offer, content: UpdateContent) -> tuple[B.Totals, list[B.Problem]]:
    """(sums, broken rules) of an updated budget: V.A/V.B under the announcement's rules (own contribution
    minimum, the administrative cap, the dates), the grant being the awarded amount."""
    from .offers import rules_for

    totals, problems = B.check(update_budget(offer, content), rules_for(offer.competition))
    # The grant is the awarded amount, not typed: its problems concern the sources as a whole.
    problems = [B.Problem("sources", p.message) if p.field == "requested_grant" else p for p in problems]
    for index, action in enumerate(content.actions):
        if not str(action.get("name") or "").strip():
            problems.append(B.Problem(f"actions-{index}-name", _("Podaj nazwę działania (III.4).")))
    return totals, problems


def _refuse_unstorable(content: UpdateContent) -> None:
    """What the tables cannot hold even in a draft (the rules of the announcement wait for filing)."""
    header = content.header
    if header.get("start_date") is None or header.get("end_date") is None:
        raise ApplicationError(_("Podaj daty realizacji zadania."), field="start_date")
    if header["end_date"] < header["start_date"]:
        raise ApplicationError(
            _("Data zakończenia jest wcześniejsza niż data rozpoczęcia."), field="end_date"
        )
    for name in SOURCE_FIELDS:
        if (header.get(name) or B.ZERO) < 0:
            raise ApplicationError(_("Kwota nie może być ujemna."), field=name)
    for index, line in enumerate(content.lines):
        if not str(line.get("kind") or "").strip():
            raise ApplicationError(_("Podaj rodzaj kosztu."), field=f"lines-{index}-kind")
        if line.get("unit_cost") is None or line["unit_cost"] < 0:
            raise ApplicationError(
                _("Koszt jednostkowy nie może być ujemny."), field=f"lines-{index}-unit_cost"
            )
        if line.get("units") is None or line["units"] <= 0:
            raise ApplicationError(
                _("Liczba jednostek musi być większa od zera."), field=f"lines-{index}-units"
            )
        for year in ("year_1", "year_2", "year_3"):
            if line.get(year) is not None and line[year] < 0:
                raise ApplicationError(_("Kwota nie może być ujemna."), field=f"lines-{index}-{year}")
        if B.line_value(line["unit_cost"], line["units"]) > B.MAX_AMOUNT:
            raise ApplicationError(_("Kwota jest zbyt duża."), field=f"lines-{index}-unit_cost")
        action = line.get("action")
        if action is not None and not 0 <= action < len(content.actions):
            raise ApplicationError(_("Wybierz działanie z harmonogramu."), field=f"lines-{index}-action")


@transaction.atomic
def budget_update_save(*, offer: Offer, content: UpdateContent, actor) -> BudgetUpdate:
    """Store the organisation's updated budget as a draft (or its correction after a return). The offer is
    locked first, so two members saving at once store one update, never two."""
    locked = (
        Offer.objects.select_for_update(of=("self",))
        .select_related("competition", "organisation")
        .get(pk=offer.pk, centre_id=offer.centre_id)
    )
    if not can_prepare_offer_for(actor, locked.organisation):
        raise ApplicationError(_("Aktualizację kosztorysu przygotowuje organizacja, która złożyła ofertę."))
    if not update_needed(locked):
        raise ApplicationError(
            _("Aktualizacja kosztorysu jest potrzebna tylko, gdy przyznano mniej, niż wnioskowano.")
        )
    if Contract.objects.filter(offer=locked).exists():
        raise ApplicationError(_("Umowa do tej oferty jest już przygotowana: kosztorysu nie można zmienić."))
    update = BudgetUpdate.objects.filter(offer=locked).first()
    if update is not None and update.status not in (BudgetUpdateStatus.DRAFT, BudgetUpdateStatus.RETURNED):
        raise ApplicationError(
            _("Aktualizacja kosztorysu została złożona (stan: „%(status)s”): nie można jej już zmienić.")
            % {"status": update.get_status_display()}
        )
    _refuse_unstorable(content)
    totals, _problems = check_update(locked, content)
    old = None if update is None else {"total_cost": plain(update.total_cost)}
    if update is None:
        update = BudgetUpdate(centre=locked.centre, offer=locked, created_by=actor)
    header = content.header
    update.start_date, update.end_date = header["start_date"], header["end_date"]
    update.grant = locked.awarded_grant
    for name in SOURCE_FIELDS:
        setattr(update, name, header.get(name) or B.ZERO)
    update.total_cost = totals.total
    full_clean_or_raise(update)
    update.save()
    update.actions.all().delete()
    update.lines.all().delete()
    BudgetUpdateAction.objects.bulk_create(
        [
            BudgetUpdateAction(
                centre=locked.centre,
                update=update,
                position=i + 1,
                name=(row.get("name") or "")[:300],
                planned_term=(row.get("planned_term") or "")[:200],
            )
            for i, row in enumerate(content.actions)
        ]
    )
    BudgetUpdateLine.objects.bulk_create(
        [
            BudgetUpdateLine(
                centre=locked.centre,
                update=update,
                position=i + 1,
                category=row.get("category") or CostCategory.ACTIONS,
                action_position=row["action"] + 1 if row.get("action") is not None else None,
                kind=row["kind"][:300],
                unit=(row.get("unit") or "")[:60],
                unit_cost=row["unit_cost"],
                units=row["units"],
                value=B.line_value(row["unit_cost"], row["units"]),
                year_1=row.get("year_1"),
                year_2=row.get("year_2"),
                year_3=row.get("year_3"),
            )
            for i, row in enumerate(content.lines)
        ]
    )
    audit_log(
        actor=actor,
        obj=update,
        action=BudgetUpdateAudit.SAVED,
        old=old,
        new={"total_cost": plain(update.total_cost), "grant": plain(update.grant)},
    )
    return update


def budget_update_submit_guard(step) -> None:
    """Filing and accepting check the stored update again, on the locked row, under today's rules."""
    update = step.obj
    offer = update.offer
    if Contract.objects.filter(offer_id=offer.pk).exists():
        raise ApplicationError(_("Umowa do tej oferty jest już przygotowana."))
    if offer.awarded_grant is None or update.grant != offer.awarded_grant:
        raise ApplicationError(
            _("Dotacja w aktualizacji musi być równa przyznanej kwocie (%(amount)s zł).")
            % {"amount": offer.awarded_grant}
        )
    _totals, problems = check_update(offer, update_content_of(update))
    if problems:
        raise ApplicationError(
            _("Aktualizacja kosztorysu nie spełnia zasad ogłoszenia: %(problems)s")
            % {"problems": " ".join(p.message for p in problems[:5])}
        )


def budget_update_notify(step) -> None:
    """The organisation learns that its update was accepted or returned (with the reason)."""
    if step.transition.action == "submit":
        return
    from centrum.core.links import centre_url

    update = step.obj
    offer = update.offer
    recipients = _organisation_recipients(
        offer.organisation, offer.contact_email, getattr(update.submitted_by, "email", "")
    )
    if recipients:
        outbox_enqueue(
            centre=update.centre,
            to=recipients,
            template="grants/emails/budget_update_decided_to_organisation",
            context={
                "update": update,
                "offer": offer,
                "accepted": step.target == BudgetUpdateStatus.ACCEPTED,
                "url": centre_url(update.centre, update.get_absolute_url()),
            },
        )


def budget_update_submit(*, update: BudgetUpdate, actor) -> BudgetUpdate:
    return workflow_apply(obj=update, action="submit", actor=actor)


def budget_update_accept(*, update: BudgetUpdate, actor) -> BudgetUpdate:
    return workflow_apply(obj=update, action="accept", actor=actor)


def budget_update_return(*, update: BudgetUpdate, actor, reason: str) -> BudgetUpdate:
    return workflow_apply(obj=update, action="return", actor=actor, reason=reason)


# ------------------------------------------------------------------------------------------ the contract


def report_dates(*, centre, start: date, end: date) -> tuple[date, list[date]]:
    """(final, partial): the final report `grants.report_due_days` after the task ends; for a task over
    several budget years, a partial report as long after the end of each year but the last."""
    days = int(centre_setting(centre, "grants.report_due_days"))
    partial = [date(year, 12, 31) + timedelta(days=days) for year in range(start.year, end.year)]
    return end + timedelta(days=days), partial


def _budget_source(offer: Offer):
    """Where the contract's amounts and lines come from: the accepted update, or the offer itself."""
    update = getattr(offer, "budget_update", None) if hasattr(offer, "budget_update") else None
    if update is not None and update.status == BudgetUpdateStatus.ACCEPTED:
        return update
    return offer


def contract_initial_values(offer: Offer) -> dict:
    """The contract's variables prefilled from the offer (or its accepted updated budget) and the centre's
    settings: what the official's form shows first."""
    source = _budget_source(offer)
    centre = offer.centre
    start = source.start_date or offer.competition.task_start
    end = source.end_date or offer.competition.task_end
    return {
        "number": "",
        "title": offer.title,
        "concluded_on": None,
        "organ": offer.competition.organ,
        "organ_representative": "",
        "start_date": start,
        "end_date": end,
        "spending_deadline": end,
        "bank_account": offer.organisation.bank_account,
        "line_tolerance_percent": Decimal(centre_setting(centre, "grants.default_line_tolerance_percent")),
        "share_tolerance_points": Decimal(centre_setting(centre, "grants.default_share_tolerance_points")),
    }


def _amounts_of(offer: Offer, source) -> dict:
    grant = offer.awarded_grant
    own = {name: getattr(source, name) for name in SOURCE_FIELDS}
    total = grant + sum(own.values(), B.ZERO)
    return {
        **own,
        "grant_amount": grant,
        "total_cost": total,
        "grant_share_percent": B.percent_of(grant, total),
    }


def _apply_values(contract: Contract, values: dict) -> None:
    unknown = set(values) - set(CONTRACT_VALUE_FIELDS)
    if unknown:
        raise ApplicationError(
            _("Tych danych umowy nie zmienia się tutaj: %(names)s.") % {"names": ", ".join(sorted(unknown))}
        )
    for name, value in values.items():
        setattr(contract, name, value.strip() if isinstance(value, str) else value)
    contract.bank_account = check_contract_variables(
        grant_amount=contract.grant_amount,
        total_cost=contract.total_cost,
        start_date=contract.start_date,
        end_date=contract.end_date,
        spending_deadline=contract.spending_deadline,
        bank_account=contract.bank_account,
        line_tolerance_percent=contract.line_tolerance_percent,
        share_tolerance_points=contract.share_tolerance_points,
        own_amounts=tuple(getattr(contract, name) for name in SOURCE_FIELDS),
    )
    if contract.spending_deadline and contract.end_date and contract.spending_deadline < contract.end_date:
        raise ApplicationError(
            _("Termin wykorzystania dotacji nie może przypadać przed zakończeniem zadania."),
            field="spending_deadline",
        )
    final, partial = report_dates(centre=contract.centre, start=contract.start_date, end=contract.end_date)
    contract.final_report_due_on = final
    contract.partial_report_due_dates = [day.isoformat() for day in partial]


def next_contract_number(centre, year: int) -> str:
    """`<n>/<year>` after the centre's highest number of that year (the caller holds the centre's lock)."""
    numbers = Contract.objects.filter(centre=centre, number__endswith=f"/{year}").values_list(
        "number", flat=True
    )
    highest = max((int(n.split("/")[0]) for n in numbers if n.split("/")[0].isdigit()), default=0)
    return f"{highest + 1}/{year}"


def _refuse_taken_number(contract: Contract) -> None:
    if (
        contract.number
        and Contract.objects.filter(centre_id=contract.centre_id, number=contract.number)
        .exclude(pk=contract.pk)
        .exists()
    ):
        raise ApplicationError(_("Umowa o tym numerze już istnieje."), field="number")


@transaction.atomic
def contract_create_from_offer(*, offer: Offer, actor, values: dict | None = None) -> Contract:
    """The official drafts the contract of a selected offer: the amounts and the cost table from the offer
    (or its accepted updated budget), the variables from `values` over the prefilled ones. The offer is
    locked, so a second click drafts nothing; the centre too, for the contract's number."""
    from centrum.core.models import Centre

    if not is_grants_official(actor, offer.centre):
        raise ApplicationError(_("Umowę przygotowuje urzędnik."))
    Centre.objects.select_for_update().filter(pk=offer.centre_id).first()
    locked = (
        Offer.objects.select_for_update(of=("self",))
        .select_related("competition", "organisation")
        .get(pk=offer.pk, centre_id=offer.centre_id)
    )
    if locked.status != OfferStatus.SELECTED or locked.competition.status != CompetitionStatus.DECIDED:
        raise ApplicationError(_("Umowę zawiera się tylko z ofertą wybraną w rozstrzygniętym konkursie."))
    if locked.awarded_grant is None or locked.awarded_grant <= 0:
        raise ApplicationError(_("Ofercie nie przyznano dotacji."))
    if Contract.objects.filter(offer=locked).exists():
        raise ApplicationError(_("Umowa do tej oferty jest już przygotowana."))
    update = BudgetUpdate.objects.filter(offer=locked).first()
    if update_needed(locked) and (update is None or update.status != BudgetUpdateStatus.ACCEPTED):
        raise ApplicationError(
            _(
                "Przyznano mniej, niż wnioskowano: umowę przygotujesz po przyjęciu aktualizacji kosztorysu "
                "i harmonogramu."
            )
        )
    source = update if update is not None and update.status == BudgetUpdateStatus.ACCEPTED else locked
    initial = contract_initial_values(locked)
    contract = Contract(
        centre=locked.centre,
        kind=ContractKind.COMPETITION,
        offer=locked,
        organisation=locked.organisation,
        created_by=actor,
        status=ContractStatus.DRAFT,
        **_amounts_of(locked, source),
        **{k: v for k, v in initial.items() if k != "number"},
    )
    values = dict(values or {})
    if not (values.get("number") or "").strip():
        values["number"] = next_contract_number(
            locked.centre, (values.get("start_date") or contract.start_date).year
        )
    _apply_values(contract, values)
    _refuse_taken_number(contract)
    full_clean_or_raise(contract)
    contract.save()
    _copy_budget(contract, locked, source)
    contract.checksum = checksum_of(canonical_contract(contract))
    contract.save(update_fields=["checksum"])
    audit_log(
        actor=actor,
        obj=contract,
        action=ContractAudit.CREATED,
        new={"number": contract.number, "grant_amount": plain(contract.grant_amount), "offer": locked.pk},
    )
    return contract


def _copy_budget(contract: Contract, offer: Offer, source) -> None:
    """The contract's cost table (its annex) and results, from the accepted update or the offer."""
    if isinstance(source, BudgetUpdate):
        names = {a.position: a.name for a in source.actions.all()}
        rows = [(ln, names.get(ln.action_position, "")) for ln in source.lines.all()]
    else:
        rows = [
            (ln, ln.action.name if ln.action_id else "") for ln in offer.cost_lines.select_related("action")
        ]
    ContractCostLine.objects.bulk_create(
        [
            ContractCostLine(
                centre=contract.centre,
                contract=contract,
                category=ln.category,
                action_name=action_name[:300],
                position=i + 1,
                kind=ln.kind,
                unit=ln.unit,
                unit_cost=ln.unit_cost,
                units=ln.units,
                value=ln.value,
                year_1=ln.year_1,
                year_2=ln.year_2,
                year_3=ln.year_3,
            )
            for i, (ln, action_name) in enumerate(rows)
        ]
    )
    ContractResult.objects.bulk_create(
        [
            ContractResult(
                centre=contract.centre,
                contract=contract,
                position=r.position,
                name=r.name,
                target_value=r.target_value,
                monitoring=r.monitoring,
            )
            for r in offer.results.all()
        ]
    )


@transaction.atomic
def contract_update(*, contract: Contract, actor, values: dict) -> Contract:
    """The official changes a draft contract's variables; a signed one changes only by an annex."""
    locked = Contract.objects.select_for_update(of=("self",)).get(
        pk=contract.pk, centre_id=contract.centre_id
    )
    if not can_manage_contract(actor, locked):
        raise ApplicationError(_("Umowę zmienia urzędnik."))
    if locked.status != ContractStatus.DRAFT:
        raise ApplicationError(
            _("Umowa jest już zawarta (stan: „%(status)s”): zmienia się ją aneksem.")
            % {"status": locked.get_status_display()}
        )
    old = {name: plain(getattr(locked, name)) for name in values if name in CONTRACT_VALUE_FIELDS}
    _apply_values(locked, values)
    if not locked.number:
        raise ApplicationError(_("Podaj numer umowy."), field="number")
    _refuse_taken_number(locked)
    locked.checksum = checksum_of(canonical_contract(locked))
    full_clean_or_raise(locked)
    locked.save()
    audit_log(
        actor=actor,
        obj=locked,
        action=ContractAudit.UPDATED,
        old=old,
        new={name: plain(getattr(locked, name)) for name in old},
    )
    return locked


def canonical_contract(contract: Contract) -> dict:
    """The contract's content as plain JSON data: what its checksum (and so the signed file) covers."""
    names = (
        "kind", "number", "title", "start_date", "end_date", "grant_amount", *SOURCE_FIELDS, "total_cost",
        "grant_share_percent", "share_tolerance_points", "line_tolerance_percent", "spending_deadline",
        "bank_account", "final_report_due_on", "organ",
    )  # fmt: skip
    return {
        "form": "Dz.U. 2018 poz. 2057 zał. 3",
        "contract": {name: plain(getattr(contract, name)) for name in names},
        "organisation": {"id": contract.organisation_id, "name": contract.organisation.name},
        "partial_reports": list(contract.partial_report_due_dates or []),
        "lines": [
            {
                k: plain(getattr(ln, k))
                for k in ("category", "action_name", "kind", "unit", "unit_cost", "units", "value")
            }
            for ln in contract.cost_lines.all()
        ],
        "results": [
            {"name": r.name, "target": plain(r.target_value), "monitoring": r.monitoring}
            for r in contract.results.all()
        ],
    }


def contract_pdf(contract: Contract) -> bytes:
    from centrum.core.pdf import render_pdf

    from ..selectors.contracts import contract_document_context

    return render_pdf("grants/documents/contract.html", contract_document_context(contract))


# ------------------------------------------------------------------------------------------ signing


def contract_mismatch(checksum: str) -> str:
    return _(
        "Podpisany dokument nie zawiera sumy kontrolnej tej umowy (%(checksum)s): podpisz plik PDF tej "
        "umowy w jej obecnej wersji."
    ) % {"checksum": checksum}


def annex_mismatch(checksum: str) -> str:
    return _(
        "Podpisany dokument nie zawiera sumy kontrolnej tego aneksu (%(checksum)s): podpisz plik PDF tego "
        "aneksu."
    ) % {"checksum": checksum}


def clean_representatives(rows) -> list[dict]:
    """[{"name", "function"}] without blanks and repeats; ApplicationError when nobody is named."""
    people, seen = [], set()
    for row in rows or []:
        name = " ".join(str(row.get("name") or "").split())[:200]
        function = " ".join(str(row.get("function") or "").split())[:200]
        if name and name.lower() not in seen:
            seen.add(name.lower())
            people.append({"name": name, "function": function})
    if not people:
        raise ApplicationError(
            _("Wskaż osoby, które podpisały w imieniu organizacji (zgodnie z reprezentacją w KRS)."),
            field="representatives",
        )
    return people


def _record_signing(step, *, name: str, mismatch) -> None:
    """The signing details on the locked row: the representatives, and for an uploaded file its check
    against the row's checksum (the file is stored with the row)."""
    obj = step.obj
    obj.representatives = clean_representatives(obj.representatives)
    if obj.signing not in PaperSigning.values:
        raise ApplicationError(_("Wybierz, jak podpisano dokument."), field="signing")
    if obj.signing == PaperSigning.SIGNED_FILE:
        upload = step.extra.get("upload")
        if upload is None:
            raise ApplicationError(_("Dołącz plik podpisany elektronicznie."), field="signed_file")
        _data, extension, digest = read_signed_upload(upload, obj.checksum, mismatch=mismatch)
        obj.signed_file.save(f"{name}-{obj.checksum[:12]}.{extension}", upload, save=False)
        obj.signed_file_sha256 = digest
        step.audit_new["signed_file_sha256"] = digest


def sign_guard(step) -> None:
    contract = step.obj
    if not contract.number:
        raise ApplicationError(_("Nadaj umowie numer przed jej zawarciem."), field="number")
    if not contract.checksum:
        contract.checksum = checksum_of(canonical_contract(contract))
    _record_signing(step, name=f"umowa-{contract.pk}", mismatch=contract_mismatch)
    if contract.concluded_on is None:
        contract.concluded_on = warsaw_today()


def after_sign(step) -> None:
    """The organisation gets the signed contract by e-mail (PDF attached), in the same transaction."""
    from centrum.core.links import centre_url

    contract = step.obj
    offer = contract.offer
    recipients = _organisation_recipients(contract.organisation, offer.contact_email if offer else "")
    if not recipients:
        return
    name = f"umowa-{contract.number or contract.pk}".replace("/", "-")
    outbox_enqueue(
        centre=contract.centre,
        to=recipients,
        template="grants/emails/contract_signed_to_organisation",
        context={"contract": contract, "url": centre_url(contract.centre, contract.get_absolute_url())},
        attachments=[Attachment(f"{name}.pdf", "application/pdf", contract_pdf(contract))],
    )


def _organisation_recipients(organisation, *extra: str) -> list[str]:
    """The organisation's address and the others given (the offer's contact, who filed)."""
    return [a for a in dict.fromkeys([organisation.email, *extra]) if a]


def contract_sign(
    *,
    contract: Contract,
    actor,
    representatives: list[dict],
    signing: str,
    upload=None,
    concluded_on: date | None = None,
    organ_representative: str = "",
) -> Contract:
    """Record who signed for the organisation and how (paper, or the signed file carrying the contract's
    checksum), then take the `sign` transition."""
    values = {"representatives": clean_representatives(representatives), "signing": signing}
    if concluded_on is not None:
        if concluded_on > warsaw_today():
            raise ApplicationError(_("Data zawarcia umowy nie może być z przyszłości."), field="concluded_on")
        values["concluded_on"] = concluded_on
    if organ_representative:
        values["organ_representative"] = organ_representative.strip()[:300]
    return workflow_apply(obj=contract, action="sign", actor=actor, values=values, upload=upload)


def contract_terminate(*, contract: Contract, actor, reason: str) -> Contract:
    return workflow_apply(obj=contract, action="terminate", actor=actor, reason=reason)


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
    _record_signing(step, name=f"aneks-{annex.pk}", mismatch=annex_mismatch)
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
    from ..selectors.contracts import annex_change_rows

    return annex_change_rows(annex)
