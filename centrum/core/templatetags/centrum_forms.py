"""The form layer in templates: `{% error_summary form other_form formset %}` above a page's forms and
`page|page_links` for the one pagination (core/_pagination.html)."""

from django import forms, template

from ..pagination import page_links as _page_links

register = template.Library()


def _field_target(field: forms.BoundField) -> str:
    # A group of radios or checkboxes has no single input; its first option is where the link goes.
    return field.id_for_label or (f"{field.auto_id}_0" if field.auto_id else "")


def _form_entries(form) -> list[dict]:
    entries = [{"message": error, "target": ""} for error in form.non_field_errors()]
    for field in form:
        for error in field.errors:
            entries.append({"label": field.label, "message": error, "target": _field_target(field)})
    return entries


@register.inclusion_tag("core/_error_summary.html")
def error_summary(*forms_or_formsets) -> dict:
    """Every error of the given forms (and formsets), each linked to its field."""
    entries = []
    for item in forms_or_formsets:
        if item is None or not getattr(item, "is_bound", False):
            continue
        if isinstance(item, forms.BaseFormSet):
            entries += [{"message": error, "target": ""} for error in item.non_form_errors()]
            for form in item.forms:
                entries += _form_entries(form)
        else:
            entries += _form_entries(item)
    return {"entries": entries}


@register.simple_tag(takes_context=True)
def page_query(context, number) -> str:
    """The current query string with the pagination's parameter (`page_param` in the context, else `page`) set to
    `number`: `{% querystring %}` cannot take the parameter's name from a variable."""
    query = context["request"].GET.copy()
    query[context.get("page_param") or "page"] = number
    return "?" + query.urlencode()


@register.filter
def page_links(page) -> list:
    """`{% for number in page|page_links %}` in core/_pagination.html."""
    return _page_links(page)
