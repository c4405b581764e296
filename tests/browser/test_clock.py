"""The page's JavaScript and the server agree on today: the frozen clock of tests/pytest_plugin.py also
reaches Chromium (the browser conftest installs Playwright's page clock)."""

import pytest
from playwright.sync_api import Page

from centrum.core.calendar import warsaw_today

pytestmark = [pytest.mark.browser, pytest.mark.dates]


def test_the_page_sees_the_servers_today(page: Page, frozen_now):
    if frozen_now is None:
        pytest.skip("the clock is real (--today=real)")
    page.goto("/")
    # The context's time zone is Europe/Warsaw, so the page's local date is Warsaw's.
    seen = page.evaluate(
        "() => { const d = new Date(); return [d.getFullYear(), d.getMonth() + 1, d.getDate()]; }"
    )
    today = warsaw_today()
    assert seen == [today.year, today.month, today.day]
