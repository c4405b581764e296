"""Staff keep the rooms, their hours and the equipment; members get the secret of their calendar feed."""

import secrets
from datetime import time
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log, changes, snapshot
from centrum.core.exceptions import ApplicationError
from centrum.core.versions import bump_data_version

from ..choices import RoomFeature
from ..models import EquipmentItem, OrganisationCalendarFeed, Room, RoomOpeningHours
from ..permissions import can_manage_rooms, can_view_organisation_calendar

ROOM_FIELDS = [
    "name",
    "description",
    "location",
    "capacity",
    "area_m2",
    "features",
    "is_active",
    "position",
    "booking_policy",
    "open_to_residents",
    "approval_mode",
    "min_notice_hours",
    "horizon_days",
    "max_length_minutes",
    "rules",
]
EQUIPMENT_FIELDS = [
    "name",
    "description",
    "quantity",
    "storage_location",
    "may_leave_building",
    "condition",
    "inventory_number",
    "is_active",
    "kind",
    "monthly_quota",
]


def _clean_and_save(obj, message_on_duplicate: str) -> None:
    try:
        obj.full_clean(validate_constraints=False, validate_unique=False)
    except ValidationError as exc:
        field, messages = next(iter(exc.message_dict.items()))
        raise ApplicationError(" ".join(messages), field=None if field == "__all__" else field)
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError:
        raise ApplicationError(message_on_duplicate, field="name")


@transaction.atomic
def room_save(
    *,
    centre,
    actor,
    data: dict[str, Any],
    opening_hours: dict[int, tuple[time, time] | None] | None = None,
    room: Room | None = None,
) -> Room:
    """Create or update a room and, if given, its opening hours per weekday (None: closed that day)."""
    if not can_manage_rooms(actor, centre):
        raise ApplicationError(_("Sale prowadzą pracownicy centrum."))
    if room is not None and room.centre_id != centre.pk:
        raise ApplicationError(_("Nie ma takiej sali."))
    unknown = set(data.get("features") or []) - set(RoomFeature.values)
    if unknown:
        raise ApplicationError(_("Nieznane udogodnienie sali."), field="features")
    room = room or Room(centre=centre)
    before = snapshot(room, ROOM_FIELDS) if room.pk else None
    for key, value in data.items():
        if key in ROOM_FIELDS:
            setattr(room, key, value)
    _clean_and_save(room, _("W centrum jest już sala o tej nazwie."))
    if opening_hours is not None:
        for weekday, hours in opening_hours.items():
            if hours is not None and hours[1] <= hours[0]:
                raise ApplicationError(
                    _("Godzina zamknięcia musi być późniejsza niż otwarcia."), field=f"closes_{weekday}"
                )
        RoomOpeningHours.objects.filter(room=room).delete()
        RoomOpeningHours.objects.bulk_create(
            [
                RoomOpeningHours(centre=centre, room=room, weekday=weekday, opens=hours[0], closes=hours[1])
                for weekday, hours in sorted(opening_hours.items())
                if hours is not None
            ]
        )
        bump_data_version(centre.pk)  # bulk_create sends no signal: the kept room pages must still change
    after = snapshot(room, ROOM_FIELDS)
    if before is None:
        audit_log(actor=actor, obj=room, action="room.created", new=after)
    else:
        old, new = changes(before, after)
        if opening_hours is not None:
            new["opening_hours"] = {
                str(d): f"{h[0]:%H:%M}-{h[1]:%H:%M}" for d, h in opening_hours.items() if h
            }
        if old or new:
            audit_log(actor=actor, obj=room, action="room.updated", old=old, new=new)
    return room


@transaction.atomic
def equipment_save(
    *, centre, actor, data: dict[str, Any], item: EquipmentItem | None = None
) -> EquipmentItem:
    if not can_manage_rooms(actor, centre):
        raise ApplicationError(_("Sprzęt prowadzą pracownicy centrum."))
    if item is not None and item.centre_id != centre.pk:
        raise ApplicationError(_("Nie ma takiego sprzętu."))
    item = item or EquipmentItem(centre=centre)
    before = snapshot(item, EQUIPMENT_FIELDS) if item.pk else None
    for key, value in data.items():
        if key in EQUIPMENT_FIELDS:
            setattr(item, key, value)
    _clean_and_save(item, _("W centrum jest już sprzęt o tej nazwie."))
    after = snapshot(item, EQUIPMENT_FIELDS)
    if before is None:
        audit_log(actor=actor, obj=item, action="equipment.created", new=after)
    else:
        old, new = changes(before, after)
        if old or new:
            audit_log(actor=actor, obj=item, action="equipment.updated", old=old, new=new)
    return item


@transaction.atomic
def organisation_feed_token(*, organisation, actor, regenerate: bool = False) -> OrganisationCalendarFeed:
    """The organisation's ICS feed secret; a new one cuts off every old subscription."""
    if not can_view_organisation_calendar(actor, organisation):
        raise ApplicationError(_("Nie działasz w imieniu tej organizacji."))
    feed, created = OrganisationCalendarFeed.objects.get_or_create(
        organisation=organisation, defaults={"centre": organisation.centre}
    )
    if regenerate and not created:
        feed.token = secrets.token_urlsafe()
        feed.save(update_fields=["token", "updated_at"])
        audit_log(actor=actor, obj=feed, action="calendar_feed.regenerated", centre=organisation.centre)
    return feed
