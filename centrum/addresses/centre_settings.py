"""Per-centre settings of the address service (autodiscovered by `centrum.core`): every limit and day count."""

from django.utils.translation import gettext_lazy as _

from centrum.core.centre_settings import SettingDefinition, register

GROUP = _("Adres dla organizacji")

MAX_ORGANISATIONS = register(
    SettingDefinition(
        key="addresses.max_organisations",
        label=_("Najwięcej organizacji pod adresem centrum"),
        kind=int,
        default=25,
        min_value=1,
        max_value=1000,
        help_text=_(
            "Porozumienia obowiązujące i zatwierdzone na ten sam okres; wnioski ponad limit są odrzucane."
        ),
        group=GROUP,
    )
)
MAX_MONTHS = register(
    SettingDefinition(
        key="addresses.max_months",
        label=_("Najdłuższy okres porozumienia (miesiące)"),
        kind=int,
        default=24,
        min_value=1,
        max_value=120,
        group=GROUP,
    )
)
REMINDER_DAYS = register(
    SettingDefinition(
        key="addresses.reminder_days",
        label=_("Przypomnienie o końcu porozumienia (dni przed końcem)"),
        kind=int,
        default=30,
        min_value=1,
        max_value=180,
        group=GROUP,
    )
)
UNCOLLECTED_DAYS = register(
    SettingDefinition(
        key="addresses.uncollected_days",
        label=_("Przypomnienie o nieodebranej poczcie (dni od wpływu)"),
        kind=int,
        default=14,
        min_value=1,
        max_value=90,
        group=GROUP,
    )
)
RULES_VERSION = register(
    SettingDefinition(
        key="addresses.rules_version",
        label=_("Wersja regulaminu udostępniania adresu"),
        kind=str,
        default="1/2026",
        required=True,
        max_length=40,
        help_text=_(
            "Zmień wersję, gdy zmieniasz regulamin: każde porozumienie zapisuje wersję zaakceptowaną."
        ),
        group=GROUP,
    )
)
RULES_TEXT = register(
    SettingDefinition(
        key="addresses.rules_text",
        label=_("Regulamin udostępniania adresu"),
        kind=str,
        default=(
            "1. Centrum udostępnia adres wyłącznie na potrzeby działalności statutowej organizacji.\n"
            "2. Organizacja odbiera korespondencję osobiście lub przez osoby upoważnione, w godzinach pracy "
            "centrum.\n"
            "3. Centrum przyjmuje przesyłki w imieniu organizacji, zapisuje je w rejestrze i niezwłocznie "
            "powiadamia organizację; nie otwiera przesyłek.\n"
            "4. Nieodebrane przesyłki centrum może zwrócić nadawcy po upływie terminu przypomnienia.\n"
            "5. Po zakończeniu porozumienia organizacja w ciągu 14 dni zgłasza zmianę adresu do właściwego "
            "rejestru."
        ),
        required=True,
        max_length=5000,
        group=GROUP,
    )
)
