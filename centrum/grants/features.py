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


from centrum.core.demo.seeding import DemoSeeder, register_demo_seeder  # noqa: E402

# offers: "Moje oferty" in the menu, demo offers
registry.register_nav_item(
    registry.NavItem(
        label=_("Moje oferty"),
        url_name="grants:my_offers",
        order=52,
        # Any signed-in person: the page lists the offers of their organisations (and drafts shared with an
        # adviser); asking for memberships here would cost a query on every page.
        visible=registry.authenticated,
        module=MODULE.label,
    )
)


def _seed_offers(*, centre, rng):
    from .demo import offers as offers_demo

    return offers_demo.seed(centre=centre, rng=rng)


register_demo_seeder(
    DemoSeeder(
        name="grants.offers",
        seed=_seed_offers,
        wipe=lambda slugs: __import__("centrum.grants.demo.offers", fromlist=["wipe"]).wipe(slugs),
        after=("grants.competitions", "organisations.registry", "accounts.memberships", "accounts.people"),
    )
)
