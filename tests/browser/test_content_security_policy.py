"""Pages work under the Content-Security-Policy the server sends: no violation is reported while a
person browses, searches with htmx, fails a form (the error summary takes focus) and opens the API docs.

The other browser tests bypass the policy (axe-core is injected as an inline script); this one does not,
and so does not run axe.
"""

import pytest
from playwright.sync_api import Browser, Page, expect

from centrum.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.browser

COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
});
"""


@pytest.fixture
def strict_page(browser: Browser, site_url):
    context = browser.new_context(base_url=site_url, locale="pl-PL", bypass_csp=False)
    context.add_init_script(COLLECT_VIOLATIONS)
    page = context.new_page()
    page.set_default_timeout(10_000)
    console: list[str] = []
    page.on(
        "console",
        lambda message: console.append(message.text) if "Content Security Policy" in message.text else None,
    )
    page.console_csp = console
    yield page
    context.close()


def _violations(page: Page) -> list[str]:
    return page.evaluate("window.__cspViolations || []") + list(page.console_csp)


def _open(page: Page, url: str) -> None:
    response = page.goto(url)
    assert response is not None and response.ok, f"{url} answered {response and response.status}"
    assert "'unsafe-inline'" not in response.headers["content-security-policy"]
    page.wait_for_load_state("load")


def test_pages_raise_no_policy_violation(strict_page: Page, centre, staff_member, password):
    page = strict_page
    OrganisationFactory(centre=centre, name="Fundacja Łąki Kaliskie", city="Kalisz", nip="")
    seen = []
    for url in ["/", "/dostepnosc/", "/sale/", "/organizacje/", "/organizacje/zglos/"]:
        _open(page, url)
        seen += [f"{url}: {v}" for v in _violations(page)]

    # htmx under the policy: typing in the directory search swaps the results in place.
    _open(page, "/organizacje/")
    with page.expect_response(lambda r: "/organizacje/" in r.url and r.request.headers.get("hx-request")):
        page.locator("#id_q").fill("łąki")
        page.locator("#id_q").press("Enter")
    expect(page.locator("#directory-results")).to_contain_text("Fundacja Łąki Kaliskie")
    seen += [f"directory search: {v}" for v in _violations(page)]

    # A failed form: the error summary is there, and focused by centrum.js (no inline script).
    _open(page, "/konto/login/")
    page.locator("input[name=login]").fill(staff_member.email)
    page.locator("input[name=password]").fill("wrong-password")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state("load")
    expect(page.locator("[data-error-summary]")).to_be_focused()
    seen += [f"failed login: {v}" for v in _violations(page)]

    # The API documentation: a server-rendered reference, under the same policy.
    _open(page, "/api/v1/docs")
    expect(page.locator(".api-operation").first).to_be_visible()
    seen += [f"api docs: {v}" for v in _violations(page)]

    # A staff page with forms and tables.
    _open(page, "/konto/login/")
    page.locator("input[name=login]").fill(staff_member.email)
    page.locator("input[name=password]").fill(password)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state("load")
    for url in ["/panel/dziennik/", "/sale/wypozyczenia/"]:
        _open(page, url)
        seen += [f"{url}: {v}" for v in _violations(page)]
    assert not seen, "\n".join(seen)
