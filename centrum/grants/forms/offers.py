"""The offer form (annex 1 to Dz.U. 2018 poz. 2057): the header (II.2, III, IV, V.B, VI, VII), a formset per
table (II.1 offerors, III.4 actions, III.6 results, V.A cost lines) and V.C's split. Forms only present and
parse (amounts typed the Polish way: "1 234,56"); the rules are the service's (`services/offers.py`)."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from .. import budget as B
from ..choices import CostCategory
from ..services.offers import (
    ACTION_FIELDS,
    DECLARATIONS,
    HEADER_FIELDS,
    OFFEROR_FIELDS,
    RESULT_FIELDS,
    OfferContent,
    content_of,
)

MONEY_FIELDS = ("requested_grant", "own_financial", "own_personal", "own_material", "recipient_fees")


class AmountField(forms.CharField):
    """A number as a person types it: "1 234,56", "1234.56"; at most `places` decimals."""

    def __init__(self, *, places: int = 2, min_value: Decimal | None = Decimal("0"), **kwargs):
        self.places, self.min_value = places, min_value
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 30)
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "inputmode": "decimal", "autocomplete": "off"}

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return f"{value:f}".replace(".", ",")
        return value

    def clean(self, value):
        text = super().clean(value)
        try:
            amount = B.parse_amount(text)
        except ValueError:
            raise forms.ValidationError(_("Wpisz liczbę, np. 1 234,56.")) from None
        if amount is None:
            return None
        if amount != amount.quantize(Decimal(1).scaleb(-self.places)):
            raise forms.ValidationError(
                _("Najwyżej %(places)s miejsca po przecinku.") % {"places": self.places}
            )
        if self.min_value is not None and amount < self.min_value:
            raise forms.ValidationError(_("Kwota nie może być ujemna."))
        if abs(amount) > B.MAX_AMOUNT:
            raise forms.ValidationError(_("Kwota jest zbyt duża."))
        return amount


class OfferHeaderForm(forms.Form):
    contact_name = forms.CharField(label=_("Imię i nazwisko"), max_length=200, required=False)
    contact_email = forms.EmailField(label=_("E-mail"), required=False)
    contact_phone = forms.CharField(label=_("Telefon"), max_length=40, required=False)
    title = forms.CharField(label=_("1. Tytuł zadania publicznego"), max_length=300, required=False)
    start_date = forms.DateField(
        label=_("2. Data rozpoczęcia"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    end_date = forms.DateField(
        label=_("Data zakończenia"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    synopsis = forms.CharField(
        label=_("3. Syntetyczny opis zadania"),
        help_text=_(
            "Miejsce realizacji, grupa docelowa, sposób rozwiązania jej problemów, komplementarność."
        ),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=10000,
    )
    results_description = forms.CharField(
        label=_("5. Opis zakładanych rezultatów"),
        help_text=_("Co będzie bezpośrednim efektem, jaka zmiana społeczna, czy rezultaty będą trwałe."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=10000,
    )
    past_activity = forms.CharField(
        label=_("1. Informacja o wcześniejszej działalności oferenta"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=10000,
    )
    resources = forms.CharField(
        label=_("2. Zasoby kadrowe, rzeczowe i finansowe"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=10000,
    )
    requested_grant = AmountField(label=_("2. Planowana dotacja"))
    own_financial = AmountField(label=_("3.1 Wkład własny finansowy"))
    own_personal = AmountField(label=_("3.2 Wkład osobowy (praca społeczna, wolontariat)"))
    own_material = AmountField(label=_("3.2 Wkład rzeczowy"))
    recipient_fees = AmountField(label=_("4. Świadczenia pieniężne od odbiorców zadania"))
    paid_activity = forms.BooleanField(
        label=_("1. Zadanie będzie realizowane w ramach działalności odpłatnej pożytku publicznego"),
        required=False,
    )
    paid_activity_note = forms.CharField(
        label=_("Uwagi do deklaracji"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )
    other_information = forms.CharField(
        label=_("3. Inne działania, które mogą mieć znaczenie przy ocenie oferty"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=10000,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, text, required in DECLARATIONS:
            self.fields[f"declaration_{key}"] = forms.BooleanField(
                label=text, required=False, help_text=None if required else _("Nieobowiązkowe.")
            )

    def header(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in HEADER_FIELDS}

    def declarations(self) -> dict:
        return {key: bool(self.cleaned_data.get(f"declaration_{key}")) for key, _t, _r in DECLARATIONS}


class OfferorForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Wybierz z rejestru (dane zostaną uzupełnione)"), queryset=None, required=False
    )
    name = forms.CharField(label=_("Nazwa oferenta"), max_length=300, required=False)
    legal_form = forms.CharField(label=_("Forma prawna"), max_length=200, required=False)
    register_number = forms.CharField(
        label=_("Numer w KRS lub innej ewidencji"), max_length=60, required=False
    )
    seat = forms.CharField(label=_("Adres siedziby"), max_length=300, required=False)
    website = forms.CharField(label=_("Strona www"), max_length=300, required=False)
    correspondence_address = forms.CharField(
        label=_("Adres do korespondencji"), max_length=300, required=False
    )
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Telefon"), max_length=40, required=False)
    actions_scope = forms.CharField(
        label=_("Działania tego oferenta i sposób reprezentacji (VI.2)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=4000,
    )

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations

    def row(self) -> dict:
        from ..services.offers import offeror_from_registry

        data = {
            name: self.cleaned_data.get(name) or "" for name in OFFEROR_FIELDS if name != "organisation_id"
        }
        organisation = self.cleaned_data.get("organisation")
        if organisation is not None:
            registry = offeror_from_registry(organisation)
            data = {**registry, **{k: v for k, v in data.items() if v and k != "name"}}
            data["name"] = data.get("name") or registry["name"]
        data["organisation_id"] = organisation.pk if organisation is not None else None
        return data


class ActionForm(forms.Form):
    name = forms.CharField(label=_("Nazwa działania"), max_length=300, required=False)
    description = forms.CharField(
        label=_("Opis"), required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=4000
    )
    target_group = forms.CharField(label=_("Grupa docelowa"), max_length=300, required=False)
    planned_term = forms.CharField(label=_("Planowany termin realizacji"), max_length=200, required=False)
    subcontracted_scope = forms.CharField(
        label=_("Zakres realizowany przez podmiot niebędący stroną umowy"), max_length=300, required=False
    )
    year = forms.IntegerField(
        label=_("Rok (zadanie wieloletnie)"), required=False, min_value=2000, max_value=2100
    )

    def row(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in ACTION_FIELDS}


class ResultForm(forms.Form):
    name = forms.CharField(label=_("Nazwa rezultatu"), max_length=300, required=False)
    target_value = AmountField(label=_("Planowany poziom osiągnięcia (wartość docelowa)"))
    monitoring = forms.CharField(
        label=_("Sposób monitorowania / źródło informacji"), max_length=500, required=False
    )

    def row(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in RESULT_FIELDS}


class CostLineForm(forms.Form):
    category = forms.ChoiceField(
        label=_("Kategoria"), choices=CostCategory.choices, initial=CostCategory.ACTIONS
    )
    action = forms.TypedChoiceField(label=_("Działanie"), required=False, coerce=int, empty_value=None)
    kind = forms.CharField(label=_("Rodzaj kosztu"), max_length=300, required=False)
    unit = forms.CharField(label=_("Rodzaj miary"), max_length=60, required=False)
    unit_cost = AmountField(label=_("Koszt jednostkowy (zł)"))
    units = AmountField(label=_("Liczba jednostek"))
    year_1 = AmountField(label=_("Rok 1 (zł)"))
    year_2 = AmountField(label=_("Rok 2 (zł)"))
    year_3 = AmountField(label=_("Rok 3 (zł)"))

    def __init__(self, *args, action_choices=(), years: int = 1, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", _("— kategoria II: bez działania —")), *action_choices]
        for index in range(years + 1, 4):
            del self.fields[f"year_{index}"]
        if years == 1:
            del self.fields["year_1"]

    def row(self) -> dict:
        data = {
            name: self.cleaned_data.get(name)
            for name in ("category", "action", "kind", "unit", "unit_cost", "units")
        }
        for year in ("year_1", "year_2", "year_3"):
            data[year] = self.cleaned_data.get(year)
        if data["category"] == CostCategory.ADMINISTRATIVE:
            data["action"] = None
        return data


class SharesForm(forms.Form):
    """V.C: one amount per offeror and year."""

    def __init__(self, *args, offerors=(), years: int = 1, **kwargs):
        super().__init__(*args, **kwargs)
        self.cells = []
        for index, name in enumerate(offerors):
            for year in range(1, years + 1):
                key = f"share_{index}_{year}"
                self.fields[key] = AmountField(
                    label=_("%(name)s – rok %(year)s (zł)") % {"name": name or index + 1, "year": year}
                )
                self.cells.append((index, year, key))

    def shares(self) -> dict:
        return {
            (index, year): self.cleaned_data.get(key)
            for index, year, key in self.cells
            if self.cleaned_data.get(key) is not None
        }


Offerors = forms.formset_factory(OfferorForm, extra=0, can_delete=True, max_num=20, absolute_max=20)
Actions = forms.formset_factory(ActionForm, extra=0, can_delete=True, max_num=50, absolute_max=50)
Results = forms.formset_factory(ResultForm, extra=0, can_delete=True, max_num=50, absolute_max=50)
Lines = forms.formset_factory(CostLineForm, extra=0, can_delete=True, max_num=200, absolute_max=200)
TABLES = ("offerors", "actions", "results", "lines")


class OfferForms:
    """Every form of the page, bound or initial, and the content they give."""

    def __init__(self, offer, *, data=None, organisations=None, years: int = 1, add: str = ""):
        self.offer = offer
        stored = content_of(offer) if data is None else None
        if data is not None and add in TABLES:
            data = data.copy()
            key = f"{add}-TOTAL_FORMS"
            try:
                data[key] = str(min(int(data.get(key, 0)) + 1, 200))
            except ValueError:
                data[key] = "1"
        self.header = OfferHeaderForm(
            data,
            initial=None
            if stored is None
            else {
                **stored.header,
                **{f"declaration_{k}": v for k, v in stored.declarations.items()},
            },
        )
        self.offerors = Offerors(
            data,
            prefix="offerors",
            initial=None if stored is None else stored.offerors,
            form_kwargs={"organisations": organisations},
        )
        self.actions = Actions(data, prefix="actions", initial=None if stored is None else stored.actions)
        action_names = self._action_names(data, stored)
        self.years = years
        self.lines = Lines(
            data,
            prefix="lines",
            initial=None if stored is None else stored.lines,
            form_kwargs={
                "action_choices": [(i, f"I.{i + 1} {name}") for i, name in enumerate(action_names)],
                "years": years,
            },
        )
        self.results = Results(data, prefix="results", initial=None if stored is None else stored.results)
        offeror_names = self._offeror_names(data, stored)
        self.shares = SharesForm(
            data,
            offerors=offeror_names if offer.is_joint else (),
            years=years,
            initial=None if stored is None else {f"share_{i}_{y}": v for (i, y), v in stored.shares.items()},
        )
        if data is None and add in TABLES:
            getattr(self, add).extra = 1

    def _action_names(self, data, stored):
        if stored is not None:
            return [a.get("name") or "" for a in stored.actions]
        try:
            count = int(data.get("actions-TOTAL_FORMS", 0))
        except ValueError:
            count = 0
        return [data.get(f"actions-{i}-name", "") for i in range(min(count, 50))]

    def _offeror_names(self, data, stored):
        if stored is not None:
            return [o.get("name") or "" for o in stored.offerors]
        try:
            count = int(data.get("offerors-TOTAL_FORMS", 0))
        except ValueError:
            count = 0
        return [data.get(f"offerors-{i}-name", "") for i in range(min(count, 20))]

    @property
    def all(self):
        return [self.header, self.offerors, self.actions, self.results, self.lines, self.shares]

    def is_valid(self) -> bool:
        checked = [f.is_valid() for f in self.all]  # every form, so each shows its errors
        return all(checked)

    def _kept(self, formset):
        """(form, content index) of the rows not marked for removal (an untouched blank row is dropped)."""
        kept = []
        for form in formset.forms:
            if (
                not form.is_valid()
                or form.cleaned_data.get("DELETE")
                or not form.has_changed()
                and not form.initial
            ):
                continue
            kept.append(form)
        return kept

    def content(self) -> tuple[OfferContent, dict[str, str]]:
        """The content and, for each table row's content index, the form prefix (so problems find fields)."""
        prefixes: dict = {}
        tables = {}
        for name in TABLES:
            rows = []
            for index, form in enumerate(self._kept(getattr(self, name))):
                rows.append(form)
                prefixes[(name, index)] = f"{form.prefix}-"
            tables[name] = rows
        # A line's action is the index of the action among the posted rows; removed actions shift the rest.
        posted_actions = list(self.actions.forms)
        kept_actions = tables["actions"]
        renumber = {posted_actions.index(f): i for i, f in enumerate(kept_actions)}
        lines = []
        for form in tables["lines"]:
            row = form.row()
            row["action"] = renumber.get(row["action"]) if row.get("action") is not None else None
            lines.append(row)
        kept_offerors = tables["offerors"]
        posted_offerors = list(self.offerors.forms)
        offeror_renumber = {posted_offerors.index(f): i for i, f in enumerate(kept_offerors)}
        shares = {
            (offeror_renumber[i], year): amount
            for (i, year), amount in self.shares.shares().items()
            if i in offeror_renumber
        }
        content = OfferContent(
            header=self.header.header(),
            declarations=self.header.declarations(),
            offerors=[f.row() for f in kept_offerors],
            actions=[f.row() for f in kept_actions],
            results=[f.row() for f in tables["results"]],
            lines=lines,
            shares=shares,
        )
        return content, prefixes

    def errors(self) -> list[tuple[str, str]]:
        """(field html name, message) of every parsing error."""
        found = []
        for form in [self.header, self.shares, *self.offerors, *self.actions, *self.results, *self.lines]:
            for name, messages in form.errors.items():
                html = form.add_prefix(name) if name != "__all__" else (form.prefix or "form")
                found.extend((html, str(m)) for m in messages)
        for formset in (self.offerors, self.actions, self.results, self.lines):
            found.extend((formset.prefix, str(m)) for m in formset.non_form_errors())
        return found


class NewOfferForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Organizacja składająca ofertę"), queryset=None)
    is_joint = forms.BooleanField(label=_("Oferta wspólna (kilku oferentów, art. 14 ust. 2)"), required=False)
    clone_from = forms.ModelChoiceField(
        label=_("Skopiuj treść z wcześniejszej oferty (nieobowiązkowe)"), queryset=None, required=False
    )

    def __init__(self, *args, organisations, past_offers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["clone_from"].queryset = past_offers
        self.fields["clone_from"].label_from_instance = lambda o: f"{o.title or o.pk} ({o.competition})"


class SignedFileForm(forms.Form):
    signed_file = forms.FileField(
        label=_("Podpisane potwierdzenie (PDF z podpisem PAdES lub XML XAdES)"),
        help_text=_("Plik musi zawierać sumę kontrolną tej oferty."),
    )


class ShareForm(forms.Form):
    user = forms.ModelChoiceField(label=_("Doradca centrum"), queryset=None)

    def __init__(self, *args, advisers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = advisers


class CommentForm(forms.Form):
    body = forms.CharField(label=_("Uwaga"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)
