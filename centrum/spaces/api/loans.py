"""JSON API of equipment and loans."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from centrum.api.auth import PUBLIC, PUBLIC_OPENAPI, REQUIRED, require_centre
from centrum.api.errors import invalid_input
from centrum.api.schemas.common import (
    ERRORS_READ,
    ERRORS_WRITE,
    ErrorOut,
    Id,
)
from centrum.core.permissions import is_centre_staff
from centrum.organisations.models import Organisation

from ..choices import USABLE_CONDITIONS
from ..models import EquipmentItem, Loan
from ..permissions import (
    can_cancel_loan,
    can_decide_loan,
)
from ..schemas import (
    EquipmentOut,
    LoanCancelIn,
    LoanHandoverIn,
    LoanIn,
    LoanListQuery,
    LoanOut,
    LoanPageOut,
    LoanRejectIn,
)
from ..selectors import (
    equipment_list,
    loan_get_visible,
    loan_list,
    loans_for_user,
)
from ..services import (
    loan_approve,
    loan_cancel,
    loan_hand_over,
    loan_reject,
    loan_request,
    loan_return,
)

equipment_router = Router(tags=["equipment"])
loans_router = Router(tags=["loans"])


def _equipment_out(item: EquipmentItem) -> dict:
    return {
        "id": item.pk,
        "name": item.name,
        "description": item.description,
        "quantity": item.quantity,
        "kind": item.kind,
        "walk_in_unit": item.walk_in_unit,
        "may_leave_building": item.may_leave_building,
        "usable": item.condition in USABLE_CONDITIONS,
    }


def _booker_out(loan: Loan) -> dict:
    """Who borrows. An organisation today; a resident or an informal group may borrow without one."""
    organisation = loan.organisation if loan.organisation_id else None
    if organisation is not None:
        return {"kind": "organisation", "id": organisation.pk, "name": organisation.name}
    return {
        "kind": getattr(loan, "booker_kind", "") or "person",
        "id": None,
        "name": getattr(loan, "group_name", "") or getattr(loan.requested_by, "full_name", "") or "",
    }


def _loan_out(loan: Loan) -> dict:
    return {
        "id": loan.pk,
        "number": loan.number,
        "status": loan.status,
        "organisation_id": loan.organisation_id,
        "booker": _booker_out(loan),
        "purpose": loan.purpose,
        "starts_on": loan.starts_on,
        "due_on": loan.due_on,
        "items": [
            {"item_id": row.item_id, "name": row.item.name, "quantity": row.quantity}
            for row in loan.items.all()
        ],
        "decision_reason": loan.decision_reason,
        "handed_over_at": loan.handed_over_at,
        "returned_at": loan.returned_at,
    }


def _loan_page(qs, query: LoanListQuery) -> dict:
    if query.status:
        qs = qs.filter(status=query.status)
    count = qs.count()
    rows = list(qs.select_related("requested_by")[query.offset : query.offset + query.limit]) if count else []
    return {
        "count": count,
        "limit": query.limit,
        "offset": query.offset,
        "results": [_loan_out(loan) for loan in rows],
    }


@equipment_router.get(
    "",
    response={200: list[EquipmentOut], **ERRORS_READ},
    auth=PUBLIC,
    openapi_extra=PUBLIC_OPENAPI,
    summary="Sprzęt / equipment",
)
def equipment(request: HttpRequest):
    """Sprzęt centrum: do wypożyczenia (`may_leave_building`) i do korzystania na miejscu (`walk_in_unit`).

    The centre's equipment: lent out (`may_leave_building`) or used on the spot (`walk_in_unit`).
    """
    return [_equipment_out(item) for item in equipment_list(centre=require_centre(request))]


@loans_router.get(
    "",
    response={200: LoanPageOut, **ERRORS_READ},
    auth=REQUIRED,
    summary="Moje wypożyczenia / my loans",
)
def my_loans(request: HttpRequest, query: Query[LoanListQuery]):
    """Wypożyczenia organizacji, w których działa osoba, od najnowszych. / Loans of the caller's organisations."""
    return _loan_page(loans_for_user(centre=require_centre(request), user=request.auth), query)


@loans_router.get(
    "/centre",
    response={200: LoanPageOut, **ERRORS_READ, 403: ErrorOut},
    auth=REQUIRED,
    summary="Wypożyczenia centrum / the centre's loans",
)
def centre_loans(request: HttpRequest, query: Query[LoanListQuery]):
    """Tylko pracownicy centrum; od najnowszych. / Centre staff only; newest first."""
    centre = require_centre(request)
    if not is_centre_staff(request.auth, centre):
        raise PermissionDenied
    return _loan_page(loan_list(centre=centre), query)


@loans_router.post(
    "",
    response={201: LoanOut, **ERRORS_WRITE},
    auth=REQUIRED,
    summary="Poproś o wypożyczenie / request a loan",
)
def request_loan(request: HttpRequest, payload: LoanIn):
    """Sprzęt jest zarezerwowany na ten okres, póki pracownicy nie zdecydują; dostają e-mail.

    The pieces are held for the term while staff decide; staff are e-mailed.
    """
    centre = require_centre(request)
    organisation = Organisation.objects.filter(centre=centre, pk=payload.organisation_id).first()
    wanted = {row.item_id: row.quantity for row in payload.items}
    if len(wanted) != len(payload.items):
        raise invalid_input("items", _("Każdy sprzęt podaj raz."))
    items = {i.pk: i for i in equipment_list(centre=centre).filter(pk__in=wanted)}
    if organisation is None or len(items) != len(wanted):
        raise Http404
    loan = loan_request(
        centre=centre,
        actor=request.auth,
        organisation=organisation,
        purpose=payload.purpose,
        starts_on=payload.starts_on,
        due_on=payload.due_on,
        items={items[pk]: quantity for pk, quantity in wanted.items()},
    )
    return Status(201, _loan_out(_loan_reloaded(request, loan.pk)))


def _loan_reloaded(request: HttpRequest, loan_id: int) -> Loan:
    return loan_get_visible(centre=require_centre(request), pk=loan_id, user=request.auth)


def _loan_for_staff(request: HttpRequest, loan_id: int) -> Loan:
    """A loan of this centre: 404 for an id the caller may not see, 403 for a member who is not staff."""
    loan = _loan_reloaded(request, loan_id)
    if not can_decide_loan(request.auth, loan):
        raise PermissionDenied
    return loan


@loans_router.get(
    "/{loan_id}",
    response={200: LoanOut, **ERRORS_READ},
    auth=REQUIRED,
    summary="Wypożyczenie / loan",
)
def loan_detail(request: HttpRequest, loan_id: Id):
    return _loan_out(_loan_reloaded(request, loan_id))


@loans_router.post(
    "/{loan_id}/approve",
    response={200: LoanOut, **ERRORS_WRITE},
    auth=REQUIRED,
    summary="Zatwierdź wypożyczenie / approve a loan",
)
def approve_loan(request: HttpRequest, loan_id: Id):
    """Tylko pracownicy centrum; organizacja dostaje e-mail. / Centre staff only; the organisation is e-mailed."""
    loan_approve(loan=_loan_for_staff(request, loan_id), actor=request.auth)
    return _loan_out(_loan_reloaded(request, loan_id))


@loans_router.post(
    "/{loan_id}/reject",
    response={200: LoanOut, **ERRORS_WRITE},
    auth=REQUIRED,
    summary="Odrzuć wypożyczenie / reject a loan",
)
def reject_loan(request: HttpRequest, loan_id: Id, payload: LoanRejectIn):
    """Tylko pracownicy centrum, z powodem. / Centre staff only, with a reason."""
    loan_reject(loan=_loan_for_staff(request, loan_id), actor=request.auth, reason=payload.reason)
    return _loan_out(_loan_reloaded(request, loan_id))


@loans_router.post(
    "/{loan_id}/cancel",
    response={200: LoanOut, **ERRORS_WRITE},
    auth=REQUIRED,
    summary="Anuluj wypożyczenie / cancel a loan",
)
def cancel_loan(request: HttpRequest, loan_id: Id, payload: LoanCancelIn):
    """Organizacja – póki wniosek czeka; pracownicy – także zatwierdzone. / The organisation while the
    request waits; staff also once approved."""
    loan = _loan_reloaded(request, loan_id)
    if not can_cancel_loan(request.auth, loan):
        raise PermissionDenied
    loan_cancel(loan=loan, actor=request.auth, reason=payload.reason)
    return _loan_out(_loan_reloaded(request, loan_id))


@loans_router.post(
    "/{loan_id}/hand_over",
    response={200: LoanOut, **ERRORS_WRITE},
    auth=REQUIRED,
    summary="Zapisz wydanie sprzętu / record the handover",
)
def hand_over_loan(request: HttpRequest, loan_id: Id, payload: LoanHandoverIn):
    """Tylko pracownicy centrum, najwcześniej w dniu wydania. / Centre staff only, on the pick-up day or later."""
    loan_hand_over(
        loan=_loan_for_staff(request, loan_id),
        actor=request.auth,
        received_by_name=payload.person,
        condition=payload.condition,
        notes=payload.notes,
    )
    return _loan_out(_loan_reloaded(request, loan_id))


@loans_router.post(
    "/{loan_id}/return",
    response={200: LoanOut, **ERRORS_WRITE},
    auth=REQUIRED,
    summary="Zapisz zwrot sprzętu / record the return",
)
def return_loan(request: HttpRequest, loan_id: Id, payload: LoanHandoverIn):
    """Tylko pracownicy centrum; sprzęt zwrócony uszkodzony trafia do ewidencji jako uszkodzony.

    Centre staff only; equipment returned damaged is marked so in the inventory.
    """
    loan_return(
        loan=_loan_for_staff(request, loan_id),
        actor=request.auth,
        returned_by_name=payload.person,
        condition=payload.condition,
        notes=payload.notes,
    )
    return _loan_out(_loan_reloaded(request, loan_id))
