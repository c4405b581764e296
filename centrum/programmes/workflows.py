"""The declared workflows: a programme (draft → consultation → adopted → archived) and an own-initiative
proposal (submitted → accepted or refused, with the organ's answer)."""

from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from centrum.core.calendar import warsaw_today
from centrum.core.centre_settings import centre_setting
from centrum.core.exceptions import ApplicationError
from centrum.core.outbox import outbox_enqueue
from centrum.core.workflow import ACTOR, REASON, Step, Transition, Workflow, register

from .audit_labels import ProgrammesAudit as Audit
from .choices import ProgrammeStatus as P
from .choices import ProposalStatus
from .models import CooperationProgramme, OwnInitiativeProposal
from .permissions import can_answer_proposal, can_manage_programme


def adoption_deadline(centre, first_year: int) -> date:
    """The day by which the council adopts a programme starting in `first_year` (30 November before)."""
    month = centre_setting(centre, "programmes.adoption_deadline_month")
    day = centre_setting(centre, "programmes.adoption_deadline_day")
    for candidate in range(day, 27, -1):
        try:
            return date(first_year - 1, month, candidate)
        except ValueError:
            continue
    return date(first_year - 1, month, 28)


def _consultable(step: Step) -> None:
    programme = step.obj
    starts, ends = programme.consultation_starts_on, programme.consultation_ends_on
    if starts is None or ends is None:
        raise ApplicationError(_("Podaj daty początku i końca konsultacji."), field="consultation_ends_on")
    if ends < starts:
        raise ApplicationError(
            _("Konsultacje nie mogą skończyć się przed początkiem."), field="consultation_ends_on"
        )
    if ends < warsaw_today():
        raise ApplicationError(
            _("Koniec konsultacji nie może być w przeszłości."), field="consultation_ends_on"
        )
    if not programme.tasks.exists():
        raise ApplicationError(_("Dodaj zadania priorytetowe z planowanymi środkami przed konsultacjami."))


def _tell_organisations(step: Step) -> None:
    from centrum.organisations.models import Organisation

    programme = step.obj
    addresses = sorted(
        set(
            Organisation.objects.filter(centre=programme.centre, status="active")
            .exclude(email="")
            .values_list("email", flat=True)
        )
    )
    for address in addresses:
        outbox_enqueue(
            centre=programme.centre,
            to=address,
            template="programmes/emails/consultation_to_organisation",
            context={"programme": programme},
        )


def _adoptable(step: Step) -> None:
    programme = step.obj
    if not programme.resolution_number.strip():
        raise ApplicationError(_("Podaj numer uchwały rady."), field="resolution_number")
    if programme.adopted_on is None:
        raise ApplicationError(_("Podaj datę uchwalenia."), field="adopted_on")
    if programme.adopted_on > warsaw_today():
        raise ApplicationError(_("Data uchwalenia nie może być w przyszłości."), field="adopted_on")
    if (
        step.old_state == P.CONSULTATION
        and programme.consultation_ends_on
        and programme.adopted_on <= programme.consultation_ends_on
    ):
        raise ApplicationError(
            _("Program uchwala się po zakończeniu konsultacji (trwają do %(day)s).")
            % {"day": programme.consultation_ends_on.strftime("%d.%m.%Y")},
            field="adopted_on",
        )
    deadline = adoption_deadline(programme.centre, programme.first_year)
    if programme.adopted_on > deadline and not programme.adopted_late_reason.strip():
        raise ApplicationError(
            _(
                "Program na rok %(year)s uchwala się do %(deadline)s (art. 5a ust. 1 ustawy). Uchwalono go później – "
                "podaj przyczynę, zostanie zapisana przy programie."
            )
            % {"year": programme.first_year, "deadline": deadline.strftime("%d.%m.%Y")},
            field="adopted_late_reason",
        )


def _tell_organisation(event: str):
    def after(step: Step) -> None:
        proposal = step.obj
        addresses = [a for a in (proposal.submitted_by.email, proposal.organisation.email) if a]
        if addresses:
            outbox_enqueue(
                centre=proposal.centre,
                to=list(dict.fromkeys(addresses)),
                template=f"programmes/emails/{event}",
                context={"proposal": proposal, "answer": step.reason},
            )

    return after


PROGRAMME_STATUS = register(
    Workflow(
        key="programmes.programme",
        model=CooperationProgramme,
        refused_message=gettext_lazy("Programu w stanie „%(status)s” nie można teraz zmienić w ten sposób."),
        transitions=(
            Transition(
                action="open_consultation",
                sources=(P.DRAFT,),
                target=P.CONSULTATION,
                label=gettext_lazy("Skieruj projekt do konsultacji"),
                audit=Audit.CONSULTATION_OPENED,
                permission=can_manage_programme,
                guard=_consultable,
                after=_tell_organisations,
                in_ui=False,
            ),
            Transition(
                action="adopt",
                sources=(P.DRAFT, P.CONSULTATION),
                target=P.ADOPTED,
                label=gettext_lazy("Zapisz uchwalenie programu"),
                audit=Audit.ADOPTED,
                permission=can_manage_programme,
                guard=_adoptable,
                in_ui=False,
            ),
            Transition(
                action="archive",
                sources=(P.ADOPTED,),
                target=P.ARCHIVED,
                label=gettext_lazy("Zakończ program"),
                audit=Audit.ARCHIVED,
                permission=can_manage_programme,
            ),
        ),
    )
)

PROPOSAL_STATUS = register(
    Workflow(
        key="programmes.proposal",
        model=OwnInitiativeProposal,
        refused_message=gettext_lazy("Na tę ofertę już odpowiedziano."),
        select_related=("organisation", "submitted_by", "centre"),
        transitions=(
            Transition(
                action="accept",
                sources=(ProposalStatus.SUBMITTED,),
                target=ProposalStatus.ACCEPTED,
                label=gettext_lazy("Uznaj za celową"),
                audit=Audit.PROPOSAL_ACCEPTED,
                permission=can_answer_proposal,
                reason_required=True,
                reason_message=gettext_lazy("Napisz odpowiedź – organizacja ją otrzyma."),
                stamps={"status_reason": REASON, "answered_by": ACTOR},
                after=_tell_organisation("proposal_answered_to_organisation"),
            ),
            Transition(
                action="refuse",
                sources=(ProposalStatus.SUBMITTED,),
                target=ProposalStatus.REFUSED,
                label=gettext_lazy("Nie uwzględniaj"),
                audit=Audit.PROPOSAL_REFUSED,
                permission=can_answer_proposal,
                reason_required=True,
                reason_message=gettext_lazy("Podaj uzasadnienie – organizacja je otrzyma."),
                stamps={"status_reason": REASON, "answered_by": ACTOR},
                after=_tell_organisation("proposal_answered_to_organisation"),
                danger=True,
            ),
        ),
    )
)
