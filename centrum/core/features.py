"""Core's own contributions to the navigation and the staff dashboard (see `centrum.core.registry`)."""

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .models import CentreClosedDay
from .outbox import outbox_health
from .page_cache import register_cached_page
from .permissions import can_view_audit_log, is_platform_admin
from .registry import (
    DashboardCard,
    NavItem,
    centre_staff,
    home_sections_cacheable,
    register_dashboard_card,
    register_nav_item,
)
from .selectors import centres_marker
from .versions import register_versioned_model


def _audit_viewer_not_staff(request: HttpRequest) -> bool:
    # Staff reach the log from their dashboard; officials have no dashboard, so the log is in their menu.
    return not centre_staff(request) and can_view_audit_log(request.user, request.centre)


def _platform_admin(request: HttpRequest) -> bool:
    return is_platform_admin(request.user)


register_nav_item(NavItem(label=_("Strona główna"), url_name="core:home", order=0))
# The home page shows the centre's row and its sections: kept whole while every section is versioned or static.
register_cached_page("core:home", when=home_sections_cacheable)
# The platform's home lists the active centres with their hosts: kept while neither table changed.
register_cached_page("platform_home", platform=True, parts=lambda request, kwargs: centres_marker())
# A closed day shows on the pages of the centre's rooms and services.
register_versioned_model(CentreClosedDay)
register_nav_item(
    NavItem(label=_("Panel centrum"), url_name="core:staff_dashboard", order=80, visible=centre_staff)
)
register_nav_item(
    NavItem(label=_("Dziennik zmian"), url_name="core:audit_log", order=81, visible=_audit_viewer_not_staff)
)
register_nav_item(NavItem(label=_("Centra"), url_name="platform_home", order=0, section="platform"))
register_nav_item(
    NavItem(
        label=_("Administracja platformy"),
        url_name="platform:centre_list",
        order=10,
        section="platform",
        visible=_platform_admin,
    )
)

register_dashboard_card(
    DashboardCard(
        key="core.outbox",
        template="core/cards/outbox.html",
        context=lambda request: {"outbox": outbox_health(centre=request.centre)},
        order=80,
    )
)
register_dashboard_card(
    DashboardCard(
        key="core.centre",
        template="core/cards/centre.html",
        context=lambda request: {"can_view_audit_log": can_view_audit_log(request.user, request.centre)},
        order=90,
    )
)
