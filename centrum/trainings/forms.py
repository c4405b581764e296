"""Forms present; services decide. A rule checked here is checked again by the service."""

from datetime import datetime, time

from django import forms
from django.utils.translation import gettext_lazy as _

from centrum.core.calendar import WARSAW
from centrum.core.forms import DateInput, TimeInput
from centrum.spaces.dates import validate_allowed_date

from .choices import PlaceKind, TrainingKind

RATING_CHOICES = [(str(n), str(n)) for n in range(5, 0, -1)]


def _start_of(day):
    return datetime.combine(day, time.min, tzinfo=WARSAW) if day else None


def _end_of(day):
    return datetime.combine(day, time(23, 59), tzinfo=WARSAW) if day else None


class TrainingForm(forms.Form):
    title = forms.CharField(label=_("Tytuł"), max_length=200)
    kind = forms.ChoiceField(label=_("Rodzaj"), choices=TrainingKind.choices)
    description = forms.CharField(
        label=_("Opis"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )
    programme = forms.CharField(
        label=_("Program"), required=False, max_length=10000, widget=forms.Textarea(attrs={"rows": 6})
    )
    trainer = forms.CharField(label=_("Prowadzący"), required=False, max_length=200)
    audience = forms.CharField(label=_("Dla kogo"), required=False, max_length=300)
    capacity = forms.IntegerField(label=_("Liczba miejsc"), min_value=1, max_value=5000)
    registration_opens_on = forms.DateField(
        label=_("Zapisy od dnia"), required=False, widget=DateInput(), validators=[validate_allowed_date]
    )
    registration_closes_on = forms.DateField(
        label=_("Zapisy do dnia (włącznie)"),
        required=False,
        widget=DateInput(),
        validators=[validate_allowed_date],
        help_text=_("Puste: do początku pierwszego spotkania."),
    )
    per_organisation_cap = forms.IntegerField(
        label=_("Najwyżej osób z jednej organizacji"), required=False, min_value=1, max_value=5000
    )
    required_sessions = forms.IntegerField(
        label=_("Spotkania wymagane do zaświadczenia"),
        required=False,
        min_value=1,
        max_value=100,
        help_text=_("Puste: wszystkie spotkania."),
    )
    exhibitors_welcome = forms.BooleanField(
        label=_("Organizacje mogą zgłaszać stoiska (wydarzenia centrum)"), required=False
    )

    @classmethod
    def initial_for(cls, training) -> dict:
        local = lambda value: value.astimezone(WARSAW).date() if value else None  # noqa: E731
        return {
            **{
                name: getattr(training, name)
                for name in (
                    "title",
                    "kind",
                    "description",
                    "programme",
                    "trainer",
                    "audience",
                    "capacity",
                    "per_organisation_cap",
                    "required_sessions",
                    "exhibitors_welcome",
                )
            },
            "registration_opens_on": local(training.registration_opens_at),
            "registration_closes_on": local(training.registration_closes_at),
        }

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        data["registration_opens_at"] = _start_of(data.pop("registration_opens_on"))
        data["registration_closes_at"] = _end_of(data.pop("registration_closes_on"))
        return data


class SessionForm(forms.Form):
    day = forms.DateField(label=_("Data"), widget=DateInput(), validators=[validate_allowed_date])
    start_time = forms.TimeField(label=_("Od godziny"), widget=TimeInput())
    end_time = forms.TimeField(label=_("Do godziny"), widget=TimeInput())
    place_kind = forms.ChoiceField(label=_("Miejsce"), choices=PlaceKind.choices, widget=forms.RadioSelect)
    room = forms.ModelChoiceField(label=_("Sala centrum"), queryset=None, required=False)
    address = forms.CharField(label=_("Adres (inne miejsce)"), required=False, max_length=300)
    online_url = forms.URLField(
        label=_("Link do spotkania online"), required=False, max_length=200, assume_scheme="https"
    )

    def __init__(self, *args, rooms, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["room"].queryset = rooms
        if not rooms.exists():
            self.fields["place_kind"].choices = [c for c in PlaceKind.choices if c[0] != PlaceKind.ROOM]

    @classmethod
    def initial_for(cls, session) -> dict:
        start, end = session.starts_at.astimezone(WARSAW), session.ends_at.astimezone(WARSAW)
        return {
            "day": start.date(),
            "start_time": start.time(),
            "end_time": end.time(),
            "place_kind": session.place_kind,
            "room": session.room_id,
            "address": session.address,
            "online_url": session.online_url,
        }

    def service_data(self) -> dict:
        data = self.cleaned_data
        return {
            "starts_at": datetime.combine(data["day"], data["start_time"], tzinfo=WARSAW),
            "ends_at": datetime.combine(data["day"], data["end_time"], tzinfo=WARSAW),
            "place_kind": data["place_kind"],
            "room": data.get("room"),
            "address": data.get("address") or "",
            "online_url": data.get("online_url") or "",
        }


class RegistrationForm(forms.Form):
    name = forms.CharField(label=_("Imię i nazwisko"), max_length=200)
    email = forms.EmailField(label=_("E-mail"), max_length=254)
    organisation = forms.ModelChoiceField(
        label=_("W imieniu organizacji"),
        queryset=None,
        required=False,
        empty_label=_("— jako mieszkaniec / mieszkanka —"),
    )
    accessibility_needs = forms.CharField(
        label=_("Potrzeby dostępności"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Np. tłumacz PJM, pętla indukcyjna, dostęp bez schodów, dieta."),
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if not organisations.exists():
            del self.fields["organisation"]


def _long_text(label) -> forms.CharField:
    return forms.CharField(
        label=label, required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ForOrganisationForm(forms.Form):
    """A form a member fills for one of their organisations (`organisations`: the ones they belong to)."""

    organisation = forms.ModelChoiceField(label=_("Organizacja"), queryset=None)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class ExhibitorForm(ForOrganisationForm):
    stand = forms.CharField(label=_("Stoisko: co pokażecie lub zaproponujecie"), max_length=300)
    needs = _long_text(_("Czego potrzebujecie (prąd, stół, namiot…)"))


class AttendanceForm(forms.Form):
    present = forms.MultipleChoiceField(
        label=_("Obecni"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, registrations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"].choices = [(str(r.pk), r.name) for r in registrations]


class FeedbackForm(forms.Form):
    rating = forms.ChoiceField(
        label=_("Ocena (5 – bardzo dobrze, 1 – źle)"), choices=RATING_CHOICES, widget=forms.RadioSelect
    )
    useful = _long_text(_("Co było przydatne?"))
    comments = _long_text(_("Uwagi"))


class NeedForm(ForOrganisationForm):
    topic = forms.CharField(label=_("Temat szkolenia"), max_length=200)
    description = _long_text(_("Czego dokładnie potrzebujecie"))


class NeedPlanForm(forms.Form):
    key = forms.CharField(widget=forms.HiddenInput, max_length=200)
    capacity = forms.IntegerField(label=_("Liczba miejsc"), min_value=1, max_value=5000)
