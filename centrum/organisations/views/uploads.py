"""The upload step every file import shares (the CSV list in `data`, the OPP list in `opp`): a valid file goes to
the import's service, which stores it and returns what it made; the preview of that comes next. A refusal
of the service is shown on the file field."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from centrum.core.exceptions import ApplicationError
from centrum.core.forms import add_application_error


def upload_page(
    request: HttpRequest,
    *,
    form: forms.Form,
    create: Callable[[dict[str, Any]], Model],
    preview_url: str,
    template: str,
    context: Callable[[], dict[str, Any]],
) -> HttpResponse:
    """`create` gets the form's cleaned data; `context` is called only when the page is rendered."""
    if request.method == "POST" and form.is_valid():
        try:
            created = create(form.cleaned_data)
        except ApplicationError as exc:
            add_application_error(form, exc, default_field="file")
        else:
            return redirect(preview_url, pk=created.pk)
    return render(request, template, {"form": form, **context()})
