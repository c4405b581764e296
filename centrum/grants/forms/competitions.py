"""Forms of competitions: the announcement with its formal requirements and criteria, a publication channel,
a request for reasons (anyone, spam-guarded without outside services) and its answer."""

import re
from datetime import datetime, time

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from centrum.core import antispam
from centrum.core.calendar import WARSAW
from centrum.core.forms import DateInput, TimeInput

from ..choices import Channel, PublicationPurpose
from ..models import Competition, CompetitionPublication
from ..services.competitions import COMPETITION_FIELDS

FORM_FIELDS = [f for f in COMPETITION_FIELDS if f != "offers_deadline"]


def accept_decimal_comma(field) -> None:
    """Amounts typed as people write them in Polish ("1 500,50") and as computers do ("1500.50")."""
    field.localize = True
    field.widget.is_localized = True
    field.widget.input_type = "text"
    field.widget.attrs["inputmode"] = "decimal"


class CompetitionForm(forms.ModelForm):
    """The announcement: every item of art. 13 ust. 2 and the competition's own rules."""

    deadline_day = forms.DateField(label=gettext_lazy("Termin składania ofert – dzień"), widget=DateInput())
    deadline_time = forms.TimeField(
        label=gettext_lazy("Termin składania ofert – godzina"),
        widget=TimeInput(),
        initial=time(15, 0),
        help_text=gettext_lazy("Czas polski (Europe/Warsaw); serwer sprawdza termin w chwili zapisu oferty."),
    )

    class Meta:
        model = Competition
        fields = FORM_FIELDS
        widgets = {
            "selection_date": DateInput(),
            "task_start": DateInput(),
            "task_end": DateInput(),
            "award_rules": forms.Textarea(attrs={"rows": 4}),
            "implementation_terms": forms.Textarea(attrs={"rows": 4}),
            "selection_procedure": forms.Textarea(attrs={"rows": 4}),
            "previous_funding": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "previous_funding": gettext_lazy(
                "Art. 13 ust. 2 pkt 7: wpisz ręcznie zadania tego samego rodzaju zrealizowane w tym i ubiegłym "
                "roku z kosztami i dotacjami. Centrum policzy je samo, gdy będzie prowadzić umowy."
            ),
        }

    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        from centrum.organisations.models import ActivityArea
        from centrum.programmes.models import ProgrammeTask

        self.fields["sphere"].queryset = ActivityArea.objects.order_by("name")
        self.fields["programme_task"].queryset = ProgrammeTask.objects.filter(centre=centre).select_related(
            "programme"
        )
        self.fields["sphere"].label_from_instance = lambda area: area.label
        if self.instance.pk and self.instance.offers_deadline:
            local = self.instance.offers_deadline.astimezone(WARSAW)
            self.initial.setdefault("deadline_day", local.date())
            self.initial.setdefault("deadline_time", local.time().replace(second=0, microsecond=0))
        amounts = ("funds_total", "max_grant", "min_own_contribution_percent", "admin_costs_cap_percent")
        for name in amounts:
            accept_decimal_comma(self.fields[name])
        if self.is_bound:
            # "150 000,00": the spaces people group thousands with are not part of the number.
            self.data = self.data.copy()
            for name in amounts:
                if isinstance(self.data.get(name), str):
                    self.data[name] = re.sub(r"[\s\u00a0\u202f]", "", self.data[name])

    def clean(self):
        data = super().clean()
        if data.get("deadline_day") and data.get("deadline_time") is not None:
            data["offers_deadline"] = datetime.combine(
                data["deadline_day"], data["deadline_time"], tzinfo=WARSAW
            )
        return data

    def _post_clean(self):
        # The model's rules run in the service (one place for forms, the API and the demo).
        pass

    def values(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in COMPETITION_FIELDS if name in self.cleaned_data}


class RequirementForm(forms.Form):
    text = forms.CharField(label=gettext_lazy("Wymóg formalny"), max_length=500, required=False)
    fixable = forms.BooleanField(label=gettext_lazy("brak można uzupełnić"), required=False, initial=True)


class CriterionForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Kryterium"), max_length=500, required=False)
    statutory_point = forms.TypedChoiceField(
        label=gettext_lazy("Punkt art. 15 ust. 1"),
        choices=[("", gettext_lazy("— kryterium z ogłoszenia —"))] + [(str(i), str(i)) for i in range(1, 7)],
        coerce=int,
        empty_value=None,
        required=False,
    )
    max_points = forms.DecimalField(
        label=gettext_lazy("Maks. punktów"), max_digits=6, decimal_places=2, min_value=0, required=False
    )
    weight = forms.DecimalField(
        label=gettext_lazy("Waga"), max_digits=5, decimal_places=2, min_value=0, required=False, initial=1
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        accept_decimal_comma(self.fields["max_points"])
        accept_decimal_comma(self.fields["weight"])

    def clean(self):
        data = super().clean()
        if data.get("name") and data.get("max_points") in (None, ""):
            self.add_error("max_points", _("Podaj maksymalną liczbę punktów."))
        return data


RequirementFormSet = forms.formset_factory(RequirementForm, extra=2, max_num=40, validate_max=True)
CriterionFormSet = forms.formset_factory(CriterionForm, extra=2, max_num=30, validate_max=True)


def requirement_rows(formset) -> list[dict]:
    return [
        {"text": f.cleaned_data["text"].strip(), "fixable": bool(f.cleaned_data.get("fixable"))}
        for f in formset
        if f.cleaned_data.get("text", "").strip()
    ]


def criterion_rows(formset) -> list[dict]:
    return [
        {
            "name": f.cleaned_data["name"].strip(),
            "statutory_point": f.cleaned_data.get("statutory_point"),
            "max_points": f.cleaned_data.get("max_points"),
            "weight": f.cleaned_data.get("weight"),
        }
        for f in formset
        if f.cleaned_data.get("name", "").strip()
    ]


class PublicationForm(forms.ModelForm):
    class Meta:
        model = CompetitionPublication
        fields = ["purpose", "channel", "published_on", "address"]
        widgets = {"published_on": DateInput()}

    def __init__(self, *args, purposes=(PublicationPurpose.ANNOUNCEMENT,), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["purpose"].choices = [(p, PublicationPurpose(p).label) for p in purposes]
        self.fields["channel"].choices = Channel.choices

    def _post_clean(self):
        pass


# Spam protection that needs no outside service (the honeypot and the signed time stamp): core's
# `antispam.HumanCheckForm`, shared with the small grants' public comments.
SALT = "grants.reasons_request"


def form_stamp() -> str:
    return antispam.form_stamp(SALT)


class ReasonsRequestForm(antispam.HumanCheckForm):
    stamp_salt = SALT
    offer = forms.TypedChoiceField(label=gettext_lazy("Oferta"), coerce=int)
    name = forms.CharField(label=gettext_lazy("Imię i nazwisko lub nazwa"), max_length=200)
    email = forms.EmailField(label=gettext_lazy("Adres e-mail, na który wyślemy uzasadnienie"))
    question = forms.CharField(
        label=gettext_lazy("Czego chcesz się dowiedzieć (nieobowiązkowo)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        required=False,
    )
    field_order = ["offer", "name", "email", "question", "website", "stamp"]

    def __init__(self, *args, offers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["offer"].choices = [("", "—")] + [
            (o.pk, f"{o.organisation.name} – {o.title}") for o in offers
        ]


class ReasonsAnswerForm(forms.Form):
    answer = forms.CharField(
        label=gettext_lazy("Uzasadnienie"), widget=forms.Textarea(attrs={"rows": 8}), max_length=20000
    )
