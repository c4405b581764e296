"""Forms of the `reports` sub-feature: the report (annex 5; the simplified one for a small grant), the
official's demand, acceptance and request for corrections, a return's payment, the control's plan,
protocol and recommendations. They present; the services decide."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from centrum.core.forms import AmountField, DateInput

from ..choices import ControlPhase, ReportKind

TEXT_MAX = 10000
MAX_RESULT = Decimal("9999999999")


class ReportForm(forms.Form):
    """Parts I–III; the cost lines and results get a field per row (`line-<id>-value`, `line-<id>-grant`,
    `result-<id>`, `result-<id>-comment`)."""

    actions_done = forms.CharField(
        label=_("Opis wykonania zadania: działania zrealizowane, ich terminy i miejsce"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=TEXT_MAX,
        required=False,
    )
    results_description = forms.CharField(
        label=_("Opis osiągniętych rezultatów (w tym trwałość i zmiana społeczna)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=TEXT_MAX,
        required=False,
    )
    own_financial = AmountField(label=_("Wkład własny finansowy (zł)"), min_value=0, required=False)
    own_personal = AmountField(label=_("Wkład osobowy (zł)"), min_value=0, required=False)
    own_material = AmountField(label=_("Wkład rzeczowy (zł)"), min_value=0, required=False)
    recipient_fees = AmountField(
        label=_("Świadczenia pieniężne od odbiorców zadania (zł)"), min_value=0, required=False
    )
    excess_acknowledged = forms.BooleanField(
        label=_(
            "Pozycje ponad dopuszczalne zwiększenie: nadwyżkę zwrócimy jako dotację wykorzystaną niezgodnie z umową"
        ),
        required=False,
    )
    extra_info = forms.CharField(
        label=_("Dodatkowe informacje (np. o wkładzie osobowym i rzeczowym, odsetkach, przychodach)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=TEXT_MAX,
        required=False,
    )
    declarations = forms.BooleanField(
        label=_(
            "Oświadczam, że od daty zawarcia umowy nie zmienił się status prawny organizacji, informacje w "
            "sprawozdaniu są zgodne z prawdą, a zamówienia i wydatki dokonano zgodnie z przepisami."
        ),
        required=False,
    )

    def __init__(self, *args, report, lines, results, simplified: bool, **kwargs):
        initial = {
            name: getattr(report, name)
            for name in (
                "actions_done",
                "results_description",
                "own_financial",
                "own_personal",
                "own_material",
                "recipient_fees",
                "excess_acknowledged",
                "extra_info",
                "declarations",
            )
        }
        super().__init__(*args, initial=initial, **kwargs)
        if simplified:
            # The simplified report (Dz.U. 2018 poz. 2055) has a shorter Part I: one description.
            del self.fields["results_description"]
        self.line_rows = []
        for row in lines:
            planned = row.planned
            value = AmountField(label=_("Koszt ogółem (zł)"), min_value=0, required=False)
            grant = AmountField(label=_("w tym z dotacji (zł)"), min_value=0, required=False)
            self.fields[f"line-{planned.pk}-value"] = value
            self.fields[f"line-{planned.pk}-grant"] = grant
            self.initial[f"line-{planned.pk}-value"] = row.actual_value
            self.initial[f"line-{planned.pk}-grant"] = row.actual_grant
            self.line_rows.append((row, f"line-{planned.pk}-value", f"line-{planned.pk}-grant"))
        self.result_rows = []
        for row in results:
            rid = row.result_id
            self.fields[f"result-{rid}"] = forms.DecimalField(
                label=_("Osiągnięty poziom"),
                min_value=0,
                max_value=MAX_RESULT,
                decimal_places=2,
                required=False,
            )
            self.fields[f"result-{rid}-comment"] = forms.CharField(
                label=_("Uwagi (np. przyczyny nieosiągnięcia)"), max_length=500, required=False
            )
            self.initial[f"result-{rid}"] = row.achieved_value
            self.initial[f"result-{rid}-comment"] = row.comment
            self.result_rows.append((row, f"result-{rid}", f"result-{rid}-comment"))

    def bound_lines(self):
        return [(row, self[value], self[grant]) for row, value, grant in self.line_rows]

    def bound_results(self):
        return [(row, self[value], self[comment]) for row, value, comment in self.result_rows]

    def split(self) -> tuple[dict, dict, dict]:
        data = self.cleaned_data
        plain = {
            name: (
                data.get(name)
                if data.get(name) is not None
                else (Decimal("0") if "own" in name or "fees" in name else "")
            )
            for name in self.fields
            if not name.startswith(("line-", "result-"))
        }
        for flag in ("excess_acknowledged", "declarations"):
            plain[flag] = bool(data.get(flag))
        lines = {
            row.planned_id: (data.get(value) or Decimal("0"), data.get(grant) or Decimal("0"))
            for row, value, grant in self.line_rows
        }
        results = {
            row.result_id: (
                data.get(value) if data.get(value) is not None else Decimal("0"),
                data.get(comment) or "",
            )
            for row, value, comment in self.result_rows
        }
        return plain, lines, results


class ReportStartForm(forms.Form):
    kind = forms.ChoiceField(label=_("Rodzaj"), choices=ReportKind.choices)
    period_year = forms.IntegerField(label=_("Rok budżetowy"), min_value=2000, max_value=2100, required=False)


class ReportDemandForm(forms.Form):
    due_on = forms.DateField(label=_("Termin złożenia sprawozdania częściowego"), widget=DateInput())
    scope = forms.CharField(
        label=_("Za jaki okres lub zakres"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class ReportAcceptForm(forms.Form):
    extra_amount = AmountField(
        label=_("Dodatkowa kwota do zwrotu (zł)"),
        min_value=0,
        required=False,
        help_text=_(
            "Np. wydatki niekwalifikowane stwierdzone przy sprawdzaniu dokumentów; zostaw puste, gdy brak."
        ),
    )
    extra_reason = forms.CharField(
        label=_("Uzasadnienie dodatkowej kwoty"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )


class ReportCorrectionForm(forms.Form):
    reason = forms.CharField(
        label=_("Co organizacja ma poprawić"), widget=forms.Textarea(attrs={"rows": 4}), max_length=2000
    )
    due_on = forms.DateField(
        label=_("Termin poprawienia"),
        widget=DateInput(),
        required=False,
        help_text=_("Puste: tyle dni od dziś, ile mówią ustawienia centrum."),
    )


class ReturnPaymentForm(forms.Form):
    paid_on = forms.DateField(label=_("Data wpłaty"), widget=DateInput())
    amount_paid = AmountField(label=_("Wpłacona kwota (zł)"), min_value=0)


class ControlForm(forms.Form):
    phase = forms.ChoiceField(label=_("Kontrola"), choices=ControlPhase.choices)
    planned_on = forms.DateField(label=_("Data kontroli"), widget=DateInput())
    scope = forms.CharField(
        label=_(
            "Zakres (stopień realizacji, efektywność, rzetelność, jakość, wydatkowanie dotacji, dokumentacja)"
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
    )
    controllers = forms.CharField(label=_("Kontrolujący (imiona, nazwiska, stanowiska)"), max_length=300)


class ProtocolForm(forms.Form):
    protocol_on = forms.DateField(label=_("Data protokołu"), widget=DateInput())
    findings = forms.CharField(
        label=_("Ustalenia kontroli"), widget=forms.Textarea(attrs={"rows": 6}), max_length=TEXT_MAX
    )
    protocol_file = forms.FileField(
        label=_("Podpisany protokół (PDF, do 10 MB)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
    )

    def clean_protocol_file(self):
        upload = self.cleaned_data.get("protocol_file")
        if upload is None:
            return None
        if upload.size > 10 * 1024 * 1024:
            raise forms.ValidationError(_("Plik jest większy niż 10 MB."))
        head = upload.read(5)
        upload.seek(0)
        if head != b"%PDF-":
            raise forms.ValidationError(_("Dołącz protokół jako plik PDF."))
        return upload


class RecommendationForm(forms.Form):
    text = forms.CharField(label=_("Zalecenie"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)
    due_on = forms.DateField(label=_("Termin wykonania"), widget=DateInput())


class RecommendationDoneForm(forms.Form):
    done_on = forms.DateField(label=_("Data wykonania"), widget=DateInput())
    done_note = forms.CharField(label=_("Sposób wykonania"), max_length=500, required=False)
