"""The report's and the offer's personal-contribution fields show the work Centrum recorded: the
organisation's volunteers' confirmed hours in the period, valued at the centre's hour value."""

from datetime import timedelta

import pytest
from django.urls import reverse

from centrum.core.calendar import warsaw_today
from centrum.core.models import CentreSetting
from centrum.grants.choices import ReportKind
from centrum.grants.services import reports as S
from centrum.grants.tests.factories import OfferFactory, contract_with_budget
from centrum.volunteers.tests.factories import (
    OfferFactory as VolunteerOfferFactory,
)
from centrum.volunteers.tests.factories import (
    VolunteerFactory,
    agreement_for,
    application_for,
    host_of,
    hours_for,
)

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


@pytest.fixture
def hours(organisation):
    """Confirmed hours on two days inside a task that ran the last 60 days, one logged (not confirmed) and
    one confirmed before the task began."""
    today = warsaw_today()
    offer = VolunteerOfferFactory(centre=organisation.centre, host=host_of(organisation))
    application = application_for(offer, VolunteerFactory(centre=organisation.centre), status="accepted")
    agreement = agreement_for(application, starts_on=today - timedelta(days=100), days=120)
    hours_for(agreement, status="confirmed", hours="3", day=today - timedelta(days=20))
    hours_for(agreement, status="confirmed", hours="2.5", day=today - timedelta(days=10))
    hours_for(agreement, status="logged", hours="4", day=today - timedelta(days=9))
    hours_for(agreement, status="confirmed", hours="8", day=today - timedelta(days=90))
    return agreement


def test_the_report_form_shows_the_confirmed_hours_of_the_task(client_for, organisation, org_admin, hours):
    today = warsaw_today()
    contract = contract_with_budget(
        centre=organisation.centre,
        organisation=organisation,
        start_date=today - timedelta(days=60),
        end_date=today + timedelta(days=30),
    )
    report = S.report_start(contract=contract, kind=ReportKind.FINAL, period_year=None, actor=org_admin)
    page = client_for(organisation.centre, org_admin).get(reverse("grants:report_edit", args=[report.pk]))
    body = page.content.decode()
    # 5.5 h × the default hour value (31.40 zł) = 172.70 zł; the logged and the earlier hours do not count
    assert page.status_code == 200
    assert "Potwierdzone godziny wolontariuszy: 5,50 h" in body and "172,70" in body
    assert reverse("volunteers:contribution", args=[host_of(organisation).pk]) in body

    # Where the centre does not run the volunteer centre, nothing is suggested.
    CentreSetting.objects.create(centre=organisation.centre, key="module_volunteers", value=False)
    body = client_for(organisation.centre, org_admin).get(reverse("grants:report_edit", args=[report.pk]))
    assert "Potwierdzone godziny wolontariuszy" not in body.content.decode()


def test_the_offer_form_shows_the_last_twelve_months(client_for, organisation, org_admin, hours):
    offer = OfferFactory(competition__centre=organisation.centre, organisation=organisation)
    body = client_for(organisation.centre, org_admin).get(reverse("grants:offer_edit", args=[offer.pk]))
    assert "Potwierdzone godziny wolontariuszy: 13,50 h" in body.content.decode()


def test_an_organisation_without_volunteers_sees_no_suggestion(client_for, organisation, org_admin):
    offer = OfferFactory(competition__centre=organisation.centre, organisation=organisation)
    body = client_for(organisation.centre, org_admin).get(reverse("grants:offer_edit", args=[offer.pk]))
    assert body.status_code == 200 and "Potwierdzone godziny wolontariuszy" not in body.content.decode()
