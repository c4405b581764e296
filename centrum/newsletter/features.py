"""What the newsletter contributes to core: the module (its public page is the subscription form, listed in
the footer among the centre's services), the staff menu link and dashboard card, a home-page invitation to
subscribe, and the demo data."""

from django.utils.translation import gettext_lazy as _

from centrum.core import registry
from centrum.core.demo.seeding import DemoSeeder, register_demo_seeder

from . import demo
from .permissions import can_manage_newsletter
from .selectors import desk_card

MODULE = registry.register_module(
    registry.Module(
        label="newsletter",
        name=_("Newsletter i komunikaty"),
        description=_(
            "Komunikaty centrum do wszystkich organizacji lub wybranych (sfera, dzielnica, forma prawna, OPP) "
            "oraz zapisy mieszkańców na tematy z potwierdzeniem i podsumowaniem."
        ),
        url_namespaces=("newsletter",),
        requires=("organisations",),
        public_url_name="newsletter:index",
        api_paths=("/api/v1/newsletter",),
        order=80,
    )
)


def _staff(request) -> bool:
    return request.centre is not None and can_manage_newsletter(request.user, request.centre)


registry.register_nav_item(
    registry.NavItem(
        label=_("Komunikaty"),
        url_name="newsletter:announcements",
        order=80,
        visible=_staff,
        module=MODULE.label,
        current_namespace="newsletter",
    )
)
registry.register_dashboard_card(
    registry.DashboardCard(
        key="newsletter.desk",
        template="newsletter/desk_card.html",
        context=lambda request: desk_card(centre=request.centre),
        visible=_staff,
        order=80,
        module=MODULE.label,
    )
)
registry.register_home_section(
    registry.HomeSection(
        key="newsletter.subscribe",
        template="newsletter/home_section.html",
        order=900,
        module=MODULE.label,
        cached=True,
    )
)
register_demo_seeder(
    DemoSeeder(
        name="newsletter",
        seed=demo.seed,
        after=("organisations.registry", "accounts.people"),
    )
)
