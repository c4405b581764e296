"""Garbage for tests/test_garbage_forms.py: the POST forms of an HTML page and bad payloads built from them.

`parse_forms(html)` reads every `<form>` (POST, and GET search forms) with the standard library's html.parser
and returns what a browser would submit (the default values) plus each field's kind. `form_payloads`
turns one form into a short list of garbage submissions, a few per kind of field, so that a form added
later is covered without writing anything for it. `json_payloads` does the same for a JSON request body
described by an OpenAPI schema.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

# --- the garbage itself ------------------------------------------------------------------------------
LONG = ("Zażółć gęślą jaźń – " * 500)[:10_000]  # 10 000 characters, Polish diacritics included
CONTROL = "a\x00b\x01\x02\x07\x08\x0b\x0c\x1b[31m\x7f\u200b\u202e\ufeff\r\n\tz"
INJECTION = (
    "'; DROP TABLE organisations_organisation; -- \" OR 1=1 --"
    '<script>alert("garbage-xss")</script><img src=x onerror=alert(1)>'
    "{{ 7*7 }}{% debug %}${7*7}%s%(name)s%d ../../etc/passwd"
)
XSS_MARKER = '<script>alert("garbage-xss")</script>'  # must never come back unescaped
UNICODE = "Zażółć gęślą jaźń ŻÓŁĆ 🎉👩‍👩‍👧‍👦 𝕳𝖊𝖑𝖑𝖔 ﷽ \u0301"
HUGE_INT = "99999999999999999999999999"
INT32_OVERFLOW = "2147483648"
NEGATIVE = "-99999999999999999999"

# Values per kind of field. A kind missing from a payload's table keeps the browser's default value.
TEXT_KINDS = {"text", "textarea", "search", "password", "tel", "email", "url", "color"}
NUMBER_KINDS = {"number", "range"}
DATE_KINDS = {"date", "datetime-local", "time", "month", "week", "datetime"}
CHOICE_KINDS = {"select", "select-multiple", "radio", "checkbox"}


def _all(value: str) -> dict[str, Any]:
    kinds = TEXT_KINDS | NUMBER_KINDS | DATE_KINDS | CHOICE_KINDS
    return dict.fromkeys(kinds, value)


OTHER_CENTRE = object()  # placeholder: an id of the other centre's object of the same kind
NOT_AN_OPTION = object()  # placeholder: a value that is none of the field's options

# name -> {kind: value}; a value may be a list (the field sent several times) or a placeholder.
PAYLOADS: dict[str, dict[str, Any]] = {
    "long_strings": _all(LONG),
    "control_chars": _all(CONTROL),
    "injection": {**_all(INJECTION), "email": "x@example.org'--" + INJECTION},
    "unicode": {
        **dict.fromkeys(TEXT_KINDS, UNICODE),
        "email": "żółw@przykład.pl",
        "url": "https://zażółć.pl/ścieżka?ą=ę",
        "number": "١٢",  # Arabic-Indic digits
        "date": "٢٠٢٦-٠١-٠١",
    },
    "swapped_types": {
        **dict.fromkeys(TEXT_KINDS, "1234567890"),
        "email": "12345",
        "url": "12345",
        "number": "dwanaście",
        "range": "dużo",
        "date": "jutro",
        "time": "za kwadrans",
        "datetime-local": "wczoraj wieczorem",
        "month": "marzec",
        "week": "następny",
        "select": NOT_AN_OPTION,
        "select-multiple": NOT_AN_OPTION,
        "radio": NOT_AN_OPTION,
        "checkbox": "może",
    },
    "overflow_and_invalid_dates": {
        **dict.fromkeys(TEXT_KINDS, "-1"),
        "number": HUGE_INT,
        "range": NEGATIVE,
        "date": "2026-02-31",
        "time": "25:61",
        "datetime-local": "2026-02-31T25:61",
        "month": "2026-13",
        "week": "2026-W99",
        "select": HUGE_INT,
        "select-multiple": NEGATIVE,
        "radio": "-1",
        "checkbox": "",
    },
    "edge_values": {
        "number": [INT32_OVERFLOW],
        "range": "NaN",
        "date": "9999-12-31",
        "time": "23:59:59.999999",
        "datetime-local": "0001-01-01T00:00",
        "month": "9999-12",
        "select": "0",
        "checkbox": "0",
        "email": "a@b",
        "url": "javascript:alert(1)",
    },
    "special_numbers": {
        "number": "NaN",
        "range": "Infinity",
        "date": "0001-01-01",
        "time": "-01:00",
        "datetime-local": "9999-12-31T23:59",
        "text": "1e309",
        "select": "١٢",  # Arabic-Indic digits: int() reads them as 12
    },
    "other_centre_ids": {
        "select": OTHER_CENTRE,
        "select-multiple": OTHER_CENTRE,
        "radio": OTHER_CENTRE,
        "checkbox": OTHER_CENTRE,
    },
    "foreign_urls": {
        "text": "//evil.example.org/",
        "url": "javascript:alert(document.cookie)",
        "textarea": "http://127.0.0.1:9/\r\nSet-Cookie: x=1",
    },
    "repeated_fields": {
        **dict.fromkeys(TEXT_KINDS | NUMBER_KINDS | DATE_KINDS, ["pierwsza", "druga"]),
        "select": ["1", "2", "x"],
        "radio": ["1", "2"],
        "checkbox": ["on", "off", "1"],
    },
}
# Hidden fields are changed only by these (a person cannot type into them: this is tampering, so the
# answer must be safe, but need not explain itself).
HIDDEN_PAYLOADS: dict[str, Any] = {
    "hidden_long_control": "\x00" + LONG,
    "hidden_not_a_number": "²",  # str.isdigit() says yes, int() says no
    "hidden_overflow": HUGE_INT,
    "hidden_other_centre": OTHER_CENTRE,
    "hidden_foreign_url": "https://evil.example.org/przejmij",
}

# Sent to a POST-only URL that no page shows a form for (the page walk finds it with a 405 on GET).
BLIND_PAYLOADS = {
    "all_fields_missing": {},
    "junk_fields": {
        "next": "https://evil.example.org/przejmij",
        "id": NEGATIVE,
        "pk": "abc",
        "reason": LONG,
        "action": INJECTION,
        "scope": CONTROL,
    },
}

# With a second named submit button (e.g. "check" vs "submit"), only these payloads are sent again.
PAYLOADS_FOR_OTHER_BUTTONS = ("long_strings", "swapped_types", "overflow_and_invalid_dates")

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
# Over every upload limit of the project (the largest: the OPP list, 20 MB; logos, photos, CSV: 1–5 MB).
OVERSIZED_BYTES = 21 * 1024 * 1024


def _file_payloads(field_names: list[str]) -> dict[str, dict[str, Any]]:
    def fake_image(name):
        return SimpleUploadedFile("obraz.png", b"To nie jest obraz, tylko tekst.\n", content_type="image/png")

    def junk(name):
        body = bytes(range(256)) * 40 + "ąęść;\x00;".encode("cp1250", "replace") * 100
        return SimpleUploadedFile("../../etc/passwd\x00 zażółć.csv", body, content_type="text/csv")

    def oversized(name):
        body = PNG_MAGIC + b"\x00" * OVERSIZED_BYTES
        return SimpleUploadedFile("duzy.png", body, content_type="image/png")

    def empty_file(name):
        return SimpleUploadedFile("pusty.png", b"", content_type="image/png")

    return {
        label: {name: make(name) for name in field_names}
        for label, make in (
            ("file_fake_image", fake_image),
            ("file_binary_junk", junk),
            ("file_oversized", oversized),
            ("file_empty", empty_file),
        )
    }


# --- reading forms out of HTML -------------------------------------------------------------------------
@dataclass
class Field:
    name: str
    kind: str  # input type, "textarea", "select", "select-multiple"
    value: str = ""  # the default a browser sends (for checkbox/radio: the value when checked)
    checked: bool = False
    options: list[str] = field(default_factory=list)
    selected: list[str] = field(default_factory=list)


@dataclass
class Button:
    name: str
    value: str


@dataclass
class Form:
    action: str
    enctype: str
    fields: list[Field] = field(default_factory=list)
    buttons: list[Button] = field(default_factory=list)
    form_id: str = ""
    method: str = "post"

    def signature(self) -> tuple[str, ...]:
        return tuple(sorted({f.name for f in self.fields} | {b.name for b in self.buttons}))

    def editable(self) -> set[str]:
        """Names of the fields a person fills in (not hidden ones)."""
        return {f.name for f in self.fields if f.kind != "hidden"}

    def defaults(self) -> dict[str, list[str]]:
        """What a browser sends for the untouched form (submit button excluded)."""
        data: dict[str, list[str]] = {}
        for f in self.fields:
            if f.kind in ("checkbox", "radio"):
                if f.checked:
                    data.setdefault(f.name, []).append(f.value or "on")
            elif f.kind == "select":
                chosen = f.selected[-1:] or f.options[:1]
                data.setdefault(f.name, []).extend(chosen)
            elif f.kind == "select-multiple":
                data.setdefault(f.name, []).extend(f.selected)
            elif f.kind == "file":
                continue
            else:
                data.setdefault(f.name, []).append(f.value)
        return data


SKIPPED_INPUTS = {"submit", "button", "reset", "image"}


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: Field | None = None
        self._option: dict | None = None
        self._textarea: Field | None = None
        self._by_id: dict[str, Form] = {}
        self._orphans: list[tuple[str, Any]] = []  # inputs with form="id" outside their form

    def _target(self, attrs: dict) -> Form | None:
        owner = attrs.get("form")
        if owner:
            if owner in self._by_id:
                return self._by_id[owner]
            return None
        return self._form

    def handle_starttag(self, tag, attrs_list):
        attrs = {k: (v if v is not None else "") for k, v in attrs_list}
        if tag == "form":
            method = (attrs.get("method") or "get").lower()
            if method not in ("get", "post"):  # "dialog"
                self._form = None
                return
            self._form = Form(
                action=attrs.get("action", ""),
                enctype=attrs.get("enctype", ""),
                form_id=attrs.get("id", ""),
                method=method,
            )
            self.forms.append(self._form)
            if self._form.form_id:
                self._by_id[self._form.form_id] = self._form
            return
        if tag == "input":
            target = self._target(attrs)
            name = attrs.get("name")
            if target is None or not name or "disabled" in attrs:
                return
            kind = (attrs.get("type") or "text").lower()
            if kind in SKIPPED_INPUTS:
                if kind in ("submit", "image"):
                    target.buttons.append(Button(name, attrs.get("value", "")))
                return
            target.fields.append(
                Field(name=name, kind=kind, value=attrs.get("value", ""), checked="checked" in attrs)
            )
        elif tag == "button":
            target = self._target(attrs)
            if target is not None and attrs.get("name") and (attrs.get("type") or "submit") == "submit":
                target.buttons.append(Button(attrs["name"], attrs.get("value", "")))
        elif tag == "select":
            target = self._target(attrs)
            if target is None or not attrs.get("name") or "disabled" in attrs:
                self._select = None
                return
            kind = "select-multiple" if "multiple" in attrs else "select"
            self._select = Field(name=attrs["name"], kind=kind)
            target.fields.append(self._select)
        elif tag == "option" and self._select is not None:
            self._option = {"value": attrs.get("value"), "text": "", "selected": "selected" in attrs}
        elif tag == "textarea":
            target = self._target(attrs)
            if target is None or not attrs.get("name") or "disabled" in attrs:
                return
            self._textarea = Field(name=attrs["name"], kind="textarea")
            target.fields.append(self._textarea)

    def handle_data(self, data):
        if self._option is not None:
            self._option["text"] += data
        elif self._textarea is not None:
            self._textarea.value += data

    def _close_option(self):
        if self._option is not None and self._select is not None:
            value = self._option["value"]
            if value is None:
                value = self._option["text"].strip()
            self._select.options.append(value)
            if self._option["selected"]:
                self._select.selected.append(value)
        self._option = None

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "option":
            self._close_option()
        elif tag == "select":
            self._close_option()
            self._select = None
        elif tag == "textarea":
            if self._textarea is not None and self._textarea.value.startswith("\n"):
                self._textarea.value = self._textarea.value[1:]  # the HTML parser keeps the first newline
            self._textarea = None


def parse_forms(html: str) -> list[Form]:
    """Every <form> of the page, POST and GET (search and filter forms)."""
    parser = _FormParser()
    parser.feed(html)
    parser.close()
    return parser.forms


def parse_post_forms(html: str) -> list[Form]:
    return [f for f in parse_forms(html) if f.method == "post"]


# --- building payloads ---------------------------------------------------------------------------------
KEEP = {"csrfmiddlewaretoken"}  # sent untouched: a garbage CSRF token would only test Django's middleware


@dataclass
class Payload:
    label: str
    data: dict[str, Any]
    tampered: bool = False  # hidden fields changed: no browser sends this

    def describe(self, limit: int = 300) -> str:
        parts = []
        for key, value in self.data.items():
            if key in KEEP:
                continue
            parts.append(f"{key}={_show(value)}")
        body = ", ".join(parts)
        return f"[{self.label}] {body[:limit]}{'…' if len(body) > limit else ''}"


def _show(value: Any) -> str:
    if isinstance(value, SimpleUploadedFile):
        return f"<file {value.name!r}, {value.size} bytes, {value.content_type}>"
    if isinstance(value, list):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    text = str(value)
    if len(text) > 40:
        return f"{text[:30]!r}…({len(text)} chars)"
    return text if text.isprintable() else repr(text)


def _ints(values: list[str]) -> set[int]:
    out = set()
    for v in values:
        try:
            out.add(int(v))
        except (TypeError, ValueError):
            continue
    return out


def _resolve(value: Any, f: Field, other_ids: Any) -> Any:
    if value is NOT_AN_OPTION:
        candidates = ["nie-ma-takiej-opcji", "999999999"]
        return next(c for c in candidates if c not in f.options)
    if value is OTHER_CENTRE:
        own = _ints(f.options or [f.value])
        return str(other_ids(own))
    return value


def form_payloads(form: Form, other_ids) -> list[Payload]:
    """The garbage submissions of one form. `other_ids(own_ids) -> int` picks another centre's id
    of the same kind as the options (see garbage_world.OtherIds)."""
    base = form.defaults()
    fields_by_name: dict[str, Field] = {}
    for f in form.fields:
        fields_by_name.setdefault(f.name, f)
    files = [f.name for f in form.fields if f.kind == "file"]

    def build(label: str, table: dict[str, Any], button: Button | None) -> Payload:
        data: dict[str, Any] = {k: (v if len(v) != 1 else v[0]) for k, v in base.items()}
        for name, f in fields_by_name.items():
            if name in KEEP or f.kind == "file":
                continue
            kind = f.kind
            if kind not in table:
                continue
            value = _resolve(table[kind], f, other_ids)
            if isinstance(value, list):
                value = [_resolve(v, f, other_ids) for v in value]
            data[name] = value
        if button is not None:
            data[button.name] = button.value
        return Payload(label, data)

    buttons = form.buttons or [None]
    first = buttons[0]
    payloads: list[Payload] = []
    # 1. nothing but the CSRF token: every field missing
    empty = {k: v for k, v in base.items() if k in KEEP}
    payloads.append(Payload("all_fields_missing", {k: v[0] for k, v in empty.items()}))
    # 2. the garbage tables, with the form's first submit button
    for label, table in PAYLOADS.items():
        payloads.append(build(label, table, first))
    # 3. the same for every other named submit button, fewer tables
    for button in buttons[1:]:
        for label in PAYLOADS_FOR_OTHER_BUTTONS:
            payloads.append(build(f"{label}+{button.name}={button.value}", PAYLOADS[label], button))
    if form.method == "get":  # a search or filter: the garbage tables are enough
        return _unique(payloads)
    # 4. hidden fields tampered with, the rest as the browser fills it
    hidden = [f for f in fields_by_name.values() if f.kind == "hidden" and f.name not in KEEP]
    for label, value in HIDDEN_PAYLOADS.items() if hidden else ():
        p = build(label, {}, first)
        p.data.update({f.name: _resolve(value, f, other_ids) for f in hidden})
        p.tampered = True
        payloads.append(p)
    # 5. files: the rest of the form as the browser fills it
    if files:
        for label, uploads in _file_payloads(files).items():
            p = build(label, {}, first)
            p.data.update(uploads)
            payloads.append(p)
    return _unique(payloads)


def _key(data: dict[str, Any]) -> str:
    def norm(v):
        if isinstance(v, SimpleUploadedFile):
            return f"file:{v.name}:{v.size}"
        return v

    return json.dumps({k: norm(v) for k, v in sorted(data.items())}, default=str, sort_keys=True)


def _unique(payloads: list[Payload]) -> list[Payload]:
    seen: set[str] = set()
    out = []
    for p in payloads:
        key = _key(p.data)
        if key in seen:
            continue
        seen.add(key)
        out.append(p)
    return out


def fresh_files(payload: Payload) -> dict[str, Any]:
    """Uploaded files are read once: give every submission its own copy."""
    data = {}
    for key, value in payload.data.items():
        if isinstance(value, SimpleUploadedFile):
            value.seek(0)
            value = SimpleUploadedFile(value.name, value.read(), content_type=value.content_type)
        data[key] = value
    return data


# --- JSON bodies for the API ---------------------------------------------------------------------------
def _deref(schema: dict, components: dict) -> dict:
    seen = 0
    while isinstance(schema, dict) and "$ref" in schema and seen < 20:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = components.get(name, {})
        seen += 1
    return schema if isinstance(schema, dict) else {}


def _types(schema: dict, components: dict) -> set[str]:
    schema = _deref(schema, components)
    if "type" in schema:
        t = schema["type"]
        return set(t) if isinstance(t, list) else {t}
    out: set[str] = set()
    for key in ("anyOf", "oneOf", "allOf"):
        for sub in schema.get(key, []):
            out |= _types(sub, components)
    if "enum" in schema and not out:
        out.add("string")
    return out


def _wrong_type(types: set[str]) -> Any:
    if "string" in types:
        return {"nie": ["tekst", 1, None]}
    if "integer" in types or "number" in types:
        return "dwanaście"
    if "boolean" in types:
        return "może"
    if "array" in types:
        return "nie-lista"
    if "object" in types:
        return [1, 2, 3]
    return 12345


def _nested(depth: int) -> Any:
    value: Any = "dno"
    for i in range(depth):
        value = {"a": [value, i]} if i % 2 else [value]
    return value


@dataclass
class JsonPayload:
    label: str
    body: str  # sent as it is, content type application/json

    def describe(self, limit: int = 200) -> str:
        text = self.body if len(self.body) <= limit else f"{self.body[:limit]}…({len(self.body)} chars)"
        return f"[{self.label}] {text!r}"


def json_payloads(schema: dict | None, components: dict) -> list[JsonPayload]:
    """Garbage request bodies for an operation whose body follows `schema` (an OpenAPI schema)."""
    schema = _deref(schema or {}, components)
    props: dict[str, dict] = {}
    for part in [schema, *(_deref(s, components) for s in schema.get("allOf", []))]:
        props.update(part.get("properties", {}))
    types = {name: _types(s, components) for name, s in props.items()}

    def fill(make) -> str:
        return json.dumps({name: make(name, t) for name, t in types.items()}, ensure_ascii=False)

    def per_type(string, integer, boolean, array):
        def make(_name, t):
            if "array" in t:
                return array
            if "integer" in t or "number" in t:
                return integer
            if "boolean" in t:
                return boolean
            return string

        return fill(make)

    bodies = [
        JsonPayload("empty_body", ""),
        JsonPayload("invalid_json", "{'name': 'Zażółć', \"x\": [1, 2,"),
        JsonPayload("not_an_object", json.dumps(["lista", 1, None])),
        JsonPayload("null", "null"),
        JsonPayload("empty_object", "{}"),
        JsonPayload("deeply_nested", "[" * 5000 + "]" * 5000),
        JsonPayload("nested_junk", json.dumps({name: _nested(40) for name in props} or {"x": _nested(40)})),
        JsonPayload("wrong_types", fill(lambda _n, t: _wrong_type(t))),
        JsonPayload("nulls", fill(lambda _n, _t: None)),
        JsonPayload("long_strings", per_type(LONG, int(HUGE_INT), True, [LONG] * 3)),
        JsonPayload("control_chars", per_type(CONTROL, -1, False, [CONTROL])),
        JsonPayload("injection", per_type(INJECTION, 2**63, True, [INJECTION])),
        JsonPayload("unicode", per_type(UNICODE, 0, True, [UNICODE])),
        JsonPayload(
            "lone_surrogate",
            per_type("SURROGATE", -(2**64), False, ["SURROGATE"]).replace('"SURROGATE"', '"\\ud800"'),
        ),
        JsonPayload("numbers_as_strings", per_type("12345", "12", "true", "1,2")),
        JsonPayload("huge_numbers", per_type(1e308, 10**40, 10**40, [10**40])),
        JsonPayload(
            "extra_fields", json.dumps({"__proto__": {"x": 1}, "id": -1, "centre": 1, "centre_id": 2})
        ),
    ]
    return bodies
