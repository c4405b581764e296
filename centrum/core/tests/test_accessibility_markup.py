"""Markup every page shares: the text-size links' names contain what they show (WCAG 2.5.3), and text a
centre writes keeps `lang="pl"` on a page in another language (WCAG 3.1.2)."""

import re

import pytest
from django.template import Context, Template
from django.utils import translation


def _a11y_links(html: str) -> list[tuple[str, str]]:
    """(visible text, accessible name) of each text-size link."""
    out = []
    for body in re.findall(r'<a href="/wyglad/\?fontsize=[^"]*"[^>]*>(.*?)</a>', html):
        visible = re.sub(r'<span class="visually-hidden">.*?</span>|<[^>]+>', "", body).strip()
        hidden = re.findall(r'<span aria-hidden="true">(.*?)</span>', body)
        name = re.sub(r'<span aria-hidden="true">.*?</span>|<[^>]+>', "", body).strip()
        out.append((visible or "".join(hidden), name))
    return out


def test_text_size_links_name_contains_the_visible_text(anon):
    links = _a11y_links(anon.get("/").content.decode())
    assert [visible for visible, _name in links] == ["A", "A+", "A++"]
    for visible, name in links:
        assert name.startswith(visible), (visible, name)
        assert "czcionka" in name


def test_centre_text_is_marked_polish_on_an_english_page(anon, centre):
    centre.description = "Wspieramy organizacje pozarządowe"
    centre.services = [{"title": "Doradztwo", "description": "Porady prawne"}]
    centre.save()
    html = anon.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="en"' in html
    assert f'<h1 lang="pl">{centre.name}</h1>' in html
    assert '<p class="lead" lang="pl">Wspieramy organizacje pozarządowe</p>' in html
    assert '<span lang="pl">Doradztwo</span>' in html and '<span lang="pl">Porady prawne</span>' in html


def test_a_polish_page_carries_no_extra_lang(anon, centre):
    html = anon.get("/").content.decode()
    assert f"<h1>{centre.name}</h1>" in html
    assert 'lang="pl">' not in html.split("<body", 1)[1].replace('<option value="pl" lang="pl"', "")


@pytest.mark.parametrize(
    ("language", "expected"), [("pl", "Sala &lt;1&gt;"), ("en", '<span lang="pl">Sala &lt;1&gt;</span>')]
)
def test_content_lang_filter_escapes_and_wraps(language, expected):
    with translation.override(language):
        assert Template("{{ text|content_lang }}").render(Context({"text": "Sala <1>"})) == expected
        attribute = Template("<p{% content_lang %}>").render(Context())
    assert attribute == ("<p>" if language == "pl" else '<p lang="pl">')
