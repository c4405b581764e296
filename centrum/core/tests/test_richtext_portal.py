"""Rich text is cleaned of anything active; the public-site registries ask only the modules a centre runs."""

import pytest
from django import forms
from django.template import Context, Template

from centrum.core import portal
from centrum.core.centre_settings import REGISTRY
from centrum.core.models import CentreSetting
from centrum.core.registry import MODULES, Module, register_module
from centrum.core.richtext import RichTextField, clean_html, plain_text


@pytest.mark.parametrize(
    "dirty",
    [
        "<p>Hej<script>alert(1)</script></p>",
        '<p onclick="alert(1)">Hej</p>',
        '<a href="javascript:alert(1)">Hej</a>',
        "<img src=x onerror=alert(1)><p>Hej</p>",
        "<style>body{}</style><p>Hej</p>",
        "<iframe src='https://example.org'></iframe><p>Hej</p>",
    ],
)
def test_active_content_never_survives(dirty):
    cleaned = clean_html(dirty)
    assert "Hej" in cleaned
    for active in ("<script", "onclick", "javascript:", "onerror", "<style", "<iframe", "<img"):
        assert active not in cleaned


def test_plain_text_becomes_paragraphs_and_is_escaped():
    assert clean_html("Pierwszy akapit\n\nDrugi < trzeci & czwarty") == (
        "<p>Pierwszy akapit</p>\n\n<p>Drugi &lt; trzeci &amp; czwarty</p>"
    )
    assert clean_html("   ") == ""


def test_links_keep_their_address_and_get_a_safe_rel():
    cleaned = clean_html('<p><a href="https://cop.example.pl/x" target="_blank">strona</a></p>')
    assert 'href="https://cop.example.pl/x"' in cleaned
    assert 'rel="noopener noreferrer nofollow"' in cleaned
    assert "target" not in cleaned


def test_plain_text_of_rich_text():
    assert (
        plain_text("<p>Zbiórka <strong>żywności</strong> &amp; odzieży</p>") == "Zbiórka żywności & odzieży"
    )


def test_the_form_field_stores_cleaned_html_and_the_filter_cleans_old_rows():
    class F(forms.Form):
        body = RichTextField()

    form = F(data={"body": "<p>ok</p><script>x</script>"})
    assert form.is_valid()
    assert form.cleaned_data["body"] == "<p>ok</p>"
    assert not F(data={"body": "<script>x</script>"}).is_valid()  # nothing left: required
    html = Template("{% load centrum %}{{ body|richtext }}").render(Context({"body": "<b onclick=x>B</b>"}))
    assert html == "<b>B</b>"


@pytest.mark.django_db
def test_sources_of_a_switched_off_module_are_not_asked(centre):
    label = "portal_test_module"
    register_module(Module(label=label, name="Test", url_namespaces=()))
    registry = {}
    try:
        portal._register(registry, portal.CalendarSource(key="b", label="B", entries=lambda *a: [], order=2))
        portal._register(
            registry, portal.CalendarSource(key="a", label="A", entries=lambda *a: [], module=label, order=1)
        )
        assert [s.key for s in portal.sources_for(registry, centre)] == ["a", "b"]
        CentreSetting.objects.create(centre=centre, key=f"module_{label}", value=False)
        assert [s.key for s in portal.sources_for(registry, centre)] == ["b"]
        assert portal.sources_for(registry, None) == []  # no centre, no modules
    finally:
        MODULES.pop(label)
        REGISTRY.pop(f"module_{label}")
