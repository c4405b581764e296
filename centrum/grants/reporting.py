"""The report's arithmetic (annex 5, Part II) and the settlement's, without the database: pure Decimal
functions the form's live check, the report page, the services and the tests share.

- A cost line is consistent with the budget if its grant part did not grow by more than the contract's
  percentage: `actual_grant_line ≤ planned_grant_line × (1 + p/100)` (annex 3; DOMAIN.md §1).
- The grant's share of the total cost may move by at most the contract's percentage points (0: not checked).
- The actual costs balance the sources: Σ lines = grant + own financial + personal + material + fees.
- The return: the unspent grant, plus the grant spent over the tolerance, plus what the official adds;
  never more than the grant received.
- Interest on a late return: amount × rate% × days late / 365, rounded half up to the grosz."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
ZERO = Decimal("0")
HUNDRED = Decimal("100")
DAYS_IN_YEAR = Decimal("365")


def money(value) -> Decimal:
    return Decimal(value or 0).quantize(CENT, rounding=ROUND_HALF_UP)


def line_limit(planned: Decimal, tolerance_percent: Decimal) -> Decimal:
    """The most a line may take from the grant: the planned part grown by the tolerance."""
    return money(Decimal(planned) * (1 + Decimal(tolerance_percent) / HUNDRED))


def line_excess(planned: Decimal, actual: Decimal, tolerance_percent: Decimal) -> Decimal:
    """What the line took from the grant above its limit (0 within the tolerance)."""
    return max(ZERO, money(actual) - line_limit(planned, tolerance_percent))


def share_percent(part: Decimal, total: Decimal) -> Decimal:
    if not total:
        return ZERO
    return money(Decimal(part) / Decimal(total) * HUNDRED)


def share_within(planned: Decimal, actual: Decimal, tolerance_points: Decimal) -> bool:
    """The grant's share kept within the contract's points (no check when the contract sets 0)."""
    if not tolerance_points:
        return True
    return abs(Decimal(actual) - Decimal(planned)) <= Decimal(tolerance_points)


@dataclass(frozen=True)
class LineCheck:
    key: object
    planned_value: Decimal
    planned_grant: Decimal
    actual_value: Decimal
    actual_grant: Decimal
    limit: Decimal
    excess: Decimal

    @property
    def over(self) -> bool:
        return self.excess > 0

    @property
    def difference(self) -> Decimal:
        return self.actual_grant - self.planned_grant


@dataclass(frozen=True)
class ResultCheck:
    key: object
    target: Decimal
    achieved: Decimal

    @property
    def missed(self) -> bool:
        return Decimal(self.achieved) < Decimal(self.target)

    @property
    def percent(self) -> Decimal:
        return share_percent(self.achieved, self.target) if self.target else HUNDRED


@dataclass(frozen=True)
class Sources:
    grant: Decimal = ZERO
    own_financial: Decimal = ZERO
    own_personal: Decimal = ZERO
    own_material: Decimal = ZERO
    recipient_fees: Decimal = ZERO

    @property
    def total(self) -> Decimal:
        return money(
            self.grant + self.own_financial + self.own_personal + self.own_material + self.recipient_fees
        )


@dataclass(frozen=True)
class ReportCheck:
    lines: list[LineCheck]
    results: list[ResultCheck]
    planned: Sources
    actual: Sources
    grant_amount: Decimal
    planned_share: Decimal
    share_tolerance_points: Decimal
    errors: list[str] = field(default_factory=list)

    @property
    def lines_total(self) -> Decimal:
        return money(sum((line.actual_value for line in self.lines), ZERO))

    @property
    def grant_spent(self) -> Decimal:
        return money(sum((line.actual_grant for line in self.lines), ZERO))

    @property
    def balanced(self) -> bool:
        return self.lines_total == self.actual.total

    @property
    def actual_share(self) -> Decimal:
        return share_percent(self.grant_spent, self.lines_total)

    @property
    def share_ok(self) -> bool:
        return share_within(self.planned_share, self.actual_share, self.share_tolerance_points)

    @property
    def over_lines(self) -> list[LineCheck]:
        return [line for line in self.lines if line.over]

    @property
    def over_tolerance(self) -> Decimal:
        return money(sum((line.excess for line in self.lines), ZERO))

    @property
    def grant_exceeded(self) -> bool:
        return self.grant_spent > money(self.grant_amount)

    @property
    def unspent(self) -> Decimal:
        return max(ZERO, money(self.grant_amount) - self.grant_spent)

    @property
    def missed_results(self) -> list[ResultCheck]:
        return [r for r in self.results if r.missed]

    @property
    def ok(self) -> bool:
        return self.balanced and self.share_ok and not self.over_lines and not self.grant_exceeded


def check_lines(
    rows: Iterable[tuple[object, Decimal, Decimal | None, Decimal, Decimal]], tolerance_percent: Decimal
) -> list[LineCheck]:
    """`rows`: (key, planned value, planned grant part or None, actual value, actual grant part) per line.

    Where the budget names the line's grant part, the tolerance applies to it; where it does not, to the
    line's value, and the excess (taken from the grant) is at most the grant the line took."""
    checks = []
    for key, planned_value, planned_grant, actual_value, actual_grant in rows:
        planned_value, actual_value, actual_grant = (
            money(planned_value),
            money(actual_value),
            money(actual_grant),
        )
        if planned_grant is None:
            limit = line_limit(planned_value, tolerance_percent)
            excess = min(actual_grant, line_excess(planned_value, actual_value, tolerance_percent))
            planned_grant = planned_value
        else:
            planned_grant = money(planned_grant)
            limit = line_limit(planned_grant, tolerance_percent)
            excess = line_excess(planned_grant, actual_grant, tolerance_percent)
        checks.append(
            LineCheck(
                key=key,
                planned_value=planned_value,
                planned_grant=planned_grant,
                actual_value=actual_value,
                actual_grant=actual_grant,
                limit=limit,
                excess=excess,
            )
        )
    return checks


def return_amount(
    *, grant_amount: Decimal, unspent: Decimal, over_tolerance: Decimal, extra: Decimal
) -> Decimal:
    """What the organisation returns: never below 0, never above the grant it received."""
    total = money(unspent) + money(over_tolerance) + money(extra)
    return min(money(grant_amount), max(ZERO, total))


def interest(*, amount: Decimal, due_on: date, paid_on: date, rate_percent: Decimal) -> Decimal:
    """Interest for each day the return was paid after its deadline (0 when on time)."""
    days = (paid_on - due_on).days
    if days <= 0 or not amount or not rate_percent:
        return ZERO
    return money(Decimal(amount) * Decimal(rate_percent) / HUNDRED * days / DAYS_IN_YEAR)
