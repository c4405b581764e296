"""What local initiatives contribute to core: the module, its menu link, the applicant's and the official's
dashboard cards, the demo data."""

from django.utils.translation import gettext_lazy as _

from centrum.core import registry
from centrum.core.demo.seeding import DemoSeeder, register_demo_seeder

from . import demo
from .permissions import can_manage_initiatives
from .selectors import applicant_card, has_applications, official_card

MODULE = registry.register_module(
    registry.Module(
        label="initiatives",
        name=_("Inicjatywa lokalna"),
        description=_(
            "Wnioski mieszkańców o wykonanie inicjatywy lokalnej (art. 19b–19h): ocena, umowa, sprawozdanie "
            "i lista zrealizowanych inicjatyw."
        ),
        url_namespaces=("initiatives",),
        requires=("organisations",),
        public_url_name="initiatives:index",
        api_paths=("/api/v1/initiatives",),
        order=47,
    )
)


def _official(request) -> bool:
    return request.centre is not None and can_manage_initiatives(request.user, request.centre)


def _applicant(request) -> bool:
    return request.centre is not None and request.user.is_authenticated and has_applications(request)


registry.register_nav_item(
    registry.NavItem(
        label=_("Inicjatywa lokalna"), url_name="initiatives:index", order=47, module=MODULE.label
    )
)
# The applicant's own page (their applications and what is due) is linked from the menu while they have any.
registry.register_nav_item(
    registry.NavItem(
        label=_("Moje inicjatywy"),
        url_name="initiatives:mine",
        order=48,
        visible=_applicant,
        module=MODULE.label,
    )
)
registry.register_dashboard_card(
    registry.DashboardCard(
        key="initiatives.applicant",
        template="initiatives/dashboard_card.html",
        context=applicant_card,
        visible=_applicant,
        order=47,
        module=MODULE.label,
    )
)
registry.register_dashboard_card(
    registry.DashboardCard(
        key="initiatives.desk",
        template="initiatives/desk_card.html",
        context=lambda request: official_card(centre=request.centre),
        visible=_official,
        order=48,
        module=MODULE.label,
    )
)
register_demo_seeder(
    DemoSeeder(
        name="initiatives",
        seed=demo.seed,
        after=("organisations.registry", "accounts.memberships", "accounts.people"),
    )
)
