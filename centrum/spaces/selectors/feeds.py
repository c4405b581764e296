"""Reads behind the ICS feeds: the organisation's secret feed and the bookings each feed shows."""

from collections.abc import Iterable
from datetime import datetime

from django.db.models import QuerySet
from django.http import Http404

from centrum.core.models import Centre
from centrum.organisations.models import Organisation

from ..choices import BLOCKING_STATUSES, BookingStatus
from ..models import Booking, OrganisationCalendarFeed, Room


def organisation_feed_get(*, centre: Centre, organisation_pk: int, token: str) -> OrganisationCalendarFeed:
    """The feed whose secret matches, or 404: a wrong token looks exactly like a missing feed."""
    feed = (
        OrganisationCalendarFeed.objects.filter(centre=centre, organisation_id=organisation_pk, token=token)
        .select_related("organisation")
        .first()
    )
    if feed is None or not token:
        raise Http404
    return feed


def organisation_feeds_by_organisation(
    *, centre: Centre, organisations: Iterable[Organisation]
) -> dict[int, OrganisationCalendarFeed]:
    """The calendar feed of each of `organisations` that has one, by organisation id."""
    return {
        feed.organisation_id: feed
        for feed in OrganisationCalendarFeed.objects.filter(centre=centre, organisation__in=organisations)
    }


def feed_bookings_for_room(*, room: Room, since: datetime) -> QuerySet[Booking]:
    return (
        Booking.objects.filter(room=room, status__in=BLOCKING_STATUSES, ends_at__gte=since)
        .only("id", "starts_at", "ends_at", "kind", "status", "updated_at", "room_id")
        .order_by("starts_at")
    )


def feed_bookings_for_organisation(*, organisation: Organisation, since: datetime) -> QuerySet[Booking]:
    return (
        Booking.objects.filter(
            centre=organisation.centre,
            organisation=organisation,
            status__in=[BookingStatus.PENDING, BookingStatus.APPROVED, BookingStatus.OFFERED],
            ends_at__gte=since,
        )
        .select_related("room")
        .order_by("starts_at")
    )
