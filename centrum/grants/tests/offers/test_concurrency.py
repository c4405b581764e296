"""Two submissions of the same offer at once: one number, one mail; an edit racing a submission: the edit
either lands before (and is what was filed) or is refused; the checksum always matches the stored content.
Real threads with their own connections, on SQLite and PostgreSQL (`race_database`)."""

from decimal import Decimal

import pytest

from centrum.accounts.models import MembershipRole
from centrum.accounts.tests.factories import MembershipFactory, UserFactory
from centrum.core.exceptions import ApplicationError
from centrum.core.models import OutboxMessage
from centrum.core.tests.factories import CentreFactory
from centrum.organisations.tests.factories import OrganisationFactory
from centrum.spaces.tests.test_concurrency import _race

from ...choices import OfferStatus
from ...models import Offer
from ...services.offers import (
    canonical_content,
    checksum_of,
    content_of,
    offer_save,
    offer_submit,
    send_pending_confirmations,
)
from ..factories import complete_offer

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("race_database")]


def _world():
    centre = CentreFactory(slug="czestochowa", host="czestochowa.localhost")
    organisation = OrganisationFactory(centre=centre, nip="", regon="")
    admin = UserFactory(email="prezes@example.org")
    MembershipFactory(user=admin, organisation=organisation, role=MembershipRole.ADMIN)
    return complete_offer(competition__centre=centre, organisation=organisation), admin


def test_two_submissions_of_one_offer_file_it_once():
    offer, admin = _world()
    results = _race(lambda i: offer_submit(offer=Offer.objects.get(pk=offer.pk), actor=admin), 2)
    assert sum(isinstance(r, Offer) for r in results) == 1
    assert all(isinstance(r, (Offer, ApplicationError)) for r in results), results
    stored = Offer.objects.get(pk=offer.pk)
    assert stored.status == OfferStatus.SUBMITTED and stored.number.endswith("/1")
    send_pending_confirmations(centre=stored.centre)
    assert OutboxMessage.objects.count() == 1


def test_an_edit_racing_a_submission_never_changes_filed_content():
    offer, admin = _world()
    seen = Offer.objects.get(pk=offer.pk)
    content = content_of(seen)
    content.header["requested_grant"] = Decimal("8999.00")
    content.header["own_financial"] = Decimal("501.00")

    def worker(i):
        if i == 0:
            return offer_submit(offer=Offer.objects.get(pk=offer.pk), actor=admin)
        return offer_save(offer=Offer.objects.get(pk=offer.pk), content=content, actor=admin)

    results = _race(worker, 2)
    assert all(isinstance(r, (Offer, ApplicationError)) for r in results), results
    stored = Offer.objects.get(pk=offer.pk)
    if stored.status == OfferStatus.SUBMITTED:
        assert checksum_of(canonical_content(stored, content_of(stored))) == stored.checksum
