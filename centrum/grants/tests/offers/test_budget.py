"""The offer's budget arithmetic (V.A–V.C): half-up per line, sums to the grosz, shares to 100 %, every rule."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from centrum.grants import budget as B

money = st.decimals(min_value=Decimal("0"), max_value=Decimal("99999.99"), places=2)
units = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999.99"), places=2)


@given(money, units)
def test_line_value_is_half_up_to_the_grosz(unit_cost, count):
    value = B.line_value(unit_cost, count)
    exact = unit_cost * count
    assert value == value.quantize(Decimal("0.01"))
    assert abs(value - exact) <= Decimal("0.005")
    if abs(value - exact) == Decimal("0.005"):
        assert value > exact  # a half goes up


def test_rounding_traps():
    assert B.line_value(Decimal("0.05"), Decimal("0.5")) == Decimal(
        "0.03"
    )  # 0.025 → 0.03 (not banker's 0.02)
    assert B.line_value(Decimal("1.15"), Decimal("1.5")) == Decimal("1.73")  # 1.725
    assert B.line_value(Decimal("33.33"), Decimal("3")) == Decimal("99.99")
    assert B.money(Decimal("2.675")) == Decimal("2.68")  # the float trap: Decimal keeps it exact


@given(st.lists(money, min_size=1, max_size=8))
def test_shares_sum_to_exactly_100_with_the_residual_on_the_largest(values):
    shares = B.shares_percent(values)
    if sum(values) == 0:
        assert all(s == 0 for s in shares)
        return
    assert sum(shares) == Decimal("100.00")
    exact = [v / sum(values) * 100 for v in values]
    largest = max(range(len(values)), key=lambda i: (values[i], -i))
    for i, (share, want) in enumerate(zip(shares, exact, strict=True)):
        if i != largest:
            assert abs(share - want) <= Decimal("0.005")


@given(st.lists(st.tuples(money, units, st.booleans()), min_size=1, max_size=10))
def test_category_sums_and_total_are_sums_of_rounded_lines(rows):
    lines = [
        B.CostLine(
            category="administrative" if admin else "actions", kind="k", unit_cost=c, units=u, action=0
        )
        for c, u, admin in rows
    ]
    t = B.totals(B.OfferBudget(lines=lines), B.Rules())
    assert t.total == t.actions + t.administrative == sum(B.line_value(c, u) for c, u, _a in rows)
    assert t.years == [t.total]


@given(st.lists(st.tuples(money, units), min_size=1, max_size=6), money, st.integers(0, 3))
def test_sources_balance_exactly_when_they_add_up(rows, grant, which):
    lines = [B.CostLine(category="actions", kind="k", unit_cost=c, units=u, action=0) for c, u in rows]
    total = sum(B.line_value(c, u) for c, u in rows)
    grant = min(grant, total)
    rest = total - grant
    parts = [Decimal("0")] * 4
    parts[which] = rest
    src = B.Sources(grant, parts[0], parts[1], parts[2], parts[3])
    budget = B.OfferBudget(lines=lines, sources=src)
    _t, problems = B.check(budget, B.Rules(kind="commissioning", results_required=False))
    assert not [p for p in problems if p.field == "sources"]
    src.recipient_fees += Decimal("0.01")
    _t, problems = B.check(budget, B.Rules(kind="commissioning", results_required=False))
    assert [p for p in problems if p.field == "sources"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1 234,56", Decimal("1234.56")),
        ("1\u00a0234,56", Decimal("1234.56")),
        ("1.234,56", Decimal("1234.56")),
        ("1234.56", Decimal("1234.56")),
        ("12", Decimal("12")),
        ("-5", Decimal("-5")),
        ("", None),
    ],
)
def test_parse_amount_accepts_polish_input(text, value):
    assert B.parse_amount(text) == value


@pytest.mark.parametrize("text", ["abc", "1,2,3", "12zł", "1e5", "NaN", "--1"])
def test_parse_amount_refuses_non_numbers(text):
    with pytest.raises(ValueError):
        B.parse_amount(text)


def _valid(**rules):
    lines = [
        B.CostLine(
            category="actions", kind="Instruktor", unit_cost=Decimal("150"), units=Decimal("60"), action=0
        ),
        B.CostLine(
            category="administrative", kind="Koordynacja", unit_cost=Decimal("500"), units=Decimal("2")
        ),
    ]
    budget = B.OfferBudget(
        lines=lines,
        sources=B.Sources(Decimal("9000"), Decimal("500"), Decimal("500")),
        start=date(2027, 3, 1),
        end=date(2027, 5, 31),
        result_targets=[("Uczestnicy", Decimal("40"))],
    )
    return budget, B.Rules(task_start=date(2027, 1, 1), task_end=date(2027, 12, 31), **rules)


def fields(budget, rules):
    return {p.field for p in B.check(budget, rules)[1]}


def test_a_valid_budget_has_no_problem():
    budget, rules = _valid(
        max_grant=Decimal("10000"), min_own_percent=Decimal("10"), admin_cap_percent=Decimal("10")
    )
    assert B.check(budget, rules)[1] == []


def test_each_rule_names_its_field():
    budget, rules = _valid(max_grant=Decimal("8000"))
    assert "requested_grant" in fields(budget, rules)
    budget, rules = _valid(min_own_percent=Decimal("11"))  # 1000 of 10000 is 10 %
    assert "own_financial" in fields(budget, rules)
    budget, rules = _valid(min_own_percent=Decimal("11"), own_basis="grant")  # 1000 of 9000 is 11.1 %
    assert "own_financial" not in fields(budget, rules)
    budget, rules = _valid(min_own_percent=Decimal("6"), own_type="financial")  # 500 financial is 5 %
    assert "own_financial" in fields(budget, rules)
    budget, rules = _valid(admin_cap_percent=Decimal("9.99"))
    assert "lines" in fields(budget, rules)
    budget, rules = _valid()
    budget.sources = B.Sources(Decimal("10000"))
    assert "own_financial" in fields(budget, rules)  # wspieranie needs own contribution
    assert "own_financial" not in fields(budget, B.Rules(kind="commissioning", results_required=False))
    budget, rules = _valid()
    budget.start = date(2026, 12, 1)
    assert "start_date" in fields(budget, rules)
    budget, rules = _valid()
    budget.result_targets = [("Uczestnicy", Decimal("0"))]
    assert "results-0-target_value" in fields(budget, rules)
    assert "results-0-target_value" not in fields(budget, B.Rules(results_required=False))
    budget, rules = _valid()
    budget.lines[0].units = Decimal("-1")
    assert "units" in {p.field.rsplit("-", 1)[-1] for p in B.check(budget, rules)[1]}


def test_joint_offer_rules():
    budget, rules = _valid()
    budget.is_joint = True
    budget.offerors = ["A"]
    budget.offeror_scopes = [""]
    found = fields(budget, rules)
    assert {"offerors", "offerors-0-actions_scope", "shares"} <= found
    budget.offerors = ["A", "B"]
    budget.offeror_scopes = ["warsztaty", "promocja"]
    budget.shares = {(0, 1): Decimal("6000"), (1, 1): Decimal("4000")}
    assert fields(budget, rules) == set()
    budget.shares[(1, 1)] = Decimal("3999.99")
    assert fields(budget, rules) == {"shares"}


def test_multi_year_columns_sum_to_the_line():
    budget, _rules = _valid()
    rules = B.Rules(multi_year=True, results_required=False)
    budget.end = date(2028, 6, 30)
    budget.lines[0].years = (Decimal("4000"), Decimal("5000"), None)
    budget.lines[1].years = (Decimal("500"), Decimal("500"), None)
    assert fields(budget, rules) == set()
    budget.lines[0].years = (Decimal("4000"), Decimal("4999.99"), None)
    assert "lines-0-year_1" in fields(budget, rules) or any(
        p.field.endswith("year_1") for p in B.check(budget, rules)[1]
    )
