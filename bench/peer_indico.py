"""The peer for bench/rooms.py: Indico's room booking answering the same questions on the same data.

Runs under Indico's own interpreter (Indico 3.2.9 pins its own Flask and SQLAlchemy, so it cannot share
Centrum's virtualenv). Set up once, outside the repository:

    python3 -m venv /tmp/indico-venv && /tmp/indico-venv/bin/pip install indico==3.2.9
    createdb indico; psql indico -c 'create extension unaccent; create extension pg_trgm'
    INDICO_CONFIG=/path/indico.conf /tmp/indico-venv/bin/indico db prepare

then `BENCH_INDICO_PYTHON=/tmp/indico-venv/bin/python INDICO_CONFIG=… uv run python bench/rooms.py`.
bench/rooms.py starts this script as a child and talks to it over stdin/stdout, one JSON line each way,
so every round times Centrum and Indico alternately on the same machine state.

Commands: {"load": {variant: {"rooms": [[name, capacity], …], "bookings": [[room_index, start, end,
status], …]}}} copies the rooms and bookings of bench/rooms.py's centres into Indico (one location per
centre; opening hours 08–21 as Indico's bookable hours; each booking a non-repeating reservation with one
occurrence; times are Warsaw wall-clock, as Indico stores them); {"ask": [question, variant, args]} times
one answer through Indico's own functions and replies {"wall": ms, "cpu": ms, "answer": …}.
"""

import json
import sys
import time
from datetime import date, datetime, timedelta
from datetime import time as clock

from indico.web.flask.app import make_app

# (reservation state, occurrence state). A pending or offered booking holds its slot in Centrum, so it goes in
# as accepted: Indico's search leaves pre-bookings out of the conflicts, and the answers must be the same.
STATES = {"approved": (2, 2), "pending": (2, 2), "offered": (2, 2), "cancelled": (3, 3), "rejected": (4, 4)}


def main():
    app = make_app(testing=False)
    with app.app_context(), app.test_request_context():
        # Indico e-mails through Celery and Redis, which this benchmark does not run; its create is timed
        # without queueing the e-mail (Centrum's create writes its e-mail to the outbox table, and that counts).
        import indico.modules.rb.models.reservations as reservations_module
        from flask import session
        from indico.core.db import db
        from indico.core.db.sqlalchemy.protection import ProtectionMode
        from indico.modules.rb.models.locations import Location
        from indico.modules.rb.models.reservations import RepeatFrequency, Reservation
        from indico.modules.rb.models.room_bookable_hours import BookableHours
        from indico.modules.rb.models.rooms import Room
        from indico.modules.rb.operations.bookings import get_room_details_availability
        from indico.modules.rb.operations.rooms import search_for_rooms
        from indico.modules.users import User

        reservations_module.notify_creation = lambda reservation: None
        system = User.get_system_user()
        session.set_session_user(system)

        def location(variant):
            return Location.query.filter_by(name=variant, is_deleted=False).first()

        def load(data):
            for variant, spec in data.items():
                if location(variant):
                    continue
                loc = Location(
                    name=variant, map_url_template="", room_name_format="{building}/{floor}-{number}"
                )
                db.session.add(loc)
                rooms = []
                for index, (name, capacity) in enumerate(spec["rooms"]):
                    room = Room(
                        location=loc,
                        owner=system,
                        verbose_name=name,
                        building="1",
                        floor="0",
                        number=str(index + 1),
                        capacity=capacity,
                        protection_mode=ProtectionMode.public,
                    )
                    room.bookable_hours = [BookableHours(start_time=clock(8), end_time=clock(21))]
                    rooms.append(room)
                    db.session.add(room)
                db.session.flush()
                now = datetime.utcnow()
                res_rows, occ_rows = [], []
                for room_index, start, end, status in spec["bookings"]:
                    res_state, occ_state = STATES[status]
                    res_rows.append(
                        {
                            "created_dt": now,
                            "start_dt": start,
                            "end_dt": end,
                            "repeat_frequency": 0,
                            "repeat_interval": 0,
                            "booked_for_id": system.id,
                            "booked_for_name": "Pomiar",
                            "created_by_id": system.id,
                            "room_id": rooms[room_index].id,
                            "state": res_state,
                            "booking_reason": "Spotkanie",
                            "end_notification_sent": False,
                            "is_accepted_state": occ_state,
                        }
                    )
                table = Reservation.__table__
                conn = db.session.connection()
                for chunk in range(0, len(res_rows), 5000):
                    part = res_rows[chunk : chunk + 5000]
                    ids = (
                        conn.execute(
                            table.insert().returning(table.c.id),
                            [{k: v for k, v in row.items() if k != "is_accepted_state"} for row in part],
                        )
                        .scalars()
                        .all()
                    )
                    occ_rows = [
                        {
                            "reservation_id": rid,
                            "start_dt": row["start_dt"],
                            "end_dt": row["end_dt"],
                            "notification_sent": False,
                            "state": row["is_accepted_state"],
                        }
                        for rid, row in zip(ids, part, strict=True)
                    ]
                    from indico.modules.rb.models.reservation_occurrences import ReservationOccurrence

                    conn.execute(ReservationOccurrence.__table__.insert(), occ_rows)
                db.session.commit()
            db.session.execute("ANALYZE")
            db.session.commit()
            return "loaded"

        def free(variant, days, starts, ends):
            first, last = date.fromisoformat(days[0]), date.fromisoformat(days[-1])
            start_dt = datetime.combine(first, clock.fromisoformat(starts))
            end_dt = datetime.combine(last, clock.fromisoformat(ends))
            filters = {
                "location_id": location(variant).id,
                "start_dt": start_dt,
                "end_dt": end_dt,
                "repeat_frequency": RepeatFrequency.DAY if first != last else RepeatFrequency.NEVER,
                "repeat_interval": 1 if first != last else 0,
            }
            return sorted(room.verbose_name for room in search_for_rooms(filters, availability=True))

        def availability(variant, first, days):
            room = Room.query.filter_by(location=location(variant)).order_by(Room.id).first()
            start_dt = datetime.combine(date.fromisoformat(first), clock(0))
            end_dt = start_dt + timedelta(days=days) - timedelta(minutes=1)
            found = get_room_details_availability(room, start_dt, end_dt)
            return sum(len(day["bookings"] or []) + len(day["pre_bookings"] or []) for day in found)

        def create(variant, starts_at, minutes):
            room = Room.query.filter_by(location=location(variant)).order_by(Room.id).first()
            start_dt = datetime.fromisoformat(starts_at).replace(tzinfo=None)
            data = {
                "start_dt": start_dt,
                "end_dt": start_dt + timedelta(minutes=minutes),
                "repeat_frequency": RepeatFrequency.NEVER,
                "repeat_interval": 0,
                "room_id": room.id,
                "booking_reason": "Pomiar",
            }
            savepoint = db.session.begin_nested()
            try:
                Reservation.create_from_data(room, data, system, ignore_admin=False)
            finally:
                savepoint.rollback()
            return "created"

        questions = {"free": free, "availability": availability, "create": create}
        for line in sys.stdin:
            request = json.loads(line)
            if "load" in request:
                reply = {"answer": load(request["load"])}
            else:
                name, *args = request["ask"]
                wall, cpu = time.perf_counter(), time.process_time()
                answer = questions[name](*args)
                reply = {
                    "wall": (time.perf_counter() - wall) * 1000,
                    "cpu": (time.process_time() - cpu) * 1000,
                    "answer": answer,
                }
                db.session.rollback()
            sys.stdout.write(json.dumps(reply, default=str) + "\n")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
