"""JSON API of rooms, equipment and loans: the rooms, their availability (no personal data) and bookings;
members book and borrow here too. One module per sub-feature; the routers are mounted in `centrum/api/api.py`."""

from . import free  # noqa: F401  (its paths join `router`, after the bookings', before nothing else)
from .loans import equipment_router, loans_router
from .rooms import router

__all__ = ["equipment_router", "loans_router", "router"]
