"""Reads of bookings and the waiting list: one booking, a person's, the staff queue and dashboard."""

from datetime import date, timedelta

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from centrum.core.models import Centre
from centrum.core.selectors import get_for_centre_or_404
from centrum.organisations.choices import OrganisationStatus
from centrum.organisations.models import Organisation

from ..choices import PERSONAL_BOOKERS, BookingKind, BookingStatus, LoanStatus, WaitingStatus
from ..models import Booking, BookingEquipment, Loan, WaitingListEntry
from ..permissions import can_view_booking, can_withdraw_waiting


def booking_get_visible(*, centre: Centre, pk: int, user) -> Booking:
    """A booking of `centre` the user may see: 404 for a missing id, another centre's and someone else's."""
    return get_for_centre_or_404(
        Booking.objects.select_related(
            "room", "organisation", "requested_by", "series", "decided_by", "centre"
        ).prefetch_related(Prefetch("equipment", queryset=BookingEquipment.objects.select_related("item"))),
        centre=centre,
        pk=pk,
        visible=lambda booking: can_view_booking(user, booking),
    )


def organisations_acting_for(*, centre: Centre, user) -> QuerySet[Organisation]:
    """Active organisations of `centre` the user may book and borrow for."""
    if not getattr(user, "is_authenticated", False):
        return Organisation.objects.none()
    return Organisation.objects.filter(
        centre=centre, memberships__user=user, status=OrganisationStatus.ACTIVE
    ).order_by("name", "id")


def organisations_active(*, centre: Centre) -> QuerySet[Organisation]:
    """Active organisations of `centre` by name: those staff may book, lend equipment or let a room to."""
    return Organisation.objects.filter(centre=centre, status=OrganisationStatus.ACTIVE).order_by("name")


def bookings_for_user(*, centre: Centre, user, upcoming: bool = True) -> QuerySet[Booking]:
    """Bookings of the organisations the user acts for, the user's own as a resident or for an informal
    group, and the centre events the user booked (an official)."""
    if not getattr(user, "is_authenticated", False):
        return Booking.objects.none()
    org_ids = list(
        Organisation.objects.filter(centre=centre, memberships__user=user).values_list("id", flat=True)
    )
    qs = Booking.objects.filter(centre=centre).filter(
        Q(kind=BookingKind.ORGANISATION, organisation_id__in=org_ids)
        | Q(kind=BookingKind.ORGANISATION, requested_by=user, booker_kind__in=PERSONAL_BOOKERS)
        | Q(kind=BookingKind.CENTRE, requested_by=user)
    )
    if upcoming:
        qs = qs.filter(ends_at__gte=timezone.now())
    return qs.select_related("room", "organisation", "requested_by").order_by("starts_at", "id")


def booking_queue(*, centre: Centre) -> QuerySet[Booking]:
    """Requests waiting for a staff decision, oldest first."""
    return (
        Booking.objects.filter(centre=centre, status=BookingStatus.PENDING, kind=BookingKind.ORGANISATION)
        .select_related("room", "organisation", "requested_by", "series")
        .order_by("created_at", "starts_at", "id")
    )


def bookings_to_mark(*, centre: Centre, days: int = 14) -> QuerySet[Booking]:
    """Approved bookings that have started and whose attendance staff have not recorded yet."""
    now = timezone.now()
    return (
        Booking.objects.filter(
            centre=centre,
            kind=BookingKind.ORGANISATION,
            status=BookingStatus.APPROVED,
            attendance="unknown",
            starts_at__lte=now,
            starts_at__gte=now - timedelta(days=days),
        )
        .select_related("room", "organisation", "requested_by")
        .order_by("-starts_at")
    )


def waiting_for_user(*, centre: Centre, user) -> QuerySet[WaitingListEntry]:
    if not getattr(user, "is_authenticated", False):
        return WaitingListEntry.objects.none()
    org_ids = Organisation.objects.filter(centre=centre, memberships__user=user).values("id")
    return (
        WaitingListEntry.objects.filter(
            Q(organisation_id__in=org_ids) | Q(requested_by=user, booker_kind__in=PERSONAL_BOOKERS),
            centre=centre,
            status__in=[WaitingStatus.WAITING, WaitingStatus.OFFERED],
        )
        .select_related("room", "organisation", "offered_booking", "requested_by")
        .order_by("starts_at")
    )


def waiting_list(*, centre: Centre) -> QuerySet[WaitingListEntry]:
    return (
        WaitingListEntry.objects.filter(
            centre=centre, status__in=[WaitingStatus.WAITING, WaitingStatus.OFFERED]
        )
        .select_related("room", "organisation", "requested_by")
        .order_by("starts_at", "created_at")
    )


def waiting_get_visible(*, centre: Centre, pk: int, user) -> WaitingListEntry:
    """A waiting-list entry of `centre` the user may act on: 404 for every other id."""
    return get_for_centre_or_404(
        WaitingListEntry.objects.select_related("organisation", "room"),
        centre=centre,
        pk=pk,
        visible=lambda entry: can_withdraw_waiting(user, entry),
    )


def booking_queue_count(*, centre: Centre) -> int:
    """How many requests wait for a staff decision (one COUNT on the status index)."""
    return Booking.objects.filter(
        centre=centre, status=BookingStatus.PENDING, kind=BookingKind.ORGANISATION
    ).count()


def staff_dashboard_counts(*, centre: Centre, today: date | None = None) -> dict[str, int]:
    """The staff dashboard's card: requests to decide and equipment not returned on time (two queries)."""
    from centrum.core.calendar import warsaw_today

    today = today or warsaw_today()
    return {
        "pending_bookings": booking_queue_count(centre=centre),
        "overdue_loans": Loan.objects.filter(
            centre=centre, status=LoanStatus.HANDED_OVER, due_on__lt=today
        ).count(),
    }
