"""The demo small grants: Częstochowa in every state with comments and responses, the others a few."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from centrum.core.models import Centre
from centrum.grants.models import Contract, SmallGrantComment, SmallGrantOffer


@pytest.mark.django_db
def test_demo_small_grants_in_every_centre():
    errors = StringIO()
    try:
        call_command("seed_demo", "--strict", force=True, stdout=StringIO(), stderr=errors)
    except CommandError as error:
        raise AssertionError(errors.getvalue()) from error
    counts = {c.slug: SmallGrantOffer.objects.filter(centre=c).count() for c in Centre.objects.all()}
    assert counts["czestochowa"] == 15 and all(2 <= counts[s] <= 4 for s in ("kalisz", "zory")), counts
    czestochowa = SmallGrantOffer.objects.filter(centre__slug="czestochowa")
    states = set(czestochowa.values_list("status", flat=True))
    assert states == {
        "draft",
        "received",
        "purposeful",
        "not_purposeful",
        "published",
        "contracted",
        "rejected",
        "withdrawn",
    }
    assert SmallGrantComment.objects.filter(
        offer__centre__slug="czestochowa", responded_at__isnull=False
    ).exists()
    for offer in czestochowa.filter(status="contracted"):
        contract = Contract.objects.get(small_grant=offer)
        assert contract.kind == "small_grant" and contract.cost_lines.exists() and contract.results.exists()
        assert contract.total_cost == offer.total_cost
    for offer in SmallGrantOffer.objects.exclude(status="draft"):
        assert offer.own_material >= 0
        assert offer.requested_grant + offer.own_financial + offer.own_personal + offer.own_material == (
            offer.total_cost
        )
    before = SmallGrantOffer.objects.count()
    call_command("seed_demo", force=True, stdout=StringIO(), stderr=StringIO())
    assert SmallGrantOffer.objects.count() == before
