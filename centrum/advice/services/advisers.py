"""Writes of the advice desk's set-up: domains, advisers' profiles, office hours and absences."""

from datetime import date, time

from django.db import transaction
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log
from centrum.core.calendar import WARSAW
from centrum.core.exceptions import ApplicationError, full_clean_or_raise
from centrum.core.models import Centre
from centrum.core.permissions import centre_roles
from centrum.core.workflow import workflow_apply

from ..audit_labels import AdviceAudit as Audit
from ..choices import DEFAULT_DOMAINS, AppointmentStatus
from ..models import Absence, AdviceDomain, Adviser, Appointment, OfficeHours
from ..permissions import ADVISER_ROLE, can_manage_advice, can_manage_hours
from ..rules import date_validate, period_validate
from .common import require


@transaction.atomic
def domains_ensure_defaults(*, centre: Centre) -> None:
    """The domains every centre starts with; idempotent."""
    for order, name in enumerate(DEFAULT_DOMAINS):
        AdviceDomain.objects.get_or_create(centre=centre, name=name, defaults={"order": (order + 1) * 10})


@transaction.atomic
def domain_create(*, centre: Centre, actor, name: str) -> AdviceDomain:
    require(can_manage_advice(actor, centre))
    name = name.strip()
    if AdviceDomain.objects.filter(centre=centre, name__iexact=name).exists():
        raise ApplicationError(_("Taka dziedzina już jest."), field="name")
    domain = AdviceDomain(centre=centre, name=name, order=1000)
    full_clean_or_raise(domain, validate_constraints=False)
    domain.save()
    audit_log(actor=actor, obj=domain, action=Audit.DOMAIN_CREATED, new={"name": name})
    return domain


@transaction.atomic
def adviser_save(
    *,
    centre: Centre,
    actor,
    user,
    title: str = "",
    bio: str = "",
    domains=(),
    first_contact: bool = False,
    is_active: bool = True,
    adviser: Adviser | None = None,
) -> Adviser:
    """Create or update an adviser's profile; the person must hold the centre's adviser role."""
    require(can_manage_advice(actor, centre))
    if not _holds_role(user, centre):
        raise ApplicationError(_("Ta osoba nie ma w centrum roli doradcy."), field="user")
    if adviser is None:
        if Adviser.objects.filter(centre=centre, user=user).exists():
            raise ApplicationError(_("Ta osoba ma już profil doradcy."), field="user")
        adviser = Adviser(centre=centre, user=user)
    adviser.title, adviser.bio = title.strip(), bio.strip()
    adviser.first_contact, adviser.is_active = first_contact, is_active
    full_clean_or_raise(adviser, validate_constraints=False)
    adviser.save()
    adviser.domains.set([d for d in domains if d.centre_id == centre.pk])
    audit_log(
        actor=actor,
        obj=adviser,
        action=Audit.ADVISER_SAVED,
        new={"title": adviser.title, "domains": sorted(d.name for d in domains), "active": is_active},
    )
    return adviser


def _holds_role(user, centre) -> bool:
    return ADVISER_ROLE in centre_roles(user, centre)


def _overlaps(a_start: time, a_end: time, b_start: time, b_end: time) -> bool:
    return a_start < b_end and b_start < a_end


def _periods_overlap(a_from: date, a_until: date | None, b_from: date, b_until: date | None) -> bool:
    return (a_until is None or b_from <= a_until) and (b_until is None or a_from <= b_until)


@transaction.atomic
def office_hours_create(
    *,
    adviser: Adviser,
    actor,
    weekday: int,
    starts_at: time,
    ends_at: time,
    slot_minutes: int,
    mode: str,
    place: str = "",
    valid_from: date,
    valid_until: date | None = None,
) -> OfficeHours:
    require(can_manage_hours(actor, adviser))
    # One adviser's office hours are written one at a time: two overlapping rows can't both pass the check.
    adviser = Adviser.objects.select_for_update().get(pk=adviser.pk)
    if not 0 <= weekday <= 6:
        raise ApplicationError(_("Wybierz dzień tygodnia."), field="weekday")
    if ends_at <= starts_at:
        raise ApplicationError(_("Koniec dyżuru musi być po jego początku."), field="ends_at")
    if not 10 <= slot_minutes <= 240:
        raise ApplicationError(_("Porada trwa od 10 do 240 minut."), field="slot_minutes")
    date_validate(valid_from, field="valid_from")
    date_validate(valid_until, field="valid_until")
    if valid_until is not None and valid_until < valid_from:
        raise ApplicationError(_("Koniec obowiązywania musi być po jego początku."), field="valid_until")
    for other in OfficeHours.objects.filter(centre=adviser.centre, adviser=adviser, weekday=weekday):
        if _overlaps(starts_at, ends_at, other.starts_at, other.ends_at) and _periods_overlap(
            valid_from, valid_until, other.valid_from, other.valid_until
        ):
            raise ApplicationError(
                _("Ten dyżur nakłada się na inny dyżur tego doradcy (%(start)s–%(end)s).")
                % {"start": f"{other.starts_at:%H:%M}", "end": f"{other.ends_at:%H:%M}"},
                field="starts_at",
            )
    hours = OfficeHours(
        centre=adviser.centre,
        adviser=adviser,
        weekday=weekday,
        starts_at=starts_at,
        ends_at=ends_at,
        slot_minutes=slot_minutes,
        mode=mode,
        place=place.strip(),
        valid_from=valid_from,
        valid_until=valid_until,
    )
    full_clean_or_raise(hours)
    hours.save()
    audit_log(
        actor=actor,
        obj=adviser,
        action=Audit.HOURS_CREATED,
        new={"weekday": weekday, "hours": f"{starts_at:%H:%M}–{ends_at:%H:%M}", "slot": slot_minutes},
    )
    return hours


@transaction.atomic
def office_hours_delete(*, hours: OfficeHours, actor) -> None:
    require(can_manage_hours(actor, hours.adviser))
    audit_log(
        actor=actor,
        obj=hours.adviser,
        action=Audit.HOURS_DELETED,
        old={"weekday": hours.weekday, "hours": f"{hours.starts_at:%H:%M}–{hours.ends_at:%H:%M}"},
    )
    hours.delete()


@transaction.atomic
def absence_create(
    *, adviser: Adviser, actor, starts_on: date, ends_on: date, kind: str, note: str = ""
) -> tuple[Absence, list[Appointment]]:
    """Sickness or leave: no slots those days; appointments already booked are cancelled and the people told."""
    require(can_manage_hours(actor, adviser))
    period_validate(starts_on, ends_on, start_field="starts_on", end_field="ends_on")
    absence = Absence(
        centre=adviser.centre,
        adviser=adviser,
        starts_on=starts_on,
        ends_on=ends_on,
        kind=kind,
        note=note.strip(),
        created_by=actor,
    )
    full_clean_or_raise(absence)
    absence.save()
    audit_log(
        actor=actor,
        obj=adviser,
        action=Audit.ABSENCE_CREATED,
        new={"from": starts_on.isoformat(), "to": ends_on.isoformat(), "kind": kind},
    )
    booked = list(
        Appointment.objects.filter(
            centre=adviser.centre, adviser=adviser, status=AppointmentStatus.BOOKED
        ).select_related("adviser__user", "centre")
    )
    affected = [a for a in booked if starts_on <= a.starts_at.astimezone(WARSAW).date() <= ends_on]
    reason = _("Doradca jest nieobecny (%(kind)s). Umów, prosimy, inny termin.") % {
        "kind": absence.get_kind_display()
    }
    cancelled = []
    for appointment in affected:
        try:
            workflow_apply(obj=appointment, action="cancel_by_centre", actor=actor, reason=reason)
        except ApplicationError:
            continue  # already begun: the adviser sorts it out in person
        cancelled.append(appointment)
    return absence, cancelled
