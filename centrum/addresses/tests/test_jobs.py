"""Daily work on agreements: reminders before the end to both sides, the end itself, and afterwards the KRS
extract (recorded responses served by a local fake register) flags organisations still at the centre's address."""

import copy
from datetime import timedelta

import pytest
from django.urls import reverse

from centrum.core.calendar import warsaw_today
from centrum.core.models import AuditEntry, CentreSetting, OutboxMessage
from centrum.organisations.tests.factories import OrganisationFactory
from centrum.organisations.tests.fixtures import krs_server
from centrum.organisations.tests.fixtures.krs_server import recorded_payload

from ..choices import AgreementStatus, KrsAddressCheck
from ..jobs import check_krs_after_end, end_agreements, remind_ending_agreements
from ..models import AddressAgreement
from ..services import agreement_check_krs, shows_centre_address
from .factories import AgreementFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

fake_krs = krs_server.fake_krs
krs_unreachable = krs_server.krs_unreachable
KRS = "0000466506"


def test_reminder_days_before_the_end_go_to_both_sides_once(centre, organisation, org_admin):
    today = warsaw_today()
    due = AgreementFactory(centre=centre, organisation=organisation, ends_on=today + timedelta(days=30))
    AgreementFactory(
        centre=centre, organisation=OrganisationFactory(centre=centre), ends_on=today + timedelta(days=31)
    )
    assert remind_ending_agreements(centre) == "reminded 1"
    due.refresh_from_db()
    assert due.status == AgreementStatus.EXPIRING and due.reminded_at is not None
    party = OutboxMessage.objects.get(event="expiring_to_party")
    assert "prezes@example.org" in party.to and "kontakt@example.org" in party.to
    assert OutboxMessage.objects.filter(event="expiring_to_staff").exists()
    assert remind_ending_agreements(centre) == "reminded 0"


def test_the_reminder_days_are_a_setting(centre, organisation):
    CentreSetting.objects.create(centre=centre, key="addresses.reminder_days", value=60)
    AgreementFactory(centre=centre, organisation=organisation, ends_on=warsaw_today() + timedelta(days=45))
    assert remind_ending_agreements(centre) == "reminded 1"


def test_agreements_end_the_day_after_their_last_day(centre, organisation):
    today = warsaw_today()
    ended = AgreementFactory(
        centre=centre,
        organisation=organisation,
        status=AgreementStatus.EXPIRING,
        ends_on=today - timedelta(days=1),
    )
    last_day = AgreementFactory(centre=centre, organisation=OrganisationFactory(centre=centre), ends_on=today)
    assert end_agreements(centre) == "ended 1"
    assert AddressAgreement.objects.get(pk=ended.pk).status == AgreementStatus.ENDED
    assert AddressAgreement.objects.get(pk=last_day.pk).status == AgreementStatus.ACTIVE
    assert OutboxMessage.objects.filter(event="ended_to_party").count() == 1


def _at_the_centre(fake, centre):
    payload = copy.deepcopy(recorded_payload(KRS))
    payload["odpis"]["dane"]["dzial1"]["siedzibaIAdres"]["adres"].update(
        {
            "ulica": "UL. BABINA",
            "nrDomu": "1",
            "nrLokalu": "",
            "kodPocztowy": "62-800",
            "miejscowosc": "KALISZ",
        }
    )
    fake.set(KRS, "S", 200, payload)


def _ended(centre, **extra):
    organisation = OrganisationFactory(centre=centre, krs=KRS, nip="", regon="")
    return AgreementFactory(
        centre=centre,
        organisation=organisation,
        status=AgreementStatus.ENDED,
        starts_on=warsaw_today() - timedelta(days=400),
        ends_on=warsaw_today() - timedelta(days=5),
        **extra,
    )


def test_krs_still_showing_the_centres_address_is_flagged_for_staff(fake_krs, centre):
    _at_the_centre(fake_krs, centre)
    agreement = _ended(centre)
    assert check_krs_after_end(centre).startswith("checked 1, still at the centre 1")
    agreement.refresh_from_db()
    assert agreement.krs_check == KrsAddressCheck.STILL_HERE
    assert OutboxMessage.objects.filter(event="krs_still_here_to_staff").count() == 1
    assert AuditEntry.objects.filter(action="address_agreement.krs_checked").exists()


def test_an_organisation_that_moved_is_not_flagged_and_not_checked_again(fake_krs, centre):
    agreement = _ended(centre)  # the recorded extract: Rynek 2/3, Lubaczów
    check_krs_after_end(centre)
    agreement.refresh_from_db()
    assert agreement.krs_check == KrsAddressCheck.MOVED
    requests = len(fake_krs.requests)
    assert check_krs_after_end(centre).startswith("checked 0")
    assert len(fake_krs.requests) == requests


def test_krs_down_fails_gracefully_and_is_tried_again(krs_unreachable, centre, staff_client):
    agreement = _ended(centre)
    assert check_krs_after_end(centre).endswith("failed 1")
    agreement.refresh_from_db()
    assert agreement.krs_check == KrsAddressCheck.NOT_CHECKED
    response = staff_client.post(reverse("addresses:agreement_krs_check", args=[agreement.pk]), follow=True)
    assert response.status_code == 200 and "Rejestr KRS nie odpowiada" in response.content.decode()


def test_an_agreement_in_force_is_not_checked(centre, organisation, staff_user):
    agreement = AgreementFactory(centre=centre, organisation=organisation)
    with pytest.raises(Exception, match="po zakończeniu"):
        agreement_check_krs(agreement=agreement, actor=staff_user)


@pytest.mark.parametrize(
    ("street", "postal", "expected"),
    [
        ("UL. BABINA 1", "62-800", True),
        ("BABINA 1/4", "", True),
        ("UL. BABINA 10", "62-800", False),
        ("UL. BABINA 1", "37-600", False),
        ("RYNEK 1", "62-800", False),
        ("", "62-800", False),
    ],
)
def test_what_counts_as_the_centres_address(centre, street, postal, expected):
    assert shows_centre_address(centre, {"street": street, "postal_code": postal}) is expected
