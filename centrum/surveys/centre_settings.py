"""Per-centre settings of surveys and the cooperation-quality index (autodiscovered by `centrum.core`)."""

from django.utils.translation import gettext_lazy as _

from centrum.core.centre_settings import SettingDefinition, register

GROUP = _("Ankiety i indeks jakości współpracy")

register(
    SettingDefinition(
        key="surveys.hard_weight",
        label=_("Waga twardych wskaźników w indeksie obszaru (%; reszta to samoocena)"),
        kind=int,
        default=50,
        min_value=0,
        max_value=100,
        group=GROUP,
    )
)
register(
    SettingDefinition(
        key="surveys.index_public",
        label=_("Publikuj Lokalny Indeks Jakości Współpracy na stronie centrum"),
        kind=bool,
        default=False,
        group=GROUP,
    )
)
register(
    SettingDefinition(
        key="surveys.open_answers_per_hour",
        label=_("Ankiety otwarte: najwięcej odpowiedzi z jednego adresu IP na godzinę"),
        kind=int,
        default=5,
        min_value=1,
        max_value=1000,
        group=GROUP,
    )
)
