"""The contracts demo: the decided competition's selected offers continue (updated budgets, contracts
drafted through the service, most signed, one with an annex); idempotent."""

import random

import pytest

from centrum.accounts.demo import demo_email, ensure_user
from centrum.accounts.models import CentreRole, CentreRoleKind
from centrum.organisations.tests.factories import OrganisationFactory

from ...choices import AnnexStatus, BudgetUpdateStatus, ContractStatus
from ...demo import competitions, contracts
from ...models import BudgetUpdate, Contract, ContractAnnex

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def test_the_demo_continues_the_decided_competition(centre):
    for index in range(12):
        OrganisationFactory(centre=centre, name=f"Organizacja demonstracyjna {index}", status="active")
    official = ensure_user(demo_email("urzednik", centre.slug), "Beata Urzędniczka")
    CentreRole.objects.create(centre=centre, user=official, role=CentreRoleKind.OFFICIAL)
    competitions.seed(centre=centre, rng=random.Random(1))
    assert contracts.seed(centre=centre, rng=random.Random(1))
    statuses = sorted(Contract.objects.values_list("status", flat=True))
    assert ContractStatus.SIGNED in statuses and ContractStatus.DRAFT in statuses
    assert BudgetUpdate.objects.filter(status=BudgetUpdateStatus.SUBMITTED).exists()
    annex = ContractAnnex.objects.get()
    assert (
        annex.status == AnnexStatus.SIGNED
        and annex.contract.end_date.isoformat() == annex.changes["end_date"]
    )
    for contract in Contract.objects.all():
        assert sum(ln.value for ln in contract.cost_lines.all()) == contract.total_cost
    assert contracts.seed(centre=centre, rng=random.Random(1)) is None
