"""A decided competition with a selected offer of the test organisation: awarded in full (`offer`) or less
than requested (`short_offer`, which needs an updated budget first)."""

from decimal import Decimal

import pytest

from centrum.spaces.tests.conftest import race_database  # noqa: F401 (the fixture)

from ...choices import CompetitionStatus, OfferStatus
from ..factories import complete_offer

IBAN = "PL61109010140000071219812874"


def selected_offer(organisation, *, awarded: Decimal, **kwargs):
    organisation.bank_account = IBAN
    organisation.save(update_fields=["bank_account"])
    return complete_offer(
        competition__centre=organisation.centre,
        competition__status=CompetitionStatus.DECIDED,
        organisation=organisation,
        status=OfferStatus.SELECTED,
        number="1",
        awarded_grant=awarded,
        **kwargs,
    )


@pytest.fixture
def offer(organisation):
    return selected_offer(organisation, awarded=Decimal("9000.00"))


@pytest.fixture
def short_offer(organisation):
    return selected_offer(organisation, awarded=Decimal("7000.00"))
