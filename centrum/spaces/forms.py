from datetime import date

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .choices import BookerKind, BookingKind, EquipmentCondition, Recurrence, RoomFeature
from .dates import SEARCH_MAX_DAYS, search_window_problems, validate_allowed_date
from .models import EquipmentItem, Room
from .models.uses import MAX_AMOUNT as MAX_USE_AMOUNT
from .services.rooms import EQUIPMENT_FIELDS, ROOM_FIELDS

SCOPE_CHOICES = [
    ("one", _("tylko ten termin")),
    ("following", _("ten i wszystkie następne terminy cyklu")),
]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%H:%M")


def equipment_field_name(item: EquipmentItem) -> str:
    return f"equipment_{item.pk}"


class BookerFormMixin:
    """Whose request it is, where the centre takes residents' and informal groups' requests: the choice and
    the group's details. Without the choice (staff, or a centre that does not allow it) the form is as before."""

    def add_booker_fields(self, *, with_organisation: bool, personal: bool) -> None:
        if not personal:
            return
        choices = [c for c in BookerKind.choices if with_organisation or c[0] != BookerKind.ORGANISATION]
        self.fields["booker_kind"] = forms.ChoiceField(
            label=_("W czyim imieniu"), choices=choices, initial=choices[0][0], widget=forms.RadioSelect
        )
        self.fields["group_name"] = forms.CharField(
            label=_("Nazwa grupy nieformalnej"), max_length=200, required=False
        )
        self.fields["group_responsible"] = forms.CharField(
            label=_("Osoba odpowiedzialna za grupę"), max_length=150, required=False
        )
        self.fields["group_contact"] = forms.CharField(
            label=_("Telefon albo e-mail osoby odpowiedzialnej"), max_length=200, required=False
        )
        self.order_fields(["booker_kind", "group_name", "group_responsible", "group_contact"])

    def booker_fields(self):
        return [
            self[name]
            for name in ("booker_kind", "group_name", "group_responsible", "group_contact")
            if name in self.fields
        ]

    def booker(self):
        from .services.bookers import Booker

        data = self.cleaned_data
        return Booker(
            kind=data.get("booker_kind") or BookerKind.ORGANISATION,
            group_name=data.get("group_name", ""),
            group_responsible=data.get("group_responsible", ""),
            group_contact=data.get("group_contact", ""),
        )


class BookingForm(BookerFormMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("Rodzaj"), choices=BookingKind.choices[:3], initial=BookingKind.ORGANISATION
    )
    organisation = forms.ModelChoiceField(label=_("Organizacja"), queryset=None, required=False)
    room = forms.ModelChoiceField(label=_("Sala"), queryset=None)
    day = forms.DateField(label=_("Data"), widget=DateInput(), validators=[validate_allowed_date])
    start_time = forms.TimeField(label=_("Od godziny"), widget=TimeInput())
    end_time = forms.TimeField(label=_("Do godziny"), widget=TimeInput())
    recurrence = forms.ChoiceField(
        label=_("Powtarzanie"), choices=Recurrence.choices, initial=Recurrence.ONCE
    )
    until = forms.DateField(
        label=_("Powtarzaj do dnia"), required=False, widget=DateInput(), validators=[validate_allowed_date]
    )
    count = forms.IntegerField(label=_("albo liczba terminów"), required=False, min_value=1, max_value=1000)
    title = forms.CharField(label=_("Tytuł spotkania"), max_length=200)
    purpose = forms.CharField(
        label=_("Cel – jakie działanie statutowe się odbędzie"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    attendees = forms.IntegerField(
        label=_("Przewidywana liczba uczestników"), required=False, min_value=1, max_value=5000
    )
    contact_name = forms.CharField(label=_("Osoba kontaktowa"), max_length=150, required=False)
    contact_phone = forms.CharField(label=_("Telefon kontaktowy"), max_length=40, required=False)
    contact_email = forms.EmailField(label=_("E-mail kontaktowy"), required=False)
    skip_dates = forms.MultipleChoiceField(
        label=_("Pomiń terminy"), required=False, widget=forms.CheckboxSelectMultiple, choices=[]
    )

    def __init__(
        self,
        *args,
        rooms,
        organisations,
        equipment,
        staff: bool,
        personal: bool = False,
        official: bool = False,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.fields["room"].queryset = rooms
        self.fields["organisation"].queryset = organisations
        self.fields["organisation"].empty_label = None if not staff else _("— wybierz —")
        if official:
            # An official books as the centre does: centre events only, never for an organisation.
            self.fields["kind"].choices = [c for c in BookingKind.choices if c[0] == BookingKind.CENTRE]
            self.fields["kind"].initial = BookingKind.CENTRE
            del self.fields["organisation"]
        elif not staff:
            del self.fields["kind"]
            # An organisation's booking always needs both (the service refuses it without them): say so
            # at the fields, and check the purpose at the first step rather than only when sending.
            self.fields["purpose"].required = True
            self.fields["attendees"].required = True
        with_organisation = "organisation" in self.fields and (not personal or organisations.exists())
        if not with_organisation and "organisation" in self.fields and personal:
            del self.fields["organisation"]
        self.add_booker_fields(with_organisation=with_organisation, personal=personal and not official)
        self.equipment = list(equipment)
        for item in self.equipment:
            self.fields[equipment_field_name(item)] = forms.IntegerField(
                label=_("%(item)s (liczba sztuk, z %(stock)s)") % {"item": item.name, "stock": item.quantity},
                required=False,
                min_value=0,
                max_value=1000,
                initial=0,
            )
        if self.data:
            self.fields["skip_dates"].choices = [
                (d, d) for d in self.data.getlist(self.add_prefix("skip_dates"))
            ]

    def clean(self):
        data = super().clean()
        kind = data.get("kind") or BookingKind.ORGANISATION
        if kind == BookingKind.ORGANISATION and "purpose" in data and not data["purpose"].strip():
            self.add_error("purpose", _("Opisz działanie statutowe, które odbędzie się w sali."))
        return data

    def equipment_fields(self):
        return [self[equipment_field_name(item)] for item in self.equipment]

    def chosen_equipment(self) -> dict[EquipmentItem, int]:
        return {
            item: self.cleaned_data.get(equipment_field_name(item)) or 0
            for item in self.equipment
            if self.cleaned_data.get(equipment_field_name(item))
        }

    def skip(self) -> list[date]:
        result = []
        for value in self.cleaned_data.get("skip_dates") or []:
            try:
                result.append(date.fromisoformat(value))
            except ValueError:
                continue
        return result


class DecisionForm(forms.Form):
    scope = forms.ChoiceField(
        label=_("Zakres"),
        choices=[("one", _("tylko ten termin")), ("series", _("wszystkie oczekujące terminy cyklu"))],
        initial="one",
    )
    reason = forms.CharField(
        label=_("Uzasadnienie (organizacja je zobaczy)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class CancelForm(forms.Form):
    scope = forms.ChoiceField(
        label=_("Co anulować"), choices=SCOPE_CHOICES, initial="one", widget=forms.RadioSelect
    )
    reason = forms.CharField(label=_("Powód (opcjonalnie)"), required=False, max_length=500)


class RescheduleForm(forms.Form):
    scope = forms.ChoiceField(
        label=_("Co zmienić"), choices=SCOPE_CHOICES, initial="one", widget=forms.RadioSelect
    )
    day = forms.DateField(
        label=_("Nowa data"),
        required=False,
        widget=DateInput(),
        validators=[validate_allowed_date],
        help_text=_("Tylko przy zmianie jednego terminu; puste – bez zmiany daty."),
    )
    start_time = forms.TimeField(label=_("Od godziny"), widget=TimeInput())
    end_time = forms.TimeField(label=_("Do godziny"), widget=TimeInput())


WEEKDAY_LABELS = [
    _("poniedziałek"),
    _("wtorek"),
    _("środa"),
    _("czwartek"),
    _("piątek"),
    _("sobota"),
    _("niedziela"),
]


class RoomForm(forms.ModelForm):
    features = forms.MultipleChoiceField(
        label=_("Wyposażenie i udogodnienia"),
        choices=RoomFeature.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Room
        fields = ROOM_FIELDS
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "rules": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        hours = {h.weekday: h for h in self.instance.opening_hours.all()} if self.instance.pk else {}
        for weekday, label in enumerate(WEEKDAY_LABELS):
            current = hours.get(weekday)
            self.fields[f"opens_{weekday}"] = forms.TimeField(
                label=_("%(day)s – od") % {"day": label},
                required=False,
                widget=TimeInput(),
                initial=current.opens if current else None,
            )
            self.fields[f"closes_{weekday}"] = forms.TimeField(
                label=_("%(day)s – do") % {"day": label},
                required=False,
                widget=TimeInput(),
                initial=current.closes if current else None,
            )

    def hour_rows(self):
        return [(label, self[f"opens_{d}"], self[f"closes_{d}"]) for d, label in enumerate(WEEKDAY_LABELS)]

    def clean(self):
        data = super().clean()
        for weekday in range(7):
            opens, closes = data.get(f"opens_{weekday}"), data.get(f"closes_{weekday}")
            if bool(opens) != bool(closes):
                self.add_error(f"closes_{weekday}", _("Podaj obie godziny albo żadnej (sala nieczynna)."))
            elif opens and closes and closes <= opens:
                self.add_error(f"closes_{weekday}", _("Godzina zamknięcia musi być późniejsza niż otwarcia."))
        return data

    def opening_hours(self):
        return {
            d: (self.cleaned_data[f"opens_{d}"], self.cleaned_data[f"closes_{d}"])
            if self.cleaned_data.get(f"opens_{d}")
            else None
            for d in range(7)
        }


class EquipmentForm(forms.ModelForm):
    class Meta:
        model = EquipmentItem
        fields = EQUIPMENT_FIELDS
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class LoanForm(BookerFormMixin, forms.Form):
    organisation = forms.ModelChoiceField(label=_("Organizacja"), queryset=None)
    starts_on = forms.DateField(
        label=_("Odbiór sprzętu (dzień)"), widget=DateInput(), validators=[validate_allowed_date]
    )
    due_on = forms.DateField(label=_("Zwrot do dnia"), widget=DateInput(), validators=[validate_allowed_date])
    purpose = forms.CharField(
        label=_("Cel – do jakiego działania statutowego potrzebny jest sprzęt"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, organisations, equipment, personal: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if personal:
            # A resident or a group: the organisation is asked only of a person who has one.
            self.fields["organisation"].required = False
            with_organisation = organisations.exists()
            if not with_organisation:
                del self.fields["organisation"]
            self.add_booker_fields(with_organisation=with_organisation, personal=True)
        self.equipment = list(equipment)
        for item in self.equipment:
            self.fields[equipment_field_name(item)] = forms.IntegerField(
                label=_("%(item)s (liczba sztuk, z %(stock)s)") % {"item": item.name, "stock": item.quantity},
                required=False,
                min_value=0,
                max_value=1000,
                initial=0,
            )

    def equipment_fields(self):
        return [self[equipment_field_name(item)] for item in self.equipment]

    def chosen_equipment(self) -> dict[EquipmentItem, int]:
        return {
            item: self.cleaned_data.get(equipment_field_name(item))
            for item in self.equipment
            if self.cleaned_data.get(equipment_field_name(item))
        }


def loaded_choices(field: forms.ModelChoiceField, loaded) -> None:
    """Options from rows the view loaded once (two forms of a page share them); the queryset the rows
    came from still validates a posted id."""
    field.queryset = loaded.queryset
    field.choices = [("", field.empty_label), *((row.pk, str(row)) for row in loaded.rows)]


class EquipmentUseForm(forms.Form):
    item = forms.ModelChoiceField(label=_("Sprzęt"), queryset=None)
    person_name = forms.CharField(label=_("Kto korzystał (imię i nazwisko)"), max_length=150)
    organisation = forms.ModelChoiceField(
        label=_("Organizacja (jeśli w jej imieniu)"), queryset=None, required=False
    )
    used_on = forms.DateField(label=_("Dzień"), widget=DateInput(), validators=[validate_allowed_date])
    amount = forms.IntegerField(
        label=_("Ile – strony (kopiarka, drukarka, skaner, faks) albo minuty (komputer, telefon)"),
        min_value=1,
        max_value=MAX_USE_AMOUNT,
    )
    note = forms.CharField(
        label=_("Uwagi"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    over_quota_reason = forms.CharField(
        label=_("Powód zapisu ponad limit (tylko gdy limit jest przekroczony)"),
        required=False,
        max_length=2000,
    )

    def __init__(self, *args, items, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        loaded_choices(self.fields["item"], items)
        loaded_choices(self.fields["organisation"], organisations)


class EquipmentUseFilterForm(forms.Form):
    month = forms.DateField(
        label=_("Miesiąc"),
        required=False,
        input_formats=["%Y-%m"],
        validators=[validate_allowed_date],
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
    )
    organisation = forms.ModelChoiceField(label=_("Organizacja"), queryset=None, required=False)
    item = forms.ModelChoiceField(label=_("Sprzęt"), queryset=None, required=False)

    def __init__(self, *args, items, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        loaded_choices(self.fields["item"], items)
        loaded_choices(self.fields["organisation"], organisations)


class HandoverForm(forms.Form):
    person = forms.CharField(label=_("Imię i nazwisko osoby z organizacji"), max_length=150)
    condition = forms.ChoiceField(label=_("Stan sprzętu"), choices=EquipmentCondition.choices)
    notes = forms.CharField(label=_("Uwagi"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class LetForm(forms.Form):
    room = forms.ModelChoiceField(label=_("Pomieszczenie"), queryset=None)
    organisation = forms.ModelChoiceField(label=_("Organizacja"), queryset=None)
    starts_on = forms.DateField(label=_("Od dnia"), widget=DateInput(), validators=[validate_allowed_date])
    ends_on = forms.DateField(
        label=_("Do dnia (włącznie)"), widget=DateInput(), validators=[validate_allowed_date]
    )
    agreement_number = forms.CharField(label=_("Numer umowy"), max_length=60, required=False)
    notes = forms.CharField(label=_("Uwagi"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, rooms, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["room"].queryset = rooms
        self.fields["organisation"].queryset = organisations


class LetEndForm(forms.Form):
    ends_on = forms.DateField(
        label=_("Ostatni dzień najmu"), widget=DateInput(), validators=[validate_allowed_date]
    )
    reason = forms.CharField(label=_("Powód"), required=False, max_length=500)


class PlannerForm(forms.Form):
    day = forms.DateField(
        label=_("Dzień"), required=False, widget=DateInput(), validators=[validate_allowed_date]
    )
    view = forms.ChoiceField(
        label=_("Widok"), choices=[("day", _("dzień")), ("week", _("tydzień"))], required=False
    )


ALT_TEXT_REQUIRED = _("Opisz, co widać na zdjęciu – osoby niewidome poznają salę z tego opisu.")


class RoomPhotoForm(forms.Form):
    image = forms.FileField(
        label=_("Zdjęcie (JPEG, PNG lub WebP)"),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        error_messages={
            "required": _("Wybierz plik ze zdjęciem."),
            "empty": _("Wybrany plik jest pusty. Wybierz plik ze zdjęciem."),
        },
    )
    alt_text = forms.CharField(
        label=_("Opis zdjęcia dla osób niewidomych"),
        max_length=200,
        error_messages={"required": ALT_TEXT_REQUIRED},
        help_text=_("Co widać na zdjęciu, np. „Sala z 30 krzesłami w rzędach, ekran i rzutnik na suficie”."),
    )

    def __init__(self, *args, max_mb: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["image"].help_text = _("Największy rozmiar pliku: %(size)s MB.") % {"size": max_mb}


class RoomPhotoAltForm(forms.Form):
    alt_text = forms.CharField(
        label=_("Opis zdjęcia dla osób niewidomych"),
        max_length=200,
        error_messages={"required": ALT_TEXT_REQUIRED},
    )


FREE_SLOT_MAX_DAYS = SEARCH_MAX_DAYS
DURATION_CHOICES = [
    (30, _("30 minut")),
    (60, _("1 godzina")),
    (90, _("1,5 godziny")),
    (120, _("2 godziny")),
    (180, _("3 godziny")),
    (240, _("4 godziny")),
    (360, _("6 godzin")),
    (480, _("8 godzin")),
]


class FreeSlotForm(forms.Form):
    first = forms.DateField(label=_("Od dnia"), widget=DateInput())
    last = forms.DateField(
        label=_("Do dnia"),
        widget=DateInput(),
        help_text=lazy(
            lambda: gettext("Najwyżej %(days)s dni od pierwszego dnia.") % {"days": FREE_SLOT_MAX_DAYS}, str
        )(),
    )
    minutes = forms.TypedChoiceField(
        label=_("Czas trwania"), choices=DURATION_CHOICES, coerce=int, initial=60
    )
    capacity = forms.IntegerField(label=_("Co najmniej miejsc"), required=False, min_value=1, max_value=5000)
    features = forms.MultipleChoiceField(
        label=_("Potrzebne wyposażenie i udogodnienia"),
        choices=RoomFeature.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    starts = forms.TimeField(label=_("Od godziny"), required=False, widget=TimeInput())
    ends = forms.TimeField(
        label=_("Do godziny"),
        required=False,
        widget=TimeInput(),
        help_text=_(
            "Podaj obie godziny, by znaleźć sale wolne w tych samych godzinach każdego dnia okresu (np. na kurs)."
        ),
    )

    def __init__(self, *args, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def clean(self):
        data = super().clean()
        for field, message in search_window_problems(data.get("first"), data.get("last"), self.today).items():
            self.add_error(field, message)
        starts, ends = data.get("starts"), data.get("ends")
        if bool(starts) != bool(ends) and not self.has_error("starts") and not self.has_error("ends"):
            self.add_error("ends" if starts else "starts", _("Podaj obie godziny albo żadnej."))
        elif starts and ends and ends <= starts:
            self.add_error("ends", _("Koniec musi być później niż początek."))
        return data

    @property
    def every_day(self) -> bool:
        """The question is "which rooms are free at these hours every day", not "when is each room free"."""
        return bool(self.cleaned_data.get("starts") and self.cleaned_data.get("ends"))
