"""The contract drafted from a selected offer (annex 3 to Dz.U. 2018 poz. 2057): its variables, number,
report deadlines, cost table and results, its PDF; signing by the organisation's representatives (paper, or
the signed file carrying the checksum) and the mail with the signed contract."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log
from centrum.core.calendar import warsaw_today
from centrum.core.centre_settings import centre_setting
from centrum.core.exceptions import ApplicationError, full_clean_or_raise
from centrum.core.outbox import Attachment, outbox_enqueue
from centrum.core.workflow import workflow_apply

from ... import budget as B
from ...audit_labels import ContractAudit
from ...choices import (
    BudgetUpdateStatus,
    CompetitionStatus,
    ContractKind,
    ContractStatus,
    OfferStatus,
    PaperSigning,
)
from ...models import (
    BudgetUpdate,
    Contract,
    ContractCostLine,
    ContractResult,
    Offer,
)
from ...permissions import can_manage_contract, is_grants_official
from ...rules import check_contract_variables
from ...signing import checksum_of, plain, read_signed_upload
from .budget_update import SOURCE_FIELDS, organisation_recipients, update_needed

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

# ------------------------------------------------------------------------------------------ the contract


def report_dates(*, centre, start: date, end: date) -> tuple[date, list[date]]:
    """(final, partial): the final report `grants.report_due_days` after the task ends; for a task over
    several budget years, a partial report as long after the end of each year but the last."""
    days = int(centre_setting(centre, "grants.report_due_days"))
    partial = [date(year, 12, 31) + timedelta(days=days) for year in range(start.year, end.year)]
    return end + timedelta(days=days), partial


def _budget_source(offer: Offer):
    """Where the contract's amounts and lines come from: the accepted update, or the offer itself."""
    accepted = BudgetUpdate.objects.filter(offer=offer, status=BudgetUpdateStatus.ACCEPTED).first()
    return accepted or offer


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

    from ...selectors.contracts import contract_document_context

    return render_pdf("grants/documents/contract.html", contract_document_context(contract))


# ------------------------------------------------------------------------------------------ signing


def contract_mismatch(checksum: str) -> str:
    return _(
        "Podpisany dokument nie zawiera sumy kontrolnej tej umowy (%(checksum)s): podpisz plik PDF tej "
        "umowy w jej obecnej wersji."
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


def record_signing(step, *, name: str, mismatch) -> None:
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
    record_signing(step, name=f"umowa-{contract.pk}", mismatch=contract_mismatch)
    if contract.concluded_on is None:
        contract.concluded_on = warsaw_today()


def after_sign(step) -> None:
    """The organisation gets the signed contract by e-mail (PDF attached), in the same transaction."""
    from centrum.core.links import centre_url

    contract = step.obj
    offer = contract.offer
    recipients = organisation_recipients(contract.organisation, offer.contact_email if offer else "")
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
