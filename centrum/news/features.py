"""What news, the events calendar and error reports contribute to core and the public site: the module, its
menu links, the staff dashboard card, the footer's "Zgłoś błąd" link, search sources, the calendar source
of events, the newsletter topics "aktualności" and "wydarzenia", the organisation page's section, demo data.

"Zgłoś błąd" is this app's feature exposed through core's footer-link registry (base.html names no app's
URL); its pages are not part of the news module, so every centre's site has them. A member's own
submissions are `news:mine`, linked from the news list and the calendar: core's dashboard cards are the
staff dashboard's."""

from django.utils.translation import gettext_lazy as _

from centrum.core import portal, registry
from centrum.core.demo.seeding import DemoSeeder, register_demo_seeder

from . import demo, selectors

MODULE = registry.register_module(
    registry.Module(
        label="news",
        name=_("Aktualności i kalendarz wydarzeń"),
        description=_(
            "Aktualności organizacji i centrum (zgłaszanie, moderacja, RSS) oraz kalendarz lokalnych wydarzeń "
            "z kanałem ICS."
        ),
        url_namespaces=("news", "events"),
        requires=("organisations",),
        public_url_name="news:list",
        api_paths=("/api/v1/news",),
        order=55,
    )
)

registry.register_nav_item(
    registry.NavItem(
        label=_("Aktualności"), url_name="news:list", order=25, module=MODULE.label, current_namespace="news"
    )
)
registry.register_nav_item(
    registry.NavItem(
        label=_("Wydarzenia"),
        url_name="events:calendar",
        order=26,
        module=MODULE.label,
        current_namespace="events",
    )
)
registry.register_dashboard_card(
    registry.DashboardCard(
        key="news.moderation",
        template="news/features/dashboard_card.html",
        context=lambda request: selectors.staff_card(centre=request.centre),
        visible=registry.centre_staff,
        order=55,
    )
)
registry.register_footer_link(
    registry.FooterLink(
        key="news.error_report", label=_("Zgłoś błąd"), url_name="reports:new", page_param="strona"
    )
)

portal.register_search_source(
    portal.SearchSource(
        key="news", label=_("Aktualności"), search=selectors.search_news, module=MODULE.label, order=20
    )
)
portal.register_search_source(
    portal.SearchSource(
        key="events", label=_("Wydarzenia"), search=selectors.search_events, module=MODULE.label, order=21
    )
)
portal.register_calendar_source(
    portal.CalendarSource(
        key="events", label=_("Wydarzenia"), entries=selectors.calendar_events, module=MODULE.label, order=10
    )
)
portal.register_newsletter_topic(
    portal.NewsletterTopic(
        key="news", label=_("aktualności"), items=selectors.topic_news, module=MODULE.label, order=20
    )
)
portal.register_newsletter_topic(
    portal.NewsletterTopic(
        key="events", label=_("wydarzenia"), items=selectors.topic_events, module=MODULE.label, order=21
    )
)
portal.register_organisation_section(
    portal.OrganisationSection(
        key="news",
        template="news/features/organisation_section.html",
        context=selectors.organisation_section,
        module=MODULE.label,
        order=20,
    )
)
register_demo_seeder(
    DemoSeeder(
        name="news",
        seed=demo.seed,
        after=("organisations.registry", "accounts.memberships", "accounts.people", "trainings"),
    )
)
