"""What the consultations app contributes to core: the module, its menu links and dashboard card, subjects
and linked records for other apps, the hard indicator of the cooperation-quality index, the calendar of
consultation meetings, the newsletter topic and the demo data."""

from django.utils.translation import gettext_lazy as _

from centrum.core import crossrefs, indicators, portal, registry
from centrum.core.demo.seeding import DemoSeeder, register_demo_seeder

from . import demo, selectors
from .permissions import can_manage_consultations

MODULE = registry.register_module(
    registry.Module(
        label="consultations",
        name=_("Konsultacje"),
        description=_(
            "Konsultacje projektów aktów z organizacjami i mieszkańcami: uwagi do jednostek projektu, odpowiedzi, "
            "sprawozdanie; nabory propozycji i zespoły tematyczne."
        ),
        url_namespaces=("consultations",),
        requires=("organisations",),
        public_url_name="consultations:index",
        api_paths=("/api/v1/consultations",),
        order=47,
    )
)


def _officer(request) -> bool:
    return request.centre is not None and can_manage_consultations(request.user, request.centre)


registry.register_nav_item(
    registry.NavItem(label=_("Konsultacje"), url_name="consultations:index", order=47, module=MODULE.label)
)
registry.register_dashboard_card(
    registry.DashboardCard(
        key="consultations.desk",
        template="consultations/dashboard_card.html",
        context=lambda request: selectors.consultations_waiting(centre=request.centre),
        visible=_officer,
        order=47,
        module=MODULE.label,
    )
)
crossrefs.register_subject_source(
    crossrefs.SubjectSource(
        key=selectors.SOURCE_KEY,
        label=_("Konsultacje"),
        subjects=selectors.subjects,
        resolve=selectors.resolve,
        module=MODULE.label,
    )
)
crossrefs.register_link_source(
    crossrefs.LinkSource(
        key=selectors.SOURCE_KEY, label=_("Konsultacje"), linked=selectors.linked_records, module=MODULE.label
    )
)
indicators.register_indicator_source(
    indicators.IndicatorSource(
        key="consultations.held",
        label=_("Przeprowadzone konsultacje"),
        area=indicators.AREA_POLICIES,
        value=selectors.consultations_held,
        module=MODULE.label,
    )
)
portal.register_calendar_source(
    portal.CalendarSource(
        key="consultations",
        label=_("Spotkania konsultacyjne"),
        entries=selectors.calendar_entries,
        module=MODULE.label,
    )
)
portal.register_newsletter_topic(
    portal.NewsletterTopic(
        key="konsultacje", label=_("Nowe konsultacje"), items=selectors.topic_items, module=MODULE.label
    )
)
register_demo_seeder(
    DemoSeeder(
        name="consultations",
        seed=demo.seed,
        after=("organisations.registry", "accounts.memberships", "accounts.people", "programmes", "spaces"),
    )
)
