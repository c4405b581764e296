"""Registrations: the seat is decided on the training's locked row (confirmed or the waiting list), one
active registration per person per event is a unique constraint; cancelling frees a seat for the first
person waiting; attendance, certificates and feedback follow."""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from centrum.core.audit import audit_log
from centrum.core.audit_display import display_date
from centrum.core.calendar import WARSAW
from centrum.core.exceptions import ApplicationError, full_clean_or_raise
from centrum.core.signed_links import read_signed_token
from centrum.core.workflow import workflow_apply

from ..audit_labels import TrainingsAudit as Audit
from ..choices import ACTIVE_REGISTRATION, RegistrationStatus, TrainingStatus
from ..models import Attendance, Feedback, Registration, Session, Training
from ..permissions import can_edit_training, can_register_for_organisation, is_registrant
from . import notify

DUPLICATE = gettext_lazy("Ta osoba jest już zapisana na to wydarzenie (lub czeka na liście oczekujących).")


def registration_window_error(training: Training, now=None) -> str:
    """Why registration is closed now, or "" when it is open."""
    now = now or timezone.now()
    if training.status != TrainingStatus.PUBLISHED:
        return _("Zapisy na to wydarzenie są zamknięte.")
    if training.registration_opens_at and now < training.registration_opens_at:
        return _("Zapisy jeszcze się nie zaczęły.")
    closes = training.registration_closes_at
    if closes is None:
        first = training.sessions.order_by("starts_at").values_list("starts_at", flat=True).first()
        closes = first
    if closes is not None and now >= closes:
        return _("Zapisy na to wydarzenie już się zakończyły.")
    return ""


def _lock(training: Training) -> Training:
    return Training.objects.select_for_update(of=("self",)).get(pk=training.pk, centre_id=training.centre_id)


@transaction.atomic
def registration_create(
    *,
    training: Training,
    actor,
    name: str = "",
    email: str = "",
    organisation=None,
    accessibility_needs: str = "",
) -> Registration:
    """Register a person: confirmed while seats are free, otherwise on the waiting list."""
    logged_in = bool(getattr(actor, "is_authenticated", False))
    if logged_in:
        name = name.strip() or actor.get_full_name() or actor.email
        email = email.strip() or actor.email
    name, email = (name or "").strip(), (email or "").strip()
    if not name:
        raise ApplicationError(_("Podaj imię i nazwisko."), field="name")
    if not email:
        raise ApplicationError(_("Podaj adres e-mail."), field="email")
    if organisation is not None and (
        organisation.centre_id != training.centre_id or not can_register_for_organisation(actor, organisation)
    ):
        raise ApplicationError(
            _("Zgłosić osobę z organizacji może tylko członek tej organizacji."), field="organisation"
        )
    training = _lock(training)
    closed = registration_window_error(training)
    if closed:
        raise ApplicationError(closed)
    active = Registration.objects.filter(training=training, status__in=ACTIVE_REGISTRATION)
    if active.filter(email__iexact=email).exists():
        raise ApplicationError(str(DUPLICATE), field="email")
    confirmed = active.filter(status=RegistrationStatus.CONFIRMED)
    if organisation is not None and training.per_organisation_cap:
        taken = confirmed.filter(organisation=organisation).count()
        if taken >= training.per_organisation_cap:
            raise ApplicationError(
                _(
                    "Z jednej organizacji może się zapisać najwyżej %(cap)s osób; ta organizacja ma już %(taken)s."
                )
                % {"cap": training.per_organisation_cap, "taken": taken},
                field="organisation",
            )
    status = (
        RegistrationStatus.CONFIRMED if confirmed.count() < training.capacity else RegistrationStatus.WAITING
    )
    registration = Registration(
        centre=training.centre,
        training=training,
        user=actor if logged_in else None,
        name=name,
        email=email,
        organisation=organisation,
        accessibility_needs=(accessibility_needs or "").strip(),
        status=status,
        status_changed_at=timezone.now(),
    )
    full_clean_or_raise(registration, validate_constraints=False)
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError as exc:
        raise ApplicationError(str(DUPLICATE), field="email") from exc
    audit_log(actor=actor, obj=registration, action=Audit.REGISTRATION_CREATED, new={"status": status})
    if status == RegistrationStatus.CONFIRMED:
        notify.to_registrant(registration, "registration_confirmed_to_person", ics="REQUEST")
    else:
        position = Registration.objects.filter(training=training, status=RegistrationStatus.WAITING).count()
        notify.to_registrant(registration, "registration_waiting_to_person", extra={"position": position})
    return registration


@transaction.atomic
def registration_cancel(*, registration: Registration, actor, reason: str = "") -> Registration:
    """The person (or staff) cancels; a freed seat goes to the first person waiting, who is told."""
    _lock(registration.training)
    return workflow_apply(obj=registration, action="cancel", actor=actor, reason=reason)


@transaction.atomic
def registration_cancel_by_token(*, centre, token: str) -> Registration:
    """The e-mailed link: a forged, foreign or reissued token is refused and nothing changes."""
    pk, version = read_signed_token(notify.CANCEL_PURPOSE, token)
    registration = Registration.objects.select_related("training").filter(pk=pk, centre=centre).first()
    if registration is None or registration.secret != version:
        raise ApplicationError(_("Ten link jest nieprawidłowy."))
    if registration.status not in ACTIVE_REGISTRATION:
        raise ApplicationError(_("To zgłoszenie jest już anulowane."))
    _lock(registration.training)
    return workflow_apply(obj=registration, action="cancel_by_link", actor=None)


def registration_from_token(*, centre, token: str) -> Registration:
    pk, version = read_signed_token(notify.CANCEL_PURPOSE, token)
    registration = Registration.objects.select_related("training").filter(pk=pk, centre=centre).first()
    if registration is None or registration.secret != version:
        raise ApplicationError(_("Ten link jest nieprawidłowy."))
    return registration


@transaction.atomic
def attendance_record(*, session: Session, actor, present_ids) -> int:
    """Staff tick who came to a session (every confirmed person gets a row: present or not)."""
    training = session.training
    if not can_edit_training(actor, training):
        raise ApplicationError(_("Nie masz uprawnień do tej czynności."))
    if session.starts_at > timezone.now():
        raise ApplicationError(_("Obecność zapisuje się od początku spotkania."))
    present_ids = {int(pk) for pk in present_ids}
    registrations = list(training.registrations.filter(status=RegistrationStatus.CONFIRMED))
    unknown = present_ids - {r.pk for r in registrations}
    if unknown:
        raise ApplicationError(_("Na liście są osoby, które nie są zapisane na to szkolenie."))
    existing = {a.registration_id: a for a in Attendance.objects.filter(session=session)}
    for registration in registrations:
        present = registration.pk in present_ids
        row = existing.get(registration.pk)
        if row is None:
            Attendance.objects.create(
                centre=session.centre,
                session=session,
                registration=registration,
                present=present,
                marked_by=actor,
            )
        elif row.present != present:
            row.present, row.marked_by = present, actor
            row.save(update_fields=["present", "marked_by", "updated_at"])
    count = len(present_ids)
    audit_log(
        actor=actor,
        obj=training,
        action=Audit.ATTENDANCE_MARKED,
        new={"session": session.pk, "present": count, "registered": len(registrations)},
    )
    return count


def sessions_required(training: Training, session_count: int) -> int:
    return min(training.required_sessions or session_count, session_count)


def certificate_refusal(registration: Registration, *, attended: int, session_count: int) -> str:
    """Why this person gets no certificate, or "" when they do."""
    if registration.status != RegistrationStatus.CONFIRMED:
        return _("Zaświadczenie dostają tylko osoby z potwierdzonym miejscem.")
    required = sessions_required(registration.training, session_count)
    if session_count == 0 or attended < required:
        return _(
            "Zaświadczenie wydajemy osobom obecnym na wymaganych spotkaniach (%(required)s); "
            "obecność zapisana: %(attended)s."
        ) % {"required": required, "attended": attended}
    return ""


def attended_sessions(registration: Registration) -> list[Session]:
    return [
        a.session
        for a in Attendance.objects.filter(registration=registration, present=True)
        .select_related("session")
        .order_by("session__starts_at")
    ]


def feedback_closes_at(training: Training):
    """The moment feedback closes: the centre's `trainings.feedback_days` after the last session ends."""
    from centrum.core.centre_settings import centre_setting

    last = training.sessions.order_by("-ends_at").values_list("ends_at", flat=True).first()
    if last is None:
        return None
    return last + timedelta(days=centre_setting(training.centre, "trainings.feedback_days"))


@transaction.atomic
def feedback_give(
    *, registration: Registration, actor, rating: int, useful: str = "", comments: str = ""
) -> Feedback:
    if not is_registrant(actor, registration):
        raise ApplicationError(_("Ocenić szkolenie może tylko jego uczestnik."))
    if not Attendance.objects.filter(registration=registration, present=True).exists():
        raise ApplicationError(_("Ocenić szkolenie mogą osoby, które w nim uczestniczyły."))
    if registration.training.sessions.filter(ends_at__gt=timezone.now()).exists():
        raise ApplicationError(_("Szkolenie oceni się po ostatnim spotkaniu."))
    if Feedback.objects.filter(registration=registration).exists():
        raise ApplicationError(_("To szkolenie jest już przez Ciebie ocenione. Dziękujemy!"))
    closes_at = feedback_closes_at(registration.training)
    if closes_at is not None and timezone.now() > closes_at:
        raise ApplicationError(
            _("Czas na ocenę tego szkolenia minął %(date)s.")
            % {"date": display_date(closes_at.astimezone(WARSAW).date())}
        )
    feedback = Feedback(
        centre=registration.centre,
        registration=registration,
        rating=rating,
        useful=(useful or "").strip(),
        comments=(comments or "").strip(),
    )
    full_clean_or_raise(feedback, validate_unique=False)
    try:
        with transaction.atomic():
            feedback.save()
    except IntegrityError as exc:
        raise ApplicationError(_("To szkolenie jest już przez Ciebie ocenione. Dziękujemy!")) from exc
    audit_log(actor=actor, obj=registration, action=Audit.FEEDBACK_GIVEN, new={"rating": rating})
    return feedback


def registrations_remind(*, centre, days: int) -> int:
    """Remind confirmed people `days` ahead of a training's first session (once)."""
    now = timezone.now()
    horizon = now + timedelta(days=days)
    sent = 0
    pending = (
        Registration.objects.filter(
            centre=centre,
            status=RegistrationStatus.CONFIRMED,
            reminded_at__isnull=True,
            training__status=TrainingStatus.PUBLISHED,
        )
        .select_related("training")
        .order_by("id")
    )
    for registration in pending:
        first = registration.training.sessions.order_by("starts_at").first()
        if first is None or not (now < first.starts_at <= horizon):
            continue
        with transaction.atomic():
            updated = Registration.objects.filter(pk=registration.pk, reminded_at__isnull=True).update(
                reminded_at=now
            )
            if updated:
                notify.to_registrant(registration, "reminder_to_person", ics="REQUEST")
                sent += 1
    return sent
