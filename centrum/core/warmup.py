"""What the first request of a server process would load, loaded before it: called by the server's start-up
(`config/gunicorn.py`, once in the master before the workers fork, so they share it) and by
`manage.py warm_up`. Generic: core walks the URL configuration and the template directories, it names no app."""

from __future__ import annotations

import time
from pathlib import Path

from django.conf import settings
from django.template import TemplateDoesNotExist, TemplateSyntaxError, engines
from django.urls import get_resolver
from django.utils import translation

from . import calendar


def _resolvers(urlconf: str) -> int:
    """Build the resolver and its reverse dictionaries (the first `reverse()` of a process builds them all)."""
    resolver = get_resolver(urlconf)
    count = 0
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            count = len(resolver.reverse_dict)
            for namespace in resolver.namespace_dict:
                resolver.namespace_dict[namespace][1].reverse_dict  # noqa: B018
    return count


def _template_names(engine) -> list[str]:
    names = set()
    for directory in engine.template_dirs:
        root = Path(directory)
        names.update(str(p.relative_to(root)) for p in root.rglob("*.html"))
        names.update(str(p.relative_to(root)) for p in root.rglob("*.txt"))
    return sorted(names)


def _templates() -> int:
    """Compile every template into the cached loader (production keeps compiled templates per process)."""
    count = 0
    for engine in engines.all():
        for name in _template_names(engine):
            try:
                engine.get_template(name)
            except (TemplateDoesNotExist, TemplateSyntaxError, UnicodeDecodeError):
                continue
            count += 1
    return count


def warm_up() -> dict[str, float]:
    """Load URL resolvers, templates, translations and the Polish holidays; return what took how long (s)."""
    timings: dict[str, float] = {}

    def step(label, func):
        started = time.perf_counter()
        func()
        timings[label] = round(time.perf_counter() - started, 3)

    for (
        language,
        _name,
    ) in settings.LANGUAGES:  # the gettext catalogues of every app, merged once per language
        step(f"translations:{language}", lambda language=language: translation.activate(language))
    translation.activate(settings.LANGUAGE_CODE)
    step("urls", lambda: [_resolvers(urlconf) for urlconf in _urlconfs()])
    step("templates", _templates)
    step("holidays", calendar.warm_up)
    return timings


def _urlconfs() -> list[str]:
    return list(
        dict.fromkeys([settings.ROOT_URLCONF, getattr(settings, "PLATFORM_URLCONF", settings.ROOT_URLCONF)])
    )
