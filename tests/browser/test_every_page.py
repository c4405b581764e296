"""Every page, every role, two centres: axe-core (WCAG 2.1 AA) and no sideways scrolling.

The walk runs in three parts (one per centre, one for the platform host; each seeds the demo centres it
walks) that scripts/test.sh runs side by side on two xdist workers. For each centre and role one browser context (signed in through a session
cookie) crawls the site from every URL pattern without parameters: each page's links are resolved to
their URL pattern, and the first link of a pattern not yet seen is followed, so pages with ids are
reached with real ids from the demo data, and a page another engineer adds tomorrow is checked as soon
as some page links to it. Every page (HTML, answered 200) is checked four ways without reloading: the
theme and font size are classes on <html> (set from the cookies the A/A++ and contrast links write)

* desktop 1280 px, default theme: axe-core and no horizontal scroll;
* phone 360 px: axe-core and no horizontal scroll;
* desktop in high contrast: axe-core (contrast of the other theme);
* phone 360 px at the largest font size (A++): axe-core and no horizontal scroll.

The two centres' parts crawl every page, but a role's page of one URL pattern is checked in whichever
centre reaches it first (a claim file in the run's shared directory); each role's first page (the header
and menu) is checked in both. Each check is then made once, and the two parts share the work.

At the end (of the part that finishes last) every URL pattern of the site must have been checked by some
role, or be listed in NOT_WALKED with the reason (POST-only actions, files, e-mailed tokens). A failure lists every problem.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import Resolver404, resolve
from playwright.sync_api import Browser, BrowserContext, Page

from tests.test_tenancy_urls import iter_endpoints

from .helpers import PHONE, axe_source, axe_violations, format_violations, horizontal_overflow

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
# CENTRUM_WALK_CENTRES / CENTRUM_WALK_ROLES narrow a run while fixing (comma-separated); the coverage
# check then only runs on the full walk. CENTRUM_WALK_VERBOSE=1 prints each page as it is checked.
CENTRES = tuple(os.environ.get("CENTRUM_WALK_CENTRES", "kalisz,zory").split(","))
VERBOSE = os.environ.get("CENTRUM_WALK_VERBOSE", "") not in ("", "0")
CENTRE_URLCONF = "config.urls"
PLATFORM_URLCONF = "config.urls_platform"

# role -> demo account key (see centrum/accounts/demo.py); None: not signed in
ROLES = {
    "anonymous": None,
    "member": "czlonek",
    "org admin": "prezes",
    "staff": "pracownik",
    "official": "urzednik",
    "adviser": "doradca",
    "evaluator": "oceniajacy",
    "platform admin": "admin",
}

# Links never followed: they change the session or the display settings rather than show a page.
NEVER_FOLLOW = {"account_logout", "core:ui_preferences", "set_language"}
# Namespaces and routes outside the walk: the JSON API (its HTML reference page is walked) and the
# Django admin (platform admins only, Django's own pages).
SKIPPED_NAMESPACES = {"admin"}
API_PAGES = {"/api/v1/docs"}

# URL patterns no link reaches with GET, each with the reason.
NOT_WALKED = {
    # Reached by a link and checked with axe in the Częstochowa walks of their own sub-feature; the Kalisz and
    # Żory demo gives the every-page walk no link to them (no selected offer waiting for its update or
    # contract, no draft simplified offer of the walk's member, no annex to add).
    "grants:budget_update": "walked in tests/browser/test_grants_contracts_walk.py",
    "knowledge:leader": "walked in tests/browser/test_knowledge_walk.py (a profile published, then withdrawn)",
    "newsletter:recipients": "walked in tests/browser/test_newsletter_walk.py (Miechów's announcement)",
    "consultations:versions": "walked in tests/browser/test_consultations_walk.py (a consultation's version 2)",
    "consultations:unit_revise": "walked in tests/browser/test_consultations_walk.py (a unit's new wording)",
    "knowledge:article_edit": "walked in tests/browser/test_knowledge_walk.py (staff correct an article)",
    "volunteers:offer_edit": "walked in tests/browser/test_volunteers_walk.py (a host finishes a draft offer)",
    "grants:competition_contracts": "walked in tests/browser/test_grants_contracts_walk.py",
    "grants:contract_new": "walked in tests/browser/test_grants_contracts_walk.py",
    "grants:annex_new": "walked in tests/browser/test_grants_contracts_walk.py",
    "grants:small_grant_contract": "walked in tests/browser/test_grants_small_grants_walk.py",
    "grants:small_grant_edit": "walked in tests/browser/test_grants_small_grants_walk.py",
    # POST-only: the buttons of a page the walk checks post here
    "accounts:set_active_organisation": "POST only (the organisation switcher)",
    "accounts:api_token_revoke": "POST only",
    "accounts:team_role_remove": "POST only",
    "accounts:team_invitation_action": "POST only (workflow action)",
    "accounts:member_role": "POST only",
    "accounts:member_remove": "POST only",
    "accounts:member_invitation_action": "POST only (workflow action)",
    "organisations:action": "POST only (workflow action)",
    "organisations:import_run": "POST only",
    "organisations:opp_apply": "POST only",
    "organisations:organisation_krs_refresh": "POST only",
    "spaces:booking_approve": "POST only (workflow action)",
    "spaces:booking_reject": "POST only (workflow action)",
    "spaces:booking_cancel": "POST only (workflow action)",
    "spaces:booking_action": "POST only (workflow action)",
    "spaces:waiting_action": "POST only (workflow action)",
    "spaces:let_action": "POST only (workflow action)",
    "spaces:loan_action": "POST only (workflow action)",
    "spaces:organisation_feed": "POST only (a new calendar address)",
    "spaces:equipment_use_remove": "POST only (removing a recorded use, with a reason)",
    "advice:appointment_log": "POST only (the advice log form of a meeting's page)",
    "advice:appointment_refer": "POST only (the referral form of a meeting's page)",
    "advice:appointment_action": "POST only (workflow action)",
    "advice:office_hours_new": "POST only (the form of the office hours page)",
    "advice:office_hours_remove": "POST only",
    "advice:absence_new": "POST only (the form of the office hours page)",
    "advice:assignment_entry_new": "POST only (the log form of an assignment's page)",
    "advice:assignment_finish": "POST only",
    "trainings:training_action": "POST only (workflow action)",
    "trainings:registration_action": "POST only (workflow action)",
    "trainings:exhibitor_action": "POST only (workflow action)",
    "trainings:session_delete": "POST only",
    "trainings:need_plan": "POST only (a draft training from a topic)",
    "addresses:agreement_action": "POST only (workflow action)",
    "addresses:agreement_krs_check": "POST only (asks KRS)",
    "addresses:mail_action": "POST only (workflow action)",
    "grants:competition_action": "POST only (workflow action)",
    "programmes:action": "POST only (workflow action; consultation and adoption have their forms on the page)",
    "programmes:comment_new": "POST only (the comment form on a programme in consultation)",
    "programmes:proposal_action": "POST only (workflow action)",
    "programmes:task_new": "POST only (the task form on a draft programme)",
    "programmes:task_delete": "POST only (a task's remove button)",
    "councils:member_new": "POST only (the member form of a body's page)",
    "councils:kinds_statutory": "POST only (the button adding the statutory kinds on the kinds page)",
    "councils:member_end": "POST only (a member's end button on a body's page)",
    "councils:resolution_new": "POST only (the resolution form of a body's page)",
    "councils:attendance": "POST only (the attendance form of a meeting's page)",
    "councils:minutes": "POST only (the minutes form of a meeting's page)",
    "councils:document_new": "POST only (the document form of a meeting's page)",
    "councils:document": "a file (a meeting's document)",
    "councils:minutes_file": "a file (a meeting's minutes)",
    "councils:opinion_file": "a file (an opinion)",
    "councils:nominate": "POST only (the nomination form of an election's page)",
    "councils:vote": "POST only (the vote form of an election's page)",
    "councils:election_action": "POST only (workflow action)",
    "councils:appoint": "POST only (a nominee's appointment button)",
    "councils:opinion_action": "POST only (workflow action; the opinion has its form on the request's page)",
    "councils:request_sign": "POST only (the signing form of a joint request's page)",
    "initiatives:member_new": "POST only (the member form of a draft application's page)",
    "initiatives:contribution_new": "POST only (the contribution form of a draft application's page)",
    "initiatives:line_delete": "POST only (a line's remove button)",
    "initiatives:action": "POST only (workflow action; signing and the completion record have their forms)",
    "initiatives:schedule_new": "POST only (the schedule form of the agreement page)",
    "initiatives:cost_new": "POST only (the costing form of the agreement page)",
    "initiatives:call_new": "POST only (the call form of the rules page)",
    "initiatives:criterion_new": "POST only (the criterion form of the rules page)",
    "initiatives:area_new": "POST only (the area form of the rules page)",
    "initiatives:rules_line_delete": "POST only (a call's or a criterion's remove button)",
    "addresses:authorised_person_remove": "POST only",
    "core:centre_closed_day_delete": "POST only",
    "grants:offer_check": "POST only (the offer form's live check, htmx)",
    "grants:offer_action": "POST only (workflow action)",
    "grants:offer_signed_file": "POST only (the signed confirmation upload of an offer's page)",
    "grants:offer_share": "POST only (sharing a draft with an adviser)",
    "grants:offer_comment": "POST only (a comment on an offer)",
    "platform:centre_staff_add": "POST only",
    "platform:centre_toggle_active": "POST only",
    "core:ui_preferences": "sets a cookie and redirects",
    "set_language": "POST only",
    "account_logout": "signs out",
    "knowledge:practice_action": "POST only (workflow action: moderation of a good practice)",
    "knowledge:article_action": "POST only (workflow action: publishing an article)",
    "knowledge:attachment_new": "POST only (the attachment form of a practice's page)",
    "knowledge:withdraw_consent": "POST only (the withdrawal button of the leader's profile page)",
    "knowledge:attachment": "a practice's attachment file (PDF or image)",
    "knowledge:document_file": "a document of the knowledge base (PDF or image)",
    # files, not pages
    "organisations:import_template": "CSV file",
    "organisations:export_csv": "CSV file",
    "organisations:export_xlsx": "XLSX file",
    "spaces:room_ics": "iCalendar file",
    "spaces:organisation_ics": "iCalendar file",
    "spaces:loan_agreement": "PDF file",
    "trainings:calendar_ics": "iCalendar file",
    "trainings:training_ics": "iCalendar file",
    "trainings:certificate": "PDF file",
    "trainings:attendance_pdf": "PDF file",
    "spaces:equipment_uses_csv": "CSV file",
    "addresses:agreement_pdf": "PDF file",
    "addresses:seat_consent_pdf": "PDF file",
    "grants:offer_pdf": "PDF file",
    "addresses:mail_scan": "a scanned file (PDF or image)",
    "grants:competition_pdf": "PDF file",
    "grants:competition_bip": "HTML file to download for BIP",
    "grants:results_pdf": "PDF file",
    "grants:competition_export": "CSV/XLSX file",
    "initiatives:export": "CSV/XLSX file",
    "newsletter:action": "POST only (workflow action; scheduling posts the schedule form of the announcement page)",
    "newsletter:subscriber_action": "POST only (workflow action of the subscribers list)",
    "newsletter:subscribed": "GET after the subscription form is sent (tests/browser/test_newsletter_walk.py)",
    "newsletter:confirm": "e-mailed token (tests/browser/test_newsletter_walk.py visits it with axe)",
    "newsletter:manage": "e-mailed token (tests/browser/test_newsletter_walk.py visits it with axe)",
    "newsletter:unsubscribe": "e-mailed token (tests/browser/test_newsletter_walk.py visits it with axe)",
    "newsletter:attachment": "a file behind an e-mailed token",
    "newsletter:stop": "e-mailed token (tests/browser/test_newsletter_walk.py visits it with axe)",
    "newsletter:announcement_attachment": "a file (the demo's announcements have none)",
    "initiatives:agreement_pdf": "PDF file",
    # the volunteer centre
    "volunteers:offer_action": "POST only (workflow action)",
    "volunteers:apply": "POST only (the apply form of an offer's page)",
    "volunteers:introduce": 'POST only (the coordinator\'s "Poleć" button)',
    "volunteers:shift_new": "POST only (the shift form of an event offer's edit page)",
    "volunteers:application_action": "POST only (workflow action)",
    "volunteers:hours_new": "POST only (the hours form of an agreement's page)",
    "volunteers:opinion": "POST only (the opinion form of an agreement's page)",
    "volunteers:hours_action": "POST only (workflow action)",
    "volunteers:agreement_pdf": "PDF file",
    "volunteers:certificate_pdf": "PDF file",
    "volunteers:opinion_pdf": "PDF file",
    "volunteers:consent_file": "a scanned file (the guardian's consent)",
    "volunteers:stats_export": "CSV/XLSX file",
    # consultations
    "consultations:report_pdf": "PDF file (tests/browser/test_consultations_walk.py reads it)",
    "consultations:report_docx": "DOCX file",
    "consultations:export": "CSV/XLSX file",
    "consultations:confirm": "e-mailed token (a resident's comment sent without an account)",
    "consultations:action": "POST only (workflow action)",
    "consultations:comment_action": "POST only (workflow action: an answer with its justification)",
    "consultations:unit_delete": "POST only (a unit's remove button)",
    "consultations:version_new": "POST only (the new version button of a closed consultation)",
    "consultations:proposal_new": "POST only (the proposal form of a call's page)",
    "consultations:team_new": "POST only (the team form of a call's page)",
    "consultations:proposal_decide": "POST only (a proposal's accept button)",
    "consultations:team_draft": "POST only (a team's draft form)",
    "mfa_download_recovery_codes": "text file",
    # surveys
    "surveys:ready_new": "POST only (the ready questionnaires' buttons of the surveys' list)",
    "surveys:section_new": "POST only (the section form of a survey's builder)",
    "surveys:question_delete": "POST only (a question's delete button in the builder)",
    "surveys:copy": "POST only (the copy button of a survey's builder)",
    "surveys:action": "POST only (workflow action)",
    "surveys:export": "CSV/XLSX file",
    # promotion
    "promotion:page_action": "POST only (workflow action)",
    "promotion:company_action": "POST only (workflow action)",
    "promotion:activation_delete": "POST only (the offer's delete button)",
    "promotion:opp_csv": "CSV file",
    "promotion:company_proposed": "shown after the public proposal form is sent; walked in tests/browser/test_promotion_walk.py",
    # grants: evaluation
    "grants:commission_settings": "POST only (the commission form of the evaluation page)",
    "grants:member_add": "POST only (the member form of the evaluation page)",
    "grants:nominee_decision": "POST only (a nominee's buttons on the evaluation page)",
    "grants:scoring_close": "POST only",
    "grants:decision": "POST only (the decision forms of the evaluation page)",
    "grants:protocol_pdf": "PDF file",
    # small_grants ---
    "grants:small_grant_check": "POST only (the simplified offer form's live check, htmx)",
    "grants:small_grant_action": "POST only (workflow action)",
    "grants:small_grant_comment_respond": "POST only (the response form under a comment)",
    "grants:small_grant_pdf": "PDF file",
    # grants: contracts
    "grants:budget_update_action": "POST only (workflow action)",
    "grants:contract_action": "POST only (workflow action; signing posts from its own page)",
    "grants:annex_action": "POST only (workflow action; signing posts from its own page)",
    "grants:contract_pdf": "PDF file",
    "grants:annex_pdf": "PDF file",
    "grants:annex_sign": "linked only while an annex waits for its signatures; the demo's annexes are signed",
    # reports ---
    "grants:report_start": "POST only (the start buttons of a contract's settlement page)",
    "grants:report_check": "POST only (the report form's live check, htmx)",
    "grants:report_action": "POST only (workflow action)",
    "grants:contract_settle": "POST only (the settle button of a contract's settlement page)",
    "grants:report_pdf": "PDF file",
    "grants:control_file": "PDF file (an uploaded protocol)",
    "grants:reports_export": "CSV/XLSX file",
    "grants:returns_export": "CSV/XLSX file",
    "grants:contracts_export": "CSV/XLSX file",
    "grants:small_grants_export": "CSV/XLSX file",
    # news, the events calendar, error reports
    "news:feed": "RSS feed (XML)",
    "news:action": "POST only (workflow action)",
    "news:image_add": "POST only (the image form of a news item's page)",
    "news:attachment_add": "POST only (the file form of a news item's page)",
    "news:image_remove": "POST only (an image's remove button)",
    "news:image": "a file (an image of a news item, shown in its page)",
    "news:attachment": "a file (a news item's attachment)",
    "news:attachment_remove": "POST only (a file's remove button)",
    "events:feed": "ICS file",
    "events:ics": "ICS file",
    "events:action": "POST only (workflow action)",
    "reports:action": "POST only (workflow action of the reports list)",
    # pages reached from an e-mail or a step of a form, with a token the walk does not have
    "account_confirm_email": "e-mailed key",
    "account_reset_password_from_key": "e-mailed key",
    "account_reset_password_from_key_done": "after an e-mailed key",
    "account_email_verification_sent": "after sign-up",
    "account_confirm_login_code": "after asking for a login code",
    "account_reauthenticate": "asked for by a sensitive action",
    "account_inactive": "shown to a deactivated account",
    "account_set_password": "for accounts without a password",
    "accounts:invitation_accept": "e-mailed token",
    "advice:appointment_manage": "e-mailed signed link (confirmation and cancellation of a booked advice)",
    "trainings:registration_cancel_link": "e-mailed token",
    "organisations:register_done": "after registering an organisation",
    "organisations:import_preview": "after uploading a file",
    "organisations:import_progress": "after uploading a file",
    "organisations:opp_preview": "after uploading a file",
    "mfa_authenticate": "during login with 2FA",
    "mfa_reauthenticate": "asked for by a sensitive action",
    "mfa_activate_totp": "allauth's own 2FA pages",
    "mfa_deactivate_totp": "allauth's own 2FA pages",
    "mfa_view_recovery_codes": "allauth's own 2FA pages",
    "mfa_generate_recovery_codes": "allauth's own 2FA pages",
    "mfa_index": "allauth's own 2FA pages",
}


@dataclass
class Walk:
    problems: list[str] = field(default_factory=list)
    walked: set[str] = field(default_factory=set)  # URL pattern names checked by some role
    pages: int = 0  # pages checked (a page with content already checked is not checked again)
    by_role: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    # Shared by the centres' parts (they run side by side): a role's page of one URL pattern is checked
    # in whichever centre reaches it first, and only walked through in the other (see _claim).
    claims: Path | None = None
    shared: int = 0  # pages left to the other centre's part

    def claim(self, role: str, pattern: str) -> bool:
        """Whether this part checks `role`'s page of `pattern`: the first part to ask gets it."""
        if self.claims is None:
            return True
        digest = hashlib.sha1(f"{role}\n{pattern}".encode()).hexdigest()
        try:
            os.close(os.open(self.claims / digest, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            self.shared += 1
            return False
        return True


def _pattern_name(path: str, urlconf: str) -> str | None:
    try:
        match = resolve(path, urlconf=urlconf)
    except Resolver404:
        return None
    return match.view_name or match.route


def _route_names(urlconf: str) -> dict[str, str]:
    """{pattern name: route} of every URL pattern of `urlconf` the walk must reach."""
    from django.urls import get_resolver

    out = {}
    for endpoint in iter_endpoints(get_resolver(urlconf)):
        if endpoint.namespace in SKIPPED_NAMESPACES:
            continue
        if endpoint.is_api and f"/{endpoint.route}" not in API_PAGES:
            continue
        if endpoint.route.startswith(("media/", "static/", "^media", "^static")):
            continue
        out[endpoint.name] = endpoint.route
    return out


def _start_paths(urlconf: str) -> list[str]:
    from django.urls import get_resolver

    paths = ["/"]
    for endpoint in iter_endpoints(get_resolver(urlconf)):
        if endpoint.kwargs or endpoint.namespace in SKIPPED_NAMESPACES or endpoint.name in NEVER_FOLLOW:
            continue
        if endpoint.name in NOT_WALKED:
            continue
        if endpoint.is_api and f"/{endpoint.route}" not in API_PAGES:
            continue
        paths.append(endpoint.url({}))
    return list(dict.fromkeys(paths))


def _signed_in_context(browser: Browser, base_url: str, user) -> BrowserContext:
    context = browser.new_context(
        base_url=base_url,
        locale="pl-PL",
        timezone_id="Europe/Warsaw",
        viewport=DESKTOP,
        bypass_csp=True,  # axe-core is injected as a script
    )
    context.add_init_script(axe_source())  # in every page at once, rather than sent after each load
    if user is not None:
        client = Client()
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        context.add_cookies(
            [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base_url}]
        )
    return context


# The rules whose outcome depends on how the page is drawn (colours, sizes, what scrolls); the others read
# the DOM, which the width, the theme and the font size leave as it is (no CSS of ours hides anything
# by width), so they run once, at desktop width.
RENDERING_RULES = ["color-contrast", "link-in-text-block", "scrollable-region-focusable"]


def _check(page: Page, url: str, label: str) -> list[str]:
    problems = []

    def axe(mode: str, rules: list[str] | None = RENDERING_RULES) -> None:
        violations = axe_violations(page, rules)
        if violations:
            problems.append(format_violations(url, violations, f"{label}, {mode}"))

    def overflow(mode: str) -> None:
        wider = horizontal_overflow(page)
        if wider > 0:
            problems.append(f"{url} ({label}, {mode}): the page scrolls sideways by {wider}px (WCAG 1.4.10)")

    html_class = page.evaluate("document.documentElement.className")
    try:
        page.set_viewport_size(DESKTOP)
        axe("desktop", rules=None)
        overflow("desktop")
        page.set_viewport_size(PHONE)
        axe("360 px")
        overflow("360 px")
        page.evaluate("document.documentElement.className = 'font-normal high-contrast'")
        page.set_viewport_size(DESKTOP)
        axe("high contrast")
        page.evaluate("document.documentElement.className = 'font-larger'")
        page.set_viewport_size(PHONE)
        axe("360 px, largest font")
        overflow("360 px, largest font")
    finally:
        page.evaluate("(c) => { document.documentElement.className = c; }", html_class)
        page.set_viewport_size(DESKTOP)
    return problems


# What a page shows, without the per-session CSRF tokens: two roles (or two URLs of one pattern) that get
# the same content are checked once. The header and navigation differ by role and are checked on each
# role's first page.
_CONTENT = """() => {
  const main = document.querySelector('main');
  return (main ? main.outerHTML : document.body.outerHTML)
    .replace(/name="csrfmiddlewaretoken" value="[^"]*"/g, '');
}"""


def _crawl(
    page: Page, base_url: str, urlconf: str, label: str, walk: Walk, checked: set[int], role: str = ""
) -> None:
    host = urlsplit(base_url).netloc
    seen_patterns: set[str] = set()
    queue = list(_start_paths(urlconf))
    queued = set(queue)
    while queue:
        path = queue.pop(0)
        try:
            response = page.goto(path)
        except Exception as error:  # a download (file link) aborts the navigation
            if "Download is starting" in str(error) or "ERR_ABORTED" in str(error):
                continue
            raise
        if response is None:
            continue
        if response.status >= 500:
            walk.problems.append(f"{path} ({label}): answered {response.status}")
            continue
        final = urlsplit(page.url)
        if final.netloc != host or response.status != 200:
            continue
        if "text/html" not in (response.headers.get("content-type") or ""):
            continue
        name = _pattern_name(final.path, urlconf)
        if name is None or name in seen_patterns:
            continue
        seen_patterns.add(name)
        walk.walked.add(name)
        content = hash(page.evaluate(_CONTENT))
        first_of_role = walk.by_role[label] == 0
        walk.by_role[label] += 1
        if content in checked and not first_of_role:
            continue
        checked.add(content)
        # Each role's first page (its header and menu) is checked in every centre; other pages in one. A
        # page left to the other centre is still crawled: its links lead on.
        if first_of_role or walk.claim(role, name):
            walk.pages += 1
            if VERBOSE:
                print(f"[{label}] {final.path}", file=sys.stderr, flush=True)
            found = _check(page, final.path + (f"?{final.query}" if final.query else ""), label)
            if VERBOSE and found:
                print("\n".join(found), file=sys.stderr, flush=True)
            walk.problems.extend(found)
        for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"):
            if not isinstance(href, str):  # an SVG link (the practice map): its href is an object, not a URL
                continue
            link = urlsplit(href)
            if link.netloc != host or link.scheme not in ("http", "https"):
                continue
            target = link.path + (f"?{link.query}" if link.query else "")
            if target in queued:
                continue
            link_name = _pattern_name(link.path, urlconf)
            if link_name is None or link_name in NEVER_FOLLOW or link_name in seen_patterns:
                continue
            if link_name.split(":")[0] in SKIPPED_NAMESPACES and ":" in link_name:
                continue
            if link.path.startswith("/api/") and link.path.rstrip("/") not in API_PAGES:
                continue
            queued.add(target)
            queue.append(target)


# The walk runs in parts, one per centre and one for the platform host, so `scripts/test.sh browser`
# (pytest-xdist) walks them in parallel, each process with its own live server and its own demo; the part
# that finishes last checks that the parts together reached every URL pattern (_coverage).
PARTS = (*CENTRES, "platform")


@pytest.fixture
def demo(request, transactional_db, settings):
    from centrum.core.demo.seeding import seed_demo

    part = request.node.callspec.params["part"]
    slugs = list(CENTRES) if part == "platform" else [part]  # the platform pages list the centres
    settings.SHOW_DEMO_ACCOUNTS = True  # the login page as in development, with its table of accounts
    errors: list[str] = []
    seed_demo(on_error=errors.append, slugs=slugs)
    assert not errors, "\n".join(errors)
    _audit_one_change_per_centre(slugs)


def _audit_one_change_per_centre(slugs) -> None:
    """The demo records no history; one entry per centre gives the audit log a row whose link opens an
    object's history page."""
    from centrum.core.audit import audit_log
    from centrum.core.models import Centre
    from centrum.organisations.models import Organisation

    for centre in Centre.objects.filter(slug__in=slugs):
        organisation = Organisation.objects.filter(centre=centre).order_by("pk").first()
        audit_log(actor=_user_for("pracownik", centre.slug), obj=organisation, action="organisation.updated")


def _user_for(role_key: str | None, centre_slug: str):
    from centrum.accounts.demo import PLATFORM_ADMIN_EMAIL, demo_email

    if role_key is None:
        return None
    email = PLATFORM_ADMIN_EMAIL if role_key == "admin" else demo_email(role_key, centre_slug)
    return get_user_model().objects.get(email=email)


@pytest.fixture
def walk_results(request, tmp_path_factory):
    """A directory shared by the parts of one run (also across xdist workers)."""
    workerinput = getattr(request.config, "workerinput", None)
    base = tmp_path_factory.getbasetemp()
    shared = (base.parent if workerinput else base) / "every-page-walk"
    shared.mkdir(exist_ok=True)
    return shared


def _coverage(results: Path, part: str, walk: Walk) -> list[str]:
    """Record this part's patterns; if every part has recorded its own, the URL patterns none reached."""
    with open(results / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        (results / f"{part}.json").write_text(json.dumps(sorted(walk.walked)), encoding="utf-8")
        done = {p: results / f"{p}.json" for p in PARTS}
        if not all(path.is_file() for path in done.values()):
            return []
        walked = set().union(*(json.loads(path.read_text(encoding="utf-8")) for path in done.values()))
        # Only the last part to finish reports; a rerun of one part in the same directory does not.
        for path in done.values():
            path.rename(path.with_suffix(".reported"))
    expected = {**_route_names(CENTRE_URLCONF), **_route_names(PLATFORM_URLCONF)}
    missing = sorted(name for name in expected if name not in walked and name not in NOT_WALKED)
    if missing and VERBOSE:
        print("not reached: " + ", ".join(missing), file=sys.stderr, flush=True)
    if not missing:
        return []
    return [
        "No role reached these URL patterns by a link (link them from a page, or add them to NOT_WALKED "
        "with the reason): " + ", ".join(f"{name} (/{expected[name]})" for name in missing)
    ]


@pytest.mark.parametrize("part", PARTS)
def test_every_page_for_every_role(part: str, browser: Browser, live_server, demo, walk_results):
    from centrum.core.models import Centre

    started = time.monotonic()
    port = urlsplit(live_server.url).port
    walk = Walk()
    if part != "platform" and len(CENTRES) > 1:
        walk.claims = walk_results / "claims"
        walk.claims.mkdir(exist_ok=True)
    roles = {
        role: key
        for role, key in ROLES.items()
        if role in os.environ.get("CENTRUM_WALK_ROLES", ",".join(ROLES)).split(",")
    }
    full = roles == ROLES and set(CENTRES) == {"kalisz", "zory"}
    try:
        if part != "platform":
            checked: set[int] = set()
            centre = Centre.objects.get(slug=part)
            base_url = f"http://{centre.primary_host}:{port}"
            for role, key in roles.items():
                context = _signed_in_context(browser, base_url, _user_for(key, part))
                page = context.new_page()
                page.set_default_navigation_timeout(30_000)
                try:
                    _crawl(page, base_url, CENTRE_URLCONF, f"{part}, {role}", walk, checked, role)
                finally:
                    context.close()
        else:
            # The platform host, anonymous and as the platform admin.
            platform_url = f"http://localhost:{port}"
            for role in [r for r in ("anonymous", "platform admin") if r in roles]:
                context = _signed_in_context(browser, platform_url, _user_for(ROLES[role], ""))
                page = context.new_page()
                try:
                    _crawl(page, platform_url, PLATFORM_URLCONF, f"platform, {role}", walk, set())
                finally:
                    context.close()
    finally:
        if full:
            walk.problems.extend(_coverage(walk_results, part, walk))
    print(
        f"\n{part}: checked {walk.pages} pages ({len(walk.walked)} URL patterns; {walk.shared} left to the "
        f"other centre) in "
        f"{time.monotonic() - started:.0f} s: " + ", ".join(f"{k} {v}" for k, v in walk.by_role.items())
    )
    assert not walk.problems, f"{len(walk.problems)} problem(s):\n\n" + "\n\n".join(walk.problems)
