"""LightSelect draws the same markup as Django's Select (attributes, aria, the chosen option), faster."""

import re

import pytest
from django import forms

from centrum.core.forms import LightSelect


def _normalised(html: str) -> str:
    return re.sub(r">\s+<", "><", str(html)).strip()


class _Form(forms.Form):
    colour = forms.ChoiceField(
        label="Kolor", required=False, choices=[("", "wszystkie"), ("r", "czerwony <&>"), ("g", "zielony")]
    )
    number = forms.TypedChoiceField(
        label="Liczba", coerce=int, empty_value=None, choices=[("", "—"), (1, "jeden"), (2, "dwa")]
    )


@pytest.mark.parametrize("data", [None, {"colour": "r", "number": "2"}, {"colour": "x", "number": "z"}])
def test_light_select_renders_like_djangos(data):
    plain = _Form(data)
    light = _Form(data)
    for name in ("colour", "number"):
        light.fields[name].widget = LightSelect(choices=light.fields[name].choices)
    if data:
        plain.is_valid()
        light.is_valid()
    for name in ("colour", "number"):
        assert _normalised(light[name].as_field_group()) == _normalised(plain[name].as_field_group())
