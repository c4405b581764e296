"""Choosing the NGO members: nominations, one vote per organisation, the official's close and publish (or
the appointment from the nominees)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log
from centrum.core.exceptions import ApplicationError, full_clean_or_raise
from centrum.core.workflow import workflow_apply

from ..audit_labels import CouncilsAudit as Audit
from ..choices import ElectionStatus, Selection
from ..models import Body, Candidate, Election, Vote
from ..permissions import acts_for, nominations_open, voting_open
from .common import require_manager, save_once


@transaction.atomic
def election_create(*, body: Body, actor, data: dict) -> Election:
    require_manager(actor, body.centre)
    selection = body.kind.selection
    if selection == Selection.NONE:
        raise ApplicationError(_("Członków tego ciała nie wybiera się spośród organizacji."))
    if body.elections.filter(status=ElectionStatus.OPEN).exists():
        raise ApplicationError(_("Wybory do tego ciała już trwają."))
    election = Election(centre=body.centre, body=body, selection=selection, **data)
    full_clean_or_raise(election)
    if election.nominations_until <= timezone.now():
        raise ApplicationError(_("Termin zgłoszeń musi być w przyszłości."), field="nominations_until")
    if selection == Selection.ELECTION:
        if election.voting_from is None or election.voting_until is None:
            raise ApplicationError(_("Podaj początek i koniec głosowania."), field="voting_from")
        if election.voting_from < election.nominations_until:
            raise ApplicationError(_("Głosowanie zaczyna się po zamknięciu zgłoszeń."), field="voting_from")
        if election.voting_until <= election.voting_from:
            raise ApplicationError(_("Koniec głosowania musi być po jego początku."), field="voting_until")
    else:
        election.voting_from = election.voting_until = None
    election.save()
    audit_log(
        actor=actor,
        obj=election,
        action=Audit.ELECTION_CREATED,
        new={
            "seats": election.seats,
            "nominations_until": election.nominations_until,
            "voting_until": election.voting_until,
        },
    )
    return election


@transaction.atomic
def candidate_nominate(
    *, election: Election, actor, organisation, person_name: str, consent: bool
) -> Candidate:
    election = Election.objects.select_for_update().get(pk=election.pk)
    if not nominations_open(election):
        raise ApplicationError(_("Zgłaszanie kandydatów jest zamknięte."))
    if organisation.centre_id != election.centre_id or not acts_for(actor, organisation, admin=True):
        raise ApplicationError(
            _("Kandydata zgłasza zarząd (administrator) organizacji."), field="organisation"
        )
    if not consent:
        raise ApplicationError(_("Potwierdź, że kandydat zgodził się kandydować."), field="consent")
    candidate = Candidate(
        centre=election.centre,
        election=election,
        organisation=organisation,
        person_name=person_name.strip(),
        consent=True,
        nominated_by=actor,
    )
    full_clean_or_raise(candidate, validate_unique=False, validate_constraints=False)
    save_once(candidate, message=_("Ta organizacja już zgłosiła kandydata."))
    audit_log(
        actor=actor,
        obj=election,
        action=Audit.CANDIDATE_NOMINATED,
        new={"person_name": candidate.person_name, "organisation": organisation.name},
    )
    return candidate


@transaction.atomic
def vote_cast(*, election: Election, actor, organisation, candidate: Candidate) -> Vote:
    """One vote per organisation: the unique constraint decides a race, the loser gets a clear refusal."""
    if election.selection != Selection.ELECTION or not voting_open(election):
        raise ApplicationError(_("Głosowanie nie trwa."))
    if organisation.centre_id != election.centre_id or not acts_for(actor, organisation, admin=True):
        raise ApplicationError(_("Głos oddaje zarząd (administrator) organizacji."), field="organisation")
    if candidate.election_id != election.pk:
        raise ApplicationError(_("Wybierz kandydata z listy."), field="candidate")
    vote = save_once(
        Vote(
            centre=election.centre,
            election=election,
            organisation=organisation,
            candidate=candidate,
            cast_by=actor,
        ),
        message=_("Ta organizacja już oddała głos w tych wyborach."),
    )
    audit_log(actor=actor, obj=election, action=Audit.VOTE_CAST, new={"organisation": organisation.name})
    return vote


@transaction.atomic
def candidate_appoint(*, candidate: Candidate, actor) -> Candidate:
    """The mayor appoints from the nominees; the official records it."""
    require_manager(actor, candidate.centre)
    election = Election.objects.select_for_update().get(pk=candidate.election_id)
    if election.selection != Selection.APPOINTMENT or election.status != ElectionStatus.OPEN:
        raise ApplicationError(_("W tych wyborach nie zapisuje się powołań."))
    if election.candidates.filter(elected=True).count() >= election.seats:
        raise ApplicationError(_("Wszystkie miejsca są już obsadzone."))
    candidate = Candidate.objects.get(pk=candidate.pk, election=election)
    candidate.elected = True
    candidate.save(update_fields=["elected", "updated_at"])
    audit_log(
        actor=actor,
        obj=election,
        action=Audit.CANDIDATE_APPOINTED,
        new={"person_name": candidate.person_name},
    )
    return candidate


def election_close(*, election: Election, actor) -> Election:
    return workflow_apply(obj=election, action="close", actor=actor)


def election_publish(*, election: Election, actor) -> Election:
    return workflow_apply(obj=election, action="publish", actor=actor)
