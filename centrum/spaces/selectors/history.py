"""What the centre gave one organisation, for its staff view: its latest walk-in equipment uses.

One query, so the organisation's page stays cheap; bookings and loans have their own staff pages.
"""

from centrum.core.models import Centre

from .uses import equipment_uses_for_organisation

SHOWN = 10


def organisation_support_history(*, centre: Centre, organisation, limit: int = SHOWN) -> dict:
    return {"uses": equipment_uses_for_organisation(centre=centre, organisation=organisation, limit=limit)}
