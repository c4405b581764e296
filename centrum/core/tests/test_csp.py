"""Every page is sent with a Content-Security-Policy that allows no inline script or style."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

REPO = Path(settings.BASE_DIR)


def _policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.parametrize("path", ["/", "/organizacje/", "/sale/", "/dostepnosc/", "/nie-ma-takiej-strony/"])
def test_centre_pages_send_a_strict_policy(anon, path):
    response = anon.get(path)
    policy = _policy(response)
    assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]


def test_staff_and_platform_pages_send_it_too(staff_client, client):
    assert "script-src 'self'" in staff_client.get(reverse("core:audit_log"))["Content-Security-Policy"]
    assert "script-src 'self'" in client.get("/", HTTP_HOST="localhost")["Content-Security-Policy"]


def test_api_docs_page_works_under_the_same_policy(anon):
    response = anon.get("/api/v1/docs")
    assert response.status_code == 200
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    body = response.content.decode()
    assert "<style" not in body and re.search(r"<script(?![^>]*(src=|application/json))", body) is None


def test_templates_carry_no_inline_script_style_or_handler():
    """A strict policy would block these; they belong in static files."""
    offenders = []
    pattern = re.compile(
        r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>|\sstyle=\"|<style\b|\son[a-z]+=\"|javascript:"
    )
    for template in [*REPO.glob("centrum/*/templates/**/*.html"), *REPO.glob("templates/**/*.html")]:
        # PDF sources (WeasyPrint), never served as pages: the loan agreement and core/documents/*.
        if template.name == "loan_agreement.html" or template.parent.name == "documents":
            continue
        text = template.read_text(encoding="utf-8")
        text = re.sub(r"\{#.*?#\}", "", text)  # comments may name what they avoid
        for match in pattern.finditer(text):
            offenders.append(f"{template.relative_to(REPO)}: {match.group(0)}")
    assert not offenders, "\n".join(offenders)
