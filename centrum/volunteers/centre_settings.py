"""Per-centre settings of the volunteer centre (autodiscovered by `centrum.core`): the thresholds of the law
(art. 44 ust. 4, art. 46) and the centre's own limits are settings, never constants."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from centrum.core.centre_settings import SettingDefinition, register

GROUP = _("Centrum wolontariatu")

register(
    SettingDefinition(
        key="volunteers.written_form_after_days",
        label=_("Porozumienie dłuższe niż tyle dni wymaga formy pisemnej (art. 44 ust. 4)"),
        kind=int,
        default=30,
        min_value=1,
        max_value=365,
        group=GROUP,
    )
)
register(
    SettingDefinition(
        key="volunteers.insurance_up_to_days",
        label=_(
            "Porozumienie do tylu dni (lub bezterminowe): organizator zapewnia ubezpieczenie NNW (art. 46)"
        ),
        kind=int,
        default=30,
        min_value=1,
        max_value=365,
        group=GROUP,
    )
)
register(
    SettingDefinition(
        key="volunteers.adult_age",
        label=_("Wiek pełnoletności wolontariusza (młodszy potrzebuje zgody opiekuna)"),
        kind=int,
        default=18,
        min_value=13,
        max_value=21,
        group=GROUP,
    )
)
register(
    SettingDefinition(
        key="volunteers.min_age",
        label=_("Najmłodszy wiek wolontariusza, który może założyć profil"),
        kind=int,
        default=13,
        min_value=6,
        max_value=18,
        group=GROUP,
    )
)
register(
    SettingDefinition(
        key="volunteers.max_hours_per_day",
        label=_("Najwięcej godzin wolontariatu jednego dnia"),
        kind=Decimal,
        default=Decimal("12"),
        min_value=Decimal("1"),
        max_value=Decimal("24"),
        group=GROUP,
    )
)
register(
    SettingDefinition(
        key="volunteers.hour_value",
        label=_("Wartość godziny pracy wolontariusza jako wkład osobowy (zł)"),
        kind=Decimal,
        default=Decimal("31.40"),
        min_value=Decimal("0.01"),
        max_value=Decimal("1000"),
        group=GROUP,
    )
)
register(
    SettingDefinition(
        key="volunteers.max_capacity",
        label=_("Najwięcej miejsc w jednej ofercie lub na jednym dyżurze"),
        kind=int,
        default=500,
        min_value=1,
        max_value=10000,
        group=GROUP,
    )
)
