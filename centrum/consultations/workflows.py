"""The declared workflows: a consultation (draft → open → closed → answered → report published) and a comment
(an unconfirmed resident's comment is confirmed by e-mail; an official answers each with a justification)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError
from centrum.core.outbox import outbox_enqueue
from centrum.core.workflow import ACTOR, NOW, REASON, Step, Transition, Workflow, register

from .audit_labels import ConsultationsAudit as Audit
from .choices import CommentStatus as C
from .choices import ConsultationStatus as S
from .choices import ConsultedGroup
from .models import Comment, Consultation
from .permissions import can_answer_comment, can_manage_consultation


def _openable(step: Step) -> None:
    consultation = step.obj
    today = warsaw_today()
    if not consultation.units.filter(version=consultation.version).exists():
        raise ApplicationError(_("Dodaj treść projektu (jednostki) przed rozpoczęciem konsultacji."))
    if consultation.starts_on > today:
        raise ApplicationError(
            _("Konsultacje zaczynają się %(day)s; rozpoczną się same tego dnia.")
            % {"day": consultation.starts_on.strftime("%d.%m.%Y")}
        )
    if consultation.ends_on < today:
        raise ApplicationError(_("Termin konsultacji już minął; zmień daty."), field="ends_on")


def consulted_addresses(consultation) -> list[str]:
    """One address per organisation e-mail among those consulted (none for residents only)."""
    from centrum.organisations.models import Organisation

    if consultation.consulted_group == ConsultedGroup.RESIDENTS:
        return []
    organisations = Organisation.objects.filter(centre=consultation.centre, status="active").exclude(email="")
    if consultation.consulted_group == ConsultedGroup.FIELDS:
        organisations = organisations.filter(areas__in=consultation.areas.all())
    return sorted({address.strip().lower() for address in organisations.values_list("email", flat=True)})


def _tell_organisations(step: Step) -> None:
    consultation = step.obj
    for address in consulted_addresses(consultation):
        outbox_enqueue(
            centre=consultation.centre,
            to=address,
            template="consultations/emails/opened_to_organisation",
            context={"consultation": consultation},
        )


def _ended(step: Step) -> None:
    if step.obj.ends_on >= warsaw_today():
        raise ApplicationError(
            _("Konsultacje trwają do %(day)s.") % {"day": step.obj.ends_on.strftime("%d.%m.%Y")}
        )


def _all_answered(step: Step) -> None:
    waiting = step.obj.comments.filter(status=C.SUBMITTED).count()
    if waiting:
        raise ApplicationError(
            _("Odpowiedz najpierw na wszystkie uwagi (bez odpowiedzi: %(count)s).") % {"count": waiting}
        )


def _answerable(step: Step) -> None:
    if step.obj.consultation.status not in (S.OPEN, S.CLOSED):
        raise ApplicationError(_("Na uwagi odpowiada się w trakcie konsultacji i po ich zakończeniu."))


CONSULTATION_STATUS = register(
    Workflow(
        key="consultations.consultation",
        model=Consultation,
        select_related=("kind", "centre"),
        refused_message=gettext_lazy(
            "Konsultacji w stanie „%(status)s” nie można teraz zmienić w ten sposób."
        ),
        transitions=(
            Transition(
                action="open",
                sources=(S.DRAFT,),
                target=S.OPEN,
                label=gettext_lazy("Rozpocznij konsultacje"),
                audit=Audit.CONSULTATION_OPENED,
                permission=can_manage_consultation,
                system=True,
                guard=_openable,
                after=_tell_organisations,
            ),
            Transition(
                action="close",
                sources=(S.OPEN,),
                target=S.CLOSED,
                label=gettext_lazy("Zakończ konsultacje"),
                audit=Audit.CONSULTATION_CLOSED,
                permission=can_manage_consultation,
                system=True,
                guard=_ended,
            ),
            Transition(
                action="answered",
                sources=(S.CLOSED,),
                target=S.ANSWERED,
                label=gettext_lazy("Zamknij rozpatrywanie uwag"),
                audit=Audit.CONSULTATION_ANSWERED,
                permission=can_manage_consultation,
                guard=_all_answered,
            ),
            Transition(
                action="publish_report",
                sources=(S.ANSWERED,),
                target=S.REPORTED,
                label=gettext_lazy("Opublikuj sprawozdanie"),
                audit=Audit.REPORT_PUBLISHED,
                permission=can_manage_consultation,
                stamps={"report_published_at": NOW},
            ),
        ),
    )
)


def _answer(action: str, target: str, label, audit, danger: bool = False) -> Transition:
    return Transition(
        action=action,
        sources=(C.SUBMITTED,),
        target=target,
        label=label,
        audit=audit,
        permission=can_answer_comment,
        reason_required=True,
        reason_message=gettext_lazy("Uzasadnij rozstrzygnięcie – trafi do sprawozdania."),
        stamps={"answer": REASON, "answered_by": ACTOR, "answered_at": NOW},
        guard=_answerable,
        danger=danger,
    )


COMMENT_STATUS = register(
    Workflow(
        key="consultations.comment",
        model=Comment,
        select_related=("consultation", "centre"),
        refused_message=gettext_lazy("Uwaga jest w stanie „%(status)s”: nie można jej tak zmienić."),
        transitions=(
            Transition(
                action="confirm",
                sources=(C.UNCONFIRMED,),
                target=C.SUBMITTED,
                label=gettext_lazy("Potwierdź uwagę"),
                audit=Audit.COMMENT_CONFIRMED,
                system=True,
                in_ui=False,
            ),
            _answer("accept", C.ACCEPTED, gettext_lazy("Uwzględnij"), Audit.COMMENT_ACCEPTED),
            _answer("partly", C.PARTLY, gettext_lazy("Uwzględnij częściowo"), Audit.COMMENT_PARTLY),
            _answer(
                "reject", C.REJECTED, gettext_lazy("Nie uwzględniaj"), Audit.COMMENT_REJECTED, danger=True
            ),
        ),
    )
)
