"""Training needs ranked by demand: how many organisations ask for a topic."""

from django.db.models import Count, Max, Min

from centrum.core.models import Centre

from ..models import TrainingNeed


def need_demand(*, centre: Centre) -> list[dict]:
    """Open topics, most wanted first: `key`, `topic`, `organisations`, `first_asked`."""
    rows = (
        TrainingNeed.objects.filter(centre=centre, training__isnull=True)
        .values("topic_key")
        .annotate(
            organisations=Count("organisation", distinct=True),
            topic=Min("topic"),
            first_asked=Min("created_at"),
            last_asked=Max("created_at"),
        )
        .order_by("-organisations", "first_asked", "topic_key")
    )
    return [{**row, "key": row["topic_key"]} for row in rows]


def needs_of_organisations(*, centre: Centre, organisations) -> list[TrainingNeed]:
    return list(
        TrainingNeed.objects.filter(centre=centre, organisation__in=organisations)
        .select_related("organisation", "training")
        .order_by("-created_at")[:50]
    )
