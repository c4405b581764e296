"""Per-centre settings of news, events and error reports (autodiscovered by `centrum.core`)."""

from django.utils.translation import gettext_lazy as _

from centrum.core.centre_settings import SettingDefinition, register

GROUP = _("Aktualności i wydarzenia")

IMAGE_MAX_KB = register(
    SettingDefinition(
        key="news.image_max_kb",
        label=_("Największy rozmiar zdjęcia aktualności (KB)"),
        kind=int,
        default=3072,
        min_value=50,
        max_value=20480,
        group=GROUP,
    )
)
FILE_MAX_KB = register(
    SettingDefinition(
        key="news.file_max_kb",
        label=_("Największy rozmiar załącznika aktualności (KB)"),
        kind=int,
        default=5120,
        min_value=50,
        max_value=51200,
        group=GROUP,
    )
)
MAX_IMAGES = register(
    SettingDefinition(
        key="news.max_images",
        label=_("Najwięcej zdjęć w jednej aktualności"),
        kind=int,
        default=6,
        min_value=1,
        max_value=30,
        group=GROUP,
    )
)
MAX_FILES = register(
    SettingDefinition(
        key="news.max_files",
        label=_("Najwięcej załączników w jednej aktualności"),
        kind=int,
        default=5,
        min_value=0,
        max_value=30,
        group=GROUP,
    )
)
PER_PAGE = register(
    SettingDefinition(
        key="news.per_page",
        label=_("Aktualności na jednej stronie listy"),
        kind=int,
        default=10,
        min_value=5,
        max_value=50,
        group=GROUP,
    )
)
FEED_ITEMS = register(
    SettingDefinition(
        key="news.feed_items",
        label=_("Ile aktualności podaje kanał RSS"),
        kind=int,
        default=20,
        min_value=5,
        max_value=100,
        group=GROUP,
    )
)
FEED_DAYS_BACK = register(
    SettingDefinition(
        key="news.calendar_feed_days_back",
        label=_("Ile dni wstecz sięga kanał ICS kalendarza"),
        kind=int,
        default=60,
        min_value=0,
        max_value=730,
        group=GROUP,
    )
)
FEED_DAYS_AHEAD = register(
    SettingDefinition(
        key="news.calendar_feed_days_ahead",
        label=_("Ile dni naprzód sięga kanał ICS kalendarza"),
        kind=int,
        default=365,
        min_value=30,
        max_value=1095,
        group=GROUP,
    )
)
SUBMISSIONS_PER_DAY = register(
    SettingDefinition(
        key="news.submissions_per_day",
        label=_("Najwięcej zgłoszeń aktualności i wydarzeń jednej osoby na dobę"),
        kind=int,
        default=20,
        min_value=1,
        max_value=500,
        group=GROUP,
    )
)
REPORTS_PER_HOUR = register(
    SettingDefinition(
        key="news.error_reports_per_hour",
        label=_("Najwięcej zgłoszeń błędów z jednego adresu na godzinę"),
        kind=int,
        default=5,
        min_value=1,
        max_value=100,
        group=GROUP,
    )
)
