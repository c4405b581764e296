"""Co-creation before the draft: a call for proposals, thematic teams, and the draft a team produces."""

from django.db import transaction
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log, snapshot
from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError, full_clean_or_raise
from centrum.core.models import Centre

from ..audit_labels import ConsultationsAudit as Audit
from ..choices import UnitLevel
from ..drafting import ParsedUnit
from ..models import Consultation, Proposal, ProposalCall, Team
from ..permissions import can_comment_for, can_manage_consultations
from .consultations import _store_units, consultation_save


def _staff(actor, centre) -> None:
    if not can_manage_consultations(actor, centre):
        raise ApplicationError(_("Nie masz uprawnień do tej czynności."))


@transaction.atomic
def call_save(*, centre: Centre, actor, data: dict, call: ProposalCall | None = None) -> ProposalCall:
    _staff(actor, centre)
    call = call or ProposalCall(centre=centre, created_by=actor)
    for name in ("title", "description", "kind", "ends_on"):
        if name in data:
            setattr(call, name, data[name])
    if call.kind_id and call.kind.centre_id != centre.pk:
        raise ApplicationError(_("Wybierz rodzaj konsultacji."), field="kind")
    full_clean_or_raise(call)
    call.save()
    audit_log(actor=actor, obj=call, action=Audit.CALL_SAVED, new=snapshot(call, ["title", "ends_on"]))
    return call


@transaction.atomic
def proposal_submit(*, call: ProposalCall, actor, organisation, title: str, text: str) -> Proposal:
    if warsaw_today() > call.ends_on:
        raise ApplicationError(_("Nabór propozycji już się zakończył."))
    if organisation is None or not can_comment_for(actor, organisation):
        raise ApplicationError(
            _("Propozycję w imieniu organizacji zgłasza jej członek."), field="organisation"
        )
    proposal = Proposal(
        centre_id=call.centre_id,
        call=call,
        organisation=organisation,
        author=actor,
        title=title.strip(),
        text=text.strip(),
    )
    full_clean_or_raise(proposal)
    proposal.save()
    audit_log(actor=actor, obj=proposal, action=Audit.PROPOSAL_SUBMITTED, new=snapshot(proposal, ["title"]))
    return proposal


@transaction.atomic
def proposal_accept(*, proposal: Proposal, actor, accepted: bool) -> Proposal:
    _staff(actor, proposal.centre)
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk, centre_id=proposal.centre_id)
    if proposal.accepted != accepted:
        proposal.accepted = accepted
        proposal.save(update_fields=["accepted", "updated_at"])
        audit_log(
            actor=actor,
            obj=proposal,
            action=Audit.PROPOSAL_ACCEPTED,
            old={"accepted": not accepted},
            new={"accepted": accepted},
        )
    return proposal


@transaction.atomic
def team_save(*, call: ProposalCall, actor, name: str, members: str) -> Team:
    _staff(actor, call.centre)
    team = Team(centre_id=call.centre_id, call=call, name=name.strip(), members=members.strip())
    full_clean_or_raise(team)
    team.save()
    audit_log(actor=actor, obj=team, action=Audit.TEAM_SAVED, new=snapshot(team, ["name", "members"]))
    return team


@transaction.atomic
def team_produce_draft(*, team: Team, actor, title: str, starts_on, ends_on) -> Consultation:
    """The team's draft: a consultation in draft status with the call's accepted proposals as its units."""
    call = team.call
    accepted = list(
        call.proposals.filter(accepted=True).select_related("organisation").order_by("created_at", "id")
    )
    if not accepted:
        raise ApplicationError(_("Przyjmij do projektu co najmniej jedną propozycję."))
    consultation = consultation_save(
        centre=call.centre,
        actor=actor,
        data={
            "kind": call.kind,
            "title": title,
            "starts_on": starts_on,
            "ends_on": ends_on,
            "description": call.description,
        },
    )
    consultation.team = team
    consultation.save(update_fields=["team", "updated_at"])
    _store_units(
        consultation,
        [
            ParsedUnit(number=f"pkt {n}", level=UnitLevel.POINT, heading=p.title, text=p.text)
            for n, p in enumerate(accepted, start=1)
        ],
        replace=True,
    )
    audit_log(actor=actor, obj=team, action=Audit.TEAM_DRAFTED, new={"consultation": consultation.pk})
    return consultation
