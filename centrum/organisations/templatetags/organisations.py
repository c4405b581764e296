from django import template

from centrum.organisations.importing import import_error_message

register = template.Library()


@register.filter
def import_error(error: dict) -> str:
    """A stored CSV import error in the reader's language: `{{ error|import_error }}`."""
    return import_error_message(error)
