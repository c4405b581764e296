from datetime import timedelta

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from centrum.core.views import centre_required

from ..calendars import ics_response, organisation_calendar
from ..selectors import feed_bookings_for_organisation, organisation_feed_get


@centre_required
def organisation_ics(request: HttpRequest, organisation_pk: int, token: str) -> HttpResponse:
    """No login: calendar apps cannot sign in, so the secret token in the URL is the key."""
    feed = organisation_feed_get(centre=request.centre, organisation_pk=organisation_pk, token=token)
    since = timezone.now() - timedelta(days=30)
    bookings = feed_bookings_for_organisation(organisation=feed.organisation, since=since)
    # UIDs name the centre's primary host, so an event keeps its identity whichever host served the feed.
    calendar = organisation_calendar(
        organisation=feed.organisation, bookings=bookings, host=request.centre.primary_host
    )
    return ics_response(calendar, filename=f"organizacja-{organisation_pk}.ics")
