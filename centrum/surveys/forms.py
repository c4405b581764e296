"""Forms present; services decide. The answering form is built from the survey's questions; the service
checks every answer again (rules.clean_answer)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from centrum.core.antispam import HumanCheckForm
from centrum.core.forms import AmountField
from centrum.organisations.models import ActivityArea

from .choices import QuestionKind as K
from .choices import RespondentMode
from .models import AREA_CHOICES, Survey

DATETIME = {"type": "datetime-local"}


class SurveyForm(forms.ModelForm):
    class Meta:
        model = Survey
        fields = ["title", "description", "respondent_mode", "anonymous", "opens_at", "closes_at"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "respondent_mode": forms.RadioSelect,
            "opens_at": forms.DateTimeInput(attrs=DATETIME, format="%Y-%m-%dT%H:%M"),
            "closes_at": forms.DateTimeInput(attrs=DATETIME, format="%Y-%m-%dT%H:%M"),
        }
        help_texts = {
            "opens_at": _("Puste: otwierasz ręcznie. Gdy data nadejdzie, ankieta otworzy się sama."),
            "closes_at": _("Po tej chwili odpowiedzi nie są przyjmowane, a ankieta zamyka się sama."),
        }

    def clean(self):
        data = super().clean()
        if data.get("opens_at") and data.get("closes_at") and data["closes_at"] <= data["opens_at"]:
            self.add_error("closes_at", _("Zamknięcie musi nastąpić po otwarciu."))
        return data


class SectionForm(forms.Form):
    title = forms.CharField(label=_("Tytuł nowej sekcji"), max_length=200)


class QuestionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Rodzaj pytania"), choices=K.choices)
    text = forms.CharField(label=_("Treść pytania"), max_length=500)
    help_text = forms.CharField(label=_("Podpowiedź"), max_length=300, required=False)
    section = forms.ChoiceField(label=_("Sekcja"), required=False)
    required = forms.BooleanField(label=_("Wymagane"), required=False, initial=True)
    options = forms.CharField(
        label=_("Odpowiedzi do wyboru albo wiersze macierzy (jedna w linii)"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    allow_other = forms.BooleanField(label=_("Z odpowiedzią „inne” (tekst)"), required=False)
    scale_max = forms.IntegerField(label=_("Skala od 1 do"), required=False, min_value=2, max_value=10)
    scale_min_label = forms.CharField(label=_("Opis najniższej wartości"), max_length=80, required=False)
    scale_max_label = forms.CharField(label=_("Opis najwyższej wartości"), max_length=80, required=False)
    number_min = forms.DecimalField(
        label=_("Najmniejsza liczba"), required=False, max_digits=14, decimal_places=2
    )
    number_max = forms.DecimalField(
        label=_("Największa liczba"), required=False, max_digits=14, decimal_places=2
    )
    area = forms.ChoiceField(
        label=_("Obszar indeksu jakości współpracy"), choices=AREA_CHOICES, required=False
    )

    # Fields each kind shows (the htmx swap of the form draws only these).
    KIND_FIELDS = {
        K.SINGLE: ("options", "allow_other"),
        K.MULTIPLE: ("options", "allow_other"),
        K.SCALE: ("scale_max", "scale_min_label", "scale_max_label", "area"),
        K.TEXT: (),
        K.NUMBER: ("number_min", "number_max"),
        K.MATRIX: ("options", "scale_max", "scale_min_label", "scale_max_label", "area"),
    }
    COMMON = ("kind", "text", "help_text", "section", "required")

    def __init__(self, *args, sections=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.sections = {str(s.pk): s for s in sections}
        self.fields["section"].choices = [("", _("— bez sekcji —"))] + [
            (k, s.title) for k, s in self.sections.items()
        ]
        if not self.sections:
            del self.fields["section"]

    @property
    def current_kind(self) -> str:
        kind = (self.data.get("kind") if self.is_bound else None) or self.initial.get("kind") or K.SINGLE
        return kind if kind in K.values else K.SINGLE

    def kind_fields(self):
        return [self[name] for name in self.KIND_FIELDS[self.current_kind]]

    def common_fields(self):
        return [self[name] for name in self.COMMON if name in self.fields]

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        data["section"] = self.sections.get(data.get("section") or "")
        data["options"] = [line.strip() for line in (data.get("options") or "").splitlines() if line.strip()]
        for name in ("help_text", "scale_min_label", "scale_max_label", "area"):
            data[name] = data.get(name) or ""
        return data


class AnswerForm(forms.Form):
    """One field per question (a matrix: one per row); `values()` gives the raw values the service checks."""

    def __init__(self, *args, survey, groups, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.survey = survey
        self.groups = groups
        self.organisations = {str(o.pk): o for o in organisations}
        if survey.respondent_mode == RespondentMode.ORGANISATION:
            self.fields["organisation"] = forms.ChoiceField(
                label=_("Odpowiadam w imieniu organizacji"),
                choices=[(k, o.name) for k, o in self.organisations.items()],
            )
            if len(self.organisations) == 1:
                self.initial["organisation"] = next(iter(self.organisations))
        for _section, questions in groups:
            for question in questions:
                self._add(question)

    def _add(self, question) -> None:
        name = f"q{question.pk}"
        common = {"label": question.text, "required": question.required, "help_text": question.help_text}
        options = [(str(i), option) for i, option in enumerate(question.options)]
        scale = [(str(v), str(v)) for v in question.scale_values]
        if question.kind == K.SINGLE:
            field = forms.ChoiceField(choices=options, widget=forms.RadioSelect, **common)
        elif question.kind == K.MULTIPLE:
            field = forms.MultipleChoiceField(choices=options, widget=forms.CheckboxSelectMultiple, **common)
        elif question.kind == K.SCALE:
            ends = " – ".join(
                filter(
                    None,
                    [
                        question.scale_min_label and f"1: {question.scale_min_label}",
                        question.scale_max_label and f"{question.scale_max}: {question.scale_max_label}",
                    ],
                )
            )
            common["help_text"] = " ".join(filter(None, [question.help_text, ends]))
            field = forms.ChoiceField(
                choices=scale, widget=forms.RadioSelect(attrs={"class": "scale"}), **common
            )
        elif question.kind == K.NUMBER:
            field = forms.DecimalField(
                max_digits=14,
                decimal_places=2,
                min_value=question.number_min,
                max_value=question.number_max,
                **common,
            )
        elif question.kind == K.TEXT:
            field = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=5000, **common)
        else:
            for i, row in enumerate(question.options):
                self.fields[f"{name}_r{i}"] = forms.ChoiceField(
                    label=f"{question.text}: {row}",
                    choices=scale,
                    required=question.required,
                    widget=forms.RadioSelect(attrs={"class": "scale"}),
                    help_text=(i == 0 and question.scale_min_label)
                    and f"1: {question.scale_min_label} – {question.scale_max}: {question.scale_max_label}"
                    or "",
                )
            return
        if question.allow_other:
            field.required = False
            self.fields[name] = field
            self.fields[f"{name}_other"] = forms.CharField(
                label=_("Inne (jakie?)"), max_length=300, required=False
            )
            return
        self.fields[name] = field

    def bound_groups(self):
        """[(section, [(question, [bound fields])])] for the template."""
        drawn = []
        for section, questions in self.groups:
            items = []
            for question in questions:
                names = [n for n in self.fields if n == f"q{question.pk}" or n.startswith(f"q{question.pk}_")]
                items.append((question, [self[n] for n in names]))
            drawn.append((section, items))
        return drawn

    def values(self) -> tuple[dict, dict]:
        values, others = {}, {}
        for _section, questions in self.groups:
            for question in questions:
                name = f"q{question.pk}"
                if question.kind == K.MATRIX:
                    values[question.pk] = {
                        str(i): self.cleaned_data.get(f"{name}_r{i}") for i in range(len(question.options))
                    }
                else:
                    values[question.pk] = self.cleaned_data.get(name)
                if question.allow_other:
                    others[question.pk] = self.cleaned_data.get(f"{name}_other", "")
        return values, others

    @property
    def chosen_organisation(self):
        return self.organisations.get(self.cleaned_data.get("organisation") or "")


class OpenAnswerForm(HumanCheckForm, AnswerForm):
    """An open survey anyone may fill: the honeypot and time stamp, and an optional e-mail (one answer
    per address)."""

    stamp_salt = "centrum.surveys.answer"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"] = forms.EmailField(
            label=_("E-mail (nieobowiązkowy; jedna odpowiedź na adres)"), required=False
        )


class ResultsFilterForm(forms.Form):
    area = forms.ModelChoiceField(
        label=_("Dziedzina działalności organizacji"), queryset=ActivityArea.objects.all(), required=False
    )


class TargetForm(forms.Form):
    target = AmountField(label=_("Wartość docelowa"), required=False)


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("Rok"), min_value=2000, max_value=2100)
