"""Registration, the waiting list with automatic promotion, cancellation (also by the e-mailed link),
attendance, certificates and feedback: the rules, what is stored and who is told."""

import subprocess
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from centrum.accounts.tests.factories import MembershipFactory, UserFactory
from centrum.core.exceptions import ApplicationError
from centrum.core.models import AuditEntry, OutboxMessage
from centrum.organisations.tests.factories import OrganisationFactory

from ..choices import RegistrationStatus
from ..models import Attendance, Feedback, Registration
from ..services import (
    attendance_record,
    certificate_refusal,
    feedback_give,
    registration_cancel,
    registration_cancel_by_token,
    registration_create,
    registrations_remind,
)
from ..services.notify import cancel_token
from .factories import SessionFactory, TrainingFactory, training_with_session

pytestmark = pytest.mark.django_db

ANON = AnonymousUser()


def _register(training, n, **kwargs):
    return registration_create(
        training=training, actor=ANON, name=f"Osoba {n}", email=f"o{n}@example.org", **kwargs
    )


def test_above_capacity_goes_to_the_waiting_list_and_is_told(centre):
    training = training_with_session(centre, capacity=1)
    first, second = _register(training, 1), _register(training, 2)
    assert (first.status, second.status) == (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING)
    mails = {m.to[0]: m for m in OutboxMessage.objects.all()}
    assert mails["o1@example.org"].event == "registration_confirmed_to_person"
    assert mails["o1@example.org"].attachments[0]["content_type"] == "text/calendar"
    assert mails["o2@example.org"].event == "registration_waiting_to_person"
    assert "oczekujących" in mails["o2@example.org"].body


def test_cancelling_promotes_the_first_waiting_person_who_is_told(centre, staff_user):
    training = training_with_session(centre, capacity=1)
    first, second, third = _register(training, 1), _register(training, 2), _register(training, 3)
    registration_cancel(registration=first, actor=staff_user)
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {
        "o1@example.org": "cancelled",
        "o2@example.org": "confirmed",
        "o3@example.org": "waiting",
    }
    promoted = OutboxMessage.objects.get(event="registration_promoted_to_person")
    assert promoted.to == ["o2@example.org"] and "Zwolniło się miejsce" in promoted.subject
    assert AuditEntry.objects.filter(
        action="training_registration.promoted", object_id=str(second.pk)
    ).exists()
    assert third.status == "waiting"


def test_cancelling_a_waiting_registration_promotes_nobody(centre, staff_user):
    training = training_with_session(centre, capacity=1)
    _register(training, 1)
    waiting = _register(training, 2)
    registration_cancel(registration=waiting, actor=staff_user)
    assert not OutboxMessage.objects.filter(event="registration_promoted_to_person").exists()


def test_double_registration_is_refused_and_nothing_stored(centre):
    training = training_with_session(centre)
    _register(training, 1)
    with pytest.raises(ApplicationError, match="już zapisana"):
        registration_create(training=training, actor=ANON, name="Ktoś", email="O1@Example.org")
    assert Registration.objects.count() == 1


def test_after_cancelling_one_may_register_again(centre, staff_user):
    training = training_with_session(centre)
    registration_cancel(registration=_register(training, 1), actor=staff_user)
    assert _register(training, 1).status == "confirmed"


def test_registration_after_the_window_is_refused(centre):
    training = training_with_session(centre, registration_closes_at=timezone.now() - timedelta(hours=1))
    with pytest.raises(ApplicationError, match="zakończyły"):
        _register(training, 1)
    assert not Registration.objects.exists()


def test_registration_before_the_window_and_for_a_draft_is_refused(centre):
    early = training_with_session(centre, registration_opens_at=timezone.now() + timedelta(days=1))
    draft = training_with_session(centre, status="draft")
    for training in (early, draft):
        with pytest.raises(ApplicationError):
            _register(training, 1)
    assert not Registration.objects.exists()


def test_registration_closes_when_the_first_session_begins(centre):
    training = TrainingFactory(centre=centre)
    SessionFactory(training=training, starts_at=timezone.now() - timedelta(minutes=5))
    with pytest.raises(ApplicationError):
        _register(training, 1)


def test_the_cap_per_organisation(centre):
    organisation = OrganisationFactory(centre=centre)
    users = [UserFactory() for _ in range(3)]
    for user in users:
        MembershipFactory(user=user, organisation=organisation)
    training = training_with_session(centre, per_organisation_cap=2)
    for user in users[:2]:
        registration_create(training=training, actor=user, organisation=organisation)
    with pytest.raises(ApplicationError, match="najwyżej 2"):
        registration_create(training=training, actor=users[2], organisation=organisation)
    assert Registration.objects.count() == 2


def test_only_a_member_registers_for_an_organisation(centre, plain_user):
    organisation = OrganisationFactory(centre=centre)
    training = training_with_session(centre)
    with pytest.raises(ApplicationError, match="członek"):
        registration_create(training=training, actor=plain_user, organisation=organisation)


def test_cancel_by_link_cancels_and_promotes(centre):
    training = training_with_session(centre, capacity=1)
    first = _register(training, 1)
    _register(training, 2)
    registration_cancel_by_token(centre=centre, token=cancel_token(first))
    assert Registration.objects.get(pk=first.pk).status == "cancelled"
    assert Registration.objects.get(email="o2@example.org").status == "confirmed"


@pytest.mark.parametrize("forge", ["garbage", "other-purpose", "old-secret", "other-centre"])
def test_a_forged_cancellation_link_is_refused_and_changes_nothing(centre, other_centre, forge):
    from centrum.core.signed_links import signed_token

    training = training_with_session(centre)
    registration = _register(training, 1)
    token = {
        "garbage": "abc:def",
        "other-purpose": signed_token("spaces.booking.cancel", registration.pk, version=registration.secret),
        "old-secret": signed_token("trainings.registration.cancel", registration.pk, version="stary"),
        "other-centre": cancel_token(registration),
    }[forge]
    entries = AuditEntry.objects.count()
    with pytest.raises(ApplicationError, match="nieprawidłowy"):
        registration_cancel_by_token(centre=other_centre if forge == "other-centre" else centre, token=token)
    assert Registration.objects.get(pk=registration.pk).status == "confirmed"
    assert AuditEntry.objects.count() == entries


def _attended_training(centre, staff_user, *, sessions=2, required=None):
    training = TrainingFactory(centre=centre, required_sessions=required)
    past = [
        SessionFactory(
            training=training,
            starts_at=timezone.now() - timedelta(days=10 - i),
            ends_at=timezone.now() - timedelta(days=10 - i) + timedelta(hours=2),
        )
        for i in range(sessions)
    ]
    registration = Registration.objects.create(
        centre=centre, training=training, name="Jan Kowalski", email="jan@example.org"
    )
    return training, past, registration


def test_certificate_only_for_those_who_attended_the_required_sessions(centre, staff_user):
    training, sessions, registration = _attended_training(centre, staff_user, sessions=2, required=2)
    attendance_record(session=sessions[0], actor=staff_user, present_ids=[registration.pk])
    assert "wymaganych" in certificate_refusal(registration, attended=1, session_count=2)
    attendance_record(session=sessions[1], actor=staff_user, present_ids=[registration.pk])
    assert certificate_refusal(registration, attended=2, session_count=2) == ""
    assert Attendance.objects.filter(registration=registration, present=True).count() == 2


def test_attendance_in_the_future_or_for_strangers_is_refused(centre, staff_user):
    training = training_with_session(centre)
    session = training.sessions.get()
    registration = _register(training, 1)
    with pytest.raises(ApplicationError, match="od początku"):
        attendance_record(session=session, actor=staff_user, present_ids=[registration.pk])
    _training, past, _registration = _attended_training(centre, staff_user)
    with pytest.raises(ApplicationError, match="nie są zapisane"):
        attendance_record(session=past[0], actor=staff_user, present_ids=[registration.pk])
    assert not Attendance.objects.exists()


def test_feedback_once_by_a_participant_after_the_event(centre, staff_user):
    user = UserFactory(email="jan@example.org")
    training, sessions, registration = _attended_training(centre, staff_user, sessions=1)
    registration.user = user
    registration.save()
    with pytest.raises(ApplicationError, match="uczestniczyły"):
        feedback_give(registration=registration, actor=user, rating=5)
    attendance_record(session=sessions[0], actor=staff_user, present_ids=[registration.pk])
    with pytest.raises(ApplicationError, match="uczestnik"):
        feedback_give(registration=registration, actor=staff_user, rating=5)
    feedback_give(registration=registration, actor=user, rating=4, useful="Wzory")
    with pytest.raises(ApplicationError, match="już"):
        feedback_give(registration=registration, actor=user, rating=1)
    assert Feedback.objects.get().rating == 4


@pytest.mark.dates
def test_reminders_are_sent_once_with_the_ics(centre):
    training = training_with_session(centre, days=1)
    _register(training, 1)
    OutboxMessage.objects.all().delete()
    assert registrations_remind(centre=centre, days=2) == 1
    assert registrations_remind(centre=centre, days=2) == 0
    mail = OutboxMessage.objects.get()
    assert mail.event == "reminder_to_person" and mail.attachments


def test_certificate_pdf_is_polish_and_names_the_person(centre, staff_user, client_for):
    user = UserFactory(email="jan@example.org")
    training, sessions, registration = _attended_training(centre, staff_user, sessions=1)
    registration.user = user
    registration.save()
    url = f"/szkolenia/zgloszenia/{registration.pk}/zaswiadczenie.pdf"
    assert client_for(centre, user).get(url).status_code == 403
    attendance_record(session=sessions[0], actor=staff_user, present_ids=[registration.pk])
    response = client_for(centre, user).get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=response.content, capture_output=True, check=True
    ).stdout.decode()
    assert "ZAŚWIADCZENIE O UDZIALE" in text and "Jan Kowalski" in text and training.title in text


def test_feedback_closes_the_set_number_of_days_after_the_last_session(centre, staff_user, _frozen_clock):
    if _frozen_clock is None:
        pytest.skip("needs the frozen clock")
    from centrum.core.services import centre_settings_update

    centre_settings_update(centre=centre, values={"trainings.feedback_days": 3}, actor=staff_user)
    user = UserFactory(email="ola@example.org")
    training, sessions, registration = _attended_training(centre, staff_user, sessions=1)
    registration.user = user
    registration.save()
    attendance_record(session=sessions[0], actor=staff_user, present_ids=[registration.pk])
    _frozen_clock.move_to(sessions[0].ends_at + timedelta(days=3, minutes=1))
    with pytest.raises(ApplicationError, match="minął"):
        feedback_give(registration=registration, actor=user, rating=5)
    assert not Feedback.objects.exists()


def test_my_registrations_offer_feedback_only_while_it_is_open(centre, staff_user, client_for):
    user = UserFactory(email="ewa@example.org")
    _training, sessions, registration = _attended_training(centre, staff_user, sessions=1)
    registration.user = user
    registration.save()
    client = client_for(centre, user)
    link = f"/szkolenia/zgloszenia/{registration.pk}/ocena/"
    assert link not in client.get("/szkolenia/moje/").content.decode()  # not attended
    attendance_record(session=sessions[0], actor=staff_user, present_ids=[registration.pk])
    assert link in client.get("/szkolenia/moje/").content.decode()
    feedback_give(registration=registration, actor=user, rating=5)
    assert link not in client.get("/szkolenia/moje/").content.decode()  # given once
