from datetime import date, datetime, time, timedelta

import factory

from centrum.core.calendar import WARSAW, is_public_holiday, warsaw_today
from centrum.spaces.choices import ApprovalMode, BookingKind, BookingStatus, EquipmentCondition
from centrum.spaces.models import Booking, EquipmentItem, Room, RoomOpeningHours


class RoomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Room
        skip_postgeneration_save = True

    centre = factory.SubFactory("centrum.core.tests.factories.CentreFactory")
    name = factory.Sequence(lambda n: f"Sala {n}")
    capacity = 30
    features = factory.LazyFunction(lambda: ["projector", "wheelchair"])
    approval_mode = ApprovalMode.STAFF
    min_notice_hours = 0

    @factory.post_generation
    def hours(obj, create, extracted, **kwargs):
        """Open Monday–Saturday 08:00–21:00 unless a list of (weekday, opens, closes) is given."""
        if not create:
            return
        rows = extracted if extracted is not None else [(d, time(8), time(21)) for d in range(6)]
        RoomOpeningHours.objects.bulk_create(
            [RoomOpeningHours(centre=obj.centre, room=obj, weekday=d, opens=o, closes=c) for d, o, c in rows]
        )


class EquipmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EquipmentItem

    centre = factory.SubFactory("centrum.core.tests.factories.CentreFactory")
    name = factory.Sequence(lambda n: f"Rzutnik {n}")
    quantity = 1
    may_leave_building = True
    condition = EquipmentCondition.GOOD
    storage_location = "szafa w sekretariacie"


class BookingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Booking

    room = factory.SubFactory(RoomFactory)
    centre = factory.LazyAttribute(lambda o: o.room.centre)
    kind = BookingKind.ORGANISATION
    title = factory.Sequence(lambda n: f"Spotkanie {n}")
    purpose = "Warsztaty dla członków stowarzyszenia"
    attendees = 10
    starts_at = factory.LazyFunction(lambda: slot(next_open_day(), 10, 12)[0])
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=2))
    status = BookingStatus.APPROVED


def next_open_day(
    weekday: int = 1, weeks_ahead: int = 1, start: date | None = None, *, weeks: int = 1
) -> date:
    """The given weekday at least `weeks_ahead` weeks from today (or `start`) such that it and the same
    weekday of the next `weeks` - 1 weeks are no public holiday: the start of a weekly series of `weeks`."""
    day = (start or warsaw_today()) + timedelta(weeks=weeks_ahead)
    day += timedelta(days=(weekday - day.weekday()) % 7)
    while any(is_public_holiday(day + timedelta(weeks=n)) for n in range(weeks)):
        day += timedelta(weeks=1)
    return day


def slot(day: date, start_hour: int, end_hour: int) -> tuple[datetime, datetime]:
    return (
        datetime.combine(day, time(start_hour), tzinfo=WARSAW),
        datetime.combine(day, time(end_hour), tzinfo=WARSAW),
    )
