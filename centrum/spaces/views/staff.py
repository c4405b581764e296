"""Staff pages: the request queue, the planner by day and week, rooms and equipment, lets."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError
from centrum.core.forms import add_application_error
from centrum.core.pagination import paginate
from centrum.core.permissions import is_centre_staff
from centrum.core.views import centre_required, staff_required
from centrum.core.workflow.views import WorkflowActionView

from ..forms import EquipmentForm, LetEndForm, LetForm, PlannerForm, RoomForm, RoomPhotoAltForm, RoomPhotoForm
from ..selectors import (
    booking_queue,
    bookings_to_mark,
    equipment_get,
    equipment_list,
    let_get,
    let_list,
    organisations_active,
    planner,
    room_get,
    room_list,
    waiting_list,
    week_start,
)
from ..services import (
    equipment_save,
    let_create,
    let_end,
    room_photo_add,
    room_photo_move,
    room_photo_remove,
    room_photo_update,
    room_save,
)
from ..workflows import LET_STATUS


def _require_staff(request: HttpRequest) -> None:
    """For pages of one object: the object is loaded (scoped to the centre) first, so another centre's
    id is a 404 for every role, and only then is the role checked (403)."""
    if not is_centre_staff(request.user, request.centre):
        raise PermissionDenied


QUEUE_PAGE_SIZE = 50
# The attendance and waiting lists below the queue: a busy centre that records attendance late has
# hundreds of meetings to mark; each list is paged on its own query parameter.
SIDE_LIST_PAGE_SIZE = 20


@staff_required
def queue(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "spaces/queue.html",
        {
            # Oldest first, a page at a time: a busy centre can have hundreds waiting.
            "page": (
                page := paginate(request, booking_queue(centre=request.centre), per_page=QUEUE_PAGE_SIZE)
            ),
            "pending": list(page.object_list),
            "to_mark_page": (
                to_mark := paginate(
                    request,
                    bookings_to_mark(centre=request.centre),
                    per_page=SIDE_LIST_PAGE_SIZE,
                    param="obecnosci",
                )
            ),
            "to_mark": list(to_mark.object_list),
            "waiting_page": (
                waiting := paginate(
                    request,
                    waiting_list(centre=request.centre),
                    per_page=SIDE_LIST_PAGE_SIZE,
                    param="oczekujacy",
                )
            ),
            "waiting": list(waiting.object_list),
        },
    )


@staff_required
def planner_view(request: HttpRequest) -> HttpResponse:
    form = PlannerForm(request.GET or None)
    chosen, view = warsaw_today(), "day"
    if form.is_valid():
        chosen = form.cleaned_data["day"] or chosen
        view = form.cleaned_data["view"] or view
    elif "day" in form.errors:
        messages.warning(request, " ".join(form.errors["day"]) + " " + _("Pokazujemy dzisiejszy dzień."))
        view = form.cleaned_data.get("view") or view
    first = week_start(chosen) if view == "week" else chosen
    days = 7 if view == "week" else 1
    rooms, cells, closed = planner(centre=request.centre, first=first, days=days)
    dates = [first + timedelta(days=i) for i in range(days)]
    rows = []
    for room in rooms:
        open_weekdays = {hours.weekday for hours in room.opening_hours.all()}
        rows.append(
            (
                room,
                [
                    (d, cells.get((room.pk, d), []), d.weekday() in open_weekdays and d not in closed)
                    for d in dates
                ],
            )
        )
    step = timedelta(days=days)
    return render(
        request,
        "spaces/planner.html",
        {
            "form": form,
            "view": view,
            "dates": dates,
            "rows": rows,
            "closed": closed,
            "previous": (first - step).isoformat(),
            "next": (first + step).isoformat(),
            "first": first,
        },
    )


@staff_required
def manage(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "spaces/manage.html",
        {
            "rooms": list(room_list(centre=request.centre, active_only=False)),
            "equipment": list(equipment_list(centre=request.centre, active_only=False)),
        },
    )


@login_required
@centre_required
def room_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    room = room_get(centre=request.centre, pk=pk) if pk else None
    _require_staff(request)
    form = RoomForm(request.POST or None, instance=room)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in RoomForm.Meta.fields}
        try:
            room = room_save(
                centre=request.centre,
                actor=request.user,
                data=data,
                opening_hours=form.opening_hours(),
                room=room,
            )
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Sala zapisana."))
            return redirect("spaces:manage")
    return render(request, "spaces/room_form.html", {"form": form, "room": room})


PHOTO_ACTIONS = {"up", "down", "remove", "describe"}


@login_required
@centre_required
def room_photos(request: HttpRequest, room_pk: int) -> HttpResponse:
    """The room's gallery: add a photo with its description, describe, reorder or remove the others."""
    room = room_get(centre=request.centre, pk=room_pk)
    _require_staff(request)
    max_mb = request.centre_settings["spaces.room_photo_max_mb"]
    action = request.POST.get("action", "add") if request.method == "POST" else None
    form = RoomPhotoForm(
        request.POST if action == "add" else None,
        request.FILES if action == "add" else None,
        max_mb=max_mb,
        prefix="new",
    )
    if action == "add" and form.is_valid():
        try:
            room_photo_add(
                room=room,
                actor=request.user,
                image=form.cleaned_data["image"],
                alt_text=form.cleaned_data["alt_text"],
            )
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Zdjęcie dodane."))
            return redirect("spaces:room_photos", room_pk=room.pk)
    elif action in PHOTO_ACTIONS:
        photo_id = request.POST.get("photo", "")
        photo_id = int(photo_id) if photo_id.isascii() and photo_id.isdigit() else None
        try:
            if action == "remove":
                room_photo_remove(room=room, actor=request.user, photo_id=photo_id)
                done = _("Zdjęcie usunięte.")
            elif action == "describe":
                alt_form = RoomPhotoAltForm(request.POST, prefix=f"photo-{photo_id}")
                alt_text = alt_form.cleaned_data["alt_text"] if alt_form.is_valid() else ""
                room_photo_update(room=room, actor=request.user, photo_id=photo_id, alt_text=alt_text)
                done = _("Opis zdjęcia zapisany.")
            else:
                room_photo_move(room=room, actor=request.user, photo_id=photo_id, direction=action)
                done = _("Kolejność zdjęć zmieniona.")
        except ApplicationError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, done)
        return redirect("spaces:room_photos", room_pk=room.pk)
    photos = list(room.photos.all())
    return render(
        request,
        "spaces/room_photos.html",
        {
            "room": room,
            "form": form,
            "photos": [
                (photo, RoomPhotoAltForm(prefix=f"photo-{photo.pk}", initial={"alt_text": photo.alt_text}))
                for photo in photos
            ],
            "photo_limit": request.centre_settings["spaces.room_photos_max"],
        },
    )


@login_required
@centre_required
def equipment_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    item = equipment_get(centre=request.centre, pk=pk) if pk else None
    _require_staff(request)
    form = EquipmentForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in EquipmentForm.Meta.fields}
        try:
            equipment_save(centre=request.centre, actor=request.user, data=data, item=item)
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Sprzęt zapisany."))
            return redirect("spaces:manage")
    return render(request, "spaces/equipment_form.html", {"form": form, "item": item})


@staff_required
def lets(request: HttpRequest) -> HttpResponse:
    form = LetForm(
        request.POST or None,
        rooms=room_list(centre=request.centre, active_only=False),
        organisations=organisations_active(centre=request.centre),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            let_create(
                room=data["room"],
                actor=request.user,
                organisation=data["organisation"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                agreement_number=data["agreement_number"],
                notes=data["notes"],
            )
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Najem zapisany – sala jest wyłączona z rezerwacji w tym okresie."))
            return redirect("spaces:lets")
    return render(
        request,
        "spaces/lets.html",
        {"form": form, "lets": list(let_list(centre=request.centre)), "today": warsaw_today()},
    )


@login_required
@centre_required
@require_GET
def let_end_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The form that ends a let: it posts to the let's action URL (`LetActionView`)."""
    let = let_get(centre=request.centre, pk=pk)
    _require_staff(request)
    form = LetEndForm(initial={"ends_on": max(warsaw_today(), let.starts_on)})
    return render(request, "spaces/let_end.html", {"form": form, "let": let})


class LetActionView(WorkflowActionView):
    """`najem/<pk>/akcja/end/`: ending a let takes its last day, so the form page re-renders on a refusal."""

    workflow = LET_STATUS
    form_actions = frozenset({"end"})

    def load(self, request: HttpRequest, pk: int):
        return let_get(centre=request.centre, pk=pk)

    def success_url(self, request: HttpRequest, obj) -> str:
        return reverse("spaces:lets")

    def perform(self, request: HttpRequest, obj, transition, reason: str):
        form = LetEndForm(request.POST)
        if not form.is_valid():
            raise ApplicationError(_("Popraw zaznaczone pola."))
        return let_end(
            let=obj,
            actor=request.user,
            ends_on=form.cleaned_data["ends_on"],
            reason=form.cleaned_data["reason"],
        )

    def failed(self, request: HttpRequest, obj, failure) -> HttpResponse:
        form = LetEndForm(request.POST)
        if form.is_valid():
            add_application_error(form, ApplicationError(failure.message, field=failure.field))
        return render(request, "spaces/let_end.html", {"form": form, "let": obj})

    def done(self, request: HttpRequest, obj, transition) -> None:
        messages.success(request, _("Najem zakończony."))


let_action = login_required(centre_required(LetActionView.as_view()))
