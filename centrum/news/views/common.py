"""What the pages share: the filters of the public lists, the submit-form arguments."""

from django.contrib import messages
from django.http import HttpRequest
from django.utils.translation import gettext as _

from centrum.core.antispam import rate_limited
from centrum.core.centre_settings import centre_setting

from ..forms import EventFilterForm
from ..permissions import can_moderate
from ..selectors import activity_areas, filter_organisations, organisations_for_submit


def filters(request: HttpRequest) -> EventFilterForm:
    return EventFilterForm(
        request.GET or None,
        organisations=filter_organisations(centre=request.centre),
        areas=activity_areas(),
    )


def form_kwargs(request: HttpRequest) -> dict:
    return {
        "organisations": organisations_for_submit(centre=request.centre, user=request.user),
        "staff": can_moderate(request.user, request.centre),
    }


def can_submit(request: HttpRequest) -> bool:
    """May the person submit news and events (staff, or a member of an active organisation)?"""
    if not request.user.is_authenticated:
        return False
    return can_moderate(request.user, request.centre) or (
        organisations_for_submit(centre=request.centre, user=request.user).exists()
    )


def submission_limited(request: HttpRequest) -> bool:
    """Members submit at most the centre's number of items a day (staff are not counted)."""
    if can_moderate(request.user, request.centre):
        return False
    limit = centre_setting(request.centre, "news.submissions_per_day")
    if rate_limited(f"news-submit:{request.centre.pk}:{request.user.pk}", limit=limit, window=24 * 3600):
        messages.error(request, _("Zgłoszono dziś już najwięcej wpisów, ile można. Spróbuj jutro."))
        return True
    return False
