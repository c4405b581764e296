"""Small grants (art. 19a): the simplified offer (Dz.U. 2018 poz. 2055), its filing, the publication on the
three channels within the working days of its receipt, the public comments and their responses, and the
contract, created only after the comment period with every comment answered, and only within the limits
(the grant, the task's days, the organisation's year, the municipality's cap), re-counted under a lock.

The content's rules are `simplified_offer.py`'s (the form's live check, the submission and the API ask them
alike); the limits that depend on other contracts (`selectors.small_grants.limit_problems`) are shown while
filling and decided when the contract is stored."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log
from centrum.core.calendar import warsaw_today
from centrum.core.centre_settings import centre_setting
from centrum.core.exceptions import ApplicationError, full_clean_or_raise
from centrum.core.models import Centre
from centrum.core.outbox import outbox_enqueue
from centrum.core.selectors import centre_add_working_days
from centrum.core.workflow import workflow_apply

from .. import budget as B
from ..audit_labels import ContractAudit, SmallGrantAudit
from ..choices import SMALL_GRANT_CHANNELS, ContractKind, CostCategory, SmallGrantStatus
from ..models import (
    Contract,
    ContractCostLine,
    ContractResult,
    SmallGrantComment,
    SmallGrantCostLine,
    SmallGrantOffer,
    SmallGrantPublication,
    SmallGrantResult,
)
from ..permissions import can_prepare_offer_for, is_grants_official
from ..selectors.small_grants import limit_problems
from ..simplified_offer import (
    DECLARATION_KEYS,
    HEADER_FIELDS,
    LINE_FIELDS,
    MONEY_FIELDS,
    RESULT_FIELDS,
    Content,
    Limits,
    _amount,
    _line_value,
    check_content,
    check_iban,
    summary_of,
)
from .offers import offeror_from_registry


# V. Oświadczenia of the simplified offer: (key, text, required)
def content_of(offer: SmallGrantOffer) -> Content:
    return Content(
        header={name: getattr(offer, name) for name in HEADER_FIELDS},
        results=[{name: getattr(r, name) for name in RESULT_FIELDS} for r in offer.results.all()],
        lines=[{name: getattr(ln, name) for name in LINE_FIELDS} for ln in offer.cost_lines.all()],
        declarations=dict(offer.declarations or {}),
    )


# --- drafts ------------------------------------------------------------------------------------------------


def _organ_of(centre) -> str:
    if centre.government_name:
        return centre.government_name.split(",")[0].replace("Urząd", "Prezydent")
    return centre.municipality


@transaction.atomic
def small_grant_create(*, organisation, actor) -> SmallGrantOffer:
    """A new draft of `organisation`, sections I–II filled from the centre and the registry."""
    if not can_prepare_offer_for(actor, organisation):
        raise ApplicationError(_("Nie możesz przygotowywać ofert tej organizacji."))
    registry = offeror_from_registry(organisation)
    offer = SmallGrantOffer(
        centre=organisation.centre,
        organisation=organisation,
        organ=_organ_of(organisation.centre)[:200],
        offeror_name=registry["name"][:300],
        legal_form=registry["legal_form"][:200],
        register_number=registry["register_number"][:60],
        seat=registry["seat"][:300],
        email=registry["email"] or "",
        phone=(registry["phone"] or "")[:40],
        contact_name=(getattr(actor, "full_name", "") or "")[:200],
        contact_email=getattr(actor, "email", "") or "",
        created_by=actor,
    )
    full_clean_or_raise(offer)
    offer.save()
    audit_log(actor=actor, obj=offer, action=SmallGrantAudit.CREATED, new={"status": offer.status})
    return offer


@transaction.atomic
def small_grant_save(*, offer: SmallGrantOffer, content: Content, actor) -> SmallGrantOffer:
    """Store the draft as filled in (incomplete is fine: the submission checks it)."""
    if not can_prepare_offer_for(actor, offer.organisation):
        raise ApplicationError(_("Nie możesz przygotowywać ofert tej organizacji."))
    locked = SmallGrantOffer.objects.select_for_update().get(pk=offer.pk, centre=offer.centre)
    if locked.status != SmallGrantStatus.DRAFT:
        raise ApplicationError(_("Oferta została złożona: jej treści nie można już zmienić."))
    for name in HEADER_FIELDS:
        value = content.header.get(name)
        if name in MONEY_FIELDS:
            value = B.money(_amount(value))
        elif value is None and name not in ("start_date", "end_date"):
            value = ""
        setattr(locked, name, value)
    locked.declarations = {key: bool(content.declarations.get(key)) for key in DECLARATION_KEYS}
    locked.total_cost = summary_of(content).total
    full_clean_or_raise(locked)
    locked.save()
    SmallGrantResult.objects.filter(offer=locked).delete()
    SmallGrantCostLine.objects.filter(offer=locked).delete()
    results = [
        SmallGrantResult(
            centre=locked.centre,
            offer=locked,
            position=i + 1,
            name=str(row.get("name") or "")[:300],
            target_value=_amount(row.get("target_value")),
            monitoring=str(row.get("monitoring") or "")[:500],
        )
        for i, row in enumerate(content.results)
    ]
    lines = [
        SmallGrantCostLine(
            centre=locked.centre,
            offer=locked,
            position=i + 1,
            category=row.get("category") or CostCategory.ACTIONS,
            kind=str(row.get("kind") or "")[:300],
            unit=str(row.get("unit") or "")[:60],
            unit_cost=_amount(row.get("unit_cost")),
            units=_amount(row.get("units")),
            value=_line_value(row),
            grant_part=B.money(_amount(row.get("grant_part"))),
        )
        for i, row in enumerate(content.lines)
    ]
    for i, line in enumerate(lines):
        if line.units <= 0:
            raise ApplicationError(
                _("Pozycja %(line)s: liczba jednostek musi być większa od zera.") % {"line": i + 1},
                field=f"lines-{i}-units",
            )
    for row in [*results, *lines]:
        full_clean_or_raise(row, exclude=["offer"])
    SmallGrantResult.objects.bulk_create(results)
    SmallGrantCostLine.objects.bulk_create(lines)
    audit_log(actor=actor, obj=locked, action=SmallGrantAudit.UPDATED)
    offer.refresh_from_db()
    return offer


# --- the workflow's guards and hooks ---------------------------------------------------------------------------


def _lock_centre(centre_id) -> Centre:
    """The row every art. 19a number and limit is counted under: two filings or two contracts of one
    centre wait for each other and count what the other stored."""
    return Centre.objects.select_for_update().get(pk=centre_id)


def _next_number(rows, prefix: str) -> str:
    """`prefix` and the next free sequence number (called under the centre's lock)."""
    taken = [
        n.removeprefix(prefix)
        for n in rows.filter(number__startswith=prefix).values_list("number", flat=True)
    ]
    return f"{prefix}{max((int(n) for n in taken if n.isdigit()), default=0) + 1}"


def submit_guard(step) -> None:
    """The content is complete and within the grant and days limits; the receipt date and the publication
    deadline are recorded; the offer gets its number."""
    offer = step.obj
    _summary, problems = check_content(content_of(offer), Limits.of(offer.centre))
    if problems:
        raise ApplicationError(
            _("Oferty nie można złożyć: %(problem)s") % {"problem": problems[0].message},
            field=problems[0].field,
        )
    _lock_centre(offer.centre_id)
    today = warsaw_today()
    year = today.year
    offer.number = _next_number(SmallGrantOffer.objects.filter(centre=offer.centre), f"MG/{year}/")
    offer.received_on = today
    offer.publish_by = centre_add_working_days(
        offer.centre, today, centre_setting(offer.centre, "grants.small_grant_publish_working_days")
    )
    for name in ("number", "received_on", "publish_by"):
        step.audit_new[name] = str(getattr(offer, name))


def publish_guard(step) -> None:
    """The three channels are recorded (given now in `publications`, or before); the first publication is
    within the working days of the receipt, or the official gives the reason it was later."""
    offer = step.obj
    today = warsaw_today()
    given = step.extra.get("publications") or {}
    for channel, (published_on, address) in given.items():
        if channel not in SMALL_GRANT_CHANNELS:
            raise ApplicationError(_("Nieznany kanał publikacji."))
        if published_on is None or not (address or "").strip():
            raise ApplicationError(_("Podaj datę i adres każdej publikacji."), field=f"{channel}_address")
        if published_on > today:
            raise ApplicationError(
                _("Data publikacji nie może być późniejsza niż dziś."), field=f"{channel}_on"
            )
        if offer.received_on and published_on < offer.received_on:
            raise ApplicationError(
                _("Oferty nie można było opublikować przed jej wpływem (%(on)s).")
                % {"on": offer.received_on.strftime("%d.%m.%Y")},
                field=f"{channel}_on",
            )
        row = SmallGrantPublication(
            centre=offer.centre,
            offer=offer,
            channel=channel,
            published_on=published_on,
            address=address.strip(),
            recorded_by=step.actor if getattr(step.actor, "is_authenticated", False) else None,
        )
        full_clean_or_raise(row, exclude=["offer"], validate_unique=False)
        SmallGrantPublication.objects.filter(offer=offer, channel=channel).delete()
        row.save()
    dates = dict(
        SmallGrantPublication.objects.filter(offer=offer, channel__in=SMALL_GRANT_CHANNELS).values_list(
            "channel", "published_on"
        )
    )
    missing = [c for c in SMALL_GRANT_CHANNELS if c not in dates]
    if missing:
        raise ApplicationError(
            _("Zapisz publikację we wszystkich trzech miejscach: BIP, tablica ogłoszeń i strona internetowa.")
        )
    first, last = min(dates.values()), max(dates.values())
    if offer.publish_by and first > offer.publish_by and not step.reason:
        raise ApplicationError(
            _("Oferta opublikowana po terminie (%(by)s, %(days)s dni roboczych od wpływu): podaj przyczynę.")
            % {
                "by": offer.publish_by.strftime("%d.%m.%Y"),
                "days": centre_setting(offer.centre, "grants.small_grant_publish_working_days"),
            },
            field="reason",
        )
    if offer.publish_by and first > offer.publish_by:
        offer.late_publication_reason = step.reason
        step.audit_new["late_publication_reason"] = step.reason
    offer.comments_until = last + timedelta(
        days=centre_setting(offer.centre, "grants.small_grant_comment_days")
    )
    step.audit_new["comments_until"] = offer.comments_until.isoformat()


def after_decision(step) -> None:
    """The organisation learns the decision (purposeful or not, rejected) by e-mail."""
    offer = step.obj
    recipients = [a for a in dict.fromkeys([offer.contact_email, offer.email, offer.organisation.email]) if a]
    if not recipients:
        return
    from centrum.core.links import centre_url

    outbox_enqueue(
        centre=offer.centre,
        to=recipients,
        template="grants/emails/small_grant_decision_to_offeror",
        context={
            "offer": offer,
            "status": offer.get_status_display(),
            "reason": step.reason,
            "url": centre_url(offer.centre, offer.get_absolute_url()),
        },
    )


def _setting_or(centre, key: str, default):
    """A setting another sub-feature registers (the contract's report days, its line tolerance)."""
    try:
        return centre_setting(centre, key)
    except KeyError:
        return default


def comments_open(offer: SmallGrantOffer, today: date | None = None) -> bool:
    today = today or warsaw_today()
    return (
        offer.status == SmallGrantStatus.PUBLISHED
        and offer.comments_until is not None
        and today <= offer.comments_until
    )


def contract_ready_on(offer: SmallGrantOffer) -> date | None:
    """The first day the contract may be created (the day after the comment period)."""
    return offer.comments_until + timedelta(days=1) if offer.comments_until else None


def contract_guard(step) -> None:
    """The comment period is over and every comment answered (on the locked rows); the limits hold when
    re-counted under the centre's lock; then the contract is created with the offer's budget."""
    offer = step.obj
    values = dict(step.extra.get("contract_values") or {})
    today = warsaw_today()
    ready = contract_ready_on(offer)
    if ready is None or today < ready:
        raise ApplicationError(
            _("Umowę można przygotować dopiero po okresie uwag, od %(on)s.")
            % {"on": ready.strftime("%d.%m.%Y") if ready else "—"}
        )
    unanswered = (
        SmallGrantComment.objects.select_for_update().filter(offer=offer, responded_at__isnull=True).count()
    )
    if unanswered:
        raise ApplicationError(
            _("Najpierw zapisz odpowiedź na każdą uwagę (bez odpowiedzi: %(n)s).") % {"n": unanswered}
        )
    concluded_on = values.get("concluded_on") or today
    if concluded_on < ready:
        raise ApplicationError(
            _("Data zawarcia umowy nie może być wcześniejsza niż %(on)s (po okresie uwag).")
            % {"on": ready.strftime("%d.%m.%Y")},
            field="concluded_on",
        )
    centre = _lock_centre(offer.centre_id)
    limits = Limits.of(centre)
    _summary, problems = check_content(content_of(offer), limits)
    problems += limit_problems(
        centre=centre,
        organisation=offer.organisation,
        grant=offer.requested_grant,
        on=concluded_on,
        limits=limits,
    )
    if problems:
        raise ApplicationError(
            _("Umowy nie można zawrzeć: %(problem)s") % {"problem": problems[0].message}, field="concluded_on"
        )
    contract = _contract_from(offer, values, concluded_on, actor=step.actor)
    offer.contract = contract
    step.audit_new["contract"] = contract.pk


def _contract_from(offer: SmallGrantOffer, values: dict, concluded_on: date, *, actor) -> Contract:
    centre = offer.centre
    number = (values.get("number") or "").strip()
    if not number:
        number = _next_number(Contract.objects.filter(centre=centre), f"MG-U/{concluded_on.year}/")
    elif Contract.objects.filter(centre=centre, number=number).exists():
        raise ApplicationError(_("Umowa o tym numerze już istnieje."), field="number")
    report_days = _setting_or(centre, "grants.report_due_days", 30)
    tolerance = values.get("line_tolerance_percent")
    if tolerance is None:
        tolerance = _setting_or(centre, "grants.default_line_tolerance_percent", B.ZERO)
    spending = values.get("spending_deadline") or offer.end_date
    if spending < offer.start_date:
        raise ApplicationError(
            _("Termin wykorzystania dotacji nie może być wcześniejszy niż początek zadania."),
            field="spending_deadline",
        )
    person = actor if getattr(actor, "is_authenticated", False) else None
    contract = Contract(
        centre=centre,
        kind=ContractKind.SMALL_GRANT,
        organisation=offer.organisation,
        number=number,
        title=offer.title,
        concluded_on=concluded_on,
        start_date=offer.start_date,
        end_date=offer.end_date,
        grant_amount=offer.requested_grant,
        own_financial=offer.own_financial,
        own_personal=offer.own_personal,
        own_material=offer.own_material,
        recipient_fees=offer.recipient_fees,
        total_cost=offer.total_cost,
        grant_share_percent=B.percent_of(offer.requested_grant, offer.total_cost),
        line_tolerance_percent=tolerance,
        spending_deadline=spending,
        bank_account=check_iban(values.get("bank_account") or offer.bank_account),
        final_report_due_on=offer.end_date + timedelta(days=report_days),
        created_by=person,
    )
    full_clean_or_raise(contract)
    contract.save()
    ContractCostLine.objects.bulk_create(
        [
            ContractCostLine(
                centre=centre,
                contract=contract,
                category=line.category,
                position=line.position,
                kind=line.kind,
                unit=line.unit,
                unit_cost=line.unit_cost,
                units=line.units,
                value=line.value,
                grant_part=line.grant_part,
            )
            for line in offer.cost_lines.all()
        ]
    )
    ContractResult.objects.bulk_create(
        [
            ContractResult(
                centre=centre,
                contract=contract,
                position=r.position,
                name=r.name,
                target_value=r.target_value,
                monitoring=r.monitoring,
            )
            for r in offer.results.all()
        ]
    )
    audit_log(
        actor=person,
        obj=contract,
        action=ContractAudit.CREATED,
        new={"status": contract.status, "small_grant": offer.pk, "grant_amount": str(contract.grant_amount)},
    )
    return contract


# --- the services pages call ------------------------------------------------------------------------------------


def small_grant_submit(*, offer: SmallGrantOffer, actor) -> SmallGrantOffer:
    return workflow_apply(obj=offer, action="submit", actor=actor)


def small_grant_publish(
    *, offer: SmallGrantOffer, publications: dict, reason: str = "", actor
) -> SmallGrantOffer:
    """`publications`: channel → (date, address) for the channels recorded now."""
    return workflow_apply(obj=offer, action="publish", actor=actor, reason=reason, publications=publications)


def small_grant_contract_create(*, small_grant: SmallGrantOffer, actor, values: dict) -> Contract:
    """The contract (kind=small_grant) of a published offer after its comment period: `values` are the
    contract's own variables (number, concluded_on, spending_deadline, bank_account,
    line_tolerance_percent); the rest comes from the offer."""
    offer = workflow_apply(obj=small_grant, action="contract", actor=actor, contract_values=values)
    return offer.contract


@transaction.atomic
def small_grant_comment_file(
    *, offer: SmallGrantOffer, name: str, email: str = "", body: str
) -> SmallGrantComment:
    """Anyone (no account) comments on a published offer while its comment period runs: checked on the
    locked offer at the moment of storing."""
    locked = SmallGrantOffer.objects.select_for_update().get(pk=offer.pk, centre=offer.centre)
    if not comments_open(locked):
        raise ApplicationError(_("Okres zgłaszania uwag do tej oferty minął albo jeszcze się nie zaczął."))
    comment = SmallGrantComment(
        centre=locked.centre,
        offer=locked,
        name=name.strip(),
        email=(email or "").strip(),
        body=body.strip(),
        filed_at=timezone.now(),
    )
    full_clean_or_raise(comment)
    comment.save()
    audit_log(actor=None, obj=comment, action=SmallGrantAudit.COMMENT_FILED, new={"offer": locked.pk})
    return comment


@transaction.atomic
def small_grant_comment_respond(*, comment: SmallGrantComment, response: str, actor) -> SmallGrantComment:
    """The official records the response to a comment (it may be corrected until the contract)."""
    if not is_grants_official(actor, comment.centre):
        raise ApplicationError(_("Na uwagi odpowiada urzędnik."))
    offer = SmallGrantOffer.objects.select_for_update().get(pk=comment.offer_id, centre=comment.centre)
    if offer.status != SmallGrantStatus.PUBLISHED:
        raise ApplicationError(_("Odpowiedź można zapisać tylko przed przygotowaniem umowy."))
    locked = SmallGrantComment.objects.select_for_update().get(pk=comment.pk, offer=offer)
    text = (response or "").strip()
    if not text:
        raise ApplicationError(_("Wpisz treść odpowiedzi."), field="response")
    old = locked.response
    locked.response = text
    locked.responded_at = timezone.now()
    locked.responded_by = actor
    full_clean_or_raise(locked)
    locked.save()
    audit_log(
        actor=actor,
        obj=locked,
        action=SmallGrantAudit.COMMENT_ANSWERED,
        old={"response": old},
        new={"response": text},
    )
    return locked


def small_grant_pdf(offer: SmallGrantOffer) -> bytes:
    from centrum.core.pdf import render_pdf

    from ..selectors.small_grants import small_grant_document_context

    return render_pdf("grants/documents/small_grant.html", small_grant_document_context(offer))


# the publication reminder (a job) ---------------------------------------------------------------------

PUBLICATION_REMINDER_DAYS = 2  # working days before the deadline the officials are first reminded


def small_grants_publication_remind(*, centre) -> int:
    """The job: offers still to publish (received or found purposeful) whose publication deadline (art. 19a
    ust. 3: working days from receipt) is two working days away or past, once a day, to the officials."""
    from django.urls import reverse

    from centrum.core.links import centre_url
    from centrum.core.roles import OFFICIAL, role_backend

    today = warsaw_today()
    horizon = centre_add_working_days(centre, today, PUBLICATION_REMINDER_DAYS)
    due = list(
        SmallGrantOffer.objects.filter(
            centre=centre,
            status__in=(SmallGrantStatus.RECEIVED, SmallGrantStatus.PURPOSEFUL),
            publish_by__lte=horizon,
        )
        .exclude(publish_reminded_on=today)
        .select_related("organisation")
        .order_by("publish_by", "id")
    )
    if not due:
        return 0
    emails = sorted({role.user.email for role in role_backend().holders(centre, OFFICIAL) if role.user.email})
    with transaction.atomic():
        if emails:
            outbox_enqueue(
                centre=centre,
                to=emails,
                template="grants/emails/small_grant_publication_reminder_to_officials",
                context={
                    "offers": due,
                    "today": today,
                    "link": centre_url(centre, reverse("grants:small_grants_desk")),
                },
            )
        SmallGrantOffer.objects.filter(pk__in=[o.pk for o in due]).update(publish_reminded_on=today)
        for offer in due:
            audit_log(
                actor=None,
                obj=offer,
                action=SmallGrantAudit.PUBLICATION_REMINDED,
                new={"publish_by": offer.publish_by.isoformat()},
            )
    return len(due)
