"""Per-centre settings of the organisation registry (autodiscovered by `centrum.core`)."""

from django.utils.translation import gettext_lazy as _

from centrum.core.centre_settings import SettingDefinition, register

LOGO_MAX_KB = register(
    SettingDefinition(
        key="organisations.logo_max_kb",
        label=_("Największy rozmiar logo organizacji (KB)"),
        kind=int,
        default=2048,
        min_value=50,
        max_value=10240,
        help_text=_("Większe pliki są odrzucane przy zgłoszeniu i edycji organizacji."),
        group=_("Rejestr organizacji"),
    )
)
