"""What the advice pages share: one posted form, one service call, a broken rule shown on the form."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest

from centrum.core.exceptions import ApplicationError
from centrum.core.forms import add_application_error


def submit(request: HttpRequest, form, perform: Callable[[dict], Any], done: str = "") -> Any:
    """Validate `form` and call `perform(cleaned_data)` (one service call). Returns what the service returned,
    or None when the form or the service refused (the error is then on the form)."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        result = perform(form.cleaned_data)
    except ApplicationError as exc:
        add_application_error(form, exc)
        return None
    if done:
        messages.success(request, done)
    return result
