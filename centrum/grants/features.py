"""What the grants app contributes to core: the module, menu links, dashboard cards, home sections, the demo
data. Each sub-feature adds its own below."""

from django.utils.translation import gettext_lazy as _

from centrum.core import registry

MODULE = registry.register_module(
    registry.Module(
        label="grants",
        name=_("Dotacje"),
        description=_(
            "Otwarte konkursy ofert: ogłoszenia, oferty na formularzu ustawowym, ocena formalna, "
            "komisja konkursowa i wyniki."
        ),
        url_namespaces=("grants",),
        requires=("organisations",),
        public_url_name="grants:index",
        api_paths=("/api/v1/grants",),
        order=50,
    )
)


# evaluation
def _evaluates(request) -> bool:
    # Commission members hold the centre's evaluator role (granted on appointment): the roles are read once
    # per request, so the link costs no query of its own on every page.
    from .permissions import is_evaluator

    return is_evaluator(request.user, request.centre)


registry.register_nav_item(
    registry.NavItem(
        label=_("Komisja konkursowa"),
        url_name="grants:evaluator_desk",
        order=52,
        visible=_evaluates,
        module=MODULE.label,
    )
)

from centrum.core.demo.seeding import DemoSeeder, register_demo_seeder  # noqa: E402

from .demo import evaluation as evaluation_demo  # noqa: E402

register_demo_seeder(
    DemoSeeder(
        name="grants.evaluation",
        seed=evaluation_demo.seed,
        after=("grants.competitions", "grants.offers", "accounts.people", "organisations.registry"),
    )
)
