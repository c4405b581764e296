"""Helpers for the browser tests: every page a test visits is checked with axe-core (WCAG 2.1 A and AA).

from tests.browser.helpers import visit, check_page, login

visit(page, "/organizacje/")            # navigate, assert the response, run axe
page.get_by_role("button", name="Szukaj").click()
check_page(page)                         # a page reached by a click or a form: run axe on it
visit(page, "/", phone=True)             # also at 360×740: axe again and no sideways scrolling
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, Response

REPO_ROOT = Path(__file__).resolve().parents[2]
AXE_JS = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PHONE = {"width": 360, "height": 740}

# CENTRUM_AXE_SOFT=1 records violations without failing at once; the `axe_report` fixture then fails
# the test at its end with every page's violations (handy to survey a whole walk in one run).
SOFT = os.environ.get("CENTRUM_AXE_SOFT", "") not in ("", "0")

_RUN_AXE = """async ([tags, rules]) => {
  const result = await axe.run(document, {
    runOnly: rules ? {type: "rule", values: rules} : {type: "tag", values: tags},
    resultTypes: ["violations"],
  });
  return result.violations.map(v => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary || ""})),
  }));
}"""

_collected: list[str] = []


def axe_source() -> str:
    if not AXE_JS.is_file():
        pytest.fail(f"{AXE_JS} is missing: run `npm ci` in the repository root (make setup does it).")
    return AXE_JS.read_text(encoding="utf-8")


def format_violations(url: str, violations: list[dict[str, Any]], label: str = "") -> str:
    lines = [f"axe-core: {len(violations)} WCAG 2.1 AA violation(s) on {url}{f' ({label})' if label else ''}"]
    for violation in violations:
        lines.append(f"  - {violation['id']} [{violation['impact']}]: {violation['help']}")
        for node in violation["nodes"][:10]:
            lines.append(f"      {node['target']}")
            summary = " ".join(node["summary"].split())
            if summary:
                lines.append(f"        {summary[:300]}")
        if len(violation["nodes"]) > 10:
            lines.append(f"      … and {len(violation['nodes']) - 10} more")
    return "\n".join(lines)


def axe_violations(page: Page, rules: list[str] | None = None) -> list[dict[str, Any]]:
    """Run axe-core (WCAG 2.1 A and AA, or only `rules`) on the current page and return its violations
    (injecting axe if needed)."""
    page.wait_for_load_state("load")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe_source())
    return page.evaluate(_RUN_AXE, [AXE_TAGS, rules])


def horizontal_overflow(page: Page) -> int:
    """How many CSS pixels the page is wider than the viewport (WCAG 1.4.10 Reflow: should be 0)."""
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def check_page(page: Page, *, label: str = "", phone: bool = False) -> None:
    """Fail the test if axe-core finds a WCAG 2.1 A/AA violation on the current page.

    With phone=True the page is checked again at 360×740, including that nothing scrolls sideways.
    """
    problems = []
    violations = axe_violations(page)
    if violations:
        problems.append(format_violations(page.url, violations, label))
    if phone:
        original = page.viewport_size
        page.set_viewport_size(PHONE)
        try:
            violations = axe_violations(page)
            if violations:
                problems.append(format_violations(page.url, violations, f"{label} phone 360×740".strip()))
            overflow = horizontal_overflow(page)
            if overflow > 0:
                problems.append(
                    f"{page.url} ({label} phone 360×740): the page scrolls sideways by {overflow}px "
                    "(WCAG 1.4.10 Reflow); widest elements: " + ", ".join(_widest(page))
                )
        finally:
            if original:
                page.set_viewport_size(original)
    if problems:
        if SOFT:
            _collected.extend(problems)
            print("\n".join(problems))
        else:
            pytest.fail("\n".join(problems), pytrace=False)


def _widest(page: Page) -> list[str]:
    return page.evaluate(
        """() => {
          const width = document.documentElement.clientWidth;
          const out = [];
          for (const el of document.querySelectorAll('body *')) {
            const r = el.getBoundingClientRect();
            if (r.right > width + 1 && el.children.length === 0) {
              out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
                (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') +
                ` (right edge ${Math.round(r.right)}px)`);
              if (out.length >= 5) break;
            }
          }
          return out;
        }"""
    )


def visit(
    page: Page, url: str, *, expect_status: int | None = None, label: str = "", phone: bool = False
) -> Response | None:
    """Open `url` (absolute, or relative to the context's base_url), check the status, run axe-core."""
    response = page.goto(url)
    assert response is not None, f"no response for {url}"
    if expect_status is None:
        assert response.ok, f"{url} answered {response.status}"
    else:
        assert response.status == expect_status, f"{url} answered {response.status}, not {expect_status}"
    check_page(page, label=label, phone=phone)
    return response


def login(page: Page, email: str, password: str, *, site: str = "") -> None:
    """Sign in through the real login form (django-allauth), then check the page we land on. `site`: another
    centre's address (`site_for(live_server, centre)`) than the context's base URL."""
    visit(page, f"{site}/konto/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(password)
    page.locator("main form").filter(has=page.locator("input[name=password]")).locator(
        "button[type=submit], input[type=submit]"
    ).first.click()
    page.wait_for_load_state("load")
    assert "/konto/login/" not in page.url, f"login as {email} failed: still on {page.url}"
    check_page(page, label=f"after login as {email}")


def fetch_file(page: Page, href: str) -> dict[str, Any]:
    """Fetch a file (a PDF) by the browser itself, which resolves *.localhost (Playwright's request client does
    not): its status, content type, first five bytes and size."""
    return page.evaluate(
        """async (url) => {
            const response = await fetch(url);
            const bytes = new Uint8Array(await response.arrayBuffer());
            return {status: response.status, type: response.headers.get("content-type"),
                    head: String.fromCharCode(...bytes.slice(0, 5)), size: bytes.length};
        }""",
        href,
    )


def take_soft_violations() -> list[str]:
    found = list(_collected)
    _collected.clear()
    return found
