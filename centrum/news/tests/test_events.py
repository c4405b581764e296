"""Events: submitting and moderating, an event ending before it starts refused, the month calendar and the
list drawing every calendar source (the centre's trainings too), the ICS feed and one event's .ics."""

from datetime import datetime, time, timedelta

import pytest
from django.urls import reverse
from icalendar import Calendar

from centrum.core import portal
from centrum.core.calendar import WARSAW, warsaw_today
from centrum.core.models import OutboxMessage
from centrum.organisations.tests.factories import OrganisationFactory

from ..models import Event
from .factories import EventFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def _data(organisation, **extra):
    day = warsaw_today() + timedelta(days=5)
    return {
        "title": "Piknik sąsiedzki",
        "organiser_kind": "organisation",
        "organisation": organisation.pk if organisation else "",
        "place": "Park Zamkowy",
        "start_day": day.isoformat(),
        "start_time": "12:00",
        "end_day": day.isoformat(),
        "end_time": "18:00",
        "audience": "rodziny z dziećmi",
        "accessibility": ["wheelchair", "sign_language"],
        "accessibility_notes": "Toaleta dostępna przy wejściu.",
        "registration_url": "https://example.org/zapisy",
        "price": "",
        "description": "<p>Zapraszamy</p><img src=x onerror=alert(1)>",
        **extra,
    }


def test_member_submits_an_event_staff_approve_it_shows_in_calendar_and_feeds(
    anon, client_for, centre, organisation, org_member, staff_client
):
    response = client_for(centre, org_member).post(reverse("events:new"), _data(organisation))
    event = Event.objects.get()
    assert response.status_code == 302 and event.status == "submitted"
    assert event.accessibility == ["wheelchair", "sign_language"] and "onerror" not in event.description
    assert "Piknik" not in anon.get(reverse("events:list")).content.decode()
    staff_client.post(reverse("events:action", args=[event.pk, "approve"]), {"state": "submitted"})
    event.refresh_from_db()
    assert event.status == "published" and OutboxMessage.objects.get().to == [org_member.email]
    month = event.starts_at.astimezone(WARSAW).strftime("%Y-%m")
    assert "Piknik sąsiedzki" in anon.get(reverse("events:calendar"), {"miesiac": month}).content.decode()
    page = anon.get(reverse("events:list")).content.decode()
    assert "Piknik sąsiedzki" in page and "tłumacz języka migowego" in page
    feed = Calendar.from_ical(anon.get(reverse("events:feed")).content)
    summaries = [str(c["summary"]) for c in feed.walk("VEVENT")]
    assert summaries == ["Piknik sąsiedzki"]
    ics = anon.get(reverse("events:ics", args=[event.pk]))
    assert ics["Content-Type"].startswith("text/calendar") and "attachment" in ics["Content-Disposition"]
    one = Calendar.from_ical(ics.content).walk("VEVENT")[0]
    assert str(one["location"]) == "Park Zamkowy" and "Dostępność" in str(one["description"])


def test_an_event_ending_before_it_starts_is_refused(client_for, centre, organisation, org_member):
    day = (warsaw_today() + timedelta(days=5)).isoformat()
    response = client_for(centre, org_member).post(
        reverse("events:new"), _data(organisation, start_day=day, start_time="18:00", end_time="12:00")
    )
    assert response.status_code == 400 and "przed początkiem" in response.content.decode()
    assert not Event.objects.exists()


def test_the_service_refuses_it_too(centre, staff_user):
    from centrum.core.exceptions import ApplicationError

    from ..services import event_create

    start = datetime.combine(warsaw_today(), time(12), tzinfo=WARSAW)
    with pytest.raises(ApplicationError):
        event_create(
            centre=centre, actor=staff_user, title="X", place="Y", organiser_kind="centre",
            starts_at=start, ends_at=start - timedelta(minutes=1),
        )  # fmt: skip
    assert not Event.objects.exists()


def test_garbage_is_refused_and_nothing_stored(client_for, centre, organisation, org_member):
    client = client_for(centre, org_member)
    for bad in (
        {"start_day": "2026-13-45"},
        {"start_day": "99999-01-01"},
        {"price": "-5"},
        {"price": "dużo"},
        {"accessibility": ["teleport"]},
        {"registration_url": "javascript:alert(1)"},
        {"organiser_kind": "public_body"},  # only staff add public bodies' events
        {"title": ""},
    ):
        assert client.post(reverse("events:new"), _data(organisation, **bad)).status_code == 400, bad
    assert not Event.objects.exists()


def test_staff_add_a_public_bodys_event_published_at_once(staff_client, centre):
    response = staff_client.post(
        reverse("events:new"),
        _data(None, organiser_kind="public_body", organiser_name="Powiatowy Urząd Pracy"),
    )
    event = Event.objects.get()
    assert response.status_code == 302 and event.status == "published"
    assert event.organiser_label() == "Powiatowy Urząd Pracy"


def test_calendar_draws_the_centres_trainings(anon, centre):
    from centrum.trainings.tests.factories import SessionFactory, TrainingFactory

    training = TrainingFactory(centre=centre, title="Szkolenie z fundraisingu", status="published")
    start = datetime.combine(warsaw_today() + timedelta(days=2), time(10), tzinfo=WARSAW)
    SessionFactory(centre=centre, training=training, starts_at=start, ends_at=start + timedelta(hours=3))
    EventFactory(
        centre=centre,
        title="Festyn",
        starts_at=start + timedelta(days=1),
        ends_at=start + timedelta(days=1, hours=2),
    )
    month = start.strftime("%Y-%m")
    body = anon.get(reverse("events:calendar"), {"miesiac": month}).content.decode()
    assert "Szkolenie z fundraisingu" in body and "Festyn" in body
    feed = Calendar.from_ical(anon.get(reverse("events:feed")).content)
    assert {str(c["summary"]) for c in feed.walk("VEVENT")} == {"Szkolenie z fundraisingu", "Festyn"}
    assert "Szkolenie z fundraisingu" in anon.get(reverse("events:list")).content.decode()


def test_list_filters_by_organiser_kind_and_organisation(anon, centre):
    organisation = OrganisationFactory(centre=centre)
    EventFactory(
        centre=centre, title="Festyn organizacji", organiser_kind="organisation", organisation=organisation
    )
    EventFactory(
        centre=centre, title="Dzień otwarty urzędu", organiser_kind="public_body", organiser_name="PUP"
    )
    body = anon.get(reverse("events:list"), {"organizator": "public_body"}).content.decode()
    assert "Dzień otwarty urzędu" in body and "Festyn organizacji" not in body
    body = anon.get(reverse("events:list"), {"organizacja": organisation.pk}).content.decode()
    assert "Festyn organizacji" in body and "Dzień otwarty urzędu" not in body


def test_bad_month_is_this_month_never_a_500(anon):
    for value in ("", "2026-13", "abc", "99999-01", "2026-1-1"):
        assert anon.get(reverse("events:calendar"), {"miesiac": value}).status_code == 200


def test_another_centres_event_is_404_and_unpublished_ics_refused(
    client_for, centre, other_centre, staff_user
):
    other = EventFactory(centre=other_centre)
    client = client_for(centre, staff_user)
    assert client.get(reverse("events:detail", args=[other.pk])).status_code == 404
    assert client.get(reverse("events:ics", args=[other.pk])).status_code == 404
    waiting = EventFactory(centre=centre, status="submitted")
    assert client_for(centre).get(reverse("events:detail", args=[waiting.pk])).status_code == 404
    assert client.get(reverse("events:ics", args=[waiting.pk])).status_code == 403


def test_author_edits_their_waiting_event(client_for, centre, organisation, org_member, plain_user):
    event = EventFactory(centre=centre, organisation=organisation, author=org_member, status="submitted",
                         organiser_kind="organisation")  # fmt: skip
    response = client_for(centre, org_member).post(
        reverse("events:edit", args=[event.pk]), _data(organisation, place="Rynek")
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.place == "Rynek"
    assert client_for(centre, plain_user).get(reverse("events:edit", args=[event.pk])).status_code == 404


def test_pages_query_counts(anon, client_for, centre, staff_user, django_assert_max_num_queries):
    organisation = OrganisationFactory(centre=centre)
    for i in range(8):
        EventFactory(centre=centre, organisation=organisation, organiser_kind="organisation",
                     starts_at=datetime.combine(warsaw_today() + timedelta(days=i), time(10), tzinfo=WARSAW))  # fmt: skip
    event = Event.objects.first()
    # The calendar, the list and the feed ask every registered calendar source once (trainings, volunteers'
    # event shifts, …): flat in the number of events.
    sources = len(portal.CALENDAR_SOURCES)
    with django_assert_max_num_queries(11 + sources):
        assert anon.get(reverse("events:calendar")).status_code == 200
    with django_assert_max_num_queries(12 + sources):
        assert anon.get(reverse("events:list")).status_code == 200
    with django_assert_max_num_queries(11 + sources):
        assert anon.get(reverse("events:feed")).status_code == 200
    with django_assert_max_num_queries(10):
        assert anon.get(reverse("events:ics", args=[event.pk])).status_code == 200
    staff = client_for(centre, staff_user)
    with django_assert_max_num_queries(12):
        assert staff.get(event.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(10):
        assert staff.get(reverse("events:new")).status_code == 200
