"""Comments on a consultation's draft and the official's answers."""

from datetime import timedelta

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log, snapshot
from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError, full_clean_or_raise
from centrum.core.outbox import outbox_enqueue
from centrum.core.signed_links import read_signed_token, signed_token
from centrum.core.workflow import workflow_apply

from ..audit_labels import ConsultationsAudit as Audit
from ..choices import CommentStatus, ConsultationStatus
from ..models import Comment, Consultation, Unit
from ..permissions import can_comment_for

CONFIRM_PURPOSE = "consultations.comment"
CONFIRM_MAX_AGE = timedelta(days=3)
COMMENT_FIELDS = ["unit", "organisation", "author_name", "author_email", "proposal", "justification"]
ANSWERS = {"accept", "partly", "reject"}


def _check_open(consultation: Consultation) -> None:
    today = warsaw_today()
    ended = consultation.status not in (ConsultationStatus.DRAFT, ConsultationStatus.OPEN)
    if not ended and (consultation.status != ConsultationStatus.OPEN or today < consultation.starts_on):
        raise ApplicationError(_("Konsultacje jeszcze się nie rozpoczęły – uwag nie można jeszcze zgłaszać."))
    if ended or today > consultation.ends_on:
        raise ApplicationError(
            _("Konsultacje zakończyły się %(day)s – uwag już się nie przyjmuje.")
            % {"day": consultation.ends_on.strftime("%d.%m.%Y")}
        )


def _check_text(proposal: str, justification: str) -> None:
    if not proposal.strip():
        raise ApplicationError(_("Wpisz uwagę albo proponowane brzmienie."), field="proposal")
    if not justification.strip():
        raise ApplicationError(_("Uzasadnij uwagę."), field="justification")


@transaction.atomic
def comment_submit(
    *,
    consultation: Consultation,
    actor,
    proposal: str,
    justification: str,
    unit: Unit | None = None,
    organisation=None,
    author_name: str = "",
    author_email: str = "",
) -> Comment:
    """A comment signed for an organisation by its member, or a resident's (with an account, or confirmed
    by e-mail when sent through the public form)."""
    consultation = (
        Consultation.objects.select_related("kind")
        .select_for_update(of=("self",))
        .get(pk=consultation.pk, centre_id=consultation.centre_id)
    )
    _check_open(consultation)
    _check_text(proposal, justification)
    kind = consultation.kind
    if unit is not None and (unit.consultation_id != consultation.pk or unit.version != consultation.version):
        raise ApplicationError(_("Wybierz jednostkę z konsultowanego projektu."), field="unit")
    person = actor if getattr(actor, "is_authenticated", False) else None
    if organisation is not None:
        if not kind.admits_organisations:
            raise ApplicationError(
                _("W tych konsultacjach uwagi zgłaszają mieszkańcy."), field="organisation"
            )
        if person is None or not can_comment_for(person, organisation):
            raise ApplicationError(
                _("Uwagę w imieniu organizacji podpisuje jej członek."), field="organisation"
            )
        if (
            consultation.areas.exists()
            and not organisation.areas.filter(pk__in=consultation.areas.values("pk")).exists()
        ):
            raise ApplicationError(
                _("Konsultowane są organizacje z wybranych sfer działalności."), field="organisation"
            )
        author_name, author_email = person.full_name or person.email, person.email
        status = CommentStatus.SUBMITTED
    else:
        if not kind.admits_residents:
            raise ApplicationError(
                _("W tych konsultacjach uwagi zgłaszają organizacje."), field="organisation"
            )
        if person is not None:
            author_name = author_name.strip() or person.full_name
            author_email = person.email
            status = CommentStatus.SUBMITTED
        else:
            if not author_name.strip() or not author_email.strip():
                raise ApplicationError(_("Podaj imię, nazwisko i adres e-mail."), field="author_name")
            status = CommentStatus.UNCONFIRMED
    comment = Comment(
        centre_id=consultation.centre_id,
        consultation=consultation,
        unit=unit,
        author=person,
        organisation=organisation,
        author_name=author_name.strip()[:200],
        author_email=author_email.strip(),
        current_wording=unit.text if unit is not None else "",
        proposal=proposal.strip(),
        justification=justification.strip(),
        status=status,
    )
    full_clean_or_raise(comment)
    comment.save()
    audit_log(
        actor=person, obj=comment, action=Audit.COMMENT_SUBMITTED, new=snapshot(comment, COMMENT_FIELDS)
    )
    if status == CommentStatus.UNCONFIRMED:
        token = signed_token(CONFIRM_PURPOSE, comment.pk, version=str(comment.created_at.timestamp()))
        outbox_enqueue(
            centre=consultation.centre,
            to=comment.author_email,
            template="consultations/emails/confirm_to_resident",
            context={
                "consultation": consultation,
                "comment": comment,
                "confirm_path": reverse("consultations:confirm", args=[token]),
            },
        )
    return comment


def comment_for_token(*, centre, token: str) -> Comment | None:
    """The comment an e-mailed confirmation link names in `centre` (None: another centre's, or gone);
    a forged, expired or reissued link raises ApplicationError."""
    pk, version = read_signed_token(CONFIRM_PURPOSE, token, max_age=CONFIRM_MAX_AGE)
    comment = Comment.objects.select_related("consultation").filter(centre=centre, pk=pk).first()
    if comment is not None and str(comment.created_at.timestamp()) != version:
        raise ApplicationError(_("Ten link jest nieprawidłowy."))
    return comment


@transaction.atomic
def comment_confirm(*, comment: Comment) -> Comment:
    if comment.status != CommentStatus.UNCONFIRMED:
        return comment
    if (
        comment.consultation.status != ConsultationStatus.OPEN
        or warsaw_today() > comment.consultation.ends_on
    ):
        raise ApplicationError(_("Konsultacje już się zakończyły – uwagi nie można potwierdzić."))
    return workflow_apply(obj=comment, action="confirm", actor=None)


def comment_answer(*, comment: Comment, actor, outcome: str, answer: str) -> Comment:
    """Accepted, partly accepted or rejected, always with its justification."""
    if outcome not in ANSWERS:
        raise ApplicationError(_("Wybierz rozstrzygnięcie."), field="outcome")
    return workflow_apply(obj=comment, action=outcome, actor=actor, reason=answer)
