"""What anyone may see: the rooms, each room's free and taken time (no personal data), its ICS feed."""

from datetime import date, timedelta

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from centrum.core.calendar import warsaw_today
from centrum.core.views import centre_required

from ..calendars import ics_response, room_calendar
from ..dates import in_allowed_range, out_of_range_message
from ..forms import FreeSlotForm
from ..permissions import can_book_room, can_manage_rooms
from ..selectors import (
    feed_bookings_for_room,
    free_rooms,
    free_slot_search,
    room_get,
    room_list,
    room_public_week,
    week_start,
)


def _week_param(request: HttpRequest) -> date:
    try:
        chosen = date.fromisoformat(request.GET.get("tydzien", ""))
    except ValueError:
        chosen = warsaw_today()
    if not in_allowed_range(chosen):
        messages.warning(request, out_of_range_message() + " " + _("Pokazujemy bieżący tydzień."))
        chosen = warsaw_today()
    return week_start(chosen)


@centre_required
def room_list_view(request: HttpRequest) -> HttpResponse:
    rooms = list(room_list(centre=request.centre))
    return render(
        request,
        "spaces/room_list.html",
        {"rooms": rooms, "can_manage": can_manage_rooms(request.user, request.centre)},
    )


@centre_required
def room_detail(request: HttpRequest, pk: int) -> HttpResponse:
    can_manage = can_manage_rooms(request.user, request.centre)
    room = room_get(centre=request.centre, pk=pk, active_only=not can_manage)
    first = _week_param(request)
    return render(
        request,
        "spaces/room_detail.html",
        {
            "room": room,
            "can_manage": can_manage,
            "week": room_public_week(room=room, first=first),
            "first": first,
            "previous_week": first - timedelta(days=7),
            "next_week": first + timedelta(days=7),
            "may_book": request.user.is_authenticated
            and (can_book_room(request.user, room) or room.booking_policy == "organisations"),
        },
    )


@centre_required
def room_ics(request: HttpRequest, pk: int) -> HttpResponse:
    room = room_get(centre=request.centre, pk=pk, active_only=True)
    since = timezone.now() - timedelta(days=30)
    # UIDs name the centre's primary host, so an event keeps its identity whichever host served the feed.
    calendar = room_calendar(
        room=room, bookings=feed_bookings_for_room(room=room, since=since), host=request.centre.primary_host
    )
    return ics_response(calendar, filename=f"sala-{room.pk}.ics")


@centre_required
def free_slots_view(request: HttpRequest) -> HttpResponse:
    """Free time in every room that fits: dates, duration, places, features; each slot links to the booking form."""
    today = warsaw_today()
    data = request.GET.copy() if request.GET else None
    if data is None:
        data = {"first": today.isoformat(), "last": (today + timedelta(days=13)).isoformat(), "minutes": "60"}
    form = FreeSlotForm(data, today=today)
    results = every_day = None
    if form.is_valid() and form.every_day:
        query = form.cleaned_data
        every_day = free_rooms(
            centre=request.centre,
            first=query["first"],
            last=query["last"],
            starts=query["starts"],
            ends=query["ends"],
            min_capacity=query["capacity"],
            features=query["features"],
            for_staff=can_manage_rooms(request.user, request.centre),
            settings=request.centre_settings,
        )
    elif form.is_valid():
        query = form.cleaned_data
        results = free_slot_search(
            centre=request.centre,
            first=query["first"],
            last=query["last"],
            minutes=query["minutes"],
            min_capacity=query["capacity"],
            features=query["features"],
            for_staff=can_manage_rooms(request.user, request.centre),
            settings=request.centre_settings,
        )
    return render(
        request,
        "spaces/free_slots.html",
        {
            "form": form,
            "results": results,
            "every_day": every_day,
            "minutes": form.cleaned_data.get("minutes") if results is not None else None,
        },
    )
