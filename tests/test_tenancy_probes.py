"""The four probes of issue 7, as tests: each failed on the code before tenancy became structural."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from centrum.accounts.models import MembershipRole
from centrum.accounts.tests.factories import MembershipFactory, UserFactory
from centrum.api.tests.conftest import bearer, send
from centrum.core.exceptions import ApplicationError
from centrum.core.jobs import run_due_jobs
from centrum.core.models import OutboxMessage
from centrum.organisations.models import District, Organisation
from centrum.organisations.services import organisation_create, organisation_update
from centrum.organisations.tests.factories import OrganisationFactory
from centrum.spaces.tests.factories import BookingFactory, RoomFactory

pytestmark = pytest.mark.django_db


def _registration(**extra):
    return {
        "name": "Stowarzyszenie Sondy",
        "legal_form": "stowarzyszenie",
        "registry_kind": "krs_s",
        "krs": "206867",
        **extra,
    }


# ---- 1. a District of another centre --------------------------------------------------------------


def test_organisation_create_refuses_a_district_of_another_centre(centre, other_centre, staff_user):
    foreign_district = District.objects.create(centre=other_centre, name="Kłokocin")
    with pytest.raises(ApplicationError) as caught:
        organisation_create(
            centre=centre, actor=staff_user, data=_registration(district=foreign_district), notify=False
        )
    assert caught.value.field == "district"
    assert not Organisation.objects.filter(name="Stowarzyszenie Sondy").exists()


def test_organisation_update_refuses_a_district_of_another_centre(centre, other_centre, staff_user):
    organisation = OrganisationFactory(centre=centre, name="Kaliskie Koło", nip="", regon="")
    foreign_district = District.objects.create(centre=other_centre, name="Kłokocin")
    with pytest.raises(ApplicationError) as caught:
        organisation_update(organisation=organisation, actor=staff_user, data={"district": foreign_district})
    assert caught.value.field == "district"
    organisation.refresh_from_db()
    assert organisation.district_id is None


# ---- 2. rules of the web form that the API skipped ---------------------------------------------------

FORM_RULES = [
    (
        {"registry_kind": "starosta", "krs": "", "registry_number": "12/2020", "is_opp": True},
        "is_opp",
        "Status OPP mają tylko organizacje wpisane do KRS – podaj też numer KRS.",
    ),
    (
        {"registered_on": (date.today() + timedelta(days=400)).isoformat()},
        "registered_on",
        "Data wpisu do rejestru nie może być w przyszłości.",
    ),
    (
        {"phone": "zadzwoń jutro"},
        "phone",
        "Podaj numer telefonu z cyframi, np. +48 62 765 43 21 lub 62 765 43 21 wew. 12.",
    ),
]


@pytest.mark.parametrize(
    ("extra", "field", "message"), FORM_RULES, ids=["opp-without-krs", "future", "phone"]
)
def test_api_applies_the_rules_of_the_web_form(centre, client_for, make_token, extra, field, message):
    user = UserFactory(email="sonda@example.org")
    _token, key = make_token(user, centre)
    response = send(client_for(centre), "post", "/organisations", _registration(**extra), **bearer(key))
    assert response.status_code == 400, response.content
    assert response.json()["detail"] == message
    assert not Organisation.objects.filter(name="Stowarzyszenie Sondy").exists()


@pytest.mark.parametrize(
    ("extra", "field", "message"), FORM_RULES, ids=["opp-without-krs", "future", "phone"]
)
def test_service_applies_the_rules_of_the_web_form(centre, plain_user, extra, field, message):
    data = _registration(**extra)
    if "registered_on" in extra:
        data["registered_on"] = date.fromisoformat(extra["registered_on"])
    with pytest.raises(ApplicationError) as caught:
        organisation_create(centre=centre, actor=plain_user, data=data, notify=False)
    assert (caught.value.field, str(caught.value.message)) == (field, message)
    assert not Organisation.objects.filter(name="Stowarzyszenie Sondy").exists()


@pytest.fixture
def make_token():
    from centrum.accounts.services import api_token_create

    return lambda user, centre: api_token_create(user=user, centre=centre, name="sonda")


# ---- 3. a deactivated centre gets no reminders -------------------------------------------------------


def test_deactivated_centre_gets_no_booking_reminders(centre, other_centre):
    other_centre.is_active = False
    other_centre.save()
    start = timezone.now() + timedelta(hours=20)
    for each in (centre, other_centre):
        organisation = OrganisationFactory(centre=each, nip="", regon="")
        member = UserFactory()
        MembershipFactory(user=member, organisation=organisation, role=MembershipRole.ADMIN)
        BookingFactory(
            room=RoomFactory(centre=each),
            organisation=organisation,
            requested_by=member,
            starts_at=start,
            ends_at=start + timedelta(hours=2),
        )
    run_due_jobs(only=["spaces.booking_reminders"], force=True)
    reminders = OutboxMessage.objects.filter(event="reminder_to_organisation")
    assert list(reminders.values_list("centre", flat=True)) == [centre.pk]


# ---- 4. the admin on a centre's host -----------------------------------------------------------------


def test_admin_is_not_served_on_a_centre_host(centre, client_for, platform_admin):
    client = client_for(centre, platform_admin)
    assert client.get("/admin/").status_code == 404
    assert client.get("/admin/organisations/organisation/").status_code == 404


def test_every_admin_class_is_platform_only():
    from django.contrib import admin

    from centrum.core.sites import PlatformAdminOnly, PlatformAdminSite

    assert isinstance(admin.site, PlatformAdminSite)
    assert admin.site._registry
    for model, model_admin in admin.site._registry.items():
        assert isinstance(model_admin, PlatformAdminOnly), model._meta.label
