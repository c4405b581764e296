"""Booking pages: request (one slot or a series, with conflicts per occurrence), detail and its actions."""

from datetime import date, time

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from centrum.accounts.selectors import active_organisation_for
from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError
from centrum.core.forms import add_application_error
from centrum.core.permissions import has_centre_role, is_centre_staff
from centrum.core.roles import OFFICIAL
from centrum.core.selectors import audit_list_for_object
from centrum.core.views import centre_required
from centrum.core.workflow import available_actions
from centrum.core.workflow.views import WorkflowActionView, workflow_action_items
from centrum.organisations.selectors import organisation_get

from ..availability import local, make_slot
from ..choices import Attendance, BookingKind, BookingPolicy, BookingStatus, Recurrence
from ..forms import BookingForm, CancelForm, DecisionForm, RescheduleForm
from ..permissions import (
    can_book_as_resident,
    can_reschedule_booking,
    can_view_organisation_calendar,
    is_booking_official,
)
from ..selectors import (
    booking_get_visible,
    bookings_for_user,
    equipment_list,
    loans_for_user,
    organisation_feeds_by_organisation,
    organisations_acting_for,
    organisations_active,
    room_list,
    waiting_for_user,
    waiting_get_visible,
)
from ..services import (
    booking_approve,
    booking_cancel,
    booking_preview,
    booking_reject,
    booking_request,
    booking_reschedule,
    offer_accept,
    offer_decline,
    organisation_feed_token,
    organisations_hours_used_in_month,
    waiting_list_join,
    waiting_list_join_series,
)
from ..workflows import BOOKING_ATTENDANCE, BOOKING_STATUS, WAITING_STATUS


def access_page(request: HttpRequest) -> HttpResponse:
    """Instead of a refusal: who may book rooms and borrow equipment here, and how this person gets there."""
    centre, user = request.centre, request.user
    return render(
        request,
        "spaces/no_organisation.html",
        {
            "residents_allowed": can_book_as_resident(user, centre=centre),
            "officials_book": request.centre_settings["spaces.officials_book_for_centre"],
            "is_official": has_centre_role(user, centre, OFFICIAL),
        },
    )


def _prefilled_slot(request) -> dict:
    """`?dzien=2026-05-12&od=10:00&do=12:00` from the free-slot search; anything unreadable is ignored."""
    values = {}
    for param, name, parse in (
        ("dzien", "day", date.fromisoformat),
        ("od", "start_time", time.fromisoformat),
        ("do", "end_time", time.fromisoformat),
    ):
        try:
            values[name] = parse(request.GET.get(param, "")[:10])
        except ValueError:
            continue
    return values


def _quota_rows(request, organisations) -> list[dict]:
    # The request's settings: the no-show note of the same page reads them too (one query for both).
    quota = request.centre_settings["spaces.quota_hours_per_month"]
    today = warsaw_today()
    month = (today.year, today.month)
    organisations = list(organisations)
    used = organisations_hours_used_in_month(organisation_ids=[o.pk for o in organisations], month=month)
    return [{"organisation": o, "used": round(used[o.pk], 1), "quota": quota} for o in organisations]


@login_required
@centre_required
def booking_create(request: HttpRequest) -> HttpResponse:
    centre, user = request.centre, request.user
    staff = is_centre_staff(user, centre)
    official = not staff and is_booking_official(user, centre)
    personal = False
    if staff or official:
        organisations = organisations_active(centre=centre)
        rooms = room_list(centre=centre)
    else:
        organisations = organisations_acting_for(centre=centre, user=user)
        rooms = room_list(centre=centre).filter(booking_policy=BookingPolicy.ORGANISATIONS)
        personal = can_book_as_resident(user, centre=centre)
        if not organisations.exists():
            if not personal:
                return access_page(request)
            rooms = rooms.filter(open_to_residents=True)
    active = active_organisation_for(request)
    initial = {
        **_prefilled_slot(request),
        "room": request.GET.get("sala"),
        "organisation": active.pk if active is not None and not staff else None,
        "contact_name": user.full_name,
        "contact_email": user.email,
        "contact_phone": user.phone,
    }
    form = BookingForm(
        request.POST or None,
        initial=initial,
        rooms=rooms,
        organisations=organisations,
        equipment=equipment_list(centre=centre),
        staff=staff,
        personal=personal,
        official=official,
    )
    plan = booker = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        kind = data.get("kind") or BookingKind.ORGANISATION
        booker = form.booker()
        starts_at, ends_at = make_slot(data["day"], data["start_time"], data["end_time"])
        common = {
            "room": data["room"],
            "actor": user,
            "organisation": data.get("organisation")
            if kind == BookingKind.ORGANISATION and not booker.personal
            else None,
            "booker": booker,
            "starts_at": starts_at,
            "ends_at": ends_at,
            "title": data["title"],
            "attendees": data["attendees"],
        }
        series = {
            "recurrence": data["recurrence"],
            "until": data["until"],
            "count": data["count"],
            "skip_dates": form.skip(),
            "equipment": form.chosen_equipment(),
            "kind": kind,
        }
        action = request.POST.get("action", "check")
        try:
            if action == "wait" and data["recurrence"] != Recurrence.ONCE:
                bookings, entries = waiting_list_join_series(
                    **common,
                    **{k: v for k, v in series.items() if k != "kind"},
                    purpose=data["purpose"],
                    contact_name=data["contact_name"],
                    contact_phone=data["contact_phone"],
                    contact_email=data["contact_email"],
                )
                messages.success(
                    request,
                    ngettext(
                        "Wolne terminy cyklu: %(booked)s – wniosek wysłany. %(waiting)s zajęty termin czeka na "
                        "liście oczekujących; napiszemy, gdy się zwolni.",
                        "Wolne terminy cyklu: %(booked)s – wniosek wysłany. %(waiting)s zajęte terminy czekają "
                        "na liście oczekujących; napiszemy, gdy któryś się zwolni.",
                        len(entries),
                    )
                    % {"booked": len(bookings), "waiting": len(entries)},
                )
                return redirect("spaces:my_bookings")
            if action == "wait":
                waiting_list_join(
                    **common,
                    purpose=data["purpose"],
                    contact_name=data["contact_name"],
                    contact_phone=data["contact_phone"],
                    contact_email=data["contact_email"],
                )
                messages.success(
                    request,
                    _("Wniosek jest na liście oczekujących. Napiszemy, gdy termin się zwolni.")
                    if booker.personal
                    else _("Organizacja jest na liście oczekujących. Napiszemy, gdy termin się zwolni."),
                )
                return redirect("spaces:my_bookings")
            if action == "submit":
                bookings = booking_request(
                    **common,
                    **series,
                    purpose=data["purpose"],
                    contact_name=data["contact_name"],
                    contact_phone=data["contact_phone"],
                    contact_email=data["contact_email"],
                )
                if bookings[0].status == "pending":
                    messages.success(request, _("Wniosek wysłany. Pracownik centrum potwierdzi rezerwację."))
                else:
                    messages.success(request, _("Rezerwacja zapisana."))
                return redirect("spaces:booking_detail", pk=bookings[0].pk)
            plan = booking_preview(**common, **series)
        except ApplicationError as exc:
            add_application_error(form, exc)
            # Over the monthly limit the refusal carries the plan: the member sees each month's hours.
            plan = exc.extra.get("plan")
            if plan is None and action != "check":
                try:
                    plan = booking_preview(**common, **series)
                except ApplicationError as again:
                    plan = again.extra.get("plan")
    return render(
        request,
        "spaces/booking_form.html",
        {
            "form": form,
            "plan": plan,
            "staff": staff or official,
            "quota_rows": [] if staff or official else _quota_rows(request, organisations),
            "over_quota": bool(plan and any(row["over"] for row in plan.quota_months)),
            # A series with taken dates and no other problem may wait as a whole (free dates booked now).
            "series_conflict": bool(
                plan
                and booker is not None
                and not booker.personal
                and len(plan.checks) > 1
                and any(c.conflict for c in plan.checks)
                and not any(c.problems for c in plan.checks)
            ),
            "single_conflict": bool(
                plan and len(plan.checks) == 1 and plan.checks[0].conflict and not plan.checks[0].problems
            ),
        },
    )


@login_required
@centre_required
def my_bookings(request: HttpRequest) -> HttpResponse:
    centre, user = request.centre, request.user
    organisations = list(organisations_acting_for(centre=centre, user=user))
    feeds = organisation_feeds_by_organisation(centre=centre, organisations=organisations)
    return render(
        request,
        "spaces/my_bookings.html",
        {
            "bookings": list(bookings_for_user(centre=centre, user=user)),
            "waiting": [
                (
                    entry,
                    workflow_action_items(
                        entry, user, workflow=WAITING_STATUS, url_name="spaces:waiting_action"
                    ),
                )
                for entry in waiting_for_user(centre=centre, user=user)
            ],
            "loans": list(loans_for_user(centre=centre, user=user)[:20]),
            "quota_rows": _quota_rows(request, organisations),
            "feeds": [(o, feeds.get(o.pk)) for o in organisations],
        },
    )


@login_required
@centre_required
def booking_detail(request: HttpRequest, pk: int) -> HttpResponse:
    booking = booking_get_visible(centre=request.centre, pk=pk, user=request.user)
    user = request.user
    allowed = {t.action for t in available_actions(booking, user, workflow=BOOKING_STATUS, ui_only=False)}
    context = {
        "booking": booking,
        "can_approve": "approve" in allowed,
        "can_cancel": "cancel" in allowed and booking.starts_at > timezone.now(),
        "can_reschedule": "reschedule" in allowed,
        "offer_actions": [
            item
            for item in workflow_action_items(
                booking, user, workflow=BOOKING_STATUS, url_name="spaces:booking_action"
            )
            if item["action"] in BookingActionView.offer_services
        ],
        "attendance_actions": workflow_action_items(
            booking, user, workflow=BOOKING_ATTENDANCE, url_name="spaces:booking_action"
        )
        if booking.status == BookingStatus.APPROVED and booking.starts_at <= timezone.now()
        else [],
        "decision_form": DecisionForm(prefix="decision"),
        "cancel_form": CancelForm(prefix="cancel"),
        "reschedule_form": RescheduleForm(
            prefix="reschedule",
            initial={
                "start_time": local(booking.starts_at).time(),
                "end_time": local(booking.ends_at).time(),
            },
        ),
        "audit_entries": audit_list_for_object(centre=request.centre, obj=booking)[:20]
        if is_centre_staff(user, request.centre)
        else [],
    }
    return render(request, "spaces/booking_detail.html", context)


def _after_action(request, booking, message: str):
    messages.success(request, message)
    return redirect("spaces:booking_detail", pk=booking.pk)


class BookingActionView(WorkflowActionView):
    """Approve, reject or cancel one booking or the occurrences of its series in the chosen scope (own forms);
    accept or decline a slot offered from the waiting list (the shared partial)."""

    workflow = BOOKING_STATUS
    forms = {
        "approve": (DecisionForm, "decision"),
        "reject": (DecisionForm, "decision"),
        "cancel": (CancelForm, "cancel"),
    }
    done_messages = {
        "approve": gettext_lazy("Zatwierdzono terminów: %(count)s."),
        "reject": gettext_lazy("Odrzucono terminów: %(count)s."),
        "cancel": gettext_lazy("Anulowano terminów: %(count)s."),
    }
    services = {"approve": booking_approve, "reject": booking_reject, "cancel": booking_cancel}
    # An offered slot from the waiting list: a plain answer, through the service that also ends the entry.
    offer_services = {"accept": offer_accept, "decline": offer_decline}

    def load(self, request: HttpRequest, pk: int):
        return booking_get_visible(centre=request.centre, pk=pk, user=request.user)

    def success_url(self, request: HttpRequest, obj) -> str:
        if request.POST.get("next") == "queue":
            return reverse("spaces:queue")
        if request.resolver_match.kwargs.get("action") == "decline":
            return reverse("spaces:my_bookings")
        return reverse("spaces:booking_detail", kwargs={"pk": obj.pk})

    def perform(self, request: HttpRequest, obj, transition, reason: str):
        if transition.action in self.offer_services:
            return self.offer_services[transition.action](booking=obj, actor=request.user)
        form_class, prefix = self.forms[transition.action]
        form = form_class(request.POST, prefix=prefix)
        if not form.is_valid():
            # A tampered or overlong field: say which and change nothing.
            raise ApplicationError(
                " ".join(
                    f"{form.fields[name].label}: {' '.join(errors)}"
                    if name in form.fields
                    else " ".join(errors)
                    for name, errors in form.errors.items()
                )
            )
        self.changed = self.services[transition.action](
            booking=obj,
            actor=request.user,
            scope=form.cleaned_data.get("scope", "one"),
            reason=form.cleaned_data.get("reason", ""),
        )

    def failed(self, request: HttpRequest, obj, failure) -> HttpResponse:
        messages.error(request, failure.message)
        return redirect("spaces:booking_detail", pk=obj.pk)

    def done(self, request: HttpRequest, obj, transition) -> None:
        if transition.action in self.offer_services:
            return super().done(request, obj, transition)
        messages.success(request, str(self.done_messages[transition.action]) % {"count": len(self.changed)})


@login_required
@centre_required
def booking_reschedule_view(request: HttpRequest, pk: int) -> HttpResponse:
    booking = booking_get_visible(centre=request.centre, pk=pk, user=request.user)
    if not can_reschedule_booking(request.user, booking):
        raise PermissionDenied
    form = RescheduleForm(request.POST or None, prefix="reschedule")
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            done = booking_reschedule(
                booking=booking,
                actor=request.user,
                start_time=data["start_time"],
                end_time=data["end_time"],
                day=data["day"],
                scope=data["scope"],
            )
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            return _after_action(request, booking, _("Zmieniono terminów: %(count)s.") % {"count": len(done)})
    return render(request, "spaces/booking_reschedule.html", {"booking": booking, "form": form})


class BookingAttendanceView(WorkflowActionView):
    """Staff record whether the organisation came (attended, no_show) on the booking's page."""

    workflow = BOOKING_ATTENDANCE

    def load(self, request: HttpRequest, pk: int):
        return booking_get_visible(centre=request.centre, pk=pk, user=request.user)

    def success_url(self, request: HttpRequest, obj) -> str:
        return reverse("spaces:booking_detail", kwargs={"pk": obj.pk})

    def done(self, request: HttpRequest, obj, transition) -> None:
        if transition.target == Attendance.NO_SHOW:
            messages.success(request, _("Odnotowano nieobecność organizacji."))
        else:
            messages.success(request, _("Obecność odnotowana."))


_booking_status_action = login_required(centre_required(BookingActionView.as_view()))
_booking_attendance_action = login_required(centre_required(BookingAttendanceView.as_view()))


def booking_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """`rezerwacje/<pk>/akcja/<action>/`: a booking has two workflows (its status and its attendance)."""
    if BOOKING_ATTENDANCE.transition(action) is not None:
        return _booking_attendance_action(request, pk=pk, action=action)
    return _booking_status_action(request, pk=pk, action=action)


class WaitingActionView(WorkflowActionView):
    workflow = WAITING_STATUS

    def load(self, request: HttpRequest, pk: int):
        return waiting_get_visible(centre=request.centre, pk=pk, user=request.user)

    def success_url(self, request: HttpRequest, obj) -> str:
        return reverse("spaces:my_bookings")


waiting_action = login_required(centre_required(WaitingActionView.as_view()))


@require_POST
@login_required
@centre_required
def organisation_feed_view(request: HttpRequest, organisation_pk: int) -> HttpResponse:
    organisation = organisation_get(centre=request.centre, pk=organisation_pk)
    if not can_view_organisation_calendar(request.user, organisation):
        raise PermissionDenied
    organisation_feed_token(organisation=organisation, actor=request.user, regenerate=True)
    messages.success(request, _("Nowy adres kalendarza jest gotowy; poprzedni przestał działać."))
    return redirect("spaces:my_bookings")
