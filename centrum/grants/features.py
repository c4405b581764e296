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

# competitions ---------------------------------------------------------------------------------------------
from centrum.core.demo.seeding import DemoSeeder, register_demo_seeder  # noqa: E402

from .demo import competitions as competitions_demo  # noqa: E402
from .permissions import is_grants_official  # noqa: E402
from .selectors.competitions import desk_counts  # noqa: E402


def _official(request) -> bool:
    return request.centre is not None and is_grants_official(request.user, request.centre)


registry.register_nav_item(
    registry.NavItem(
        label=_("Konkursy"), url_name="grants:index", order=50, module=MODULE.label, current_namespace=""
    )
)
registry.register_nav_item(
    registry.NavItem(
        label=_("Konkursy urzędu"), url_name="grants:desk", order=82, visible=_official, module=MODULE.label
    )
)
registry.register_dashboard_card(
    registry.DashboardCard(
        key="grants.competitions",
        template="grants/competitions/_dashboard_card.html",
        context=lambda request: desk_counts(centre=request.centre),
        visible=_official,
        order=50,
        module=MODULE.label,
    )
)
register_demo_seeder(
    DemoSeeder(
        name="grants.competitions",
        seed=competitions_demo.seed,
        after=("programmes", "organisations.registry", "accounts.memberships"),
    )
)

# evaluation -----------------------------------------------------------------------------------------------
from .demo import evaluation as evaluation_demo  # noqa: E402


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
register_demo_seeder(
    DemoSeeder(
        name="grants.evaluation",
        seed=evaluation_demo.seed,
        after=("grants.competitions", "grants.offers", "accounts.people", "organisations.registry"),
    )
)


# offers ---------------------------------------------------------------------------------------------------
registry.register_nav_item(
    registry.NavItem(
        label=_("Moje oferty"),
        url_name="grants:my_offers",
        order=51,
        # Any signed-in person: the page lists the offers of their organisations (and drafts shared with an
        # adviser); asking for memberships here would cost a query on every page.
        visible=registry.authenticated,
        module=MODULE.label,
    )
)


def _seed_offers(*, centre, rng):
    from .demo import offers as offers_demo

    return offers_demo.seed(centre=centre, rng=rng)


def _wipe_offers(slugs):
    from .demo import offers as offers_demo

    return offers_demo.wipe(slugs)


register_demo_seeder(
    DemoSeeder(
        name="grants.offers",
        seed=_seed_offers,
        wipe=_wipe_offers,
        after=("grants.competitions", "organisations.registry", "accounts.memberships", "accounts.people"),
    )
)


# small_grants ---------------------------------------------------------------------------------------------
registry.register_nav_item(
    registry.NavItem(
        label=_("Małe granty"),
        url_name="grants:small_grants_public",
        order=53,
        module=MODULE.label,
        current_namespace="",
    )
)
registry.register_nav_item(
    registry.NavItem(
        label=_("Małe granty urzędu"),
        url_name="grants:small_grants_desk",
        order=83,
        visible=_official,
        module=MODULE.label,
    )
)


def _seed_small_grants(*, centre, rng):
    from .demo import small_grants as small_grants_demo

    return small_grants_demo.seed(centre=centre, rng=rng)


register_demo_seeder(
    DemoSeeder(
        name="grants.small_grants",
        seed=_seed_small_grants,
        after=("programmes", "organisations.registry", "accounts.memberships", "accounts.people"),
    )
)


# contracts ------------------------------------------------------------------------------------------------
registry.register_nav_item(
    registry.NavItem(
        label=_("Umowy urzędu"),
        url_name="grants:contracts_desk",
        order=83,
        visible=_official,
        module=MODULE.label,
    )
)


def _seed_contracts(*, centre, rng):
    from .demo import contracts as contracts_demo

    return contracts_demo.seed(centre=centre, rng=rng)


register_demo_seeder(
    DemoSeeder(
        name="grants.contracts",
        seed=_seed_contracts,
        after=("grants.evaluation", "grants.offers", "accounts.people", "organisations.registry"),
    )
)


# reports ---
def _has_contracts(request) -> bool:
    from .selectors.reports import has_contracts

    return (
        request.centre is not None
        and getattr(request.user, "is_authenticated", False)
        and has_contracts(centre=request.centre, user=request.user)
    )


def _organisation_card(request):
    from .selectors.reports import organisation_card

    return organisation_card(centre=request.centre, user=request.user)


def _official_reports_card(request):
    from .selectors.reports import official_card

    return official_card(centre=request.centre)


registry.register_nav_item(
    registry.NavItem(
        label=_("Moje umowy"),
        url_name="grants:my_contracts",
        order=53,
        # Any signed-in person (as "Moje oferty"): asking for contracts here would cost a query on every page.
        visible=registry.authenticated,
        module=MODULE.label,
    )
)
registry.register_nav_item(
    registry.NavItem(
        label=_("Sprawozdania i zwroty"),
        url_name="grants:reports_desk",
        order=83,
        visible=_official,
        module=MODULE.label,
    )
)
registry.register_dashboard_card(
    registry.DashboardCard(
        key="grants.contracts_settlement",
        template="grants/reports/_dashboard_card.html",
        context=_organisation_card,
        visible=_has_contracts,
        order=51,
        module=MODULE.label,
        place=registry.ACCOUNT,
    )
)
registry.register_dashboard_card(
    registry.DashboardCard(
        key="grants.reports_desk",
        template="grants/reports/_official_card.html",
        context=_official_reports_card,
        visible=_official,
        order=52,
        module=MODULE.label,
    )
)


def _seed_reports(*, centre, rng):
    from .demo import reports as reports_demo

    return reports_demo.seed(centre=centre, rng=rng)


register_demo_seeder(
    DemoSeeder(
        name="grants.reports",
        seed=_seed_reports,
        after=(
            "grants.contracts",
            "grants.evaluation",
            "grants.offers",
            "organisations.registry",
            "accounts.memberships",
        ),
    )
)


# support sources (the centre's statistics; the caretaker's deadlines) ------------------------------------
from centrum.organisations.sections import SupportSource, register_support_source  # noqa: E402

from .selectors.reports import grants_deadlines, grants_reach  # noqa: E402

register_support_source(
    SupportSource(
        key="grants.contracts",
        label=_("Dotacje (umowy)"),
        reach=grants_reach,
        deadlines=grants_deadlines,
        module=MODULE.label,
    )
)

# funding calls (the knowledge platform's list draws every source) ----------------------------------------
from centrum.core import portal  # noqa: E402

from .selectors.competitions import competition_funding_calls  # noqa: E402

portal.register_funding_call_source(
    portal.FundingCallSource(
        key="grants",
        label=_("Otwarte konkursy ofert"),
        calls=competition_funding_calls,
        module=MODULE.label,
        order=10,
    )
)

# The hard indicator of the cooperation-quality index (drawn by surveys through core's registry).
from centrum.core.indicators import AREA_TASKS, IndicatorSource, register_indicator_source  # noqa: E402

from .selectors.indicators import planned_grants_share  # noqa: E402

register_indicator_source(
    IndicatorSource(
        key="grants.budget_share",
        label=_("Dotacje zlecone organizacjom jako % planowanych w budżecie na ten rok"),
        area=AREA_TASKS,
        value=planned_grants_share,
        unit="%",
        module=MODULE.label,
        order=20,
    )
)
