"""The centre's staff panel: audit log, settings, centre profile and closed days."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..audit_display import display_date
from ..calendar import warsaw_today
from ..centre_settings import centre_settings_values
from ..exceptions import ApplicationError
from ..forms import (
    AuditFilterForm,
    CentreProfileForm,
    CentreSettingsForm,
    ClosedDayForm,
    LogoForm,
    OpeningHoursForm,
    ServiceFormSet,
    add_application_error,
    content_type_label,
)
from ..pagination import paginate
from ..permissions import can_view_audit_log
from ..selectors import (
    audit_actions_for_centre,
    audit_content_types_for_centre,
    audit_list_for_centre,
    audit_list_for_object_id,
    centre_closed_day_list,
    centre_get_fresh,
)
from ..services import (
    PROFILE_TEXT_FIELDS,
    centre_closed_day_add,
    centre_closed_day_remove,
    centre_profile_update,
    centre_settings_update,
)
from ..views import centre_permission_required, staff_required

AUDIT_PAGE_SIZE = 50


# Staff and officials.
audit_viewer_required = centre_permission_required(can_view_audit_log)


@audit_viewer_required
def audit_log(request: HttpRequest) -> HttpResponse:
    centre = request.centre
    form = AuditFilterForm(
        request.GET or None,
        content_types=audit_content_types_for_centre(centre=centre),
        actions=audit_actions_for_centre(centre=centre),
    )
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    entries = audit_list_for_centre(
        centre=centre,
        content_type_id=filters.get("content_type"),
        action=filters.get("action") or "",
        actor=filters.get("actor") or "",
        date_from=filters.get("date_from"),
        date_to=filters.get("date_to"),
    )
    page = paginate(request, entries, per_page=AUDIT_PAGE_SIZE)
    return render(
        request,
        "core/panel/audit_log.html",
        {"form": form, "page": page, "labels": _labels(page)},
    )


@audit_viewer_required
def audit_object_history(request: HttpRequest, content_type_id: int, object_id: str) -> HttpResponse:
    entries = audit_list_for_object_id(
        centre=request.centre, content_type_id=content_type_id, object_id=object_id
    )
    page = paginate(request, entries, per_page=AUDIT_PAGE_SIZE)
    first = page.object_list[0]
    return render(
        request,
        "core/panel/audit_object.html",
        {
            "page": page,
            "object_repr": first.object_repr,
            "kind": content_type_label(first.content_type),
            "labels": _labels(page),
        },
    )


def _labels(page) -> dict[int, str]:
    """Readable kind of object per content type id (content types are cached by Django)."""
    return {e.content_type_id: content_type_label(e.content_type) for e in page.object_list}


@staff_required
def centre_settings(request: HttpRequest) -> HttpResponse:
    centre = request.centre
    values = centre_settings_values(centre)
    form = CentreSettingsForm(request.POST or None, values=values)
    if request.method == "POST" and form.is_valid():
        try:
            changed = centre_settings_update(centre=centre, values=form.cleaned_data, actor=request.user)
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            if changed:
                messages.success(request, _("Zapisano ustawienia."))
            else:
                messages.info(request, _("Nic się nie zmieniło."))
            return redirect("core:centre_settings")
    return render(request, "core/panel/settings.html", {"form": form})


@staff_required
def centre_profile(request: HttpRequest) -> HttpResponse:
    centre = centre_get_fresh(centre=request.centre)
    post = request.POST if request.method == "POST" else None
    profile = CentreProfileForm(post, initial={name: getattr(centre, name) for name in PROFILE_TEXT_FIELDS})
    hours = OpeningHoursForm(post, prefix="hours", hours=centre.opening_hours)
    services = ServiceFormSet(
        post,
        prefix="services",
        initial=[
            {"title": s.get("title", ""), "description": s.get("description", ""), "kind": s.get("kind", "")}
            for s in centre.services
            if isinstance(s, dict)
        ],
    )
    logo = LogoForm(post, request.FILES if post is not None else None, prefix="logo")
    # A service ticked for removal still may not carry a value no option offers (a formset ignores the
    # errors of deleted forms; tampering must be refused, not stored around).
    services_valid = services.is_valid() and not any(form.errors for form in services.forms)
    if post is not None and all([profile.is_valid(), hours.is_valid(), services_valid, logo.is_valid()]):
        data = {
            **profile.cleaned_data,
            "opening_hours": hours.entries(),
            "services": [
                {
                    "title": f.cleaned_data["title"],
                    "description": f.cleaned_data.get("description", ""),
                    "kind": f.cleaned_data.get("kind", ""),
                }
                for f in services.forms
                if f.cleaned_data.get("title") and not f.cleaned_data.get("DELETE")
            ],
        }
        try:
            centre_profile_update(
                centre=centre,
                data=data,
                actor=request.user,
                logo=logo.cleaned_data.get("logo"),
                remove_logo=logo.cleaned_data.get("remove_logo", False),
            )
        except ApplicationError as error:
            if error.field == "logo":
                add_application_error(logo, error)
            elif error.field == "opening_hours":
                add_application_error(hours, error)
            else:
                add_application_error(profile, error)
        else:
            messages.success(request, _("Zapisano profil centrum."))
            return redirect("core:centre_profile")
    return render(
        request,
        "core/panel/centre_profile.html",
        {
            "profile": profile,
            "hours": hours,
            "services": services,
            "logo": logo,
            "current": centre,
            "logo_limit": settings.CENTRE_LOGO_MAX_BYTES,
        },
    )


@staff_required
def centre_closed_days(request: HttpRequest) -> HttpResponse:
    centre = request.centre
    form = ClosedDayForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            closed = centre_closed_day_add(
                centre=centre,
                day=form.cleaned_data["date"],
                reason=form.cleaned_data["reason"],
                actor=request.user,
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(
                request, _("Dodano dzień zamknięcia %(date)s.") % {"date": display_date(closed.date)}
            )
            return redirect("core:centre_closed_days")
    show_past = request.GET.get("archiwum") == "1"
    days = centre_closed_day_list(centre=centre, since=None if show_past else warsaw_today())
    return render(
        request, "core/panel/closed_days.html", {"form": form, "days": days, "show_past": show_past}
    )


@staff_required
@require_POST
def centre_closed_day_delete(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        centre_closed_day_remove(centre=request.centre, closed_day_id=pk, actor=request.user)
    except ApplicationError:
        raise Http404
    messages.success(request, _("Usunięto dzień zamknięcia."))
    return redirect("core:centre_closed_days")
