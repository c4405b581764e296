"""Forms present; services decide. Every rule checked here is checked again by the service."""

from django import forms
from django.utils.translation import gettext_lazy as _

from centrum.core.forms import DateInput
from centrum.organisations.choices import LegalForm

from .choices import AddressUse, MailKind, MailStatus

FOUNDING = ""


class AgreementRequestForm(forms.Form):
    use = forms.ChoiceField(label=_("Rodzaj adresu"), choices=AddressUse.choices, widget=forms.RadioSelect)
    organisation = forms.ModelChoiceField(
        label=_("Organizacja"),
        queryset=None,
        required=False,
        empty_label=_("— zakładana organizacja (jeszcze bez wpisu do rejestru) —"),
        help_text=_("Zakładacie organizację? Zostaw to pole i podaj jej nazwę poniżej."),
    )
    founding_name = forms.CharField(label=_("Nazwa zakładanej organizacji"), max_length=300, required=False)
    founding_legal_form = forms.ChoiceField(
        label=_("Forma prawna zakładanej organizacji"),
        choices=[("", "—"), *LegalForm.choices],
        required=False,
    )
    founders = forms.CharField(
        label=_("Założyciele (imiona i nazwiska)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    contact_name = forms.CharField(label=_("Osoba do kontaktu"), max_length=200)
    contact_email = forms.EmailField(label=_("E-mail do kontaktu"))
    starts_on = forms.DateField(label=_("Od dnia"), widget=DateInput())
    ends_on = forms.DateField(label=_("Do dnia (włącznie)"), widget=DateInput())
    notes = forms.CharField(
        label=_("Uwagi"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    rules_version = forms.CharField(widget=forms.HiddenInput, max_length=40)
    accept_rules = forms.BooleanField(label=_("Przeczytałem(-am) i akceptuję regulamin udostępniania adresu"))

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class ApproveForm(forms.Form):
    starts_on = forms.DateField(label=_("Od dnia"), widget=DateInput())
    ends_on = forms.DateField(label=_("Do dnia (włącznie)"), widget=DateInput())


class ExtendForm(forms.Form):
    ends_on = forms.DateField(label=_("Nowa data końca (włącznie)"), widget=DateInput())


class TransferForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organizacja w bazie centrum"),
        queryset=None,
        help_text=_("Zarejestrowana organizacja musi być w bazie centrum – zgłoś ją, jeśli jej tam nie ma."),
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class MailForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organizacja"),
        queryset=None,
        error_messages={
            "invalid_choice": _(
                "Ta organizacja nie ma obowiązującego porozumienia o adresie centrum – przesyłki nie można przyjąć."
            )
        },
    )
    received_on = forms.DateField(label=_("Data wpływu"), widget=DateInput())
    sender = forms.CharField(label=_("Nadawca"), max_length=200)
    kind = forms.ChoiceField(label=_("Rodzaj przesyłki"), choices=MailKind.choices)
    reference = forms.CharField(label=_("Numer nadania lub sygnatura"), max_length=60, required=False)
    notes = forms.CharField(label=_("Uwagi"), max_length=300, required=False)
    scan = forms.FileField(
        label=_("Skan (nieobowiązkowo)"),
        required=False,
        help_text=_("PDF, JPEG albo PNG, najwyżej 10 MB. Nie skanuj zawartości – tylko kopertę."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"}),
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class MailFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("wszystkie")), *MailStatus.choices], required=False
    )


class PickupForm(forms.Form):
    person = forms.ModelChoiceField(
        label=_("Odbiera"), queryset=None, empty_label=_("— wybierz osobę upoważnioną —")
    )

    def __init__(self, *args, persons, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = persons
        self.fields["person"].label_from_instance = _person_label


def _person_label(person) -> str:
    until = person.valid_until.strftime("%d.%m.%Y") if person.valid_until else str(_("bezterminowo"))
    return f"{person.full_name} ({_('pełnomocnictwo')} {person.valid_from:%d.%m.%Y} – {until})"


class AuthorisedPersonForm(forms.Form):
    full_name = forms.CharField(label=_("Imię i nazwisko"), max_length=200)
    document = forms.CharField(
        label=_("Dokument tożsamości (ostatnie 4 znaki)"), max_length=20, required=False
    )
    valid_from = forms.DateField(label=_("Pełnomocnictwo pocztowe ważne od"), widget=DateInput())
    valid_until = forms.DateField(
        label=_("Pełnomocnictwo ważne do"),
        required=False,
        widget=DateInput(),
        help_text=_("Puste – pełnomocnictwo bezterminowe."),
    )
