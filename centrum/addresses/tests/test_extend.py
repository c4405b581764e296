"""Extending an agreement in force: staff give a later last day; the added part keeps to the centre's longest
period and its limit of organisations; both sides are told; a refusal changes nothing."""

from datetime import timedelta

import pytest
from django.urls import reverse

from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError
from centrum.core.models import AuditEntry, CentreSetting, OutboxMessage

from ..choices import AgreementStatus
from ..models import AddressAgreement
from ..services import agreement_extend
from ..workflows import add_months
from .factories import AgreementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreement(centre, organisation):
    return AgreementFactory(centre=centre, organisation=organisation, reminded_at=None)


def _action(agreement) -> str:
    return reverse("addresses:agreement_action", args=[agreement.pk, "extend"])


def test_staff_extend_an_expiring_agreement_and_the_party_is_told(client_for, centre, staff_user, agreement):
    AddressAgreement.objects.filter(pk=agreement.pk).update(status=AgreementStatus.EXPIRING)
    new_end = agreement.ends_on + timedelta(days=365)
    page = client_for(centre, staff_user).get(agreement.get_absolute_url()).content.decode()
    assert "Przedłuż porozumienie" in page and _action(agreement) in page

    response = client_for(centre, staff_user).post(
        _action(agreement), {"state": "expiring", "ends_on": new_end.isoformat()}
    )

    assert response.status_code == 302
    stored = AddressAgreement.objects.get(pk=agreement.pk)
    assert (stored.status, stored.ends_on, stored.reminded_at) == (AgreementStatus.ACTIVE, new_end, None)
    entry = AuditEntry.objects.filter(action="address_agreement.extended").get()
    assert entry.old_state["ends_on"] == agreement.ends_on.isoformat()
    assert entry.new_state == {"status": "active", "ends_on": new_end.isoformat()}
    mail = OutboxMessage.objects.get(event="extended_to_party")
    assert agreement.contact_email in mail.to and "przedłużyło porozumienie" in mail.body


@pytest.mark.parametrize(
    ("days", "message"),
    [(0, "musi być późniejsza"), (-10, "musi być późniejsza")],
)
def test_an_end_not_after_the_current_one_is_refused(staff_user, agreement, days, message):
    with pytest.raises(ApplicationError, match=message):
        agreement_extend(
            agreement=agreement, actor=staff_user, ends_on=agreement.ends_on + timedelta(days=days)
        )
    assert AddressAgreement.objects.get(pk=agreement.pk).ends_on == agreement.ends_on
    assert not AuditEntry.objects.filter(action="address_agreement.extended").exists()


def test_the_added_part_keeps_to_the_longest_period(centre, staff_user, agreement):
    CentreSetting.objects.create(centre=centre, key="addresses.max_months", value=12)
    longest = add_months(agreement.ends_on + timedelta(days=1), 12)
    with pytest.raises(ApplicationError, match="najwyżej na 12 mies"):
        agreement_extend(agreement=agreement, actor=staff_user, ends_on=longest + timedelta(days=1))
    agreement_extend(agreement=agreement, actor=staff_user, ends_on=longest)
    assert AddressAgreement.objects.get(pk=agreement.pk).ends_on == longest


def test_no_place_under_the_centres_limit_in_the_added_part_is_refused(centre, staff_user, agreement):
    CentreSetting.objects.create(centre=centre, key="addresses.max_organisations", value=1)
    # Another organisation's agreement starts the day after this one ends today.
    AgreementFactory(
        centre=centre,
        organisation=None,
        founding_name="Fundacja Następna",
        starts_on=agreement.ends_on + timedelta(days=1),
        ends_on=agreement.ends_on + timedelta(days=200),
    )
    with pytest.raises(ApplicationError, match="limit w tym okresie jest wyczerpany"):
        agreement_extend(
            agreement=agreement, actor=staff_user, ends_on=agreement.ends_on + timedelta(days=30)
        )
    assert AddressAgreement.objects.get(pk=agreement.pk).ends_on == agreement.ends_on


def test_a_bad_date_on_the_page_is_a_message_and_nothing_changes(client_for, centre, staff_user, agreement):
    response = client_for(centre, staff_user).post(
        _action(agreement), {"state": "active", "ends_on": "31.02.2027"}, follow=True
    )
    assert response.status_code == 200 and "Podaj poprawną nową datę końca" in response.content.decode()
    assert AddressAgreement.objects.get(pk=agreement.pk).ends_on == agreement.ends_on


def test_the_organisation_may_not_extend(client_for, centre, org_admin, agreement):
    response = client_for(centre, org_admin).post(
        _action(agreement), {"state": "active", "ends_on": (warsaw_today() + timedelta(days=600)).isoformat()}
    )
    assert response.status_code in (403, 404)
    assert AddressAgreement.objects.get(pk=agreement.pk).ends_on == agreement.ends_on
