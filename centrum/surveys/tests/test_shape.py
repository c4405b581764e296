"""Every room of the app imports (a module nobody imports yet still has to load)."""

import importlib

import pytest

ROOMS = [
    "admin",
    "api",
    "apps",
    "audit_labels",
    "centre_settings",
    "choices",
    "forms",
    "jobs",
    "models",
    "permissions",
    "selectors",
    "services",
    "urls",
    "views",
    "views.answering",
    "views.builder",
    "views.index",
    "views.results",
    "workflows",
    "rules",
    "results",
    "index",
    "needs",
    "questionnaires",
    "demo",
    "features",
]


@pytest.mark.parametrize("room", ROOMS)
def test_room_imports(room):
    importlib.import_module(f"centrum.surveys.{room}")
