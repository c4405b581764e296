"""The report's and the settlement's arithmetic (pure Decimal): tolerance, share, balance, return, interest."""

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from centrum.grants import reporting as R

amounts = st.decimals(
    min_value=0, max_value=Decimal("1000000"), places=2, allow_nan=False, allow_infinity=False
)
percents = st.decimals(min_value=0, max_value=Decimal("100"), places=2, allow_nan=False, allow_infinity=False)


def test_line_within_tolerance_and_over_it():
    # 7 000 zł planned, 20 %: up to 8 400 zł from the grant is consistent with the budget.
    assert R.line_limit(Decimal("7000"), Decimal("20")) == Decimal("8400.00")
    assert R.line_excess(Decimal("7000"), Decimal("8400"), Decimal("20")) == 0
    assert R.line_excess(Decimal("7000"), Decimal("8400.01"), Decimal("20")) == Decimal("0.01")


def test_line_without_grant_part_uses_its_value():
    (line,) = R.check_lines([("x", Decimal("1000"), None, Decimal("1300"), Decimal("500"))], Decimal("10"))
    # 1 100 zł allowed; 200 zł over, all of it paid from the grant (500 zł ≥ 200 zł).
    assert line.excess == Decimal("200.00")
    (line,) = R.check_lines([("x", Decimal("1000"), None, Decimal("1300"), Decimal("50"))], Decimal("10"))
    assert line.excess == Decimal("50.00")


@given(planned=amounts, actual=amounts, p=percents)
def test_excess_is_what_passes_the_limit(planned, actual, p):
    excess = R.line_excess(planned, actual, p)
    assert excess >= 0
    assert (excess == 0) == (actual <= R.line_limit(planned, p))
    if excess:
        assert actual - excess == R.line_limit(planned, p)


@given(planned=percents, actual=percents, points=percents)
def test_share_within_points(planned, actual, points):
    assert R.share_within(planned, actual, points) == (points == 0 or abs(actual - planned) <= points)


@given(grant=amounts, unspent=amounts, over=amounts, extra=amounts)
def test_return_never_negative_nor_above_the_grant(grant, unspent, over, extra):
    amount = R.return_amount(grant_amount=grant, unspent=unspent, over_tolerance=over, extra=extra)
    assert 0 <= amount <= grant
    assert amount == min(grant, unspent + over + extra)


@given(amount=amounts, days=st.integers(min_value=-30, max_value=3000), rate=percents)
def test_interest_per_day_late(amount, days, rate):
    due = date(2026, 7, 1)
    value = R.interest(amount=amount, due_on=due, paid_on=due + timedelta(days=days), rate_percent=rate)
    assert value == value.quantize(Decimal("0.01"))
    if days <= 0:
        assert value == 0
    else:
        assert abs(value - amount * rate / 100 * days / 365) <= Decimal("0.005")


def test_interest_example():
    # 1 000 zł, 12.25 % a year, 10 days late: 3.356… → 3.36 zł.
    assert R.interest(
        amount=Decimal("1000"),
        due_on=date(2026, 7, 1),
        paid_on=date(2026, 7, 11),
        rate_percent=Decimal("12.25"),
    ) == Decimal("3.36")


def _check(lines, own=Decimal("0"), grant=Decimal("10000"), share=Decimal("83.33"), points=Decimal("0")):
    checked = R.check_lines(lines, Decimal("20"))
    spent = sum((line.actual_grant for line in checked), Decimal("0"))
    return R.ReportCheck(
        lines=checked,
        results=[
            R.ResultCheck("a", Decimal("40"), Decimal("38")),
            R.ResultCheck("b", Decimal("10"), Decimal("10")),
        ],
        planned=R.Sources(grant=grant),
        actual=R.Sources(grant=spent, own_financial=own),
        grant_amount=grant,
        planned_share=share,
        share_tolerance_points=points,
    )


def test_report_check_balance_share_unspent_and_missed_targets():
    check = _check(
        [
            ("a", Decimal("8000"), Decimal("7000"), Decimal("8300"), Decimal("7300")),
            ("b", Decimal("4000"), Decimal("3000"), Decimal("3500"), Decimal("2500")),
        ],
        own=Decimal("2000"),
    )
    assert check.balanced and check.ok
    assert check.grant_spent == Decimal("9800.00")
    assert check.unspent == Decimal("200.00")
    assert check.actual_share == Decimal("83.05")
    assert [r.key for r in check.missed_results] == ["a"]
    unbalanced = _check(
        [("a", Decimal("8000"), Decimal("7000"), Decimal("8300"), Decimal("7300"))], own=Decimal("1")
    )
    assert not unbalanced.balanced and not unbalanced.ok


def test_report_check_share_points():
    lines = [("a", Decimal("12000"), Decimal("10000"), Decimal("12000"), Decimal("6000"))]
    assert not _check(lines, own=Decimal("6000"), points=Decimal("5")).share_ok
    assert _check(lines, own=Decimal("6000"), points=Decimal("0")).share_ok


@given(
    st.lists(st.tuples(amounts, amounts, amounts), min_size=1, max_size=6),
    percents,
)
def test_over_tolerance_is_the_sum_of_line_excesses(rows, p):
    lines = [
        (i, value, planned, value, min(actual, value)) for i, (value, planned, actual) in enumerate(rows)
    ]
    checked = R.check_lines(lines, p)
    check = R.ReportCheck(
        lines=checked,
        results=[],
        planned=R.Sources(),
        actual=R.Sources(
            grant=sum((c.actual_grant for c in checked), Decimal("0")),
            own_financial=sum((c.actual_value - c.actual_grant for c in checked), Decimal("0")),
        ),
        grant_amount=Decimal("0"),
        planned_share=Decimal("0"),
        share_tolerance_points=Decimal("0"),
    )
    assert check.over_tolerance == sum((c.excess for c in checked), Decimal("0"))
    assert check.balanced
