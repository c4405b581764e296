"""Forms of the evaluation (one form layer: `centrum.core.forms`)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from centrum.core.forms import AmountField, DateInput

from ..choices import MemberSide, WithoutNgoReason

MET_CHOICES = [("1", _("spełniony")), ("0", _("niespełniony"))]
OUTCOME_CHOICES = [
    ("accept", _("oferta poprawna formalnie")),
    ("correct", _("wezwij do usunięcia braków (tylko braki możliwe do usunięcia)")),
    ("reject", _("odrzuć ofertę z przyczyn formalnych")),
]


class FormalCheckForm(forms.Form):
    """One met/not met choice and a note per item of the check list, then the outcome."""

    notes = forms.CharField(
        label=_("Uwagi do oceny formalnej"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    outcome = forms.ChoiceField(
        label=_("Wynik oceny formalnej"), choices=OUTCOME_CHOICES, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=_("Uzasadnienie dla oferenta"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Dopisywane do listy niespełnionych wymogów w wezwaniu lub w odrzuceniu."),
    )

    def __init__(self, *args, checklist, **kwargs):
        super().__init__(*args, **kwargs)
        self.checklist = checklist
        fields = {}
        for item in checklist:
            initial = None if item.auto is None else ("1" if item.auto else "0")
            label = item.label if not item.hint else f"{item.label} ({item.hint})"
            fields[f"met_{item.key}"] = forms.ChoiceField(
                label=label,
                choices=MET_CHOICES,
                widget=forms.RadioSelect,
                initial=initial,
                help_text=_("Centrum podpowiada na podstawie oferty – sprawdź.")
                if item.auto is not None
                else "",
            )
            fields[f"note_{item.key}"] = forms.CharField(
                label=_("Uwagi: %(label)s") % {"label": item.label}, required=False
            )
        self.fields = {**fields, **self.fields}

    def answers(self) -> dict:
        return {
            item.key: {
                "met": self.cleaned_data[f"met_{item.key}"] == "1",
                "note": self.cleaned_data[f"note_{item.key}"],
            }
            for item in self.checklist
        }


class CommissionSettingsForm(forms.Form):
    nominations_until = forms.DateField(
        label=_("Zgłoszenia kandydatów do komisji do dnia"), required=False, widget=DateInput()
    )
    without_ngo = forms.ChoiceField(
        label=_("Komisja działa bez przedstawicieli organizacji, bo"),
        choices=[("", _("— nie dotyczy —")), *WithoutNgoReason.choices],
        required=False,
    )


class MemberForm(forms.Form):
    full_name = forms.CharField(label=_("Imię i nazwisko"), max_length=200)
    email = forms.EmailField(label=_("E-mail"), help_text=_("Członek loguje się w serwisie tym adresem."))
    side = forms.ChoiceField(
        label=_("Kto"),
        choices=[
            (MemberSide.OFFICIAL, MemberSide.OFFICIAL.label),
            (MemberSide.EXPERT, MemberSide.EXPERT.label),
        ],
    )
    chair = forms.BooleanField(label=_("Przewodniczący komisji"), required=False)


class NominationForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Zgłaszająca organizacja"), queryset=None)
    full_name = forms.CharField(label=_("Imię i nazwisko kandydata"), max_length=200)
    email = forms.EmailField(label=_("E-mail kandydata"))

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class DeclarationForm(forms.Form):
    no_conflict = forms.ChoiceField(
        label=_("Oświadczam, że"),
        widget=forms.RadioSelect,
        choices=[
            (
                "1",
                _(
                    "nie zachodzą wobec mnie przesłanki wyłączenia z art. 24 § 1 i 2 Kodeksu postępowania administracyjnego"
                ),
            ),
            ("0", _("zachodzi wobec mnie przesłanka wyłączenia – nie oceniam tej oferty")),
        ],
    )
    grounds = forms.CharField(
        label=_("Przesłanka wyłączenia"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ScoreForm(forms.Form):
    def __init__(self, *args, criteria, scores, **kwargs):
        super().__init__(*args, **kwargs)
        for criterion in criteria:
            existing = scores.get(criterion.pk)
            self.fields[f"points_{criterion.pk}"] = forms.CharField(
                label=_("%(name)s (0–%(max)s pkt, waga %(weight)s)")
                % {"name": criterion.name, "max": criterion.max_points, "weight": criterion.weight},
                initial=existing.points if existing else None,
                widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Uzasadnienie: %(name)s") % {"name": criterion.name},
                required=False,
                initial=existing.comment if existing else "",
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        self.criteria = criteria

    def points(self) -> dict:
        return {c.pk: self.cleaned_data[f"points_{c.pk}"] for c in self.criteria}

    def comments(self) -> dict:
        return {c.pk: self.cleaned_data[f"comment_{c.pk}"] for c in self.criteria}


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decyzja"),
        widget=forms.RadioSelect,
        choices=[("select", _("przyznać dotację")), ("reject", _("nie przyznawać"))],
    )
    amount = AmountField(label=_("Kwota dotacji (zł)"), required=False, min_value=0)
    reason = forms.CharField(
        label=_("Uzasadnienie (przy odmowie)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
