"""The offers API (`/api/v1/grants/offers`): an organisation's offers (token or session): list, detail,
create a draft, store its content, submit, with the same service rules as the pages; officials read every
filed offer of a competition."""

from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Path, Router, Schema, Status

from centrum.api.auth import REQUIRED, require_centre
from centrum.api.schemas.common import ERRORS_READ, ERRORS_WRITE, MAX_ID, Id, Int, Text
from centrum.core.exceptions import ApplicationError
from centrum.core.selectors import get_for_centre_or_404
from centrum.organisations.selectors import organisation_list_for_user

from ..models import Competition
from ..permissions import is_grants_official
from ..selectors.offers import offer_get_visible, offers_for_user, offers_of_competition
from ..services.offers import (
    DECLARATION_KEYS,
    OfferContent,
    content_of,
    offer_create,
    offer_save,
    offer_submit,
    offeror_from_registry,
)

router = Router(tags=["grants"])
OfferId = Path(..., ge=1, le=MAX_ID)
Amount = Field(None, ge=0, le=Decimal("999999999999.99"), decimal_places=2)


class OfferOut(Schema):
    id: int
    competition_id: int
    organisation_id: int
    number: str
    is_joint: bool
    status: str
    title: str
    requested_grant: Decimal
    total_cost: Decimal
    submitted_at: datetime | None
    checksum: str
    confirmation_received_at: datetime | None
    correction_due_at: datetime | None


class OfferorIn(Schema):
    organisation_id: Id | None = None
    name: Text(300) = ""
    legal_form: Text(200) = ""
    register_number: Text(60) = ""
    seat: Text(300) = ""
    website: Text(300) = ""
    correspondence_address: Text(300) = ""
    email: Text(254) = ""
    phone: Text(40) = ""
    actions_scope: Text(4000) = ""


class ActionIn(Schema):
    name: Text(300) = ""
    description: Text(4000) = ""
    target_group: Text(300) = ""
    planned_term: Text(200) = ""
    subcontracted_scope: Text(300) = ""
    year: Int(ge=2000, le=2100) | None = None


class ResultIn(Schema):
    name: Text(300) = ""
    target_value: Decimal | None = Amount
    monitoring: Text(500) = ""


class CostLineIn(Schema):
    category: Literal["actions", "administrative"] = "actions"
    action: Int(ge=0, le=49) | None = Field(None, description="Indeks działania w `actions` (kategoria I)")
    kind: Text(300) = ""
    unit: Text(60) = ""
    unit_cost: Decimal | None = Amount
    units: Decimal | None = Field(None, gt=0, le=Decimal("9999999999.99"), decimal_places=2)
    year_1: Decimal | None = Amount
    year_2: Decimal | None = Amount
    year_3: Decimal | None = Amount


class ShareIn(Schema):
    offeror: Int(ge=0, le=19)
    year: Int(ge=1, le=3) = 1
    amount: Decimal = Field(..., ge=0, le=Decimal("999999999999.99"), decimal_places=2)


class OfferContentIn(Schema):
    contact_name: Text(200) = ""
    contact_email: Text(254) = ""
    contact_phone: Text(40) = ""
    title: Text(300) = ""
    start_date: date | None = None
    end_date: date | None = None
    synopsis: Text(10000) = ""
    results_description: Text(10000) = ""
    past_activity: Text(10000) = ""
    resources: Text(10000) = ""
    requested_grant: Decimal | None = Amount
    own_financial: Decimal | None = Amount
    own_personal: Decimal | None = Amount
    own_material: Decimal | None = Amount
    recipient_fees: Decimal | None = Amount
    paid_activity: bool = False
    paid_activity_note: Text(2000) = ""
    other_information: Text(10000) = ""
    declarations: list[str] = Field(default_factory=list, max_length=20)
    offerors: list[OfferorIn] = Field(default_factory=list, max_length=20)
    actions: list[ActionIn] = Field(default_factory=list, max_length=50)
    results: list[ResultIn] = Field(default_factory=list, max_length=50)
    lines: list[CostLineIn] = Field(default_factory=list, max_length=200)
    shares: list[ShareIn] = Field(default_factory=list, max_length=60)


class OfferCreateIn(Schema):
    competition_id: Id
    organisation_id: Id
    is_joint: bool = False


def _out(offer) -> dict:
    return {
        **{name: getattr(offer, name) for name in OfferOut.model_fields if name != "correction_due_at"},
        "correction_due_at": offer.correction_due_at,
    }


def _content(payload: OfferContentIn, organisations) -> OfferContent:
    header = payload.dict(exclude={"declarations", "offerors", "actions", "results", "lines", "shares"})
    unknown = set(payload.declarations) - set(DECLARATION_KEYS)
    if unknown:
        raise ApplicationError(
            _("Nieznane oświadczenie: %(key)s.") % {"key": sorted(unknown)[0]}, field="declarations"
        )
    offerors = []
    for row in payload.offerors:
        data = row.dict()
        if row.organisation_id is not None:
            organisation = organisations.filter(pk=row.organisation_id).first()
            if organisation is None:
                raise ApplicationError(_("Nie ma takiej organizacji w rejestrze."), field="offerors")
            data = {**offeror_from_registry(organisation), **{k: v for k, v in data.items() if v}}
        offerors.append(data)
    return OfferContent(
        header=header,
        declarations=dict.fromkeys(payload.declarations, True),
        offerors=offerors,
        actions=[a.dict() for a in payload.actions],
        results=[r.dict() for r in payload.results],
        lines=[ln.dict() for ln in payload.lines],
        shares={(s.offeror, s.year): s.amount for s in payload.shares},
    )


@router.get("", response={200: list[OfferOut], **ERRORS_READ}, auth=REQUIRED)
def offer_list(request: HttpRequest):
    """Oferty organizacji, w których działam. / The offers of my organisations."""
    return [_out(o) for o in offers_for_user(centre=require_centre(request), user=request.auth)]


@router.get(
    "/competition/{competition_id}",
    response={200: list[OfferOut], **ERRORS_READ, 403: ERRORS_WRITE[403]},
    auth=REQUIRED,
)
def competition_offers(request: HttpRequest, competition_id: int = OfferId):
    """Złożone oferty konkursu (urzędnicy). / A competition's filed offers (officials)."""
    centre = require_centre(request)
    if not is_grants_official(request.auth, centre):
        raise PermissionDenied
    competition = get_for_centre_or_404(Competition.objects.all(), centre=centre, pk=competition_id)
    return [_out(o) for o in offers_of_competition(centre=centre, competition_id=competition.pk)]


@router.get("/{offer_id}", response={200: OfferOut, **ERRORS_READ}, auth=REQUIRED)
def offer_get(request: HttpRequest, offer_id: int = OfferId):
    return _out(offer_get_visible(centre=require_centre(request), pk=offer_id, user=request.auth))


@router.post("", response={201: OfferOut, **ERRORS_WRITE}, auth=REQUIRED)
def offer_new(request: HttpRequest, payload: OfferCreateIn):
    """Nowy szkic oferty. / A new draft."""
    centre = require_centre(request)
    organisation = (
        organisation_list_for_user(centre=centre, user=request.auth)
        .filter(pk=payload.organisation_id)
        .first()
    )
    if organisation is None:
        raise ApplicationError(_("Nie należysz do tej organizacji."), field="organisation_id")
    competition = get_for_centre_or_404(Competition.objects.all(), centre=centre, pk=payload.competition_id)
    offer = offer_create(
        competition=competition, organisation=organisation, actor=request.auth, is_joint=payload.is_joint
    )
    return Status(201, _out(offer))


@router.put("/{offer_id}", response={200: OfferOut, **ERRORS_WRITE}, auth=REQUIRED)
def offer_put(request: HttpRequest, payload: OfferContentIn, offer_id: int = OfferId):
    """Zapisz treść szkicu (całą). / Store the draft's whole content."""
    from centrum.organisations.models import Organisation

    centre = require_centre(request)
    offer = offer_get_visible(centre=centre, pk=offer_id, user=request.auth)
    content = _content(payload, Organisation.objects.filter(centre=centre))
    return _out(offer_save(offer=offer, content=content, actor=request.auth))


@router.get("/{offer_id}/content", response={200: dict, **ERRORS_READ}, auth=REQUIRED)
def offer_content(request: HttpRequest, offer_id: int = OfferId):
    """Treść oferty (po złożeniu: treść objęta sumą kontrolną). / The content (once filed: the checksummed one)."""
    from ..services.offers import canonical_content

    offer = offer_get_visible(centre=require_centre(request), pk=offer_id, user=request.auth)
    return offer.filed_content or canonical_content(offer, content_of(offer))


@router.post("/{offer_id}/submit", response={200: OfferOut, **ERRORS_WRITE}, auth=REQUIRED)
def offer_file(request: HttpRequest, offer_id: int = OfferId):
    """Złóż ofertę (przed terminem; sprawdzane w chwili zapisu). / File the offer (before the deadline)."""
    offer = offer_get_visible(centre=require_centre(request), pk=offer_id, user=request.auth)
    return _out(offer_submit(offer=offer, actor=request.auth))
