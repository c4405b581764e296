"""The offer's budget arithmetic (annex 1 to Dz.U. 2018 poz. 2057, sections V.A–V.C) and the rules an
announcement sets on it. Pure functions of Decimals and plain data, no database: the form's live check, the
submission service, the formal check and the API all ask these, so they answer the same.

Money is rounded half-up to the grosz (0.01 zł). Each broken rule is a `Problem` naming the field it
concerns, with a Polish message a person can act on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import gettext as _

GROSZ = Decimal("0.01")
ZERO = Decimal("0.00")
HUNDRED = Decimal("100")
MAX_YEARS = 3
# The largest amount the tables store (14 digits, 2 of them after the point).
MAX_AMOUNT = Decimal("999999999999.99")

KIND_SUPPORT = "support"
BASIS_GRANT = "grant"
TYPE_FINANCIAL = "financial"
CATEGORY_ACTIONS = "actions"
CATEGORY_ADMINISTRATIVE = "administrative"


def money(value: Decimal | int | str) -> Decimal:
    """`value` rounded half-up to the grosz."""
    return Decimal(value).quantize(GROSZ, rounding=ROUND_HALF_UP)


_SPACES = re.compile(r"[\s\u00a0\u202f']")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def parse_amount(text: str | Decimal | int | None) -> Decimal | None:
    """An amount as a person types it: "1 234,56", "1234.56", "1.234,56", "12". None for an empty field;
    ValueError for anything that is not a number."""
    if text is None:
        return None
    if isinstance(text, (Decimal, int)):
        return Decimal(text)
    cleaned = _SPACES.sub("", str(text))
    if not cleaned:
        return None
    if "," in cleaned:
        # Polish: the comma is the decimal point and dots (if any) group thousands.
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif cleaned.count(".") > 1:
        cleaned = cleaned.replace(".", "")
    if not _NUMBER.match(cleaned):
        raise ValueError(text)
    try:
        return Decimal(cleaned)
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits only numbers
        raise ValueError(text) from exc


def line_value(unit_cost: Decimal, units: Decimal) -> Decimal:
    """V.A: value = unit cost × number of units, rounded half-up to the grosz."""
    return money(unit_cost * units)


def shares_percent(values: Sequence[Decimal]) -> list[Decimal]:
    """Each value's share of their sum in %, to 2 decimals, summing to exactly 100.00: the residual of the
    rounding goes to the largest value (the first of equals). All zero when the sum is zero."""
    total = sum(values, ZERO)
    if total <= 0:
        return [ZERO for _value in values]
    shares = [money(value / total * HUNDRED) for value in values]
    residual = HUNDRED - sum(shares, ZERO)
    if residual and shares:
        largest = max(range(len(values)), key=lambda i: (values[i], -i))
        shares[largest] += residual
    return shares


def percent_of(part: Decimal, whole: Decimal) -> Decimal:
    return money(part / whole * HUNDRED) if whole > 0 else ZERO


@dataclass
class CostLine:
    """One line of V.A as entered. `years`: the year columns of a multi-year task (None = left empty)."""

    category: str
    kind: str = ""
    unit: str = ""
    unit_cost: Decimal | None = None
    units: Decimal | None = None
    years: tuple[Decimal | None, ...] = ()
    action: int | None = None  # the action's position in III.4 (category I)
    field_prefix: str = ""  # the form's prefix of this line, so a problem lands next to it
    label: str = ""  # how a message names the line ("I.1.2", "II.1")

    @property
    def value(self) -> Decimal:
        if self.unit_cost is None or self.units is None:
            return ZERO
        return line_value(self.unit_cost, self.units)


@dataclass
class Sources:
    """V.B as entered: the grant and the other sources (the total is V.A's)."""

    grant: Decimal = ZERO
    own_financial: Decimal = ZERO
    own_personal: Decimal = ZERO
    own_material: Decimal = ZERO
    recipient_fees: Decimal = ZERO

    @property
    def own_non_financial(self) -> Decimal:
        return self.own_personal + self.own_material

    @property
    def own(self) -> Decimal:
        return self.own_financial + self.own_non_financial

    @property
    def total(self) -> Decimal:
        return self.grant + self.own + self.recipient_fees


@dataclass
class Rules:
    """What the announcement sets (Competition fields), as plain data."""

    kind: str = KIND_SUPPORT
    max_grant: Decimal | None = None
    min_own_percent: Decimal = ZERO
    own_basis: str = "total"
    own_type: str = "any"
    admin_cap_percent: Decimal | None = None
    multi_year: bool = False
    results_required: bool = True
    task_start: date | None = None
    task_end: date | None = None


@dataclass
class OfferBudget:
    """Everything of an offer the rules read."""

    lines: list[CostLine] = field(default_factory=list)
    sources: Sources = field(default_factory=Sources)
    start: date | None = None
    end: date | None = None
    is_joint: bool = False
    # Per offeror (its label) the V.C amounts per year, and its VI.2 text.
    offerors: list[str] = field(default_factory=list)
    shares: dict[tuple[int, int], Decimal] = field(default_factory=dict)  # (offeror index, year) → amount
    offeror_scopes: list[str] = field(default_factory=list)
    result_targets: list[tuple[str, Decimal | None]] = field(default_factory=list)  # (label, target)


@dataclass(frozen=True)
class Problem:
    field: str  # the form field (or section) the problem is shown next to
    message: str


@dataclass
class Totals:
    """The sums the form shows as the person types."""

    lines: list[Decimal]
    actions: Decimal
    administrative: Decimal
    total: Decimal
    per_action: dict[int | None, Decimal]
    years: list[Decimal]
    sources_total: Decimal
    source_shares: dict[str, Decimal]
    own_percent: Decimal

    @property
    def balanced(self) -> bool:
        return self.sources_total == self.total


def years_of(rules: Rules, start: date | None, end: date | None) -> int:
    """How many year columns the task has (1 for a single-year task, at most MAX_YEARS)."""
    if not rules.multi_year or start is None or end is None or end < start:
        return 1
    return max(1, min(MAX_YEARS, end.year - start.year + 1))


def totals(budget: OfferBudget, rules: Rules) -> Totals:
    values = [line.value for line in budget.lines]
    actions = sum(
        (v for v, ln in zip(values, budget.lines, strict=True) if ln.category == CATEGORY_ACTIONS), ZERO
    )
    administrative = sum(
        (v for v, ln in zip(values, budget.lines, strict=True) if ln.category == CATEGORY_ADMINISTRATIVE),
        ZERO,
    )
    per_action: dict[int | None, Decimal] = {}
    for value, line in zip(values, budget.lines, strict=True):
        if line.category == CATEGORY_ACTIONS:
            per_action[line.action] = per_action.get(line.action, ZERO) + value
    count = years_of(rules, budget.start, budget.end)
    years = [ZERO] * count
    for value, line in zip(values, budget.lines, strict=True):
        for index in range(count):
            years[index] += _year_amount(line, value, index, count)
    total = actions + administrative
    src = budget.sources
    parts = {
        "grant": src.grant,
        "own_financial": src.own_financial,
        "own_non_financial": src.own_non_financial,
        "recipient_fees": src.recipient_fees,
    }
    shares = dict(zip(parts, shares_percent(list(parts.values())), strict=True))
    return Totals(
        lines=values,
        actions=actions,
        administrative=administrative,
        total=total,
        per_action=per_action,
        years=years,
        sources_total=src.total,
        source_shares=shares,
        own_percent=percent_of(src.own, total),
    )


def _year_amount(line: CostLine, value: Decimal, index: int, count: int) -> Decimal:
    if count == 1:
        return value
    amount = line.years[index] if index < len(line.years) else None
    return amount or ZERO


def _fmt(amount: Decimal) -> str:
    """12345.5 → "12 345,50 zł" (how the messages name amounts)."""
    text = f"{money(amount):,.2f}".replace(",", "\u00a0").replace(".", ",")
    return f"{text} zł"


def check_lines(budget: OfferBudget, rules: Rules) -> list[Problem]:
    problems: list[Problem] = []
    count = years_of(rules, budget.start, budget.end)
    if not budget.lines:
        problems.append(Problem("lines", _("Dodaj co najmniej jedną pozycję kosztorysu (V.A).")))
    for line in budget.lines:
        name = line.label or line.kind or "?"
        pre = line.field_prefix
        if not line.kind.strip():
            problems.append(
                Problem(f"{pre}kind", _("Pozycja %(line)s: podaj rodzaj kosztu.") % {"line": name})
            )
        if line.unit_cost is None:
            problems.append(
                Problem(f"{pre}unit_cost", _("Pozycja %(line)s: podaj koszt jednostkowy.") % {"line": name})
            )
        elif line.unit_cost < 0:
            problems.append(
                Problem(
                    f"{pre}unit_cost",
                    _("Pozycja %(line)s: koszt jednostkowy nie może być ujemny.") % {"line": name},
                )
            )
        if line.units is None or line.units <= 0:
            problems.append(
                Problem(
                    f"{pre}units",
                    _("Pozycja %(line)s: liczba jednostek musi być większa od zera.") % {"line": name},
                )
            )
        if line.category == CATEGORY_ACTIONS and line.action is None:
            problems.append(
                Problem(
                    f"{pre}action",
                    _("Pozycja %(line)s: wskaż działanie z III.4, którego dotyczy koszt.") % {"line": name},
                )
            )
        if count > 1 and line.unit_cost is not None and line.units is not None:
            spread = sum((y or ZERO for y in line.years[:count]), ZERO)
            if any(y is not None and y < 0 for y in line.years):
                problems.append(
                    Problem(
                        f"{pre}year_1",
                        _("Pozycja %(line)s: kwoty w latach nie mogą być ujemne.") % {"line": name},
                    )
                )
            elif spread != line.value:
                problems.append(
                    Problem(
                        f"{pre}year_1",
                        _(
                            "Pozycja %(line)s: kwoty w poszczególnych latach (razem %(spread)s) muszą "
                            "sumować się do wartości pozycji %(value)s."
                        )
                        % {"line": name, "spread": _fmt(spread), "value": _fmt(line.value)},
                    )
                )
    return problems


def check_sources(budget: OfferBudget, rules: Rules, t: Totals) -> list[Problem]:
    problems: list[Problem] = []
    src = budget.sources
    for name, amount in (
        ("requested_grant", src.grant),
        ("own_financial", src.own_financial),
        ("own_personal", src.own_personal),
        ("own_material", src.own_material),
        ("recipient_fees", src.recipient_fees),
    ):
        if amount < 0:
            problems.append(Problem(name, _("Kwota nie może być ujemna.")))
    if problems:
        return problems
    if t.sources_total != t.total:
        problems.append(
            Problem(
                "sources",
                _(
                    "Źródła finansowania (V.B) razem %(sources)s nie równają się całkowitemu kosztowi zadania "
                    "z V.A %(total)s (różnica %(diff)s): dotacja + wkład własny + świadczenia odbiorców "
                    "muszą dać koszt całkowity."
                )
                % {
                    "sources": _fmt(t.sources_total),
                    "total": _fmt(t.total),
                    "diff": _fmt(t.sources_total - t.total),
                },
            )
        )
    if src.grant <= 0:
        problems.append(Problem("requested_grant", _("Podaj wnioskowaną kwotę dotacji (V.B.2).")))
    if rules.max_grant is not None and src.grant > rules.max_grant:
        problems.append(
            Problem(
                "requested_grant",
                _("Wnioskowana dotacja %(grant)s przekracza maksymalną kwotę z ogłoszenia %(max)s.")
                % {"grant": _fmt(src.grant), "max": _fmt(rules.max_grant)},
            )
        )
    own = src.own_financial if rules.own_type == TYPE_FINANCIAL else src.own
    own_field = "own_financial"
    if rules.kind == KIND_SUPPORT and src.own <= 0:
        problems.append(
            Problem(
                own_field,
                _("Konkurs na wspieranie zadania wymaga wkładu własnego większego od zera (V.B.3)."),
            )
        )
    if rules.min_own_percent > 0:
        base = src.grant if rules.own_basis == BASIS_GRANT else t.total
        needed = money(base * rules.min_own_percent / HUNDRED)
        if own < needed:
            kind = _("finansowego") if rules.own_type == TYPE_FINANCIAL else _("finansowego i niefinansowego")
            basis = _("kwoty dotacji") if rules.own_basis == BASIS_GRANT else _("całkowitego kosztu zadania")
            problems.append(
                Problem(
                    own_field,
                    _(
                        "Wkład własny (%(kind)s) %(own)s jest niższy od wymaganego w ogłoszeniu: "
                        "%(percent)s%% %(basis)s, czyli %(needed)s."
                    )
                    % {
                        "kind": kind,
                        "own": _fmt(own),
                        "percent": rules.min_own_percent.normalize(),
                        "basis": basis,
                        "needed": _fmt(needed),
                    },
                )
            )
    if rules.admin_cap_percent is not None and t.total > 0:
        cap = money(t.total * rules.admin_cap_percent / HUNDRED)
        if t.administrative > cap:
            problems.append(
                Problem(
                    "lines",
                    _(
                        "Koszty administracyjne (kategoria II) %(admin)s przekraczają limit z ogłoszenia: "
                        "%(percent)s%% całkowitego kosztu, czyli %(cap)s."
                    )
                    % {
                        "admin": _fmt(t.administrative),
                        "percent": rules.admin_cap_percent.normalize(),
                        "cap": _fmt(cap),
                    },
                )
            )
    return problems


def check_joint(budget: OfferBudget, rules: Rules, t: Totals) -> list[Problem]:
    if not budget.is_joint:
        return []
    problems: list[Problem] = []
    if len(budget.offerors) < 2:
        problems.append(Problem("offerors", _("Oferta wspólna wymaga co najmniej dwóch oferentów (II.1).")))
    for index, label in enumerate(budget.offerors):
        scope = budget.offeror_scopes[index] if index < len(budget.offeror_scopes) else ""
        if not scope.strip():
            problems.append(
                Problem(
                    f"offerors-{index}-actions_scope",
                    _("Opisz działania oferenta %(name)s (VI.2).") % {"name": label or index + 1},
                )
            )
    for year_index, year_total in enumerate(t.years):
        year = year_index + 1
        shares = [budget.shares.get((i, year)) for i in range(len(budget.offerors))]
        if any(s is not None and s < 0 for s in shares):
            problems.append(Problem("shares", _("Kwoty podziału kosztów (V.C) nie mogą być ujemne.")))
            continue
        split = sum((s or ZERO for s in shares), ZERO)
        if split != year_total:
            problems.append(
                Problem(
                    "shares",
                    _(
                        "Podział kosztów między oferentów (V.C) w roku %(year)s daje %(split)s, a koszty tego "
                        "roku w V.A to %(total)s."
                    )
                    % {"year": year, "split": _fmt(split), "total": _fmt(year_total)},
                )
            )
    return problems


def check_dates(budget: OfferBudget, rules: Rules) -> list[Problem]:
    problems: list[Problem] = []
    if budget.start is None:
        problems.append(Problem("start_date", _("Podaj datę rozpoczęcia zadania (III.2).")))
    if budget.end is None:
        problems.append(Problem("end_date", _("Podaj datę zakończenia zadania (III.2).")))
    if budget.start is None or budget.end is None:
        return problems
    if budget.start > budget.end:
        problems.append(Problem("end_date", _("Data zakończenia jest wcześniejsza niż data rozpoczęcia.")))
    if rules.task_start and budget.start < rules.task_start:
        problems.append(
            Problem(
                "start_date",
                _("Zadanie może się zacząć najwcześniej %(day)s (ogłoszenie).")
                % {"day": rules.task_start.strftime("%d.%m.%Y")},
            )
        )
    if rules.task_end and budget.end > rules.task_end:
        problems.append(
            Problem(
                "end_date",
                _("Zadanie musi się skończyć najpóźniej %(day)s (ogłoszenie).")
                % {"day": rules.task_end.strftime("%d.%m.%Y")},
            )
        )
    if not rules.multi_year and budget.start.year != budget.end.year:
        problems.append(
            Problem(
                "end_date",
                _("Konkurs dotyczy zadania jednorocznego: zadanie musi się skończyć w roku rozpoczęcia."),
            )
        )
    return problems


def check_results(budget: OfferBudget, rules: Rules) -> list[Problem]:
    if not rules.results_required:
        return []
    if not budget.result_targets:
        return [
            Problem(
                "results", _("Ogłoszenie wymaga tabeli rezultatów (III.6): dodaj co najmniej jeden rezultat.")
            )
        ]
    return [
        Problem(
            f"results-{index}-target_value",
            _("Rezultat „%(name)s”: planowany poziom osiągnięcia musi być liczbą większą od zera.")
            % {"name": label or index + 1},
        )
        for index, (label, target) in enumerate(budget.result_targets)
        if target is None or target <= 0
    ]


def check(budget: OfferBudget, rules: Rules) -> tuple[Totals, list[Problem]]:
    """The sums and every broken rule of V.A–V.C, the dates, the joint offer and III.6."""
    t = totals(budget, rules)
    problems = (
        check_lines(budget, rules)
        + check_sources(budget, rules, t)
        + check_joint(budget, rules, t)
        + check_dates(budget, rules)
        + check_results(budget, rules)
    )
    if any(abs(v) > MAX_AMOUNT for v in [*t.lines, t.total]):
        problems.append(Problem("lines", _("Kwota jest zbyt duża.")))
    return t, problems


def by_field(problems: Iterable[Problem]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for problem in problems:
        grouped.setdefault(problem.field, []).append(problem.message)
    return grouped
