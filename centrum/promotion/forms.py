"""Forms present; services decide. A rule checked here is also checked by the service."""

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from centrum.core import antispam
from centrum.core.forms import DateInput, ImageUploadField, LightSelect
from centrum.core.richtext import RichTextField
from centrum.organisations.forms.registry import DirectoryFilterForm
from centrum.organisations.identifiers import clean_nip

from .choices import Audience, BodyKind
from .models import COMPANY_FIELDS

LOGO_FORMATS = {"PNG", "JPEG", "GIF", "WEBP"}


def _logo_field(max_kb: int) -> ImageUploadField:
    return ImageUploadField(
        label=_("Logo"),
        required=False,
        max_bytes=max_kb * 1024,
        formats=LOGO_FORMATS,
        help_text=_("Obraz PNG, JPG, GIF lub WebP, najwyżej %(max)s.")
        % {"max": filesizeformat(max_kb * 1024)},
    )


class LogoMixin:
    def uploaded_logo(self) -> UploadedFile | None:
        logo = self.cleaned_data.get("logo")
        return logo if isinstance(logo, UploadedFile) else None


class OrganisationPageForm(LogoMixin, forms.Form):
    """The "Wizytówka" an organisation's members fill in."""

    about = RichTextField(label=_("O nas – krótki opis organizacji"), required=False, max_length=5000)
    logo_alt = forms.CharField(
        label=_("Opis logo"),
        required=False,
        max_length=200,
        help_text=_("Co przedstawia logo – przeczytają go osoby niewidome. Wymagany, gdy jest logo."),
    )
    website = forms.URLField(label=_("Strona internetowa"), required=False, assume_scheme="https")
    facebook = forms.URLField(label=_("Facebook"), required=False, assume_scheme="https")
    instagram = forms.URLField(label=_("Instagram"), required=False, assume_scheme="https")
    youtube = forms.URLField(label=_("YouTube"), required=False, assume_scheme="https")
    linkedin = forms.URLField(label=_("LinkedIn"), required=False, assume_scheme="https")

    def __init__(self, *args, logo_max_kb: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["logo"] = _logo_field(logo_max_kb)
        self.order_fields(["about", "logo", "logo_alt"])


class CompanyForm(LogoMixin, forms.Form):
    """A company's profile, as staff enter it."""

    name = forms.CharField(label=_("Nazwa firmy"), max_length=200)
    nip = forms.CharField(
        label=_("NIP"), max_length=20, widget=forms.TextInput(attrs={"inputmode": "numeric"})
    )
    city = forms.CharField(label=_("Miejscowość"), max_length=100, required=False)
    description = RichTextField(label=_("O firmie"), required=False, max_length=5000)
    offers_volunteering = forms.BooleanField(label=_("Wolontariat pracowniczy"), required=False)
    offers_in_kind = forms.BooleanField(
        label=_("Wsparcie rzeczowe (sprzęt, materiały, usługi)"), required=False
    )
    offers_money = forms.BooleanField(label=_("Wsparcie finansowe (darowizny, granty)"), required=False)
    offer_details = RichTextField(
        label=_("Co oferujemy organizacjom – szczegóły"), required=False, max_length=5000
    )
    contact_person = forms.CharField(label=_("Osoba do kontaktu"), max_length=120, required=False)
    email = forms.EmailField(label=_("E-mail do kontaktu"))
    phone = forms.CharField(label=_("Telefon"), max_length=40, required=False)
    www = forms.URLField(label=_("Strona internetowa firmy"), required=False, assume_scheme="https")
    logo_alt = forms.CharField(label=_("Opis logo"), max_length=200, required=False)

    def __init__(self, *args, logo_max_kb: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["logo"] = _logo_field(logo_max_kb)
        self.order_fields([*COMPANY_FIELDS[:-1], "logo", "logo_alt"])

    def clean_nip(self):
        return clean_nip(self.cleaned_data["nip"])

    def service_data(self) -> dict:
        return {
            k: v
            for k, v in self.cleaned_data.items()
            if k not in ("logo", "website", "stamp", "proposer_email")
        }


class CompanyProposalForm(antispam.HumanCheckForm, CompanyForm):
    """The public form a company proposes its profile with: honeypot, signed stamp; the view adds the
    per-address rate limit."""

    stamp_salt = "promotion.company_proposal"
    proposer_email = forms.EmailField(
        label=_("Twój e-mail"), help_text=_("Napiszemy na niego, gdy profil zostanie opublikowany.")
    )
    consent = forms.BooleanField(
        label=_("Zgadzam się na publikację podanych danych firmy na stronie centrum."), required=True
    )

    def service_data(self) -> dict:
        data = super().service_data()
        data.pop("consent", None)
        return data


class ActivationOfferForm(forms.Form):
    body = forms.CharField(
        label=_("Instytucja"), max_length=200, help_text=_("Np. Powiatowy Urząd Pracy w Częstochowie.")
    )
    body_kind = forms.ChoiceField(label=_("Rodzaj instytucji"), choices=BodyKind.choices)
    title = forms.CharField(label=_("Tytuł"), max_length=200)
    description = RichTextField(label=_("Opis"), required=False, max_length=10000)
    audience = forms.ChoiceField(label=_("Dla kogo"), choices=Audience.choices)
    starts_on = forms.DateField(label=_("Od"), required=False, widget=DateInput())
    ends_on = forms.DateField(label=_("Do"), required=False, widget=DateInput())
    link = forms.URLField(label=_("Odnośnik do szczegółów"), required=False, assume_scheme="https")

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("Oferta nie może kończyć się przed rozpoczęciem."))
        return data


class OppFilterForm(DirectoryFilterForm):
    """The directory's search and filters without the legal form and OPP choices (all are OPP here)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["legal_form"]
        del self.fields["opp"]


class CompanyFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Szukaj"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    offer = forms.ChoiceField(
        label=_("Co firma oferuje"),
        required=False,
        choices=[
            ("", _("wszystko")),
            ("volunteering", _("wolontariat pracowniczy")),
            ("in_kind", _("wsparcie rzeczowe")),
            ("money", _("wsparcie finansowe")),
        ],
        widget=LightSelect,
    )

    def filters(self) -> dict:
        if not self.is_bound or not self.is_valid():
            return {}
        return {k: v for k, v in self.cleaned_data.items() if v}


class ActivationFilterForm(CompanyFilterForm):
    offer = None
    audience = forms.ChoiceField(
        label=_("Dla kogo"),
        required=False,
        choices=[("", _("wszyscy"))] + list(Audience.choices),
        widget=LightSelect,
    )
