"""Reads of equipment loans."""

from datetime import date

from django.db.models import Prefetch, Q, QuerySet

from centrum.core.models import Centre
from centrum.core.selectors import get_for_centre_or_404
from centrum.organisations.models import Organisation

from ..choices import PERSONAL_BOOKERS, LoanStatus
from ..models import Loan, LoanItem
from ..permissions import can_view_loan


def loan_list(*, centre: Centre, statuses=None) -> QuerySet[Loan]:
    qs = Loan.objects.filter(centre=centre)
    if statuses:
        qs = qs.filter(status__in=statuses)
    return (
        qs.select_related("organisation", "requested_by")
        .prefetch_related(Prefetch("items", queryset=LoanItem.objects.select_related("item")))
        .order_by("-starts_on", "-id")
    )


def loans_for_user(*, centre: Centre, user) -> QuerySet[Loan]:
    if not getattr(user, "is_authenticated", False):
        return Loan.objects.none()
    org_ids = Organisation.objects.filter(centre=centre, memberships__user=user).values("id")
    return loan_list(centre=centre).filter(
        Q(organisation_id__in=org_ids) | Q(requested_by=user, booker_kind__in=PERSONAL_BOOKERS)
    )


def loans_overdue(*, centre: Centre, today: date) -> QuerySet[Loan]:
    return loan_list(centre=centre, statuses=[LoanStatus.HANDED_OVER]).filter(due_on__lt=today)


def loan_get_visible(*, centre: Centre, pk: int, user) -> Loan:
    """A loan of `centre` the user may see: 404 for a missing id, another centre's and someone else's."""
    return get_for_centre_or_404(
        Loan.objects.select_related(
            "organisation", "requested_by", "handed_over_by", "return_received_by", "decided_by", "centre"
        ).prefetch_related(Prefetch("items", queryset=LoanItem.objects.select_related("item"))),
        centre=centre,
        pk=pk,
        visible=lambda loan: can_view_loan(user, loan),
    )
