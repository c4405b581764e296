"""Forms of the contracts sub-feature: the updated budget (dates and sources, the schedule's terms, the cost
lines), the contract's variables, signing (the representatives, paper or the signed file), an annex and the
desk's filters. Forms only present and parse; the rules are the service's (`services/contracts.py`)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from centrum.core.forms import AmountField, DateInput

from ..choices import CostCategory, PaperSigning
from ..services.contracts import SOURCE_FIELDS, UpdateContent
from .offers import SharesForm

YEAR_FIELDS = ("year_1", "year_2", "year_3")


class UpdateHeaderForm(forms.Form):
    start_date = forms.DateField(label=_("Data rozpoczęcia zadania"), widget=DateInput())
    end_date = forms.DateField(label=_("Data zakończenia zadania"), widget=DateInput())
    own_financial = AmountField(label=_("Wkład własny finansowy (zł)"), required=False, min_value=0)
    own_personal = AmountField(label=_("Wkład osobowy (zł)"), required=False, min_value=0)
    own_material = AmountField(label=_("Wkład rzeczowy (zł)"), required=False, min_value=0)
    recipient_fees = AmountField(
        label=_("Świadczenia pieniężne od odbiorców zadania (zł)"), required=False, min_value=0
    )


class UpdateActionForm(forms.Form):
    name = forms.CharField(label=_("Nazwa działania"), max_length=300)
    planned_term = forms.CharField(label=_("Planowany termin realizacji"), max_length=200, required=False)


class UpdateLineForm(forms.Form):
    # The first choice is what an untouched empty row posts: with it as the initial value, that row is
    # skipped rather than validated.
    category = forms.ChoiceField(
        label=_("Kategoria"), choices=CostCategory.choices, initial=CostCategory.ACTIONS
    )
    action = forms.TypedChoiceField(label=_("Działanie"), coerce=int, required=False, empty_value=None)
    kind = forms.CharField(label=_("Rodzaj kosztu"), max_length=300)
    unit = forms.CharField(label=_("Rodzaj miary"), max_length=60, required=False)
    unit_cost = AmountField(label=_("Koszt jednostkowy (zł)"), min_value=0)
    units = AmountField(label=_("Liczba jednostek"), min_value=0)
    year_1 = AmountField(label=_("Rok 1 (zł)"), required=False, min_value=0)
    year_2 = AmountField(label=_("Rok 2 (zł)"), required=False, min_value=0)
    year_3 = AmountField(label=_("Rok 3 (zł)"), required=False, min_value=0)

    def __init__(self, *args, actions=(), years: int = 1, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", _("— administracyjne —"))] + [
            (str(i), f"{i + 1}. {name}") for i, name in enumerate(actions)
        ]
        for name in YEAR_FIELDS[years:] if years > 1 else YEAR_FIELDS:
            del self.fields[name]


UpdateActionFormSet = forms.formset_factory(UpdateActionForm, extra=0, max_num=50, validate_max=True)
UpdateLineFormSet = forms.formset_factory(
    UpdateLineForm, extra=1, can_delete=True, max_num=200, validate_max=True
)


class BudgetUpdateForms:
    """The update's three parts posted together; `content()` gives the service's `UpdateContent`."""

    def __init__(self, content: UpdateContent, *, data=None, years: int = 1, offerors=()):
        actions = [a.get("name") or "" for a in content.actions]
        self.years = years
        # A joint offer's V.C (the offerors of II.1 stay as the offer named them).
        self.shares = SharesForm(
            data,
            offerors=offerors,
            years=years,
            initial={f"share_{i}_{y}": v for (i, y), v in content.shares.items()},
            prefix="vc",
        )
        self.header = UpdateHeaderForm(data, initial=content.header, prefix="h")
        self.actions = UpdateActionFormSet(data, initial=content.actions, prefix="actions")
        self.lines = UpdateLineFormSet(
            data,
            initial=[
                {**ln, "action": "" if ln.get("action") is None else str(ln["action"])}
                for ln in content.lines
            ],
            prefix="lines",
            form_kwargs={"actions": actions, "years": years},
        )

    @property
    def forms(self):
        return [self.header, self.actions, self.lines, self.shares]

    def is_valid(self) -> bool:
        results = [f.is_valid() for f in self.forms]  # every part validated, so each shows its errors
        return all(results)

    def content(self) -> UpdateContent:
        header = dict(self.header.cleaned_data)
        for name in SOURCE_FIELDS:
            header[name] = header.get(name) or 0
        lines = []
        for form in self.lines.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if not data or data.get("DELETE"):
                continue
            row = {k: v for k, v in data.items() if k != "DELETE"}
            if row.get("category") == CostCategory.ADMINISTRATIVE:
                row["action"] = None
            lines.append(row)
        return UpdateContent(
            header=header,
            actions=[f.cleaned_data for f in self.actions.forms if getattr(f, "cleaned_data", None)],
            lines=lines,
            shares=self.shares.shares(),
        )


class ContractForm(forms.Form):
    """The variables the official sets on a draft contract (the amounts come from the offer)."""

    number = forms.CharField(label=_("Numer umowy"), max_length=60)
    title = forms.CharField(label=_("Tytuł zadania publicznego"), max_length=300)
    organ = forms.CharField(label=_("Organ zlecający"), max_length=300)
    organ_representative = forms.CharField(
        label=_("W imieniu organu podpisuje (imię, nazwisko, funkcja)"), max_length=300, required=False
    )
    start_date = forms.DateField(label=_("Data rozpoczęcia realizacji zadania"), widget=DateInput())
    end_date = forms.DateField(label=_("Data zakończenia realizacji zadania"), widget=DateInput())
    spending_deadline = forms.DateField(label=_("Termin wykorzystania dotacji"), widget=DateInput())
    bank_account = forms.CharField(
        label=_("Numer rachunku bankowego zleceniobiorcy (IBAN)"),
        max_length=40,
        help_text=_("Polski rachunek: 26 cyfr, z PL lub bez."),
    )
    line_tolerance_percent = AmountField(
        label=_("Dopuszczalne zwiększenie pozycji kosztorysu (%)"), min_value=0, max_value=100
    )
    share_tolerance_points = AmountField(
        label=_("Dopuszczalna zmiana udziału dotacji (punkty procentowe)"), min_value=0, max_value=100
    )

    def values(self) -> dict:
        return dict(self.cleaned_data)


class SigningForm(forms.Form):
    """Who signed for the organisation (chosen from the KRS representation, or typed) and how."""

    representatives = forms.MultipleChoiceField(
        label=_("Osoby reprezentujące organizację (z odpisu KRS)"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    other_representatives = forms.CharField(
        label=_("Inne osoby (każda w osobnym wierszu: imię i nazwisko – funkcja)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
        help_text=_("Gdy organizacji nie ma w KRS lub odpis nie pokazuje nazwisk."),
    )
    signing = forms.ChoiceField(
        label=_("Jak podpisano"), choices=PaperSigning.choices, widget=forms.RadioSelect
    )
    signed_file = forms.FileField(
        label=_("Plik podpisany elektronicznie (PDF PAdES lub XML XAdES)"),
        required=False,
        help_text=_("Plik musi zawierać sumę kontrolną dokumentu."),
    )

    def __init__(self, *args, persons=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.persons = list(persons)
        self.fields["representatives"].choices = [
            (str(i), f"{p['name']} – {p['function']}" if p["function"] else p["name"])
            for i, p in enumerate(self.persons)
        ]
        if not self.persons:
            del self.fields["representatives"]

    def clean(self):
        data = super().clean()
        if data.get("signing") == PaperSigning.SIGNED_FILE and not data.get("signed_file"):
            self.add_error("signed_file", _("Dołącz plik podpisany elektronicznie."))
        return data

    def chosen(self) -> list[dict]:
        people = [self.persons[int(i)] for i in self.cleaned_data.get("representatives") or []]
        for line in (self.cleaned_data.get("other_representatives") or "").splitlines():
            name, _sep, function = line.replace("—", "–").partition("–")
            if name.strip():
                people.append({"name": name.strip(), "function": function.strip()})
        return people


class ContractSigningForm(SigningForm):
    concluded_on = forms.DateField(label=_("Data zawarcia umowy"), widget=DateInput(), required=False)
    organ_representative = forms.CharField(
        label=_("W imieniu organu podpisał(a)"), max_length=300, required=False
    )


class AnnexForm(forms.Form):
    """What an annex changes: leave a field empty to keep the contract's value."""

    description = forms.CharField(
        label=_("Czego dotyczy zmiana (treść aneksu)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
    )
    concluded_on = forms.DateField(label=_("Data zawarcia aneksu"), widget=DateInput(), required=False)
    grant_amount = AmountField(label=_("Nowa kwota dotacji (zł)"), required=False, min_value=0)
    start_date = forms.DateField(label=_("Nowa data rozpoczęcia"), widget=DateInput(), required=False)
    end_date = forms.DateField(label=_("Nowa data zakończenia"), widget=DateInput(), required=False)
    spending_deadline = forms.DateField(
        label=_("Nowy termin wykorzystania dotacji"), widget=DateInput(), required=False
    )
    bank_account = forms.CharField(label=_("Nowy numer rachunku (IBAN)"), max_length=40, required=False)

    def __init__(self, *args, lines=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.line_names = []
        for line in lines:
            name = f"line_{line.pk}"
            self.fields[name] = AmountField(
                label=_("Nowa wartość pozycji „%(kind)s” (teraz %(value)s zł)")
                % {"kind": line.kind, "value": line.value},
                required=False,
                min_value=0,
            )
            self.line_names.append((line.pk, name))

    def values(self) -> dict:
        data = self.cleaned_data
        values = {
            k: data.get(k)
            for k in (
                "description",
                "concluded_on",
                "grant_amount",
                "start_date",
                "end_date",
                "spending_deadline",
                "bank_account",
            )
        }
        values["lines"] = {pk: data.get(name) for pk, name in self.line_names if data.get(name) is not None}
        return values
