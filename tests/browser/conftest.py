"""Browser tests: pytest-playwright driving Debian's Chromium against Django's live server.

The live server listens on localhost:<port>; Chromium resolves every *.localhost name to 127.0.0.1, so
a centre is opened on its own host name: http://kalisz.localhost:<port>/ (the `site_url` fixture, also the
context's base_url, so `page.goto("/")` opens Kalisz). Nothing downloads a browser.
"""

import os
from datetime import UTC, datetime
from urllib.parse import urlsplit

import pytest

from centrum.accounts.models import CentreRoleKind
from centrum.accounts.tests.factories import CentreRoleFactory, UserFactory

from .helpers import take_soft_violations

# Playwright's sync API runs an event loop in the test thread; the ORM calls made by fixtures and
# tests there are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CENTRUM_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PASSWORD = "correct-horse-battery"


def pytest_collection_modifyitems(config, items):
    here = os.path.dirname(__file__)
    for item in items:
        if str(item.path).startswith(here):
            item.add_marker(pytest.mark.browser)


def pytest_configure(config):
    config.pluginmanager.register(_WalkOrder(), "centrum-walk-order")


class _WalkOrder:
    @pytest.hookimpl(trylast=True)  # after `-m` has deselected
    def pytest_collection_modifyitems(self, items) -> None:
        _long_walks_first_in_each_half(items)


def _long_walks_first_in_each_half(items) -> None:
    """`scripts/test.sh browser` runs on two xdist workers with `--dist worksteal`, which gives the first
    half of the list to one worker and the second half to the other: the two centres' parts of the
    every-page walk (minutes each) go first in each half, so they run side by side from the start and
    the short tests fill in around them."""
    walks = [i for i in items if i.originalname == "test_every_page_for_every_role"]
    centres = [i for i in walks if i.callspec.params.get("part") != "platform"]
    if len(centres) != 2:
        return
    platform = [i for i in walks if i not in centres]
    rest = [i for i in items if i not in walks]
    half = len(items) // 2
    items[:] = [centres[0], *rest[: half - 1], centres[1], *rest[half - 1 :], *platform]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} not found: apt-get install chromium (.ci/run does it)")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


def site_for(live_server, centre) -> str:
    """The live server's URL on `centre`'s host name."""
    port = urlsplit(live_server.url).port
    return f"http://{centre.primary_host}:{port}"


@pytest.fixture
def site_url(live_server, centre) -> str:
    return site_for(live_server, centre)


@pytest.fixture
def browser_context_args(browser_context_args, site_url):
    return {
        **browser_context_args,
        "base_url": site_url,
        "locale": "pl-PL",
        "timezone_id": "Europe/Warsaw",
        "viewport": {"width": 1280, "height": 900},
        # axe-core is injected as a script; a Content-Security-Policy must not block it.
        "bypass_csp": True,
    }


@pytest.fixture
def page(page, frozen_now):
    if frozen_now is not None:
        # The server runs on the frozen clock (tests/pytest_plugin.py); the page's JavaScript would still
        # see the real date. No page script reads the clock today; this keeps both sides on one calendar.
        page.clock.install(time=datetime.now(UTC))
    page.set_default_timeout(10_000)
    page.set_default_navigation_timeout(20_000)
    yield page
    found = take_soft_violations()
    if found:
        pytest.fail("\n\n".join(found), pytrace=False)


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def staff_member(centre):
    user = UserFactory(email="pracownik@example.org", full_name="Anna Pracownik", password=PASSWORD)
    CentreRoleFactory(centre=centre, user=user, role=CentreRoleKind.STAFF)
    return user


@pytest.fixture
def resident(db):
    return UserFactory(email="mieszkaniec@example.org", full_name="Paweł Mieszkaniec", password=PASSWORD)
