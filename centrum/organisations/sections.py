"""Sections other apps add to an organisation's page for the centre's staff: its support history.

The registry knows no app that uses it: rooms and equipment register their bookings, loans and walk-in
uses from their `features.py`, as they register navigation with `centrum.core.registry`.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest

from centrum.core.registry import Rendered, module_is_active

from .models import Organisation


@dataclass(frozen=True)
class SupportSection:
    """A section of the staff view of an organisation: `template` rendered with `section` = `context(...)`."""

    key: str
    template: str
    context: Callable[[HttpRequest, Organisation], dict[str, Any]]
    order: int = 100
    module: str = ""


SUPPORT_SECTIONS: dict[str, SupportSection] = {}


def register_support_section(section: SupportSection) -> SupportSection:
    SUPPORT_SECTIONS[section.key] = section
    return section


def support_sections_for(request: HttpRequest, organisation: Organisation) -> list[Rendered]:
    settings = getattr(request, "centre_settings", None)
    sections = sorted(SUPPORT_SECTIONS.values(), key=lambda s: (s.order, s.key))
    return [
        Rendered(s.template, s.context(request, organisation))
        for s in sections
        if module_is_active(request.centre, s.module, settings=settings)
    ]
