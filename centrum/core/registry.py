"""What the apps contribute to the pages core draws: modules, navigation, dashboard cards, home-page sections.

Core imports no feature app. Each app declares its contributions in its own `features.py`, found at
start-up by `CoreConfig.ready()` (as `centre_settings.py`, `jobs.py` and `audit_labels.py` are), much as
Wagtail apps register hooks and Indico modules connect to its menu signals:

    # centrum/spaces/features.py
    from centrum.core import registry

    registry.register_module(registry.Module(label="spaces", name=_("Sale i sprzęt"), url_namespaces=("spaces",)))
    registry.register_nav_item(registry.NavItem(label=_("Sale i sprzęt"), url_name="spaces:room_list",
                                                module="spaces", order=40, current_namespace="spaces"))

A contribution tied to a `module` shows only in centres that run that module; a module a centre switched
off (its `module_<label>` centre setting) answers 404 on its URLs there (`CentreMiddleware`).
Roles and demo data have registries of their own: `centrum.core.roles` and `centrum.core.demo.seeding`.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .centre_settings import SettingDefinition, centre_setting
from .centre_settings import register as register_setting
from .models import Centre
from .permissions import is_centre_staff
from .versions import cached_fragment

Predicate = Callable[[HttpRequest], bool]
ContextFactory = Callable[[HttpRequest], dict[str, Any]]

MODULES_GROUP = _("Moduły centrum")


def always(request: HttpRequest) -> bool:
    return True


def authenticated(request: HttpRequest) -> bool:
    return bool(getattr(getattr(request, "user", None), "is_authenticated", False))


def centre_staff(request: HttpRequest) -> bool:
    return is_centre_staff(request.user, request.centre)


def no_context(request: HttpRequest) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class Module:
    """A service a centre may run or not: rooms, the organisation directory, later grants or trainings."""

    label: str
    name: str | Promise
    url_namespaces: tuple[str, ...]
    description: str | Promise = ""
    # Modules this one cannot work without: off when any of them is off.
    requires: tuple[str, ...] = ()
    default: bool = True
    # The module's front page, listed among the centre's services in the footer.
    public_url_name: str = ""
    # API paths of the module ("/api/v1/rooms"): they answer 404 too where the module is off.
    api_paths: tuple[str, ...] = ()
    order: int = 100

    @property
    def setting_key(self) -> str:
        return f"module_{self.label}"


@dataclass(frozen=True)
class NavItem:
    """A link in the main navigation of a centre's site (`section="centre"`) or the platform's."""

    label: str | Promise
    url_name: str
    order: int = 100
    visible: Predicate = always
    module: str = ""
    section: str = "centre"
    # The link is marked current on every page of this URL namespace; otherwise on its own page only.
    current_namespace: str = ""

    def url(self) -> str:
        return reverse(self.url_name)

    def is_current(self, request: HttpRequest) -> bool:
        match = getattr(request, "resolver_match", None)
        if match is None:
            return False
        if self.current_namespace:
            return match.namespace == self.current_namespace
        return match.view_name == self.url_name


PANEL = "panel"  # the centre's staff panel ("Panel centrum")
ACCOUNT = "account"  # a person's own page ("Moje konto"): what they and their organisations have to do


@dataclass(frozen=True)
class DashboardCard:
    """A card of a dashboard: `template` (an `<li class="card">`) rendered with `card` = `context(request)`,
    on the staff panel (`place=PANEL`) or on the person's own page (`place=ACCOUNT`)."""

    key: str
    template: str
    context: ContextFactory = no_context
    visible: Predicate = always
    order: int = 100
    module: str = ""
    place: str = PANEL


@dataclass(frozen=True)
class HomeSection:
    """A section of a centre's home page, rendered like a dashboard card (`section` = `context(request)`)."""

    key: str
    template: str
    context: ContextFactory = no_context
    order: int = 100
    module: str = ""
    # Rendered once per centre data version (centrum.core.versions): only for a section whose context comes
    # from models its app registered as versioned, and never from the person asking.
    cached: bool = False


@dataclass(frozen=True)
class ServiceKind:
    """A kind of centre service that a module's page provides. A service on a centre's home page tagged with
    `key` (its `kind` in `Centre.services`) links to `url_name` while the centre runs `module`; a service
    no page provides says how to ask for it today (the centre's phone, e-mail and opening hours)."""

    key: str
    label: str | Promise  # the choice staff see when tagging a service in the centre's profile
    url_name: str
    link_text: str | Promise
    module: str = ""
    order: int = 100


@dataclass(frozen=True)
class FooterLink:
    """A link in the footer of every page of a centre's site ("Zgłoś błąd"). `page_param`: the link carries
    the address of the page it is on in this query parameter."""

    key: str
    label: str | Promise
    url_name: str
    page_param: str = ""
    order: int = 100
    module: str = ""


MODULES: dict[str, Module] = {}
FOOTER_LINKS: dict[str, FooterLink] = {}
SERVICE_KINDS: dict[str, ServiceKind] = {}
NAV_ITEMS: list[NavItem] = []
DASHBOARD_CARDS: dict[str, DashboardCard] = {}
HOME_SECTIONS: dict[str, HomeSection] = {}


def register_module(module: Module) -> Module:
    """Declare a module and its on/off centre setting (`module_<label>`), which staff switch in the settings."""
    MODULES[module.label] = module
    register_setting(
        SettingDefinition(
            key=module.setting_key,
            label=module.name,
            kind=bool,
            default=module.default,
            help_text=module.description,
            group=MODULES_GROUP,
        )
    )
    return module


def register_nav_item(item: NavItem) -> NavItem:
    NAV_ITEMS.append(item)
    return item


def register_dashboard_card(card: DashboardCard) -> DashboardCard:
    DASHBOARD_CARDS[card.key] = card
    return card


def register_home_section(section: HomeSection) -> HomeSection:
    HOME_SECTIONS[section.key] = section
    return section


def register_service_kind(kind: ServiceKind) -> ServiceKind:
    SERVICE_KINDS[kind.key] = kind
    return kind


def register_footer_link(link: FooterLink) -> FooterLink:
    FOOTER_LINKS[link.key] = link
    return link


def service_kind_choices() -> list[tuple[str, str | Promise]]:
    """The kinds a service can be tagged with (the centre profile's choice), by order."""
    return [(k.key, k.label) for k in sorted(SERVICE_KINDS.values(), key=lambda k: (k.order, k.key))]


# --- which modules a centre runs --------------------------------------------------------------------


def _setting(centre: Centre, key: str, settings=None):
    return settings[key] if settings is not None else centre_setting(centre, key)


def module_is_active(centre: Centre | None, label: str, *, settings=None) -> bool:
    """Whether `centre` runs module `label` (and every module it requires). No centre, no modules.

    `settings` is the request's `centre_settings` when there is one (loaded once per request).
    """
    if centre is None:
        return False
    if not label:
        return True
    module = MODULES.get(label)
    if module is None:
        return False
    if not _setting(centre, module.setting_key, settings):
        return False
    return all(module_is_active(centre, required, settings=settings) for required in module.requires)


def active_modules(centre: Centre | None, *, settings=None) -> list[Module]:
    """The modules `centre` runs, in their order."""
    ordered = sorted(MODULES.values(), key=lambda m: (m.order, m.label))
    return [m for m in ordered if module_is_active(centre, m.label, settings=settings)]


def module_of_request(namespace: str, path: str) -> Module | None:
    """The module that serves a URL: by the URL namespace of its pages or the path of its API."""
    top = namespace.split(":")[0]
    for module in MODULES.values():
        if top in module.url_namespaces:
            return module
        if any(path == prefix or path.startswith(prefix.rstrip("/") + "/") for prefix in module.api_paths):
            return module
    return None


def _request_allows(request: HttpRequest, module: str) -> bool:
    centre = getattr(request, "centre", None)
    return module_is_active(centre, module, settings=getattr(request, "centre_settings", None))


# --- what a request sees ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ShownNavItem:
    label: str | Promise
    url: str
    current: bool


def nav_items_for(request: HttpRequest) -> list[ShownNavItem]:
    section = "centre" if getattr(request, "centre", None) is not None else "platform"
    items = sorted((i for i in NAV_ITEMS if i.section == section), key=lambda i: i.order)
    return [
        ShownNavItem(label=i.label, url=i.url(), current=i.is_current(request))
        for i in items
        if (section == "platform" or _request_allows(request, i.module)) and i.visible(request)
    ]


@dataclass(frozen=True)
class ShownFooterLink:
    label: str | Promise
    url: str


def footer_links_for(request: HttpRequest) -> list[ShownFooterLink]:
    if getattr(request, "centre", None) is None:
        return []
    shown = []
    for link in sorted(FOOTER_LINKS.values(), key=lambda k: (k.order, k.key)):
        if not _request_allows(request, link.module):
            continue
        url = reverse(link.url_name)
        if link.page_param:
            url = f"{url}?{urlencode({link.page_param: request.get_full_path()})}"
        shown.append(ShownFooterLink(label=link.label, url=url))
    return shown


@dataclass(frozen=True)
class Rendered:
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    html: str = ""  # already rendered (a cached section)


def dashboard_cards_for(request: HttpRequest, place: str = PANEL) -> list[Rendered]:
    cards = sorted((c for c in DASHBOARD_CARDS.values() if c.place == place), key=lambda c: (c.order, c.key))
    return [
        Rendered(c.template, c.context(request))
        for c in cards
        if _request_allows(request, c.module) and c.visible(request)
    ]


@dataclass(frozen=True)
class ShownService:
    title: str
    description: str
    url: str = ""
    link_text: str | Promise = ""


def services_for(request: HttpRequest) -> list[ShownService]:
    """The centre's services as its home page lists them: each with the page that provides it, when a module
    the centre runs claims its kind, or without (the page then says how to ask for it)."""
    shown = []
    for service in getattr(request.centre, "services", None) or []:
        if not isinstance(service, dict) or not service.get("title"):
            continue
        kind = SERVICE_KINDS.get(service.get("kind") or "")
        linked = kind is not None and _request_allows(request, kind.module)
        shown.append(
            ShownService(
                title=service["title"],
                description=service.get("description", ""),
                url=reverse(kind.url_name) if linked else "",
                link_text=kind.link_text if linked else "",
            )
        )
    return shown


def _home_section(request: HttpRequest, section: HomeSection) -> Rendered:
    if not section.cached:
        return Rendered(section.template, section.context(request))

    context = {}  # filled only when the fragment is rendered, not when it comes from the cache

    def render() -> str:
        context.update(section.context(request))
        return render_to_string(section.template, {"section": context}, request)

    html = cached_fragment(request.centre, f"home:{section.key}", (), render)
    return Rendered(section.template, context, html=html)


def home_sections_cacheable(request: HttpRequest) -> bool:
    """Whether every home section this centre shows is the same for everyone at one data version: cached on
    it, or static (no context). A section reading anything else keeps the whole page rendered per request."""
    return all(
        s.cached or s.context is no_context
        for s in HOME_SECTIONS.values()
        if _request_allows(request, s.module)
    )


def home_sections_for(request: HttpRequest) -> list[Rendered]:
    sections = sorted(HOME_SECTIONS.values(), key=lambda s: (s.order, s.key))
    return [_home_section(request, s) for s in sections if _request_allows(request, s.module)]
