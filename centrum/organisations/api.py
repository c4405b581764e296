"""The organisation registry: public directory and detail, registration, changes, status (staff).

Thin handlers in the house style: load scoped to the centre and the caller (another centre's id
is a 404), check the permission predicate (403), make one service call. Services check again.
"""

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Path, Query, Router, Status

from centrum.api.auth import PUBLIC, PUBLIC_OPENAPI, REQUIRED, require_centre
from centrum.api.errors import ApiHttpError, invalid_input
from centrum.api.pagination import api_page
from centrum.api.schemas.common import ERRORS_READ, ERRORS_WRITE, MAX_ID
from centrum.core.permissions import is_centre_staff
from centrum.organisations.choices import OrganisationStatus
from centrum.organisations.models import Organisation
from centrum.organisations.permissions import (
    can_change_organisation_status,
    can_edit_organisation,
    can_register_organisation,
)
from centrum.organisations.selectors import (
    DIRECTORY_COUNT_CAP,
    activity_area_list,
    district_list,
    district_list_sorted,
    organisation_directory,
    organisation_get_visible,
)
from centrum.organisations.services import (
    organisation_create,
    organisation_transition,
    organisation_update,
)

from .schemas import (
    AreaOut,
    DirectoryFilters,
    DistrictOut,
    OrganisationCreateIn,
    OrganisationOut,
    OrganisationPageOut,
    OrganisationTransitionIn,
    OrganisationUpdateIn,
)

router = Router(tags=["organisations"])
catalogue_router = Router(tags=["catalogue"])


def forbidden() -> ApiHttpError:
    return ApiHttpError(403, _("Nie masz uprawnień do tej czynności."))


# ---- serialisation ---------------------------------------------------------------------------


def _logo_url(org: Organisation) -> str | None:
    return org.logo.url if org.logo else None


def _list_item(org: Organisation) -> dict[str, Any]:
    return {
        "id": org.pk,
        "name": org.name,
        "short_name": org.short_name,
        "legal_form": org.legal_form,
        "legal_form_label": str(org.get_legal_form_display()),
        "city": org.city,
        "is_opp": org.is_opp,
        "status": org.status,
        "krs": org.krs,
        "district": {"id": org.district.pk, "name": org.district.name} if org.district_id else None,
        "areas": [area.code for area in org.areas.all()],
        "logo_url": _logo_url(org),
    }


def _detail(org: Organisation, user) -> dict[str, Any]:
    can_edit = can_edit_organisation(user, org)
    areas = list(org.areas.all())
    data = _list_item(org)
    data.update(
        {
            "status_label": str(org.get_status_display()),
            "registry_kind": org.registry_kind,
            "registry_number": org.registry_number,
            "nip": org.nip,
            "regon": org.regon,
            "description": org.description,
            "street": org.street,
            "postal_code": org.postal_code,
            "website": org.website,
            "email": org.email,
            "phone": org.phone,
            "registered_on": org.registered_on,
            "area_details": [{"code": a.code, "name": a.label} for a in areas],
            "permissions": {
                "can_edit": can_edit,
                "can_change_status": can_change_organisation_status(user, org),
            },
            "internal": None,
        }
    )
    if can_edit:
        data["internal"] = {
            "bank_account": org.bank_account,
            "correspondence_address": org.correspondence_address,
            "status_reason": org.status_reason,
            "status_changed_at": org.status_changed_at,
            "created_at": org.created_at,
            "verified_at": org.verified_at,
            "krs_register_status": org.krs_register_status,
            "krs_register_status_label": org.get_krs_register_status_display()
            if org.krs_register_status
            else "",
            "krs_checked_at": org.krs_checked_at,
        }
    return data


# ---- input helpers ---------------------------------------------------------------------------


def _district(centre, district_id: int | None):
    if district_id is None:
        return None
    district = district_list(centre=centre).filter(pk=district_id).first()
    if district is None:
        raise invalid_input("district", _("Nie ma takiej dzielnicy w tym centrum."))
    return district


def _areas(codes: list[str]):
    wanted = list(dict.fromkeys(codes))
    found = list(activity_area_list().filter(code__in=wanted))
    missing = sorted(set(wanted) - {area.code for area in found})
    if missing:
        raise invalid_input(
            "areas", _("Nie ma takich sfer pożytku publicznego: %(codes)s.") % {"codes": ", ".join(missing)}
        )
    return found


def _directory_district(centre, district_id: int | None) -> int | None:
    """A district filter must name one of the centre's districts: an unknown id is a 422, not an empty page."""
    if district_id is not None and not district_list(centre=centre).filter(pk=district_id).exists():
        raise invalid_input("district", _("Nie ma takiej dzielnicy w tym centrum."))
    return district_id


def _directory_area(code: str | None) -> str | None:
    """An area filter must be a code of the catalogue (GET /areas): an unknown code is a 422."""
    if code and not activity_area_list().filter(code=code).exists():
        raise invalid_input("area", _("Nie ma takich sfer pożytku publicznego: %(codes)s.") % {"codes": code})
    return code or None


def _load_for_change(request: HttpRequest, organisation_id: int) -> Organisation:
    """The organisation the caller can see (404 otherwise, also for another centre's id)."""
    return organisation_get_visible(centre=require_centre(request), pk=organisation_id, user=request.auth)


def _reload(request: HttpRequest, org: Organisation) -> dict[str, Any]:
    fresh = organisation_get_visible(centre=request.centre, pk=org.pk, user=request.auth)
    return _detail(fresh, request.auth)


OrganisationId = Path(..., ge=1, le=MAX_ID, description="Identyfikator organizacji")


# ---- endpoints -------------------------------------------------------------------------------


@router.get(
    "",
    response={200: OrganisationPageOut, **ERRORS_READ},
    auth=PUBLIC,
    openapi_extra=PUBLIC_OPENAPI,
    summary="Katalog organizacji / public directory",
)
def organisation_list(request: HttpRequest, filters: Query[DirectoryFilters]):
    """Aktywne i zawieszone organizacje centrum w porządku alfabetycznym (polskim); z `q` najpierw najlepiej
    pasujące. Strony: `limit` + `offset` albo `page`; liczone najwyżej 5000 wyników (`count_capped`), jak na
    stronie katalogu. Strona za ostatnią: 404.

    Active and suspended organisations of the centre in Polish alphabetical order; with `q` the best
    matches first. Page with `limit` + `offset` or `page`; at most 5000 results are counted
    (`count_capped`), as on the directory page. A page past the last one: 404.
    """
    centre = require_centre(request)
    qs = organisation_directory(
        centre=centre,
        q=filters.q,
        area=_directory_area(filters.area),
        legal_form=filters.legal_form,
        opp=filters.opp,
        district=_directory_district(centre, filters.district),
    ).prefetch_related("areas")
    page = api_page(
        qs, limit=filters.limit, offset=filters.offset, page=filters.page, cap=DIRECTORY_COUNT_CAP
    )
    return {**page, "results": [_list_item(org) for org in page["results"]]}


@router.get(
    "/{organisation_id}",
    response={200: OrganisationOut, **ERRORS_READ},
    auth=PUBLIC,
    openapi_extra=PUBLIC_OPENAPI,
    summary="Organizacja / organisation",
)
def organisation_detail(request: HttpRequest, organisation_id: int = OrganisationId):
    """Organizacja z katalogu; oczekującą widzą tylko zgłaszający i pracownicy centrum.

    One organisation; a pending one only for the person who registered it and the centre's staff.
    """
    org = organisation_get_visible(centre=require_centre(request), pk=organisation_id, user=request.auth)
    return _detail(org, request.auth)


@router.post(
    "",
    response={201: OrganisationOut, **ERRORS_WRITE},
    auth=REQUIRED,
    summary="Zgłoś organizację / register an organisation",
)
def organisation_register(request: HttpRequest, payload: OrganisationCreateIn):
    """Zgłoszenie czeka na weryfikację pracownika centrum; pracownik może od razu dodać aktywną (`status`).

    The registration waits for the centre's staff; staff may add an active one at once (`status`).
    """
    centre = require_centre(request)
    user = request.auth
    if not can_register_organisation(user, centre):
        raise forbidden()
    if payload.status != OrganisationStatus.PENDING and not is_centre_staff(user, centre):
        raise ApiHttpError(403, _("Tylko pracownik centrum może dodać organizację bez weryfikacji."))
    data = payload.model_dump(exclude={"status", "areas", "district"})
    data["district"] = _district(centre, payload.district)
    org = organisation_create(
        centre=centre, actor=user, data=data, areas=_areas(payload.areas), status=payload.status
    )
    return Status(201, _reload(request, org))


@router.patch(
    "/{organisation_id}",
    response={200: OrganisationOut, **ERRORS_WRITE},
    auth=REQUIRED,
    summary="Zmień dane organizacji / change an organisation",
)
def organisation_change(
    request: HttpRequest, payload: OrganisationUpdateIn, organisation_id: int = OrganisationId
):
    """Administratorzy organizacji i pracownicy centrum. Zmienia tylko przesłane pola.

    The organisation's administrators and the centre's staff. Only the fields sent change.
    """
    org = _load_for_change(request, organisation_id)
    if not can_edit_organisation(request.auth, org):
        raise forbidden()
    # The schema refuses null for every field that cannot be empty; district and date may be cleared.
    sent = payload.model_dump(exclude_unset=True)
    reason = sent.pop("reason", None) or ""
    areas = _areas(sent.pop("areas")) if "areas" in sent else None
    if "district" in sent:
        sent["district"] = _district(org.centre, sent["district"])
    org = organisation_update(organisation=org, actor=request.auth, data=sent, areas=areas, reason=reason)
    return _reload(request, org)


@router.post(
    "/{organisation_id}/status",
    response={200: OrganisationOut, **ERRORS_WRITE},
    auth=REQUIRED,
    summary="Zmień status (pracownicy) / change the status (staff)",
)
def organisation_status(
    request: HttpRequest, payload: OrganisationTransitionIn, organisation_id: int = OrganisationId
):
    """verify, reject, suspend, reinstate, remove; reject, suspend i remove wymagają uzasadnienia.

    reject, suspend and remove need a reason, which the organisation sees.
    """
    org = _load_for_change(request, organisation_id)
    if not can_change_organisation_status(request.auth, org):
        raise forbidden()
    org = organisation_transition(
        organisation=org, action=payload.action, actor=request.auth, reason=payload.reason
    )
    return _reload(request, org)


@catalogue_router.get(
    "/areas",
    response={200: list[AreaOut], **ERRORS_READ},
    auth=PUBLIC,
    openapi_extra=PUBLIC_OPENAPI,
    summary="Sfery pożytku publicznego / activity areas",
)
def area_list(request: HttpRequest):
    """Katalog sfer z art. 4 ust. 1 ustawy o działalności pożytku publicznego i o wolontariacie."""
    require_centre(request)
    return [{"code": a.code, "name": a.label} for a in activity_area_list()]


@catalogue_router.get(
    "/districts",
    response={200: list[DistrictOut], **ERRORS_READ},
    auth=PUBLIC,
    openapi_extra=PUBLIC_OPENAPI,
    summary="Dzielnice / districts",
)
def district_list_view(request: HttpRequest):
    """Dzielnice, osiedla i sołectwa obszaru centrum (filtr katalogu). / The centre's districts."""
    return [{"id": d.pk, "name": d.name} for d in district_list_sorted(centre=require_centre(request))]
