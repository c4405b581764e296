"""What the organisation directory contributes to core: its module, menu links, the staff dashboard card,
the home-page section and the demo organisations (see `centrum.core.registry`)."""

from django.utils.translation import gettext_lazy as _

from centrum.core import page_cache, registry, versions
from centrum.core.demo.seeding import DemoSeeder, register_demo_seeder

from . import demo
from .models import District, Organisation
from .selectors import organisation_directory_stats, organisation_pending_count

MODULE = registry.register_module(
    registry.Module(
        label="organisations",
        name=_("Baza organizacji pozarządowych"),
        description=_("Katalog organizacji, zgłoszenia i ich weryfikacja, import i eksport danych."),
        url_namespaces=("organisations",),
        public_url_name="organisations:directory",
        api_paths=("/api/v1/organisations",),
        order=10,
    )
)

# The directory's filters and results are cached on the centre's data version.
versions.register_versioned_model(Organisation)
versions.register_versioned_model(District)
# Their public pages show only those (and the centre's row): whole pages kept for visitors not signed in.
page_cache.register_cached_page("organisations:directory")
page_cache.register_cached_page("organisations:detail")
page_cache.register_cached_page("api:organisation_list")

registry.register_nav_item(
    registry.NavItem(
        label=_("Organizacje"), url_name="organisations:directory", order=10, module=MODULE.label
    )
)
registry.register_nav_item(
    registry.NavItem(
        label=_("Zgłoś organizację"), url_name="organisations:register", order=20, module=MODULE.label
    )
)
registry.register_dashboard_card(
    registry.DashboardCard(
        key="organisations.registry",
        template="organisations/features/dashboard_card.html",
        context=lambda request: {"pending_organisations": organisation_pending_count(centre=request.centre)},
        visible=registry.centre_staff,
        order=10,
        module=MODULE.label,
    )
)
registry.register_home_section(
    registry.HomeSection(
        key="organisations.directory",
        template="organisations/features/home_section.html",
        context=lambda request: {"stats": organisation_directory_stats(centre=request.centre)},
        order=10,
        module=MODULE.label,
        cached=True,  # counts of versioned organisations, the same for everyone
    )
)

registry.register_service_kind(
    registry.ServiceKind(
        key="registry",
        label=_("Baza organizacji – katalog i wizytówki"),
        url_name="organisations:directory",
        link_text=_("Baza organizacji"),
        module=MODULE.label,
        order=10,
    )
)
registry.register_service_kind(
    registry.ServiceKind(
        key="founding",
        label=_("Zakładanie organizacji – przewodnik"),
        url_name="organisations:guide_start",
        link_text=_("Przewodnik „Zakładam organizację”"),
        module=MODULE.label,
        order=11,
    )
)

register_demo_seeder(
    DemoSeeder(
        name="organisations.registry", seed=demo.seed, after=("accounts.people",), rng_seed=demo.RNG_SEED
    )
)

# the one search box of the public site (the page is the knowledge platform's) ------------------------------
from centrum.core import portal  # noqa: E402

from .selectors.registry import organisation_search_hits  # noqa: E402

portal.register_search_source(
    portal.SearchSource(
        key="organisations",
        label=_("Organizacje"),
        search=organisation_search_hits,
        module=MODULE.label,
        order=10,
    )
)
