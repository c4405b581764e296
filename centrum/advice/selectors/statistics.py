"""Statistics of the advice service for staff, anonymised: counts by domain, month and kind of organisation
(no names), and the centre's reach across every service against its targets."""

from collections import Counter
from datetime import date

from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext as _

from centrum.organisations.choices import LegalForm
from centrum.organisations.sections import support_reach

from ..models import AdviceEntry, ReachTarget


def advice_statistics(*, centre, start: date, end: date) -> dict:
    entries = AdviceEntry.objects.filter(centre=centre, held_on__gte=start, held_on__lte=end)
    by_domain = list(
        entries.values("domain__name")
        .annotate(count=Count("id"), minutes=Sum("duration_minutes"))
        .order_by("-count", "domain__name")
    )
    by_month = list(
        entries.annotate(month=TruncMonth("held_on"))
        .values("month")
        .annotate(count=Count("id"))
        .order_by("month")
    )
    forms = dict(LegalForm.choices)
    kinds: Counter = Counter()
    for legal_form, founding in entries.values_list("organisation__legal_form", "appointment__founding"):
        if legal_form:
            kinds[str(forms.get(legal_form, legal_form))] += 1
        elif founding:
            kinds[_("organizacja w trakcie zakładania")] += 1
        else:
            kinds[_("bez organizacji z bazy")] += 1
    reach = support_reach(centre=centre, start=start, end=end)
    targets = [
        {
            "target": t,
            "reach": support_reach(centre=centre, start=t.starts_on, end=t.ends_on),
        }
        for t in ReachTarget.objects.filter(centre=centre, starts_on__lte=end, ends_on__gte=start)
    ]
    return {
        "total": entries.count(),
        "by_domain": by_domain,
        "by_month": by_month,
        "by_kind": sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])),
        "reach": reach,
        "targets": targets,
    }
