from django.utils.translation import gettext_lazy as _

from centrum.core.centre_settings import SettingDefinition, register

INVITATION_VALID_DAYS = register(
    SettingDefinition(
        key="accounts.invitation_valid_days",
        label=_("Ważność zaproszeń (dni)"),
        kind=int,
        default=14,
        min_value=1,
        max_value=90,
        help_text=_("Tyle dni można przyjąć zaproszenie do organizacji lub do zespołu centrum."),
        group=_("Konta i zespół"),
    )
)
