"""What promotion contributes to core and to the public site: its module, menu link, the staff dashboard
card (company proposals to moderate), the sections of an organisation's public page (its "Wizytówka" and
OPP / 1.5 % status), search sources for companies and activation offers, and the demo data."""

from django.utils.translation import gettext_lazy as _

from centrum.core import page_cache, portal, registry, versions
from centrum.core.demo.seeding import DemoSeeder, register_demo_seeder

from . import demo
from .models import ActivationOffer, Company, OrganisationPage
from .selectors import activation_search, company_search, opp_section, organisation_page_section, staff_card

MODULE = registry.register_module(
    registry.Module(
        label="promotion",
        name=_("Promocja organizacji, firm CSR i 1,5%"),
        description=_(
            "Wizytówki organizacji, profile firm społecznie odpowiedzialnych, oferty aktywizacyjne instytucji "
            "publicznych i lista organizacji pożytku publicznego do przekazania 1,5% podatku."
        ),
        url_namespaces=("promotion",),
        requires=("organisations",),
        public_url_name="promotion:index",
        api_paths=("/api/v1/promotion",),
        order=60,
    )
)

# The organisation's public page (cached for visitors) shows the page content: its edits bump the version.
versions.register_versioned_model(OrganisationPage)
versions.register_versioned_model(Company)
versions.register_versioned_model(ActivationOffer)
page_cache.register_cached_page("promotion:opp_list")

registry.register_nav_item(
    registry.NavItem(label=_("Promocja"), url_name="promotion:index", order=60, module=MODULE.label)
)
registry.register_dashboard_card(
    registry.DashboardCard(
        key="promotion.companies",
        template="promotion/dashboard_card.html",
        context=lambda request: staff_card(centre=request.centre),
        visible=registry.centre_staff,
        order=60,
        module=MODULE.label,
    )
)

portal.register_organisation_section(
    portal.OrganisationSection(
        key="promotion.page",
        template="promotion/sections/page.html",
        context=organisation_page_section,
        module=MODULE.label,
        order=10,
    )
)
portal.register_organisation_section(
    portal.OrganisationSection(
        key="promotion.opp",
        template="promotion/sections/opp.html",
        context=opp_section,
        module=MODULE.label,
        order=20,
    )
)
portal.register_search_source(
    portal.SearchSource(
        key="promotion.companies",
        label=_("Firmy społecznie odpowiedzialne"),
        search=company_search,
        module=MODULE.label,
        order=60,
    )
)
portal.register_search_source(
    portal.SearchSource(
        key="promotion.activation",
        label=_("Oferty aktywizacyjne instytucji"),
        search=activation_search,
        module=MODULE.label,
        order=61,
    )
)

register_demo_seeder(
    DemoSeeder(
        name="promotion",
        seed=demo.seed,
        after=("organisations.registry", "accounts.memberships"),
    )
)
