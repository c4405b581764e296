"""Per-centre settings staff change at run time.

Each app declares its settings with `register(...)` in its `AppConfig.ready()` (or at import of
its `centre_settings` module); values live in `CentreSetting` rows, defaults here. Limits from
the law are settings too, never constants.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django import forms
from django.core.validators import validate_email
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import Centre, CentreSetting
from .versions import cached_on_version, register_versioned_model


@dataclass(frozen=True)
class SettingDefinition:
    key: str
    label: str | Promise
    kind: type  # int, bool, str, Decimal
    default: Any
    help_text: str | Promise = ""
    group: str | Promise = ""
    min_value: Any = None
    max_value: Any = None
    choices: tuple = field(default_factory=tuple)
    # For `str` settings: an empty value is allowed unless `required`; `validators` as in Django fields.
    required: bool = False
    max_length: int = 500
    validators: tuple = field(default_factory=tuple)

    def form_field(self) -> forms.Field:
        common = {
            "label": self.label,
            "help_text": self.help_text,
            "required": self.kind in (int, Decimal) or (self.kind is str and self.required),
            "validators": list(self.validators),
        }
        if self.choices:
            return forms.ChoiceField(choices=self.choices, **common)
        if self.kind is bool:
            return forms.BooleanField(**common)
        if self.kind is int:
            return forms.IntegerField(min_value=self.min_value, max_value=self.max_value, **common)
        if self.kind is Decimal:
            return forms.DecimalField(
                min_value=self.min_value, max_value=self.max_value, decimal_places=2, max_digits=14, **common
            )
        widget = forms.Textarea(attrs={"rows": 5}) if self.max_length > 500 else None
        return forms.CharField(max_length=self.max_length, widget=widget, **common)

    def clean(self, value):
        """`value` converted to the setting's kind and checked against its limits; ValidationError if not."""
        field_ = self.form_field()
        if self.kind is bool and isinstance(value, bool):
            return value
        return field_.clean(value)

    def to_json(self, value):
        return str(value) if self.kind is Decimal else value

    def from_json(self, value):
        if self.kind is Decimal:
            return Decimal(str(value))
        if self.kind is int:
            return int(value)
        if self.kind is bool:
            return bool(value)
        return value


REGISTRY: dict[str, SettingDefinition] = {}

# A change of a setting makes a new data version: the settings read per version (below) and every page
# fragment that shows a module or a setting are read afresh.
register_versioned_model(CentreSetting)


def register(definition: SettingDefinition) -> SettingDefinition:
    REGISTRY[definition.key] = definition
    return definition


class CentreSettings:
    """Read-through view of a centre's settings: `request.centre_settings["key"]`."""

    def __init__(self, centre: Centre):
        self.centre = centre
        self._values: dict[str, Any] | None = None

    def _load(self) -> dict[str, Any]:
        if self._values is None:
            # Every request reads them: kept per process on the centre's data version, which every write of
            # a setting bumps (CentreSetting is a versioned model), so no process reads a stale value.
            self._values = cached_on_version(
                self.centre,
                "settings",
                lambda: dict(CentreSetting.objects.filter(centre=self.centre).values_list("key", "value")),
            )
        return self._values

    def __getitem__(self, key: str):
        definition = REGISTRY[key]
        values = self._load()
        if key in values:
            try:
                return definition.from_json(values[key])
            except (TypeError, ValueError, ArithmeticError):
                return definition.default
        return definition.default

    def get(self, key: str, default=None):
        return self[key] if key in REGISTRY else default


def centre_settings_cached(centre: Centre) -> CentreSettings:
    """The settings of this centre object, read once: a request's `centre_settings` and the permission
    predicates that need a setting share one query (the middleware loads a fresh centre per request)."""
    cached = centre.__dict__.get("_centre_settings")
    if cached is None:
        cached = centre.__dict__["_centre_settings"] = CentreSettings(centre)
    return cached


def centre_setting(centre: Centre, key: str):
    return CentreSettings(centre)[key]


def centre_settings_values(centre: Centre) -> dict[str, Any]:
    """Every registered setting of `centre` with its current value (default when not set)."""
    current = CentreSettings(centre)
    return {key: current[key] for key in REGISTRY}


# Settings of the core itself; other apps declare theirs in their own `centre_settings.py`.
MAIL_GROUP = _("Poczta e-mail")

register(
    SettingDefinition(
        key="outbox_sender_name",
        label=_("Nazwa nadawcy wiadomości"),
        kind=str,
        default="",
        max_length=100,
        help_text=_("Pokazywana w polu „Od” wiadomości e-mail centrum. Puste pole: nazwa centrum."),
        group=MAIL_GROUP,
    )
)
register(
    SettingDefinition(
        key="outbox_reply_to",
        label=_("Adres do odpowiedzi"),
        kind=str,
        default="",
        max_length=254,
        validators=(validate_email,),
        help_text=_("Na ten adres trafią odpowiedzi na wiadomości centrum. Puste pole: e-mail centrum."),
        group=MAIL_GROUP,
    )
)
register(
    SettingDefinition(
        key="outbox_retention_days",
        label=_("Przechowywanie wysłanych wiadomości (dni)"),
        kind=int,
        default=180,
        min_value=7,
        max_value=3650,
        help_text=_("Po tylu dniach treść wysłanych wiadomości jest usuwana (ochrona danych osobowych)."),
        group=MAIL_GROUP,
    )
)

register(
    SettingDefinition(
        key="accessibility_building",
        label=_("Dostępność architektoniczna budynku"),
        kind=str,
        default="",
        max_length=2000,
        help_text=_(
            "Opis wejścia, wind, toalet i miejsc parkingowych – pokazywany w deklaracji dostępności."
        ),
        group=_("Deklaracja dostępności"),
    )
)
