"""What local initiatives contribute to core: the module, its menu link, the official's dashboard card, the demo
data. The applicant's own page (their applications and what is due) is `initiatives:mine`, linked from the
module's page: core's dashboard cards are the staff dashboard's, and a menu link shown only to applicants would
cost every page a query."""

from django.utils.translation import gettext_lazy as _

from centrum.core import registry
from centrum.core.calendar import warsaw_today
from centrum.core.demo.seeding import DemoSeeder, register_demo_seeder

from . import demo
from .permissions import can_manage_initiatives
from .selectors import applicant_card, initiatives_of_user, official_card

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


registry.register_nav_item(
    registry.NavItem(
        label=_("Inicjatywa lokalna"), url_name="initiatives:index", order=47, module=MODULE.label
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


def _applicant_card_visible(request) -> bool:
    return getattr(request.user, "is_authenticated", False) and (
        initiatives_of_user(centre=request.centre, user=request.user).exists()
    )


registry.register_dashboard_card(
    registry.DashboardCard(
        key="initiatives.mine",
        template="initiatives/applicant_card.html",
        context=lambda request: applicant_card(
            centre=request.centre, user=request.user, today=warsaw_today()
        ),
        visible=_applicant_card_visible,
        order=48,
        module=MODULE.label,
        place=registry.ACCOUNT,
    )
)
register_demo_seeder(
    DemoSeeder(
        name="initiatives",
        seed=demo.seed,
        after=("organisations.registry", "accounts.memberships", "accounts.people"),
    )
)
