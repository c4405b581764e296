"""Forms of the organisation registry: directory filters, registration and edit, status changes."""

import re
from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.forms.utils import ErrorDict
from django.http import QueryDict
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from centrum.core.forms import ImageUploadField, LightSelect
from centrum.core.services import LOGO_FORMATS

from ..choices import LegalForm
from ..identifiers import clean_iban, clean_krs, clean_nip, clean_regon
from ..models import ADDRESS_AND_CONTACT_FIELDS, Organisation
from ..rules import check_registered_on, clean_phone, clean_postal_code, registry_errors
from ..selectors.registry import activity_area_list, district_list, district_list_sorted
from ..services.registry import EDITABLE_FIELDS


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Szukaj"),
        required=False,
        max_length=200,
        help_text=_("Nazwa, miejscowość, KRS lub NIP. Wielkość liter i polskie znaki nie mają znaczenia."),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    area = forms.ChoiceField(
        label=_("Sfera działalności pożytku publicznego"), required=False, widget=LightSelect
    )
    legal_form = forms.ChoiceField(
        label=_("Forma prawna"),
        required=False,
        choices=[("", _("wszystkie"))] + list(LegalForm.choices),
        widget=LightSelect,
    )
    opp = forms.ChoiceField(
        label=_("Status organizacji pożytku publicznego (OPP)"),
        required=False,
        choices=[("", _("wszystkie")), ("1", _("tylko OPP")), ("0", _("bez statusu OPP"))],
        widget=LightSelect,
    )
    district = forms.TypedChoiceField(
        label=_("Dzielnica"), required=False, coerce=int, empty_value=None, widget=LightSelect
    )

    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = [("", _("wszystkie"))] + [
            (area.code, str(area)) for area in activity_area_list()
        ]
        districts = [(d.pk, d.name) for d in district_list_sorted(centre=centre)]
        self.fields["district"].choices = [("", _("wszystkie"))] + districts
        self.has_districts = bool(districts)

    def filters(self) -> dict[str, Any]:
        """Valid filters only: a bad value in one field (e.g. a stale district id) does not empty the page."""
        if not self.is_bound:
            return {}
        self.is_valid()
        data = {name: value for name, value in self.cleaned_data.items() if value not in ("", None)}
        if "opp" in data:
            data["opp"] = data["opp"] == "1"
        return data


def _identifier_field(label, help_text, *, max_length: int = 30, numeric: bool = True) -> forms.CharField:
    """An identifier as typed: wider than the stored value, since the cleaners remove separators and prefixes."""
    attrs = {"inputmode": "numeric", "autocomplete": "off"} if numeric else {"autocomplete": "off"}
    return forms.CharField(
        label=label,
        required=False,
        max_length=max_length,
        help_text=help_text,
        widget=forms.TextInput(attrs=attrs),
    )


class OrganisationForm(forms.ModelForm):
    """Registration and edit. Identifiers are normalised here so errors appear next to their field."""

    krs = _identifier_field(_("Numer KRS"), _("10 cyfr, np. 0000123456 – zera na początku można pominąć."))
    nip = _identifier_field(_("NIP"), _("10 cyfr, np. 123-456-32-18."))
    regon = _identifier_field(_("REGON"), _("9 albo 14 cyfr."))
    bank_account = _identifier_field(
        _("Rachunek bankowy (IBAN)"),
        _("Polski numer rachunku: 26 cyfr, opcjonalnie z PL na początku."),
        max_length=60,
        numeric=False,
    )
    website = forms.URLField(
        label=_("Strona internetowa"),
        required=False,
        max_length=200,
        assume_scheme="https",
        help_text=_("np. https://www.organizacja.pl"),
        error_messages={"invalid": _("Podaj adres strony internetowej, np. https://www.organizacja.pl.")},
    )
    postal_code = forms.CharField(
        label=_("Kod pocztowy"),
        required=False,
        max_length=10,
        help_text=_("W formacie 00-000."),
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "numeric"}),
    )
    description = forms.CharField(
        label=_("Opis działalności"),
        required=False,
        max_length=5000,
        help_text=_("Czym zajmuje się organizacja, dla kogo działa – do 5000 znaków."),
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    correspondence_address = forms.CharField(
        label=_("Adres do korespondencji"),
        required=False,
        max_length=500,
        help_text=_("Tylko jeśli jest inny niż adres siedziby."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    class Meta:
        model = Organisation
        fields = [
            "name",
            "short_name",
            "legal_form",
            "registry_kind",
            "krs",
            "registry_number",
            "nip",
            "regon",
            "registered_on",
            "is_opp",
            *ADDRESS_AND_CONTACT_FIELDS,
            "areas",
            "description",
            "logo",
            "bank_account",
        ]
        labels = {
            "name": _("Pełna nazwa"),
            "short_name": _("Nazwa skrócona"),
            "legal_form": _("Forma prawna"),
            "registry_kind": _("Rejestr lub ewidencja"),
            "registry_number": _("Numer w rejestrze lub ewidencji"),
            "registered_on": _("Data wpisu do rejestru"),
            "is_opp": _("Organizacja ma status organizacji pożytku publicznego (OPP)"),
            "street": _("Ulica i numer"),
            "city": _("Miejscowość"),
            "district": _("Dzielnica"),
            "email": _("E-mail"),
            "phone": _("Telefon"),
            "areas": _("Sfery działalności pożytku publicznego"),
            "logo": _("Logo"),
        }
        help_texts = {
            "name": _("Tak jak w rejestrze (KRS lub ewidencji)."),
            "short_name": _("Jeśli organizacja ma nazwę skróconą lub potoczną."),
            "registry_number": _("Dla stowarzyszeń zwykłych, klubów sportowych i KGW – numer w ewidencji."),
            "is_opp": _("Status OPP nadaje wpis do KRS."),
            "areas": _("Zaznacz sfery z art. 4 ustawy o działalności pożytku publicznego i o wolontariacie."),
            "phone": _("np. +48 62 765 43 21"),
        }
        widgets = {
            "registered_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "areas": forms.CheckboxSelectMultiple,
            "name": forms.TextInput(attrs={"autocomplete": "organization"}),
            "street": forms.TextInput(attrs={"autocomplete": "street-address"}),
            "city": forms.TextInput(attrs={"autocomplete": "address-level2"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        }
        error_messages = {
            "email": {"invalid": _("Podaj adres e-mail w postaci nazwa@domena.pl.")},
            "district": {"invalid_choice": _("Wybierz dzielnicę z listy.")},
            "areas": {"invalid_choice": _("Wybierz sfery działalności z listy.")},
            "legal_form": {"invalid_choice": _("Wybierz formę prawną z listy.")},
            "registry_kind": {"invalid_choice": _("Wybierz rejestr z listy.")},
        }

    def __init__(self, *args, centre, logo_max_kb: int, **kwargs):
        kwargs.setdefault("instance", Organisation(centre=centre))
        super().__init__(*args, **kwargs)
        self.centre = centre
        self.fields["district"].queryset = district_list(centre=centre)
        self.fields["district"].empty_label = _("— nie dotyczy —")
        self.fields["areas"].queryset = activity_area_list()
        self.fields["logo"] = ImageUploadField(
            label=_("Logo"),
            required=False,
            max_bytes=logo_max_kb * 1024,
            formats=LOGO_FORMATS,
            help_text=_("Obraz PNG, JPG, GIF lub WebP, najwyżej %(max)s.")
            % {"max": filesizeformat(logo_max_kb * 1024)},
        )
        districts = district_list_sorted(centre=centre)
        self.fields["district"].choices = [("", self.fields["district"].empty_label)] + [
            (d.pk, d.name) for d in districts
        ]
        self.has_districts = bool(districts)
        if not self.has_districts:
            del self.fields["district"]

    def clean_krs(self) -> str:
        return clean_krs(self.cleaned_data["krs"])

    def clean_nip(self) -> str:
        return clean_nip(self.cleaned_data["nip"])

    def clean_regon(self) -> str:
        return clean_regon(self.cleaned_data["regon"])

    def clean_bank_account(self) -> str:
        value = self.cleaned_data["bank_account"]
        compact = re.sub(r"[\s\-]", "", value).upper()
        digits = compact[2:] if compact.startswith("PL") else compact
        # A Polish number of the wrong length would otherwise be reported as a checksum error.
        if digits.isdigit() and len(digits) != 26:
            raise ValidationError(
                _("Liczba cyfr w numerze rachunku: %(count)d – polski numer ma ich 26 (bez liter PL).")
                % {"count": len(digits)},
                code="length",
            )
        return clean_iban(value)

    # The registry's rules (`rules.py`), the same the services apply: shown next to the field at once.
    def clean_postal_code(self) -> str:
        return clean_postal_code(self.cleaned_data["postal_code"])

    def clean_phone(self) -> str:
        return clean_phone(self.cleaned_data["phone"])

    def clean_registered_on(self) -> date | None:
        return check_registered_on(self.cleaned_data["registered_on"])

    def clean(self):
        data = super().clean()
        errors = registry_errors(
            registry_kind=data.get("registry_kind"), krs=data.get("krs"), is_opp=data.get("is_opp")
        )
        for field, message in errors.items():
            if "krs" not in self.errors:
                self.add_error(field, message)
        return data

    def service_data(self) -> dict[str, Any]:
        """What the services take: editable fields only, the logo only when it changes."""
        data = {k: v for k, v in self.cleaned_data.items() if k in EDITABLE_FIELDS and k != "logo"}
        logo = self.cleaned_data.get("logo")
        if isinstance(logo, UploadedFile):
            data["logo"] = logo
        elif logo is False:  # "Wyczyść" ticked
            data["logo"] = ""
        if "district" not in self.fields:
            data.pop("district", None)
        return data

    def service_areas(self) -> list:
        return list(self.cleaned_data.get("areas") or [])

    def show_only_errors(self, errors: dict[str | None, str]) -> None:
        """A bound form that keeps the typed values but shows only `errors` (used after a KRS look-up)."""
        self._errors = ErrorDict(renderer=self.renderer)
        self.cleaned_data = {}
        for field, message in errors.items():
            self.add_error(field, message)


def prefill_from_krs(data: QueryDict, krs_data: dict[str, Any], fields) -> QueryDict:
    """The posted values overwritten by what the KRS register says; empty KRS values keep what was typed."""
    merged = data.copy()
    for key, value in krs_data.items():
        if key not in fields:
            continue
        if isinstance(value, bool):
            if value:
                merged[key] = "on"
            else:
                merged.pop(key, None)
        elif isinstance(value, date):
            merged[key] = value.isoformat()
        elif value not in (None, ""):
            merged[key] = str(value)
    return merged
