"""Per-centre settings of councils: limits and reminders staff change at run time. The rules of each legal
basis (term, NGO share, days for an opinion…) are fields of the body kinds, edited on the kinds page."""

from django.utils.translation import gettext_lazy as _

from centrum.core.centre_settings import SettingDefinition, register

GROUP = _("Rady i zespoły")

REMIND_DAYS = register(
    SettingDefinition(
        key="councils.opinion_remind_days",
        label=_("Przypomnienie o terminie opinii (dni przed terminem)"),
        kind=int,
        default=3,
        min_value=0,
        max_value=30,
        group=GROUP,
    )
)
REQUEST_REMIND_DAYS = register(
    SettingDefinition(
        key="councils.request_remind_days",
        label=_("Przypomnienie o terminie powołania rady na wniosek (dni przed terminem)"),
        kind=int,
        default=14,
        min_value=0,
        max_value=60,
        group=GROUP,
    )
)
