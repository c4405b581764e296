"""The Django admin shows rooms, equipment, bookings and loans to platform admins only, read-only."""

import pytest
from django.test import Client

from centrum.spaces.choices import LoanStatus
from centrum.spaces.models import Booking, Loan, LoanItem

from .factories import BookingFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def _platform_client(user) -> Client:
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.fixture
def objects(centre, room, organisation, projector):
    booking = BookingFactory(room=room, organisation=organisation)
    loan = Loan.objects.create(
        centre=centre,
        number="UŻ/2026/0001",
        organisation=organisation,
        purpose="Piknik",
        starts_on=booking.starts_at.date(),
        due_on=booking.starts_at.date(),
        status=LoanStatus.APPROVED,
    )
    LoanItem.objects.create(centre=centre, loan=loan, item=projector, quantity=1)
    return {"room": room, "equipmentitem": projector, "booking": booking, "loan": loan}


MODELS = ["room", "equipmentitem", "booking", "loan"]


@pytest.mark.parametrize("model", MODELS)
def test_platform_admin_sees_lists_and_objects_read_only(platform_admin, objects, model):
    client = _platform_client(platform_admin)
    obj = objects[model]
    assert client.get(f"/admin/spaces/{model}/").status_code == 200
    page = client.get(f"/admin/spaces/{model}/{obj.pk}/change/")
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert client.get(f"/admin/spaces/{model}/add/").status_code == 403
    assert client.post(f"/admin/spaces/{model}/{obj.pk}/delete/", {"post": "yes"}).status_code == 403


def test_a_post_to_the_change_page_changes_nothing(platform_admin, objects):
    booking = objects["booking"]
    response = _platform_client(platform_admin).post(
        f"/admin/spaces/booking/{booking.pk}/change/", {"title": "Zmienione", "status": "cancelled"}
    )
    assert response.status_code == 403
    booking.refresh_from_db()
    assert booking.title != "Zmienione" and Booking.objects.filter(status="cancelled").count() == 0


@pytest.mark.parametrize("model", MODELS)
def test_centre_staff_with_is_staff_get_no_admin(staff_user, objects, model):
    staff_user.is_staff = True
    staff_user.save()
    assert _platform_client(staff_user).get(f"/admin/spaces/{model}/").status_code == 403
