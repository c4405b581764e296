"""Declared workflows: an election (open → closed, the votes counted → published, the elected become
members) and an opinion request (awaiting → given, or waived when the kind says silence is a waiver)."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError
from centrum.core.workflow import ACTOR, NOW, Step, Transition, Workflow, register

from . import rules
from .audit_labels import CouncilsAudit as Audit
from .choices import ElectionStatus as E
from .choices import OpinionStatus as O
from .choices import Selection, Side
from .models import Candidate, Election, Member, OpinionRequest
from .permissions import can_close_election, can_decide_opinion, can_publish_election


def _closable(step: Step) -> None:
    election, now = step.obj, timezone.now()
    if election.selection == Selection.ELECTION:
        if election.voting_until is None or now < election.voting_until:
            raise ApplicationError(_("Głosowanie jeszcze trwa – wybory zamkniesz po jego końcu."))
        candidates = list(election.candidates.all())
        counts: dict[int, int] = {}
        for candidate_id in election.votes.values_list("candidate_id", flat=True):
            counts[candidate_id] = counts.get(candidate_id, 0) + 1
        tallies = [
            rules.Tally(candidate_id=c.pk, votes=counts.get(c.pk, 0), order=i)
            for i, c in enumerate(candidates)
        ]
        chosen, note = rules.elected_ids(
            tallies, election.seats, tie_rule=election.body.kind.tie_rule, seed=election.pk
        )
        for candidate in candidates:
            candidate.votes = counts.get(candidate.pk, 0)
            candidate.elected = candidate.pk in chosen
        Candidate.objects.bulk_update(candidates, ["votes", "elected"])
        if note:
            election.result_note = (
                _("Remis przy ostatnim miejscu rozstrzygnięto losowaniem.")
                if note == "lot"
                else _(
                    "Remis przy ostatnim miejscu rozstrzygnięto na korzyść kandydata zgłoszonego wcześniej."
                )
            )
            step.audit_new["result_note"] = election.result_note
    else:
        if now < election.nominations_until:
            raise ApplicationError(_("Zgłoszenia jeszcze trwają – zamkniesz je po terminie."))
        appointed = election.candidates.filter(elected=True).count()
        if not appointed:
            raise ApplicationError(_("Zapisz powołanie co najmniej jednego kandydata."))
        if appointed > election.seats:
            raise ApplicationError(_("Powołano więcej osób, niż jest miejsc."))
    step.audit_new["elected"] = list(
        election.candidates.filter(elected=True).values_list("person_name", flat=True)
    )


def _members_from_result(step: Step) -> None:
    election = step.obj
    day = election.member_from or warsaw_today()
    for candidate in election.candidates.filter(elected=True).select_related("organisation"):
        Member.objects.create(
            centre=election.centre,
            body=election.body,
            person_name=candidate.person_name,
            side=Side.NGO,
            organisation=candidate.organisation,
            from_date=day,
        )


ELECTION_STATUS = register(
    Workflow(
        key="councils.election",
        model=Election,
        select_related=("body__kind", "centre"),
        transitions=(
            Transition(
                action="close",
                sources=(E.OPEN,),
                target=E.CLOSED,
                label=gettext_lazy("Zamknij i policz wynik"),
                audit=Audit.ELECTION_CLOSED,
                permission=can_close_election,
                guard=_closable,
                stamps={"closed_at": NOW, "closed_by": ACTOR},
                done_message=gettext_lazy("Wybory zamknięte, wynik policzony."),
            ),
            Transition(
                action="publish",
                sources=(E.CLOSED,),
                target=E.PUBLISHED,
                label=gettext_lazy("Ogłoś wynik – wybrani zostaną członkami"),
                audit=Audit.ELECTION_PUBLISHED,
                permission=can_publish_election,
                stamps={"published_at": NOW},
                after=_members_from_result,
                done_message=gettext_lazy("Wynik ogłoszony, wybrani dopisani do składu."),
            ),
        ),
    )
)


def _given(step: Step) -> None:
    request = step.obj
    if not request.verdict:
        raise ApplicationError(_("Wybierz, jaka jest opinia."), field="verdict")
    if not request.opinion_text.strip() and not request.opinion_file:
        raise ApplicationError(_("Wpisz treść opinii albo dołącz plik."), field="opinion_text")
    if request.given_on is None:
        raise ApplicationError(_("Podaj datę opinii."), field="given_on")
    if request.given_on > warsaw_today():
        raise ApplicationError(_("Data opinii nie może być w przyszłości."), field="given_on")
    if request.given_on < request.received_on:
        raise ApplicationError(
            _("Opinia nie mogła zostać wydana przed wpłynięciem wniosku."), field="given_on"
        )
    if request.given_on > request.deadline and not request.late_note.strip():
        raise ApplicationError(
            _("Opinia wydana po terminie (%(deadline)s) – wpisz uwagę, dlaczego ją rejestrujesz.")
            % {"deadline": request.deadline.strftime("%d.%m.%Y")},
            field="late_note",
        )


def _waivable(step: Step) -> None:
    request = step.obj
    if not request.body.kind.silence_is_waiver:
        raise ApplicationError(_("Dla tego rodzaju ciała brak opinii nie oznacza rezygnacji."))
    if warsaw_today() <= request.deadline:
        raise ApplicationError(_("Termin na opinię jeszcze nie minął."))


OPINION_STATUS = register(
    Workflow(
        key="councils.opinion",
        model=OpinionRequest,
        select_related=("body__kind", "centre"),
        transitions=(
            Transition(
                action="give",
                sources=(O.AWAITING,),
                target=O.GIVEN,
                label=gettext_lazy("Zarejestruj opinię"),
                audit=Audit.OPINION_GIVEN,
                permission=can_decide_opinion,
                guard=_given,
                stamps={"decided_at": NOW, "decided_by": ACTOR},
                in_ui=False,
                done_message=gettext_lazy("Opinia zarejestrowana."),
            ),
            Transition(
                action="waive",
                sources=(O.AWAITING,),
                target=O.WAIVED,
                label=gettext_lazy("Zapisz brak opinii w terminie"),
                audit=Audit.OPINION_WAIVED,
                permission=can_decide_opinion,
                system=True,
                guard=_waivable,
                stamps={"decided_at": NOW},
                done_message=gettext_lazy("Zapisano rezygnację z opinii (upływ terminu)."),
            ),
        ),
    )
)
