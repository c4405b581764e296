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
IMPORT_MAX_FILE_KB = register(
    SettingDefinition(
        key="organisations.import_max_file_kb",
        label=_("Import organizacji: największy plik CSV (KB)"),
        kind=int,
        default=5120,
        min_value=10,
        max_value=51200,
        help_text=_("Większe pliki są odrzucane przed sprawdzeniem."),
        group=_("Rejestr organizacji"),
    )
)
IMPORT_MAX_ROWS = register(
    SettingDefinition(
        key="organisations.import_max_rows",
        label=_("Import organizacji: najwięcej wierszy w pliku"),
        kind=int,
        default=5000,
        min_value=1,
        max_value=100000,
        help_text=_("Dłuższą listę trzeba podzielić na kilka plików."),
        group=_("Rejestr organizacji"),
    )
)
