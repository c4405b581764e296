"""What rooms and equipment contribute to core: the module, the menu link, the staff dashboard card and
the demo rooms, bookings and loans (see `centrum.core.registry`)."""

from django.utils.translation import gettext_lazy as _

from centrum.core import page_cache, registry, versions
from centrum.core.demo.seeding import DemoSeeder, register_demo_seeder
from centrum.organisations.sections import (
    SupportSection,
    SupportSource,
    register_support_section,
    register_support_source,
)

from . import demo
from .models import Room, RoomOpeningHours, RoomPhoto
from .selectors import organisation_support_history, staff_dashboard_counts
from .selectors.reach import booking_reach, loan_deadlines, loan_reach
from .selectors.rooms import room_bookings_marker

MODULE = registry.register_module(
    registry.Module(
        label="spaces",
        name=_("Sale i sprzęt"),
        description=_("Rezerwacje sal, wypożyczenia sprzętu i najem biur. Wymaga bazy organizacji."),
        url_namespaces=("spaces",),
        requires=("organisations",),
        public_url_name="spaces:room_list",
        api_paths=("/api/v1/rooms", "/api/v1/equipment", "/api/v1/loans"),
        order=20,
    )
)

# The room list (page and API) shows only rooms, their hours and photos: kept whole for visitors not signed
# in, on the centre's data version. A room's week shows its bookings too, which are not versioned (a bump
# in every booking's transaction would serialise a centre's bookings on its row): their marker (count and
# latest change of that room's bookings, one aggregate) is part of its key.
for model in (Room, RoomOpeningHours, RoomPhoto):
    versions.register_versioned_model(model)
page_cache.register_cached_page("spaces:room_list")
page_cache.register_cached_page("api:rooms")
page_cache.register_cached_page(
    "spaces:room_detail",
    parts=lambda request, kwargs: room_bookings_marker(centre=request.centre, room_id=kwargs.get("pk")),
)

registry.register_nav_item(
    registry.NavItem(
        label=_("Sale i sprzęt"),
        url_name="spaces:room_list",
        order=30,
        module=MODULE.label,
        current_namespace="spaces",
    )
)
registry.register_dashboard_card(
    registry.DashboardCard(
        key="spaces.requests",
        template="spaces/_dashboard_card.html",
        context=lambda request: staff_dashboard_counts(centre=request.centre),
        visible=registry.centre_staff,
        order=20,
        module=MODULE.label,
    )
)
registry.register_home_section(
    registry.HomeSection(
        key="spaces.rooms", template="spaces/features/home_section.html", order=20, module=MODULE.label
    )
)

registry.register_service_kind(
    registry.ServiceKind(
        key="rooms",
        label=_("Sale – lista sal i rezerwacje"),
        url_name="spaces:room_list",
        link_text=_("Sale i wolne terminy"),
        module=MODULE.label,
        order=20,
    )
)
registry.register_service_kind(
    registry.ServiceKind(
        key="equipment",
        label=_("Sprzęt – wypożyczenia"),
        url_name="spaces:loan_create",
        link_text=_("Wypożycz sprzęt"),
        module=MODULE.label,
        order=21,
    )
)
register_support_section(
    SupportSection(
        key="spaces.history",
        template="spaces/features/support_history.html",
        context=lambda request, organisation: {
            **organisation_support_history(centre=request.centre, organisation=organisation),
            "organisation_id": organisation.pk,
        },
        order=20,
        module=MODULE.label,
    )
)

register_support_source(
    SupportSource(key="spaces.bookings", label=_("Rezerwacje sal"), reach=booking_reach, module=MODULE.label)
)
register_support_source(
    SupportSource(
        key="spaces.loans",
        label=_("Wypożyczenia sprzętu"),
        reach=loan_reach,
        deadlines=loan_deadlines,
        module=MODULE.label,
    )
)

register_demo_seeder(
    DemoSeeder(
        name="spaces",
        seed=demo.seed,
        after=("organisations.registry", "accounts.memberships"),
    )
)

# The hard indicator of the cooperation-quality index (drawn by surveys through core's registry).
from centrum.core.indicators import AREA_INFRASTRUCTURE, IndicatorSource, register_indicator_source  # noqa: E402

from .selectors.indicators import organisation_room_hours  # noqa: E402

register_indicator_source(
    IndicatorSource(
        key="spaces.organisation_hours",
        label=_("Godziny sal udostępnionych organizacjom"),
        area=AREA_INFRASTRUCTURE,
        value=organisation_room_hours,
        unit=_("godz."),
        module=MODULE.label,
        order=30,
    )
)
