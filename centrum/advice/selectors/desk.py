"""Reads of the advice desk: advisers and domains, appointments, assignments, the adviser's day and the
caretaker's organisations. Every selector takes the centre; loaders are one 404 for missing and not-yours."""

from datetime import date, datetime, time, timedelta

from django.db.models import Prefetch, Q, QuerySet

from centrum.core.calendar import WARSAW, warsaw_today
from centrum.core.models import Centre
from centrum.core.permissions import is_centre_staff
from centrum.core.selectors import get_for_centre_or_404

from ..choices import AppointmentStatus, AssignmentKind
from ..models import (
    Absence,
    AdviceDomain,
    AdviceEntry,
    Adviser,
    Appointment,
    Assignment,
    OfficeHours,
    ReachTarget,
)
from ..permissions import (
    can_manage_hours,
    can_view_appointment,
    can_view_assignment,
    can_work_in_advice,
)


def domain_list(*, centre: Centre, active_only: bool = True) -> QuerySet[AdviceDomain]:
    domains = AdviceDomain.objects.filter(centre=centre)
    return domains.filter(is_active=True) if active_only else domains


def adviser_list(
    *, centre: Centre, active_only: bool = True, domain: AdviceDomain | None = None
) -> QuerySet[Adviser]:
    advisers = (
        Adviser.objects.filter(centre=centre)
        .select_related("user")
        .prefetch_related(Prefetch("domains", queryset=AdviceDomain.objects.order_by("order", "name")))
    )
    if active_only:
        advisers = advisers.filter(is_active=True)
    if domain is not None:
        advisers = advisers.filter(domains=domain)
    return advisers.order_by("-first_contact", "user__full_name", "id")


def adviser_get_public(*, centre: Centre, pk: int) -> Adviser:
    return get_for_centre_or_404(adviser_list(centre=centre), centre=centre, pk=pk)


def adviser_get_for_hours(*, centre: Centre, user, pk: int) -> Adviser:
    """An adviser's office hours and absences: staff, or the adviser themselves (else 404)."""
    return get_for_centre_or_404(
        adviser_list(centre=centre, active_only=False),
        centre=centre,
        pk=pk,
        visible=lambda adviser: can_manage_hours(user, adviser),
    )


def adviser_for_user(*, centre: Centre, user) -> Adviser | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Adviser.objects.filter(centre=centre, user=user).select_related("user").first()


def office_hours_list(*, centre: Centre, adviser: Adviser) -> QuerySet[OfficeHours]:
    return OfficeHours.objects.filter(centre=centre, adviser=adviser).order_by("weekday", "starts_at", "id")


def absences_upcoming(*, centre: Centre, adviser: Adviser) -> QuerySet[Absence]:
    """The adviser's absences that have not ended yet, the soonest first."""
    return Absence.objects.filter(centre=centre, adviser=adviser, ends_on__gte=warsaw_today()).order_by(
        "starts_on", "id"
    )


def office_hours_get_for(*, centre: Centre, user, pk: int) -> OfficeHours:
    return get_for_centre_or_404(
        OfficeHours.objects.select_related("adviser__user", "adviser__centre"),
        centre=centre,
        pk=pk,
        visible=lambda hours: can_manage_hours(user, hours.adviser),
    )


def _appointments(centre: Centre) -> QuerySet[Appointment]:
    return Appointment.objects.filter(centre=centre).select_related("adviser__user", "domain", "organisation")


def appointment_list_for(
    *, centre: Centre, user, start: date | None = None, mine: bool = False
) -> QuerySet[Appointment]:
    """Appointments the advice desk sees: staff all, an adviser theirs unless asked for all."""
    appointments = _appointments(centre)
    if not can_work_in_advice(user, centre):
        return appointments.none()
    if mine or not is_centre_staff(user, centre):
        appointments = appointments.filter(adviser__user=user)
    if start is not None:
        appointments = appointments.filter(starts_at__gte=datetime.combine(start, time.min, tzinfo=WARSAW))
    return appointments.order_by("starts_at", "id")


def appointment_get_for(*, centre: Centre, user, pk: int) -> Appointment:
    return get_for_centre_or_404(
        _appointments(centre).select_related("referral__appointment"),
        centre=centre,
        pk=pk,
        visible=lambda a: can_view_appointment(user, a),
    )


def assignment_list_for(*, centre: Centre, user) -> QuerySet[Assignment]:
    assignments = Assignment.objects.filter(centre=centre).select_related(
        "adviser__user", "organisation", "domain"
    )
    if is_centre_staff(user, centre):
        return assignments
    if can_work_in_advice(user, centre):
        return assignments.filter(adviser__user=user)
    return assignments.none()


def assignment_get_for(*, centre: Centre, user, pk: int) -> Assignment:
    return get_for_centre_or_404(
        Assignment.objects.select_related("adviser__user", "adviser__centre", "organisation", "domain"),
        centre=centre,
        pk=pk,
        visible=lambda a: can_view_assignment(user, a),
    )


def entry_list_for_assignment(*, centre: Centre, assignment: Assignment) -> QuerySet[AdviceEntry]:
    return AdviceEntry.objects.filter(centre=centre, assignment=assignment).select_related(
        "domain", "adviser__user"
    )


def _running(queryset, today: date):
    return queryset.filter(starts_on__lte=today).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))


def caretaken_organisations(*, centre: Centre, user, today: date | None = None) -> list:
    """The organisations whose caretaker `user` is now."""
    today = today or warsaw_today()
    assignments = _running(
        Assignment.objects.filter(centre=centre, kind=AssignmentKind.CARETAKER, adviser__user=user), today
    ).select_related("organisation")
    seen, organisations = set(), []
    for a in assignments.order_by("organisation__name", "id"):
        if a.organisation_id not in seen:
            seen.add(a.organisation_id)
            organisations.append(a.organisation)
    return organisations


def is_caretaker_of(*, centre: Centre, user, organisation) -> bool:
    return _running(
        Assignment.objects.filter(
            centre=centre, kind=AssignmentKind.CARETAKER, adviser__user=user, organisation=organisation
        ),
        warsaw_today(),
    ).exists()


def follow_ups_due(*, centre: Centre, user, until: date) -> QuerySet[AdviceEntry]:
    """Follow-ups of the adviser's log due by `until` (staff: everyone's)."""
    entries = AdviceEntry.objects.filter(centre=centre, follow_up_on__isnull=False, follow_up_on__lte=until)
    if not is_centre_staff(user, centre):
        entries = entries.filter(adviser__user=user)
    return entries.select_related("organisation", "domain", "appointment", "assignment").order_by(
        "follow_up_on", "id"
    )


def todays_appointments(*, centre: Centre, user, day: date | None = None) -> QuerySet[Appointment]:
    day = day or warsaw_today()
    since = datetime.combine(day, time.min, tzinfo=WARSAW)
    return (
        _appointments(centre)
        .filter(adviser__user=user, starts_at__gte=since, starts_at__lt=since + timedelta(days=1))
        .exclude(status=AppointmentStatus.CANCELLED)
        .order_by("starts_at", "id")
    )


def entries_for_organisation(*, centre: Centre, organisation) -> QuerySet[AdviceEntry]:
    return AdviceEntry.objects.filter(centre=centre, organisation=organisation).select_related(
        "domain", "adviser__user"
    )


def assignments_for_organisation(*, centre: Centre, organisation) -> QuerySet[Assignment]:
    return Assignment.objects.filter(centre=centre, organisation=organisation).select_related(
        "adviser__user", "domain"
    )


def reach_target_list(*, centre: Centre) -> QuerySet[ReachTarget]:
    return ReachTarget.objects.filter(centre=centre)


def assignable_organisations(*, centre):
    """The registry's active organisations an adviser can be assigned to, in Polish order."""
    from centrum.organisations.choices import OrganisationStatus
    from centrum.organisations.models import Organisation

    return Organisation.objects.filter(centre=centre, status=OrganisationStatus.ACTIVE).order_by(
        "name_sort", "name"
    )
