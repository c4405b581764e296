"""The grants as a support source: a caretaker sees the reports, returns and recommendations an
organisation owes soon, and the centre's statistics count organisations with a contract."""

from datetime import timedelta
from decimal import Decimal

import pytest

from centrum.core.calendar import warsaw_today
from centrum.grants.models import Control, ControlRecommendation, GrantReturn
from centrum.grants.tests.factories import report_in_state
from centrum.organisations.sections import support_deadlines, support_reach

pytestmark = pytest.mark.django_db


def test_reports_returns_and_recommendations_due_soon_are_the_caretakers_deadlines():
    today = warsaw_today()
    draft = report_in_state(state="draft")
    contract, centre, organisation = draft.contract, draft.centre, draft.contract.organisation
    draft.due_on = today + timedelta(days=10)
    draft.save(update_fields=["due_on"])
    # A submitted report is the official's move, not the organisation's: no deadline.
    submitted = report_in_state(state="submitted", centre=centre, organisation=organisation)
    submitted.due_on = today + timedelta(days=5)
    submitted.save(update_fields=["due_on"])
    GrantReturn.objects.create(
        centre=centre,
        contract=contract,
        unspent=Decimal("100.00"),
        amount=Decimal("100.00"),
        due_on=today + timedelta(days=3),
    )
    GrantReturn.objects.create(  # paid: nothing owed
        centre=centre,
        contract=contract,
        unspent=Decimal("50.00"),
        amount=Decimal("50.00"),
        due_on=today + timedelta(days=4),
        paid_on=today,
        amount_paid=Decimal("50.00"),
    )
    control = Control.objects.create(centre=centre, contract=contract, planned_on=today, scope="Dokumentacja")
    ControlRecommendation.objects.create(
        centre=centre, control=control, text="Uzupełnić listy obecności", due_on=today + timedelta(days=20)
    )
    ControlRecommendation.objects.create(  # beyond the horizon
        centre=centre, control=control, text="Późniejsze", due_on=today + timedelta(days=90)
    )
    other = report_in_state(state="draft", centre=centre)  # another organisation's: not asked for
    other.due_on = today + timedelta(days=7)
    other.save(update_fields=["due_on"])

    deadlines = support_deadlines(
        centre=centre, organisation_ids=[organisation.pk], start=today, end=today + timedelta(days=30)
    )

    assert [(d.due_on - today).days for d in deadlines] == [3, 10, 20]
    assert all(d.organisation_id == organisation.pk and contract.number in d.label for d in deadlines)
    assert other.contract.organisation_id != organisation.pk


def test_organisations_with_a_contract_count_as_reached():
    report = report_in_state(state="draft")
    contract = report.contract
    contract.concluded_on = warsaw_today()
    contract.save(update_fields=["concluded_on"])
    reach = support_reach(centre=contract.centre, start=warsaw_today(), end=warsaw_today())
    assert reach["organisations"] == 1
