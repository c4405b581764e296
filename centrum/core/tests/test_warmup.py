"""Start-up: the Polish holidays load without the other ~250 countries; the warm-up loads what a first request
would; the gunicorn settings preload the application."""

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from centrum.core import calendar

ROOT = Path(__file__).resolve().parents[3]


def test_polish_holidays_load_only_poland():
    code = (
        "import sys, datetime\n"
        "from centrum.core import calendar\n"
        "assert calendar.public_holiday_name(datetime.date(2026, 6, 4)) == 'Dzień Bożego Ciała'\n"
        "loaded = [m for m in sys.modules if m.startswith('holidays.countries')]\n"
        "print(len(loaded))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True, timeout=120
    )
    assert out.stdout.strip() == "0", "the room week page would load every country of `holidays`"


def test_the_holidays_are_the_same_as_the_librarys():
    import holidays

    for year in (2025, 2026, 2027):
        assert calendar._polish_holidays(year) == dict(
            holidays.country_holidays("PL", years=year, language="pl")
        )
    assert calendar.is_public_holiday(date(2026, 12, 24))  # Wigilia, a holiday since 2025
    assert not calendar.is_public_holiday(date(2024, 12, 24))


def test_warm_up_compiles_templates_and_builds_the_url_resolver(db):
    from django.template import engines
    from django.urls import get_resolver

    from centrum.core.warmup import warm_up

    timings = warm_up()
    assert {"urls", "templates", "holidays"} <= set(timings)
    assert get_resolver()._populated
    engine = engines["django"].engine
    (cached,) = [loader for loader in engine.template_loaders if hasattr(loader, "get_template_cache")]
    assert "base.html" in cached.get_template_cache


def test_gunicorn_settings_preload_and_count_workers(monkeypatch):
    import importlib.util

    monkeypatch.setenv("CENTRUM_WORKERS", "3")
    spec = importlib.util.spec_from_file_location("gunicorn_settings", ROOT / "config" / "gunicorn.py")
    settings = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(settings)
    assert settings.preload_app is True
    assert settings.workers == 3
    assert settings.wsgi_app == "config.wsgi:application"
    assert callable(settings.when_ready)
    monkeypatch.delenv("CENTRUM_WORKERS")
    spec.loader.exec_module(settings)
    assert settings.workers == 2 * os.cpu_count() + 1
