"""Demo data: each seed centre's real rooms and equipment, with bookings, a series, a waiting-list entry,
a loan and (in Żory) offices let to the resident organisations. Idempotent: run it as often as you like."""

import random
from datetime import date, datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone

from centrum.accounts.demo import PEOPLE, demo_email, ensure_user
from centrum.accounts.selectors import centre_staff_list
from centrum.core.calendar import WARSAW, is_public_holiday, warsaw_today
from centrum.core.models import CentreClosedDay
from centrum.core.services import centre_settings_update
from centrum.organisations.choices import OrganisationStatus
from centrum.organisations.models import Organisation

from ..choices import (
    ApprovalMode,
    BookerKind,
    BookingKind,
    BookingPolicy,
    BookingStatus,
    EquipmentCondition,
    EquipmentKind,
    LetStatus,
    LoanStatus,
    Recurrence,
)
from ..models import (
    Booking,
    BookingEquipment,
    BookingSeries,
    EquipmentItem,
    EquipmentUse,
    Loan,
    LoanItem,
    Room,
    RoomLet,
    RoomOpeningHours,
    WaitingListEntry,
)
from .catalogue import (
    EQUIPMENT,
    KINDS,
    PURPOSES,
    RESIDENTS,
    ROOMS,
    WALK_IN,
    WALK_IN_PEOPLE,
)


def _open_day(start: date, weekdays, closed: set[date]) -> date:
    day = start
    while day.weekday() not in weekdays or is_public_holiday(day) or day in closed:
        day += timedelta(days=1)
    return day


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=WARSAW)


def _rooms(centre, slug) -> dict[str, Room]:
    rooms = {}
    for position, (
        name,
        capacity,
        features,
        location,
        weekdays,
        opens,
        closes,
        policy,
        description,
    ) in enumerate(ROOMS[slug]):
        room, created = Room.objects.get_or_create(
            centre=centre,
            name=name,
            defaults={
                "capacity": capacity,
                "features": features,
                "location": location,
                "booking_policy": policy,
                "description": description,
                "position": position,
                "approval_mode": ApprovalMode.CENTRE_DEFAULT,
            },
        )
        if created:
            RoomOpeningHours.objects.bulk_create(
                [
                    RoomOpeningHours(
                        centre=centre, room=room, weekday=d, opens=time(opens), closes=time(closes)
                    )
                    for d in weekdays
                ]
            )
        rooms[name] = room
    return rooms


def _equipment(centre, slug) -> dict[str, EquipmentItem]:
    items = {}
    for number, (name, quantity, leaves, storage) in enumerate(EQUIPMENT[slug], start=1):
        item, _created = EquipmentItem.objects.get_or_create(
            centre=centre,
            name=name,
            defaults={
                "quantity": quantity,
                "may_leave_building": leaves,
                "storage_location": storage,
                "condition": EquipmentCondition.GOOD,
                "inventory_number": f"{slug.upper()[:3]}/{number:03d}",
                "kind": KINDS.get(name, EquipmentKind.OTHER),
            },
        )
        if item.kind == EquipmentKind.OTHER and name in KINDS:  # seeded before items had a kind
            item.kind = KINDS[name]
            item.save(update_fields=["kind"])
        items[name] = item
    return items


def _walk_in_uses(centre, slug, items: dict[str, EquipmentItem], rng: random.Random) -> None:
    """A month and a half of the office equipment used on the spot, some of it for organisations."""
    if slug not in WALK_IN or EquipmentUse.objects.filter(centre=centre).exists():
        return
    copier_name, quota = WALK_IN[slug]
    EquipmentItem.objects.filter(centre=centre, name=copier_name, monthly_quota=None).update(
        monthly_quota=quota
    )
    office = [item for item in items.values() if item.kind in (set(KINDS.values()))]
    organisations = list(
        Organisation.objects.filter(centre=centre, status=OrganisationStatus.ACTIVE).order_by("name")[:6]
    )
    role = centre_staff_list(centre=centre).first()
    today = warsaw_today()
    uses = []
    for n in range(24):
        item = office[n % len(office)]
        minutes = item.kind in (EquipmentKind.COMPUTER, EquipmentKind.PHONE)
        organisation = organisations[n % len(organisations)] if organisations and n % 3 else None
        uses.append(
            EquipmentUse(
                centre=centre,
                item=item,
                person_name=WALK_IN_PEOPLE[n % len(WALK_IN_PEOPLE)],
                organisation=organisation,
                used_on=today - timedelta(days=(n * 2) % 45),
                amount=rng.choice([15, 30, 45, 60]) if minutes else rng.randint(2, 40),
                note="Pismo do urzędu" if n % 5 == 0 else "",
                recorded_by=role.user if role else None,
            )
        )
    EquipmentUse.objects.bulk_create(uses)


def _member(organisation):
    membership = organisation.memberships.select_related("user").order_by("id").first()
    return membership.user if membership else None


# Mysłowice serves active residents and Kalisz wants a place co-created by them: residents and informal
# groups book there. In Kalisz and Miechów the centre is a unit of the city office: officials book rooms.
RESIDENTS_BOOK = {"myslowice", "kalisz"}
OFFICIALS_BOOK = {"kalisz", "miechow"}


def _settings(centre, slug, rooms: dict[str, Room]) -> None:
    values = {}
    if slug in RESIDENTS_BOOK:
        values["spaces.residents_may_book"] = True
        for room in rooms.values():
            if room.booking_policy == BookingPolicy.ORGANISATIONS and not room.open_to_residents:
                room.open_to_residents = True
                room.save(update_fields=["open_to_residents"])
    if slug in OFFICIALS_BOOK:
        values["spaces.officials_book_for_centre"] = True
    role = centre_staff_list(centre=centre).first()
    if values and role is not None:
        centre_settings_update(centre=centre, values=values, actor=role.user)


def _resident_bookings(centre, slug, room: Room, day: date, now, staff) -> None:
    """One resident's and one informal group's request (the resident: a demo account with no organisation)."""
    resident = ensure_user(demo_email("mieszkaniec", slug), PEOPLE[slug]["mieszkaniec"])
    group = {
        "group_name": "Klub Planszówkowy „Pionek”",
        "group_responsible": PEOPLE[slug]["mieszkaniec"],
        "group_contact": demo_email("mieszkaniec", slug),
    }
    for kind, extra, title, purpose, hours, status in (
        (
            BookerKind.RESIDENT,
            {},
            "Spotkanie sąsiedzkie o zieleni na osiedlu",
            "Sąsiedzi planują wspólne nasadzenia przy blokach.",
            (17, 19),
            BookingStatus.APPROVED,
        ),
        (
            BookerKind.GROUP,
            group,
            "Wieczór gier planszowych",
            "Otwarte spotkanie grupy nieformalnej dla mieszkańców.",
            (15, 17),
            BookingStatus.PENDING,
        ),
    ):
        Booking.objects.create(
            centre=centre,
            room=room,
            requested_by=resident,
            booker_kind=kind,
            **extra,
            title=title,
            purpose=purpose,
            attendees=min(room.capacity, 10),
            starts_at=_at(day, hours[0]),
            ends_at=_at(day, hours[1]),
            status=status,
            status_changed_at=now,
            decided_by=staff if status == BookingStatus.APPROVED else None,
        )


def seed(*, centre, rng: random.Random) -> None:
    slug = centre.slug
    if slug not in ROOMS:
        return
    rooms = _rooms(centre, slug)
    items = _equipment(centre, slug)
    _settings(centre, slug, rooms)
    _walk_in_uses(centre, slug, items, rng)
    if Booking.objects.filter(centre=centre).exists():
        return  # bookings were seeded before
    organisations = list(
        Organisation.objects.filter(centre=centre, status=OrganisationStatus.ACTIVE).order_by("name")
    )
    with_members = [o for o in organisations if o.memberships.exists()]
    others = [o for o in organisations if o not in with_members]
    people = with_members + rng.sample(others, min(len(others), 6))
    now = timezone.now()
    today = warsaw_today()
    closed = set(CentreClosedDay.objects.filter(centre=centre).values_list("date", flat=True))
    bookable = [r for r in rooms.values() if r.booking_policy == BookingPolicy.ORGANISATIONS]
    main = bookable[0]
    weekdays = sorted({h.weekday for h in main.opening_hours.all()})
    role = centre_staff_list(centre=centre).first()
    staff = role.user if role else None

    if slug == "zory":
        for room_name, key in RESIDENTS:
            resident = Organisation.objects.filter(Q(name__icontains=key), centre=centre).first()
            if resident is None:
                continue
            start_on = date(today.year, 1, 1)
            end_on = date(today.year + 2, 12, 31)
            booking = Booking.objects.create(
                centre=centre,
                room=rooms[room_name],
                kind=BookingKind.LET,
                organisation=resident,
                title=f"Najem: {resident.name}",
                starts_at=_at(start_on, 0),
                ends_at=_at(end_on + timedelta(days=1), 0),
                status=BookingStatus.APPROVED,
                status_changed_at=now,
                decided_by=staff,
            )
            RoomLet.objects.create(
                centre=centre,
                room=rooms[room_name],
                organisation=resident,
                booking=booking,
                starts_on=start_on,
                ends_on=end_on,
                agreement_number=f"ŻCOP/{today.year}/{room_name[-1]}",
                status=LetStatus.ACTIVE,
                notes="Siedziba organizacji w budynku Żorskiego Centrum.",
                created_by=staff,
            )

    if not people:
        return
    # Past bookings with recorded attendance, and upcoming ones in each bookable room.
    day = _open_day(today - timedelta(days=21), weekdays, closed)
    for index in range(6):
        organisation = people[index % len(people)]
        title, purpose = PURPOSES[index % len(PURPOSES)]
        start = _at(day, 10 + (index % 3) * 3)
        Booking.objects.create(
            centre=centre,
            room=main,
            organisation=organisation,
            requested_by=_member(organisation),
            title=title,
            purpose=purpose,
            attendees=min(main.capacity, rng.randint(6, 25)),
            contact_name="",
            starts_at=start,
            ends_at=start + timedelta(hours=2),
            status=BookingStatus.APPROVED,
            status_changed_at=now,
            decided_by=staff,
            attendance="no_show" if index == 5 else "attended",
        )
        day = _open_day(day + timedelta(days=2), weekdays, closed)
    upcoming_day = _open_day(today + timedelta(days=2), weekdays, closed)
    for offset, room in enumerate(bookable):
        for index in range(4):
            organisation = people[(offset + index) % len(people)]
            title, purpose = PURPOSES[(offset + index) % len(PURPOSES)]
            day = _open_day(upcoming_day + timedelta(days=index * 3 + offset), weekdays, closed)
            start = _at(day, 9 + index * 2)
            booking = Booking.objects.create(
                centre=centre,
                room=room,
                organisation=organisation,
                requested_by=_member(organisation),
                title=title,
                purpose=purpose,
                attendees=min(room.capacity, rng.randint(5, 20)),
                starts_at=start,
                ends_at=start + timedelta(hours=2),
                status=BookingStatus.PENDING if index == 3 else BookingStatus.APPROVED,
                status_changed_at=now,
                decided_by=None if index == 3 else staff,
            )
            projector = next((i for n, i in items.items() if "Rzutnik" in n), None)
            if projector is not None and index == 1 and offset == 0:
                BookingEquipment.objects.create(centre=centre, booking=booking, item=projector, quantity=1)

    # A weekly workshop series in the main room, late afternoon.
    organisation = people[0]
    first = _open_day(today + timedelta(days=7), [weekdays[1 % len(weekdays)]], closed)
    series = BookingSeries.objects.create(
        centre=centre,
        room=main,
        organisation=organisation,
        requested_by=_member(organisation),
        title="Cotygodniowe warsztaty rękodzieła",
        recurrence=Recurrence.WEEKLY,
        first_date=first,
        count=8,
        start_time=time(16),
        end_time=time(18),
    )
    taken_series_slot = None
    for week in range(8):
        day = first + timedelta(weeks=week)
        if is_public_holiday(day) or day in closed:
            series.skipped_dates.append(day.isoformat())
            continue
        booking = Booking.objects.create(
            centre=centre,
            room=main,
            series=series,
            organisation=organisation,
            requested_by=_member(organisation),
            title=series.title,
            purpose="Warsztaty rękodzieła dla seniorów – zadanie statutowe.",
            attendees=min(main.capacity, 18),
            starts_at=_at(day, 16),
            ends_at=_at(day, 18),
            status=BookingStatus.APPROVED,
            status_changed_at=now,
            decided_by=staff,
        )
        taken_series_slot = taken_series_slot or booking
    series.save(update_fields=["skipped_dates"])

    if slug in RESIDENTS_BOOK:
        resident_day = _open_day(upcoming_day + timedelta(days=5), weekdays, closed)
        while Booking.objects.filter(
            room=main, starts_at__lt=_at(resident_day, 19), ends_at__gt=_at(resident_day, 15)
        ).exists():
            resident_day = _open_day(resident_day + timedelta(days=1), weekdays, closed)
        _resident_bookings(centre, slug, main, resident_day, now, staff)

    # A second organisation waits for a slot of the series.
    if taken_series_slot is not None and len(people) > 1:
        waiting = people[1]
        WaitingListEntry.objects.create(
            centre=centre,
            room=main,
            organisation=waiting,
            requested_by=_member(waiting),
            starts_at=taken_series_slot.starts_at,
            ends_at=taken_series_slot.ends_at,
            title="Spotkanie informacyjne",
            purpose="Spotkanie dla rodziców podopiecznych.",
            attendees=15,
        )

    # A loan of equipment out of the building, handed over and due next week.
    lendable = [i for i in items.values() if i.may_leave_building]
    if lendable and len(people) > 2:
        borrower = people[2]
        starts_on = today - timedelta(days=2)
        loan = Loan.objects.create(
            centre=centre,
            number=f"UŻ/{starts_on.year}/0001",
            organisation=borrower,
            requested_by=_member(borrower),
            purpose="Festyn rodzinny organizowany przez stowarzyszenie.",
            starts_on=starts_on,
            due_on=today + timedelta(days=5),
            status=LoanStatus.HANDED_OVER,
            status_changed_at=now,
            decided_by=staff,
            handed_over_at=now - timedelta(days=2),
            handed_over_by=staff,
            received_by_name="przedstawiciel organizacji",
            handover_condition=EquipmentCondition.GOOD,
        )
        LoanItem.objects.create(centre=centre, loan=loan, item=lendable[0], quantity=1)
