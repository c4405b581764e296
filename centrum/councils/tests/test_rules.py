"""The rules that are neither reads nor writes: the NGO share, the deadline, counting the votes."""

from datetime import date

import pytest

from .. import rules
from ..choices import TieRule


@pytest.mark.parametrize(
    ("sides", "minimum", "ok"),
    [
        ([], 50, True),
        (["ngo", "municipality"], 50, True),
        (["ngo", "municipality", "council"], 50, False),
        (["municipality"], 0, True),
        (["ngo", "ngo", "other"], 50, True),
    ],
)
def test_ngo_share(sides, minimum, ok):
    assert rules.ngo_share_ok(sides, minimum) is ok


def test_deadline_moves_past_a_holiday_and_weekend():
    # received 2026-04-22 + 14 = 2026-05-06 (Wednesday, working); 2026-04-17 + 14 = 2026-05-01 (holiday, Friday)
    assert rules.opinion_deadline(date(2026, 4, 22), 14) == date(2026, 5, 6)
    assert rules.opinion_deadline(date(2026, 4, 17), 14) == date(2026, 5, 4)
    assert rules.opinion_deadline(date(2026, 4, 22), 14, {date(2026, 5, 6)}) == date(2026, 5, 7)


def test_add_months_keeps_the_end_of_month():
    assert rules.add_months(date(2026, 12, 31), 2) == date(2027, 2, 28)
    assert rules.add_months(date(2026, 6, 17), 36) == date(2029, 6, 17)


def test_tie_at_the_last_seat_by_earliest_nomination_and_by_lot():
    tallies = [rules.Tally(1, 3, 0), rules.Tally(2, 2, 1), rules.Tally(3, 2, 2), rules.Tally(4, 0, 3)]
    chosen, note = rules.elected_ids(tallies, 2, tie_rule=TieRule.EARLIEST, seed=1)
    assert chosen == [1, 2] and note == "earliest"
    chosen, note = rules.elected_ids(tallies, 2, tie_rule=TieRule.LOT, seed=7)
    assert chosen[0] == 1 and chosen[1] in (2, 3) and note == "lot"
    assert rules.elected_ids(tallies, 3, tie_rule=TieRule.EARLIEST, seed=1) == ([1, 2, 3], "")
