"""Who the advice service reached, and what its organisations owe soon: the app's support source.

Registered in `features.py`: the centre's statistics count people and organisations who had a meeting
or an assignment, and a caretaker sees follow-ups and assignment ends among the coming deadlines."""

from datetime import datetime, time

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from centrum.core.calendar import WARSAW
from centrum.organisations.sections import SupportDeadline, person_key_for

from ..choices import AppointmentStatus
from ..models import AdviceEntry, Appointment, Assignment


def advice_reach(centre, start, end):
    since, until = (
        datetime.combine(start, time.min, tzinfo=WARSAW),
        datetime.combine(end, time.max, tzinfo=WARSAW),
    )
    meetings = Appointment.objects.filter(
        centre=centre, status=AppointmentStatus.DONE, starts_at__gte=since, starts_at__lte=until
    ).values_list("user_id", "email", "organisation_id")
    pairs = [
        (person_key_for(user_id=user_id, email=email), organisation_id)
        for user_id, email, organisation_id in meetings
    ]
    assignments = (
        Assignment.objects.filter(centre=centre, starts_on__lte=end)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=start))
        .values_list("organisation_id", flat=True)
        .distinct()
    )
    return pairs + [("", organisation_id) for organisation_id in assignments]


def advice_deadlines(centre, organisation_ids, start, end):
    follow_ups = AdviceEntry.objects.filter(
        centre=centre, organisation_id__in=organisation_ids, follow_up_on__gte=start, follow_up_on__lte=end
    ).values_list("organisation_id", "follow_up_on", "topic", "appointment_id", "assignment_id")
    found = []
    for organisation_id, due_on, topic, appointment_id, assignment_id in follow_ups:
        url = ""
        if appointment_id:
            url = reverse("advice:appointment_detail", args=[appointment_id])
        elif assignment_id:
            url = reverse("advice:assignment_detail", args=[assignment_id])
        found.append(
            SupportDeadline(
                organisation_id=organisation_id,
                due_on=due_on,
                label=_("Kontakt zwrotny po poradzie: %(topic)s") % {"topic": topic},
                url=url,
            )
        )
    ends = Assignment.objects.filter(
        centre=centre, organisation_id__in=organisation_ids, ends_on__gte=start, ends_on__lte=end
    ).values_list("pk", "organisation_id", "ends_on")
    for pk, organisation_id, ends_on in ends:
        found.append(
            SupportDeadline(
                organisation_id=organisation_id,
                due_on=ends_on,
                label=_("Koniec przydziału doradcy"),
                url=reverse("advice:assignment_detail", args=[pk]),
            )
        )
    return found
