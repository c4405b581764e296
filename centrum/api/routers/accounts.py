"""The caller: who they are, their roles in this centre and the organisations they act for."""

from django.db.models import F
from django.http import HttpRequest
from ninja import Router

from centrum.api.auth import REQUIRED, require_centre
from centrum.api.schemas.accounts import MeOut
from centrum.api.schemas.common import ErrorOut
from centrum.core.permissions import centre_roles, is_centre_staff
from centrum.organisations.selectors import organisation_list_for_user

router = Router(tags=["accounts"])


@router.get("", response={200: MeOut, 401: ErrorOut, 404: ErrorOut}, auth=REQUIRED, summary="Ja / the caller")
def me(request: HttpRequest):
    """Zalogowana osoba (sesja albo token), jej role w centrum i organizacje, w których imieniu działa.

    The signed-in person (session or token), their roles in this centre and their organisations.
    """
    centre = require_centre(request)
    user = request.auth
    organisations = (
        organisation_list_for_user(centre=centre, user=user)
        .annotate(my_role=F("memberships__role"))
        .values("id", "name", "status", "my_role")
        .order_by("name", "id")
    )
    return {
        "id": user.pk,
        "email": user.email,
        "full_name": user.full_name,
        "language": user.language,
        "authenticated_by": request.auth_method,
        "centre": {"slug": centre.slug, "name": centre.name},
        "roles": sorted(centre_roles(user, centre)),
        "is_centre_staff": is_centre_staff(user, centre),
        "organisations": [
            {"id": o["id"], "name": o["name"], "status": o["status"], "role": o["my_role"]}
            for o in organisations
        ],
    }
