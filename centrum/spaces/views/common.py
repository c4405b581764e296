from django import forms

from centrum.core.exceptions import ApplicationError


def form_error(form: forms.Form, exc: ApplicationError) -> None:
    """A broken rule is shown next to its field when the form has one, else above the form."""
    field = exc.field if exc.field in form.fields else None
    form.add_error(field, exc.message)
    if field:
        form.fields[field].widget.attrs.update(
            {"aria-invalid": "true", "aria-describedby": form[field].auto_id + "_error"}
        )


def scope_of(request) -> str:
    scope = request.POST.get("scope", "one")
    return scope if scope in {"one", "following", "series"} else "one"
