"""Per-centre settings of the knowledge platform (autodiscovered by `centrum.core`)."""

from django.utils.translation import gettext_lazy as _

from centrum.core.centre_settings import SettingDefinition, register

GROUP = _("Platforma wiedzy")

PER_PAGE = register(
    SettingDefinition(
        key="knowledge.per_page",
        label=_("Liczba pozycji na stronie list platformy wiedzy i wyszukiwarki"),
        kind=int,
        default=20,
        min_value=5,
        max_value=100,
        group=GROUP,
    )
)
FILE_MAX_MB = register(
    SettingDefinition(
        key="knowledge.file_max_mb",
        label=_("Największy plik załącznika lub dokumentu (MB)"),
        kind=int,
        default=10,
        min_value=1,
        max_value=50,
        group=GROUP,
    )
)
ATTACHMENTS_MAX = register(
    SettingDefinition(
        key="knowledge.attachments_max",
        label=_("Najwięcej załączników jednej dobrej praktyki"),
        kind=int,
        default=5,
        min_value=0,
        max_value=20,
        group=GROUP,
    )
)
SUBMISSIONS_PER_HOUR = register(
    SettingDefinition(
        key="knowledge.submissions_per_hour",
        label=_("Najwięcej zgłoszeń dobrych praktyk jednej osoby na godzinę"),
        kind=int,
        default=5,
        min_value=1,
        max_value=100,
        group=GROUP,
    )
)
SEARCH_PER_SOURCE = register(
    SettingDefinition(
        key="knowledge.search_per_source",
        label=_("Najwięcej wyników wyszukiwania z jednego rodzaju treści"),
        kind=int,
        default=50,
        min_value=5,
        max_value=200,
        group=GROUP,
    )
)
