"""Writes of advice meetings: booking a slot (the database refuses a slot taken twice), cancelling by the
signed link or by the centre, the advice log with its follow-up, referrals to a specialist, reminders."""

from datetime import datetime, time, timedelta

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log
from centrum.core.calendar import WARSAW, warsaw_today
from centrum.core.centre_settings import centre_setting
from centrum.core.exceptions import ApplicationError, full_clean_or_raise
from centrum.core.links import centre_url
from centrum.core.models import Centre
from centrum.core.outbox import Attachment, outbox_enqueue
from centrum.core.signed_links import read_signed_token, signed_token
from centrum.core.workflow import workflow_apply

from ..audit_labels import AdviceAudit as Audit
from ..calendars import appointment_ics
from ..choices import AppointmentStatus
from ..models import AdviceDomain, AdviceEntry, Adviser, Appointment, Referral
from ..permissions import can_log_appointment, can_see_confidential
from ..rules import date_validate
from ..selectors.slots import booking_window, slot_of

CANCEL_PURPOSE = "advice.appointment.cancel"
REFERRAL_PURPOSE = "advice.referral"


def cancel_link(appointment: Appointment) -> str:
    token = signed_token(CANCEL_PURPOSE, appointment.pk, version=appointment.secret)
    return reverse("advice:appointment_manage", args=[token])


def referral_token(referral: Referral) -> str:
    return signed_token(REFERRAL_PURPOSE, referral.pk)


def referral_from_token(*, centre: Centre, token: str) -> Referral:
    pk, _version = read_signed_token(REFERRAL_PURPOSE, token)
    referral = (
        Referral.objects.filter(centre=centre, pk=pk)
        .select_related("adviser__user", "domain", "appointment")
        .first()
    )
    if referral is None:
        raise ApplicationError(_("Ten link jest nieprawidłowy."))
    return referral


def appointment_from_token(*, centre: Centre, token: str) -> Appointment | None:
    """The appointment a cancellation link names; None when the link is genuine but names no appointment of
    this centre (the page is a 404, as for any other centre's row); a clear refusal when it is forged,
    expired or reissued."""
    pk, version = read_signed_token(
        CANCEL_PURPOSE, token, max_age=timedelta(days=centre_setting(centre, "advice.cancel_link_days"))
    )
    appointment = (
        Appointment.objects.filter(centre=centre, pk=pk)
        .select_related("adviser__user", "domain", "organisation")
        .first()
    )
    if appointment is not None and appointment.secret != version:
        raise ApplicationError(_("Ten link już nie działa: wysłaliśmy nowszy."))
    return appointment


def _clean(value: str) -> str:
    return (value or "").strip()


@transaction.atomic
def appointment_book(
    *,
    centre: Centre,
    adviser: Adviser,
    starts_at: datetime,
    actor,
    topic: str,
    question: str,
    name: str,
    email: str,
    domain: AdviceDomain | None = None,
    organisation=None,
    organisation_name: str = "",
    founding: bool = False,
    accessibility_needs: str = "",
    referral: Referral | None = None,
) -> Appointment:
    """Book a free slot of the adviser's office hours for anyone (logged in or not)."""
    if timezone.is_naive(starts_at):
        starts_at = starts_at.replace(tzinfo=WARSAW)
    if adviser.centre_id != centre.pk or not adviser.is_active:
        raise ApplicationError(_("Ten doradca nie przyjmuje."), field="slot")
    if starts_at <= timezone.now():
        raise ApplicationError(_("Ten termin już minął. Wybierz inny."), field="slot")
    earliest, last_day = booking_window(centre)
    if starts_at < earliest:
        raise ApplicationError(_("Na ten termin jest już za późno. Wybierz późniejszy."), field="slot")
    if starts_at.astimezone(WARSAW).date() > last_day:
        raise ApplicationError(_("Tak odległego terminu nie można jeszcze umówić."), field="slot")
    slot = slot_of(centre=centre, adviser=adviser, starts_at=starts_at)
    if slot is None:
        raise ApplicationError(_("Doradca nie ma dyżuru w tym terminie."), field="slot")
    if organisation is not None and organisation.centre_id != centre.pk:
        raise ApplicationError(_("Wybierz organizację z tego centrum."), field="organisation")
    if organisation is None and not founding and not _clean(organisation_name):
        raise ApplicationError(
            _("Podaj nazwę organizacji albo zaznacz, że zakładasz nową organizację."),
            field="organisation_name",
        )
    user = actor if getattr(actor, "is_authenticated", False) else None
    appointment = Appointment(
        centre=centre,
        adviser=adviser,
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
        mode=slot.mode,
        place=slot.place,
        domain=domain,
        topic=_clean(topic),
        organisation=organisation,
        organisation_name="" if organisation else _clean(organisation_name),
        founding=founding and organisation is None,
        question=_clean(question),
        accessibility_needs=_clean(accessibility_needs),
        name=_clean(name),
        email=_clean(email).lower(),
        user=user,
        referral=referral,
    )
    full_clean_or_raise(appointment, validate_constraints=False)
    try:
        with transaction.atomic():
            appointment.save()
    except IntegrityError as exc:
        raise ApplicationError(_("Ktoś właśnie zajął ten termin. Wybierz inny."), field="slot") from exc
    audit_log(
        actor=user,
        obj=appointment,
        action=Audit.APPOINTMENT_BOOKED,
        new={
            "status": appointment.status,
            "starts_at": appointment.starts_at.isoformat(),
            "adviser": adviser.pk,
        },
    )
    context = {"appointment": appointment, "cancel_url": centre_url(centre, cancel_link(appointment))}
    outbox_enqueue(
        centre=centre,
        to=appointment.email,
        template="advice/emails/appointment_booked_to_person",
        context=context,
        attachments=[
            Attachment("porada.ics", "text/calendar", appointment_ics(appointment, host=centre.primary_host))
        ],
    )
    outbox_enqueue(
        centre=centre,
        to=adviser.user.email,
        template="advice/emails/appointment_booked_to_adviser",
        context={**context, "url": centre_url(centre, appointment.get_absolute_url())},
    )
    return appointment


def appointment_cancel_by_link(*, centre: Centre, token: str, reason: str = "") -> Appointment:
    appointment = appointment_from_token(centre=centre, token=token)
    if appointment is None:
        raise ApplicationError(_("Ten link jest nieprawidłowy."))
    return workflow_apply(obj=appointment, action="cancel", actor=None, reason=_clean(reason)[:2000])


@transaction.atomic
def appointment_log(
    *,
    appointment: Appointment,
    actor,
    domain: AdviceDomain,
    duration_minutes: int,
    topic: str,
    outcome: str = "",
    follow_up_on=None,
    confidential_notes: str = "",
) -> AdviceEntry:
    """The advice log of a meeting; the appointment becomes done."""
    if not can_log_appointment(actor, appointment):
        raise ApplicationError(_("Dziennik porad prowadzą doradcy i pracownicy centrum."))
    if confidential_notes.strip() and not can_see_confidential(actor, appointment.centre):
        raise ApplicationError(_("Notatki poufne zapisują tylko doradcy."), field="confidential_notes")
    appointment = workflow_apply(obj=appointment, action="complete", actor=actor)
    entry = AdviceEntry(
        centre=appointment.centre,
        adviser=appointment.adviser,
        appointment=appointment,
        organisation=appointment.organisation,
        held_on=appointment.starts_at.astimezone(WARSAW).date(),
        domain=domain,
        duration_minutes=duration_minutes,
        topic=_clean(topic),
        outcome=_clean(outcome),
        follow_up_on=follow_up_on,
        confidential_notes=_clean(confidential_notes),
        recorded_by=actor,
    )
    _entry_validate(entry)
    entry.save()
    audit_log(actor=actor, obj=appointment, action=Audit.ENTRY_CREATED, new=_entry_audit(entry))
    return entry


def _entry_validate(entry: AdviceEntry) -> None:
    date_validate(entry.follow_up_on, field="follow_up_on")
    if not 1 <= (entry.duration_minutes or 0) <= 24 * 60:
        raise ApplicationError(_("Podaj czas porady w minutach (1–1440)."), field="duration_minutes")
    if entry.follow_up_on and entry.follow_up_on < entry.held_on:
        raise ApplicationError(_("Termin kontaktu zwrotnego musi być po dniu porady."), field="follow_up_on")
    full_clean_or_raise(entry)


def _entry_audit(entry: AdviceEntry) -> dict:
    # Confidential notes never go to the audit log, which other staff read.
    return {
        "domain": entry.domain.name,
        "duration": entry.duration_minutes,
        "topic": entry.topic,
        "follow_up_on": entry.follow_up_on.isoformat() if entry.follow_up_on else "",
    }


@transaction.atomic
def referral_create(
    *,
    appointment: Appointment,
    actor,
    domain: AdviceDomain | None = None,
    adviser: Adviser | None = None,
    note: str = "",
) -> Referral:
    """Refer the person on to a specialist: recorded, and the person gets a link to book the specialist."""
    if not can_log_appointment(actor, appointment):
        raise ApplicationError(_("Kierują doradcy i pracownicy centrum."))
    if domain is None and adviser is None:
        raise ApplicationError(_("Wybierz dziedzinę albo specjalistę."), field="domain")
    if adviser is not None and adviser.pk == appointment.adviser_id:
        raise ApplicationError(_("Wybierz innego doradcę niż prowadzący poradę."), field="adviser")
    referral = Referral(
        centre=appointment.centre,
        appointment=appointment,
        domain=domain,
        adviser=adviser,
        note=_clean(note),
        created_by=actor,
    )
    full_clean_or_raise(referral)
    referral.save()
    audit_log(
        actor=actor,
        obj=appointment,
        action=Audit.REFERRAL_CREATED,
        new={"domain": domain.name if domain else "", "adviser": adviser.pk if adviser else None},
    )
    url = reverse("advice:index") + f"?skierowanie={referral_token(referral)}"
    outbox_enqueue(
        centre=appointment.centre,
        to=appointment.email,
        template="advice/emails/referral_to_person",
        context={
            "appointment": appointment,
            "referral": referral,
            "url": centre_url(appointment.centre, url),
        },
    )
    return referral


def appointment_reminders_send(*, centre: Centre, now=None) -> int:
    """Remind people of their appointment the set number of days before (once each)."""
    now = now or timezone.now()
    days = centre_setting(centre, "advice.reminder_days_before")
    # Everything on the days up to `days` ahead (Warsaw dates): on Wednesday, Thursday's appointments.
    until = datetime.combine(warsaw_today(now) + timedelta(days=days + 1), time.min, tzinfo=WARSAW)
    due = (
        Appointment.objects.filter(
            centre=centre,
            status=AppointmentStatus.BOOKED,
            reminder_sent_at__isnull=True,
            starts_at__gt=now,
            starts_at__lt=until,
        )
        .select_related("adviser__user", "centre")
        .order_by("starts_at")
    )
    sent = 0
    for appointment in due:
        with transaction.atomic():
            claimed = Appointment.objects.filter(pk=appointment.pk, reminder_sent_at__isnull=True).update(
                reminder_sent_at=now
            )
            if not claimed:
                continue
            outbox_enqueue(
                centre=centre,
                to=appointment.email,
                template="advice/emails/appointment_reminder_to_person",
                context={
                    "appointment": appointment,
                    "cancel_url": centre_url(centre, cancel_link(appointment)),
                },
                attachments=[
                    Attachment(
                        "porada.ics", "text/calendar", appointment_ics(appointment, host=centre.primary_host)
                    )
                ],
            )
            sent += 1
    return sent
