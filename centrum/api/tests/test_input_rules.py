"""The OpenAPI document states the input rules the API enforces, for every request body of every router.

Walks the registered operations (not a list written here, so a router added later is covered): each body
field is probed with values a client might send (true for a number, too long, too short, out of range, a
date far away, not an e-mail, a huge list, nothing at all). Whatever the API refuses must be stated in the
document (minimum/maximum, maxLength/minLength, pattern/format/enum, the date window, required), so a
client generated from it does not send it; and a stated bound holds (its edge is accepted, one past refused).
"""

import json

import pytest
from pydantic import BaseModel, ValidationError

from centrum.api.api import api
from centrum.api.tests.conftest import API, send
from centrum.spaces.dates import allowed_range


def body_schemas() -> list[type[BaseModel]]:
    """The payload schema of every operation that takes a JSON body."""
    found = {}
    for _prefix, router in api._routers:
        for path_view in router.path_operations.values():
            for operation in path_view.operations:
                for model in operation.models:
                    if model.__ninja_param_source__ != "body":
                        continue
                    for field in model.model_fields.values():
                        if isinstance(field.annotation, type) and issubclass(field.annotation, BaseModel):
                            found[field.annotation.__qualname__] = field.annotation
    return sorted(found.values(), key=lambda m: m.__qualname__)


def _resolve(schema: dict, defs: dict) -> dict:
    while "$ref" in schema:
        schema = {**defs[schema["$ref"].split("/")[-1]], **{k: v for k, v in schema.items() if k != "$ref"}}
    variants = [s for s in schema.get("anyOf", []) if s.get("type") != "null"]
    if len(variants) == 1:
        schema = {**_resolve(variants[0], defs), **{k: v for k, v in schema.items() if k != "anyOf"}}
    return schema


def leaves(model: type[BaseModel]):
    """(path, field schema) of every field, into nested objects and lists of objects."""
    root = model.model_json_schema()
    defs = root.get("$defs", {})

    def walk(schema, path):
        schema = _resolve(schema, defs)
        for name, prop in schema.get("properties", {}).items():
            prop = _resolve(prop, defs)
            yield (*path, name), prop
            if prop.get("type") == "object":
                yield from walk(prop, (*path, name))
            if prop.get("type") == "array" and _resolve(prop.get("items", {}), defs).get("type") == "object":
                yield from walk(prop["items"], (*path, name, 0))

    yield from walk(root, ())


def _nest(path: tuple, value):
    for part in reversed(path):
        value = [value] if isinstance(part, int) else {part: value}
    return value


def refused(model: type[BaseModel], path: tuple, value) -> bool:
    """Does the schema refuse `value` at `path` (whatever it says about the other, missing fields)?"""
    try:
        model.model_validate(_nest(path, value))
    except ValidationError as exc:
        return any(tuple(e["loc"][: len(path)]) == path for e in exc.errors())
    return False


CASES = [
    pytest.param(model, path, prop, id=f"{model.__qualname__}.{'.'.join(map(str, path))}")
    for model in body_schemas()
    for path, prop in leaves(model)
]


def test_the_walk_finds_the_bodies_and_their_fields():
    names = {m.__qualname__ for m in body_schemas()}
    assert {"BookingIn", "CancelIn", "RejectIn", "OrganisationCreateIn", "OrganisationTransitionIn"} <= names
    paths = {(c.values[0].__qualname__, c.values[1]) for c in CASES}
    assert ("BookingIn", ("equipment", 0, "quantity")) in paths


@pytest.mark.parametrize(("model", "path", "prop"), CASES)
def test_every_refusal_of_a_body_field_is_stated_in_the_document(model, path, prop):
    kind = prop.get("type")
    if kind == "integer":
        assert refused(model, path, True) and refused(model, path, False), "true/false read as a number"
        assert "minimum" in prop and "maximum" in prop, "a whole number states its range"
        assert refused(model, path, prop["minimum"] - 1) and refused(model, path, prop["maximum"] + 1)
        assert not refused(model, path, prop["minimum"]) and not refused(model, path, prop["maximum"])
    elif kind == "string" and prop.get("format") in {"date", "date-time"}:
        first, last = allowed_range()
        far = {
            "date": ["9999-12-31", "0001-01-01"],
            "date-time": ["9999-12-31T10:00:00", "0001-01-02T10:00:00"],
        }
        if any(refused(model, path, value) for value in far[prop["format"]]):
            assert prop.get("formatMinimum", "").startswith(first.isoformat()), prop
            assert prop.get("formatMaximum", "").startswith(last.isoformat()), prop
    elif kind == "string":
        assert "maxLength" in prop or "enum" in prop or "const" in prop, "a text states its length"
        if "maxLength" in prop:
            assert refused(model, path, "a" * (prop["maxLength"] + 1))
        stated_shape = {"enum", "const", "pattern", "format"} & set(prop)
        for odd in ["nie-e-mail @@", "12x", "zzz", "ftp://x"]:
            if len(odd) <= prop.get("maxLength", 10**6) and refused(model, path, odd):
                assert stated_shape, f"{odd!r} is refused but the document states no pattern, format or enum"
        if refused(model, path, ""):
            assert prop.get("minLength", 0) >= 1 or stated_shape, "an empty text is refused: say so"
    elif kind == "array":
        if refused(model, path, ["1"] * 100_000):
            assert "maxItems" in prop
    elif kind == "boolean":
        assert refused(model, path, "tak")


@pytest.mark.parametrize("model", body_schemas(), ids=lambda m: m.__qualname__)
def test_a_missing_field_is_refused_only_if_the_document_requires_it(model):
    schema = model.model_json_schema()
    try:
        model.model_validate({})
        missing = set()
    except ValidationError as exc:
        missing = {e["loc"][0] for e in exc.errors() if e["type"] == "missing"}
    assert missing == set(schema.get("required", [])), schema.get("required")


def _openapi(client) -> dict:
    return json.loads(client.get(f"{API}/openapi.json").content)


def _component(document: dict, name: str) -> dict:
    return document["components"]["schemas"][name]


def test_the_document_states_the_rules_the_services_apply(anon, district):
    document = _openapi(anon)
    booking = _component(document, "BookingIn")
    first, last = allowed_range()
    assert booking["properties"]["starts_at"]["formatMinimum"].startswith(first.isoformat())
    assert booking["properties"]["starts_at"]["formatMaximum"].startswith(last.isoformat())
    assert booking["properties"]["contact_email"]["format"] == "email"
    rules = {json.dumps(rule["if"], sort_keys=True): rule["then"] for rule in booking["allOf"]}
    assert any("purpose" in then.get("required", []) for then in rules.values())
    assert any("attendees" in then.get("required", []) for then in rules.values())
    assert any("organisation_id" in then.get("required", []) for then in rules.values())
    transition = _component(document, "OrganisationTransitionIn")
    (reason_rule,) = transition["allOf"]
    assert set(reason_rule["if"]["properties"]["action"]["enum"]) == {"reject", "suspend", "remove"}
    assert reason_rule["then"]["required"] == ["reason"]
    assert _component(document, "RejectIn")["properties"]["reason"]["minLength"] == 1
    create = _component(document, "OrganisationCreateIn")["properties"]
    assert "14" in create["areas"]["items"]["enum"] and create["email"]["format"] == "email"
    # The centre's own districts: a client picks one of them (GET /districts), no other id.
    assert create["district"]["enum"] == [district.pk, None]
    assert create["nip"]["pattern"] and create["krs"]["pattern"] and create["postal_code"]["pattern"]


@pytest.mark.django_db
def test_attendees_true_is_refused_not_read_as_one(client_for, centre, org_admin, organisation):
    from centrum.spaces.models import Booking
    from centrum.spaces.tests.factories import RoomFactory
    from centrum.spaces.tests.test_api import _payload

    body = {**_payload(RoomFactory(centre=centre), organisation), "attendees": True}
    client = client_for(centre, org_admin)
    response = send(client, "post", "/rooms/bookings", body)
    assert response.status_code == 422 and response.json()["field"] == "attendees"
    response = send(
        client, "post", "/rooms/bookings", {**body, "attendees": 10, "contact_email": "nie-adres"}
    )
    assert response.status_code == 422 and response.json()["field"] == "contact_email"
    assert not Booking.objects.exists()
    assert send(client, "post", "/rooms/bookings", {**body, "attendees": 10}).status_code == 201
