"""Forms present; services decide. Every rule checked here is checked again by the service."""

from django import forms
from django.utils.translation import gettext_lazy as _

from centrum.core.exceptions import ApplicationError
from centrum.core.forms import WEEKDAYS

from .choices import AbsenceKind, AssignmentKind, Mode
from .models import AdviceDomain, Adviser
from .rules import period_validate

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def _domains(centre):
    return AdviceDomain.objects.filter(centre=centre, is_active=True).order_by("order", "name")


def _advisers(centre):
    return (
        Adviser.objects.filter(centre=centre, is_active=True)
        .select_related("user")
        .order_by("user__full_name")
    )


class AdviserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class BookingForm(forms.Form):
    domain = forms.ModelChoiceField(
        label=_("Dziedzina"), queryset=AdviceDomain.objects.none(), required=False
    )
    topic = forms.CharField(label=_("Temat"), max_length=200)
    organisation = forms.TypedChoiceField(
        label=_("Twoja organizacja"), required=False, coerce=int, empty_value=None
    )
    organisation_name = forms.CharField(label=_("Nazwa organizacji"), max_length=300, required=False)
    founding = forms.BooleanField(label=_("Zakładam nową organizację"), required=False)
    question = forms.CharField(label=_("Pytanie"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000)
    accessibility_needs = forms.CharField(
        label=_("Potrzeby dostępności"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Np. tłumacz PJM, pętla indukcyjna, dojazd wózkiem."),
    )
    name = forms.CharField(label=_("Imię i nazwisko"), max_length=150)
    email = forms.EmailField(label=_("E-mail"))

    def __init__(self, *args, centre, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["domain"].queryset = _domains(centre)
        self.organisations = {o.pk: o for o in organisations}
        if self.organisations:
            self.fields["organisation"].choices = [("", _("— inna lub żadna —"))] + [
                (o.pk, o.name) for o in organisations
            ]
        else:
            del self.fields["organisation"]

    def clean_organisation(self):
        value = self.cleaned_data.get("organisation")
        if value is None:
            return None
        return self.organisations.get(value)


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Powód (nieobowiązkowo)"), required=False, max_length=2000)


class LogForm(forms.Form):
    domain = forms.ModelChoiceField(label=_("Dziedzina"), queryset=AdviceDomain.objects.none())
    duration_minutes = forms.IntegerField(label=_("Czas (minuty)"), min_value=1, max_value=1440)
    topic = forms.CharField(label=_("Temat"), max_length=200)
    outcome = forms.CharField(
        label=_("Wynik"), required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=4000
    )
    follow_up_on = forms.DateField(label=_("Termin kontaktu zwrotnego"), required=False, widget=DATE)
    confidential_notes = forms.CharField(
        label=_("Notatki poufne (widzą tylko doradcy)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
    )

    def __init__(self, *args, centre, confidential: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["domain"].queryset = _domains(centre)
        if not confidential:
            del self.fields["confidential_notes"]


class EntryForm(LogForm):
    held_on = forms.DateField(label=_("Data"), widget=DATE)
    field_order = ["held_on"]


class ReferralForm(forms.Form):
    domain = forms.ModelChoiceField(
        label=_("Dziedzina"), queryset=AdviceDomain.objects.none(), required=False
    )
    adviser = AdviserChoiceField(label=_("Specjalista"), queryset=Adviser.objects.none(), required=False)
    note = forms.CharField(
        label=_("Uwagi dla osoby"), required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )

    def __init__(self, *args, centre, exclude_adviser=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["domain"].queryset = _domains(centre)
        advisers = _advisers(centre)
        if exclude_adviser is not None:
            advisers = advisers.exclude(pk=exclude_adviser.pk)
        self.fields["adviser"].queryset = advisers


class AdviserForm(forms.Form):
    user = forms.TypedChoiceField(label=_("Osoba z rolą doradcy"), coerce=int)
    title = forms.CharField(label=_("Opis funkcji"), max_length=200, required=False)
    bio = forms.CharField(
        label=_("O doradcy"), required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=4000
    )
    domains = forms.ModelMultipleChoiceField(
        label=_("Dziedziny"),
        queryset=AdviceDomain.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    first_contact = forms.BooleanField(label=_("Udziela porad pierwszego kontaktu"), required=False)
    is_active = forms.BooleanField(label=_("Przyjmuje"), required=False, initial=True)

    def __init__(self, *args, centre, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {p.pk: p for p in people}
        self.fields["user"].choices = [(p.pk, str(p)) for p in people]
        self.fields["domains"].queryset = _domains(centre)

    def clean_user(self):
        return self.people.get(self.cleaned_data["user"])


class OfficeHoursForm(forms.Form):
    weekday = forms.TypedChoiceField(label=_("Dzień tygodnia"), choices=WEEKDAYS, coerce=int)
    starts_at = forms.TimeField(label=_("Od godziny"), widget=TIME)
    ends_at = forms.TimeField(label=_("Do godziny"), widget=TIME)
    slot_minutes = forms.IntegerField(
        label=_("Długość porady (minuty)"), min_value=10, max_value=240, initial=60
    )
    mode = forms.ChoiceField(label=_("Forma"), choices=Mode.choices)
    place = forms.CharField(label=_("Miejsce lub link"), max_length=200, required=False)
    valid_from = forms.DateField(label=_("Obowiązuje od"), widget=DATE)
    valid_until = forms.DateField(label=_("Obowiązuje do"), required=False, widget=DATE)


class AbsenceForm(forms.Form):
    starts_on = forms.DateField(label=_("Od dnia"), widget=DATE)
    ends_on = forms.DateField(label=_("Do dnia"), widget=DATE)
    kind = forms.ChoiceField(label=_("Rodzaj"), choices=AbsenceKind.choices)
    note = forms.CharField(label=_("Uwagi"), max_length=300, required=False)


class AssignmentForm(forms.Form):
    adviser = AdviserChoiceField(label=_("Doradca"), queryset=Adviser.objects.none())
    organisation = forms.ModelChoiceField(label=_("Organizacja"), queryset=None)
    kind = forms.ChoiceField(label=_("Rodzaj"), choices=AssignmentKind.choices)
    domain = forms.ModelChoiceField(
        label=_("Dziedzina"), queryset=AdviceDomain.objects.none(), required=False
    )
    starts_on = forms.DateField(label=_("Od dnia"), widget=DATE)
    ends_on = forms.DateField(label=_("Do dnia"), required=False, widget=DATE)
    note = forms.CharField(
        label=_("Zakres"), required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )

    def __init__(self, *args, centre, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["adviser"].queryset = _advisers(centre)
        self.fields["organisation"].queryset = organisations
        self.fields["domain"].queryset = _domains(centre)


class DomainForm(forms.Form):
    name = forms.CharField(label=_("Nazwa dziedziny"), max_length=100)


class TargetForm(forms.Form):
    label = forms.CharField(label=_("Nazwa (np. projekt)"), max_length=200)
    starts_on = forms.DateField(label=_("Od dnia"), widget=DATE)
    ends_on = forms.DateField(label=_("Do dnia"), widget=DATE)
    people = forms.IntegerField(label=_("Osoby (cel)"), min_value=0, max_value=1_000_000)
    organisations = forms.IntegerField(label=_("Organizacje (cel)"), min_value=0, max_value=1_000_000)


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("Od dnia"), widget=DATE)
    end = forms.DateField(label=_("Do dnia"), widget=DATE)

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end:
            try:
                period_validate(start, end)
            except ApplicationError as exc:
                self.add_error(exc.field, exc.message)
        return data
