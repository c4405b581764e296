"""The register of opinion requests: the deadline from the kind's days and the centre's calendar, the
opinion (late only with a note), silence recorded as a waiver, reminders before the deadline."""

from datetime import timedelta

from django.db import transaction
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log
from centrum.core.calendar import warsaw_today
from centrum.core.centre_settings import centre_setting
from centrum.core.crossrefs import ref_source, resolve_subjects
from centrum.core.exceptions import ApplicationError, full_clean_or_raise
from centrum.core.outbox import outbox_enqueue
from centrum.core.selectors import centre_closed_days
from centrum.core.workflow import workflow_apply

from .. import rules
from ..audit_labels import CouncilsAudit as Audit
from ..choices import MemberRole, OpinionStatus
from ..models import Body, JointRequest, OpinionRequest
from ..selectors import current_member_rows
from .common import require_manager


def deadline_for(body: Body, received_on):
    days = body.kind.opinion_days
    if not days:
        raise ApplicationError(
            _("Ten rodzaj ciała nie wydaje opinii w terminie – uzupełnij liczbę dni w rodzaju.")
        )
    closed = centre_closed_days(body.centre, received_on, received_on + timedelta(days=days + 31))
    return rules.opinion_deadline(received_on, days, closed)


@transaction.atomic
def opinion_request_create(
    *, body: Body, actor, subject_ref: str, subject_text: str, received_on
) -> OpinionRequest:
    require_manager(actor, body.centre)
    subject_ref, subject_text = (subject_ref or "").strip(), (subject_text or "").strip()
    if subject_ref:
        subject = (
            resolve_subjects(body.centre, [subject_ref]).get(subject_ref) if ref_source(subject_ref) else None
        )
        if subject is None:
            raise ApplicationError(_("Wybierz przedmiot z listy."), field="subject_ref")
        subject_text = subject_text or subject.title
    if not subject_text:
        raise ApplicationError(
            _("Wpisz, czego dotyczy wniosek, albo wybierz przedmiot z listy."), field="subject_text"
        )
    if received_on > warsaw_today():
        raise ApplicationError(_("Data wpływu nie może być w przyszłości."), field="received_on")
    request = OpinionRequest(
        centre=body.centre,
        body=body,
        subject_ref=subject_ref,
        subject_text=subject_text[:300],
        received_on=received_on,
        deadline=deadline_for(body, received_on),
    )
    full_clean_or_raise(request)
    request.save()
    audit_log(
        actor=actor,
        obj=request,
        action=Audit.OPINION_REQUESTED,
        new={"subject": request.subject_text, "received_on": received_on, "deadline": request.deadline},
    )
    return request


def opinion_give(
    *,
    request: OpinionRequest,
    actor,
    verdict: str,
    opinion_text: str,
    given_on,
    late_note: str = "",
    opinion_file=None,
) -> OpinionRequest:
    values = {
        "verdict": verdict,
        "opinion_text": (opinion_text or "").strip(),
        "given_on": given_on,
        "late_note": (late_note or "").strip(),
    }
    if opinion_file:
        from centrum.core.uploads import scan_validate

        from .meetings import MAX_DOCUMENT_BYTES

        scan_validate(opinion_file, max_bytes=MAX_DOCUMENT_BYTES, field="opinion_file")
        values["opinion_file"] = opinion_file
    return workflow_apply(obj=request, action="give", actor=actor, values=values)


def opinions_waive_overdue(*, centre) -> int:
    """Silence past the deadline is a waiver where the kind says so (art. 41g ust. 2 for the RDPP)."""
    today, done = warsaw_today(), 0
    overdue = OpinionRequest.objects.filter(
        centre=centre, status=OpinionStatus.AWAITING, deadline__lt=today, body__kind__silence_is_waiver=True
    )
    for request in overdue:
        workflow_apply(row=request, action="waive", actor=None, reason=_("Upływ terminu na wydanie opinii."))
        done += 1
    return done


def _secretaries(body: Body) -> list[str]:
    addresses = [
        m.email
        for m in current_member_rows(body)
        if m.email and m.role in (MemberRole.CHAIR, MemberRole.SECRETARY)
    ]
    return addresses or ([body.centre.email] if body.centre.email else [])


@transaction.atomic
def opinions_remind(*, centre) -> int:
    today = warsaw_today()
    until = today + timedelta(days=centre_setting(centre, "councils.opinion_remind_days"))
    due = (
        OpinionRequest.objects.select_for_update(of=("self",))
        .filter(
            centre=centre,
            status=OpinionStatus.AWAITING,
            deadline__gte=today,
            deadline__lte=until,
            reminded_on__isnull=True,
        )
        .select_related("body", "body__centre")
    )
    sent = 0
    for request in due:
        to = _secretaries(request.body)
        if to:
            outbox_enqueue(
                centre=centre,
                to=to,
                template="councils/emails/opinion_due_to_secretary",
                context={"request": request},
            )
            sent += 1
        request.reminded_on = today
        request.save(update_fields=["reminded_on", "updated_at"])
    return sent


@transaction.atomic
def requests_remind(*, centre) -> int:
    """Staff are reminded of a joint request whose deadline to create the body comes near."""
    today = warsaw_today()
    until = today + timedelta(days=centre_setting(centre, "councils.request_remind_days"))
    due = JointRequest.objects.select_for_update(of=("self",)).filter(
        centre=centre,
        body__isnull=True,
        deadline__isnull=False,
        deadline__lte=until,
        reminded_on__isnull=True,
    )
    sent = 0
    for request in due:
        if centre.email:
            outbox_enqueue(
                centre=centre,
                to=[centre.email],
                template="councils/emails/request_due_to_staff",
                context={"request": request},
            )
            sent += 1
        request.reminded_on = today
        request.save(update_fields=["reminded_on", "updated_at"])
    return sent
