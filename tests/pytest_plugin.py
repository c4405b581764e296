"""Loaded for the whole suite (pyproject: addopts = -p tests.pytest_plugin): isolation between tests and
a frozen clock.

Every test starts at the same instant, "today" (Europe/Warsaw), so a test never depends on the real date:
by default Wednesday 2026-06-17 at 10:00, an ordinary working day with no public holiday and no clock
change in the eight weeks after it. Another today: `pytest --today=2026-12-24` (10:00 that day) or
`--today=2027-01-01T00:30`, or the environment variable CENTRUM_TEST_TODAY; `--today=real` leaves the
clock alone. The clock ticks from that instant (time-machine's `tick=True`) and the patch covers the
whole process, so the live server of the browser tests sees the same today (and the browser conftest
sets Chromium's page clock to it). The instant goes to time-machine as a timestamp, so the process keeps
the time zone Django set (TIME_ZONE). Tests whose outcome depends on today are marked
`@pytest.mark.dates`; `scripts/test.sh dates` runs them under several todays.
"""

import os
from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest
import time_machine

DEFAULT_TODAY = "2026-06-17"
TODAY_ENV = "CENTRUM_TEST_TODAY"
_TIME_OF_DAY = time(10)
WARSAW = ZoneInfo("Europe/Warsaw")
_INSTANT = pytest.StashKey[datetime | None]()
_SESSION_TRAVEL = pytest.StashKey[time_machine.travel]()


def pytest_addoption(parser):
    parser.addoption(
        "--today",
        default=None,
        metavar="YYYY-MM-DD[THH:MM]|real",
        help=f"freeze the clock at this Warsaw date (10:00) or time for every test; 'real' does not "
        f"freeze it (default: ${TODAY_ENV} or {DEFAULT_TODAY})",
    )


def parse_today(value: str) -> datetime | None:
    """'2026-12-24' → 10:00 that day in Warsaw; '2027-01-01T00:30' → that Warsaw time; 'real' → None."""
    value = value.strip()
    if value.lower() == "real":
        return None
    try:
        instant = datetime.fromisoformat(value)
    except ValueError:
        raise pytest.UsageError(
            f"--today / {TODAY_ENV}: {value!r} is not YYYY-MM-DD[THH:MM] or 'real'"
        ) from None
    if "T" not in value and " " not in value:
        instant = datetime.combine(instant.date(), _TIME_OF_DAY)
    return instant if instant.tzinfo else instant.replace(tzinfo=WARSAW)


def pytest_configure(config):
    from tests import db_template

    db_template.install()  # migrate once per set of migrations, copy into every test database
    config.pluginmanager.register(GarbageCoverage(), "centrum-garbage-coverage")
    config.addinivalue_line("markers", "dates: the outcome depends on today's date (scripts/test.sh dates)")
    value = config.getoption("--today") or os.environ.get(TODAY_ENV) or DEFAULT_TODAY
    instant = config.stash[_INSTANT] = parse_today(value)
    if instant is not None:
        # Frozen from the start, so dates computed when test modules are imported (a module-level YEAR)
        # agree with the tests; each test then starts again at the same instant (_frozen_clock).
        travel = config.stash[_SESSION_TRAVEL] = time_machine.travel(instant.timestamp(), tick=True)
        travel.start()


# Tests that take a minute or more on their own: started first, so under xdist (`scripts/test.sh` runs
# `--dist worksteal`) the other worker's share runs beside them instead of one worker finishing alone.
LONG_TESTS_FIRST = ("tests/test_query_counts_walk.py", "tests/test_app_template.py")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    if getattr(config, "workerinput", None) is None and not config.pluginmanager.hasplugin("xdist"):
        return
    first = [item for item in items if item.nodeid.startswith(LONG_TESTS_FIRST)]
    if first:
        chosen = set(first)
        items[:] = first + [item for item in items if item not in chosen]


def pytest_unconfigure(config):
    travel = config.stash.get(_SESSION_TRAVEL, None)
    if travel is not None:
        travel.stop()


def pytest_report_header(config):
    instant = config.stash.get(_INSTANT, None)
    if instant is None:
        return "clock: real (not frozen)"
    return f"clock: frozen at {instant.isoformat()} ({instant.strftime('%A')}), ticking"


@pytest.fixture(scope="session")
def frozen_now(pytestconfig) -> datetime | None:
    """The instant every test starts at (aware, Europe/Warsaw), or None when the clock is real."""
    return pytestconfig.stash.get(_INSTANT, None)


@pytest.fixture(autouse=True)
def _frozen_clock(frozen_now):
    """Every test starts at `frozen_now`; the yielded traveller (or None) can `shift()` the clock."""
    if frozen_now is None:
        yield None
        return
    with time_machine.travel(frozen_now.timestamp(), tick=True) as traveller:
        yield traveller


GARBAGE_COVERAGE = "garbage_coverage"


class GarbageCoverage:
    """Adds up what tests/test_garbage_forms.py covered (a user property of each test's teardown report,
    so reports from xdist workers count too) and prints it at the end of the run."""

    def __init__(self):
        self.url_patterns = 0
        self.counts: dict[str, int] = {}
        self.forms: dict[str, set[str]] = {}

    def pytest_runtest_logreport(self, report):
        if report.when != "teardown":
            return
        for name, value in report.user_properties:
            if name != GARBAGE_COVERAGE:
                continue
            self.url_patterns = max(self.url_patterns, value["url_patterns"])
            for key, count in value["counts"].items():
                self.counts[key] = self.counts.get(key, 0) + count
            for who, action in value["forms"]:
                self.forms.setdefault(action, set()).add(who)

    def pytest_terminal_summary(self, terminalreporter, config):
        if not self.url_patterns:
            return
        c = self.counts
        terminalreporter.write_sep("-", "garbage coverage")
        terminalreporter.write_line(
            f"{self.url_patterns} URL patterns, {c.get('pages', 0)} page requests, {c.get('forms', 0)} forms, "
            f"{c.get('submissions', 0)} form submissions; {c.get('api_operations', 0)} API write "
            f"operations, {c.get('api_submissions', 0)} API submissions"
        )
        if config.get_verbosity() > 0:
            for action in sorted(self.forms):
                terminalreporter.write_line(f"  {action}: {', '.join(sorted(self.forms[action]))}")


@pytest.fixture(autouse=True)
def _clear_cache():
    """The cache outlives a test's database: e.g. host → centre id is cached, and on PostgreSQL (whose
    sequences are not rolled back) the next test's centre gets another id, so a stale entry would 404."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


# --- reference data after a flush ------------------------------------------------------------------


def _flushes_database(item) -> bool:
    """Whether the test ends by emptying every table: a transactional test (races, the live server)."""
    marker = item.get_closest_marker("django_db")
    if marker is not None and (marker.kwargs.get("transaction") or (len(marker.args) > 0 and marker.args[0])):
        return True
    return bool({"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ())))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A transactional test ends with a flush of every table, which also removes the reference data a data
    migration loaded (the catalogue of public-benefit areas). The next test on the same worker would find
    none (the demo seeders failed on PostgreSQL after a race test, depending on the order): put it back."""
    yield
    if not _flushes_database(item):
        return
    from django.db import connection
    from pytest_django.plugin import blocking_manager_key

    from centrum.organisations.catalogue import PUBLIC_BENEFIT_AREAS
    from centrum.organisations.models import ActivityArea

    with item.config.stash[blocking_manager_key].unblock():
        if ActivityArea._meta.db_table not in connection.introspection.table_names():
            return  # the connection was left on a database of the test's own (a browser test's), nothing to do
        for position, (code, name) in enumerate(PUBLIC_BENEFIT_AREAS):
            ActivityArea.objects.update_or_create(code=code, defaults={"name": name, "position": position})
