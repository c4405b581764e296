"""What the knowledge platform contributes to core: the module, its menu link, the staff's moderation card,
the demo data, and to the public site (`core.portal`): its search sources (good practices, articles,
funding calls), its funding-call source, the newsletter topic "nabory i konkursy" and the organisation
page's section of the organisation's good practices. The search page itself is registered as core's
search page (`portal.register_search_page`), so the header's search field links to it without core
naming it."""

from django.utils.translation import gettext_lazy as _

from centrum.core import portal, registry
from centrum.core.demo.seeding import DemoSeeder, register_demo_seeder

from . import demo, selectors

MODULE = registry.register_module(
    registry.Module(
        label="knowledge",
        name=_("Platforma wiedzy"),
        description=_(
            "Dobre praktyki z mapą, liderzy i społecznicy, baza wiedzy (artykuły i dokumenty), nabory "
            "i konkursy oraz wyszukiwarka serwisu."
        ),
        url_namespaces=("knowledge", "search"),
        requires=("organisations",),  # practices name their organisation, calls the spheres of activity
        public_url_name="knowledge:index",
        api_paths=("/api/v1/knowledge",),
        order=60,
    )
)

registry.register_nav_item(
    registry.NavItem(
        label=_("Wiedza"),
        url_name="knowledge:index",
        order=60,
        module=MODULE.label,
        current_namespace="knowledge",
    )
)
registry.register_dashboard_card(
    registry.DashboardCard(
        key="knowledge.moderation",
        template="knowledge/dashboard_card.html",
        context=lambda request: selectors.moderation_card(centre=request.centre),
        visible=registry.centre_staff,
        order=60,
        module=MODULE.label,
    )
)

portal.register_search_page(portal.SearchPage(url_name="search:search", module=MODULE.label))
portal.register_search_source(
    portal.SearchSource(
        key="practices",
        label=_("Dobre praktyki"),
        search=selectors.search_practices,
        module=MODULE.label,
        order=40,
    )
)
portal.register_search_source(
    portal.SearchSource(
        key="articles",
        label=_("Baza wiedzy"),
        search=selectors.search_articles,
        module=MODULE.label,
        order=50,
    )
)
portal.register_search_source(
    portal.SearchSource(
        key="funding_calls",
        label=_("Nabory i konkursy"),
        search=selectors.search_funding_calls,
        module=MODULE.label,
        order=60,
    )
)
portal.register_funding_call_source(
    portal.FundingCallSource(
        key="knowledge",
        label=_("Nabory dodane przez centrum"),
        calls=selectors.funding_call_entries,
        module=MODULE.label,
        order=50,
    )
)
portal.register_newsletter_topic(
    portal.NewsletterTopic(
        key="funding_calls",
        label=_("Nabory i konkursy"),
        items=selectors.funding_call_topic_items,
        module=MODULE.label,
        order=30,
        by_fields=True,
    )
)
portal.register_organisation_section(
    portal.OrganisationSection(
        key="practices",
        template="knowledge/organisation_section.html",
        context=selectors.organisation_section,
        module=MODULE.label,
        order=60,
    )
)
register_demo_seeder(
    DemoSeeder(name="knowledge", seed=demo.seed, after=("organisations.registry", "accounts.people"))
)
