"""History tables show readable labels of audit action codes, registered by each app."""

import re
from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils import translation

from centrum.core.audit import (
    ACTION_ENUMS,
    ACTION_LABELS,
    AuditAction,
    UndeclaredAuditAction,
    action_label,
    audit_actions,
    audit_log,
)

CENTRUM = Path(__file__).resolve().parents[2]


def render(code: str) -> str:
    return Template("{% load centrum %}{{ code|action_label }}").render(Context({"code": code}))


@pytest.mark.parametrize(
    ("code", "label"),
    [
        ("loan.requested", "Złożono wniosek o wypożyczenie"),
        ("booking.approve", "Zatwierdzono rezerwację"),
        ("organisation.verify", "Zweryfikowano organizację"),
        ("membership_invitation.accepted", "Przyjęto zaproszenie do organizacji"),
        ("centre.settings_updated", "Zmieniono ustawienia centrum"),
    ],
)
def test_apps_register_labels_of_their_actions(code, label):
    with translation.override("pl"):
        assert render(code) == label


def test_an_unknown_code_is_shown_as_it_is():
    assert render("something.new") == "something.new"
    assert render(None) == ""


def test_an_app_declares_codes_as_an_enum_with_labels():
    @audit_actions
    class TestAudit(AuditAction):
        DONE = "test.done", "Zrobione"

    try:
        assert action_label("test.done") == "Zrobione"
        assert action_label(TestAudit.DONE) == "Zrobione"
    finally:
        ACTION_LABELS.pop("test.done")
        ACTION_ENUMS.remove(TestAudit)


def test_every_app_declares_its_codes():
    modules = {enum.__module__ for enum in ACTION_ENUMS}
    assert {
        f"centrum.{app}.audit_labels" for app in ("core", "accounts", "organisations", "spaces")
    } <= modules
    assert all(str(member.label) != member.value for enum in ACTION_ENUMS for member in enum)


@pytest.mark.django_db
def test_audit_log_refuses_an_undeclared_code(centre):
    with pytest.raises(UndeclaredAuditAction):
        audit_log(actor=None, obj=centre, action="centre.exploded")


def test_every_literal_action_code_has_a_label():
    codes = set()
    for path in CENTRUM.glob("*/**/*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        codes |= set(re.findall(r'\baction="([a-z_]+\.[a-z_]+)"', path.read_text(encoding="utf-8")))
    assert codes
    assert sorted(codes - set(ACTION_LABELS)) == []
