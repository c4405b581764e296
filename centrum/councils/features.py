"""What councils contribute to core: the module, its menu link, the staff card and the organisation
member's card, the opinion requests about a ref (LinkSource), public meetings in the events calendar, the
hard indicators of the cooperation-quality index, the demo data."""

from django.utils.translation import gettext_lazy as _

from centrum.core import crossrefs, indicators, portal, registry
from centrum.core.demo.seeding import DemoSeeder, register_demo_seeder

from . import demo
from .permissions import can_manage_councils
from .selectors import (
    account_card,
    bodies_active_in,
    desk_card,
    meetings_held_in,
    opinions_about,
    public_meetings_between,
)

MODULE = registry.register_module(
    registry.Module(
        label="councils",
        name=_("Rady i zespoły"),
        description=_(
            "Rada Działalności Pożytku Publicznego, Rada Seniorów, zespoły wspólne: skład, wybory członków z "
            "organizacji, posiedzenia, uchwały i rejestr opinii z terminami."
        ),
        url_namespaces=("councils",),
        requires=("organisations",),
        public_url_name="councils:index",
        api_paths=("/api/v1/councils",),
        order=48,
    )
)

registry.register_nav_item(
    registry.NavItem(label=_("Rady i zespoły"), url_name="councils:index", order=48, module=MODULE.label)
)


def _manager(request) -> bool:
    return request.centre is not None and can_manage_councils(request.user, request.centre)


registry.register_dashboard_card(
    registry.DashboardCard(
        key="councils.desk",
        template="councils/desk_card.html",
        context=lambda request: desk_card(centre=request.centre),
        visible=_manager,
        order=49,
        module=MODULE.label,
    )
)
registry.register_dashboard_card(
    registry.DashboardCard(
        key="councils.mine",
        template="councils/account_card.html",
        context=lambda request: account_card(centre=request.centre, user=request.user),
        visible=lambda request: (
            request.user.is_authenticated
        ),  # the card draws itself only with something to do
        order=49,
        module=MODULE.label,
        place=registry.ACCOUNT,
    )
)


def _linked(centre, ref):
    return [
        crossrefs.LinkedRecord(
            title=str(_("Opinia: %(body)s")) % {"body": o.body.name},
            url=o.get_absolute_url(),
            kind=str(_("Rady i zespoły")),
            status=(o.get_verdict_display() if o.verdict else o.get_status_display()),
            when=o.given_on or o.received_on,
        )
        for o in opinions_about(centre=centre, ref=ref)
    ]


crossrefs.register_link_source(
    crossrefs.LinkSource(key="councils", label=_("Opinie rad"), linked=_linked, module=MODULE.label)
)


def _calendar(centre, start, end):
    return [
        portal.CalendarEntry(
            uid=f"councils-meeting-{m.pk}",
            title=str(_("Posiedzenie: %(body)s")) % {"body": m.body.name},
            starts_at=m.starts_at,
            ends_at=m.ends_at,
            url=m.get_absolute_url(),
            place=m.room.name if m.room_id else m.address,
            organiser=m.body.name,
            kind="councils",
        )
        for m in public_meetings_between(centre=centre, start=start, end=end)
    ]


portal.register_calendar_source(
    portal.CalendarSource(
        key="councils", label=_("Posiedzenia rad i zespołów"), entries=_calendar, module=MODULE.label
    )
)
indicators.register_indicator_source(
    indicators.IndicatorSource(
        key="councils.bodies_active",
        label=_("Działające rady i zespoły wspólne"),
        area=indicators.AREA_INFRASTRUCTURE,
        value=lambda centre, year: bodies_active_in(centre=centre, year=year),
        unit=_("ciał"),
        module=MODULE.label,
    )
)
indicators.register_indicator_source(
    indicators.IndicatorSource(
        key="councils.meetings_held",
        label=_("Posiedzenia rad i zespołów"),
        area=indicators.AREA_POLICIES,
        value=lambda centre, year: meetings_held_in(centre=centre, year=year),
        unit=_("posiedzeń"),
        module=MODULE.label,
    )
)
register_demo_seeder(
    DemoSeeder(
        name="councils",
        seed=demo.seed,
        after=("organisations.registry", "accounts.memberships", "accounts.people"),
    )
)
