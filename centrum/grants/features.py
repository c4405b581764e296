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


# offers: "Moje oferty" for people acting for an organisation, a dashboard card with their deadlines, demo offers
def _acts_for_an_organisation(request) -> bool:
    from centrum.organisations.selectors import organisation_list_for_user

    user = getattr(request, "user", None)
    if not getattr(user, "is_authenticated", False) or request.centre is None:
        return False
    cached = request.__dict__.setdefault("_grants_acts_for_organisation", {})
    if "value" not in cached:
        cached["value"] = organisation_list_for_user(centre=request.centre, user=user).exists()
    return cached["value"]


def _offers_card(request) -> dict:
    from .selectors.offers import offer_deadlines, offers_for_user

    offers = list(offers_for_user(centre=request.centre, user=request.user)[:50])
    deadlines = sorted(
        ((when, label, offer) for offer in offers for label, when in offer_deadlines(offer) if when),
        key=lambda item: item[0],
    )
    return {"count": len(offers), "deadlines": deadlines[:5]}


registry.register_nav_item(
    registry.NavItem(
        label=_("Moje oferty"),
        url_name="grants:my_offers",
        order=52,
        visible=_acts_for_an_organisation,
        module=MODULE.label,
    )
)
registry.register_dashboard_card(
    registry.DashboardCard(
        key="grants.my_offers",
        template="grants/offers/_dashboard_card.html",
        context=_offers_card,
        visible=_acts_for_an_organisation,
        order=52,
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
        after=("grants.competitions", "organisations.registry", "accounts.memberships", "accounts.people"),
    )
)
