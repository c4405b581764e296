"""History tables show readable labels of audit action codes, registered by each app."""

import re
from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils import translation

from centrum.core.audit import ACTION_LABELS, action_label, register_action_labels

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


def test_register_action_labels_adds_to_the_registry():
    register_action_labels({"test.done": "Zrobione"})
    try:
        assert action_label("test.done") == "Zrobione"
    finally:
        ACTION_LABELS.pop("test.done")


def test_every_literal_action_code_has_a_label():
    codes = set()
    for path in CENTRUM.glob("*/**/*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        codes |= set(re.findall(r'\baction="([a-z_]+\.[a-z_]+)"', path.read_text(encoding="utf-8")))
    assert codes
    assert sorted(codes - set(ACTION_LABELS)) == []
