from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.shortcuts import redirect, render

from centrum.core.exceptions import ApplicationError
from centrum.core.forms import add_application_error
from centrum.core.uploads import stored_file_response
from centrum.core.views import centre_required


def per_page(request) -> int:
    return request.centre_settings["knowledge.per_page"]


def file_response(field_file, extension: str, name: str) -> FileResponse:
    return stored_file_response(field_file, filename=f"{name}.{extension}", as_attachment=extension == "pdf")


def signed_in_centre_page(view):
    return login_required(centre_required(view))


def form_page(request, form, save, *, template: str, context=None, message: str = ""):
    """The one shape of a form page: on a valid POST call `save(cleaned_data)` (one service call) and go to
    what it returns (an object with an address, or a URL name); a broken rule the service raises is shown
    at its field. Otherwise the page with the form (400 when it has errors)."""
    if request.method == "POST" and form.is_valid():
        try:
            result = save(form.cleaned_data)
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            if message:
                messages.success(request, message)
            return redirect(result)
    return render(request, template, {"form": form, **(context or {})}, status=400 if form.errors else 200)
