"""Forms present; services decide. A rule checked here is checked again by the service."""

from datetime import date, datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from centrum.core.antispam import HumanCheckForm
from centrum.core.calendar import WARSAW
from centrum.core.forms import AmountField, DateInput, TimeInput
from centrum.core.richtext import RichTextField

from .choices import Accessibility, OrganiserKind


def _day_in_range(value: date) -> None:
    if value is not None and not (2000 <= value.year <= 2100):
        raise forms.ValidationError(_("Podaj datę z lat 2000–2100."))


class NewsForm(forms.Form):
    title = forms.CharField(label=_("Tytuł"), max_length=200)
    lead = forms.CharField(
        label=_("Zajawka"),
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Dwa, trzy zdania – pokażą się na liście aktualności i w kanale RSS."),
    )
    body = RichTextField(label=_("Treść"), max_length=50000, widget=forms.Textarea(attrs={"rows": 12}))
    organisation = forms.ModelChoiceField(label=_("Organizacja"), queryset=None, required=False)

    def __init__(self, *args, organisations, staff: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if staff:
            self.fields["organisation"].empty_label = _("— centrum (bez organizacji) —")
        else:
            self.fields["organisation"].required = True


class NewsSubmitForm(NewsForm):
    """The first submission: the text and, optionally, one image and one file (more on the item's page)."""

    image = forms.FileField(label=_("Zdjęcie (JPEG, PNG, WebP, GIF)"), required=False)
    alt_text = forms.CharField(
        label=_("Opis zdjęcia (tekst alternatywny)"),
        max_length=300,
        required=False,
        help_text=_("Wymagany przy zdjęciu: co na nim widać, dla osób niewidomych."),
    )
    attachment = forms.FileField(label=_("Załącznik (PDF, JPEG, PNG)"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("image") and not (data.get("alt_text") or "").strip():
            self.add_error(
                "alt_text", _("Opisz zdjęcie (tekst alternatywny) – przeczytają go osoby niewidome.")
            )
        return data


class ImageForm(forms.Form):
    image = forms.FileField(label=_("Zdjęcie (JPEG, PNG, WebP, GIF)"))
    alt_text = forms.CharField(label=_("Opis zdjęcia (tekst alternatywny)"), max_length=300)


class AttachmentForm(forms.Form):
    attachment = forms.FileField(label=_("Załącznik (PDF, JPEG, PNG)"))


class EventForm(forms.Form):
    title = forms.CharField(label=_("Tytuł"), max_length=200)
    organiser_kind = forms.ChoiceField(label=_("Organizator"), choices=OrganiserKind.choices)
    organisation = forms.ModelChoiceField(label=_("Organizacja"), queryset=None, required=False)
    organiser_name = forms.CharField(
        label=_("Nazwa organizatora (instytucji)"), max_length=300, required=False
    )
    description = RichTextField(label=_("Opis"), max_length=20000, required=False)
    place = forms.CharField(label=_("Miejsce (adres)"), max_length=300)
    start_day = forms.DateField(label=_("Data rozpoczęcia"), widget=DateInput(), validators=[_day_in_range])
    start_time = forms.TimeField(label=_("Godzina rozpoczęcia"), widget=TimeInput())
    end_day = forms.DateField(label=_("Data zakończenia"), widget=DateInput(), validators=[_day_in_range])
    end_time = forms.TimeField(label=_("Godzina zakończenia"), widget=TimeInput())
    audience = forms.CharField(label=_("Dla kogo"), max_length=300, required=False)
    accessibility = forms.MultipleChoiceField(
        label=_("Dostępność"),
        choices=Accessibility.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    accessibility_notes = forms.CharField(
        label=_("Dostępność – szczegóły"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    registration_url = forms.URLField(
        label=_("Zapisy – adres strony"), required=False, max_length=200, assume_scheme="https"
    )
    price = AmountField(
        label=_("Cena (zł)"), required=False, max_digits=10, help_text=_("Puste – wstęp wolny.")
    )

    def __init__(self, *args, organisations, staff: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if not staff:
            self.fields["organiser_kind"].choices = [
                c for c in OrganiserKind.choices if c[0] == OrganiserKind.ORGANISATION
            ]
            self.fields["organisation"].required = True

    @staticmethod
    def initial_for(event) -> dict:
        start, end = event.starts_at.astimezone(WARSAW), event.ends_at.astimezone(WARSAW)
        return {
            "title": event.title,
            "organiser_kind": event.organiser_kind,
            "organisation": event.organisation_id,
            "organiser_name": event.organiser_name,
            "description": event.description,
            "place": event.place,
            "start_day": start.date(),
            "start_time": start.time(),
            "end_day": end.date(),
            "end_time": end.time(),
            "audience": event.audience,
            "accessibility": event.accessibility,
            "accessibility_notes": event.accessibility_notes,
            "registration_url": event.registration_url,
            "price": event.price,
        }

    def clean(self):
        data = super().clean()
        if all(data.get(k) is not None for k in ("start_day", "start_time", "end_day", "end_time")):
            data["starts_at"] = datetime.combine(data["start_day"], data["start_time"], tzinfo=WARSAW)
            data["ends_at"] = datetime.combine(data["end_day"], data["end_time"], tzinfo=WARSAW)
            if data["ends_at"] < data["starts_at"]:
                self.add_error("end_day", _("Wydarzenie nie może skończyć się przed początkiem."))
        return data

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        for name in ("start_day", "start_time", "end_day", "end_time"):
            data.pop(name)
        return data


class EventFilterForm(forms.Form):
    organizacja = forms.TypedChoiceField(label=_("Organizacja"), required=False, coerce=int, empty_value=None)
    dziedzina = forms.ChoiceField(label=_("Dziedzina działalności"), required=False)
    organizator = forms.ChoiceField(
        label=_("Organizator"), required=False, choices=[("", _("— każdy —")), *OrganiserKind.choices]
    )

    def __init__(self, *args, organisations, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organizacja"].choices = [("", _("— każda —")), *((o.pk, o.name) for o in organisations)]
        self.fields["dziedzina"].choices = [("", _("— każda —")), *((a.code, a.label) for a in areas)]

    def value(self, name: str):
        return self.cleaned_data.get(name) if self.is_valid() else None


class ErrorReportForm(HumanCheckForm):
    stamp_salt = "centrum.news.error-report"

    page_url = forms.CharField(label=_("Adres strony z błędem"), max_length=500)
    message = forms.CharField(
        label=_("Co jest nie tak?"), max_length=3000, widget=forms.Textarea(attrs={"rows": 6})
    )
    email = forms.EmailField(label=_("Twój e-mail (jeśli chcesz odpowiedzi)"), required=False, max_length=254)
