"""Per-centre settings of the grants app (autodiscovered by `centrum.core`). Every day count, amount and
percentage from the law is a setting, never a constant (DOMAIN.md)."""

from django.utils.translation import gettext_lazy as _

from centrum.core.centre_settings import SettingDefinition, register

GROUP = _("Dotacje")

ANNOUNCEMENT_MIN_DAYS = register(
    SettingDefinition(
        key="grants.announcement_min_days",
        label=_(
            "Najmniej ile dni od ostatniej publikacji ogłoszenia do terminu składania ofert (art. 13 ust. 1)"
        ),
        kind=int,
        default=21,
        min_value=1,
        max_value=120,
        group=GROUP,
    )
)
REASONS_REQUEST_DAYS = register(
    SettingDefinition(
        key="grants.reasons_request_days",
        label=_("Ile dni od ogłoszenia wyników można żądać uzasadnienia wyboru lub odrzucenia oferty"),
        kind=int,
        default=30,
        min_value=1,
        max_value=120,
        group=GROUP,
    )
)

# competitions
REASONS_ANSWER_DAYS = register(
    SettingDefinition(
        key="grants.reasons_answer_days",
        label=_("W ciągu ilu dni urząd odpowiada na wniosek o uzasadnienie wyboru lub odrzucenia oferty"),
        kind=int,
        default=14,
        min_value=1,
        max_value=90,
        group=GROUP,
    )
)

# evaluation
CORRECTION_DAYS_CALENDAR = "calendar"
CORRECTION_DAYS_WORKING = "working"
CORRECTION_DAYS_KIND = register(
    SettingDefinition(
        key="grants.correction_days_kind",
        label=_("Jak liczyć termin na usunięcie braków formalnych oferty"),
        kind=str,
        default=CORRECTION_DAYS_CALENDAR,
        choices=(
            (CORRECTION_DAYS_CALENDAR, _("dni kalendarzowe (jak w KPA, art. 57)")),
            (CORRECTION_DAYS_WORKING, _("dni robocze centrum")),
        ),
        required=True,
        help_text=_(
            "Liczba dni jest w ogłoszeniu konkursu. Dni kalendarzowe: termin, który kończy się w sobotę lub "
            "dzień wolny, upływa w najbliższy dzień roboczy (KPA art. 57 § 4)."
        ),
        group=GROUP,
    )
)


# reports ---
from decimal import Decimal  # noqa: E402

PARTIAL_REPORT_MIN_DAYS = register(
    SettingDefinition(
        key="grants.partial_report_min_days",
        label=_(
            "Najmniej ile dni od doręczenia wezwania do terminu sprawozdania częściowego (art. 18 ust. 4)"
        ),
        kind=int,
        default=30,
        min_value=1,
        max_value=180,
        group=GROUP,
    )
)
RETURN_DAYS = register(
    SettingDefinition(
        key="grants.return_days",
        label=_("W ciągu ilu dni od przyjęcia sprawozdania końcowego zwraca się dotację"),
        kind=int,
        default=15,
        min_value=1,
        max_value=120,
        group=GROUP,
    )
)
INTEREST_RATE_PERCENT = register(
    SettingDefinition(
        key="grants.interest_rate_percent",
        label=_("Odsetki od zwrotu po terminie (% w skali roku, liczone za każdy dzień zwłoki)"),
        kind=Decimal,
        default=Decimal("12.25"),
        min_value=Decimal("0"),
        max_value=Decimal("100"),
        help_text=_("Jak dla zaległości podatkowych; zmień, gdy zmieni się stawka."),
        group=GROUP,
    )
)
REMINDER_DAYS_BEFORE = register(
    SettingDefinition(
        key="grants.deadline_reminder_days_before",
        label=_("Ile dni przed terminem sprawozdania lub zwrotu przypomnieć organizacji"),
        kind=int,
        default=7,
        min_value=0,
        max_value=60,
        group=GROUP,
    )
)
REMINDER_DAYS_AFTER = register(
    SettingDefinition(
        key="grants.deadline_reminder_days_after",
        label=_(
            "Ile dni po terminie sprawozdania, zwrotu lub zalecenia pokontrolnego wysłać przypomnienie "
            "o zaległości"
        ),
        kind=int,
        default=1,
        min_value=0,
        max_value=60,
        group=GROUP,
    )
)
REPORT_CORRECTION_DAYS = register(
    SettingDefinition(
        key="grants.report_correction_days",
        label=_("Ile dni na poprawienie sprawozdania, gdy urzędnik nie wyznaczy innego terminu"),
        kind=int,
        default=14,
        min_value=1,
        max_value=90,
        group=GROUP,
    )
)
