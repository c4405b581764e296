"""The events calendar: the month grid and the list drawing every calendar source, an event's page, the ICS
feed of the same and one event's .ics, submitting, editing and moderating events."""

import calendar as month_calendar
from datetime import date, datetime, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from icalendar import Calendar
from icalendar import Event as IcsEvent

from centrum.core.calendar import WARSAW, warsaw_today
from centrum.core.centre_settings import centre_setting
from centrum.core.exceptions import ApplicationError
from centrum.core.forms import add_application_error
from centrum.core.links import centre_url
from centrum.core.pagination import paginate
from centrum.core.selectors import audit_list_for_object
from centrum.core.views import centre_required
from centrum.core.workflow.views import WorkflowActionView, workflow_action_items

from ..choices import Accessibility, ModerationStatus
from ..forms import EventForm
from ..permissions import can_edit, can_moderate
from ..selectors import calendar_entries, event_entry, event_get_for, event_list_public
from ..services import event_create, event_update
from ..workflows import EVENT_STATUS
from .common import can_submit, filters, form_kwargs, submission_limited


def _month(request: HttpRequest) -> date:
    """`?miesiac=2026-06`; anything else (or a year outside 2000–2100) is this month."""
    try:
        year, month = (int(part) for part in request.GET.get("miesiac", "").split("-"))
        if 2000 <= year <= 2100 and 1 <= month <= 12:
            return date(year, month, 1)
    except ValueError:
        pass
    return warsaw_today().replace(day=1)


def _aware(day: date) -> datetime:
    return datetime.combine(day, datetime.min.time(), tzinfo=WARSAW)


@centre_required
@require_GET
def month(request: HttpRequest) -> HttpResponse:
    first = _month(request)
    weeks = month_calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    start, end = weeks[0][0], weeks[-1][-1] + timedelta(days=1)
    entries = calendar_entries(centre=request.centre, start=_aware(start), end=_aware(end))
    by_day: dict[date, list] = {}
    for entry in entries:
        day = max(entry.starts_at.astimezone(WARSAW).date(), start)
        last = min(entry.ends_at.astimezone(WARSAW).date(), end - timedelta(days=1))
        while day <= last:
            by_day.setdefault(day, []).append(entry)
            day += timedelta(days=1)
    previous = (first - timedelta(days=1)).replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    today = warsaw_today()
    grid = [
        [
            {"day": d, "entries": by_day.get(d, []), "outside": d.month != first.month, "today": d == today}
            for d in week
        ]
        for week in weeks
    ]
    return render(
        request,
        "news/calendar.html",
        {
            "grid": grid,
            "month_label": date_format(first, "F Y"),
            "previous": previous.strftime("%Y-%m"),
            "following": following.strftime("%Y-%m"),
            "has_entries": bool(entries),
            "can_submit": can_submit(request),
        },
    )


@centre_required
@require_GET
def event_list(request: HttpRequest) -> HttpResponse:
    form = filters(request)
    now = timezone.now()
    if any(form.value(name) for name in ("organizacja", "dziedzina", "organizator")):
        # A filter narrows the centre's own events (other sources know no organisation or field).
        entries = [
            event_entry(e)
            for e in event_list_public(
                centre=request.centre,
                start=now,
                organisation=form.value("organizacja"),
                area=form.value("dziedzina"),
                organiser_kind=form.value("organizator"),
            )
        ]
    else:
        days = centre_setting(request.centre, "news.calendar_feed_days_ahead")
        entries = calendar_entries(centre=request.centre, start=now, end=now + timedelta(days=days))
    page = paginate(request, entries, per_page=20)
    return render(
        request, "news/event_list.html", {"page": page, "filters": form, "can_submit": can_submit(request)}
    )


@centre_required
@require_GET
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = event_get_for(centre=request.centre, user=request.user, pk=pk)
    labels = dict(Accessibility.choices)
    moderator = can_moderate(request.user, request.centre)
    return render(
        request,
        "news/event_detail.html",
        {
            "event": event,
            "accessibility": [labels[c] for c in event.accessibility if c in labels],
            "editable": can_edit(request.user, event),
            "workflow_actions": workflow_action_items(
                event, request.user, workflow=EVENT_STATUS, url_name="events:action"
            ),
            "audit_entries": audit_list_for_object(centre=request.centre, obj=event)[:30]
            if moderator
            else [],
        },
    )


def _form_page(request, form, event, status):
    return render(request, "news/event_form.html", {"form": form, "event": event}, status=status)


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def event_new(request: HttpRequest) -> HttpResponse:
    kwargs = form_kwargs(request)
    if not kwargs["staff"] and not kwargs["organisations"].exists():
        raise PermissionDenied
    form = EventForm(request.POST or None, **kwargs)
    if request.method == "POST" and form.is_valid() and not submission_limited(request):
        try:
            event = event_create(centre=request.centre, actor=request.user, **form.service_data())
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(
                request,
                _("Opublikowano wydarzenie.")
                if event.status == ModerationStatus.PUBLISHED
                else _("Dziękujemy! Wydarzenie czeka na moderację – dostaniesz e-mail z decyzją."),
            )
            return redirect(event)
    return _form_page(request, form, None, 400 if request.method == "POST" else 200)


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def event_edit(request: HttpRequest, pk: int) -> HttpResponse:
    event = event_get_for(centre=request.centre, user=request.user, pk=pk)
    if not can_edit(request.user, event):
        raise PermissionDenied
    form = EventForm(request.POST or None, initial=EventForm.initial_for(event), **form_kwargs(request))
    if request.method == "POST" and form.is_valid():
        try:
            event_update(event=event, actor=request.user, **form.service_data())
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Zapisano zmiany."))
            return redirect(event)
    return _form_page(request, form, event, 400 if request.method == "POST" else 200)


class EventActionView(WorkflowActionView):
    workflow = EVENT_STATUS

    def load(self, request: HttpRequest, pk: int):
        return event_get_for(centre=request.centre, user=request.user, pk=pk)

    def success_url(self, request: HttpRequest, obj) -> str:
        return obj.get_absolute_url()


action = centre_required(EventActionView.as_view())


# --- ICS --------------------------------------------------------------------------------------------------


def _ics(name: str, entries, *, site: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", "-//Centrum//Kalendarz wydarzen//PL")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Warsaw")
    host, stamp = site.split("://", 1)[-1], timezone.now()
    for entry in entries:
        event = IcsEvent()
        event.add("uid", f"{entry.uid}@{host}")
        event.add("dtstamp", stamp)
        if entry.all_day:
            event.add("dtstart", entry.starts_at.astimezone(WARSAW).date())
            event.add("dtend", entry.ends_at.astimezone(WARSAW).date() + timedelta(days=1))
        else:
            event.add("dtstart", entry.starts_at)
            event.add("dtend", entry.ends_at)
        event.add("summary", entry.title)
        if entry.place:
            event.add("location", entry.place)
        if entry.url:
            event.add("url", site + entry.url if entry.url.startswith("/") else entry.url)
        details = [entry.description]
        if entry.organiser:
            details.append(_("Organizator: %(name)s") % {"name": entry.organiser})
        if entry.audience:
            details.append(_("Dla kogo: %(audience)s") % {"audience": entry.audience})
        if entry.accessibility:
            details.append(_("Dostępność: %(info)s") % {"info": entry.accessibility})
        description = "\n".join(d for d in details if d)
        if description:
            event.add("description", description)
        cal.add_component(event)
    return cal


def _ics_response(cal: Calendar, filename: str, *, attachment: bool) -> HttpResponse:
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


@centre_required
@require_GET
def feed(request: HttpRequest) -> HttpResponse:
    centre, now = request.centre, timezone.now()
    start = now - timedelta(days=centre_setting(centre, "news.calendar_feed_days_back"))
    end = now + timedelta(days=centre_setting(centre, "news.calendar_feed_days_ahead"))
    entries = calendar_entries(centre=centre, start=start, end=end)
    name = _("%(centre)s: kalendarz wydarzeń") % {"centre": centre.short_name or centre.name}
    return _ics_response(_ics(name, entries, site=centre_url(centre, "")), "kalendarz.ics", attachment=False)


@centre_required
@require_GET
def event_ics(request: HttpRequest, pk: int) -> HttpResponse:
    event = event_get_for(centre=request.centre, user=request.user, pk=pk)
    if event.status != ModerationStatus.PUBLISHED:
        raise PermissionDenied
    cal = _ics(event.title, [event_entry(event)], site=centre_url(request.centre, ""))
    return _ics_response(cal, f"wydarzenie-{event.pk}.ics", attachment=True)
