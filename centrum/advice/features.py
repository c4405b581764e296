"""What the advice service contributes to core: the module, menu links, the staff dashboard card, the home
section, the service kind, the organisation's support history and reach, and the demo data."""

from django.utils.translation import gettext_lazy as _

from centrum.core import registry
from centrum.core.demo.seeding import DemoSeeder, register_demo_seeder
from centrum.organisations.sections import (
    SupportSection,
    SupportSource,
    register_support_section,
    register_support_source,
)

from . import demo
from .permissions import can_work_in_advice
from .selectors.cards import organisation_advice_history, staff_dashboard_counts
from .selectors.reach import advice_deadlines, advice_reach

MODULE = registry.register_module(
    registry.Module(
        label="advice",
        name=_("Doradztwo"),
        description=_(
            "Dyżury doradców, umawianie porad, dziennik porad, opiekunowie organizacji i statystyki."
        ),
        url_namespaces=("advice",),
        requires=("organisations",),
        public_url_name="advice:index",
        api_paths=("/api/v1/advice",),
        order=30,
    )
)


def _desk_visible(request) -> bool:
    return can_work_in_advice(request.user, request.centre)


registry.register_nav_item(
    registry.NavItem(label=_("Doradztwo"), url_name="advice:index", order=35, module=MODULE.label)
)
registry.register_nav_item(
    registry.NavItem(
        label=_("Panel doradcy"),
        url_name="advice:desk",
        order=36,
        visible=_desk_visible,
        module=MODULE.label,
        current_namespace="advice",
    )
)
registry.register_dashboard_card(
    registry.DashboardCard(
        key="advice.desk",
        template="advice/features/dashboard_card.html",
        context=lambda request: staff_dashboard_counts(centre=request.centre),
        visible=registry.centre_staff,
        order=30,
        module=MODULE.label,
    )
)
registry.register_home_section(
    registry.HomeSection(
        key="advice.book", template="advice/features/home_section.html", order=30, module=MODULE.label
    )
)
registry.register_service_kind(
    registry.ServiceKind(
        key="advice",
        label=_("Doradztwo – porady i dyżury doradców"),
        url_name="advice:index",
        link_text=_("Umów poradę"),
        module=MODULE.label,
        order=30,
    )
)
register_support_section(
    SupportSection(
        key="advice.history",
        template="advice/features/support_history.html",
        context=lambda request, organisation: organisation_advice_history(
            centre=request.centre, organisation=organisation
        ),
        order=30,
        module=MODULE.label,
    )
)
register_support_source(
    SupportSource(
        key="advice",
        label=_("Doradztwo"),
        reach=advice_reach,
        deadlines=advice_deadlines,
        module=MODULE.label,
    )
)
register_demo_seeder(
    DemoSeeder(name="advice", seed=demo.seed, after=("organisations.registry", "accounts.memberships"))
)

# The hard indicator of the cooperation-quality index (drawn by surveys through core's registry).
from centrum.core.indicators import AREA_INFRASTRUCTURE, IndicatorSource, register_indicator_source  # noqa: E402

from .selectors.indicators import advice_given  # noqa: E402

register_indicator_source(
    IndicatorSource(
        key="advice.given",
        label=_("Udzielone porady"),
        area=AREA_INFRASTRUCTURE,
        value=advice_given,
        module=MODULE.label,
        order=50,
    )
)
