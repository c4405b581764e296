"""What accounts contributes to core: the role kinds and the role backend, the account link, the team card
and the demo people (see `centrum.core.registry`, `centrum.core.roles`, `centrum.core.demo.seeding`)."""

from django.utils.translation import gettext_lazy as _

from centrum.core import registry, roles
from centrum.core.demo.seeding import DemoSeeder, register_demo_seeder

from . import demo
from .models import CentreRole, CentreRoleKind
from .selectors import centre_role_holders
from .services import centre_role_appoint


def _roles_of(user, centre) -> list[str]:
    return list(CentreRole.objects.filter(centre=centre, user=user).values_list("role", flat=True))


for order, (code, label) in enumerate(CentreRoleKind.choices):
    roles.register_role_kind(roles.RoleKind(code=code, label=label, order=order))
roles.register_role_backend(
    roles.RoleBackend(
        roles_of=_roles_of,
        holders=lambda centre, role: centre_role_holders(centre=centre, role=role),
        appoint=centre_role_appoint,
    )
)

registry.register_nav_item(
    registry.NavItem(
        label=_("Moje konto"),
        url_name="accounts:dashboard",
        order=90,
        visible=registry.authenticated,
        current_namespace="accounts",
    )
)
registry.register_dashboard_card(
    registry.DashboardCard(
        key="accounts.team",
        template="accounts/features/dashboard_card.html",
        visible=registry.centre_staff,
        order=85,
    )
)

register_demo_seeder(
    DemoSeeder(
        name="accounts.platform_admin", seed=demo.seed_platform_admin, per_centre=False, wipe=demo.wipe
    )
)
register_demo_seeder(DemoSeeder(name="accounts.people", seed=demo.seed_people))
register_demo_seeder(
    DemoSeeder(name="accounts.memberships", seed=demo.seed_memberships, after=("organisations.registry",))
)
