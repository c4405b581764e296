"""JSON API of the address service: the public list of organisations at the centre's address, and agreements
and mail for the organisation's own members and the centre's staff. Registered in centrum/api/api.py."""

from datetime import date, datetime

from django.db.models import Q
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from centrum.accounts.models import Membership
from centrum.api.auth import PUBLIC, PUBLIC_OPENAPI, REQUIRED, require_centre
from centrum.api.schemas.common import ERRORS_READ, Id
from centrum.core.permissions import is_centre_staff

from .choices import AddressUse, AgreementStatus, MailKind, MailStatus
from .models import MailItem
from .selectors import (
    agreement_get_for,
    agreement_list_for_user,
    agreement_register,
    mail_get_for,
    mail_log,
    public_registered_list,
)

router = Router(tags=["addresses"])


class RegisteredOut(Schema):
    organisation_id: int
    name: str
    krs: str
    use: AddressUse


class AgreementOut(Schema):
    id: int
    number: str
    use: AddressUse
    status: AgreementStatus
    organisation_id: int | None
    holder_name: str
    is_founding: bool
    starts_on: date
    ends_on: date
    rules_version: str
    krs_check: str


class AgreementPageOut(Schema):
    count: int
    limit: int
    offset: int
    results: list[AgreementOut]


class AgreementQuery(Schema):
    status: AgreementStatus | None = Field(None, description="Tylko w tym stanie / only in this state")
    limit: int = Field(50, ge=1, le=200)
    offset: int = Field(0, ge=0, le=100_000)


class MailOut(Schema):
    id: int
    organisation_id: int
    received_on: date
    sender: str
    kind: MailKind
    urgent: bool
    status: MailStatus
    collected_by: str | None
    collected_at: datetime | None


class MailPageOut(Schema):
    count: int
    limit: int
    offset: int
    results: list[MailOut]


class MailQuery(Schema):
    status: MailStatus | None = Field(None, description="Tylko w tym stanie / only in this state")
    organisation_id: int | None = Field(None, ge=1, le=2_147_483_647)
    limit: int = Field(50, ge=1, le=200)
    offset: int = Field(0, ge=0, le=100_000)


def _page(rows, query, out) -> dict:
    count = rows.count()
    items = list(rows[query.offset : query.offset + query.limit]) if count else []
    return {
        "count": count,
        "limit": query.limit,
        "offset": query.offset,
        "results": [out(row) for row in items],
    }


def _agreement_out(agreement) -> dict:
    return {
        "id": agreement.pk,
        "number": agreement.number,
        "use": agreement.use,
        "status": agreement.status,
        "organisation_id": agreement.organisation_id,
        "holder_name": agreement.holder_name,
        "is_founding": agreement.is_founding,
        "starts_on": agreement.starts_on,
        "ends_on": agreement.ends_on,
        "rules_version": agreement.rules_version,
        "krs_check": agreement.krs_check,
    }


def _mail_out(mail) -> dict:
    return {
        "id": mail.pk,
        "organisation_id": mail.organisation_id,
        "received_on": mail.received_on,
        "sender": mail.sender,
        "kind": mail.kind,
        "urgent": mail.urgent,
        "status": mail.status,
        "collected_by": mail.collected_by.full_name if mail.collected_by_id else None,
        "collected_at": mail.collected_at,
    }


@router.get(
    "/registered",
    response=list[RegisteredOut],
    auth=PUBLIC,
    openapi_extra=PUBLIC_OPENAPI,
    summary="Organizacje pod adresem centrum / organisations at the centre's address",
)
def registered(request: HttpRequest):
    return [
        {
            "organisation_id": a.organisation_id,
            "name": a.organisation.name,
            "krs": a.organisation.krs,
            "use": a.use,
        }
        for a in public_registered_list(centre=require_centre(request))
    ]


@router.get(
    "/agreements",
    response={200: AgreementPageOut, **ERRORS_READ},
    auth=REQUIRED,
    summary="Porozumienia o adresie / address agreements",
)
def agreements(request: HttpRequest, query: Query[AgreementQuery]):
    """Pracownicy centrum: wszystkie; inni: swoje i swoich organizacji. / Staff: all; others: their own."""
    centre = require_centre(request)
    rows = (
        agreement_register(centre=centre)
        if is_centre_staff(request.auth, centre)
        else agreement_list_for_user(centre=centre, user=request.auth)
    )
    if query.status:
        rows = rows.filter(status=query.status)
    return _page(rows, query, _agreement_out)


@router.get(
    "/agreements/{agreement_id}",
    response={200: AgreementOut, **ERRORS_READ},
    auth=REQUIRED,
    summary="Porozumienie o adresie / address agreement",
)
def agreement(request: HttpRequest, agreement_id: Id):
    return _agreement_out(
        agreement_get_for(centre=require_centre(request), user=request.auth, pk=agreement_id)
    )


@router.get(
    "/mail",
    response={200: MailPageOut, **ERRORS_READ},
    auth=REQUIRED,
    summary="Poczta / mail log",
)
def mail(request: HttpRequest, query: Query[MailQuery]):
    """Pracownicy centrum: cały dziennik; członkowie: poczta swoich organizacji. / Staff: all; members: theirs."""
    centre = require_centre(request)
    if is_centre_staff(request.auth, centre):
        rows = mail_log(centre=centre)
    else:
        mine = Membership.objects.filter(centre=centre, user=request.auth).values("organisation_id")
        rows = MailItem.objects.filter(Q(centre=centre) & Q(organisation_id__in=mine)).select_related(
            "collected_by"
        )
        rows = rows.order_by("-received_on", "-id")
    if query.status:
        rows = rows.filter(status=query.status)
    if query.organisation_id:
        rows = rows.filter(organisation_id=query.organisation_id)
    return _page(rows, query, _mail_out)


@router.get(
    "/mail/{mail_id}",
    response={200: MailOut, **ERRORS_READ},
    auth=REQUIRED,
    summary="Przesyłka / piece of mail",
)
def mail_item(request: HttpRequest, mail_id: Id):
    return _mail_out(mail_get_for(centre=require_centre(request), user=request.auth, pk=mail_id))
