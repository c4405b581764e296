"""Per-centre settings staff change at run time.

Each app declares its settings with `register(...)` in its `AppConfig.ready()` (or at import of
its `centre_settings` module); values live in `CentreSetting` rows, defaults here. Limits from
the law are settings too, never constants.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.functional import Promise

from .models import Centre, CentreSetting


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

    def form_field(self) -> forms.Field:
        common = {"label": self.label, "help_text": self.help_text, "required": self.kind is not bool}
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
        return forms.CharField(max_length=500, **common)

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
            self._values = dict(CentreSetting.objects.filter(centre=self.centre).values_list("key", "value"))
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


def centre_setting(centre: Centre, key: str):
    return CentreSettings(centre)[key]
