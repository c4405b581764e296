"""What the programmes app contributes to core: the module, its menu link, the officials' dashboard card, the
demo data."""

from django.utils.translation import gettext_lazy as _

from centrum.core import crossrefs, registry
from centrum.core.demo.seeding import DemoSeeder, register_demo_seeder

from . import demo
from .permissions import can_manage_programmes
from .selectors import draft_units, proposals_waiting, resolve, subjects

MODULE = registry.register_module(
    registry.Module(
        label="programmes",
        name=_("Program współpracy"),
        description=_("Roczny lub wieloletni program współpracy z organizacjami pozarządowymi (art. 5a)."),
        url_namespaces=("programmes",),
        requires=("organisations",),
        public_url_name="programmes:index",
        api_paths=("/api/v1/programmes",),
        order=45,
    )
)


def _official(request) -> bool:
    return request.centre is not None and can_manage_programmes(request.user, request.centre)


registry.register_nav_item(
    registry.NavItem(
        label=_("Program współpracy"), url_name="programmes:index", order=46, module=MODULE.label
    )
)
registry.register_dashboard_card(
    registry.DashboardCard(
        key="programmes.proposals",
        template="programmes/dashboard_card.html",
        context=lambda request: proposals_waiting(centre=request.centre),
        visible=_official,
        order=46,
        module=MODULE.label,
    )
)
crossrefs.register_subject_source(
    crossrefs.SubjectSource(
        key="programmes",
        label=_("Program współpracy"),
        subjects=subjects,
        resolve=resolve,
        units=draft_units,
        module=MODULE.label,
    )
)
register_demo_seeder(
    DemoSeeder(
        name="programmes",
        seed=demo.seed,
        after=("organisations.registry", "accounts.memberships", "accounts.people"),
    )
)
