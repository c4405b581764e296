from django.db.models import Count, Q

from centrum.core.models import Centre

from .choices import OrganisationStatus
from .models import Organisation


def organisation_directory_stats(*, centre: Centre) -> dict[str, int]:
    return Organisation.objects.filter(centre=centre, status=OrganisationStatus.ACTIVE).aggregate(
        active=Count("id"), opp=Count("id", filter=Q(is_opp=True))
    )


def organisation_pending_count(*, centre: Centre) -> int:
    return Organisation.objects.filter(centre=centre, status=OrganisationStatus.PENDING).count()
