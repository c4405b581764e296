"""Booking a slot: the intake form, the e-mails with ICS, the signed cancellation link, bad input refused."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from centrum.core.calendar import WARSAW
from centrum.core.exceptions import ApplicationError
from centrum.core.models import AuditEntry, OutboxMessage

from ..choices import AppointmentStatus
from ..models import Appointment
from ..selectors import free_slots
from ..services import appointment_book, cancel_link
from .factories import AppointmentFactory, monday_slot

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

FORM = {
    "topic": "Rejestracja stowarzyszenia",
    "question": "Jakie dokumenty złożyć do KRS?",
    "founding": "on",
    "name": "Ewa Założycielka",
    "email": "Ewa@Example.org",
    "accessibility_needs": "Wejście bez schodów",
}


def _key(moment):
    return moment.astimezone(WARSAW).strftime("%Y-%m-%dT%H:%M")


def test_free_slots_cut_office_hours_into_slots(centre, adviser):
    start, _end = monday_slot(11)
    day_slots = [s for s in free_slots(centre=centre) if s.starts_at.date() == start.date()]
    assert [s.starts_at.astimezone(WARSAW).hour for s in day_slots] == [11, 12, 13, 14, 15, 16]


def test_anyone_books_a_slot_and_gets_an_ics(anon, centre, adviser):
    start, _end = monday_slot(11)
    response = anon.post(reverse("advice:book", args=[adviser.pk, _key(start)]), FORM)
    appointment = Appointment.objects.get()
    assert response.status_code == 302 and response["Location"] == cancel_link(appointment)
    assert (appointment.starts_at, appointment.status, appointment.email) == (
        start,
        "booked",
        "ewa@example.org",
    )
    assert appointment.founding and appointment.user is None
    person = OutboxMessage.objects.get(to=["ewa@example.org"])
    assert person.attachments[0]["filename"] == "porada.ics"
    assert cancel_link(appointment) in person.body
    assert OutboxMessage.objects.filter(to=[adviser.user.email]).exists()
    assert AuditEntry.objects.filter(action="appointment.booked").count() == 1
    # The slot is no longer offered.
    assert start not in [s.starts_at for s in free_slots(centre=centre)]


def test_a_slot_taken_is_refused_clearly(anon, centre, adviser):
    start, _end = monday_slot(11)
    AppointmentFactory(adviser=adviser, starts_at=start)
    response = anon.post(reverse("advice:book", args=[adviser.pk, _key(start)]), FORM)
    assert response.status_code == 400
    assert "Ktoś właśnie zajął ten termin" in response.content.decode()
    assert Appointment.objects.count() == 1


def test_a_slot_in_the_past_is_refused(anon, centre, adviser):
    past = timezone.now() - timedelta(days=2)
    start = past.astimezone(WARSAW).replace(hour=11, minute=0, second=0, microsecond=0)
    response = anon.post(reverse("advice:book", args=[adviser.pk, _key(start)]), FORM)
    assert response.status_code == 400
    assert "Ten termin już minął" in response.content.decode()
    assert not Appointment.objects.exists()


def test_a_time_outside_office_hours_is_refused(anon, adviser):
    start, _end = monday_slot(9)
    response = anon.post(reverse("advice:book", args=[adviser.pk, _key(start)]), FORM)
    assert response.status_code == 400 and "nie ma dyżuru" in response.content.decode()
    assert not Appointment.objects.exists()


def test_organisation_or_founding_is_required(anon, adviser):
    start, _end = monday_slot(12)
    data = {**FORM}
    del data["founding"]
    response = anon.post(reverse("advice:book", args=[adviser.pk, _key(start)]), data)
    assert response.status_code == 400
    assert not Appointment.objects.exists()


def test_cancel_by_the_signed_link(anon, adviser):
    appointment = AppointmentFactory(adviser=adviser)
    url = cancel_link(appointment)
    assert anon.get(url).status_code == 200
    response = anon.post(url, {"reason": "Choroba"})
    assert response.status_code == 302
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.CANCELLED and appointment.status_reason == "Choroba"
    assert OutboxMessage.objects.filter(
        to=[adviser.user.email], event="appointment_cancelled_to_adviser"
    ).exists()


def test_a_forged_cancellation_link_is_refused_and_changes_nothing(anon, adviser):
    appointment = AppointmentFactory(adviser=adviser)
    token = cancel_link(appointment).rstrip("/").rsplit("/", 1)[-1]
    forged = reverse("advice:appointment_manage", args=[token[:-3] + "abc"])
    response = anon.post(forged, {"reason": "x"})
    assert response.status_code == 400 and "Ten link jest nieprawidłowy" in response.content.decode()
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.BOOKED
    assert not AuditEntry.objects.filter(action="appointment.cancel").exists()


def test_a_reissued_secret_voids_the_old_link(anon, adviser):
    appointment = AppointmentFactory(adviser=adviser)
    old = cancel_link(appointment)
    Appointment.objects.filter(pk=appointment.pk).update(secret="nowy")
    assert anon.post(old).status_code == 400
    assert Appointment.objects.get(pk=appointment.pk).status == AppointmentStatus.BOOKED


def test_another_centres_link_is_refused(client_for, other_centre, adviser):
    appointment = AppointmentFactory(adviser=adviser)
    response = client_for(other_centre).get(cancel_link(appointment))
    assert response.status_code == 404


def test_the_service_refuses_a_slot_beyond_the_horizon(centre, adviser):
    start, _end = monday_slot(11, weeks_ahead=10)
    with pytest.raises(ApplicationError, match="odległego"):
        appointment_book(
            centre=centre,
            adviser=adviser,
            starts_at=start,
            actor=None,
            topic="T",
            question="Q",
            name="N",
            email="n@example.org",
            founding=True,
        )
    assert not Appointment.objects.exists()
