"""What surveys contribute to core: the module, its menu link, the staff dashboard card, the needs people
state in training-needs surveys (NeedsSource "surveys", drawn by trainings through `needs_for`), demo data.
The cooperation-quality index draws the hard indicators other apps register (`indicator_sources_for`)."""

from django.utils.translation import gettext_lazy as _

from centrum.core import registry
from centrum.core.demo.seeding import DemoSeeder, register_demo_seeder
from centrum.core.indicators import NeedsSource, register_needs_source

from . import demo
from .needs import stated_needs
from .selectors import staff_card

MODULE = registry.register_module(
    registry.Module(
        label="surveys",
        name=_("Ankiety i indeks jakości współpracy"),
        description=_(
            "Ankiety dla organizacji i mieszkańców, wyniki z wykresami i eksportem, Lokalny Indeks Jakości "
            "Współpracy (samoocena i twarde wskaźniki) oraz diagnoza potrzeb szkoleniowych."
        ),
        url_namespaces=("surveys",),
        requires=("organisations",),
        public_url_name="surveys:index",
        api_paths=("/api/v1/surveys",),
        order=65,
    )
)

registry.register_nav_item(
    registry.NavItem(
        label=_("Ankiety"),
        url_name="surveys:index",
        order=60,
        module=MODULE.label,
        current_namespace="surveys",
    )
)
registry.register_dashboard_card(
    registry.DashboardCard(
        key="surveys.staff",
        template="surveys/features/dashboard_card.html",
        context=lambda request: staff_card(centre=request.centre),
        visible=registry.centre_staff,
        module=MODULE.label,
        order=65,
    )
)
register_needs_source(
    NeedsSource(key="surveys", label=_("Ankiety"), needs=stated_needs, module=MODULE.label, order=20)
)
register_demo_seeder(
    DemoSeeder(
        name="surveys",
        seed=demo.seed,
        after=("organisations.registry", "accounts.memberships", "accounts.people"),
    )
)
