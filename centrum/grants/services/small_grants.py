"""Small grants (art. 19a): the simplified offer (Dz.U. 2018 poz. 2055), its filing, the publication on the
three channels within the working days of its receipt, the public comments and their responses, and the
contract, created only after the comment period with every comment answered, and only within the limits
(the grant, the task's days, the organisation's year, the municipality's cap), re-counted under a lock.

The checks are plain functions of the offer's content (`check_content`), asked by the form's live check,
the submission and the API alike; the limits that depend on other contracts (`limit_problems`) are shown
while filling and decided when the contract is stored."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from stdnum import iban as stdnum_iban
from stdnum.exceptions import ValidationError as StdnumError

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
from ..choices import SMALL_GRANT_CHANNELS, ContractKind, ContractStatus, CostCategory, SmallGrantStatus
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
from .offers import offeror_from_registry

# V. Oświadczenia of the simplified offer: (key, text, required)
DECLARATIONS = (
    (
        "public_benefit",
        gettext_lazy(
            "zadanie publiczne będzie realizowane wyłącznie w zakresie działalności pożytku publicznego oferenta"
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
        "no_arrears",
        gettext_lazy(
            "oferent nie zalega z opłacaniem należności z tytułu zobowiązań podatkowych ani składek na "
            "ubezpieczenia społeczne"
        ),
        True,
    ),
    (
        "register_data",
        gettext_lazy(
            "dane zawarte w części II oferty są zgodne z Krajowym Rejestrem Sądowym lub inną właściwą ewidencją"
        ),
        True,
    ),
    (
        "true_information",
        gettext_lazy("wszystkie informacje podane w ofercie są zgodne ze stanem faktycznym"),
        True,
    ),
    (
        "personal_data",
        gettext_lazy(
            "oferent dopełnił obowiązków informacyjnych wobec osób, których dane osobowe zawiera oferta (RODO)"
        ),
        True,
    ),
)
DECLARATION_KEYS = tuple(key for key, _text, _required in DECLARATIONS)

HEADER_FIELDS = (
    "organ",
    "task_kind",
    "title",
    "start_date",
    "end_date",
    "offeror_name",
    "legal_form",
    "register_number",
    "seat",
    "email",
    "phone",
    "contact_name",
    "contact_email",
    "contact_phone",
    "bank_account",
    "place",
    "description",
    "profile",
    "requested_grant",
    "own_financial",
    "own_personal",
    "own_material",
    "recipient_fees",
)
MONEY_FIELDS = ("requested_grant", "own_financial", "own_personal", "own_material", "recipient_fees")
REQUIRED_TEXT = (
    ("organ", gettext_lazy("Podaj organ, do którego adresujesz ofertę (I.1).")),
    ("task_kind", gettext_lazy("Podaj rodzaj zadania publicznego (I.2).")),
    ("title", gettext_lazy("Podaj tytuł zadania (I.3).")),
    ("offeror_name", gettext_lazy("Podaj nazwę oferenta (II.1).")),
    ("contact_name", gettext_lazy("Podaj osobę do kontaktu (II.2).")),
    ("place", gettext_lazy("Podaj miejsce realizacji zadania (III.1).")),
    ("description", gettext_lazy("Opisz zadanie (III.2).")),
    ("profile", gettext_lazy("Opisz krótko oferenta (III.4).")),
)
RESULT_FIELDS = ("name", "target_value", "monitoring")
LINE_FIELDS = ("category", "kind", "unit", "unit_cost", "units", "grant_part")


@dataclass
class Content:
    """What the organisation fills in: the header (sections I–IV's single fields), the results, the cost
    lines, the declarations."""

    header: dict = field(default_factory=dict)
    results: list[dict] = field(default_factory=list)
    lines: list[dict] = field(default_factory=list)
    declarations: dict = field(default_factory=dict)


@dataclass
class Summary:
    """The sums the form shows as the person types."""

    total: Decimal
    sources_total: Decimal
    grant_parts: Decimal
    shares: dict[str, Decimal]
    days: int | None
    # The limits that depend on other contracts, as the form shows them (not blocking the filing).
    warnings: list[str] = field(default_factory=list)

    @property
    def balanced(self) -> bool:
        return self.total == self.sources_total


@dataclass(frozen=True)
class Limits:
    """The centre's art. 19a limits (settings), read once."""

    max_grant: Decimal
    max_days: int
    org_year_max: Decimal
    cap_percent: Decimal

    @classmethod
    def of(cls, centre) -> Limits:
        return cls(
            max_grant=centre_setting(centre, "grants.small_grant_max"),
            max_days=centre_setting(centre, "grants.small_grant_max_days"),
            org_year_max=centre_setting(centre, "grants.small_grant_org_year_max"),
            cap_percent=centre_setting(centre, "grants.small_grant_cap_percent"),
        )


def content_of(offer: SmallGrantOffer) -> Content:
    return Content(
        header={name: getattr(offer, name) for name in HEADER_FIELDS},
        results=[{name: getattr(r, name) for name in RESULT_FIELDS} for r in offer.results.all()],
        lines=[{name: getattr(ln, name) for name in LINE_FIELDS} for ln in offer.cost_lines.all()],
        declarations=dict(offer.declarations or {}),
    )


def _amount(value) -> Decimal:
    return B.ZERO if value in (None, "") else Decimal(value)


def summary_of(content: Content) -> Summary:
    header = content.header
    total = sum((_line_value(line) for line in content.lines), B.ZERO)
    sources = B.Sources(
        grant=_amount(header.get("requested_grant")),
        own_financial=_amount(header.get("own_financial")),
        own_personal=_amount(header.get("own_personal")),
        own_material=_amount(header.get("own_material")),
        recipient_fees=_amount(header.get("recipient_fees")),
    )
    parts = {
        "grant": sources.grant,
        "own_financial": sources.own_financial,
        "own_non_financial": sources.own_non_financial,
        "recipient_fees": sources.recipient_fees,
    }
    start, end = header.get("start_date"), header.get("end_date")
    return Summary(
        total=total,
        sources_total=sources.total,
        grant_parts=sum((_amount(line.get("grant_part")) for line in content.lines), B.ZERO),
        shares=dict(zip(parts, B.shares_percent(list(parts.values())), strict=True)),
        days=(end - start).days + 1 if start and end else None,
    )


def _line_value(line: dict) -> Decimal:
    if line.get("unit_cost") in (None, "") or line.get("units") in (None, ""):
        return B.ZERO
    return B.line_value(Decimal(line["unit_cost"]), Decimal(line["units"]))


def check_content(content: Content, limits: Limits) -> tuple[Summary, list[B.Problem]]:
    """The totals and every broken rule of the simplified offer (Problem.field names the form field:
    a header field, `results-<i>-<field>`, `lines-<i>-<field>`, or a section)."""
    header, problems = content.header, []
    for name, message in REQUIRED_TEXT:
        if not str(header.get(name) or "").strip():
            problems.append(B.Problem(name, str(message)))
    start, end = header.get("start_date"), header.get("end_date")
    if start is None:
        problems.append(B.Problem("start_date", _("Podaj datę rozpoczęcia zadania.")))
    if end is None:
        problems.append(B.Problem("end_date", _("Podaj datę zakończenia zadania.")))
    if start and end and end < start:
        problems.append(B.Problem("end_date", _("Zadanie nie może się skończyć przed rozpoczęciem.")))
    summary = summary_of(content)
    if summary.days is not None and summary.days > limits.max_days:
        problems.append(
            B.Problem(
                "end_date",
                _(
                    "Zadanie trwa %(days)s dni (licząc pierwszy i ostatni), a w trybie art. 19a może trwać "
                    "najwyżej %(max)s dni: skróć termin realizacji."
                )
                % {"days": summary.days, "max": limits.max_days},
            )
        )
    for name in MONEY_FIELDS:
        if _amount(header.get(name)) < 0:
            problems.append(B.Problem(name, _("Kwota nie może być ujemna.")))
    grant = _amount(header.get("requested_grant"))
    if grant <= 0:
        problems.append(B.Problem("requested_grant", _("Podaj wnioskowaną kwotę dotacji.")))
    elif grant > limits.max_grant:
        problems.append(
            B.Problem(
                "requested_grant",
                _("Dotacja w trybie art. 19a może wynosić najwyżej %(max)s; wnioskujesz o %(grant)s.")
                % {"max": B._fmt(limits.max_grant), "grant": B._fmt(grant)},
            )
        )
    problems.extend(_result_problems(content.results))
    problems.extend(_line_problems(content.lines))
    if content.lines and not summary.balanced:
        problems.append(
            B.Problem(
                "sources",
                _(
                    "Źródła finansowania (razem %(sources)s) muszą być równe sumie kosztów (%(total)s): "
                    "popraw kwoty."
                )
                % {"sources": B._fmt(summary.sources_total), "total": B._fmt(summary.total)},
            )
        )
    if content.lines and grant > 0 and summary.grant_parts != grant:
        problems.append(
            B.Problem(
                "sources",
                _(
                    "Części kosztów pokrywane z dotacji (razem %(parts)s) muszą być równe wnioskowanej "
                    "dotacji (%(grant)s)."
                )
                % {"parts": B._fmt(summary.grant_parts), "grant": B._fmt(grant)},
            )
        )
    for key, _text, required in DECLARATIONS:
        if required and not content.declarations.get(key):
            problems.append(B.Problem(f"declaration_{key}", _("Zaznacz to oświadczenie, aby złożyć ofertę.")))
    return summary, problems


def _result_problems(results: list[dict]) -> list[B.Problem]:
    problems = []
    if not results:
        problems.append(B.Problem("results", _("Podaj co najmniej jeden zakładany rezultat (III.3).")))
    for i, row in enumerate(results):
        if not str(row.get("name") or "").strip():
            problems.append(B.Problem(f"results-{i}-name", _("Podaj nazwę rezultatu.")))
        target = row.get("target_value")
        if target in (None, "") or Decimal(target) <= 0:
            problems.append(
                B.Problem(
                    f"results-{i}-target_value", _("Planowany poziom rezultatu musi być większy od zera.")
                )
            )
    return problems


def _line_problems(lines: list[dict]) -> list[B.Problem]:
    problems = []
    if not lines:
        problems.append(B.Problem("lines", _("Dodaj co najmniej jedną pozycję kosztorysu (IV).")))
    for i, row in enumerate(lines):
        label = {"line": i + 1}
        if not str(row.get("kind") or "").strip():
            problems.append(B.Problem(f"lines-{i}-kind", _("Pozycja %(line)s: podaj rodzaj kosztu.") % label))
        if not str(row.get("unit") or "").strip():
            problems.append(B.Problem(f"lines-{i}-unit", _("Pozycja %(line)s: podaj rodzaj miary.") % label))
        cost = row.get("unit_cost")
        if cost in (None, "") or Decimal(cost) < 0:
            problems.append(
                B.Problem(
                    f"lines-{i}-unit_cost", _("Pozycja %(line)s: podaj nieujemny koszt jednostkowy.") % label
                )
            )
        units = row.get("units")
        if units in (None, "") or Decimal(units) <= 0:
            problems.append(
                B.Problem(
                    f"lines-{i}-units",
                    _("Pozycja %(line)s: liczba jednostek musi być większa od zera.") % label,
                )
            )
        part = _amount(row.get("grant_part"))
        if part < 0 or part > _line_value(row):
            problems.append(
                B.Problem(
                    f"lines-{i}-grant_part",
                    _("Pozycja %(line)s: część z dotacji musi mieścić się między zerem a wartością pozycji.")
                    % label,
                )
            )
    return problems


# --- the limits that depend on other contracts ----------------------------------------------------------------


def _counted_contracts(centre, year: int):
    """The municipality's art. 19a contracts of a calendar year (a draft terminated before signing does not
    count)."""
    return Contract.objects.filter(
        centre=centre, kind=ContractKind.SMALL_GRANT, concluded_on__year=year
    ).exclude(status=ContractStatus.TERMINATED, signed_at__isnull=True)


def granted_in_year(*, centre, year: int, organisation=None) -> Decimal:
    rows = _counted_contracts(centre, year)
    if organisation is not None:
        rows = rows.filter(organisation=organisation)
    return rows.aggregate(total=Sum("grant_amount"))["total"] or B.ZERO


def limit_problems(
    *, centre, organisation, grant: Decimal, on: date, limits: Limits | None = None
) -> list[B.Problem]:
    """The organisation's yearly limit and the municipality's cap for a grant of `grant` contracted on
    `on`: shown while filling, decided (under a lock) when the contract is stored."""
    from centrum.programmes.selectors import planned_ngo_grants

    limits = limits or Limits.of(centre)
    problems = []
    year = on.year
    org_total = granted_in_year(centre=centre, year=year, organisation=organisation)
    if org_total + grant > limits.org_year_max:
        problems.append(
            B.Problem(
                "requested_grant",
                _(
                    "Limit roczny organizacji: w %(year)s r. organizacja ma już małe granty na %(have)s; "
                    "z tą dotacją (%(grant)s) przekroczyłaby %(max)s."
                )
                % {
                    "year": year,
                    "have": B._fmt(org_total),
                    "grant": B._fmt(grant),
                    "max": B._fmt(limits.org_year_max),
                },
            )
        )
    planned = planned_ngo_grants(centre=centre, year=year, on=on)
    if planned is None:
        problems.append(
            B.Problem(
                "cap",
                _(
                    "Brak kwoty planowanych dotacji dla organizacji na %(year)s r. (obowiązującej %(on)s): "
                    "urzędnik musi ją wpisać w programie współpracy, zanim zawrze umowę małego grantu."
                )
                % {"year": year, "on": on.strftime("%d.%m.%Y")},
            )
        )
        return problems
    cap = B.money(planned * limits.cap_percent / B.HUNDRED)
    used = granted_in_year(centre=centre, year=year)
    if used + grant > cap:
        problems.append(
            B.Problem(
                "cap",
                _(
                    "Limit gminy: małe granty w %(year)s r. mogą wynieść najwyżej %(cap)s (%(percent)s%% "
                    "planowanych dotacji); zawarto już %(used)s, zostało %(left)s."
                )
                % {
                    "year": year,
                    "cap": B._fmt(cap),
                    "percent": limits.cap_percent.normalize(),
                    "used": B._fmt(used),
                    "left": B._fmt(max(cap - used, B.ZERO)),
                },
            )
        )
    return problems


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
            units=_amount(row.get("units")) or Decimal("1"),
            value=_line_value(row),
            grant_part=B.money(_amount(row.get("grant_part"))),
        )
        for i, row in enumerate(content.lines)
    ]
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


def check_iban(value: str) -> str:
    """A Polish bank account as an IBAN (26 digits with or without "PL"), normalised; ApplicationError if
    its check digits are wrong."""
    compact = stdnum_iban.compact(value or "")
    if compact.isdigit():
        compact = f"PL{compact}"
    try:
        return stdnum_iban.validate(compact)
    except StdnumError:
        raise ApplicationError(
            _("Numer rachunku bankowego jest błędny (sprawdź cyfry: to nie jest poprawny IBAN)."),
            field="bank_account",
        ) from None


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
