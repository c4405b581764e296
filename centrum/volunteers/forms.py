"""Forms of the volunteer centre (one form layer: `centrum.core.forms`). They present; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from centrum.core.forms import DateInput
from centrum.core.richtext import RichTextField
from centrum.organisations.models import ActivityArea, District

from .choices import ConsentRecord, OfferKind, PublicBodyKind
from .models import AbroadPage, Agreement, Offer, Volunteer

TEXTAREA = {"rows": 4}


class _CentreChoices:
    """Districts of the request's centre; the shared catalogue of fields of activity."""

    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        if "district" in self.fields:
            self.fields["district"].queryset = District.objects.filter(centre=centre).order_by("name")
        for name in ("areas", "area"):
            if name in self.fields:
                self.fields[name].queryset = ActivityArea.objects.order_by("position")


class VolunteerForm(_CentreChoices, forms.ModelForm):
    areas = forms.ModelMultipleChoiceField(
        label=_("Czym chcesz się zajmować (dziedziny)"),
        queryset=ActivityArea.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Volunteer
        fields = [
            "full_name",
            "phone",
            "birth_date",
            "areas",
            "skills",
            "languages",
            "district",
            "weekdays",
            "evenings",
            "weekends",
            "visible_to_hosts",
        ]
        widgets = {"birth_date": DateInput(), "skills": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "visible_to_hosts": _(
                "Organizatorzy zobaczą Twoje imię, dziedziny, dzielnicę i dostępność, by zaprosić Cię do oferty. "
                "Zgodę możesz w każdej chwili wycofać."
            ),
            "birth_date": _("Osoba niepełnoletnia potrzebuje zgody opiekuna prawnego przed porozumieniem."),
        }


class GuardianConsentForm(forms.Form):
    guardian_name = forms.CharField(label=_("Imię i nazwisko opiekuna prawnego"), max_length=200)
    guardian_contact = forms.CharField(label=_("Telefon lub e-mail opiekuna"), max_length=200)
    record = forms.ChoiceField(label=_("Zgoda"), choices=ConsentRecord.choices, widget=forms.RadioSelect)
    upload = forms.FileField(label=_("Skan podpisanej zgody (PDF, JPEG, PNG)"), required=False)


class PublicBodyForm(forms.Form):
    name = forms.CharField(label=_("Nazwa instytucji"), max_length=300)
    body_kind = forms.ChoiceField(label=_("Rodzaj instytucji"), choices=PublicBodyKind.choices)
    address = forms.CharField(label=_("Adres"), max_length=300, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Telefon"), max_length=40, required=False)
    managers = forms.CharField(
        label=_("Adresy e-mail osób działających w imieniu instytucji (po przecinku)"),
        required=False,
        max_length=1000,
        help_text=_("Osoby z kontem w serwisie: będą dodawać oferty i przyjmować wolontariuszy."),
    )

    def manager_emails(self) -> list[str]:
        return [e.strip().lower() for e in self.cleaned_data.get("managers", "").split(",") if e.strip()]


class OfferForm(_CentreChoices, forms.ModelForm):
    description = RichTextField(label=_("Opis"))
    areas = forms.ModelMultipleChoiceField(
        label=_("Dziedziny"),
        queryset=ActivityArea.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Offer
        fields = [
            "title",
            "description",
            "kind",
            "place",
            "district",
            "starts_on",
            "ends_on",
            "schedule",
            "capacity",
            "requirements",
            "for_minors",
            "areas",
            "weekdays",
            "evenings",
            "weekends",
        ]
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "requirements": forms.Textarea(attrs={"rows": 3}),
        }


class ShiftForm(forms.Form):
    label = forms.CharField(label=_("Dyżur (np. „Stoisko informacyjne, rano”)"), max_length=200)
    starts_at = forms.DateTimeField(
        label=_("Początek"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    ends_at = forms.DateTimeField(
        label=_("Koniec"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    capacity = forms.IntegerField(label=_("Ilu wolontariuszy"), min_value=1, max_value=10000)


class OfferFilterForm(_CentreChoices, forms.Form):
    q = forms.CharField(label=_("Szukaj"), required=False, max_length=200)
    area = forms.ModelChoiceField(label=_("Dziedzina"), queryset=ActivityArea.objects.none(), required=False)
    district = forms.ModelChoiceField(label=_("Dzielnica"), queryset=District.objects.none(), required=False)
    kind = forms.ChoiceField(
        label=_("Rodzaj"), choices=[("", _("każdy"))] + OfferKind.choices, required=False
    )
    minors = forms.BooleanField(label=_("Dla niepełnoletnich"), required=False)


class ApplyForm(forms.Form):
    shift = forms.ModelChoiceField(label=_("Dyżur"), queryset=None, required=False, empty_label=None)
    message = forms.CharField(
        label=_("Wiadomość do organizatora (nieobowiązkowo)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, offer, **kwargs):
        super().__init__(*args, **kwargs)
        if offer.has_shifts:
            self.fields["shift"].queryset = offer.shifts.all()
            self.fields["shift"].required = True
            self.fields["shift"].label_from_instance = lambda s: f"{s.label} ({s.free_places})"
        else:
            del self.fields["shift"]


class IntroduceForm(forms.Form):
    volunteer = forms.IntegerField(widget=forms.HiddenInput)


class AgreementForm(forms.ModelForm):
    class Meta:
        model = Agreement
        fields = [
            "scope",
            "manner",
            "starts_on",
            "ends_on",
            "termination",
            "written_form",
            "travel_costs_waived",
        ]
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "scope": forms.Textarea(attrs={"rows": 3}),
            "manner": forms.Textarea(attrs={"rows": 3}),
            "termination": forms.Textarea(attrs={"rows": 2}),
        }


class OpinionForm(forms.Form):
    opinion = forms.CharField(
        label=_("Opinia o wykonaniu świadczeń (art. 44 ust. 3)"),
        max_length=5000,
        widget=forms.Textarea(attrs=TEXTAREA),
    )


class HoursForm(forms.Form):
    day = forms.DateField(label=_("Dzień"), widget=DateInput())
    hours = forms.DecimalField(label=_("Liczba godzin"), min_value=0.5, max_value=24, decimal_places=1)
    description = forms.CharField(label=_("Co zostało zrobione"), max_length=300)


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("Od"), widget=DateInput())
    end = forms.DateField(label=_("Do"), widget=DateInput())

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("Koniec okresu nie może być przed początkiem."))
        return data


class AbroadPageForm(forms.ModelForm):
    body = RichTextField(label=_("Treść"))

    class Meta:
        model = AbroadPage
        fields = ["title", "body", "links", "position", "published"]
        widgets = {"links": forms.Textarea(attrs={"rows": 3})}
