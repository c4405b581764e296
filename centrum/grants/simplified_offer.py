"""The simplified offer of a small grant (art. 19a; the form of Dz.U. 2018 poz. 2055): its fields, the
declarations of section V, the sums of section IV and every rule of its content, and the contract's bank
account as an IBAN. Plain functions of the content, no database beyond the centre's limits (settings): the
form's live check, the submission, the contract and the API all ask these, so they answer the same."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from centrum.core.centre_settings import centre_setting
from centrum.core.exceptions import ApplicationError

from . import budget as B
from .services.offers import DECLARATIONS as OFFER_DECLARATIONS

_OFFER_TEXT = {key: text for key, text, _required in OFFER_DECLARATIONS}
# V. Oświadczenia of the simplified offer: (key, text, required)
DECLARATIONS = (
    (
        "public_benefit",
        gettext_lazy(
            "zadanie publiczne będzie realizowane wyłącznie w zakresie działalności pożytku publicznego oferenta"
        ),
        True,
    ),
    ("fees", _OFFER_TEXT["fees"], True),
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


def check_iban(value: str) -> str:
    """A Polish bank account as an IBAN (26 digits with or without "PL"), normalised by the registry's one
    IBAN rule (`organisations.identifiers.clean_iban`); ApplicationError at `bank_account` if it is missing
    or wrong."""
    from django.core.exceptions import ValidationError

    from centrum.organisations.identifiers import clean_iban

    try:
        cleaned = clean_iban(value or "")
    except ValidationError as exc:
        raise ApplicationError(" ".join(exc.messages), field="bank_account") from exc
    if not cleaned:
        raise ApplicationError(
            _("Podaj numer rachunku bankowego, na który urząd przekaże dotację."), field="bank_account"
        )
    return cleaned
