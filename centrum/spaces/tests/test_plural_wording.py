"""Numbers in the rooms app's messages take the right Polish form: 1 / 2–4, 22–24 / 5–21, 25…"""

from datetime import timedelta

import pytest
from django.template.loader import render_to_string
from django.utils import timezone, translation

from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError
from centrum.core.models import CentreSetting
from centrum.spaces.agreements import loan_agreement_html
from centrum.spaces.availability import check_slots
from centrum.spaces.choices import Attendance, LoanStatus
from centrum.spaces.models import Loan
from centrum.spaces.services import booking_preview, loan_request

from .factories import BookingFactory, RoomFactory, next_open_day, slot

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

NUMBERS = (1, 2, 5, 22)


def _preview(room, actor, organisation, **kwargs):
    params = {
        "room": room,
        "actor": actor,
        "organisation": organisation,
        "starts_at": slot(next_open_day(), 17, 19)[0],
        "ends_at": slot(next_open_day(), 17, 19)[1],
        "title": "Warsztaty",
        "attendees": 1,
        **kwargs,
    }
    with pytest.raises(ApplicationError) as info:
        booking_preview(**params)
    return info.value.message


@pytest.mark.parametrize(
    ("n", "pl", "en"),
    [
        (1, "mieści najwyżej 1 osobę, a podano 2.", "holds at most 1 person,"),
        (2, "mieści najwyżej 2 osoby, a podano 3.", "holds at most 2 people,"),
        (5, "mieści najwyżej 5 osób, a podano 6.", "holds at most 5 people,"),
        (22, "mieści najwyżej 22 osoby, a podano 23.", "holds at most 22 people,"),
    ],
)
def test_room_capacity(centre, org_member, organisation, n, pl, en):
    room = RoomFactory(centre=centre, capacity=n)
    with translation.override("pl"):
        assert pl in _preview(room, org_member, organisation, attendees=n + 1)
    with translation.override("en"):
        assert en in _preview(room, org_member, organisation, attendees=n + 1)


@pytest.mark.parametrize(
    ("n", "pl"),
    [
        (1, "Organizacja ma 1 nieobecność na rezerwacjach"),
        (2, "Organizacja ma 2 nieobecności na rezerwacjach"),
        (5, "Organizacja ma 5 nieobecności na rezerwacjach"),
        (22, "Organizacja ma 22 nieobecności na rezerwacjach"),
    ],
)
def test_no_show_count_is_the_real_one(centre, org_member, organisation, room, n, pl):
    CentreSetting.objects.create(centre=centre, key="spaces.no_show_block_threshold", value=1)
    for days in range(1, n + 1):
        start = timezone.now() - timedelta(days=days, hours=3)
        BookingFactory(
            room=room,
            organisation=organisation,
            starts_at=start,
            ends_at=start + timedelta(hours=1),
            attendance=Attendance.NO_SHOW,
        )
    with translation.override("pl"):
        assert pl in _preview(room, org_member, organisation)


@pytest.mark.parametrize(
    ("n", "pl", "en"),
    [
        (1, "najwyżej 1 dzień naprzód.", "at most 1 day ahead."),
        (2, "najwyżej 2 dni naprzód.", "at most 2 days ahead."),
        (5, "najwyżej 5 dni naprzód.", "at most 5 days ahead."),
        (22, "najwyżej 22 dni naprzód.", "at most 22 days ahead."),
    ],
)
def test_booking_horizon(centre, n, pl, en):
    room = RoomFactory(centre=centre, horizon_days=n)
    day = next_open_day(start=warsaw_today() + timedelta(days=n + 1), weeks_ahead=0)
    for lang, text in (("pl", pl), ("en", en)):
        with translation.override(lang):
            (check,) = check_slots(room=room, slots=[slot(day, 10, 12)], enforce_booking_rules=True)
            assert text in " ".join(check.problems)


@pytest.mark.parametrize(
    ("n", "pl"), [(1, "na 1 dzień."), (2, "na 2 dni."), (5, "na 5 dni."), (22, "na 22 dni.")]
)
def test_loan_max_days(centre, org_member, organisation, projector, n, pl):
    CentreSetting.objects.create(centre=centre, key="spaces.loan_max_days", value=n)
    start = warsaw_today() + timedelta(days=1)
    with translation.override("pl"), pytest.raises(ApplicationError) as info:
        loan_request(
            centre=centre,
            actor=org_member,
            organisation=organisation,
            purpose="Piknik",
            starts_on=start,
            due_on=start + timedelta(days=n),
            items={projector: 1},
        )
    assert info.value.message == f"Sprzęt można wypożyczyć najwyżej {pl}"


@pytest.mark.parametrize(("n", "pl"), [(1, "(1 dzień)"), (2, "(2 dni)"), (5, "(5 dni)"), (22, "(22 dni)")])
def test_loan_agreement_term_in_days(centre, organisation, n, pl):
    loan = Loan.objects.create(
        centre=centre,
        number="UŻ/2026/0001",
        organisation=organisation,
        purpose="Piknik",
        starts_on=warsaw_today(),
        due_on=warsaw_today() + timedelta(days=n - 1),
        status=LoanStatus.APPROVED,
    )
    with translation.override("en"):  # the agreement is Polish whatever the language of the page
        assert pl in loan_agreement_html(loan=loan)


def test_cancellation_subject_to_staff_agrees_with_organizacja(room, organisation):
    subject = render_to_string(
        "spaces/emails/cancelled_to_staff_subject.txt", {"room": room, "organisation": organisation}
    ).strip()
    assert subject == f"Organizacja {organisation.name} anulowała rezerwację: {room.name}"
