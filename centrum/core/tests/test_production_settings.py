"""Production settings: https only (redirect, HSTS with its options), a Permissions-Policy, all from CENTRUM_*
variables; `check --deploy` is clean with the README's production environment, line for line."""

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings

from centrum.core.csp import permissions_policy_header

REPO = Path(settings.BASE_DIR)


def readme_production_environment() -> dict[str, str]:
    """The `sh` block of README's production section: NAME=value lines, `<…>` placeholders filled in."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Running in production") :]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    fills = {"<generated": secrets.token_urlsafe(50), "<password>": "tajne-haslo"}
    environment = {}
    for line in block.splitlines():
        name, _, value = line.strip().partition("=")
        if not name:
            continue
        if value.startswith("<generated"):
            value = fills["<generated"]
        environment[name] = value.replace("<password>", fills["<password>"])
    return environment


def _run(args: list[str], **variables) -> subprocess.CompletedProcess:
    # Only the README's variables: none of this machine's CENTRUM_* (test database, scope enforcement) nor
    # the test runner's Django switches (DJANGO_ALLOW_ASYNC_UNSAFE for the browser tests).
    base = {k: v for k, v in os.environ.items() if not k.startswith(("CENTRUM_", "DJANGO_"))}
    return subprocess.run(
        [sys.executable, *args],
        cwd=REPO,
        env={**base, **variables},
        capture_output=True,
        text=True,
        timeout=120,
    )


def _production_settings(**variables) -> dict:
    code = (
        "import django, json; django.setup(); from django.conf import settings as s; print(json.dumps({n: "
        "getattr(s, n) for n in ['SECURE_SSL_REDIRECT', 'SECURE_HSTS_SECONDS', 'SECURE_HSTS_INCLUDE_SUBDOMAINS',"
        " 'SECURE_HSTS_PRELOAD', 'PERMISSIONS_POLICY']}))"
    )
    result = _run(["-c", code], **variables)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_check_deploy_is_clean_with_the_readmes_production_variables():
    environment = readme_production_environment()
    assert environment["DJANGO_SETTINGS_MODULE"] == "config.settings.production"
    result = _run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **environment)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_https_settings_and_permissions_policy_come_from_the_environment():
    environment = readme_production_environment()
    chosen = _production_settings(**environment)
    assert chosen == {
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31536000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": True,
        "PERMISSIONS_POLICY": environment["CENTRUM_PERMISSIONS_POLICY"],
    }
    minimal = {
        k: v
        for k, v in environment.items()
        if "HSTS" not in k and k not in {"CENTRUM_SSL_REDIRECT", "CENTRUM_PERMISSIONS_POLICY"}
    }
    defaults = _production_settings(**minimal, CENTRUM_HSTS_SECONDS="300")
    assert defaults["SECURE_SSL_REDIRECT"] is True and defaults["SECURE_HSTS_SECONDS"] == 300
    assert defaults["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is False and defaults["SECURE_HSTS_PRELOAD"] is False
    assert permissions_policy_header(defaults["PERMISSIONS_POLICY"]).startswith("accelerometer=()")
    off = _production_settings(**minimal, CENTRUM_SSL_REDIRECT="false", CENTRUM_PERMISSIONS_POLICY="")
    assert off["SECURE_SSL_REDIRECT"] is False and off["PERMISSIONS_POLICY"] == ""


@pytest.mark.django_db
def test_every_response_carries_the_permissions_policy(anon, client):
    header = anon.get("/")["Permissions-Policy"]
    assert "camera=()" in header and "microphone=()" in header and "geolocation=()" in header
    assert "fullscreen=(self)" in header
    assert client.get("/", HTTP_HOST="localhost")["Permissions-Policy"] == header
    assert anon.get("/api/v1/rooms")["Permissions-Policy"] == header


def test_the_policy_is_written_as_browsers_read_it():
    assert permissions_policy_header({"camera": [], "geolocation": ["self", "https://mapy.example.pl"]}) == (
        'camera=(), geolocation=(self "https://mapy.example.pl")'
    )
    assert permissions_policy_header(" camera=() ") == "camera=()"


@pytest.mark.django_db
@override_settings(PERMISSIONS_POLICY="")
def test_an_empty_policy_sends_no_header(anon):
    assert "Permissions-Policy" not in anon.get("/")
