"""Writes of the offer (the organisation's side): the draft, its content, filing, signing, withdrawal,
correction, cloning, sharing for comments. Every rule the form shows lives here (and in `budget.py`), so the
pages, the API and the benchmark answer the same.

Filing is a workflow transition (`workflows/offers.py`) whose guard, run on the locked offer, locks the
competition row too and checks the deadline at that moment (Europe/Warsaw; the stored instant is compared),
then freezes the content: the offer's number, the canonical content and its SHA-256 checksum."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from centrum.core.audit import audit_log
from centrum.core.exceptions import ApplicationError, full_clean_or_raise
from centrum.core.outbox import Attachment, outbox_enqueue
from centrum.core.workflow import workflow_apply

from .. import budget as B
from ..audit_labels import OfferAudit, OfferFilingAudit
from ..choices import (
    EDITABLE_OFFER_STATUSES,
    FILED_OFFER_STATUSES,
    CompetitionStatus,
    CostCategory,
    OfferStatus,
    PaperSigning,
)
from ..models import (
    Competition,
    Offer,
    OfferAction,
    OfferComment,
    OfferCostLine,
    OfferCostShare,
    Offeror,
    OfferResult,
    OfferReviewer,
)
from ..permissions import can_file_offer_for, can_prepare_offer_for
from ..signing import MAX_SIGNED_FILE, checksum_of, read_signed_upload, signed_file_problem  # noqa: F401
from ..signing import plain as _plain

# VII. Oświadczenia: (key, text, required to file). Tax and social-security arrears are a statement either
# way (ticked: no arrears), the others must be ticked.
DECLARATIONS = (
    (
        "public_benefit",
        gettext_lazy(
            "proponowane zadanie publiczne będzie realizowane wyłącznie w zakresie działalności pożytku "
            "publicznego oferenta(-tów)"
        ),
        True,
    ),
    (
        "fees",
        gettext_lazy(
            "pobieranie świadczeń pieniężnych będzie się odbywać wyłącznie w ramach prowadzonej odpłatnej "
            "działalności pożytku publicznego"
        ),
        True,
    ),
    (
        "no_tax_arrears",
        gettext_lazy("oferent(-ci) nie zalega(-ją) z opłacaniem należności z tytułu zobowiązań podatkowych"),
        False,
    ),
    (
        "no_zus_arrears",
        gettext_lazy(
            "oferent(-ci) nie zalega(-ją) z opłacaniem należności z tytułu składek na ubezpieczenia społeczne"
        ),
        False,
    ),
    (
        "register_match",
        gettext_lazy(
            "dane zawarte w części II niniejszej oferty są zgodne z Krajowym Rejestrem Sądowym / właściwą "
            "ewidencją"
        ),
        True,
    ),
    (
        "truthful",
        gettext_lazy(
            "wszystkie informacje podane w ofercie oraz załącznikach są zgodne z aktualnym stanem prawnym "
            "i faktycznym"
        ),
        True,
    ),
    (
        "personal_data",
        gettext_lazy(
            "w zakresie związanym z otwartym konkursem ofert, w tym z gromadzeniem, przetwarzaniem "
            "i przekazywaniem danych osobowych, a także wprowadzaniem ich do systemów informatycznych, osoby, "
            "których dotyczą te dane, złożyły stosowne oświadczenia zgodnie z przepisami o ochronie danych "
            "osobowych"
        ),
        True,
    ),
)
DECLARATION_KEYS = tuple(key for key, _text, _required in DECLARATIONS)

HEADER_FIELDS = (
    "contact_name",
    "contact_email",
    "contact_phone",
    "title",
    "start_date",
    "end_date",
    "synopsis",
    "results_description",
    "past_activity",
    "resources",
    "requested_grant",
    "own_financial",
    "own_personal",
    "own_material",
    "recipient_fees",
    "paid_activity",
    "paid_activity_note",
    "other_information",
)
OFFEROR_FIELDS = (
    "organisation_id",
    "name",
    "legal_form",
    "register_number",
    "seat",
    "website",
    "correspondence_address",
    "email",
    "phone",
    "actions_scope",
)
ACTION_FIELDS = ("year", "name", "description", "target_group", "planned_term", "subcontracted_scope")
RESULT_FIELDS = ("name", "target_value", "monitoring")
LINE_FIELDS = ("category", "action", "kind", "unit", "unit_cost", "units", "year_1", "year_2", "year_3")


# ---------------------------------------------------------------------------------------------- content


@dataclass
class OfferContent:
    """The whole content of an offer as a form or the API gives it: the header fields and the rows of each
    table. `lines[i]["action"]` is the index of its action in `actions` (category I) or None."""

    header: dict = field(default_factory=dict)
    declarations: dict = field(default_factory=dict)
    offerors: list[dict] = field(default_factory=list)
    actions: list[dict] = field(default_factory=list)
    results: list[dict] = field(default_factory=list)
    lines: list[dict] = field(default_factory=list)
    shares: dict[tuple[int, int], Decimal] = field(default_factory=dict)  # (offeror index, year) → amount


def content_of(offer: Offer) -> OfferContent:
    """The stored content, read in one query per table."""
    actions = list(offer.actions.all())
    action_index = {a.pk: i for i, a in enumerate(actions)}
    offerors = list(offer.offerors.all())
    offeror_index = {o.pk: i for i, o in enumerate(offerors)}
    return OfferContent(
        header={name: getattr(offer, name) for name in HEADER_FIELDS},
        declarations=dict(offer.declarations or {}),
        offerors=[{name: getattr(o, name) for name in OFFEROR_FIELDS} for o in offerors],
        actions=[{name: getattr(a, name) for name in ACTION_FIELDS} for a in actions],
        results=[{name: getattr(r, name) for name in RESULT_FIELDS} for r in offer.results.all()],
        lines=[
            {
                **{name: getattr(ln, name) for name in LINE_FIELDS if name != "action"},
                "action": action_index.get(ln.action_id),
            }
            for ln in offer.cost_lines.all()
        ],
        shares={(offeror_index[s.offeror_id], s.year): s.amount for s in offer.cost_shares.all()},
    )


def rules_for(competition: Competition) -> B.Rules:
    return B.Rules(
        kind=competition.kind,
        max_grant=competition.max_grant,
        min_own_percent=competition.min_own_contribution_percent or B.ZERO,
        own_basis=competition.own_contribution_basis,
        own_type=competition.own_contribution_type,
        admin_cap_percent=competition.admin_costs_cap_percent,
        multi_year=competition.multi_year,
        results_required=competition.results_table_required,
        task_start=competition.task_start,
        task_end=competition.task_end,
    )


def line_labels(content: OfferContent) -> list[str]:
    """How the form and the PDF number the lines of V.A: I.<action>.<n>, II.<n>."""
    counters: dict = {}
    labels = []
    for line in content.lines:
        admin = line.get("category") == CostCategory.ADMINISTRATIVE
        key = ("II",) if admin else ("I", line.get("action"))
        counters[key] = counters.get(key, 0) + 1
        if key[0] == "II":
            labels.append(f"II.{counters[key]}")
        else:
            action = (line.get("action") or 0) + 1 if line.get("action") is not None else "?"
            labels.append(f"I.{action}.{counters[key]}")
    return labels


def budget_of(content: OfferContent, *, is_joint: bool, prefixes: dict | None = None) -> B.OfferBudget:
    header = content.header
    labels = line_labels(content)
    prefixes = prefixes or {}
    return B.OfferBudget(
        lines=[
            B.CostLine(
                category=line.get("category") or CostCategory.ACTIONS,
                kind=line.get("kind") or "",
                unit=line.get("unit") or "",
                unit_cost=line.get("unit_cost"),
                units=line.get("units"),
                years=(line.get("year_1"), line.get("year_2"), line.get("year_3")),
                action=line.get("action"),
                field_prefix=prefixes.get(("lines", index), f"lines-{index}-"),
                label=labels[index],
            )
            for index, line in enumerate(content.lines)
        ],
        sources=B.Sources(
            grant=header.get("requested_grant") or B.ZERO,
            own_financial=header.get("own_financial") or B.ZERO,
            own_personal=header.get("own_personal") or B.ZERO,
            own_material=header.get("own_material") or B.ZERO,
            recipient_fees=header.get("recipient_fees") or B.ZERO,
        ),
        start=header.get("start_date"),
        end=header.get("end_date"),
        is_joint=is_joint,
        offerors=[o.get("name") or "" for o in content.offerors],
        offeror_scopes=[o.get("actions_scope") or "" for o in content.offerors],
        shares=content.shares,
        result_targets=[(r.get("name") or "", r.get("target_value")) for r in content.results],
    )


def _completeness(content: OfferContent) -> list[B.Problem]:
    header, problems = content.header, []
    required = (
        ("title", _("Podaj tytuł zadania publicznego (III.1).")),
        ("synopsis", _("Opisz syntetycznie zadanie (III.3).")),
        ("results_description", _("Opisz zakładane rezultaty (III.5).")),
        ("past_activity", _("Opisz wcześniejszą działalność oferenta (IV.1).")),
        ("resources", _("Opisz zasoby kadrowe, rzeczowe i finansowe (IV.2).")),
        ("contact_name", _("Podaj osobę do kontaktu (II.2).")),
    )
    for name, message in required:
        if not str(header.get(name) or "").strip():
            problems.append(B.Problem(name, message))
    if not (header.get("contact_email") or header.get("contact_phone")):
        problems.append(B.Problem("contact_email", _("Podaj e-mail lub telefon osoby do kontaktu (II.2).")))
    if not content.offerors:
        problems.append(B.Problem("offerors", _("Podaj dane oferenta (II.1).")))
    for index, offeror in enumerate(content.offerors):
        if not str(offeror.get("name") or "").strip():
            problems.append(B.Problem(f"offerors-{index}-name", _("Podaj nazwę oferenta (II.1).")))
    if not content.actions:
        problems.append(
            B.Problem("actions", _("Dodaj co najmniej jedno działanie do planu i harmonogramu (III.4)."))
        )
    for index, action in enumerate(content.actions):
        if not str(action.get("name") or "").strip():
            problems.append(B.Problem(f"actions-{index}-name", _("Podaj nazwę działania (III.4).")))
    for key, text, needed in DECLARATIONS:
        if needed and not content.declarations.get(key):
            problems.append(
                B.Problem(f"declaration_{key}", _("Zaznacz oświadczenie (VII): %(text)s.") % {"text": text})
            )
    return problems


def check_content(content: OfferContent, competition: Competition, *, is_joint: bool, prefixes=None):
    """(totals, problems) of an offer's content against its competition: the budget rules of `budget.py`
    and what a filed offer must contain."""
    totals, problems = B.check(
        budget_of(content, is_joint=is_joint, prefixes=prefixes), rules_for(competition)
    )
    return totals, problems + _completeness(content)


# ---------------------------------------------------------------------------------------------- checksum


def canonical_content(offer: Offer, content: OfferContent) -> dict:
    """The filed content as plain JSON data (every amount as a string to the grosz, dates ISO)."""
    competition = offer.competition
    return {
        "form": "Dz.U. 2018 poz. 2057 zał. 1",
        "offer": {"number": offer.number, "joint": offer.is_joint},
        "competition": {"id": competition.pk, "number": competition.number, "title": competition.title},
        "header": {name: _plain(value) for name, value in content.header.items()},
        "declarations": {key: bool(content.declarations.get(key)) for key in DECLARATION_KEYS},
        "offerors": [{k: _plain(v) for k, v in o.items()} for o in content.offerors],
        "actions": [{k: _plain(v) for k, v in a.items()} for a in content.actions],
        "results": [{k: _plain(v) for k, v in r.items()} for r in content.results],
        "lines": [{k: _plain(v) for k, v in ln.items()} for ln in content.lines],
        "shares": [[i, year, _plain(amount)] for (i, year), amount in sorted(content.shares.items())],
    }


# ---------------------------------------------------------------------------------------------- the draft


def _refuse_unless_open(competition: Competition) -> None:
    if competition.status != CompetitionStatus.PUBLISHED:
        raise ApplicationError(_("Ten konkurs nie przyjmuje ofert."), field="competition")
    if timezone.now() > competition.offers_deadline:
        raise ApplicationError(_("Termin składania ofert w tym konkursie minął."), field="competition")


def offeror_from_registry(organisation) -> dict:
    """II.1 of one offeror as the registry knows it."""
    seat = ", ".join(
        p for p in (organisation.street, f"{organisation.postal_code} {organisation.city}".strip()) if p
    )
    register = organisation.krs or getattr(organisation, "registry_number", "") or ""
    return {
        "organisation_id": organisation.pk,
        "name": organisation.name,
        "legal_form": organisation.get_legal_form_display(),
        "register_number": register,
        "seat": seat,
        "website": organisation.website,
        "correspondence_address": (organisation.correspondence_address or seat)[:300],
        "email": organisation.email,
        "phone": organisation.phone,
        "actions_scope": "",
    }


@transaction.atomic
def offer_create(*, competition: Competition, organisation, actor, is_joint: bool = False) -> Offer:
    """A new draft of `organisation` in an open competition, section II filled from the registry."""
    if not can_prepare_offer_for(actor, organisation):
        raise ApplicationError(_("Nie możesz przygotowywać ofert tej organizacji."))
    if organisation.centre_id != competition.centre_id:
        raise ApplicationError(_("Nie ma takiego konkursu."))
    _refuse_unless_open(competition)
    offer = Offer(
        centre=competition.centre,
        competition=competition,
        organisation=organisation,
        is_joint=is_joint,
        created_by=actor,
        contact_name=getattr(actor, "full_name", "") or "",
        contact_email=getattr(actor, "email", "") or "",
    )
    full_clean_or_raise(offer)
    offer.save()
    _write_children(offer, OfferContent(offerors=[offeror_from_registry(organisation)]))
    audit_log(actor=actor, obj=offer, action=OfferAudit.CREATED, new={"status": offer.status})
    return offer


def _write_children(offer: Offer, content: OfferContent) -> None:
    centre = offer.centre
    for model in (OfferCostShare, OfferCostLine, OfferAction, OfferResult, Offeror):
        model.objects.filter(offer=offer).delete()
    offerors = Offeror.objects.bulk_create(
        [
            Offeror(centre=centre, offer=offer, position=i + 1, **_offeror_row(row))
            for i, row in enumerate(content.offerors)
        ]
    )
    actions = OfferAction.objects.bulk_create(
        [
            OfferAction(
                centre=centre,
                offer=offer,
                position=i + 1,
                **{k: row.get(k) or _blank(k) for k in ACTION_FIELDS},
            )
            for i, row in enumerate(content.actions)
        ]
    )
    OfferResult.objects.bulk_create(
        [
            OfferResult(
                centre=centre,
                offer=offer,
                position=i + 1,
                name=row.get("name") or "",
                target_value=row.get("target_value") if row.get("target_value") is not None else B.ZERO,
                monitoring=row.get("monitoring") or "",
            )
            for i, row in enumerate(content.results)
        ]
    )
    OfferCostLine.objects.bulk_create(
        [
            OfferCostLine(
                centre=centre,
                offer=offer,
                position=i + 1,
                category=row.get("category") or CostCategory.ACTIONS,
                action=actions[row["action"]]
                if row.get("action") is not None and 0 <= row["action"] < len(actions)
                else None,
                kind=row.get("kind") or "",
                unit=row.get("unit") or "",
                unit_cost=row.get("unit_cost") or B.ZERO,
                units=row.get("units") or Decimal("1"),
                value=B.line_value(row.get("unit_cost") or B.ZERO, row.get("units") or Decimal("1")),
                year_1=row.get("year_1"),
                year_2=row.get("year_2"),
                year_3=row.get("year_3"),
            )
            for i, row in enumerate(content.lines)
        ]
    )
    OfferCostShare.objects.bulk_create(
        [
            OfferCostShare(centre=centre, offer=offer, offeror=offerors[index], year=year, amount=amount)
            for (index, year), amount in sorted(content.shares.items())
            if 0 <= index < len(offerors) and amount is not None
        ]
    )


def _blank(name):
    return None if name == "year" else ""


def _offeror_row(row: dict) -> dict:
    values = {k: (row.get(k) or "") for k in OFFEROR_FIELDS if k != "organisation_id"}
    values["organisation_id"] = row.get("organisation_id") or None
    return values


def _refuse_stored_values(content: OfferContent) -> None:
    """What the tables cannot store even in a draft: negative amounts, non-positive units."""
    for index, line in enumerate(content.lines):
        if line.get("unit_cost") is not None and line["unit_cost"] < 0:
            raise ApplicationError(
                _("Koszt jednostkowy nie może być ujemny."), field=f"lines-{index}-unit_cost"
            )
        if line.get("units") is not None and line["units"] <= 0:
            raise ApplicationError(
                _("Liczba jednostek musi być większa od zera."), field=f"lines-{index}-units"
            )
        for year in ("year_1", "year_2", "year_3"):
            if line.get(year) is not None and line[year] < 0:
                raise ApplicationError(_("Kwota nie może być ujemna."), field=f"lines-{index}-{year}")
        value = B.line_value(line.get("unit_cost") or B.ZERO, line.get("units") or Decimal("1"))
        if value > B.MAX_AMOUNT:
            raise ApplicationError(_("Kwota jest zbyt duża."), field=f"lines-{index}-unit_cost")
    for name in ("requested_grant", "own_financial", "own_personal", "own_material", "recipient_fees"):
        amount = content.header.get(name)
        if amount is not None and amount < 0:
            raise ApplicationError(_("Kwota nie może być ujemna."), field=name)
    for index, result in enumerate(content.results):
        if result.get("target_value") is not None and result["target_value"] < 0:
            raise ApplicationError(
                _("Planowany poziom nie może być ujemny."), field=f"results-{index}-target_value"
            )
    for amount in content.shares.values():
        if amount is not None and amount < 0:
            raise ApplicationError(_("Kwoty podziału kosztów (V.C) nie mogą być ujemne."), field="shares")


def may_edit(offer: Offer) -> bool:
    if offer.status == OfferStatus.DRAFT:
        return True
    if offer.status == OfferStatus.CORRECTION:
        return offer.correction_due_at is None or timezone.now() <= offer.correction_due_at
    return False


@transaction.atomic
def offer_save(*, offer: Offer, content: OfferContent, actor) -> Offer:
    """Store the draft's content as it is (partial is fine): only what the tables cannot hold is refused.
    The offer row is locked first, so a submission in progress finishes before, and the state is read on it:
    a filed offer is never changed."""
    locked = (
        Offer.objects.select_for_update(of=("self",))
        .select_related("competition")
        .get(pk=offer.pk, centre_id=offer.centre_id)
    )
    if not can_prepare_offer_for(actor, locked.organisation):
        raise ApplicationError(_("Nie możesz zmieniać ofert tej organizacji."))
    if locked.status not in EDITABLE_OFFER_STATUSES:
        raise ApplicationError(
            _("Oferta została złożona (stan: „%(status)s”): jej treści nie można już zmienić.")
            % {"status": locked.get_status_display()}
        )
    if not may_edit(locked):
        raise ApplicationError(_("Termin usunięcia braków minął: oferty nie można już poprawić."))
    _refuse_stored_values(content)
    old = {name: _plain(getattr(locked, name)) for name in HEADER_FIELDS}
    for name in HEADER_FIELDS:
        value = content.header.get(name)
        if value is None and name in (
            "requested_grant",
            "own_financial",
            "own_personal",
            "own_material",
            "recipient_fees",
        ):
            value = B.ZERO
        if value is None and name not in ("start_date", "end_date"):
            value = False if name == "paid_activity" else ""
        setattr(locked, name, value)
    locked.declarations = {key: bool(content.declarations.get(key)) for key in DECLARATION_KEYS}
    totals = B.totals(budget_of(content, is_joint=locked.is_joint), rules_for(locked.competition))
    locked.total_cost = totals.total
    full_clean_or_raise(locked, exclude=["number", "checksum"])
    locked.save()
    _write_children(locked, content)
    new = {name: _plain(getattr(locked, name)) for name in HEADER_FIELDS}
    changed = [name for name in HEADER_FIELDS if old[name] != new[name]]
    audit_log(
        actor=actor,
        obj=locked,
        action=OfferAudit.UPDATED,
        old={name: old[name] for name in changed},
        new={name: new[name] for name in changed},
    )
    return locked


# ---------------------------------------------------------------------------------------------- filing


def _lock_competition(offer: Offer) -> Competition:
    return Competition.objects.select_for_update().get(pk=offer.competition_id, centre_id=offer.centre_id)


def _freeze(offer: Offer, competition: Competition) -> None:
    """Check the content on the locked rows and stamp the number, the canonical content and the checksum."""
    offer.competition = competition
    content = content_of(offer)
    _totals, problems = check_content(content, competition, is_joint=offer.is_joint)
    if problems:
        raise ApplicationError(
            _("Oferta ma błędy (%(count)s): %(first)s")
            % {"count": len(problems), "first": problems[0].message},
            field=problems[0].field,
            extra={"problems": [(p.field, p.message) for p in problems]},
        )
    if not offer.number:
        taken = Offer.objects.filter(competition=competition).exclude(number="").count()
        offer.number = f"{competition.number or competition.pk}/{taken + 1}"
    offer.total_cost = _totals.total
    canonical = canonical_content(offer, content)
    offer.filed_content = canonical
    offer.checksum = checksum_of(canonical)


def submit_guard(step) -> None:
    """`submit`: the competition is open and its deadline not past, at this moment, on locked rows."""
    offer = step.obj
    competition = _lock_competition(offer)
    if competition.status != CompetitionStatus.PUBLISHED:
        raise ApplicationError(_("Ten konkurs nie przyjmuje ofert."))
    if timezone.now() > competition.offers_deadline:
        raise ApplicationError(
            _("Termin składania ofert minął %(when)s: oferty nie przyjęto.")
            % {"when": timezone.localtime(competition.offers_deadline).strftime("%d.%m.%Y %H:%M:%S")}
        )
    _freeze(offer, competition)
    _record_step_values(step, "number", "checksum", "total_cost")


def resubmit_guard(step) -> None:
    offer = step.obj
    if offer.correction_due_at is not None and timezone.now() > offer.correction_due_at:
        raise ApplicationError(_("Termin usunięcia braków minął: poprawionej oferty nie przyjęto."))
    _freeze(offer, offer.competition)
    _record_step_values(step, "checksum", "total_cost")


def withdraw_guard(step) -> None:
    competition = _lock_competition(step.obj)
    if timezone.now() > competition.offers_deadline:
        raise ApplicationError(_("Po terminie składania ofert oferty nie można wycofać."))


def confirmation_guard(step) -> None:
    if step.obj.confirmation_received_at is not None:
        raise ApplicationError(_("Potwierdzenie złożenia tej oferty już przyjęto."))
    step.audit_new["signing"] = PaperSigning.PAPER
    step.obj.signing = PaperSigning.PAPER


def _record_step_values(step, *names) -> None:
    for name in names:
        step.audit_new[name] = _plain(getattr(step.obj, name))


def after_filing(step) -> None:
    """Nothing is rendered while the rows are locked: the confirmation mail with the PDF is sent by the
    `grants.offer_confirmations` job (`send_pending_confirmations`) from the stored checksum, so a deadline
    rush is not bound by PDF rendering and a crash loses no confirmation."""


def send_pending_confirmations(*, centre, limit: int = 200) -> int:
    """Mail the confirmation (with the PDF) of every filing whose checksum has not been mailed yet."""
    sent = 0
    pending = (
        Offer.objects.filter(centre=centre, status__in=FILED_OFFER_STATUSES)
        .exclude(checksum="")
        .exclude(confirmation_mailed_checksum=models.F("checksum"))
        .order_by("submitted_at", "id")
        .values_list("pk", flat=True)[:limit]
    )
    for pk in list(pending):
        with transaction.atomic():
            offer = (
                Offer.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("competition", "organisation", "submitted_by")
                .filter(pk=pk, centre=centre)
                .first()
            )
            if offer is None or offer.confirmation_mailed_checksum == offer.checksum:
                continue
            send_confirmation(offer, resubmitted=bool(offer.confirmation_mailed_checksum))
            offer.confirmation_mailed_checksum = offer.checksum
            offer.save(update_fields=["confirmation_mailed_checksum"])
            sent += 1
    return sent


def offer_pdf(offer: Offer) -> bytes:
    from centrum.core.pdf import render_pdf

    from ..selectors.offers import offer_document_context

    return render_pdf("grants/documents/offer.html", offer_document_context(offer))


def send_confirmation(offer: Offer, *, resubmitted: bool = False) -> None:
    from centrum.core.links import centre_url

    recipients = [
        address
        for address in dict.fromkeys(
            [getattr(offer.submitted_by, "email", ""), offer.contact_email, offer.organisation.email]
        )
        if address
    ]
    if not recipients:
        return
    outbox_enqueue(
        centre=offer.centre,
        to=recipients,
        template="grants/emails/offer_submitted_to_offeror",
        context={
            "offer": offer,
            "resubmitted": resubmitted,
            "offer_url": centre_url(offer.centre, offer.get_absolute_url()),
        },
        attachments=[Attachment(f"oferta-{offer.pk}.pdf", "application/pdf", offer_pdf(offer))],
    )


def offer_submit(*, offer: Offer, actor) -> Offer:
    return workflow_apply(obj=offer, action="submit", actor=actor)


def offer_resubmit(*, offer: Offer, actor) -> Offer:
    return workflow_apply(obj=offer, action="resubmit", actor=actor)


def offer_withdraw(*, offer: Offer, actor, reason: str = "") -> Offer:
    return workflow_apply(obj=offer, action="withdraw", actor=actor, reason=reason)


def offer_record_paper_confirmation(*, offer: Offer, actor) -> Offer:
    return workflow_apply(obj=offer, action="receive_confirmation", actor=actor)


# ---------------------------------------------------------------------------------------------- signed file


@transaction.atomic
def offer_attach_signed_file(*, offer: Offer, upload, actor) -> Offer:
    """The confirmation signed electronically (PAdES/XAdES), uploaded by the organisation: checked against
    the offer's checksum and recorded as the received confirmation."""
    locked = Offer.objects.select_for_update(of=("self",)).get(pk=offer.pk, centre_id=offer.centre_id)
    if not can_file_offer_for(actor, locked.organisation):
        raise ApplicationError(_("Tylko administrator organizacji dołącza podpisane potwierdzenie."))
    if locked.status not in FILED_OFFER_STATUSES or not locked.checksum:
        raise ApplicationError(_("Najpierw złóż ofertę: potwierdzenie dotyczy złożonej oferty."))
    if locked.confirmation_received_at is not None:
        raise ApplicationError(_("Potwierdzenie złożenia tej oferty już przyjęto."), field="signed_file")
    _data, extension, digest = read_signed_upload(upload, locked.checksum)
    locked.signed_file.save(f"oferta-{locked.pk}-{locked.checksum[:12]}.{extension}", upload, save=False)
    locked.signed_file_sha256 = digest
    locked.signing = PaperSigning.SIGNED_FILE
    locked.confirmation_received_at = timezone.now()
    locked.confirmation_received_by = actor
    locked.save()
    audit_log(
        actor=actor,
        obj=locked,
        action=OfferFilingAudit.SIGNED_FILE,
        new={"signing": locked.signing, "signed_file_sha256": locked.signed_file_sha256},
    )
    return locked


# ---------------------------------------------------------------------------------------------- clone, share


@transaction.atomic
def offer_clone(*, source: Offer, competition: Competition, actor) -> Offer:
    """A new draft in `competition` with the content of a past offer of the same organisation."""
    if not can_prepare_offer_for(actor, source.organisation):
        raise ApplicationError(_("Nie możesz kopiować ofert tej organizacji."))
    content = content_of(source)
    offer = offer_create(
        competition=competition, organisation=source.organisation, actor=actor, is_joint=source.is_joint
    )
    offer.cloned_from = source
    for name in HEADER_FIELDS:
        setattr(offer, name, content.header[name])
    offer.declarations = {}
    offer.total_cost = B.totals(budget_of(content, is_joint=source.is_joint), rules_for(competition)).total
    offer.save()
    content.offerors[0] = (
        {**offeror_from_registry(source.organisation), "actions_scope": content.offerors[0]["actions_scope"]}
        if content.offerors
        else offeror_from_registry(source.organisation)
    )
    _write_children(offer, content)
    audit_log(actor=actor, obj=offer, action=OfferFilingAudit.CLONED, new={"cloned_from": source.pk})
    return offer


@transaction.atomic
def offer_share(*, offer: Offer, user, actor) -> OfferReviewer:
    """Share a draft with an adviser of the centre (the organisation's caretaker or another) for comments."""
    from centrum.advice.permissions import is_adviser

    if not can_prepare_offer_for(actor, offer.organisation):
        raise ApplicationError(_("Nie możesz udostępniać ofert tej organizacji."))
    if offer.status not in EDITABLE_OFFER_STATUSES:
        raise ApplicationError(_("Do konsultacji udostępnia się szkic oferty."))
    if user is None or not is_adviser(user, offer.centre):
        raise ApplicationError(_("Wybierz doradcę centrum."), field="user")
    reviewer, created = OfferReviewer.objects.get_or_create(
        centre=offer.centre, offer=offer, user=user, defaults={"shared_by": actor}
    )
    if created:
        audit_log(actor=actor, obj=offer, action=OfferFilingAudit.SHARED, new={"reviewer": user.pk})
        outbox_enqueue(
            centre=offer.centre,
            to=[user.email],
            template="grants/emails/offer_shared_to_adviser",
            context={"offer": offer, "actor": actor},
        )
    return reviewer


@transaction.atomic
def offer_comment(*, offer: Offer, body: str, actor) -> OfferComment:
    from ..permissions import can_comment_offer

    if not can_comment_offer(actor, offer):
        raise ApplicationError(_("Nie możesz komentować tej oferty."))
    body = (body or "").strip()
    if not body or "\x00" in body:
        raise ApplicationError(_("Wpisz treść uwagi."), field="body")
    if len(body) > 4000:
        raise ApplicationError(_("Uwaga może mieć najwyżej 4000 znaków."), field="body")
    comment = OfferComment.objects.create(centre=offer.centre, offer=offer, author=actor, body=body)
    audit_log(actor=actor, obj=offer, action=OfferFilingAudit.COMMENTED, new={"comment": comment.pk})
    return comment
