"""Forms present; services decide. A rule checked here is also checked by the service."""

from datetime import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from centrum.core.antispam import HumanCheckForm
from centrum.core.calendar import WARSAW
from centrum.core.forms import DateInput, TimeInput
from centrum.core.richtext import RichTextField
from centrum.core.text import polish_sort_key
from centrum.organisations.choices import LegalForm
from centrum.organisations.selectors import activity_area_list, district_list

from .choices import Frequency, OppFilter


def area_choices() -> list[tuple[str, str]]:
    return [(a.code, a.label) for a in activity_area_list()]


class AnnouncementForm(forms.Form):
    subject = forms.CharField(label=_("Temat"), max_length=200)
    body = RichTextField(label=_("Treść"), max_length=50_000, widget=forms.Textarea(attrs={"rows": 12}))
    attachment = forms.FileField(
        label=_("Załącznik (nieobowiązkowy)"),
        required=False,
        help_text=_("PDF, JPEG lub PNG. Odbiorcy dostaną link do pobrania pliku."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"}),
    )
    remove_attachment = forms.BooleanField(label=_("Usuń obecny załącznik"), required=False)
    areas = forms.MultipleChoiceField(
        label=_("Sfery działalności"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Nic nie zaznaczono: wszystkie sfery."),
    )
    districts = forms.TypedMultipleChoiceField(
        label=_("Dzielnice"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Nic nie zaznaczono: wszystkie dzielnice."),
    )
    legal_forms = forms.MultipleChoiceField(
        label=_("Formy prawne"),
        required=False,
        choices=LegalForm.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Nic nie zaznaczono: wszystkie formy."),
    )
    opp = forms.ChoiceField(label=_("Status OPP"), required=False, choices=OppFilter.choices)

    def __init__(self, *args, centre, has_attachment: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["areas"].choices = area_choices()
        districts = sorted(district_list(centre=centre), key=lambda d: polish_sort_key(d.name))
        self.fields["districts"].choices = [(d.pk, d.name) for d in districts]
        if not districts:
            del self.fields["districts"]
        if not has_attachment:
            del self.fields["remove_attachment"]


class ScheduleForm(forms.Form):
    day = forms.DateField(label=_("Dzień wysyłki"), widget=DateInput())
    time = forms.TimeField(label=_("Godzina"), widget=TimeInput())

    def when(self) -> datetime:
        return datetime.combine(self.cleaned_data["day"], self.cleaned_data["time"], tzinfo=WARSAW)


class RecipientFilterForm(forms.Form):
    state = forms.ChoiceField(
        label=_("Stan wiadomości"),
        required=False,
        choices=[
            ("", _("wszystkie")),
            ("planned", _("zaplanowane")),
            ("pending", _("w kolejce")),
            ("sent", _("wysłane")),
            ("failed", _("niewysłane (błąd)")),
        ],
    )


class TopicsForm(forms.Form):
    """The choice of topics, fields of activity and frequency: the public form and the signed settings page."""

    topics = forms.MultipleChoiceField(label=_("Tematy"), widget=forms.CheckboxSelectMultiple)
    areas = forms.MultipleChoiceField(
        label=_("Moje sfery działalności (dla tematów oznaczonych gwiazdką)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Nic nie zaznaczono: wszystkie sfery."),
    )
    frequency = forms.ChoiceField(
        label=_("Jak często"), choices=Frequency.choices, initial=Frequency.WEEKLY, widget=forms.RadioSelect
    )

    def __init__(self, *args, topics, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].choices = [
            (t.key, f"{t.label} *" if t.by_fields else str(t.label)) for t in topics
        ]
        if any(t.by_fields for t in topics):
            self.fields["areas"].choices = area_choices()
        else:
            del self.fields["areas"]
        self.by_fields = {t.key for t in topics if t.by_fields}

    def chosen_topics(self) -> dict[str, list[str]]:
        areas = list(self.cleaned_data.get("areas") or [])
        return {key: areas if key in self.by_fields else [] for key in self.cleaned_data["topics"]}


class SubscribeForm(TopicsForm, HumanCheckForm):
    stamp_salt = "centrum.newsletter.subscribe"
    email = forms.EmailField(label=_("Adres e-mail"), max_length=254)
    field_order = ["email", "topics", "areas", "frequency"]
