"""What the volunteer centre contributes to core: the module, its menu link, the staff dashboard card, the
service kind, the public site's sources (search: published offers; calendar: event shifts; newsletter topic
"oferty wolontariatu"; the organisation page's open offers) and the demo data.

The volunteer's summary (applications, agreements, offers ranked by fit) is `volunteers:mine` and the host's
(applications to decide, hours to confirm) is `volunteers:host`, both linked from the module's page: core's
dashboard cards are the staff dashboard's, and a menu link shown only to volunteers would cost every page a
query."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from centrum.core import indicators, portal, registry
from centrum.core.demo.seeding import DemoSeeder, register_demo_seeder
from centrum.core.richtext import plain_text

from . import demo
from .permissions import can_work_in_centre
from .selectors import (
    contribution_figure,
    offer_search,
    offers_of_organisation,
    offers_published_between,
    shifts_between,
    takes_part,
)

MODULE = registry.register_module(
    registry.Module(
        label="volunteers",
        name=_("Centrum wolontariatu"),
        description=_(
            "Profile wolontariuszy, oferty organizacji i instytucji, dopasowanie, zgłoszenia, porozumienia "
            "(art. 44), godziny, zaświadczenia i wycena pracy wolontariuszy."
        ),
        url_namespaces=("volunteers",),
        requires=("organisations",),
        public_url_name="volunteers:index",
        api_paths=("/api/v1/volunteers",),
        order=50,
    )
)

registry.register_nav_item(
    registry.NavItem(
        label=_("Wolontariat"),
        url_name="volunteers:index",
        order=50,
        module=MODULE.label,
        current_namespace="volunteers",
    )
)


def _desk_card(request) -> dict:
    from .selectors import offers_to_moderate

    return {"to_moderate": offers_to_moderate(centre=request.centre).count()}


def _account_card(request) -> dict:
    from .selectors import dashboard_counts

    return dashboard_counts(centre=request.centre, user=request.user)


registry.register_dashboard_card(
    registry.DashboardCard(
        key="volunteers.desk",
        template="volunteers/desk_card.html",
        context=_desk_card,
        visible=lambda request: (
            request.centre is not None and can_work_in_centre(request.user, request.centre)
        ),
        order=50,
        module=MODULE.label,
    )
)
registry.register_dashboard_card(
    registry.DashboardCard(
        key="volunteers.mine",
        template="volunteers/account_card.html",
        context=_account_card,
        visible=lambda request: (
            request.centre is not None and takes_part(centre=request.centre, user=request.user)
        ),
        order=50,
        module=MODULE.label,
        place=registry.ACCOUNT,
    )
)
registry.register_service_kind(
    registry.ServiceKind(
        key="volunteering",
        label=_("Centrum wolontariatu – oferty i pośrednictwo"),
        url_name="volunteers:index",
        link_text=_("Oferty wolontariatu"),
        module=MODULE.label,
        order=50,
    )
)


def _search(centre, words, limit):
    for rank, offer in enumerate(offer_search(centre=centre, words=words, limit=limit)):
        yield portal.SearchHit(
            title=offer.title,
            url=reverse("volunteers:offer", args=[offer.pk]),
            kind="volunteers.offers",
            snippet=plain_text(offer.description)[:200],
            rank=rank,
            when=offer.starts_on,
        )


def _calendar(centre, start, end):
    for shift in shifts_between(centre=centre, start=start, end=end):
        yield portal.CalendarEntry(
            uid=f"volunteers-shift-{shift.pk}@{centre.slug}",
            title=f"{shift.offer.title}: {shift.label}",
            starts_at=shift.starts_at,
            ends_at=shift.ends_at,
            url=reverse("volunteers:offer", args=[shift.offer_id]),
            place=shift.offer.place,
            organiser=str(shift.offer.host),
            audience=str(_("wolontariusze")),
            kind="volunteers.shifts",
        )


def _topic(centre, since, until):
    for offer in offers_published_between(centre=centre, since=since, until=until):
        yield portal.TopicItem(
            title=offer.title,
            url=reverse("volunteers:offer", args=[offer.pk]),
            published_at=offer.published_at,
            summary=plain_text(offer.description)[:300],
            fields=tuple(area.code for area in offer.areas.all()),
        )


def _organisation_offers(centre, organisation):
    offers = offers_of_organisation(centre=centre, organisation=organisation)
    return {"offers": offers} if offers else None


portal.register_search_source(
    portal.SearchSource(
        key="volunteers.offers", label=_("Oferty wolontariatu"), search=_search, module=MODULE.label
    )
)
portal.register_calendar_source(
    portal.CalendarSource(
        key="volunteers.shifts", label=_("Dyżury wolontariuszy"), entries=_calendar, module=MODULE.label
    )
)
portal.register_newsletter_topic(
    portal.NewsletterTopic(
        key="volunteers.offers",
        label=_("Oferty wolontariatu"),
        items=_topic,
        module=MODULE.label,
        by_fields=True,
    )
)
portal.register_organisation_section(
    portal.OrganisationSection(
        key="volunteers.offers",
        template="volunteers/organisation_section.html",
        context=_organisation_offers,
        module=MODULE.label,
        order=50,
    )
)
indicators.register_contribution_source(
    indicators.ContributionSource(
        key="volunteers.hours",
        label=_("Wolontariat"),
        figure=contribution_figure,
        module=MODULE.label,
    )
)
register_demo_seeder(
    DemoSeeder(
        name="volunteers",
        seed=demo.seed,
        after=("organisations.registry", "accounts.memberships", "accounts.people"),
    )
)
