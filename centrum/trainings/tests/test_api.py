"""The API: the public calendar, trainings, a person's own registrations, staff see an event's, registering."""

import pytest

from centrum.accounts.tests.factories import UserFactory

from ..models import Registration
from .factories import RegistrationFactory, training_with_session

pytestmark = pytest.mark.django_db


def test_public_calendar_and_trainings(anon, centre, other_centre):
    training = training_with_session(centre, title="Fundraising")
    training_with_session(centre, title="Szkic", status="draft")
    training_with_session(other_centre, title="Cudze")
    calendar = anon.get("/api/v1/trainings/calendar").json()
    assert [entry["title"] for entry in calendar] == ["Fundraising"]
    listed = anon.get("/api/v1/trainings").json()
    assert [t["title"] for t in listed] == ["Fundraising"] and listed[0]["sessions"]
    detail = anon.get(f"/api/v1/trainings/{training.pk}").json()
    assert detail["free"] == training.capacity


def test_registrations_own_and_staff(client_for, centre, staff_user, plain_user):
    training = training_with_session(centre, capacity=1)
    mine = RegistrationFactory(training=training, user=plain_user, email=plain_user.email)
    RegistrationFactory(training=training, status="waiting")
    client = client_for(centre, plain_user)
    assert [r["id"] for r in client.get("/api/v1/trainings/registrations").json()] == [mine.pk]
    assert client.get(f"/api/v1/trainings/{training.pk}/registrations").status_code == 403
    assert (
        len(client_for(centre, staff_user).get(f"/api/v1/trainings/{training.pk}/registrations").json()) == 2
    )


def test_register_and_cancel_through_the_api(client_for, centre):
    training = training_with_session(centre, capacity=1)
    user = UserFactory(email="api@example.org", full_name="Ala Api")
    client = client_for(centre, user)
    response = client.post(
        f"/api/v1/trainings/{training.pk}/registrations", {}, content_type="application/json"
    )
    assert response.status_code == 201 and response.json()["status"] == "confirmed"
    again = client.post(f"/api/v1/trainings/{training.pk}/registrations", {}, content_type="application/json")
    assert again.status_code == 400 and Registration.objects.count() == 1
    pk = response.json()["id"]
    assert client.post(f"/api/v1/trainings/registrations/{pk}/cancel").json()["status"] == "cancelled"


def test_another_centres_training_is_404(anon, other_centre):
    other = training_with_session(other_centre)
    assert anon.get(f"/api/v1/trainings/{other.pk}").status_code == 404
