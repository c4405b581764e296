"""Per-centre settings of rooms and equipment, changed by staff at run time."""

from django.utils.translation import gettext_lazy as _

from centrum.core.centre_settings import SettingDefinition, register

from .choices import EquipmentKind, OverQuota

GROUP = _("Sale i sprzęt")

QUOTA_HOURS = register(
    SettingDefinition(
        key="spaces.quota_hours_per_month",
        label=_("Limit godzin rezerwacji sal na organizację w miesiącu"),
        kind=int,
        default=40,
        min_value=0,
        max_value=744,
        help_text=_("0 – bez limitu. Liczą się rezerwacje oczekujące i zatwierdzone."),
        group=GROUP,
    )
)
NO_SHOW_THRESHOLD = register(
    SettingDefinition(
        key="spaces.no_show_block_threshold",
        label=_("Liczba nieobecności blokująca nowe rezerwacje"),
        kind=int,
        default=3,
        min_value=0,
        max_value=100,
        help_text=_("0 – nieobecności nie blokują rezerwacji."),
        group=GROUP,
    )
)
NO_SHOW_WINDOW_DAYS = register(
    SettingDefinition(
        key="spaces.no_show_window_days",
        label=_("Okres liczenia nieobecności (dni wstecz)"),
        kind=int,
        default=180,
        min_value=1,
        max_value=3650,
        group=GROUP,
    )
)
OFFER_HOURS = register(
    SettingDefinition(
        key="spaces.waiting_offer_hours",
        label=_("Czas na przyjęcie terminu z listy oczekujących (godziny)"),
        kind=int,
        default=24,
        min_value=1,
        max_value=336,
        group=GROUP,
    )
)
REMINDER_DAYS = register(
    SettingDefinition(
        key="spaces.reminder_days_before",
        label=_("Przypomnienie o rezerwacji (dni przed)"),
        kind=int,
        default=1,
        min_value=0,
        max_value=14,
        help_text=_("0 – bez przypomnień."),
        group=GROUP,
    )
)
MAX_OCCURRENCES = register(
    SettingDefinition(
        key="spaces.max_series_occurrences",
        label=_("Największa liczba terminów w cyklu rezerwacji"),
        kind=int,
        default=100,
        min_value=1,
        max_value=400,
        group=GROUP,
    )
)
REQUIRES_APPROVAL = register(
    SettingDefinition(
        key="spaces.requires_approval",
        label=_("Rezerwacje sal wymagają akceptacji pracownika"),
        kind=bool,
        default=True,
        help_text=_("Domyślnie dla sal bez własnej reguły."),
        group=GROUP,
    )
)
MIN_NOTICE_HOURS = register(
    SettingDefinition(
        key="spaces.min_notice_hours",
        label=_("Minimalne wyprzedzenie rezerwacji (godziny)"),
        kind=int,
        default=24,
        min_value=0,
        max_value=2160,
        help_text=_("Domyślnie dla sal bez własnej reguły."),
        group=GROUP,
    )
)
HORIZON_DAYS = register(
    SettingDefinition(
        key="spaces.horizon_days",
        label=_("Horyzont rezerwacji (dni naprzód)"),
        kind=int,
        default=365,
        min_value=1,
        max_value=1000,
        help_text=_("Domyślnie dla sal bez własnej reguły."),
        group=GROUP,
    )
)
MAX_LENGTH_MINUTES = register(
    SettingDefinition(
        key="spaces.max_length_minutes",
        label=_("Najdłuższa rezerwacja (minuty)"),
        kind=int,
        default=480,
        min_value=15,
        max_value=1440,
        help_text=_("Domyślnie dla sal bez własnej reguły."),
        group=GROUP,
    )
)
LOAN_MAX_DAYS = register(
    SettingDefinition(
        key="spaces.loan_max_days",
        label=_("Najdłuższe wypożyczenie sprzętu (dni)"),
        kind=int,
        default=14,
        min_value=1,
        max_value=365,
        group=GROUP,
    )
)
LOAN_OVERDUE_EVERY_DAYS = register(
    SettingDefinition(
        key="spaces.loan_overdue_reminder_every_days",
        label=_("Przypomnienie o zaległym zwrocie sprzętu co (dni)"),
        kind=int,
        default=2,
        min_value=1,
        max_value=30,
        group=GROUP,
    )
)
LOAN_RULES = register(
    SettingDefinition(
        key="spaces.loan_rules",
        label=_("Dodatkowe zasady wypożyczania sprzętu (do umowy)"),
        kind=str,
        default="",
        help_text=_("Tekst dołączany do umowy użyczenia jako postanowienia centrum."),
        group=GROUP,
    )
)
PHOTO_MAX_MB = register(
    SettingDefinition(
        key="spaces.room_photo_max_mb",
        label=_("Największy rozmiar zdjęcia sali (MB)"),
        kind=int,
        default=5,
        min_value=1,
        max_value=20,
        group=GROUP,
    )
)
PHOTOS_PER_ROOM = register(
    SettingDefinition(
        key="spaces.room_photos_max",
        label=_("Największa liczba zdjęć jednej sali"),
        kind=int,
        default=12,
        min_value=1,
        max_value=50,
        group=GROUP,
    )
)
RESIDENTS_ALLOWED = register(
    SettingDefinition(
        key="spaces.residents_may_book",
        label=_("Mieszkańcy i grupy nieformalne mogą rezerwować sale i wypożyczać sprzęt"),
        kind=bool,
        default=False,
        help_text=_(
            "Tylko sale oznaczone jako dostępne dla mieszkańców/grup nieformalnych; "
            "każdy wniosek zatwierdza pracownik."
        ),
        group=GROUP,
    )
)
RESIDENTS_QUOTA_HOURS = register(
    SettingDefinition(
        key="spaces.residents_quota_hours_per_month",
        label=_("Limit godzin rezerwacji sal na mieszkańca lub grupę nieformalną w miesiącu"),
        kind=int,
        default=8,
        min_value=0,
        max_value=744,
        help_text=_("Liczony na osobę zgłaszającą. 0 – bez limitu."),
        group=GROUP,
    )
)
OFFICIALS_BOOK = register(
    SettingDefinition(
        key="spaces.officials_book_for_centre",
        label=_("Urzędnicy rezerwują sale na wydarzenia centrum (rady, konsultacje)"),
        kind=bool,
        default=False,
        help_text=_("Dla centrum będącego jednostką urzędu: bez nadawania roli pracownika."),
        group=GROUP,
    )
)


def _walk_in_quota(kind, label) -> SettingDefinition:
    return register(
        SettingDefinition(
            key=f"spaces.walk_in_quota_{kind}",
            label=label,
            kind=int,
            default=0,
            min_value=0,
            max_value=100_000,
            help_text=_(
                "Na organizację w miesiącu; 0 – bez limitu. Sprzęt z własnym limitem liczy się osobno."
            ),
            group=GROUP,
        )
    )


WALK_IN_QUOTAS = {
    EquipmentKind.COMPUTER: _walk_in_quota(
        EquipmentKind.COMPUTER, _("Limit korzystania z komputera na miejscu (minuty)")
    ),
    EquipmentKind.COPIER: _walk_in_quota(EquipmentKind.COPIER, _("Limit kopii na miejscu (strony)")),
    EquipmentKind.PRINTER: _walk_in_quota(EquipmentKind.PRINTER, _("Limit wydruków na miejscu (strony)")),
    EquipmentKind.SCANNER: _walk_in_quota(EquipmentKind.SCANNER, _("Limit skanowania na miejscu (strony)")),
    EquipmentKind.FAX: _walk_in_quota(EquipmentKind.FAX, _("Limit faksów na miejscu (strony)")),
    EquipmentKind.PHONE: _walk_in_quota(EquipmentKind.PHONE, _("Limit rozmów telefonicznych (minuty)")),
}
WALK_IN_OVER_QUOTA = register(
    SettingDefinition(
        key="spaces.walk_in_over_quota",
        label=_("Korzystanie ze sprzętu ponad limit"),
        kind=str,
        default=OverQuota.WARN,
        choices=tuple(OverQuota.choices),
        required=True,
        help_text=_("Odmowę pracownik może pominąć, podając powód; zostaje on w historii."),
        group=GROUP,
    )
)
