"""Forms of small grants (art. 19a): the simplified offer (the header, the results and the cost lines as
formsets), the publication on the three channels, a public comment (spam-guarded by core's `antispam`),
the official's response, the contract's variables. Forms only present and parse; the rules are the
service's (`services/small_grants.py`)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from centrum.core import antispam
from centrum.core.forms import AmountField as MoneyField
from centrum.core.forms import DateInput

from ..choices import SMALL_GRANT_CHANNELS, Channel, CostCategory
from ..simplified_offer import DECLARATIONS, HEADER_FIELDS, Content
from .offers import AmountField


def _text(label, *, rows: int = 0, max_length: int = 300, **kwargs):
    widget = forms.Textarea(attrs={"rows": rows}) if rows else None
    return forms.CharField(label=label, max_length=max_length, required=False, widget=widget, **kwargs)


class HeaderForm(forms.Form):
    # I.
    organ = _text(_("1. Organ administracji publicznej, do którego adresowana jest oferta"), max_length=200)
    task_kind = _text(_("2. Rodzaj zadania publicznego"))
    title = _text(_("3. Tytuł zadania publicznego"))
    start_date = forms.DateField(label=_("4. Data rozpoczęcia"), required=False, widget=DateInput())
    end_date = forms.DateField(label=_("Data zakończenia"), required=False, widget=DateInput())
    # II.
    offeror_name = _text(_("Nazwa oferenta"))
    legal_form = _text(_("Forma prawna"), max_length=200)
    register_number = _text(_("Numer w KRS lub innej ewidencji"), max_length=60)
    seat = _text(_("Adres siedziby"))
    email = forms.EmailField(label=_("E-mail oferenta"), required=False)
    phone = _text(_("Telefon oferenta"), max_length=40)
    contact_name = _text(_("Osoba do kontaktu: imię i nazwisko"), max_length=200)
    contact_email = forms.EmailField(label=_("Osoba do kontaktu: e-mail"), required=False)
    contact_phone = _text(_("Osoba do kontaktu: telefon"), max_length=40)
    bank_account = _text(
        _("Numer rachunku bankowego (do umowy)"),
        max_length=40,
        help_text=_("26 cyfr, można ze spacjami; sprawdzimy cyfry kontrolne przy umowie."),
    )
    # III.
    place = _text(_("1. Miejsce realizacji zadania"))
    description = _text(
        _("2. Opis zadania"),
        rows=5,
        max_length=10000,
        help_text=_("Co zrobicie, dla kogo i jak; jaka potrzeba zostanie zaspokojona."),
    )
    profile = _text(_("4. Krótka charakterystyka oferenta"), rows=3, max_length=5000)
    # IV. sources
    requested_grant = AmountField(label=_("Wnioskowana kwota dotacji"))
    own_financial = AmountField(label=_("Wkład własny finansowy"))
    own_personal = AmountField(label=_("Wkład własny niefinansowy: osobowy (praca społeczna, wolontariat)"))
    own_material = AmountField(label=_("Wkład własny niefinansowy: rzeczowy"))
    recipient_fees = AmountField(label=_("Świadczenia pieniężne od odbiorców zadania"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, text, _required in DECLARATIONS:
            self.fields[f"declaration_{key}"] = forms.BooleanField(label=text, required=False)


class ResultForm(forms.Form):
    name = _text(_("Nazwa rezultatu"))
    target_value = AmountField(label=_("Planowany poziom osiągnięcia"))
    monitoring = _text(_("Sposób monitorowania / źródło informacji"), max_length=500)


class CostLineForm(forms.Form):
    category = forms.ChoiceField(
        label=_("Kategoria"), choices=CostCategory.choices, initial=CostCategory.ACTIONS
    )
    kind = _text(_("Rodzaj kosztu"))
    unit = _text(_("Rodzaj miary"), max_length=60)
    unit_cost = AmountField(label=_("Koszt jednostkowy (zł)"))
    units = AmountField(label=_("Liczba jednostek"))
    grant_part = AmountField(label=_("W tym z dotacji (zł)"))


ResultFormSet = forms.formset_factory(ResultForm, extra=0, can_delete=True, max_num=30, absolute_max=30)
CostLineFormSet = forms.formset_factory(CostLineForm, extra=0, can_delete=True, max_num=60, absolute_max=60)
TABLES = ("results", "lines")


def _filled(form) -> bool:
    return form.has_changed() and not form.cleaned_data.get("DELETE")


class SmallGrantForms:
    """The header and the two tables of one offer, bound to a POST or filled from the stored offer."""

    def __init__(self, offer, *, data=None, add: str = ""):
        if data is None:
            header = {name: getattr(offer, name) for name in HEADER_FIELDS}
            header.update(
                {f"declaration_{k}": bool((offer.declarations or {}).get(k)) for k, _t, _r in DECLARATIONS}
            )
            self.header = HeaderForm(initial=header)
            results = [
                {f: getattr(r, f) for f in ("name", "target_value", "monitoring")}
                for r in offer.results.all()
            ]
            lines = [
                {f: getattr(ln, f) for f in ("category", "kind", "unit", "unit_cost", "units", "grant_part")}
                for ln in offer.cost_lines.all()
            ]
            self.results = ResultFormSet(prefix="results", initial=results or [{}])
            self.lines = CostLineFormSet(prefix="lines", initial=lines or [{}])
            self.results.extra = 0 if results else 1
            self.lines.extra = 0 if lines else 1
            return
        self.header = HeaderForm(data)
        self.results = ResultFormSet(data, prefix="results")
        self.lines = CostLineFormSet(data, prefix="lines")
        if add in TABLES:
            data = data.copy()
            formset = getattr(self, add)
            key = f"{formset.prefix}-TOTAL_FORMS"
            try:
                data[key] = str(min(int(data.get(key, 0)) + 1, 30 if add == "results" else 60))
            except ValueError:
                data[key] = "1"
            self.header = HeaderForm(data)
            self.results = ResultFormSet(data, prefix="results")
            self.lines = CostLineFormSet(data, prefix="lines")

    @property
    def all(self):
        return [self.header, self.results, self.lines]

    def is_valid(self) -> bool:
        return all([self.header.is_valid(), self.results.is_valid(), self.lines.is_valid()])

    def errors(self) -> list[tuple[str, str]]:
        pairs = [(self.header.add_prefix(n), str(m)) for n, ms in self.header.errors.items() for m in ms]
        for formset in (self.results, self.lines):
            pairs.extend((formset.prefix, str(m)) for m in formset.non_form_errors())
            for form in formset.forms:
                pairs.extend((form.add_prefix(n), str(m)) for n, ms in form.errors.items() for m in ms)
        return pairs

    def content(self) -> tuple[Content, dict]:
        """The posted content and, per (table, index in the content), the posted row's prefix."""
        data = self.header.cleaned_data
        prefixes = {}
        tables = {}
        for name in TABLES:
            rows = []
            for form in getattr(self, name).forms:
                if _filled(form):
                    prefixes[(name, len(rows))] = form.prefix + "-"
                    rows.append({k: v for k, v in form.cleaned_data.items() if k != "DELETE"})
            tables[name] = rows
        content = Content(
            header={name: data.get(name) for name in HEADER_FIELDS},
            results=tables["results"],
            lines=tables["lines"],
            declarations={k: bool(data.get(f"declaration_{k}")) for k, _t, _r in DECLARATIONS},
        )
        return content, prefixes


class NewSmallGrantForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Organizacja składająca ofertę"), queryset=None)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class PublicationForm(forms.Form):
    """The three channels of art. 19a ust. 3, each with its date and address; the reason when late."""

    reason = forms.CharField(
        label=_("Przyczyna publikacji po terminie (jeśli dotyczy)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, existing=None, **kwargs):
        super().__init__(*args, **kwargs)
        existing = existing or {}
        fields = {}
        for channel in SMALL_GRANT_CHANNELS:
            label = Channel(channel).label
            row = existing.get(channel)
            fields[f"{channel}_on"] = forms.DateField(
                label=_("%(channel)s: data publikacji") % {"channel": label},
                widget=DateInput(),
                initial=getattr(row, "published_on", None),
            )
            fields[f"{channel}_address"] = forms.CharField(
                label=_("%(channel)s: adres lub miejsce") % {"channel": label},
                max_length=500,
                initial=getattr(row, "address", ""),
            )
        fields["reason"] = self.fields.pop("reason")
        self.fields = fields

    def publications(self) -> dict:
        data = self.cleaned_data
        return {c: (data[f"{c}_on"], data[f"{c}_address"]) for c in SMALL_GRANT_CHANNELS}


class CommentForm(antispam.HumanCheckForm):
    stamp_salt = "grants.small_grant_comment"
    name = forms.CharField(label=_("Imię i nazwisko lub nazwa"), max_length=200)
    email = forms.EmailField(
        label=_("E-mail (nieobowiązkowo)"), required=False, help_text=_("Nie publikujemy go.")
    )
    body = forms.CharField(
        label=_("Uwaga do oferty"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5})
    )
    field_order = ["name", "email", "body", "website", "stamp"]


class ResponseForm(forms.Form):
    response = forms.CharField(
        label=_("Odpowiedź urzędu"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ContractForm(forms.Form):
    number = forms.CharField(
        label=_("Numer umowy"), max_length=60, required=False, help_text=_("Puste: nadamy kolejny numer.")
    )
    concluded_on = forms.DateField(label=_("Data zawarcia umowy"), widget=DateInput())
    spending_deadline = forms.DateField(label=_("Termin wykorzystania dotacji"), widget=DateInput())
    bank_account = forms.CharField(label=_("Numer rachunku bankowego (IBAN)"), max_length=40)
    line_tolerance_percent = MoneyField(
        label=_("Dopuszczalne zwiększenie pozycji kosztorysu (%)"),
        max_digits=5,
        min_value=0,
        max_value=100,
        required=False,
    )
