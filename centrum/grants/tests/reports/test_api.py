"""The reports API: a contract's settlement, a report with its checks, the returns register."""

from decimal import Decimal

import pytest

from centrum.core.calendar import warsaw_today
from centrum.grants.models import GrantReturn
from centrum.grants.tests.factories import report_in_state

pytestmark = [pytest.mark.django_db]


def test_contract_report_and_register(
    client_for, centre, organisation, org_admin, official_user, plain_user, django_assert_max_num_queries
):
    report = report_in_state(centre=centre, organisation=organisation, state="submitted")
    GrantReturn.objects.create(
        centre=centre, contract=report.contract, amount=Decimal("50"), due_on=warsaw_today()
    )
    member = client_for(centre, org_admin)
    with django_assert_max_num_queries(20):
        body = member.get(f"/api/v1/grants/reports/contracts/{report.contract_id}").json()
    assert body["reports"][-1]["status"] == "submitted" and body["returns"][0]["amount"] == "50.00"
    detail = member.get(f"/api/v1/grants/reports/{report.pk}").json()
    assert detail["balanced"] is True and detail["lines_total"] == "12000.00" and len(detail["lines"]) == 2
    assert member.get("/api/v1/grants/reports/returns/register").status_code == 403
    assert client_for(centre, plain_user).get(f"/api/v1/grants/reports/{report.pk}").status_code == 404
    official = client_for(centre, official_user)
    with django_assert_max_num_queries(20):
        rows = official.get("/api/v1/grants/reports/returns/register").json()
    assert rows[0]["organisation"] == organisation.name
