"""Every page: who may open it (anonymous, a forbidden role, another centre's object = 404), what it shows,
how many queries it takes, and bad input refused with nothing stored."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from centrum.accounts.tests.factories import MembershipFactory, UserFactory
from centrum.core.models import OutboxMessage
from centrum.organisations.tests.factories import OrganisationFactory
from centrum.spaces.choices import BookingKind
from centrum.spaces.models import Booking
from centrum.spaces.tests.factories import BookingFactory, RoomFactory, next_open_day, slot

from ..models import Exhibitor, Registration, Session, Training, TrainingNeed
from ..services.notify import cancel_token
from .factories import RegistrationFactory, SessionFactory, TrainingFactory, training_with_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def training(centre):
    return training_with_session(centre, title="Fundraising dla początkujących", capacity=2)


def test_public_calendar_shows_published_upcoming_of_this_centre(anon, centre, other_centre, training):
    training_with_session(centre, title="Szkic wewnętrzny", status="draft")
    training_with_session(other_centre, title="Cudze szkolenie")
    body = anon.get(reverse("trainings:list")).content.decode()
    assert "Fundraising dla początkujących" in body
    assert "Szkic wewnętrzny" not in body and "Cudze szkolenie" not in body


def test_archive_lists_past_trainings(anon, centre):
    past = TrainingFactory(centre=centre, title="Dawne szkolenie", status="finished")
    start = timezone.now() - timedelta(days=30)
    SessionFactory(training=past, starts_at=start, ends_at=start + timedelta(hours=2))
    assert "Dawne szkolenie" in anon.get(reverse("trainings:archive")).content.decode()
    assert "Dawne szkolenie" not in anon.get(reverse("trainings:list")).content.decode()


def test_ics_feed_and_training_ics(anon, training):
    feed = anon.get(reverse("trainings:calendar_ics"))
    assert feed["Content-Type"].startswith("text/calendar") and b"Fundraising" in feed.content
    one = anon.get(reverse("trainings:training_ics", args=[training.pk]))
    assert b"BEGIN:VEVENT" in one.content


def test_draft_and_other_centres_training_are_404(anon, client_for, centre, other_centre, staff_user):
    draft = training_with_session(centre, status="draft")
    other = training_with_session(other_centre)
    assert anon.get(reverse("trainings:detail", args=[draft.pk])).status_code == 404
    assert client_for(centre, staff_user).get(reverse("trainings:detail", args=[draft.pk])).status_code == 200
    for name in ("detail", "register", "training_ics", "edit", "participants", "feedback_results"):
        assert (
            client_for(centre, staff_user).get(reverse(f"trainings:{name}", args=[other.pk])).status_code
            == 404
        )


def test_anonymous_registers_with_name_and_email(anon, training):
    response = anon.post(
        reverse("trainings:register", args=[training.pk]),
        {"name": "Jan Kowalski", "email": "jan@example.org", "accessibility_needs": "pętla indukcyjna"},
    )
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert (registration.status, registration.accessibility_needs) == ("confirmed", "pętla indukcyjna")


def test_bad_registration_input_is_a_form_error_and_nothing_stored(anon, training):
    response = anon.post(
        reverse("trainings:register", args=[training.pk]), {"name": "", "email": "nie-email"}
    )
    assert response.status_code == 400 and not Registration.objects.exists()


def test_double_registration_through_the_page_is_refused(anon, training):
    data = {"name": "Jan", "email": "jan@example.org"}
    anon.post(reverse("trainings:register", args=[training.pk]), data)
    response = anon.post(reverse("trainings:register", args=[training.pk]), data)
    assert response.status_code == 400 and "już zapisana" in response.content.decode()
    assert Registration.objects.count() == 1


def test_registration_after_the_window_through_the_page(anon, centre):
    closed = training_with_session(centre, registration_closes_at=timezone.now() - timedelta(days=1))
    response = anon.post(
        reverse("trainings:register", args=[closed.pk]), {"name": "Jan", "email": "jan@example.org"}
    )
    assert response.status_code == 400 and "zakończyły" in response.content.decode()
    assert not Registration.objects.exists()


def test_member_registers_for_organisation_and_sees_the_registration(client_for, centre, training):
    organisation = OrganisationFactory(centre=centre)
    member = UserFactory(email="czlonek@example.org", full_name="Ewa Członkini")
    MembershipFactory(user=member, organisation=organisation)
    client = client_for(centre, member)
    response = client.post(
        reverse("trainings:register", args=[training.pk]),
        {"name": "Ewa Członkini", "email": "czlonek@example.org", "organisation": organisation.pk},
    )
    registration = Registration.objects.get()
    assert response["Location"] == reverse("trainings:registration_detail", args=[registration.pk])
    assert registration.organisation == organisation and registration.user == member
    assert client.get(reverse("trainings:my_registrations")).status_code == 200
    assert client.get(response["Location"]).status_code == 200


def test_someone_elses_registration_is_404(client_for, centre, plain_user, training):
    registration = RegistrationFactory(training=training)
    client = client_for(centre, plain_user)
    for name in ("registration_detail", "certificate", "feedback"):
        assert client.get(reverse(f"trainings:{name}", args=[registration.pk])).status_code == 404


def test_registrant_cancels_from_the_page_and_the_first_waiting_is_promoted(client_for, centre, plain_user):
    training = training_with_session(centre, capacity=1)
    mine = RegistrationFactory(training=training, user=plain_user, email=plain_user.email)
    waiting = RegistrationFactory(training=training, status="waiting")
    response = client_for(centre, plain_user).post(
        reverse("trainings:registration_action", args=[mine.pk, "cancel"]), {"state": "confirmed"}
    )
    assert response.status_code == 302
    assert Registration.objects.get(pk=waiting.pk).status == "confirmed"


def test_cancel_link_page_and_forged_link(anon, training):
    registration = RegistrationFactory(training=training)
    url = reverse("trainings:registration_cancel_link", args=[cancel_token(registration)])
    assert "rezygnuję" in anon.get(url).content.decode()
    forged = reverse("trainings:registration_cancel_link", args=["sfałszowany:link"])
    response = anon.post(forged)
    assert response.status_code == 400 and "nieprawidłowy" in response.content.decode()
    assert Registration.objects.get(pk=registration.pk).status == "confirmed"
    assert anon.post(url).status_code == 302
    assert Registration.objects.get(pk=registration.pk).status == "cancelled"


def test_staff_pages_need_staff(anon, client_for, centre, plain_user, training):
    session = training.sessions.get()
    urls = [
        reverse("trainings:manage"),
        reverse("trainings:new"),
        reverse("trainings:edit", args=[training.pk]),
        reverse("trainings:session_new", args=[training.pk]),
        reverse("trainings:session_edit", args=[session.pk]),
        reverse("trainings:participants", args=[training.pk]),
        reverse("trainings:feedback_results", args=[training.pk]),
        reverse("trainings:attendance", args=[session.pk]),
        reverse("trainings:attendance_pdf", args=[session.pk]),
    ]
    for url in urls:
        assert anon.get(url).status_code == 302, url
        assert client_for(centre, plain_user).get(url).status_code == 403, url


def test_staff_create_a_training_add_a_room_session_and_publish(staff_client, centre, staff_user):
    room = RoomFactory(centre=centre, capacity=30)
    response = staff_client.post(
        reverse("trainings:new"),
        {"title": "Księgowość NGO", "kind": "training", "capacity": 12, "registration_closes_on": ""},
    )
    training = Training.objects.get()
    assert response["Location"] == training.get_absolute_url() and training.status == "draft"
    day = next_open_day()
    response = staff_client.post(
        reverse("trainings:session_new", args=[training.pk]),
        {
            "day": day.isoformat(),
            "start_time": "10:00",
            "end_time": "13:00",
            "place_kind": "room",
            "room": room.pk,
        },
    )
    assert response.status_code == 302
    session = Session.objects.get()
    assert session.booking.kind == BookingKind.CENTRE and session.booking.room == room
    staff_client.post(reverse("trainings:training_action", args=[training.pk, "publish"]), {"state": "draft"})
    assert Training.objects.get().status == "published"


def test_a_taken_room_is_refused_by_the_rooms_rules_and_nothing_stored(staff_client, centre, staff_user):
    room = RoomFactory(centre=centre, capacity=30)
    day = next_open_day()
    start, end = slot(day, 10, 12)
    BookingFactory(room=room, starts_at=start, ends_at=end, status="approved")
    training = TrainingFactory(centre=centre, status="draft")
    response = staff_client.post(
        reverse("trainings:session_new", args=[training.pk]),
        {
            "day": day.isoformat(),
            "start_time": "11:00",
            "end_time": "13:00",
            "place_kind": "room",
            "room": room.pk,
        },
    )
    assert response.status_code == 400
    assert not Session.objects.exists() and Booking.objects.count() == 1


def test_changing_a_session_tells_everyone_registered_with_the_ics(staff_client, centre, training):
    RegistrationFactory(training=training, email="a@example.org")
    RegistrationFactory(training=training, email="b@example.org", status="waiting")
    session = training.sessions.get()
    day = next_open_day(weeks_ahead=2)
    response = staff_client.post(
        reverse("trainings:session_edit", args=[session.pk]),
        {
            "day": day.isoformat(),
            "start_time": "16:00",
            "end_time": "18:00",
            "place_kind": "online",
            "online_url": "https://meet.example.org/x",
        },
    )
    assert response.status_code == 302
    mails = OutboxMessage.objects.filter(event="session_changed_to_person")
    assert sorted(m.to[0] for m in mails) == ["a@example.org", "b@example.org"]
    assert all(m.attachments for m in mails)


def test_session_input_garbage_is_refused(staff_client, training):
    response = staff_client.post(
        reverse("trainings:session_new", args=[training.pk]),
        {"day": "9999-12-31", "start_time": "25:00", "end_time": "x", "place_kind": "elsewhere"},
    )
    assert response.status_code == 400 and Session.objects.count() == 1


def test_staff_mark_attendance(staff_client, centre):
    training = TrainingFactory(centre=centre)
    start = timezone.now() - timedelta(hours=3)
    session = SessionFactory(training=training, starts_at=start, ends_at=start + timedelta(hours=2))
    came, absent = RegistrationFactory(training=training), RegistrationFactory(training=training)
    response = staff_client.post(reverse("trainings:attendance", args=[session.pk]), {"present": [came.pk]})
    assert response.status_code == 302
    assert dict(session.attendance.values_list("registration_id", "present")) == {
        came.pk: True,
        absent.pk: False,
    }
    pdf = staff_client.get(reverse("trainings:attendance_pdf", args=[session.pk]))
    assert pdf["Content-Type"] == "application/pdf"


def test_exhibitor_request_and_staff_confirm(client_for, staff_client, centre):
    event = training_with_session(centre, kind="centre_event", exhibitors_welcome=True, title="Dzień NGO")
    organisation = OrganisationFactory(centre=centre)
    member = UserFactory()
    MembershipFactory(user=member, organisation=organisation)
    client = client_for(centre, member)
    url = reverse("trainings:stand_request", args=[event.pk])
    assert (
        client.post(
            url, {"organisation": organisation.pk, "stand": "Warsztaty dla dzieci", "needs": "prąd"}
        ).status_code
        == 302
    )
    again = client.post(url, {"organisation": organisation.pk, "stand": "Drugie"})
    assert again.status_code == 400 and Exhibitor.objects.count() == 1
    stand = Exhibitor.objects.get()
    staff_client.post(
        reverse("trainings:exhibitor_action", args=[stand.pk, "confirm"]), {"state": "requested"}
    )
    assert Exhibitor.objects.get().status == "confirmed"
    assert OutboxMessage.objects.filter(event="exhibitor_confirmed_to_organisation").exists()


def test_stands_only_where_welcome(client_for, centre, training):
    organisation = OrganisationFactory(centre=centre)
    member = UserFactory()
    MembershipFactory(user=member, organisation=organisation)
    response = client_for(centre, member).post(
        reverse("trainings:stand_request", args=[training.pk]),
        {"organisation": organisation.pk, "stand": "X"},
    )
    assert response.status_code == 400 and not Exhibitor.objects.exists()


def test_needs_declared_ranked_planned_and_those_who_asked_are_told(client_for, staff_client, centre):
    members = []
    for name in ("Fundacja A", "Fundacja B"):
        organisation = OrganisationFactory(centre=centre, name=name)
        member = UserFactory()
        MembershipFactory(user=member, organisation=organisation)
        members.append((member, organisation))
    for member, organisation in members:
        client_for(centre, member).post(
            reverse("trainings:needs"), {"organisation": organisation.pk, "topic": "Ochrona danych osobowych"}
        )
    member, organisation = members[0]
    duplicate = client_for(centre, member).post(
        reverse("trainings:needs"), {"organisation": organisation.pk, "topic": "ochrona  danych osobowych"}
    )
    assert duplicate.status_code == 400 and TrainingNeed.objects.count() == 2
    page = staff_client.get(reverse("trainings:needs"))
    assert page.context["demand"][0]["organisations"] == 2
    response = staff_client.post(
        reverse("trainings:need_plan"), {"key": page.context["demand"][0]["key"], "capacity": 15}
    )
    training = Training.objects.get()
    assert response["Location"] == training.get_absolute_url() and training.needs.count() == 2
    SessionFactory(training=training)
    staff_client.post(reverse("trainings:training_action", args=[training.pk, "publish"]), {"state": "draft"})
    assert OutboxMessage.objects.filter(event="need_planned_to_organisation").count() == 2


def test_needs_page_forbidden_without_an_organisation(client_for, centre, plain_user, anon):
    assert client_for(centre, plain_user).get(reverse("trainings:needs")).status_code == 403
    assert anon.get(reverse("trainings:needs")).status_code == 302


def test_cancelling_a_training_tells_the_registered_and_frees_the_room(staff_client, centre, staff_user):
    from ..services import session_save

    room = RoomFactory(centre=centre)
    training = TrainingFactory(centre=centre, status="draft")
    start, end = slot(next_open_day(), 10, 12)
    session = session_save(
        training=training,
        actor=staff_user,
        data={"starts_at": start, "ends_at": end, "place_kind": "room", "room": room},
    )
    Training.objects.filter(pk=training.pk).update(status="published")
    RegistrationFactory(training=training, email="a@example.org")
    response = staff_client.post(
        reverse("trainings:training_action", args=[training.pk, "cancel"]),
        {"state": "published", "reason": "Choroba prowadzącej"},
    )
    assert response.status_code == 302
    assert Booking.objects.get(pk=session.booking_id).status == "cancelled"
    mail = OutboxMessage.objects.get(event="training_cancelled_to_person")
    assert "Choroba prowadzącej" in mail.body


@pytest.mark.parametrize("name", ["list", "archive", "detail", "participants", "manage", "my_registrations"])
def test_query_counts_do_not_grow_with_rows(
    client_for, centre, staff_user, django_assert_max_num_queries, name
):
    for i in range(12):
        training = training_with_session(centre, title=f"Szkolenie {i}")
        for _ in range(3):
            RegistrationFactory(training=training, user=staff_user if i % 4 == 0 else None)
    target = Training.objects.order_by("id").first()
    args = [target.pk] if name in ("detail", "participants") else []
    client = client_for(centre, staff_user)
    client.get(reverse(f"trainings:{name}", args=args))
    with django_assert_max_num_queries(22):
        assert client.get(reverse(f"trainings:{name}", args=args)).status_code == 200
