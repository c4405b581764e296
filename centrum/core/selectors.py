from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Model, QuerySet

from .models import AuditEntry, Centre, CentreHost


def centre_get_by_host(*, host: str) -> Centre | None:
    """Centre served on `host`; cached briefly since every request asks."""
    key = f"centrum:host:{host}"
    centre_id = cache.get(key)
    if centre_id is None:
        centre_id = (
            CentreHost.objects.filter(host=host, centre__is_active=True)
            .values_list("centre_id", flat=True)
            .first()
        ) or 0
        cache.set(key, centre_id, 30)
    if not centre_id:
        return None
    return Centre.objects.filter(pk=centre_id, is_active=True).first()


def centre_list_public() -> QuerySet[Centre]:
    return Centre.objects.filter(is_active=True).prefetch_related("hosts").order_by("name")


def audit_list_for_object(*, centre: Centre | None, obj: Model) -> QuerySet[AuditEntry]:
    return (
        AuditEntry.objects.filter(
            centre=centre,
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
            object_id=str(obj.pk),
        )
        .select_related("actor")
        .order_by("-created_at", "-id")
    )


def audit_list_for_centre(*, centre: Centre) -> QuerySet[AuditEntry]:
    return (
        AuditEntry.objects.filter(centre=centre)
        .select_related("actor", "content_type")
        .order_by("-created_at", "-id")
    )
