"""Per-centre settings of promotion (autodiscovered by `centrum.core`)."""

from django.utils.translation import gettext_lazy as _

from centrum.core.centre_settings import SettingDefinition, register

GROUP = _("Promocja: wizytówki, CSR, 1,5%")

LOGO_MAX_KB = register(
    SettingDefinition(
        key="promotion.logo_max_kb",
        label=_("Największy rozmiar logo na wizytówce i profilu firmy (KB)"),
        kind=int,
        default=1024,
        min_value=50,
        max_value=10240,
        help_text=_("Większe pliki są odrzucane."),
        group=GROUP,
    )
)
ITEMS_PER_PAGE = register(
    SettingDefinition(
        key="promotion.items_per_page",
        label=_("Liczba pozycji na stronie list promocji"),
        kind=int,
        default=20,
        min_value=5,
        max_value=200,
        group=GROUP,
    )
)
PROPOSALS_PER_HOUR = register(
    SettingDefinition(
        key="promotion.proposals_per_hour",
        label=_("Zgłoszenia firm z jednego adresu w ciągu godziny"),
        kind=int,
        default=3,
        min_value=1,
        max_value=100,
        help_text=_("Ochrona formularza zgłoszenia firmy przed spamem."),
        group=GROUP,
    )
)
