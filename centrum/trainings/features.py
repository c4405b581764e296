"""What trainings and events contribute to core: the module, the menu, the staff dashboard card, the home
section, the service kinds, support reach and history, and the demo data (see `centrum.core.registry`)."""

from django.utils.translation import gettext_lazy as _

from centrum.core import portal, registry
from centrum.core.demo.seeding import DemoSeeder, register_demo_seeder
from centrum.organisations.sections import (
    SupportSection,
    SupportSource,
    register_support_section,
    register_support_source,
)

from . import demo
from .selectors import calendar_entries, organisation_support_history, staff_dashboard_counts, training_reach

MODULE = registry.register_module(
    registry.Module(
        label="trainings",
        name=_("Szkolenia i wydarzenia"),
        description=_(
            "Szkolenia, warsztaty i wydarzenia centrum: zapisy, lista oczekujących, obecność, zaświadczenia."
        ),
        url_namespaces=("trainings",),
        requires=("organisations",),
        public_url_name="trainings:list",
        api_paths=("/api/v1/trainings",),
        order=30,
    )
)

registry.register_nav_item(
    registry.NavItem(
        label=_("Szkolenia"),
        url_name="trainings:list",
        order=35,
        module=MODULE.label,
        current_namespace="trainings",
    )
)
registry.register_dashboard_card(
    registry.DashboardCard(
        key="trainings.overview",
        template="trainings/_dashboard_card.html",
        context=lambda request: staff_dashboard_counts(centre=request.centre),
        visible=registry.centre_staff,
        order=30,
        module=MODULE.label,
    )
)
registry.register_home_section(
    registry.HomeSection(
        key="trainings.calendar",
        template="trainings/features/home_section.html",
        order=30,
        module=MODULE.label,
    )
)
registry.register_service_kind(
    registry.ServiceKind(
        key="trainings",
        label=_("Szkolenia i wydarzenia – kalendarz i zapisy"),
        url_name="trainings:list",
        link_text=_("Kalendarz szkoleń i zapisy"),
        module=MODULE.label,
        order=30,
    )
)
register_support_section(
    SupportSection(
        key="trainings.history",
        template="trainings/features/support_history.html",
        context=lambda request, organisation: organisation_support_history(
            centre=request.centre, organisation=organisation
        ),
        order=30,
        module=MODULE.label,
    )
)
register_support_source(
    SupportSource(
        key="trainings.attendance",
        label=_("Szkolenia i wydarzenia"),
        reach=training_reach,
        module=MODULE.label,
    )
)
portal.register_calendar_source(
    portal.CalendarSource(
        key="trainings", label=_("Szkolenia centrum"), entries=calendar_entries, module=MODULE.label
    )
)
register_demo_seeder(
    DemoSeeder(
        name="trainings", seed=demo.seed, after=("organisations.registry", "accounts.memberships", "spaces")
    )
)

# The hard indicators of the cooperation-quality index (drawn by surveys through core's registry).
from centrum.core.indicators import AREA_INFRASTRUCTURE, IndicatorSource, register_indicator_source  # noqa: E402

from .selectors.indicators import training_participants, trainings_held  # noqa: E402

register_indicator_source(
    IndicatorSource(
        key="trainings.held",
        label=_("Szkolenia przeprowadzone dla organizacji"),
        area=AREA_INFRASTRUCTURE,
        value=trainings_held,
        module=MODULE.label,
        order=40,
    )
)
register_indicator_source(
    IndicatorSource(
        key="trainings.participants",
        label=_("Uczestnicy szkoleń"),
        area=AREA_INFRASTRUCTURE,
        value=training_participants,
        unit=_("os."),
        module=MODULE.label,
        order=41,
    )
)
