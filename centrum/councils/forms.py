"""Forms present; services decide. A rule checked here is checked again by the service."""

from datetime import datetime, time

from django import forms
from django.utils.translation import gettext_lazy as _

from centrum.core.calendar import WARSAW
from centrum.core.forms import DateInput, TimeInput

from .choices import MemberRole, Side, Verdict
from .models import KIND_RULE_FIELDS, BodyKind


class KindForm(forms.ModelForm):
    class Meta:
        model = BodyKind
        fields = KIND_RULE_FIELDS


class BodyForm(forms.Form):
    kind = forms.ModelChoiceField(label=_("Rodzaj"), queryset=None)
    name = forms.CharField(label=_("Nazwa"), max_length=200)
    description = forms.CharField(
        label=_("Opis"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    resolution_number = forms.CharField(
        label=_("Numer uchwały/zarządzenia o powołaniu"), required=False, max_length=100
    )
    resolution_date = forms.DateField(label=_("Data uchwały"), required=False, widget=DateInput())
    resolution_url = forms.URLField(
        label=_("Adres uchwały (BIP)"), required=False, max_length=200, assume_scheme="https"
    )
    term_start = forms.DateField(label=_("Początek kadencji"), required=False, widget=DateInput())
    term_end = forms.DateField(
        label=_("Koniec kadencji"),
        required=False,
        widget=DateInput(),
        help_text=_("Puste: policzymy z kadencji rodzaju."),
    )
    statute = forms.CharField(
        label=_("Regulamin"), required=False, max_length=50000, widget=forms.Textarea(attrs={"rows": 5})
    )
    statute_url = forms.URLField(
        label=_("Adres regulaminu"), required=False, max_length=200, assume_scheme="https"
    )
    ngo_seats = forms.IntegerField(label=_("Miejsca dla organizacji"), min_value=0, max_value=100, initial=0)
    active = forms.BooleanField(label=_("Działa"), required=False, initial=True)

    def __init__(self, *args, kinds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].queryset = kinds

    def clean(self):
        data = super().clean()
        if data.get("term_start") and data.get("term_end") and data["term_end"] < data["term_start"]:
            self.add_error("term_end", _("Koniec kadencji nie może być przed jej początkiem."))
        return data


class MemberForm(forms.Form):
    person_name = forms.CharField(label=_("Imię i nazwisko"), max_length=200)
    side = forms.ChoiceField(label=_("Strona"), choices=Side.choices)
    organisation = forms.ModelChoiceField(label=_("Organizacja zgłaszająca"), queryset=None, required=False)
    role = forms.ChoiceField(label=_("Funkcja"), choices=MemberRole.choices, initial=MemberRole.MEMBER)
    email = forms.EmailField(label=_("E-mail (przypomnienia)"), required=False)
    from_date = forms.DateField(label=_("Od"), widget=DateInput())

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class MemberEndForm(forms.Form):
    to_date = forms.DateField(label=_("Koniec członkostwa"), widget=DateInput())


class ResolutionForm(forms.Form):
    number = forms.CharField(label=_("Numer uchwały"), max_length=100)
    adopted_on = forms.DateField(label=_("Data podjęcia"), widget=DateInput())
    title = forms.CharField(label=_("W sprawie"), max_length=300)
    text = forms.CharField(
        label=_("Treść"), required=False, max_length=50000, widget=forms.Textarea(attrs={"rows": 3})
    )


def _at(day, hour) -> datetime | None:
    return datetime.combine(day, hour, tzinfo=WARSAW) if day and hour else None


class ElectionForm(forms.Form):
    seats = forms.IntegerField(label=_("Liczba miejsc dla organizacji"), min_value=1, max_value=100)
    nominations_day = forms.DateField(label=_("Zgłoszenia kandydatów do dnia"), widget=DateInput())
    voting_from_day = forms.DateField(label=_("Głosowanie od dnia"), required=False, widget=DateInput())
    voting_until_day = forms.DateField(label=_("Głosowanie do dnia"), required=False, widget=DateInput())
    member_from = forms.DateField(label=_("Wybrani członkami od"), required=False, widget=DateInput())

    def service_data(self) -> dict:
        data = self.cleaned_data
        return {
            "seats": data["seats"],
            "nominations_until": _at(data["nominations_day"], time(23, 59)),
            "voting_from": _at(data.get("voting_from_day"), time(0, 0)),
            "voting_until": _at(data.get("voting_until_day"), time(23, 59)),
            "member_from": data.get("member_from"),
        }


class NominationForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Organizacja zgłaszająca"), queryset=None)
    person_name = forms.CharField(label=_("Imię i nazwisko kandydata"), max_length=200)
    consent = forms.BooleanField(label=_("Kandydat zgodził się kandydować"), required=False)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class VoteForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Głosuję w imieniu organizacji"), queryset=None)
    candidate = forms.ModelChoiceField(label=_("Kandydat"), queryset=None, widget=forms.RadioSelect)

    def __init__(self, *args, organisations, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["candidate"].queryset = candidates


class MeetingForm(forms.Form):
    day = forms.DateField(label=_("Data"), widget=DateInput())
    start_time = forms.TimeField(label=_("Od godziny"), widget=TimeInput())
    end_time = forms.TimeField(label=_("Do godziny"), widget=TimeInput())
    room = forms.ModelChoiceField(label=_("Sala centrum (rezerwacja)"), queryset=None, required=False)
    address = forms.CharField(label=_("Albo adres poza centrum"), required=False, max_length=300)
    public = forms.BooleanField(label=_("Posiedzenie otwarte – pokaż w kalendarzu wydarzeń"), required=False)
    agenda = forms.CharField(
        label=_("Porządek obrad"), required=False, max_length=20000, widget=forms.Textarea(attrs={"rows": 5})
    )

    def __init__(self, *args, rooms, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["room"].queryset = rooms

    @classmethod
    def initial_for(cls, meeting) -> dict:
        start, end = meeting.starts_at.astimezone(WARSAW), meeting.ends_at.astimezone(WARSAW)
        return {
            "day": start.date(),
            "start_time": start.time(),
            "end_time": end.time(),
            "room": meeting.room_id,
            "address": meeting.address,
            "public": meeting.public,
            "agenda": meeting.agenda,
        }

    def service_data(self) -> dict:
        data = self.cleaned_data
        return {
            "starts_at": _at(data["day"], data["start_time"]),
            "ends_at": _at(data["day"], data["end_time"]),
            "room": data.get("room"),
            "address": data.get("address") or "",
            "public": data.get("public", False),
            "agenda": data.get("agenda") or "",
        }


class AttendanceForm(forms.Form):
    present = forms.ModelMultipleChoiceField(
        label=_("Obecni"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"].queryset = members


class MinutesForm(forms.Form):
    minutes = forms.CharField(
        label=_("Protokół"), required=False, max_length=100000, widget=forms.Textarea(attrs={"rows": 8})
    )
    minutes_file = forms.FileField(label=_("Protokół – plik PDF (do 10 MB)"), required=False)
    approved_at = forms.ModelChoiceField(
        label=_("Protokół przyjęty na posiedzeniu"), queryset=None, required=False
    )

    def __init__(self, *args, later_meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["approved_at"].queryset = later_meetings


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Tytuł dokumentu"), max_length=200)
    file = forms.FileField(label=_("Plik PDF, JPEG lub PNG (do 10 MB)"))


class OpinionRequestForm(forms.Form):
    subject_ref = forms.ChoiceField(label=_("Przedmiot z Centrum (np. konsultacja)"), required=False)
    subject_text = forms.CharField(label=_("Albo opis przedmiotu"), required=False, max_length=300)
    received_on = forms.DateField(label=_("Data wpływu wniosku"), widget=DateInput())

    def __init__(self, *args, subjects, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject_ref"].choices = [("", _("— bez powiązania —"))] + [
            (s.ref, f"{s.kind}: {s.title}" if s.kind else s.title) for s in subjects
        ]


class OpinionForm(forms.Form):
    verdict = forms.ChoiceField(label=_("Opinia"), choices=Verdict.choices, widget=forms.RadioSelect)
    opinion_text = forms.CharField(
        label=_("Treść opinii"), required=False, max_length=50000, widget=forms.Textarea(attrs={"rows": 5})
    )
    opinion_file = forms.FileField(label=_("Opinia – plik PDF (do 10 MB)"), required=False)
    given_on = forms.DateField(label=_("Data opinii"), widget=DateInput())
    late_note = forms.CharField(
        label=_("Uwaga – wymagana, gdy opinia wpłynęła po terminie"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class JointRequestForm(forms.Form):
    kind = forms.ModelChoiceField(label=_("Rodzaj ciała"), queryset=None)
    title = forms.CharField(label=_("Czego dotyczy wniosek"), max_length=200)
    organisation = forms.ModelChoiceField(label=_("Podpisuję w imieniu organizacji"), queryset=None)

    def __init__(self, *args, kinds, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].queryset = kinds
        self.fields["organisation"].queryset = organisations


class SignForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Podpisuję w imieniu organizacji"), queryset=None)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
