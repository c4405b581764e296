"""Rich text that people outside the centre write (news, articles, good practices, offers): kept as HTML
cleaned by nh3 (the Rust `ammonia` sanitiser), so a `<script>`, an `on…=` attribute or a `javascript:`
link never reaches a page. Plain text (no tags) becomes paragraphs.

    body = RichTextField(label=_("Treść"))          # in a form: cleans on input
    {{ item.body|richtext }}                          # in a template: cleans again on output (old rows)
"""

import html
import re

import nh3
from django import forms
from django.utils.html import escape, linebreaks
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

TAGS = {
    "p", "br", "strong", "b", "em", "i", "u", "s", "a", "ul", "ol", "li", "h2", "h3", "h4",
    "blockquote", "code", "pre", "hr", "table", "thead", "tbody", "tr", "th", "td", "abbr",
}  # fmt: skip
ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "abbr": {"title"}, "th": {"scope"}, "td": {"colspan"}}
SCHEMES = {"http", "https", "mailto", "tel"}
_TAG = re.compile(r"<[a-zA-Z/!]")


def clean_html(text: str) -> str:
    """Sanitised HTML for `text`: HTML is cleaned to the allowed tags; text without tags becomes paragraphs."""
    text = (text or "").strip()
    if not text:
        return ""
    if not _TAG.search(text):
        text = linebreaks(escape(text))
    return nh3.clean(
        text,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    ).strip()


def render(text: str) -> SafeString:
    return mark_safe(clean_html(text))  # noqa: S308 — cleaned by nh3 just above


def plain_text(text: str) -> str:
    """The words of rich text without any tag (search, feeds, e-mails)."""
    return " ".join(html.unescape(nh3.clean(text or "", tags=set())).split())


class RichTextField(forms.CharField):
    """A textarea whose value is stored cleaned (see `clean_html`); empty after cleaning counts as empty."""

    widget = forms.Textarea

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "help_text",
            _("Zwykły tekst lub proste HTML (akapity, pogrubienia, listy, odnośniki). Skrypty są usuwane."),
        )
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        return clean_html(super().to_python(value))
