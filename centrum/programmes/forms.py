"""Forms of the programmes app (one form layer: `centrum.core.forms`)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from centrum.core.forms import AmountField, DateInput
from centrum.organisations.models import ActivityArea

from .choices import CommentOutcome
from .models import PART_FIELDS, PARTS, CooperationProgramme


class ProgrammeForm(forms.ModelForm):
    class Meta:
        model = CooperationProgramme
        fields = ["title", "first_year", "last_year", "council_opinion", *PART_FIELDS]
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in (*PART_FIELDS, "council_opinion")}


class TaskForm(forms.Form):
    title = forms.CharField(label=_("Zadanie priorytetowe"), max_length=500)
    sphere = forms.ModelChoiceField(
        label=_("Sfera pożytku publicznego"),
        queryset=ActivityArea.objects.order_by("position"),
        required=False,
    )
    planned_amount = AmountField(label=_("Planowane środki (zł)"), min_value=0)
    year = forms.TypedChoiceField(label=_("Rok"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("— cały okres —")), *((y, y) for y in programme.years)]


class ConsultationForm(forms.Form):
    starts_on = forms.DateField(label=_("Konsultacje od"), widget=DateInput())
    ends_on = forms.DateField(label=_("Konsultacje do (włącznie)"), widget=DateInput())


class AdoptForm(forms.Form):
    resolution_number = forms.CharField(label=_("Numer uchwały rady"), max_length=100)
    adopted_on = forms.DateField(label=_("Data uchwalenia"), widget=DateInput())
    late_reason = forms.CharField(
        label=_("Przyczyna uchwalenia po terminie (jeśli dotyczy)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class CommentForm(forms.Form):
    part = forms.ChoiceField(
        label=_("Której części dotyczy uwaga"), choices=[("", _("całego programu")), *PARTS], required=False
    )
    organisation = forms.ModelChoiceField(
        label=_("W imieniu organizacji"),
        queryset=None,
        required=False,
        empty_label=_("— we własnym imieniu —"),
    )
    proposal = forms.CharField(
        label=_("Uwaga lub proponowane brzmienie"), widget=forms.Textarea(attrs={"rows": 4})
    )
    justification = forms.CharField(
        label=_("Uzasadnienie"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class AnswerForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Rozstrzygnięcie"),
        choices=[(c.value, c.label) for c in CommentOutcome if c != CommentOutcome.PENDING],
        widget=forms.RadioSelect,
    )
    answer = forms.CharField(label=_("Uzasadnienie"), widget=forms.Textarea(attrs={"rows": 2}))


class PlannedGrantsForm(forms.Form):
    year = forms.IntegerField(label=_("Rok budżetowy"), min_value=2000, max_value=2100)
    amount = AmountField(label=_("Planowane dotacje dla organizacji pozarządowych (zł)"), min_value=0)
    valid_from = forms.DateField(label=_("Obowiązuje od"), widget=DateInput())
    resolution = forms.CharField(label=_("Uchwała budżetowa lub jej zmiana"), max_length=200)


class ProposalForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Organizacja"), queryset=None)
    title = forms.CharField(label=_("Zadanie publiczne"), max_length=300)
    sphere = forms.ModelChoiceField(
        label=_("Sfera pożytku publicznego"),
        queryset=ActivityArea.objects.order_by("position"),
        required=False,
    )
    description = forms.CharField(label=_("Opis zadania"), widget=forms.Textarea(attrs={"rows": 5}))
    expected_results = forms.CharField(
        label=_("Zakładane rezultaty"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    estimated_cost = AmountField(label=_("Szacunkowy koszt (zł)"), required=False, min_value=0)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
