"""Forms present; services decide. A rule checked here is checked again by the service."""

from django import forms
from django.utils.translation import gettext_lazy as _

from centrum.core.forms import AmountField, DateInput
from centrum.core.richtext import RichTextField
from centrum.organisations.models import ActivityArea

from .choices import CallKind, DocumentKind, GovernmentKind, LeaderField, Licence, Voivodeship

BLANK = [("", _("wszystkie"))]


class PracticeForm(forms.Form):
    title = forms.CharField(label=_("Tytuł praktyki"), max_length=300)
    summary = forms.CharField(
        label=_("Skrót (kilka zdań)"), max_length=600, widget=forms.Textarea(attrs={"rows": 3})
    )
    description = RichTextField(label=_("Pełna prezentacja"), max_length=30000)
    government_kind = forms.ChoiceField(label=_("Typ jednostki samorządu"), choices=GovernmentKind.choices)
    locality = forms.CharField(label=_("Miejscowość"), max_length=120)
    voivodeship = forms.ChoiceField(label=_("Województwo"), choices=Voivodeship.choices)
    implementing_unit = forms.CharField(label=_("Jednostka wdrażająca"), max_length=300)
    population = forms.IntegerField(
        label=_("Liczba mieszkańców"), required=False, min_value=0, max_value=10_000_000
    )
    source = forms.CharField(label=_("Źródło opisu"), max_length=300)
    source_url = forms.URLField(
        label=_("Adres źródła (nieobowiązkowo)"), required=False, assume_scheme="https"
    )
    licence = forms.ChoiceField(label=_("Licencja"), choices=Licence.choices)


class PracticeSubmitForm(PracticeForm):
    organisation = forms.TypedChoiceField(
        label=_("Zgłaszam w imieniu organizacji"), coerce=int, required=False
    )
    attachment = forms.FileField(
        label=_("Załącznik (nieobowiązkowo): PDF, JPEG albo PNG"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )
    attachment_title = forms.CharField(label=_("Nazwa załącznika"), max_length=200, required=False)

    def __init__(self, *args, organisations=(), staff: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(o.pk, o.name) for o in organisations]
        if staff:
            choices = [("", _("— centrum (bez organizacji) —")), *choices]
        self.fields["organisation"].choices = choices
        self.fields["organisation"].required = not staff
        self.order_fields(["organisation"])


class PracticeFilterForm(forms.Form):
    q = forms.CharField(label=_("Szukaj"), required=False, max_length=200)
    woj = forms.ChoiceField(label=_("Województwo"), choices=BLANK + Voivodeship.choices, required=False)
    typ = forms.ChoiceField(label=_("Typ jednostki"), choices=BLANK + GovernmentKind.choices, required=False)


class AttachmentForm(forms.Form):
    title = forms.CharField(label=_("Nazwa załącznika"), max_length=200)
    file = forms.FileField(
        label=_("Plik: PDF, JPEG albo PNG"),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )


class LeaderForm(forms.Form):
    display_name = forms.CharField(label=_("Imię i nazwisko (lub pseudonim)"), max_length=150)
    bio = forms.CharField(
        label=_("O mnie i mojej działalności"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    activities = forms.CharField(label=_("Obszary działania"), max_length=300, required=False)
    organisation_name = forms.CharField(label=_("Organizacja lub grupa"), max_length=200, required=False)
    district = forms.CharField(label=_("Dzielnica lub miejscowość"), max_length=120, required=False)
    email = forms.EmailField(label=_("Adres e-mail do kontaktu"), required=False)
    phone = forms.CharField(label=_("Telefon"), max_length=30, required=False)
    visible_fields = forms.MultipleChoiceField(
        label=_("Co pokazać publicznie (imię i nazwisko jest zawsze widoczne)"),
        choices=LeaderField.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    consent = forms.BooleanField(label=_("Wyrażam zgodę na publikację profilu"), required=False)


class CategoryForm(forms.Form):
    name = forms.CharField(label=_("Nazwa kategorii"), max_length=120)
    slug = forms.SlugField(label=_("Adres (małe litery, cyfry i myślniki)"), max_length=60)
    position = forms.IntegerField(label=_("Kolejność"), min_value=0, max_value=1000, initial=10)


class ArticleForm(forms.Form):
    category = forms.ModelChoiceField(label=_("Kategoria"), queryset=None)
    title = forms.CharField(label=_("Tytuł"), max_length=300)
    lead = forms.CharField(
        label=_("Wprowadzenie"), max_length=600, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    body = RichTextField(label=_("Treść"), max_length=60000)

    def __init__(self, *args, categories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = categories


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Rodzaj"), choices=DocumentKind.choices)
    title = forms.CharField(label=_("Tytuł"), max_length=300)
    description = forms.CharField(
        label=_("Opis"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    published_on = forms.DateField(label=_("Data dokumentu"), widget=DateInput())
    file = forms.FileField(
        label=_("Plik: PDF, JPEG albo PNG"),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )


class FundingCallForm(forms.Form):
    kind = forms.ChoiceField(label=_("Rodzaj naboru"), choices=CallKind.choices)
    title = forms.CharField(label=_("Tytuł naboru"), max_length=300)
    funder = forms.CharField(label=_("Grantodawca"), max_length=200)
    deadline = forms.DateField(label=_("Termin składania wniosków"), widget=DateInput())
    amount = AmountField(label=_("Kwota (zł, nieobowiązkowo)"), required=False, min_value=0)
    url = forms.URLField(label=_("Adres ogłoszenia"), assume_scheme="https")
    description = forms.CharField(
        label=_("Opis"), max_length=3000, required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    areas = forms.ModelMultipleChoiceField(
        label=_("Sfery działalności"),
        queryset=ActivityArea.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class CallFilterForm(forms.Form):
    sfera = forms.ChoiceField(label=_("Sfera działalności"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sfera"].choices = BLANK + [(a.code, a.label) for a in ActivityArea.objects.all()]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Czego szukasz?"), required=False, max_length=200)
