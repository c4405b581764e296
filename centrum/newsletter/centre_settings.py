"""Per-centre settings of the newsletter (autodiscovered by `centrum.core`)."""

from django.utils.translation import gettext_lazy as _

from centrum.core.centre_settings import SettingDefinition, register

GROUP = _("Newsletter")

BATCH_SIZE = register(
    SettingDefinition(
        key="newsletter.batch_size",
        label=_("Ile wiadomości przekazać do wysyłki za jednym razem (co minutę)"),
        kind=int,
        default=500,
        min_value=10,
        max_value=5000,
        group=GROUP,
    )
)
EACH_HOURS = register(
    SettingDefinition(
        key="newsletter.each_hours",
        label=_("Co ile godzin najczęściej wysyłać nowości osobom, które wybrały „każda nowość”"),
        kind=int,
        default=24,
        min_value=1,
        max_value=168,
        group=GROUP,
    )
)
DIGEST_DAYS = register(
    SettingDefinition(
        key="newsletter.digest_days",
        label=_("Co ile dni wysyłać podsumowanie"),
        kind=int,
        default=7,
        min_value=1,
        max_value=31,
        group=GROUP,
    )
)
CONFIRM_DAYS = register(
    SettingDefinition(
        key="newsletter.confirm_link_days",
        label=_("Ile dni jest ważny link potwierdzający zapis"),
        kind=int,
        default=7,
        min_value=1,
        max_value=60,
        group=GROUP,
    )
)
SUBSCRIBE_LIMIT = register(
    SettingDefinition(
        key="newsletter.subscribe_per_hour",
        label=_("Ile zapisów na newsletter z jednego adresu IP na godzinę"),
        kind=int,
        default=5,
        min_value=1,
        max_value=100,
        group=GROUP,
    )
)
PER_PAGE = register(
    SettingDefinition(
        key="newsletter.per_page",
        label=_("Liczba pozycji na stronie (komunikaty, odbiorcy, subskrybenci)"),
        kind=int,
        default=50,
        min_value=10,
        max_value=500,
        group=GROUP,
    )
)
ATTACHMENT_MAX_MB = register(
    SettingDefinition(
        key="newsletter.attachment_max_mb",
        label=_("Największy załącznik komunikatu (MB; PDF, JPEG lub PNG)"),
        kind=int,
        default=5,
        min_value=1,
        max_value=20,
        group=GROUP,
    )
)
