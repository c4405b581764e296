"""The room list, page and API, kept whole for visitors not signed in (centrum.core.page_cache): a change of
a room or its opening hours shows at once; a room's week (bookings, not versioned) is rendered each time."""

from datetime import time

from django.db import connection
from django.test.utils import CaptureQueriesContext

from centrum.spaces.services import room_save
from centrum.spaces.tests.factories import BookingFactory, RoomFactory, next_open_day, slot


def _get(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_the_kept_room_list_follows_every_change_of_a_room(anon, centre, staff_user, per_process_caches):
    room = RoomFactory(centre=centre, name="Sala Zielona")
    for path in ("/sale/", "/api/v1/rooms"):
        first, first_queries = _get(anon, path)
        again, again_queries = _get(anon, path)
        assert "Sala Zielona" in again and again_queries == 1 < first_queries
    room_save(
        centre=centre,
        actor=staff_user,
        room=room,
        data={"name": "Sala Niebieska"},
        opening_hours={0: (time(9), time(13))},
    )
    assert "Sala Niebieska" in _get(anon, "/sale/")[0]
    api = _get(anon, "/api/v1/rooms")[0]
    assert "Sala Niebieska" in api and '"opens": "09:00"' in api.replace('":"', '": "')


def test_a_rooms_week_is_kept_until_one_of_its_bookings_changes(anon, centre, per_process_caches):
    room = RoomFactory(centre=centre)
    day = next_open_day(2)
    path = f"/sale/{room.pk}/?tydzien={day.isoformat()}"
    _get(anon, path)
    assert _get(anon, path)[1] == 2  # the centre and the marker of the room's bookings
    starts, ends = slot(day, 10, 12)
    booking = BookingFactory(centre=centre, room=room, starts_at=starts, ends_at=ends, status="approved")
    assert "10:00" in _get(anon, path)[0]
    booking.status = "cancelled"
    booking.save()
    assert "10:00" not in _get(anon, path)[0]
    booking.status = "approved"
    booking.save()
    assert "10:00" in _get(anon, path)[0]
    booking.delete()
    assert "10:00" not in _get(anon, path)[0]  # the week as it was before the booking: kept, and right
