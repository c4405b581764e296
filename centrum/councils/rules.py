"""Rules of councils that are neither reads nor writes: the NGO share, deadlines, counting the votes."""

import calendar
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from centrum.core.calendar import is_working_day

from .choices import Side, TieRule


def ngo_share_ok(sides: Iterable[str], min_percent: int) -> bool:
    """Is the NGO side at least `min_percent` of the members? An empty body breaks no share."""
    sides = list(sides)
    if not sides or not min_percent:
        return True
    ngo = sum(1 for side in sides if side == Side.NGO)
    return ngo * 100 >= min_percent * len(sides)


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def opinion_deadline(received_on: date, days: int, closed: set[date] | frozenset[date] = frozenset()) -> date:
    """`days` calendar days after receipt; a deadline on a day the office is closed moves to the next
    working day (art. 57 § 4 k.p.a.)."""
    deadline = received_on + timedelta(days=days)
    while not is_working_day(deadline, extra_closed=closed):
        deadline += timedelta(days=1)
    return deadline


@dataclass(frozen=True)
class Tally:
    candidate_id: int
    votes: int
    order: int  # nomination order (0 first)


def elected_ids(tallies: Sequence[Tally], seats: int, *, tie_rule: str, seed: int) -> tuple[list[int], str]:
    """The candidates elected to `seats` and a note on how a tie at the last seat was settled."""
    ranked = sorted(tallies, key=lambda t: (-t.votes, t.order))
    if len(ranked) <= seats:
        return [t.candidate_id for t in ranked], ""
    cut = ranked[seats - 1].votes
    sure = [t for t in ranked if t.votes > cut]
    tied = [t for t in ranked if t.votes == cut]
    free = seats - len(sure)
    if len(tied) <= free:
        return [t.candidate_id for t in sure + tied], ""
    if tie_rule == TieRule.LOT:
        chosen = random.Random(seed).sample(tied, free)
        note = "lot"
    else:
        chosen = tied[:free]
        note = "earliest"
    return [t.candidate_id for t in sure] + [t.candidate_id for t in chosen], note
