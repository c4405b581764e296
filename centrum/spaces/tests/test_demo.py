import random

import pytest

from centrum.core.tests.factories import CentreFactory
from centrum.spaces import demo
from centrum.spaces.choices import BLOCKING_STATUSES
from centrum.spaces.models import (
    Booking,
    EquipmentItem,
    EquipmentUse,
    Loan,
    Room,
    RoomLet,
    WaitingListEntry,
)

from .conftest import make_organisation

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


@pytest.mark.parametrize("slug", list(demo.ROOMS))
def test_demo_seeds_real_rooms_idempotently_without_overlaps(slug):
    centre = CentreFactory(slug=slug, host=f"{slug}.localhost")
    for name in [
        "Uniwersytet III Wieku w Żorach",
        "Klub Abstynentów „STER”",
        "Fundacja Pomocna Dłoń",
        "Stowarzyszenie Sąsiedzi",
    ]:
        make_organisation(centre, name)
    demo.seed(centre=centre, rng=random.Random(1))
    counts = (
        Room.objects.count(),
        EquipmentItem.objects.count(),
        Booking.objects.count(),
        Loan.objects.count(),
        EquipmentUse.objects.count(),
    )
    demo.seed(centre=centre, rng=random.Random(1))
    assert (
        Room.objects.count(),
        EquipmentItem.objects.count(),
        Booking.objects.count(),
        Loan.objects.count(),
        EquipmentUse.objects.count(),
    ) == counts
    # Częstochowa and Miechów record walk-in use of their office equipment.
    assert EquipmentUse.objects.exists() == (slug in ("czestochowa", "miechow"))
    if slug in ("czestochowa", "miechow"):
        assert EquipmentUse.objects.filter(organisation__isnull=False).exists()
        assert EquipmentItem.objects.filter(kind="copier", monthly_quota__isnull=False).exists()
    assert Room.objects.filter(centre=centre).count() == len(demo.ROOMS[slug])
    blocking = list(Booking.objects.filter(status__in=BLOCKING_STATUSES).order_by("room_id", "starts_at"))
    for a, b in zip(blocking, blocking[1:], strict=False):
        assert a.room_id != b.room_id or a.ends_at <= b.starts_at
    assert WaitingListEntry.objects.exists()
    # Częstochowa's computer, copier, fax and phone are used on site only: nothing to lend out.
    assert Loan.objects.exists() == EquipmentItem.objects.filter(may_leave_building=True).exists()
    if slug == "zory":
        assert RoomLet.objects.count() == 2
    if slug == "kalisz":
        assert Room.objects.get(name="Sala wykładowa").capacity == 30
