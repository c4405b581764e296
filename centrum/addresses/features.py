"""What the address service contributes to core: the module, the menu link, the staff dashboard card, the home
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
from .selectors import (
    address_deadlines,
    agreement_reach,
    organisation_address_history,
    staff_dashboard_counts,
)

MODULE = registry.register_module(
    registry.Module(
        label="addresses",
        name=_("Adres dla organizacji"),
        description=_(
            "Adres siedziby lub do korespondencji dla organizacji (także zakładanych) i dziennik poczty. "
            "Wymaga bazy organizacji."
        ),
        url_namespaces=("addresses",),
        requires=("organisations",),
        public_url_name="addresses:home",
        api_paths=("/api/v1/addresses",),
        order=30,
    )
)

registry.register_nav_item(
    registry.NavItem(
        label=_("Adres dla organizacji"),
        url_name="addresses:home",
        order=40,
        module=MODULE.label,
        current_namespace="addresses",
    )
)
registry.register_dashboard_card(
    registry.DashboardCard(
        key="addresses.agreements",
        template="addresses/_dashboard_card.html",
        context=lambda request: staff_dashboard_counts(
            centre=request.centre, uncollected_days=request.centre_settings["addresses.uncollected_days"]
        ),
        visible=registry.centre_staff,
        order=30,
        module=MODULE.label,
    )
)
registry.register_home_section(
    registry.HomeSection(
        key="addresses.service",
        template="addresses/features/home_section.html",
        order=30,
        module=MODULE.label,
    )
)
registry.register_service_kind(
    registry.ServiceKind(
        key="address",
        label=_("Adres dla organizacji – siedziba lub korespondencja"),
        url_name="addresses:home",
        link_text=_("Adres centrum dla organizacji"),
        module=MODULE.label,
        order=30,
    )
)
register_support_section(
    SupportSection(
        key="addresses.history",
        template="addresses/features/support_history.html",
        context=lambda request, organisation: organisation_address_history(
            centre=request.centre, organisation=organisation
        ),
        order=30,
        module=MODULE.label,
    )
)
register_support_source(
    SupportSource(
        key="addresses.agreements",
        label=_("Adres centrum"),
        reach=agreement_reach,
        deadlines=address_deadlines,
        module=MODULE.label,
    )
)

register_demo_seeder(
    DemoSeeder(name="addresses", seed=demo.seed, after=("organisations.registry", "accounts.memberships"))
)
