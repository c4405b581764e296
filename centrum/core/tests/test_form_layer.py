"""The one form layer: renderer and field template, error summary, ApplicationError helper, pagination,
image validator."""

import io
import re

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.paginator import Paginator
from django.template import Context, RequestContext, Template
from django.test import RequestFactory

from centrum.core.exceptions import ApplicationError
from centrum.core.forms import ImageUploadField, add_application_error
from centrum.core.pagination import page_links, paginate
from centrum.core.uploads import image_validate


class SampleForm(forms.Form):
    name = forms.CharField(label="Nazwa", help_text="Pełna nazwa.")
    kind = forms.ChoiceField(label="Rodzaj", choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)
    agree = forms.BooleanField(label="Zgoda", required=False)
    secret = forms.CharField(widget=forms.HiddenInput, required=False)


def _render(template: str, request=None, **context) -> str:
    if request is not None:
        return Template(template).render(RequestContext(request, context))
    return Template(template).render(Context(context))


def test_field_with_an_error_is_invalid_and_described_by_its_error_text():
    form = SampleForm(data={"name": "", "kind": "a"})
    assert not form.is_valid()
    html = str(form["name"].as_field_group())
    assert 'aria-invalid="true"' in html
    described = re.search(r'<input[^>]*aria-describedby="([^"]+)"', html).group(1).split()
    assert described == ["id_name_helptext", "id_name_error"]
    for target in described:
        assert f'id="{target}"' in html
    error = re.search(r'<ul class="errorlist" id="id_name_error">(.*?)</ul>', html, re.S).group(1)
    assert "To pole jest wymagane" in error or "This field is required" in error
    assert re.search(r'<label for="id_name">Nazwa', html)


def test_valid_field_is_not_marked_invalid():
    form = SampleForm(data={"name": "Fundacja", "kind": "a"})
    assert form.is_valid()
    html = str(form["name"].as_field_group())
    assert "aria-invalid" not in html and 'aria-describedby="id_name_helptext"' in html


def test_choice_group_is_a_fieldset_described_by_its_error():
    form = SampleForm(data={"name": "x"})
    form.is_valid()
    html = str(form["kind"].as_field_group())
    assert re.search(r'<fieldset[^>]*aria-describedby="id_kind_error"', html)
    assert "<legend>Rodzaj" in html and 'id="id_kind_error"' in html


def test_whole_form_uses_the_one_field_template():
    form = SampleForm(data={"name": ""})
    form.is_valid()
    html = str(form)
    assert html.count('class="field') == 3  # name, kind, agree; the hidden field has no wrapper
    assert 'type="hidden" name="secret"' in html
    assert 'class="field field-checkbox"' in html


def test_error_summary_links_every_error_to_its_field():
    form = SampleForm(data={"name": "", "secret": ""})
    form.is_valid()
    form.add_error(None, "Termin jest już zajęty.")
    html = _render("{% error_summary form %}", form=form)
    assert 'role="alert"' in html and 'tabindex="-1"' in html and "data-error-summary" in html
    assert "<li>Termin jest już zajęty.</li>" in html
    assert 'href="#id_name"' in html
    assert 'href="#id_kind_0"' in html  # a radio group links to its first option


def test_error_summary_is_empty_for_unbound_valid_or_missing_forms():
    assert _render("{% error_summary form %}", form=SampleForm()).strip() == ""
    assert _render("{% error_summary form %}", form=SampleForm(data={"name": "x", "kind": "a"})).strip() == ""
    assert _render("{% error_summary missing %}").strip() == ""


def test_error_summary_of_a_formset():
    formset = forms.formset_factory(SampleForm, extra=0, min_num=1)(
        data={"form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "0", "form-0-name": ""}
    )
    formset.is_valid()
    html = _render("{% error_summary formset %}", formset=formset)
    assert 'href="#id_form-0-name"' in html


@pytest.mark.parametrize(
    ("field", "default_field", "expected"),
    [
        ("name", None, "name"),  # the service named a field the form has
        ("elsewhere", None, None),  # a field the form lacks: above the form
        (None, None, None),
        (None, "agree", "agree"),  # no field named: the caller's default
        ("elsewhere", "agree", "agree"),
    ],
)
def test_application_error_lands_on_its_field(field, default_field, expected):
    form = SampleForm(data={"name": "x", "kind": "a"})
    assert form.is_valid()
    add_application_error(form, ApplicationError("Reguła złamana.", field=field), default_field=default_field)
    key = expected if expected else "__all__"
    assert form.errors[key] == ["Reguła złamana."]
    if expected:
        assert 'aria-invalid="true"' in str(form[expected])


def _image(image_format: str, size=(4, 4)) -> SimpleUploadedFile:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, (10, 20, 30)).save(buffer, format=image_format)
    return SimpleUploadedFile(f"obraz.{image_format.lower()}", buffer.getvalue())


def test_image_validator_accepts_allowed_formats_and_names_the_rest():
    assert image_validate(_image("PNG"), max_bytes=10_000, formats={"PNG", "JPEG"}, field="logo") == "PNG"
    with pytest.raises(ApplicationError) as refused:
        image_validate(_image("GIF"), max_bytes=10_000, formats={"PNG", "JPEG"}, field="logo")
    assert refused.value.field == "logo" and "JPEG, PNG" in refused.value.message
    with pytest.raises(ApplicationError, match="za duży"):
        image_validate(_image("PNG"), max_bytes=10, formats={"PNG"}, field="image")
    with pytest.raises(ApplicationError, match="nie jest plik graficzny"):
        image_validate(SimpleUploadedFile("a.png", b"<?php ?>"), max_bytes=10_000, formats={"PNG"}, field="x")
    with pytest.raises(ApplicationError):
        image_validate(None, max_bytes=10_000, formats={"PNG"}, field="x")


def test_image_field_turns_the_validator_into_a_form_error():
    class LogoForm(forms.Form):
        logo = ImageUploadField(label="Logo", required=False, max_bytes=10_000, formats={"PNG"})

    form = LogoForm(data={}, files={"logo": _image("GIF")})
    assert not form.is_valid() and "Dozwolone formaty: PNG." in form.errors["logo"][0]
    assert LogoForm(data={}, files={"logo": _image("PNG")}).is_valid()
    assert 'accept="image/png"' in str(LogoForm()["logo"])


@pytest.mark.parametrize(("asked", "shown"), [("2", 2), ("", 1), ("abc", 1), ("-3", 5), ("999", 5)])
def test_paginate_never_fails_on_a_bad_page_number(asked, shown):
    request = RequestFactory().get("/", {"page": asked})
    assert paginate(request, list(range(10)), per_page=2).number == shown


def test_page_links_elide_far_pages():
    page = Paginator(list(range(200)), 10).page(10)
    links = page_links(page)
    assert links[0] == 1 and links[-1] == 20 and 10 in links and links.count(Paginator.ELLIPSIS) == 2


def test_pagination_keeps_other_query_parameters():
    request = RequestFactory().get("/lista/", {"q": "fundacja", "page": "2"})
    page = paginate(request, list(range(30)), per_page=10)
    html = _render('{% include "core/_pagination.html" with page=page %}', page=page, request=request)
    assert 'href="?q=fundacja&amp;page=1" rel="prev"' in html
    assert 'href="?q=fundacja&amp;page=3" rel="next"' in html
    assert 'aria-current="page"' in html and "hx-get" not in html
    single = paginate(request, list(range(3)), per_page=10)
    assert (
        _render('{% include "core/_pagination.html" with page=page %}', page=single, request=request).strip()
        == ""
    )
