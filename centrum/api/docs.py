"""The API reference at /api/v1/docs: plain, server-rendered HTML built from the OpenAPI document.

No JavaScript UI: every endpoint with its parameters, request body and answers as headings, lists and
tables that a keyboard, a screen reader and a 360 px phone read like any other page of the site (it
extends base.html, so it follows the display settings and the Content-Security-Policy). The raw
document stays linked for generating clients.
"""

from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from ninja.openapi.docs import DocsBase

HTTP_METHODS = ("get", "post", "put", "patch", "delete")


@dataclass
class Field:
    name: str
    type: str
    required: bool
    description: str = ""
    rules: str = ""
    location: str = ""


@dataclass
class Body:
    name: str
    fields: list[Field] = field(default_factory=list)


@dataclass
class Answer:
    status: str
    description: str
    body: str = ""


@dataclass
class Operation:
    method: str
    path: str
    summary: str
    description: str
    public: bool
    anchor: str
    parameters: list[Field] = field(default_factory=list)
    request: Body | None = None
    answers: list[Answer] = field(default_factory=list)


@dataclass
class Group:
    tag: str
    operations: list[Operation] = field(default_factory=list)


def _ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def type_label(schema: dict[str, Any]) -> str:
    """A short type a person reads: `string (date)`, `array of AreaOut`, `integer | null`."""
    if "$ref" in schema:
        return _ref_name(schema["$ref"])
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return " | ".join(type_label(option) for option in schema[key])
    if "allOf" in schema and len(schema["allOf"]) == 1:
        return type_label(schema["allOf"][0])
    kind = schema.get("type", "")
    if kind == "array":
        return f"array of {type_label(schema.get('items', {}))}"
    if schema.get("format"):
        return f"{kind} ({schema['format']})"
    return kind or "any"


RULE_KEYS = (
    ("enum", "one of"),
    ("minimum", "≥"),
    ("maximum", "≤"),
    ("exclusiveMinimum", ">"),
    ("exclusiveMaximum", "<"),
    ("minLength", "min. length"),
    ("maxLength", "max. length"),
    ("pattern", "pattern"),
    ("minItems", "min. items"),
    ("maxItems", "max. items"),
    ("default", "default"),
)


def rules_of(schema: dict[str, Any]) -> str:
    options = [schema] + list(schema.get("anyOf", []))
    out = []
    for option in options:
        for key, label in RULE_KEYS:
            if key in option:
                value = option[key]
                if isinstance(value, list):
                    value = ", ".join(str(v) for v in value)
                out.append(f"{label} {value}")
    return "; ".join(dict.fromkeys(out))


def _body(schema: dict[str, Any], components: dict[str, Any]) -> Body:
    name = type_label(schema)
    if "$ref" in schema:
        schema = components.get(_ref_name(schema["$ref"]), {})
    required = set(schema.get("required", []))
    fields = [
        Field(
            name=prop,
            type=type_label(spec),
            required=prop in required,
            description=spec.get("description", ""),
            rules=rules_of(spec),
        )
        for prop, spec in schema.get("properties", {}).items()
    ]
    return Body(name=name, fields=fields)


def _json_schema(content: dict[str, Any]) -> dict[str, Any] | None:
    for media_type in ("application/json", "multipart/form-data", "application/x-www-form-urlencoded"):
        if media_type in content:
            return content[media_type].get("schema", {})
    return None


def reference(schema: dict[str, Any]) -> list[Group]:
    """The OpenAPI document as groups of operations (by their first tag, in the document's order)."""
    components = schema.get("components", {}).get("schemas", {})
    groups: dict[str, Group] = {}
    for path, operations in schema.get("paths", {}).items():
        for method in HTTP_METHODS:
            operation = operations.get(method)
            if not operation:
                continue
            tag = (operation.get("tags") or ["api"])[0]
            item = Operation(
                method=method.upper(),
                path=path,
                summary=operation.get("summary", ""),
                description=operation.get("description", ""),
                public={} in operation.get("security", [{}]),
                anchor=operation.get("operationId") or f"{method}-{path}",
            )
            for parameter in operation.get("parameters", []):
                spec = parameter.get("schema", {})
                item.parameters.append(
                    Field(
                        name=parameter["name"],
                        type=type_label(spec),
                        required=bool(parameter.get("required")),
                        description=parameter.get("description", spec.get("description", "")),
                        rules=rules_of(spec),
                        location=parameter.get("in", ""),
                    )
                )
            body = operation.get("requestBody")
            if body:
                body_schema = _json_schema(body.get("content", {}))
                if body_schema is not None:
                    item.request = _body(body_schema, components)
            for status, answer in operation.get("responses", {}).items():
                answer_schema = _json_schema(answer.get("content", {}) or {})
                item.answers.append(
                    Answer(
                        status=str(status),
                        description=answer.get("description", ""),
                        body=type_label(answer_schema) if answer_schema else "",
                    )
                )
            groups.setdefault(tag, Group(tag=tag)).operations.append(item)
    return list(groups.values())


class AccessibleDocs(DocsBase):
    template = "api/docs.html"

    def render_page(self, request: HttpRequest, api, **kwargs: Any) -> HttpResponse:
        schema = api.get_openapi_schema(path_params=kwargs)
        context = {
            "api": api,
            "info": schema.get("info", {}),
            "openapi_url": self.get_openapi_url(api, kwargs),
            "groups": reference(schema),
        }
        return render(request, self.template, context)
