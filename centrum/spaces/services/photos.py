"""Photos of a room: staff add them with a description for screen readers, reorder and remove them.

An upload is checked before any file is written (size from the centre's settings, a real image in an
allowed format, a sane pixel count) and stored through Django's storage API under the centre's slug,
with the extension of its real format. A file is deleted from storage only after its row is gone for good.
"""

import uuid

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from centrum.core.audit import audit_log
from centrum.core.centre_settings import CentreSettings
from centrum.core.exceptions import ApplicationError
from centrum.core.uploads import EXTENSIONS, image_validate
from centrum.core.versions import bump_data_version

from ..models import Room, RoomPhoto
from ..permissions import can_manage_rooms

PHOTO_FORMATS = {"JPEG", "PNG", "WEBP"}
ALT_TEXT_MAX = RoomPhoto._meta.get_field("alt_text").max_length


def _check_manager(actor, room: Room) -> None:
    if not can_manage_rooms(actor, room.centre):
        raise ApplicationError(_("Zdjęcia sal dodają pracownicy centrum."))


def _clean_alt_text(alt_text: str) -> str:
    alt_text = " ".join((alt_text or "").split())
    if not alt_text:
        raise ApplicationError(
            _("Opisz, co widać na zdjęciu – osoby niewidome poznają salę z tego opisu."), field="alt_text"
        )
    if len(alt_text) > ALT_TEXT_MAX:
        raise ApplicationError(
            _("Opis zdjęcia może mieć najwyżej %(max)s znaków.") % {"max": ALT_TEXT_MAX}, field="alt_text"
        )
    return alt_text


def photo_validate(upload: UploadedFile, *, max_bytes: int) -> str:
    """The file extension of an accepted photo ("jpg", "png", "webp"); raises ApplicationError otherwise."""
    image_format = image_validate(upload, max_bytes=max_bytes, formats=PHOTO_FORMATS, field="image")
    return EXTENSIONS[image_format]


def _locked_photos(room: Room) -> list[RoomPhoto]:
    Room.objects.select_for_update(of=("self",)).filter(pk=room.pk).first()
    return list(RoomPhoto.objects.filter(room=room).order_by("position", "id"))


@transaction.atomic
def room_photo_add(*, room: Room, actor, image: UploadedFile, alt_text: str) -> RoomPhoto:
    """Add a photo at the end of the room's gallery."""
    _check_manager(actor, room)
    settings = CentreSettings(room.centre)
    alt_text = _clean_alt_text(alt_text)
    photos = _locked_photos(room)
    limit = settings["spaces.room_photos_max"]
    if len(photos) >= limit:
        raise ApplicationError(
            ngettext(
                "Sala ma już %(count)s zdjęcie – tyle, ile pozwalają ustawienia centrum. Usuń je, aby dodać nowe.",
                "Sala ma już %(count)s zdjęć – tyle, ile pozwalają ustawienia centrum. Usuń któreś, aby dodać nowe.",
                len(photos),
            )
            % {"count": len(photos)},
            field="image",
        )
    extension = photo_validate(image, max_bytes=settings["spaces.room_photo_max_mb"] * 1024 * 1024)
    photo = RoomPhoto(centre=room.centre, room=room, alt_text=alt_text, position=len(photos))
    photo.image.save(f"{room.centre.slug}/{uuid.uuid4().hex}.{extension}", image, save=False)
    stored = photo.image.name
    try:
        photo.full_clean(exclude=["image"])
        photo.save()
        audit_log(
            actor=actor,
            obj=room,
            action="room.photo_added",
            new={"photo": photo.pk, "file": stored, "alt_text": alt_text},
        )
    except Exception:
        photo.image.storage.delete(stored)
        raise
    return photo


def _photo_of(room: Room, photo_id) -> RoomPhoto:
    photo = RoomPhoto.objects.filter(centre=room.centre, room=room, pk=photo_id).first() if photo_id else None
    if photo is None:
        raise ApplicationError(_("Nie ma takiego zdjęcia tej sali."), field="photo")
    return photo


@transaction.atomic
def room_photo_update(*, room: Room, actor, photo_id: int, alt_text: str) -> RoomPhoto:
    """A better description of a photo for screen readers."""
    _check_manager(actor, room)
    alt_text = _clean_alt_text(alt_text)
    photo = _photo_of(room, photo_id)
    if photo.alt_text != alt_text:
        old = photo.alt_text
        photo.alt_text = alt_text
        photo.save(update_fields=["alt_text", "updated_at"])
        audit_log(
            actor=actor,
            obj=room,
            action="room.photo_described",
            old={"photo": photo.pk, "alt_text": old},
            new={"photo": photo.pk, "alt_text": alt_text},
        )
    return photo


@transaction.atomic
def room_photo_remove(*, room: Room, actor, photo_id: int) -> None:
    """Remove a photo; its file leaves storage once the removal is committed."""
    _check_manager(actor, room)
    _locked_photos(room)
    photo = _photo_of(room, photo_id)
    name, storage = photo.image.name, photo.image.storage
    audit_log(
        actor=actor,
        obj=room,
        action="room.photo_removed",
        old={"photo": photo.pk, "file": name, "alt_text": photo.alt_text},
    )
    photo.delete()
    _renumber(list(RoomPhoto.objects.filter(room=room).order_by("position", "id")))
    if name:
        transaction.on_commit(lambda: storage.delete(name))


def _renumber(photos: list[RoomPhoto]) -> None:
    changed = []
    for index, photo in enumerate(photos):
        if photo.position != index:
            photo.position = index
            changed.append(photo)
    RoomPhoto.objects.bulk_update(changed, ["position"])
    if changed:  # bulk_update sends no signal: the kept room pages show the new cover and order
        bump_data_version(changed[0].centre_id)


@transaction.atomic
def room_photo_move(*, room: Room, actor, photo_id: int, direction: str) -> None:
    """Move a photo one place earlier ("up") or later ("down"); the first photo is the room's cover."""
    _check_manager(actor, room)
    if direction not in ("up", "down"):
        raise ApplicationError(_("Nieznany kierunek przesunięcia."), field="direction")
    photos = _locked_photos(room)
    photo = _photo_of(room, photo_id)
    index = next(i for i, p in enumerate(photos) if p.pk == photo.pk)
    target = index - 1 if direction == "up" else index + 1
    if not 0 <= target < len(photos):
        raise ApplicationError(
            _("To zdjęcie jest już pierwsze.") if direction == "up" else _("To zdjęcie jest już ostatnie.")
        )
    before = [p.pk for p in photos]
    photos[index], photos[target] = photos[target], photos[index]
    _renumber(photos)
    audit_log(
        actor=actor,
        obj=room,
        action="room.photos_reordered",
        old={"order": before},
        new={"order": [p.pk for p in photos]},
    )
