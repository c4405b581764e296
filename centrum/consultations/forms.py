"""Forms of the consultations app (one form layer: `centrum.core.forms`). Forms present; services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from centrum.core.antispam import HumanCheckForm
from centrum.core.forms import DateInput
from centrum.organisations.models import ActivityArea

from .choices import UnitLevel
from .models import Consultation, ConsultationKind
from .services.consultations import KIND_FIELDS

LONG = {"rows": 4}
DATETIME = {"type": "datetime-local"}


class KindForm(forms.ModelForm):
    resolution_url = forms.URLField(label=_("Adres uchwały"), required=False, assume_scheme="https")

    class Meta:
        model = ConsultationKind
        fields = KIND_FIELDS
        widgets = {"legal_basis": forms.Textarea(attrs={"rows": 3})}


class ConsultationForm(forms.ModelForm):
    subject_ref = forms.ChoiceField(label=_("Konsultowany dokument"), required=False)
    survey_url = forms.URLField(label=_("Adres ankiety"), required=False, assume_scheme="https")
    bip_url = forms.URLField(label=_("Adres ogłoszenia w BIP"), required=False, assume_scheme="https")
    areas = forms.ModelMultipleChoiceField(
        label=_("Sfery działalności (gdy konsultujemy organizacje z wybranych sfer)"),
        queryset=ActivityArea.objects.order_by("position"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Consultation
        fields = [
            "kind",
            "title",
            "description",
            "subject_ref",
            "consulted_group",
            "areas",
            "starts_on",
            "ends_on",
            "form_written",
            "form_meeting",
            "meeting_room",
            "meeting_starts_at",
            "meeting_ends_at",
            "form_survey",
            "survey_url",
            "bip_published_on",
            "bip_url",
        ]
        widgets = {
            "description": forms.Textarea(attrs=LONG),
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "bip_published_on": DateInput(),
            "meeting_starts_at": forms.DateTimeInput(attrs=DATETIME),
            "meeting_ends_at": forms.DateTimeInput(attrs=DATETIME),
        }

    def __init__(self, *args, kinds, rooms, subjects, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].queryset = kinds
        self.fields["meeting_room"].queryset = rooms
        self.fields["subject_ref"].choices = [
            ("", _("— brak —")),
            *((s.ref, f"{s.kind}: {s.title}") for s in subjects),
        ]


class UnitForm(forms.Form):
    level = forms.TypedChoiceField(
        label=_("Poziom"), choices=UnitLevel.choices, coerce=int, initial=UnitLevel.PARAGRAPH
    )
    number = forms.CharField(label=_("Oznaczenie"), max_length=40, help_text=_("np. § 3, Rozdział II, pkt 4"))
    heading = forms.CharField(label=_("Tytuł (nieobowiązkowy)"), max_length=300, required=False)
    text = forms.CharField(label=_("Treść"), widget=forms.Textarea(attrs=LONG), required=False)


class PasteForm(forms.Form):
    text = forms.CharField(
        label=_("Treść projektu"),
        help_text=_("Wklej tekst uchwały: podzielimy go na rozdziały, paragrafy (§), ustępy i punkty."),
        widget=forms.Textarea(attrs={"rows": 12}),
        max_length=200_000,
    )
    replace = forms.BooleanField(label=_("Zastąp dotychczasową treść"), required=False)


class CommentForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Której jednostki dotyczy uwaga"),
        queryset=None,
        required=False,
        empty_label=_("— uwaga ogólna —"),
    )
    organisation = forms.ModelChoiceField(
        label=_("W imieniu organizacji"),
        queryset=None,
        required=False,
        empty_label=_("— we własnym imieniu (mieszkaniec) —"),
    )
    proposal = forms.CharField(
        label=_("Uwaga lub proponowane brzmienie"), widget=forms.Textarea(attrs=LONG), max_length=20_000
    )
    justification = forms.CharField(
        label=_("Uzasadnienie"), widget=forms.Textarea(attrs={"rows": 3}), max_length=20_000
    )

    def __init__(self, *args, units, organisations, residents: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["organisation"].queryset = organisations
        if not residents:
            self.fields["organisation"].required = True
            self.fields["organisation"].empty_label = None


class PublicCommentForm(HumanCheckForm):
    stamp_salt = "consultations.public-comment"
    unit = forms.ModelChoiceField(
        label=_("Której jednostki dotyczy uwaga"),
        queryset=None,
        required=False,
        empty_label=_("— uwaga ogólna —"),
    )
    author_name = forms.CharField(label=_("Imię i nazwisko"), max_length=200)
    author_email = forms.EmailField(label=_("E-mail (wyślemy link potwierdzający)"))
    proposal = forms.CharField(
        label=_("Uwaga lub proponowane brzmienie"), widget=forms.Textarea(attrs=LONG), max_length=20_000
    )
    justification = forms.CharField(
        label=_("Uzasadnienie"), widget=forms.Textarea(attrs={"rows": 3}), max_length=20_000
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class ReviseForm(forms.Form):
    text = forms.CharField(
        label=_("Nowe brzmienie"), widget=forms.Textarea(attrs=LONG), required=False, max_length=50_000
    )
    comments = forms.ModelMultipleChoiceField(
        label=_("Zmiana wynika z uwag"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    note = forms.CharField(
        label=_("Opis zmiany"), required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=5000
    )

    def __init__(self, *args, comments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comments"].queryset = comments
        self.fields["comments"].label_from_instance = lambda c: (
            f"{c.unit.number if c.unit_id else '—'}: {c.signed_by} – {c.proposal[:80]}"
        )


class DeskFilterForm(forms.Form):
    q = forms.CharField(label=_("Szukaj w tytułach"), required=False, max_length=100)
    status = forms.ChoiceField(label=_("Stan"), required=False)
    kind = forms.ModelChoiceField(
        label=_("Rodzaj"), queryset=None, required=False, empty_label=_("— wszystkie —")
    )

    def __init__(self, *args, kinds, statuses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].queryset = kinds
        self.fields["status"].choices = [("", _("— wszystkie —")), *statuses]


class CallForm(forms.ModelForm):
    class Meta:
        from .models import ProposalCall

        model = ProposalCall
        fields = ["title", "description", "kind", "ends_on"]
        widgets = {"description": forms.Textarea(attrs=LONG), "ends_on": DateInput()}

    def __init__(self, *args, kinds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].queryset = kinds


class ProposalForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Organizacja"), queryset=None)
    title = forms.CharField(label=_("Propozycja (np. zadanie priorytetowe)"), max_length=300)
    text = forms.CharField(
        label=_("Opis i uzasadnienie"), widget=forms.Textarea(attrs=LONG), max_length=20_000
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class TeamForm(forms.Form):
    name = forms.CharField(label=_("Nazwa zespołu"), max_length=200)
    members = forms.CharField(
        label=_("Skład zespołu"),
        help_text=_("Jedna osoba w wierszu: imię, nazwisko, kogo reprezentuje."),
        widget=forms.Textarea(attrs=LONG),
        max_length=10_000,
    )


class DraftFromTeamForm(forms.Form):
    title = forms.CharField(label=_("Tytuł projektu"), max_length=300)
    starts_on = forms.DateField(label=_("Konsultacje od"), widget=DateInput())
    ends_on = forms.DateField(label=_("Konsultacje do (włącznie)"), widget=DateInput())
