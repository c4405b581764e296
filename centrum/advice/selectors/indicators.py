"""The advice app's hard indicator of the cooperation-quality index (`centrum.core.indicators`): pieces of
advice logged in a calendar year."""

from ..models import AdviceEntry


def advice_given(centre, year: int) -> int:
    return AdviceEntry.objects.filter(centre=centre, held_on__year=year).count()
