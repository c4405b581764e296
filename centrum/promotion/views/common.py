"""Helpers the promotion pages share."""

from django.http import HttpRequest

from centrum.core.exceptions import ApplicationError
from centrum.core.forms import add_application_error
from centrum.core.pagination import paginate


def page_of(request: HttpRequest, items):
    return paginate(request, items, per_page=request.centre_settings["promotion.items_per_page"])


def logo_max_kb(request: HttpRequest) -> int:
    return request.centre_settings["promotion.logo_max_kb"]


def form_status(form) -> int:
    return 400 if form.errors else 200


def call_service(form, service, **kwargs):
    """Run `service(**kwargs)`; an ApplicationError becomes a form error (None returned)."""
    try:
        return service(**kwargs)
    except ApplicationError as exc:
        add_application_error(form, exc)
        return None
