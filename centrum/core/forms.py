import re

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.renderers import TemplatesSetting
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from .audit import action_label
from .centre_settings import REGISTRY
from .exceptions import ApplicationError
from .models import Centre
from .registry import MODULES, service_kind_choices
from .services import CENTRE_FIELDS, PROFILE_TEXT_FIELDS, hosts_parse, logo_validate
from .text import polish_sort_key
from .uploads import image_validate

WEEKDAYS = [
    (0, _("poniedziałek")),
    (1, _("wtorek")),
    (2, _("środa")),
    (3, _("czwartek")),
    (4, _("piątek")),
    (5, _("sobota")),
    (6, _("niedziela")),
]
VOIVODESHIPS = [
    "dolnośląskie",
    "kujawsko-pomorskie",
    "lubelskie",
    "lubuskie",
    "łódzkie",
    "małopolskie",
    "mazowieckie",
    "opolskie",
    "podkarpackie",
    "podlaskie",
    "pomorskie",
    "śląskie",
    "świętokrzyskie",
    "warmińsko-mazurskie",
    "wielkopolskie",
    "zachodniopomorskie",
]


def _formfield(model_field, **kwargs):
    if isinstance(model_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return model_field.formfield(**kwargs)


class LightSelect(forms.Select):
    """A `<select>` drawn in Python instead of one template per option: the same markup (attributes,
    `aria-*` from the field, `selected`), a fraction of the time for long lists (areas, districts).
    Grouped choices fall back to Django's templates."""

    def render(self, name, value, attrs=None, renderer=None):
        if any(isinstance(label, (list, tuple)) for _value, label in self.choices):
            return super().render(name, value, attrs, renderer)
        final = {"name": name, **self.build_attrs(self.attrs, attrs)}
        attributes = format_html_join(
            "",
            "{}",
            (
                (format_html(" {}", key) if value is True else format_html(' {}="{}"', key, value),)
                for key, value in final.items()
                if value is not False and value is not None
            ),
        )
        chosen = set(self.format_value(value))
        options = [
            format_html(
                '<option value="{}"{}>{}</option>',
                "" if option is None else str(option),
                mark_safe(" selected") if ("" if option is None else str(option)) in chosen else "",  # noqa: S308
                label,
            )
            for option, label in self.choices
        ]
        return format_html("<select{}>{}</select>", attributes, mark_safe("".join(options)))  # noqa: S308


class CentrumFormRenderer(TemplatesSetting):
    """The one way every form of every app is drawn (settings.FORM_RENDERER).

    `{{ form }}` and `{{ form.field.as_field_group }}` use core/forms/field.html: label, help text and
    errors as text next to the input; Django itself sets aria-invalid and aria-describedby.
    """

    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"


def add_application_error(
    form: forms.Form, error: ApplicationError, *, default_field: str | None = None
) -> None:
    """Show a broken rule a service raised next to its field, else next to `default_field` (when the
    form has one), else in the error summary above the form."""
    for name in (error.field, default_field):
        if name and name in form.fields:
            form.add_error(name, error.message)
            return
    form.add_error(None, error.message)


class ImageUploadField(forms.ImageField):
    """An uploaded image checked by the one validator of core (size, real format, pixel count)."""

    def __init__(self, *args, max_bytes: int, formats: set[str], **kwargs):
        self.max_bytes, self.formats = max_bytes, formats
        kwargs.setdefault(
            "widget",
            forms.ClearableFileInput(
                attrs={"accept": ",".join(f"image/{name.lower()}" for name in sorted(formats))}
            ),
        )
        super().__init__(*args, **kwargs)

    def to_python(self, data):
        if data in self.empty_values:
            return None
        try:
            image_validate(data, max_bytes=self.max_bytes, formats=self.formats, field="")
        except ApplicationError as error:
            raise ValidationError(error.message, code="invalid_image") from None
        return super().to_python(data)


class AmountField(forms.DecimalField):
    """An amount as people type it in Poland: "1 234,56", "1234.56", "1\u00a0234,5 zł" (spaces, non-breaking
    spaces, a decimal comma or point, an optional "zł"). Two decimal places unless told otherwise."""

    def __init__(self, *, max_digits: int = 14, decimal_places: int = 2, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}))
        super().__init__(max_digits=max_digits, decimal_places=decimal_places, **kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().removesuffix("zł").removesuffix("PLN").strip()
            value = "".join(value.split()).replace("\u00a0", "").replace("\u202f", "").replace(",", ".")
            if value and not re.fullmatch(r"-?\d+(\.\d+)?", value):
                raise ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


# --- audit log --------------------------------------------------------------------------------


class AuditFilterForm(forms.Form):
    content_type = forms.TypedChoiceField(
        label=_("Rodzaj obiektu"), required=False, coerce=int, empty_value=None
    )
    action = forms.ChoiceField(label=_("Czynność"), required=False)
    actor = forms.CharField(label=_("Kto (e-mail)"), required=False, max_length=254)
    date_from = forms.DateField(label=_("Od dnia"), required=False, widget=DateInput())
    date_to = forms.DateField(label=_("Do dnia"), required=False, widget=DateInput())

    def __init__(self, *args, content_types: list[ContentType], actions: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["content_type"].choices = [("", _("wszystkie"))] + [
            (ct.pk, content_type_label(ct)) for ct in content_types
        ]
        labelled = sorted(((a, action_label(a)) for a in actions), key=lambda c: polish_sort_key(c[1]))
        self.fields["action"].choices = [("", _("wszystkie"))] + labelled

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", _("Data końcowa nie może być wcześniejsza niż początkowa."))
        return data


def content_type_label(content_type: ContentType) -> str:
    model = content_type.model_class()
    return str(model._meta.verbose_name) if model else content_type.model


# --- settings ---------------------------------------------------------------------------------


class CentreSettingsForm(forms.Form):
    """One field per registered setting, grouped by the definition's `group`."""

    def __init__(self, *args, values: dict, **kwargs):
        super().__init__(*args, **kwargs)
        for key, definition in sorted(
            REGISTRY.items(), key=lambda item: (str(item[1].group), str(item[1].label))
        ):
            field = definition.form_field()
            field.initial = values.get(key, definition.default)
            self.fields[key] = field

    def groups(self) -> list[tuple[str, list[forms.BoundField]]]:
        grouped: dict[str, list[forms.BoundField]] = {}
        for key, definition in REGISTRY.items():
            if key in self.fields:
                grouped.setdefault(str(definition.group or _("Ogólne")), []).append(self[key])
        return sorted(grouped.items())


# --- centre profile ---------------------------------------------------------------------------


class CentreProfileForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.update(
            forms.fields_for_model(
                Centre,
                fields=PROFILE_TEXT_FIELDS,
                widgets={"description": forms.Textarea(attrs={"rows": 5})},
                formfield_callback=_formfield,
            )
        )


class OpeningHoursForm(forms.Form):
    """Opening and closing time per weekday; both empty means closed that day."""

    def __init__(self, *args, hours: list[dict] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        first = {}
        for entry in hours or []:
            first.setdefault(int(entry.get("weekday", -1)), entry)
        for weekday, name in WEEKDAYS:
            entry = first.get(weekday, {})
            self.fields[f"opens_{weekday}"] = forms.TimeField(
                label=_("%(day)s – od") % {"day": name},
                required=False,
                widget=TimeInput(),
                initial=entry.get("opens"),
            )
            self.fields[f"closes_{weekday}"] = forms.TimeField(
                label=_("%(day)s – do") % {"day": name},
                required=False,
                widget=TimeInput(),
                initial=entry.get("closes"),
            )

    def days(self):
        return [(name, self[f"opens_{weekday}"], self[f"closes_{weekday}"]) for weekday, name in WEEKDAYS]

    def clean(self):
        data = super().clean()
        for weekday, _name in WEEKDAYS:
            opens, closes = data.get(f"opens_{weekday}"), data.get(f"closes_{weekday}")
            if f"opens_{weekday}" in self.errors or f"closes_{weekday}" in self.errors:
                continue
            if bool(opens) != bool(closes):
                self.add_error(
                    f"closes_{weekday}" if opens else f"opens_{weekday}",
                    _("Podaj obie godziny albo żadnej (dzień zamknięty)."),
                )
            elif opens and closes and opens >= closes:
                self.add_error(f"closes_{weekday}", _("Godzina zamknięcia musi być późniejsza niż otwarcia."))
        return data

    def entries(self) -> list[dict]:
        result = []
        for weekday, _name in WEEKDAYS:
            opens, closes = (
                self.cleaned_data.get(f"opens_{weekday}"),
                self.cleaned_data.get(f"closes_{weekday}"),
            )
            if opens and closes:
                result.append(
                    {"weekday": weekday, "opens": opens.strftime("%H:%M"), "closes": closes.strftime("%H:%M")}
                )
        return result


class ServiceForm(forms.Form):
    title = forms.CharField(label=_("Nazwa usługi"), max_length=200, required=False)
    description = forms.CharField(
        label=_("Opis usługi"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    kind = forms.ChoiceField(
        label=_("Strona w Centrum, która ją świadczy"),
        required=False,
        help_text=_("Bez strony: strona główna podaje telefon, e-mail i godziny otwarcia centrum."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("— brak strony —")), *service_kind_choices()]

    def clean(self):
        data = super().clean()
        if data.get("description") and not data.get("title"):
            self.add_error("title", _("Podaj nazwę usługi albo usuń jej opis."))
        return data


ServiceFormSet = forms.formset_factory(ServiceForm, extra=2, can_delete=True, max_num=40, validate_max=True)


class LogoForm(forms.Form):
    logo = forms.FileField(
        label=_("Nowe logo"),
        required=False,
        help_text=_("PNG, JPEG, GIF lub WebP."),
        widget=forms.FileInput(attrs={"accept": "image/png,image/jpeg,image/gif,image/webp"}),
    )
    remove_logo = forms.BooleanField(label=_("Usuń obecne logo"), required=False)

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo:
            try:
                logo_validate(logo)
            except ApplicationError as error:
                raise forms.ValidationError(error.message)
        return logo


class ClosedDayForm(forms.Form):
    date = forms.DateField(label=_("Data"), widget=DateInput())
    reason = forms.CharField(
        label=_("Powód"),
        max_length=200,
        required=False,
        help_text=_("Np. inwentaryzacja, dzień wolny za święto."),
    )


# --- platform ---------------------------------------------------------------------------------


class CentreForm(forms.Form):
    hosts = forms.CharField(
        label=_("Nazwy hostów"),
        widget=forms.Textarea(attrs={"rows": 3, "autocapitalize": "none", "spellcheck": "false"}),
        help_text=_("Jedna w wierszu, bez http:// i portu, np. kalisz.example.org. Pierwsza jest główna."),
    )

    def __init__(self, *args, creating: bool, **kwargs):
        super().__init__(*args, **kwargs)
        fields = [name for name in CENTRE_FIELDS if creating or name != "slug"]
        model_fields = forms.fields_for_model(Centre, fields=fields, formfield_callback=_formfield)
        model_fields["voivodeship"] = forms.ChoiceField(
            label=_("Województwo"), required=False, choices=[("", "—")] + [(v, v) for v in VOIVODESHIPS]
        )
        hosts = self.fields.pop("hosts")
        self.fields.update(model_fields)
        self.fields["hosts"] = hosts
        if creating and MODULES:
            self.fields["modules"] = forms.MultipleChoiceField(
                label=_("Moduły centrum"),
                required=False,
                widget=forms.CheckboxSelectMultiple,
                choices=[(m.label, m.name) for m in MODULES.values()],
                initial=[m.label for m in MODULES.values() if m.default],
                help_text=_(
                    "Usługi, które centrum prowadzi. Pracownicy centrum mogą je potem zmienić w ustawieniach."
                ),
            )

    def clean_hosts(self):
        return hosts_parse(self.cleaned_data["hosts"])

    def centre_data(self) -> dict:
        return {name: value for name, value in self.cleaned_data.items() if name not in ("hosts", "modules")}


class CentreSearchForm(forms.Form):
    q = forms.CharField(label=_("Nazwa, samorząd lub host"), required=False, max_length=200)


class CentreActiveForm(forms.Form):
    reason = forms.CharField(
        label=_("Powód"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class StaffAppointForm(forms.Form):
    email = forms.EmailField(label=_("E-mail pracownika"))
    full_name = forms.CharField(
        label=_("Imię i nazwisko"),
        max_length=150,
        required=False,
        help_text=_("Potrzebne tylko, gdy ta osoba nie ma jeszcze konta."),
    )
