"""Per-centre settings of local initiatives (autodiscovered by `centrum.core`): the amounts and limits the
council's resolution sets are settings, never constants."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from centrum.core.centre_settings import SettingDefinition, register

GROUP = _("Inicjatywa lokalna")

WORK_HOUR_VALUE = register(
    SettingDefinition(
        key="initiatives.work_hour_value",
        label=_("Wartość godziny pracy społecznej (zł)"),
        kind=Decimal,
        default=Decimal("31.40"),
        min_value=Decimal("0.01"),
        max_value=Decimal("1000"),
        group=GROUP,
    )
)
MIN_WORK_SHARE = register(
    SettingDefinition(
        key="initiatives.min_work_share_percent",
        label=_(
            "Najmniejszy udział pracy społecznej w wkładzie wnioskodawcy (%; 0 – uchwała go nie określa)"
        ),
        kind=Decimal,
        default=Decimal("0"),
        min_value=Decimal("0"),
        max_value=Decimal("100"),
        group=GROUP,
    )
)
MAX_HOURS_PER_LINE = register(
    SettingDefinition(
        key="initiatives.max_hours_per_line",
        label=_("Najwięcej godzin pracy społecznej w jednej pozycji wkładu"),
        kind=int,
        default=5000,
        min_value=1,
        max_value=100000,
        group=GROUP,
    )
)
COMPLETION_DUE_DAYS = register(
    SettingDefinition(
        key="initiatives.completion_due_days",
        label=_("Ile dni po zakończeniu inicjatywy wnioskodawca składa sprawozdanie z jej wykonania"),
        kind=int,
        default=30,
        min_value=1,
        max_value=180,
        group=GROUP,
    )
)
COMPLETION_REMINDER_DAYS = register(
    SettingDefinition(
        key="initiatives.completion_reminder_days",
        label=_("Ile dni po zakończeniu inicjatywy przypomnieć o sprawozdaniu"),
        kind=int,
        default=3,
        min_value=0,
        max_value=180,
        group=GROUP,
    )
)
