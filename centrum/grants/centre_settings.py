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


# small_grants ---
from decimal import Decimal  # noqa: E402

SMALL_GRANT_MAX = register(
    SettingDefinition(
        key="grants.small_grant_max",
        label=_("Mały grant (art. 19a): najwyższa kwota dotacji (zł)"),
        kind=Decimal,
        default=Decimal("10000"),
        min_value=Decimal("0"),
        max_value=Decimal("1000000"),
        group=GROUP,
    )
)
SMALL_GRANT_MAX_DAYS = register(
    SettingDefinition(
        key="grants.small_grant_max_days",
        label=_("Mały grant: najdłuższy czas realizacji zadania (dni, licząc pierwszy i ostatni)"),
        kind=int,
        default=90,
        min_value=1,
        max_value=366,
        group=GROUP,
    )
)
SMALL_GRANT_ORG_YEAR_MAX = register(
    SettingDefinition(
        key="grants.small_grant_org_year_max",
        label=_("Mały grant: najwyższa suma dotacji dla jednej organizacji w roku kalendarzowym (zł)"),
        kind=Decimal,
        default=Decimal("20000"),
        min_value=Decimal("0"),
        max_value=Decimal("10000000"),
        group=GROUP,
    )
)
SMALL_GRANT_CAP_PERCENT = register(
    SettingDefinition(
        key="grants.small_grant_cap_percent",
        label=_("Mały grant: najwyższy udział dotacji art. 19a w planowanych dotacjach roku (%)"),
        kind=Decimal,
        default=Decimal("20"),
        min_value=Decimal("0"),
        max_value=Decimal("100"),
        group=GROUP,
    )
)
SMALL_GRANT_PUBLISH_WORKING_DAYS = register(
    SettingDefinition(
        key="grants.small_grant_publish_working_days",
        label=_("Mały grant: w ciągu ilu dni roboczych od wpływu oferta jest publikowana"),
        kind=int,
        default=7,
        min_value=1,
        max_value=60,
        group=GROUP,
    )
)
SMALL_GRANT_COMMENT_DAYS = register(
    SettingDefinition(
        key="grants.small_grant_comment_days",
        label=_("Mały grant: ile dni od publikacji można zgłaszać uwagi do oferty"),
        kind=int,
        default=7,
        min_value=1,
        max_value=60,
        group=GROUP,
    )
)

# contracts ---
REPORT_DUE_DAYS = register(
    SettingDefinition(
        key="grants.report_due_days",
        label=_("W ciągu ilu dni od zakończenia zadania (lub roku budżetowego) składa się sprawozdanie"),
        kind=int,
        default=30,
        min_value=1,
        max_value=120,
        group=GROUP,
    )
)
DEFAULT_LINE_TOLERANCE_PERCENT = register(
    SettingDefinition(
        key="grants.default_line_tolerance_percent",
        label=_(
            "O ile procent może wzrosnąć pozycja kosztorysu bez aneksu (wartość domyślna w nowej umowie)"
        ),
        kind=int,
        default=20,
        min_value=0,
        max_value=100,
        group=GROUP,
    )
)
DEFAULT_SHARE_TOLERANCE_POINTS = register(
    SettingDefinition(
        key="grants.default_share_tolerance_points",
        label=_(
            "O ile punktów procentowych może się zmienić udział dotacji w koszcie zadania (wartość domyślna "
            "w nowej umowie; 0 – nie sprawdza się)"
        ),
        kind=int,
        default=5,
        min_value=0,
        max_value=100,
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
