"""Per-centre settings of consultations (the rules of each legal basis live on the kinds, as data)."""

from django.utils.translation import gettext_lazy as _

from centrum.core.centre_settings import SettingDefinition, register

GROUP = _("Konsultacje")

PUBLIC_COMMENTS_PER_HOUR = register(
    SettingDefinition(
        key="consultations.public_comments_per_hour",
        label=_("Uwagi mieszkańców bez konta: najwięcej na godzinę z jednego adresu"),
        kind=int,
        default=5,
        min_value=1,
        max_value=100,
        group=GROUP,
    )
)

REPORT_REMIND_DAYS = register(
    SettingDefinition(
        key="consultations.report_remind_days",
        label=_("Przypomnienie o sprawozdaniu z konsultacji: dni przed terminem"),
        kind=int,
        default=7,
        min_value=0,
        max_value=60,
        group=GROUP,
    )
)
