"""The advice desk: office hours and absences, the advice log with its confidential notes, referrals,
assignments and caretakers, statistics; forbidden roles and query counts on every page."""

from datetime import date, datetime, time, timedelta

import pytest
from django.urls import reverse

from centrum.accounts.models import CentreRoleKind
from centrum.accounts.tests.factories import CentreRoleFactory, UserFactory
from centrum.core.calendar import WARSAW, warsaw_today
from centrum.core.models import OutboxMessage
from centrum.organisations.tests.factories import OrganisationFactory

from ..choices import AppointmentStatus, AssignmentKind
from ..models import Absence, AdviceEntry, Appointment, OfficeHours, ReachTarget, Referral
from ..selectors import slots_for
from ..services import appointment_reminders_send, domains_ensure_defaults, referral_token
from .factories import (
    AdviserFactory,
    AppointmentFactory,
    AssignmentFactory,
    DomainFactory,
    adviser_user,
    monday_slot,
)

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


@pytest.fixture
def adviser_client(client_for, centre, adviser):
    return client_for(centre, adviser.user)


def _hours(**over):
    return {
        "weekday": "0",
        "starts_at": "16:00",
        "ends_at": "18:00",
        "slot_minutes": "60",
        "mode": "in_person",
        "place": "pokój 2",
        "valid_from": warsaw_today().isoformat(),
        **over,
    }


def test_overlapping_office_hours_are_refused_and_nothing_stored(staff_client, adviser):
    url = reverse("advice:office_hours_new", args=[adviser.pk])
    response = staff_client.post(url, _hours())
    assert response.status_code == 400
    assert "nakłada się" in response.content.decode()
    assert OfficeHours.objects.filter(adviser=adviser).count() == 1
    # Right after the Monday hours is fine.
    assert staff_client.post(url, _hours(starts_at="17:00", ends_at="19:00")).status_code == 302
    assert OfficeHours.objects.filter(adviser=adviser).count() == 2


def test_public_holidays_have_no_slots(centre, adviser):
    easter_monday = date(2027, 3, 29)
    assert easter_monday.weekday() == 0
    assert slots_for(centre=centre, start=easter_monday, end=easter_monday, free_only=False) == []
    after = easter_monday + timedelta(days=7)
    assert len(slots_for(centre=centre, start=after, end=after, free_only=False)) == 6


def test_an_absence_cancels_booked_slots_and_tells_the_person(adviser_client, adviser):
    appointment = AppointmentFactory(adviser=adviser)
    day = appointment.starts_at.astimezone(WARSAW).date()
    response = adviser_client.post(
        reverse("advice:absence_new", args=[adviser.pk]),
        {"starts_on": day.isoformat(), "ends_on": day.isoformat(), "kind": "sickness"},
    )
    assert response.status_code == 302
    assert Absence.objects.filter(adviser=adviser).count() == 1
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.CANCELLED and "nieobecny" in appointment.status_reason
    assert OutboxMessage.objects.filter(
        to=[appointment.email], event="appointment_cancelled_to_person"
    ).exists()
    assert slots_for(centre=adviser.centre, start=day, end=day) == []


def test_another_adviser_cannot_touch_someone_elses_hours(client_for, centre, adviser):
    other = AdviserFactory(centre=centre)
    client = client_for(centre, other.user)
    assert client.get(reverse("advice:adviser_hours", args=[adviser.pk])).status_code == 404
    response = client.post(reverse("advice:office_hours_new", args=[adviser.pk]), _hours(weekday="2"))
    assert response.status_code == 404
    assert OfficeHours.objects.filter(adviser=adviser).count() == 1


def test_the_adviser_logs_a_meeting_with_confidential_notes(adviser_client, staff_client, centre, adviser):
    domain = DomainFactory(centre=centre)
    appointment = AppointmentFactory(adviser=adviser)
    response = adviser_client.post(
        reverse("advice:appointment_log", args=[appointment.pk]),
        {
            "domain": domain.pk,
            "duration_minutes": "50",
            "topic": "Statut stowarzyszenia",
            "outcome": "Wzór statutu przekazany",
            "follow_up_on": (warsaw_today() + timedelta(days=14)).isoformat(),
            "confidential_notes": "Konflikt w zarządzie – ostrożnie",
        },
    )
    assert response.status_code == 302
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.DONE
    entry = AdviceEntry.objects.get()
    assert (entry.duration_minutes, entry.confidential_notes) == (50, "Konflikt w zarządzie – ostrożnie")
    url = reverse("advice:appointment_detail", args=[appointment.pk])
    assert "Konflikt w zarządzie" in adviser_client.get(url).content.decode()
    # Other staff see the log, never the confidential notes (nor does the audit log keep them).
    staff_page = staff_client.get(url).content.decode()
    assert "Statut stowarzyszenia" in staff_page and "Konflikt w zarządzie" not in staff_page
    from centrum.core.models import AuditEntry

    assert not any("Konflikt" in str(e.new_state) for e in AuditEntry.objects.all())


def test_staff_cannot_write_confidential_notes(staff_client, centre, adviser):
    domain = DomainFactory(centre=centre)
    appointment = AppointmentFactory(adviser=adviser)
    from centrum.accounts.models import User
    from centrum.core.exceptions import ApplicationError

    from ..services import appointment_log

    staff = User.objects.get(email="staff@example.org")
    with pytest.raises(ApplicationError):
        appointment_log(
            appointment=appointment,
            actor=staff,
            domain=domain,
            duration_minutes=30,
            topic="T",
            confidential_notes="tajne",
        )
    assert not AdviceEntry.objects.exists()
    assert Appointment.objects.get(pk=appointment.pk).status == AppointmentStatus.BOOKED


def test_a_referral_sends_a_link_to_book_the_specialist(adviser_client, anon, centre, adviser):
    specialist = AdviserFactory(
        centre=centre,
        user=adviser_user(centre, "prawnik@example.org", "Aleksandra Sikora"),
        hours=[(2, time(15), time(18))],
    )
    appointment = AppointmentFactory(adviser=adviser)
    response = adviser_client.post(
        reverse("advice:appointment_refer", args=[appointment.pk]),
        {"adviser": specialist.pk, "note": "Proszę zabrać projekt statutu."},
    )
    assert response.status_code == 302
    referral = Referral.objects.get()
    mail = OutboxMessage.objects.get(event="referral_to_person")
    token = referral_token(referral)
    assert token in mail.body and "Aleksandra Sikora" in mail.body
    page = anon.get(reverse("advice:index") + f"?skierowanie={token}").content.decode()
    assert f"/doradztwo/doradcy/{specialist.pk}/umow/" in page
    assert f"/doradztwo/doradcy/{adviser.pk}/umow/" not in page


def test_a_forged_referral_link_is_told_and_shows_everyone(anon, adviser):
    response = anon.get(reverse("advice:index") + "?skierowanie=podrobiony")
    assert response.status_code == 200 and "Ten link jest nieprawidłowy" in response.content.decode()


def test_the_caretaker_sees_their_organisations_and_deadlines(adviser_client, centre, adviser):
    mine = OrganisationFactory(centre=centre, name="Stowarzyszenie Podopieczne", nip="")
    other = OrganisationFactory(centre=centre, name="Fundacja Cudza", nip="")
    AssignmentFactory(adviser=adviser, organisation=mine)
    AdviceEntry.objects.create(
        centre=centre,
        adviser=adviser,
        organisation=mine,
        held_on=warsaw_today(),
        domain=DomainFactory(centre=centre),
        duration_minutes=30,
        topic="Sprawozdanie",
        follow_up_on=warsaw_today() + timedelta(days=5),
    )
    page = adviser_client.get(reverse("advice:caretaker")).content.decode()
    assert "Stowarzyszenie Podopieczne" in page and "Fundacja Cudza" not in page
    assert "Kontakt zwrotny po poradzie: Sprawozdanie" in page
    history = adviser_client.get(reverse("advice:caretaker_organisation", args=[mine.pk]))
    assert history.status_code == 200 and "Doradztwo – historia wsparcia" in history.content.decode()
    assert adviser_client.get(reverse("advice:caretaker_organisation", args=[other.pk])).status_code == 404
    desk = adviser_client.get(reverse("advice:desk")).content.decode()
    assert "Stowarzyszenie Podopieczne" in desk and "Sprawozdanie" in desk


def test_staff_assign_a_caretaker_and_an_ongoing_service_with_its_log(
    staff_client, client_for, centre, adviser
):
    organisation = OrganisationFactory(centre=centre, name="Klub Seniora", nip="")
    domain = DomainFactory(centre=centre, name="księgowość")
    response = staff_client.post(
        reverse("advice:assignment_new"),
        {
            "adviser": adviser.pk,
            "organisation": organisation.pk,
            "kind": AssignmentKind.SERVICE,
            "domain": domain.pk,
            "starts_on": (warsaw_today() - timedelta(days=60)).isoformat(),
        },
    )
    assert response.status_code == 302
    assignment = adviser.assignments.get()
    response = client_for(centre, adviser.user).post(
        reverse("advice:assignment_entry_new", args=[assignment.pk]),
        {
            "held_on": warsaw_today().isoformat(),
            "domain": domain.pk,
            "duration_minutes": "90",
            "topic": "Ewidencja za maj",
        },
    )
    assert response.status_code == 302
    assert AdviceEntry.objects.get().assignment == assignment
    # A future date is refused, nothing stored.
    response = staff_client.post(
        reverse("advice:assignment_entry_new", args=[assignment.pk]),
        {
            "held_on": (warsaw_today() + timedelta(days=3)).isoformat(),
            "domain": domain.pk,
            "duration_minutes": "30",
            "topic": "x",
        },
    )
    assert response.status_code == 400 and AdviceEntry.objects.count() == 1


def test_statistics_count_advice_and_reach_against_targets(staff_client, centre, adviser):
    domain = DomainFactory(centre=centre, name="prawo")
    organisation = OrganisationFactory(centre=centre, name="Stowarzyszenie Tajne Imię", nip="")
    start = datetime.combine(warsaw_today() - timedelta(days=7), time(11), tzinfo=WARSAW)
    done = AppointmentFactory(
        adviser=adviser,
        starts_at=start,
        status=AppointmentStatus.DONE,
        organisation=organisation,
        name="Jan Poufny",
    )
    AdviceEntry.objects.create(
        centre=centre,
        adviser=adviser,
        appointment=done,
        organisation=organisation,
        held_on=start.date(),
        domain=domain,
        duration_minutes=45,
        topic="Umowa",
    )
    ReachTarget.objects.create(
        centre=centre,
        label="Projekt CAL",
        starts_on=warsaw_today() - timedelta(days=30),
        ends_on=warsaw_today() + timedelta(days=335),
        people=40,
        organisations=16,
    )
    # A period given explicitly: a week ago may be last year (the suite runs on 1 and 6 January too).
    period = f"?start={warsaw_today() - timedelta(days=30)}&end={warsaw_today()}"
    response = staff_client.get(reverse("advice:statistics") + period)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Osoby: 1 z 40; organizacje: 1 z 16." in body
    assert "prawo" in body
    assert "Jan Poufny" not in body and "Stowarzyszenie Tajne Imię" not in body
    bad = staff_client.get(reverse("advice:statistics") + "?start=2026-05-01&end=2026-01-01")
    assert bad.status_code == 400


def test_reminders_go_once_the_day_before(centre, adviser):
    tomorrow = warsaw_today() + timedelta(days=1)
    start = datetime.combine(tomorrow, time(11), tzinfo=WARSAW)
    AppointmentFactory(adviser=adviser, starts_at=start)
    AppointmentFactory(adviser=adviser)  # next week: not yet
    assert appointment_reminders_send(centre=centre) == 1
    assert appointment_reminders_send(centre=centre) == 0
    mail = OutboxMessage.objects.get(event="appointment_reminder_to_person")
    assert mail.attachments[0]["content_type"] == "text/calendar"


DESK_PAGES = ["advice:desk", "advice:appointment_list", "advice:assignment_list"]
STAFF_PAGES = [
    "advice:adviser_manage",
    "advice:adviser_new",
    "advice:domain_manage",
    "advice:statistics",
    "advice:target_manage",
    "advice:assignment_new",
]


@pytest.mark.parametrize("name", DESK_PAGES + STAFF_PAGES + ["advice:caretaker"])
def test_forbidden_for_a_person_without_a_role(client_for, centre, anon, name):
    url = reverse(name)
    assert client_for(centre, UserFactory(email="nikt@example.org")).get(url).status_code == 403
    assert anon.get(url).status_code == 302


@pytest.mark.parametrize("name", STAFF_PAGES)
def test_staff_pages_are_forbidden_for_the_adviser(adviser_client, name):
    assert adviser_client.get(reverse(name)).status_code == 403


def _world(centre, adviser, size):
    domains_ensure_defaults(centre=centre)
    made = Appointment.objects.count()
    for i in range(made, made + size):
        org = OrganisationFactory(centre=centre, name=f"Organizacja {size}-{i}", nip="")
        AssignmentFactory(adviser=adviser, organisation=org)
        appointment = AppointmentFactory(
            adviser=adviser, starts_at=monday_slot(11 + i % 6, 1 + i // 6)[0], organisation=org
        )
        AdviceEntry.objects.create(
            centre=centre,
            adviser=adviser,
            organisation=org,
            appointment=None,
            held_on=warsaw_today(),
            domain=DomainFactory(centre=centre),
            duration_minutes=30,
            topic=f"T{i}",
            follow_up_on=warsaw_today() + timedelta(days=1),
        )
        AdviserFactory(centre=centre)
        assert appointment.pk


PAGES = [
    ("anon", "advice:index", []),
    ("adviser", "advice:desk", []),
    ("adviser", "advice:appointment_list", []),
    ("adviser", "advice:assignment_list", []),
    ("adviser", "advice:caretaker", []),
    ("staff", "advice:adviser_manage", []),
    ("staff", "advice:statistics", []),
    ("staff", "advice:appointment_list", []),
]


@pytest.mark.parametrize(("who", "name", "args"), PAGES)
def test_page_query_counts_do_not_grow(
    client_for, centre, adviser, staff_user, who, name, args, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = {
        "anon": client_for(centre),
        "adviser": client_for(centre, adviser.user),
        "staff": client_for(centre, staff_user),
    }[who]
    counts = []
    for size in (1, 6):
        _world(centre, adviser, size)
        client.get(reverse(name))
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse(name)).status_code == 200
        counts.append(len(ctx))
    assert counts[0] == counts[1], counts
    with django_assert_max_num_queries(40):
        client.get(reverse(name))


def test_detail_pages_query_counts(client_for, centre, adviser, django_assert_max_num_queries):
    client = client_for(centre, adviser.user)
    appointment = AppointmentFactory(adviser=adviser)
    assignment = AssignmentFactory(adviser=adviser)
    for url in (
        reverse("advice:appointment_detail", args=[appointment.pk]),
        reverse("advice:assignment_detail", args=[assignment.pk]),
        reverse("advice:adviser_hours", args=[adviser.pk]),
        reverse("advice:caretaker_organisation", args=[assignment.organisation.pk]),
        reverse("advice:adviser_detail", args=[adviser.pk]),
    ):
        with django_assert_max_num_queries(45):
            assert client.get(url).status_code == 200, url


def test_the_staff_dashboard_card_and_the_support_section(staff_client, centre, adviser):
    organisation = OrganisationFactory(centre=centre, name="Stowarzyszenie Historia", nip="")
    AssignmentFactory(adviser=adviser, organisation=organisation)
    body = staff_client.get(reverse("core:staff_dashboard")).content.decode()
    assert "Porady umówione na dziś" in body
    page = staff_client.get(reverse("organisations:detail", args=[organisation.pk])).content.decode()
    assert "Doradztwo – historia wsparcia" in page and adviser.name in page


def test_a_role_holder_gets_a_profile_from_staff(staff_client, centre):
    user = UserFactory(email="nowy-doradca@example.org", full_name="Nowy Doradca")
    CentreRoleFactory(centre=centre, user=user, role=CentreRoleKind.ADVISER)
    outsider = UserFactory(email="obcy@example.org")
    domains_ensure_defaults(centre=centre)
    response = staff_client.post(reverse("advice:adviser_new"), {"user": outsider.pk, "is_active": "on"})
    assert response.status_code == 400
    response = staff_client.post(
        reverse("advice:adviser_new"), {"user": user.pk, "first_contact": "on", "is_active": "on"}
    )
    assert response.status_code == 302
    assert user.adviser_profiles.get().first_contact
