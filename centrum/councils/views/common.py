from django.http import HttpResponse
from django.shortcuts import render

from centrum.core.views import centre_permission_required

from ..permissions import can_manage_councils

manager_required = centre_permission_required(can_manage_councils)


def is_manager(request) -> bool:
    return can_manage_councils(request.user, request.centre)


def form_page(
    request, *, form, title: str, back_url: str, back_label: str, submit: str, multipart=False
) -> HttpResponse:
    """The one form page of the app's staff forms (kind, body, meeting, election, opinion request…)."""
    return render(
        request,
        "councils/form.html",
        {
            "form": form,
            "title": title,
            "back_url": back_url,
            "back_label": back_label,
            "submit": submit,
            "multipart": multipart,
        },
        status=400 if form.errors else 200,
    )


def apply_form(request, form, call, *, done: str = "", default_field: str | None = None) -> bool:
    """Validate `form` and `call(cleaned_data)` (one service call); True on success with the `done` message,
    False with the service's refusal at its field (the caller re-renders the page with the form)."""
    from django.contrib import messages

    from centrum.core.exceptions import ApplicationError
    from centrum.core.forms import add_application_error

    if not form.is_valid():
        return False
    try:
        call(form.cleaned_data)
    except ApplicationError as exc:
        add_application_error(form, exc, default_field=default_field)
        return False
    if done:
        messages.success(request, done)
    return True
