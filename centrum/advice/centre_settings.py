"""Per-centre settings of the advice service (autodiscovered by `centrum.core`)."""

from django.utils.translation import gettext_lazy as _

from centrum.core.centre_settings import SettingDefinition, register

GROUP = _("Doradztwo")

BOOKING_HORIZON_DAYS = register(
    SettingDefinition(
        key="advice.booking_horizon_days",
        label=_("Na ile dni naprzód można umówić poradę"),
        kind=int,
        default=28,
        min_value=1,
        max_value=365,
        group=GROUP,
    )
)
MIN_NOTICE_HOURS = register(
    SettingDefinition(
        key="advice.min_notice_hours",
        label=_("Najpóźniej ile godzin przed poradą można ją umówić"),
        kind=int,
        default=1,
        min_value=0,
        max_value=168,
        group=GROUP,
    )
)
REMINDER_DAYS = register(
    SettingDefinition(
        key="advice.reminder_days_before",
        label=_("Ile dni przed poradą wysłać przypomnienie"),
        kind=int,
        default=1,
        min_value=1,
        max_value=14,
        group=GROUP,
    )
)
CANCEL_LINK_DAYS = register(
    SettingDefinition(
        key="advice.cancel_link_days",
        label=_("Ważność linku do odwołania porady (dni)"),
        kind=int,
        default=120,
        min_value=1,
        max_value=730,
        group=GROUP,
    )
)
DEADLINE_DAYS = register(
    SettingDefinition(
        key="advice.caretaker_deadline_days",
        label=_("Ile dni naprzód opiekun widzi terminy organizacji"),
        kind=int,
        default=60,
        min_value=1,
        max_value=365,
        group=GROUP,
    )
)
