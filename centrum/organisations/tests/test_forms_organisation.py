"""Form-level rules of the registry: normalisation and messages that do not need a page."""

import pytest
from django.http import QueryDict

from centrum.organisations.forms import DirectoryFilterForm, OrganisationForm
from centrum.organisations.models import District
from centrum.organisations.tests.views_support import VALID_REGISTRATION


def make_form(centre, **changes):
    return OrganisationForm({**VALID_REGISTRATION, **changes}, centre=centre, logo_max_kb=2048)


@pytest.mark.parametrize(
    ("value", "expected"), [("62800", "62-800"), ("62-800", "62-800"), (" 62 800 ", "62-800"), ("", "")]
)
def test_postal_code_is_normalised(centre, value, expected):
    form = make_form(centre, postal_code=value)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["postal_code"] == expected


@pytest.mark.parametrize("phone", ["+48 62 765 43 21", "62 765 43 21 wew. 12", "(62) 765-43-21", "602123456"])
def test_phone_accepts_common_spellings(centre, phone):
    form = make_form(centre, phone=phone)
    assert form.is_valid(), form.errors


def test_identifiers_are_normalised(centre):
    form = make_form(centre, krs="0000 206 867", nip="PL5261040828")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["krs"] == "0000206867"
    assert form.cleaned_data["nip"] == "5261040828"
    assert form.cleaned_data["regon"] == "302046830"
    assert form.cleaned_data["bank_account"] == "PL61109010140000071219812874"


def test_invalid_fields_get_aria_attributes(centre):
    form = make_form(centre, nip="123")
    assert not form.is_valid()
    html = str(form["nip"])
    assert 'aria-invalid="true"' in html and 'aria-describedby="id_nip_helptext id_nip_error"' in html


def test_district_field_only_when_the_centre_has_districts(centre):
    assert "district" not in make_form(centre).fields
    District.objects.create(centre=centre, name="Stare Miasto")
    assert "district" in make_form(centre).fields


def test_service_data_contains_editable_fields_only(centre):
    form = make_form(centre)
    assert form.is_valid()
    data = form.service_data()
    assert "logo" not in data and "areas" not in data and "status" not in data
    assert data["name"] == "Fundacja Łódzka Żyrafa"


def test_directory_filters_ignore_invalid_values(centre):
    form = DirectoryFilterForm(QueryDict("q=zory&opp=1&district=abc&legal_form=fundacja"), centre=centre)
    assert form.filters() == {"q": "zory", "opp": True, "legal_form": "fundacja"}
    assert "district" in form.errors
    assert DirectoryFilterForm(None, centre=centre).filters() == {}
