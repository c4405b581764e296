"""The OpenAPI document and the offline documentation page."""

import json
import re

from centrum.api.api import api
from centrum.api.tests.conftest import API

EXPECTED = {
    "/api/v1/organisations": {"get", "post"},
    "/api/v1/organisations/{organisation_id}": {"get", "patch"},
    "/api/v1/organisations/{organisation_id}/status": {"post"},
    "/api/v1/me": {"get"},
    "/api/v1/areas": {"get"},
    "/api/v1/districts": {"get"},
}


def test_openapi_document_lists_every_path(anon):
    response = anon.get(f"{API}/openapi.json")
    assert response.status_code == 200
    schema = json.loads(response.content)
    assert schema["info"]["title"] == "Centrum API" and schema["info"]["version"] == "1"
    assert "organizacji" in schema["info"]["description"] and "organisations" in schema["info"]["description"]
    for path, methods in EXPECTED.items():
        assert methods <= set(schema["paths"][path]), path
    assert set(schema["components"]["securitySchemes"]) == {"BearerTokenAuth", "SessionAuth"}
    directory = schema["paths"]["/api/v1/organisations"]["get"]
    assert {} in directory["security"]
    assert {} not in schema["paths"]["/api/v1/organisations"]["post"]["security"]


def test_openapi_schema_generates_without_errors():
    schema = api.get_openapi_schema()
    json.dumps(schema)
    for path, operations in schema["paths"].items():
        for operation in operations.values():
            assert operation.get("summary"), path
            assert {str(code) for code in operation["responses"]} & {"200", "201"}, path


def test_docs_page_works_offline(anon):
    response = anon.get(f"{API}/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="pl"' in html
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources
    for source in sources:
        if source.startswith(("http://", "https://")):
            assert "/api/" not in source, source
    assert all(src.startswith("/static/") for src in re.findall(r'<script[^>]*src="([^"]+)"', html))
    assert "/api/v1/organisations/{organisation_id}/status" in html


def test_docs_page_is_a_server_rendered_reference(anon):
    """Every operation of the OpenAPI document, as plain HTML on the site's own page (no Swagger UI: its
    colours and nested controls failed axe), with the raw document linked."""
    html = anon.get(f"{API}/docs").content.decode()
    schema = api.get_openapi_schema()
    assert f'href="{API}/openapi.json"' in html
    assert 'id="main"' in html and html.count("<h1") == 1
    assert "swagger" not in html.lower()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "inline script"
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            assert f"<code>{method.upper()} {path}</code>" in html, (method, path)
            assert f'id="{operation["operationId"]}"' in html
    # parameters and body fields with their rules, answers with their status
    assert "wymagane" in html and "422" in html


def test_docs_page_in_english(anon):
    html = anon.get(f"{API}/docs", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="en"' in html and "List of endpoints" in html


def test_json_is_utf8_without_escapes(anon, organisation):
    organisation.city = "Łódź"
    organisation.save()
    response = anon.get(f"{API}/organisations/{organisation.pk}")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "Łódź" in response.content.decode("utf-8")
