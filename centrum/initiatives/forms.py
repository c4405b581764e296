"""Forms of local initiatives (one form layer: `centrum.core.forms`). They present; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from centrum.core.forms import AmountField, DateInput, ImageUploadField

from .choices import ApplicantKind, ContributionKind, CostPayer, InitiativeStatus
from .models import Area, Initiative, InitiativeRules

TEXTAREA = {"rows": 4}


class RulesForm(forms.ModelForm):
    resolution_url = forms.URLField(
        label=_("Adres uchwały (BIP, dziennik urzędowy)"), required=False, assume_scheme="https"
    )

    class Meta:
        model = InitiativeRules
        fields = ["resolution_number", "resolution_date", "resolution_url", "intake_mode", "notes"]
        widgets = {"resolution_date": DateInput(), "notes": forms.Textarea(attrs={"rows": 3})}


class CallForm(forms.Form):
    title = forms.CharField(label=_("Nazwa naboru"), max_length=200)
    opens_on = forms.DateField(label=_("Nabór od"), widget=DateInput())
    closes_on = forms.DateField(label=_("Nabór do (włącznie)"), widget=DateInput())


class CriterionForm(forms.Form):
    name = forms.CharField(label=_("Kryterium"), max_length=300)
    weight = forms.IntegerField(label=_("Waga"), min_value=1, max_value=100)
    max_points = forms.IntegerField(label=_("Najwięcej punktów"), min_value=1, max_value=100, initial=10)
    social_work = forms.BooleanField(label=_("To kryterium wkładu pracy społecznej"), required=False)


class AreaForm(forms.ModelForm):
    class Meta:
        model = Area
        fields = ["code", "name", "description", "active"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class ApplicationForm(forms.ModelForm):
    requested_amount = AmountField(label=_("Wnioskowana kwota z budżetu gminy (zł)"), min_value=0, initial=0)

    class Meta:
        model = Initiative
        fields = [
            "applicant_kind",
            "group_name",
            "organisation",
            "leader_name",
            "leader_address",
            "leader_phone",
            "area",
            "title",
            "description",
            "needs",
            "place",
            "starts_on",
            "ends_on",
            "requested_support",
            "requested_amount",
            "residents_declared",
        ]
        widgets = {
            "applicant_kind": forms.RadioSelect,
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "description": forms.Textarea(attrs=TEXTAREA),
            "needs": forms.Textarea(attrs=TEXTAREA),
            "requested_support": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "residents_declared": _(
                "Oświadczam, że lider i członkowie grupy (albo organizacja) mieszkają lub mają siedzibę na "
                "terenie gminy"
            ),
        }
        help_texts = {
            "group_name": _("Dla grupy mieszkańców, np. „Sąsiedzi z ulicy Lipowej”."),
            "organisation": _("Tylko gdy wniosek składa organizacja, do której należysz."),
            "requested_support": _("Czego oczekujecie od gminy: materiały, sprzęt, usługi, prace."),
        }

    def __init__(self, *args, areas, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["applicant_kind"].choices = ApplicantKind.choices
        self.fields["area"].queryset = areas
        self.fields["area"].empty_label = None
        self.fields["organisation"].queryset = organisations
        self.fields["organisation"].required = False
        self.fields["organisation"].empty_label = _("— nie dotyczy —")


class MemberForm(forms.Form):
    full_name = forms.CharField(label=_("Imię i nazwisko"), max_length=200)
    address = forms.CharField(label=_("Adres zamieszkania"), max_length=300)


class ContributionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Rodzaj wkładu"), choices=ContributionKind.choices)
    description = forms.CharField(
        label=_("Opis (np. malowanie ogrodzenia, farba, wypożyczenie sprzętu)"), max_length=300
    )
    hours = forms.DecimalField(
        label=_("Liczba godzin (praca społeczna)"),
        required=False,
        max_digits=10,
        decimal_places=2,
        min_value=0,
    )
    value = AmountField(label=_("Wartość (zł; pieniądze i rzeczy)"), required=False, min_value=0)


class AssessmentForm(forms.Form):
    """One points field and one reasons field per criterion of the resolution."""

    def __init__(self, *args, criteria, scores, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        given = {s.criterion_id: s for s in scores}
        for criterion in criteria:
            score = given.get(criterion.pk)
            self.fields[f"points_{criterion.pk}"] = forms.IntegerField(
                label=_("%(name)s – punkty (0–%(max)s, waga %(weight)s)")
                % {"name": criterion.name, "max": criterion.max_points, "weight": criterion.weight},
                min_value=0,
                max_value=criterion.max_points,
                initial=score.points if score else None,
            )
            self.fields[f"reason_{criterion.pk}"] = forms.CharField(
                label=_("%(name)s – uzasadnienie") % {"name": criterion.name},
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=score.reason if score else "",
            )

    def scores(self) -> dict[int, tuple[int, str]]:
        return {
            c.pk: (self.cleaned_data[f"points_{c.pk}"], self.cleaned_data[f"reason_{c.pk}"])
            for c in self.criteria
        }


class ScheduleForm(forms.Form):
    action = forms.CharField(label=_("Działanie"), max_length=300)
    starts_on = forms.DateField(label=_("Od"), widget=DateInput())
    ends_on = forms.DateField(label=_("Do"), widget=DateInput())
    responsible = forms.CharField(label=_("Kto wykonuje"), max_length=200, required=False)


class CostForm(forms.Form):
    item = forms.CharField(label=_("Pozycja kosztorysu"), max_length=300)
    amount = AmountField(label=_("Kwota (zł)"), min_value=0)
    payer = forms.ChoiceField(label=_("Kto pokrywa"), choices=CostPayer.choices)


class SupportForm(forms.Form):
    budget_line = forms.CharField(
        label=_("Klasyfikacja budżetowa (dział, rozdział, paragraf)"), max_length=100, required=False
    )
    municipality_in_kind = forms.CharField(
        label=_("Wkład rzeczowy gminy (sprzęt, materiały, usługi)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    municipality_in_kind_value = AmountField(
        label=_("Wartość wkładu rzeczowego gminy (zł)"), min_value=0, initial=0
    )


class SignForm(forms.Form):
    signed_on = forms.DateField(label=_("Data podpisania umowy"), widget=DateInput())
    signed_for_municipality = forms.CharField(label=_("W imieniu gminy podpisał(a)"), max_length=200)
    signed_for_applicant = forms.CharField(label=_("W imieniu wnioskodawcy podpisał(a)"), max_length=300)


class CompletionForm(forms.Form):
    completed_on = forms.DateField(label=_("Data zakończenia"), widget=DateInput())
    completion_report = forms.CharField(label=_("Co zostało zrobione"), widget=forms.Textarea(attrs=TEXTAREA))
    actual_work_hours = forms.DecimalField(
        label=_("Przepracowane godziny pracy społecznej"),
        required=False,
        max_digits=10,
        decimal_places=2,
        min_value=0,
    )
    actual_money = AmountField(label=_("Faktyczny wkład pieniężny (zł)"), required=False, min_value=0)
    actual_in_kind = AmountField(label=_("Faktyczny wkład rzeczowy (zł)"), required=False, min_value=0)
    photo = ImageUploadField(
        label=_("Zdjęcie (nieobowiązkowe)"),
        required=False,
        max_bytes=5_000_000,
        formats={"JPEG", "PNG", "WEBP"},
    )


class DeskFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", _("— wszystkie —")),
            *((s.value, s.label) for s in InitiativeStatus if s != InitiativeStatus.DRAFT),
        ],
    )
    area = forms.ModelChoiceField(
        label=_("Obszar"), queryset=None, required=False, empty_label=_("— wszystkie —")
    )
    year = forms.IntegerField(label=_("Rok realizacji"), required=False, min_value=2000, max_value=2100)
    q = forms.CharField(label=_("Szukaj (nazwa, numer, wnioskodawca)"), required=False, max_length=100)

    def __init__(self, *args, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = areas
