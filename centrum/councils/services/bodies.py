"""Kinds, bodies, their members and the joint request of organisations to create a body."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log, changes, snapshot
from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError, full_clean_or_raise
from centrum.core.models import Centre

from .. import rules
from ..audit_labels import CouncilsAudit as Audit
from ..models import KIND_RULE_FIELDS as KIND_FIELDS
from ..models import Body, BodyKind, JointRequest, JointRequestSignature, Member
from ..permissions import acts_for, can_sign_request
from .common import require_manager, save_once

BODY_FIELDS = [
    "kind",
    "name",
    "description",
    "resolution_number",
    "resolution_date",
    "resolution_url",
    "term_start",
    "term_end",
    "statute",
    "statute_url",
    "ngo_seats",
    "active",
]


@transaction.atomic
def kind_save(*, centre: Centre, actor, data: dict, kind: BodyKind | None = None) -> BodyKind:
    require_manager(actor, centre)
    kind = BodyKind(centre=centre) if kind is None else BodyKind.objects.select_for_update().get(pk=kind.pk)
    before = snapshot(kind, KIND_FIELDS) if kind.pk else {}
    for name in KIND_FIELDS:
        if name in data:
            setattr(kind, name, data[name])
    full_clean_or_raise(kind)
    kind.save()
    old, new = changes(before, snapshot(kind, KIND_FIELDS))
    if new:
        audit_log(actor=actor, obj=kind, action=Audit.KIND_SAVED, old=old, new=new)
    return kind


@transaction.atomic
def kinds_add_statutory(*, centre: Centre, actor) -> int:
    """Adds the kinds the law names that the centre lacks (by name), each with its statutory rules."""
    from ..catalogue import KINDS, kinds_ensure

    require_manager(actor, centre)
    had = set(BodyKind.objects.filter(centre=centre).values_list("name", flat=True))
    kinds = kinds_ensure(centre=centre)
    added = [kinds[key] for key, fields in KINDS.items() if fields["name"] not in had]
    for kind in added:
        audit_log(actor=actor, obj=kind, action=Audit.KIND_SAVED, new=snapshot(kind, KIND_FIELDS))
    return len(added)


def _term_end(body: Body) -> None:
    if body.term_start and not body.term_end and body.kind.term_years:
        body.term_end = rules.add_months(body.term_start, 12 * body.kind.term_years)


@transaction.atomic
def body_create(*, centre: Centre, actor, data: dict, joint_request: JointRequest | None = None) -> Body:
    require_manager(actor, centre)
    body = Body(centre=centre, **{k: v for k, v in data.items() if k in BODY_FIELDS})
    body.name = body.name.strip()
    if body.kind_id:
        _term_end(body)
    full_clean_or_raise(body)
    body.save()
    audit_log(actor=actor, obj=body, action=Audit.BODY_CREATED, new=snapshot(body, BODY_FIELDS))
    if joint_request is not None:
        request = JointRequest.objects.select_for_update().get(pk=joint_request.pk, centre=centre)
        if request.body_id is not None:
            raise ApplicationError(_("Ten wniosek został już zamknięty powołaniem ciała."))
        request.body = body
        request.save(update_fields=["body", "updated_at"])
    return body


@transaction.atomic
def body_update(*, body: Body, actor, data: dict) -> Body:
    require_manager(actor, body.centre)
    body = Body.objects.select_for_update().select_related("kind").get(pk=body.pk)
    before = snapshot(body, BODY_FIELDS)
    for name in BODY_FIELDS:
        if name in data:
            setattr(body, name, data[name])
    _term_end(body)
    full_clean_or_raise(body)
    _check_share(body, [m.side for m in current_members(body)])
    body.save()
    old, new = changes(before, snapshot(body, BODY_FIELDS))
    if new:
        audit_log(actor=actor, obj=body, action=Audit.BODY_UPDATED, old=old, new=new)
    return body


def current_members(body: Body, day: date | None = None) -> list[Member]:
    day = day or warsaw_today()
    return [
        m
        for m in Member.objects.filter(body=body, from_date__lte=day)
        if m.to_date is None or m.to_date >= day
    ]


def _check_share(body: Body, sides: list[str]) -> None:
    minimum = body.kind.min_ngo_share_percent
    if not rules.ngo_share_ok(sides, minimum):
        raise ApplicationError(
            _(
                "Strona pozarządowa musi stanowić co najmniej %(min)s%% składu – po tej zmianie byłoby to mniej. "
                "Najpierw dopisz przedstawiciela organizacji."
            )
            % {"min": minimum}
        )


@transaction.atomic
def member_add(*, body: Body, actor, data: dict) -> Member:
    require_manager(actor, body.centre)
    body = Body.objects.select_for_update().select_related("kind").get(pk=body.pk)
    member = Member(centre=body.centre, body=body, **data)
    member.person_name = member.person_name.strip()
    full_clean_or_raise(member)
    if member.to_date and member.to_date < member.from_date:
        raise ApplicationError(_("Koniec członkostwa nie może być przed jego początkiem."), field="to_date")
    sides = [m.side for m in current_members(body)]
    if member.from_date <= warsaw_today():
        sides.append(member.side)
    _check_share(body, sides)
    member.save()
    audit_log(
        actor=actor,
        obj=body,
        action=Audit.MEMBER_ADDED,
        new={"person_name": member.person_name, "side": member.side, "role": member.role},
    )
    return member


@transaction.atomic
def member_end(*, member: Member, actor, to_date: date) -> Member:
    require_manager(actor, member.centre)
    body = Body.objects.select_for_update().select_related("kind").get(pk=member.body_id)
    member = Member.objects.get(pk=member.pk, body=body)
    if to_date < member.from_date:
        raise ApplicationError(_("Koniec członkostwa nie może być przed jego początkiem."), field="to_date")
    if to_date < warsaw_today():
        sides = [m.side for m in current_members(body) if m.pk != member.pk]
        _check_share(body, sides)
    old = member.to_date
    member.to_date = to_date
    member.save(update_fields=["to_date", "updated_at"])
    audit_log(
        actor=actor,
        obj=body,
        action=Audit.MEMBER_ENDED,
        old={"to_date": old},
        new={"person_name": member.person_name, "to_date": to_date},
    )
    return member


@transaction.atomic
def joint_request_create(*, kind: BodyKind, actor, title: str, organisation) -> JointRequest:
    if not kind.request_min_organisations:
        raise ApplicationError(
            _("Ten rodzaj ciała nie jest powoływany na wniosek organizacji."), field="kind"
        )
    if not acts_for(actor, organisation, admin=False):
        raise ApplicationError(
            _("Możesz podpisać wniosek tylko za organizację, której jesteś członkiem."), field="organisation"
        )
    request = JointRequest(centre=kind.centre, kind=kind, title=title.strip())
    full_clean_or_raise(request)
    request.save()
    audit_log(actor=actor, obj=request, action=Audit.REQUEST_CREATED, new={"title": request.title})
    joint_request_sign(joint_request=request, actor=actor, organisation=organisation)
    return request


@transaction.atomic
def joint_request_sign(*, joint_request: JointRequest, actor, organisation) -> JointRequestSignature:
    request = JointRequest.objects.select_for_update().select_related("kind").get(pk=joint_request.pk)
    if organisation.centre_id != request.centre_id or not can_sign_request(actor, request, organisation):
        raise ApplicationError(
            _("Możesz podpisać wniosek tylko za organizację, której jesteś członkiem."), field="organisation"
        )
    today = warsaw_today()
    signature = save_once(
        JointRequestSignature(
            centre=request.centre,
            request=request,
            organisation=organisation,
            signed_by=actor,
            signed_on=today,
        ),
        message=_("Ta organizacja już podpisała wniosek."),
    )
    if (
        request.threshold_reached_on is None
        and request.signatures.count() >= request.kind.request_min_organisations
    ):
        request.threshold_reached_on = today
        request.deadline = rules.add_months(today, request.kind.creation_months or 2)
        request.save(update_fields=["threshold_reached_on", "deadline", "updated_at"])
    audit_log(
        actor=actor,
        obj=request,
        action=Audit.REQUEST_SIGNED,
        new={"organisation": organisation.name, "deadline": request.deadline},
    )
    return signature
