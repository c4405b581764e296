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
