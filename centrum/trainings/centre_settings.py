"""Per-centre settings of trainings and events (autodiscovered by `centrum.core`)."""

from django.utils.translation import gettext_lazy as _

from centrum.core.centre_settings import SettingDefinition, register

GROUP = _("Szkolenia i wydarzenia")

REMINDER_DAYS = register(
    SettingDefinition(
        key="trainings.reminder_days",
        label=_("Przypomnienie o szkoleniu: ile dni przed pierwszym spotkaniem"),
        kind=int,
        default=2,
        min_value=1,
        max_value=14,
        group=GROUP,
    )
)
FEEDBACK_DAYS = register(
    SettingDefinition(
        key="trainings.feedback_days",
        label=_("Ocena szkolenia: przez ile dni po zakończeniu"),
        kind=int,
        default=30,
        min_value=1,
        max_value=365,
        group=GROUP,
    )
)
DEFAULT_CAPACITY = register(
    SettingDefinition(
        key="trainings.default_capacity",
        label=_("Domyślna liczba miejsc na szkoleniu"),
        kind=int,
        default=20,
        min_value=1,
        max_value=1000,
        group=GROUP,
    )
)
ARCHIVE_PER_PAGE = register(
    SettingDefinition(
        key="trainings.archive_per_page",
        label=_("Liczba szkoleń na stronie archiwum"),
        kind=int,
        default=20,
        min_value=5,
        max_value=200,
        group=GROUP,
    )
)
