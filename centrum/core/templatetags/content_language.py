"""Text a centre writes (its name and description, its services, rooms, organisations' descriptions) is
Polish whatever language the page is in; on an English page it carries `lang="pl"` (WCAG 3.1.2), so a
screen reader reads it with Polish pronunciation.

`<div class="org-description"{% content_lang %}>…</div>` adds the attribute to an element that holds
such text; `{{ centre.name|content_lang }}` wraps a short text in `<span lang="pl">`. On a Polish page
both add nothing. A builtin of the template engine (settings.TEMPLATES), so no `{% load %}`.
"""

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language

register = template.Library()


def content_language() -> str:
    """The language centres write in (the site's default language)."""
    return settings.LANGUAGE_CODE.split("-")[0]


def _differs() -> bool:
    active = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return active != content_language()


@register.simple_tag(name="content_lang")
def content_lang_attribute() -> str:
    """` lang="pl"` when the page is in another language, else nothing."""
    return format_html(' lang="{}"', content_language()) if _differs() else ""


@register.filter(name="content_lang")
def content_lang_wrap(value) -> str:
    """The text, escaped, in `<span lang="pl">` when the page is in another language."""
    if value in (None, "") or not _differs():
        return value
    return format_html('<span lang="{}">{}</span>', content_language(), value)
