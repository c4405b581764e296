"""Garbage into every form and every API write: a clear answer, never a 500, nothing stored by mistake.

The definition of done: "Every form and API endpoint answers bad input with a clear message and stores
nothing: no 500 anywhere; a test posts garbage to each form." This is that test, and it needs nothing
written for a new form: it finds the forms itself.

HOW IT WORKS
1. It walks every URL pattern of config.urls (and config.urls_platform on the platform host),
   recursively through includes. Parameters are filled with real objects of the CURRENT centre made by
   tests/garbage_world.py. A parameter without a mapping FAILS the test: add it to URL_VALUES or
   KWARG_VALUES there. Only SKIPPED_NAMESPACES / SKIPPED_ROUTE_PREFIXES / SKIPPED_FORM_ACTIONS below
   (each with its reason) are left out.
2. Each page is requested as centre staff, as an organisation's administrator and anonymously (on the
   platform host: as platform administrator and anonymously), redirects followed. Every
   `<form method="post">` of the HTML (read with the standard library's html.parser) is submitted with
   ~12 garbage payloads built from its own fields (tests/garbage_payloads.py): 10 000-character strings,
   NUL and control characters, SQL/HTML/template injection, emoji and Polish diacritics, numbers for text
   and text for numbers, negative/huge/overflowing numbers, impossible dates ("2026-02-31", "jutro"),
   edge dates (9999-12-31), values that are none of a select's options, another centre's ids, odd
   checkbox values, foreign URLs, repeated fields, every field missing; hidden fields tampered with
   ("²", overflow, another centre's id, NUL + 10 000 characters, a foreign URL); for file inputs a text
   file posing as an image, binary junk, an empty and an oversized file. A URL answering GET with 405
   (POST only) gets junk posted to it directly. A form seen before (same action URL name, same fields,
   same person) is not submitted again.
3. Each submission runs in a savepoint that is rolled back, so cases cannot affect one another (the
   world is made once per module, inside a transaction rolled back at the end). Every row of the
   project's tables is compared before and after (tests/garbage_db.py). The rules:
     * never a 500 (the head of the traceback is shown), never a broken transaction;
     * 4xx: nothing stored;
     * a change in the database is allowed only when the view accepted the input: a redirect or a 200
       without an error on the page, no Django form of the request ended invalid on a field the person
       fills in, and every stored value passes the model's field validation and fits PostgreSQL (no NUL,
       no integer overflow);
     * nothing stored after input a person can type: the person is told why: an error on the page
       (200), a message queued for the next page (redirect), or a redirect to the login page;
     * the injected `<script>` never comes back unescaped; no redirect leaves the site.
4. The JSON API: /api/v1/openapi.json is read and every POST/PUT/PATCH operation gets garbage JSON
   (wrong types, huge strings, NUL, lone surrogates, nesting 5 000 deep, invalid JSON, empty body, …)
   and garbage path parameters, as staff and as an organisation's administrator (bearer tokens) and
   anonymously: never a 500, always JSON, nothing stored with a 4xx, and what a 2xx stored must be fit.

How many URLs, forms and submissions were covered is printed at the end of the run (the terminal summary
of tests/pytest_plugin.py; with -v also every form and who submitted it).

A FAILURE names the page, the form's action, the person, the payload and what went wrong. Fix the view
(never the garbage); a known defect that cannot be fixed today may be listed in KNOWN_DEFECTS with the
owner and a reason, which turns its test into a strict xfail.
"""

from __future__ import annotations

import itertools
import json
import re
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.db import DatabaseError, transaction
from django.test import Client
from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve

from tests.garbage_db import Diff, FormErrorRecorder, Snapshot, WriteRecorder, diff, stored_problems
from tests.garbage_payloads import (
    BLIND_PAYLOADS,
    XSS_MARKER,
    Form,
    Payload,
    form_payloads,
    fresh_files,
    json_payloads,
    parse_forms,
)
from tests.garbage_world import API_PATH_VALUES, build_world, value_for
from tests.pytest_plugin import GARBAGE_COVERAGE
from tests.shared_world import close_shared_world, shared_world

CENTRE_URLCONF = "config.urls"
PLATFORM_URLCONF = settings.PLATFORM_URLCONF
PLATFORM_HOST = "localhost"
LOGIN_PATH = "/konto/login/"
OUR_HOSTS = ("testserver", PLATFORM_HOST, "kalisz.localhost")

# --- what is left out, and why ---------------------------------------------------------------------------
# Pages not requested at all (by full URL name, namespace or route prefix).
SKIPPED_NAMESPACES = {
    "admin": "Django admin: platform superusers only, Django's own forms (test_tenancy_urls checks access)",
    "api": "the JSON API: its writes are covered by test_api_garbage through the OpenAPI document",
}
SKIPPED_ROUTE_PREFIXES = {
    "api/v1/": "the JSON API (incl. its catch-all JSON 404): see test_api_garbage",
}
# Forms not submitted, by the URL name of their action.
SKIPPED_FORM_ACTIONS = {
    "set_language": "Django's language switch: sets a cookie, stores nothing, in every page's header",
    "account_logout": "signs the person out, which would end the session the next cases rely on",
}

# Answers that store nothing and tell nothing, accepted for these actions (by URL name) and why.
SILENT_OK = {
    "account_email": "allauth's e-mail page (third-party view): an address that is not among the person's own "
    "(only reachable by tampering with the radio buttons) redirects back without a message",
}

# Known defects whose owner cannot fix them today: {test id: "what is broken (owner app)"}. The test of
# that id becomes a strict xfail, so it turns red again as soon as the defect is fixed. Keep it empty.
KNOWN_DEFECTS: dict[str, str] = {}

ERROR_MARKERS = re.compile(
    r'class="[^"]*\b(errorlist|field-error|message-error|message-warning|notice)\b|aria-invalid="true"|role="alert"'
)


# --- walking the URL configuration -----------------------------------------------------------------------
@dataclass
class Endpoint:
    urlconf: str
    parts: list[Any]
    name: str
    namespace: str
    kwargs: list[str]

    @property
    def route(self) -> str:
        return "".join(str(p.pattern) for p in self.parts)

    @property
    def test_id(self) -> str:
        prefix = (
            "platform:" if self.urlconf == PLATFORM_URLCONF and not self.name.startswith("platform:") else ""
        )
        return prefix + self.name

    def url(self, values: dict[str, Any]) -> str:
        out = "/"
        for part in self.parts:
            pattern = part.pattern
            text = str(pattern)
            if text.startswith("^"):  # RegexPattern
                text = text.lstrip("^").rstrip("$").replace("\\Z", "")
                text = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: str(values[m.group(1)]), text)
                text = text.replace("\\", "")
            else:  # RoutePattern
                text = re.sub(r"<(?:[^>:]+:)?(\w+)>", lambda m: str(values[m.group(1)]), text)
            out += text
        return out


def _kwarg_names(pattern) -> list[str]:
    text = str(pattern)
    if text.startswith("^"):
        return list(pattern.regex.groupindex)
    return re.findall(r"<(?:[^>:]+:)?(\w+)>", text)


def iter_endpoints(urlconf: str, resolver=None, parts=(), namespace="") -> Iterator[Endpoint]:
    resolver = resolver or get_resolver(urlconf)
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            full_ns = ":".join(x for x in (namespace, entry.namespace or "") if x)
            yield from iter_endpoints(urlconf, entry, (*parts, entry), full_ns)
        elif isinstance(entry, URLPattern):
            chain = (*parts, entry)
            route = "".join(str(p.pattern) for p in chain)
            name = (f"{namespace}:{entry.name}" if namespace else entry.name) if entry.name else route or "/"
            kwargs = [k for p in chain for k in _kwarg_names(p.pattern)]
            yield Endpoint(urlconf, list(chain), name, namespace.split(":")[0], kwargs)


def _skipped(endpoint: Endpoint) -> str | None:
    if endpoint.namespace in SKIPPED_NAMESPACES:
        return SKIPPED_NAMESPACES[endpoint.namespace]
    for prefix, reason in SKIPPED_ROUTE_PREFIXES.items():
        if endpoint.route.startswith(prefix):
            return reason
    return None


def _endpoints() -> list[Endpoint]:
    seen: set[tuple[str, str]] = set()
    centre_views = {e.parts[-1].callback for e in iter_endpoints(CENTRE_URLCONF)}
    out = []
    for urlconf in (CENTRE_URLCONF, PLATFORM_URLCONF):
        for endpoint in iter_endpoints(urlconf):
            key = (endpoint.urlconf, endpoint.route)
            if key in seen or _skipped(endpoint):
                continue
            # The platform host repeats some centre views (sign-in, account, display settings): the same
            # view is covered on a centre's host.
            if urlconf == PLATFORM_URLCONF and endpoint.parts[-1].callback in centre_views:
                continue
            seen.add(key)
            out.append(endpoint)
    return out


ENDPOINTS = _endpoints()


def _params(endpoints: list[Endpoint]):
    out = []
    for e in endpoints:
        marks = []
        if e.test_id in KNOWN_DEFECTS:
            marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_DEFECTS[e.test_id]))
        out.append(pytest.param(e, id=e.test_id, marks=marks))
    return out


# --- fixtures ----------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """One world for the whole module, made inside a transaction that is rolled back at the end; each
    test runs in its own savepoint within it (the `db` fixture), each submission in another one."""
    from centrum.core.scopes import platform_scope
    from centrum.core.tests.factories import CentreFactory

    with shared_world(django_db_blocker), platform_scope("test world"):
        centre = CentreFactory(
            slug="kalisz", name="Centrum Organizacji Pozarządowych w Kaliszu", host="kalisz.localhost"
        )
        other = CentreFactory(
            slug="zory", name="Żorskie Centrum Organizacji Pozarządowych", host="zory.localhost"
        )
        built = build_world(centre, other)
    yield built
    close_shared_world(django_db_blocker)


def _client(host: str, user=None) -> Client:
    client = Client(HTTP_HOST=host, raise_request_exception=False)
    if user is not None:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def _people(world, urlconf: str) -> dict[str, Client]:
    if urlconf == PLATFORM_URLCONF:
        return {
            "platform_admin": _client(PLATFORM_HOST, world.platform_admin),
            "anonymous": _client(PLATFORM_HOST),
        }
    host = world.centre.primary_host
    return {
        "staff": _client(host, world.staff),
        "org_admin": _client(host, world.org_admin),
        "anonymous": _client(host),
    }


# --- one garbage submission ---------------------------------------------------------------------------------
@dataclass
class Outcome:
    status: int
    location: str
    body: str
    changes: Any
    invalid_forms: list[str]
    queued_messages: list[str]
    crash: str = ""
    db_error: str = ""
    unfit: list[str] = field(default_factory=list)


def _body(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", errors="replace")
    return response.content.decode("utf-8", errors="replace")


def _crash(response) -> str:
    """The head of the traceback: the last frames in the project's code and the exception."""
    exc_info = getattr(response, "exc_info", None)
    if not exc_info:
        return ""
    frames = traceback.extract_tb(exc_info[2])
    own = [f for f in frames if "/centrum/" in f.filename and "/site-packages/" not in f.filename]
    shown = (own or frames)[-3:]
    lines = [
        f"{f.filename.split('/centrum/')[-1] if '/centrum/' in f.filename else f.filename}:{f.lineno} in {f.name}: {(f.line or '').strip()}"
        for f in shown
    ]
    last = traceback.format_exception_only(exc_info[0], exc_info[1])[-1].strip()
    return "\n".join([*lines, "\n".join(last.splitlines()[:3])[:500]])


def _queued(response) -> list[str]:
    # The messages the view added for the next page (not yet shown). Django keeps them on the request's
    # storage; there is no public accessor for "added during this request".
    storage = getattr(response.wsgi_request, "_messages", None)
    return [str(m) for m in getattr(storage, "_queued_messages", [])]


def submit(
    client: Client, method: str, url: str, baseline: Snapshot, editable: set[str] = frozenset(), **kwargs
) -> Outcome:
    cookies = client.cookies
    client.cookies = type(cookies)(cookies)  # a copy: a case must not change the next one's session
    try:
        with FormErrorRecorder() as recorder, transaction.atomic():
            try:
                with WriteRecorder() as writes:
                    response = getattr(client, method)(url, **kwargs)
                    outcome = Outcome(
                        status=response.status_code,
                        location=response.get("Location", ""),
                        body=_body(response),  # a streamed body is read (and its queries run) here
                        changes=None,
                        invalid_forms=recorder.errors_in(editable),
                        queued_messages=_queued(response),
                        crash=_crash(response),
                    )
                try:
                    after = writes.snapshot()
                    outcome.changes = Diff() if after is None else diff(baseline, after)
                    if outcome.changes and outcome.status < 500:
                        # Read what was stored before the savepoint is rolled back.
                        outcome.unfit = stored_problems(outcome.changes)
                except DatabaseError as exc:  # the request broke the transaction (PostgreSQL)
                    outcome.db_error = f"{type(exc).__name__}: {exc}"
            finally:
                transaction.set_rollback(True)
    finally:
        client.cookies = cookies
    return outcome


def judge(
    outcome: Outcome, *, who: str, action: str = "", api: bool = False, fillable: bool = True
) -> list[tuple[str, str]]:
    """What is wrong with one answer to garbage, as (kind, explanation); empty when it is fine."""
    problems = []
    status, changes = outcome.status, outcome.changes
    if status >= 500:
        problems.append(
            ("HTTP 500", f"HTTP {status}\n{outcome.crash}" if outcome.crash else f"HTTP {status}")
        )
    if outcome.db_error:
        problems.append(
            ("broken transaction", f"the request left the transaction broken: {outcome.db_error}")
        )
    if XSS_MARKER in outcome.body:
        problems.append(("unescaped HTML", "the injected <script> comes back unescaped in the answer"))
    if 300 <= status < 400 and urlsplit(outcome.location).netloc.split(":")[0] not in ("", *OUR_HOSTS):
        problems.append(("open redirect", f"HTTP {status} redirects off the site: {outcome.location}"))
    if api and not problems and outcome.body and not _is_json(outcome.body):
        problems.append(("not JSON", f"HTTP {status} but the body is not JSON: {outcome.body[:120]!r}"))
    if changes is None or status >= 500:
        return problems
    if changes:
        if status >= 400:
            problems.append(("stored with an error status", f"HTTP {status} but stored: {changes.summary()}"))
        elif outcome.invalid_forms:
            problems.append(
                (
                    "stored although the form was invalid",
                    f"HTTP {status}, stored ({changes.summary()}) although "
                    f"{', '.join(outcome.invalid_forms)} did not validate: the view ignores the form's errors",
                )
            )
        elif not api and status == 200 and ERROR_MARKERS.search(outcome.body):
            problems.append(
                ("stored with an error shown", f"HTTP 200 shows an error but stored: {changes.summary()}")
            )
        else:
            problems.extend(("accepted unfit data", p) for p in outcome.unfit)
        return problems
    # Nothing stored: was the person told why? (Only for forms with a field a person fills in: a form of
    # hidden fields and a button gets bad input only by tampering, and ignoring that is fine.)
    if api or status >= 400 or action in SILENT_OK or not fillable:
        return problems
    if 300 <= status < 400:
        to_login = urlsplit(outcome.location).path.startswith(LOGIN_PATH) and (
            REDIRECT_FIELD_NAME in outcome.location or who == "anonymous"
        )
        if not (outcome.queued_messages or to_login):
            problems.append(
                (
                    "silently ignored",
                    f"HTTP {status} → {outcome.location}: nothing stored and no message for the person",
                )
            )
    elif status == 200 and not ERROR_MARKERS.search(outcome.body) and not outcome.queued_messages:
        problems.append(("no error message", "HTTP 200, nothing stored, and no error message on the page"))
    return problems


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


# --- the page walk -----------------------------------------------------------------------------------------
_FORMS_DONE: dict[tuple, str] = {}  # (who, action name, fields) -> test id that submitted it


def _fill(endpoint: Endpoint, world) -> list[str]:
    missing = [k for k in endpoint.kwargs if value_for(endpoint.name, k) is None]
    if missing:
        pytest.fail(
            f"URL {endpoint.name!r} ({endpoint.route}) has parameter(s) {missing} that "
            f"tests/test_garbage_forms.py cannot fill. Add a value to tests/garbage_world.py: "
            f"URL_VALUES[({endpoint.name!r}, '<kwarg>')] = lambda w: <an object of the current centre>.pk, "
            f"or KWARG_VALUES['<kwarg>'] if the name means the same in every URL (make the object in "
            f"build_world if it does not exist yet).",
            pytrace=False,
        )
    choices = []
    for k in endpoint.kwargs:
        value = value_for(endpoint.name, k)(world)
        choices.append([(k, v) for v in (value if isinstance(value, list) else [value])])
    return [endpoint.url(dict(combo)) for combo in itertools.product(*choices)]


def _action(page_url: str, form: Form, urlconf: str) -> tuple[str, str] | None:
    """(path with query, URL name) of the form's action; None for another host."""
    target = urljoin(page_url, form.action or page_url)
    parts = urlsplit(target)
    if (
        parts.netloc
        and parts.netloc.split(":")[0] not in ("testserver", "", PLATFORM_HOST)
        and not parts.netloc.endswith(".localhost")
    ):
        return None
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    try:
        match = resolve(parts.path, urlconf=urlconf)
    except Resolver404:
        return path, f"<unresolved {parts.path}>"
    return path, match.view_name or parts.path


def _normalised_fields(form: Form) -> tuple[str, ...]:
    return tuple(sorted({re.sub(r"\d+", "#", name) for name in form.signature()}))


@dataclass
class Report:
    """Problems grouped by (where, who, kind): one entry lists every payload that hit it."""

    groups: dict[tuple[str, str, str], dict] = field(default_factory=dict)
    pages: int = 0
    forms: int = 0
    submissions: int = 0

    def add(self, where: str, who: str, kind: str, detail: str, payload: str = "", context: str = "") -> None:
        group = self.groups.setdefault(
            (where, who, kind), {"detail": detail, "payload": payload, "context": context, "labels": []}
        )
        label = payload.split("]", 1)[0].lstrip("[")
        if payload and label not in group["labels"]:
            group["labels"].append(label)

    def text(self) -> str:
        out = []
        for (where, who, kind), g in self.groups.items():
            lines = [f"{kind.upper()}: {where} as {who}{g['context']}"]
            if g["payload"]:
                lines.append(f"payloads ({len(g['labels'])}): {', '.join(g['labels'])}")
                lines.append(f"first: {g['payload']}")
            lines.append(f"→ {g['detail']}")
            out.append("\n      ".join(line.replace("\n", "\n        ") for line in lines))
        return "\n  ".join(out)

    def __bool__(self) -> bool:
        return bool(self.groups)


STATS = {"pages": 0, "forms": 0, "submissions": 0, "api_operations": 0, "api_submissions": 0}


def _garbage_page(endpoint: Endpoint, world, report: Report, test_id: str) -> None:
    urls = _fill(endpoint, world)
    statuses = set()
    for who, client in _people(world, endpoint.urlconf).items():
        for url in urls:
            page = client.get(url, follow=True)
            statuses.add(page.status_code)
            report.pages += 1
            if page.status_code >= 500:
                report.add(f"GET {url}", who, "HTTP 500 on the page", _crash(page) or str(page.status_code))
                continue
            if page.status_code == 405 and "POST" in page.get("Allow", ""):
                _blind_post(endpoint, url, who, client, report)
                continue
            if "html" not in page.get("Content-Type", ""):
                continue
            query = page.request.get("QUERY_STRING")
            final = page.request["PATH_INFO"] + (f"?{query}" if query else "")
            for form in parse_forms(_body(page)):
                action = _action(final, form, endpoint.urlconf)
                if action is None:
                    continue
                path, action_name = action
                if action_name in SKIPPED_FORM_ACTIONS:
                    continue
                key = (endpoint.urlconf, who, form.method, action_name, _normalised_fields(form))
                if key in _FORMS_DONE:
                    continue  # submitted already (this test or an earlier one)
                _FORMS_DONE[key] = test_id
                report.forms += 1
                baseline = Snapshot.take()
                for payload in form_payloads(form, world.other_ids):
                    report.submissions += 1
                    if form.method == "get":
                        # A search or filter: it must answer and store nothing; an empty result is fine.
                        outcome = submit(client, "get", urlsplit(path).path, baseline, data=payload.data)
                        fillable = False
                    else:
                        data = fresh_files(payload)
                        outcome = submit(client, "post", path, baseline, editable=form.editable(), data=data)
                        fillable = bool(form.editable()) and not payload.tampered
                    for kind, detail in judge(outcome, who=who, action=action_name, fillable=fillable):
                        report.add(
                            f"{form.method.upper()} {action_name}",
                            who,
                            kind,
                            detail,
                            payload.describe(),
                            context=f", e.g. {form.method.upper()} {path} (form found on {url})",
                        )
    _check_mapping(endpoint, statuses, report)


def _check_mapping(endpoint: Endpoint, statuses: set[int], report: Report) -> None:
    if endpoint.kwargs and statuses == {404}:
        report.add(
            f"GET {endpoint.route}",
            "everyone",
            "wrong parameter mapping",
            f"every person gets a 404 with the values of tests/garbage_world.py for {endpoint.kwargs}: the "
            f"mapping probably names the wrong object (or one in the wrong state), so no form is checked",
        )


def _blind_post(endpoint: Endpoint, url: str, who: str, client: Client, report: Report) -> None:
    """A POST-only URL: whether or not some page shows its form, junk posted to it must not hurt."""
    key = (endpoint.urlconf, who, "post", endpoint.name, ("<blind>",))
    if key in _FORMS_DONE:
        return
    _FORMS_DONE[key] = endpoint.test_id
    baseline = Snapshot.take()
    for label, data in BLIND_PAYLOADS.items():
        report.submissions += 1
        payload = Payload(label, dict(data))
        outcome = submit(client, "post", url, baseline, data=payload.data)
        for kind, detail in judge(outcome, who=who, action=endpoint.name, fillable=False):
            # A redirect after a legitimate action (e.g. revoke) is fine; only these count here.
            report.add(f"POST {endpoint.name}", who, kind, detail, payload.describe(), context=f", {url}")


# --- the tests ----------------------------------------------------------------------------------------------
@pytest.fixture(autouse=True)
def _coverage_for_the_summary(request):
    """Hands what this test covered to the terminal summary (as a user property, so it also travels
    from xdist workers to the main process)."""
    counts, forms = dict(STATS), set(_FORMS_DONE)
    yield
    done = [[who, f"{method.upper()} {action}"] for (_c, who, method, action, _f) in set(_FORMS_DONE) - forms]
    request.node.user_properties.append(
        (
            GARBAGE_COVERAGE,
            {
                "url_patterns": len(ENDPOINTS),
                "counts": {key: STATS[key] - counts[key] for key in STATS},
                "forms": done,
            },
        )
    )


def test_the_walk_finds_pages_and_the_api():
    names = {e.name for e in ENDPOINTS}
    assert "core:home" in names
    assert "organisations:register" in names
    assert any(e.urlconf == PLATFORM_URLCONF for e in ENDPOINTS)
    every = [e for conf in (CENTRE_URLCONF,) for e in iter_endpoints(conf)]
    assert any(e.route.startswith("api/v1/") for e in every), "no /api/v1/ URL: is the API included?"


@pytest.mark.parametrize("endpoint", _params(ENDPOINTS))
def test_garbage_into_every_form(endpoint: Endpoint, world, db, request):
    report = Report()
    _garbage_page(endpoint, world, report, request.node.callspec.id)
    STATS["pages"] += report.pages
    STATS["forms"] += report.forms
    STATS["submissions"] += report.submissions
    assert not report, f"{endpoint.test_id} ({endpoint.route}): garbage input goes wrong:\n  {report.text()}"


# --- the JSON API --------------------------------------------------------------------------------------------
API_PREFIX = "/api/v1"
WRITE_METHODS = ("post", "put", "patch")
ANONYMOUS_API_PAYLOADS = {"empty_body", "invalid_json", "deeply_nested", "long_strings", "control_chars"}
PATH_GARBAGE = ["0", "-1", "99999999999999999999999", "abc", "1.5", "%00", "1%20OR%201=1"]


def _api_operations(document: dict) -> list[tuple[str, str, dict]]:
    out = []
    for path, item in document.get("paths", {}).items():
        for method, op in item.items():
            if method in WRITE_METHODS:
                out.append((path, method, op))
    return out


def _body_schema(op: dict) -> dict | None:
    content = (op.get("requestBody") or {}).get("content", {})
    for media, spec in content.items():
        if "json" in media:
            return spec.get("schema")
    return None


def test_api_garbage(world, db):
    anonymous = _client(world.centre.primary_host)
    doc_response = anonymous.get(f"{API_PREFIX}/openapi.json")
    assert doc_response.status_code == 200, f"GET {API_PREFIX}/openapi.json: {doc_response.status_code}"
    document = doc_response.json()
    components = document.get("components", {}).get("schemas", {})
    operations = _api_operations(document)
    assert operations, "the OpenAPI document lists no POST/PUT/PATCH operation"

    people = {
        "staff": _client(world.centre.primary_host),
        "org_admin": _client(world.centre.primary_host),
        "anonymous": anonymous,
    }
    headers = {
        "staff": {"HTTP_AUTHORIZATION": f"Bearer {world.api_keys['staff']}"},
        "org_admin": {"HTTP_AUTHORIZATION": f"Bearer {world.api_keys['org_admin']}"},
        "anonymous": {},
    }
    report = Report()
    baseline = Snapshot.take()
    for path, method, op in operations:
        params = re.findall(r"{(\w+)}", path)
        missing = [p for p in params if p not in API_PATH_VALUES]
        if missing:
            report.add(
                f"{method.upper()} {path}",
                "anyone",
                "unmapped path parameter",
                f"path parameter(s) {missing} have no value: add them to API_PATH_VALUES in "
                f"tests/garbage_world.py (an object of the current centre)",
            )
            continue
        real = {p: API_PATH_VALUES[p](world) for p in params}
        url = path if path.startswith(API_PREFIX) else API_PREFIX + path
        real_url = re.sub(r"{(\w+)}", lambda m: str(real[m.group(1)]), url)
        STATS["api_operations"] += 1
        where = f"{method.upper()} {real_url} ({op.get('operationId', '')})"
        for who, client in people.items():
            payloads = json_payloads(_body_schema(op), components)
            if who == "anonymous":  # refused before the body is read: a few bodies are enough
                payloads = [p for p in payloads if p.label in ANONYMOUS_API_PAYLOADS]
            for payload in payloads:
                STATS["api_submissions"] += 1
                outcome = submit(
                    client,
                    method,
                    real_url,
                    baseline,
                    data=payload.body,
                    content_type="application/json",
                    **headers[who],
                )
                for kind, detail in judge(outcome, who=who, api=True):
                    report.add(where, who, kind, detail, payload.describe())
            for bad in PATH_GARBAGE if params else []:
                bad_url = re.sub(r"{(\w+)}", bad, url)
                STATS["api_submissions"] += 1
                outcome = submit(
                    client,
                    method,
                    bad_url,
                    baseline,
                    data="{}",
                    content_type="application/json",
                    **headers[who],
                )
                for kind, detail in judge(outcome, who=who, api=True):
                    report.add(f"{method.upper()} {path}", who, kind, detail, f"[path {bad}] {bad_url}")
    assert not report, f"garbage sent to the API goes wrong:\n  {report.text()}"


def test_no_row_links_into_another_centre(world, db):
    """Each submission's stored rows are checked for links into another centre (`stored_problems`);
    this checks every row the walk ran against, both centres' worlds, the same way."""
    from centrum.core.models import CentreScopedModel, cross_centre_links

    found = [
        f"{obj._meta.label} #{obj.pk}.{name} → {related._meta.label} #{related.pk}"
        for model in apps.get_models()
        if issubclass(model, CentreScopedModel)
        for obj in model._base_manager.all()
        for name, related in cross_centre_links(obj)
    ]
    assert not found, "rows linking into another centre:\n  " + "\n  ".join(found)
