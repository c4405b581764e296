"""The app template new apps start from (`scripts/app_template`) renders to an app that passes lint,
makes its migrations and passes its own tests (views, another centre's object → 404) inside Centrum."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "scripts" / "app_template"
NAME = "pilotapp"
ROOMS = [
    "__init__.py",
    "admin.py",
    "api.py",
    "apps.py",
    "audit_labels.py",
    "centre_settings.py",
    "choices.py",
    "forms.py",
    "jobs.py",
    "models.py",
    "permissions.py",
    "selectors.py",
    "services.py",
    "urls.py",
    "views.py",
    "migrations/__init__.py",
    f"templates/{NAME}/item_list.html",
    "tests/test_views.py",
]

# The rendered app lives outside the repository: `centrum.<name>` is found by extending the package path.
SETTINGS = f"""
import centrum

centrum.__path__.append({{centrum_dir!r}})

from config.settings.test import *  # noqa: E402,F403

INSTALLED_APPS = [*INSTALLED_APPS, "centrum.{NAME}"]  # noqa: F405
ROOT_URLCONF = "template_urls"
"""
URLS = f"""
from django.urls import include, path

from config.urls import handler403, handler404, handler500, urlpatterns as centre_urlpatterns  # noqa: F401

urlpatterns = [path("{NAME}/", include("centrum.{NAME}.urls")), *centre_urlpatterns]
"""


@pytest.fixture
def rendered(tmp_path) -> Path:
    target = tmp_path / "centrum" / NAME
    target.mkdir(parents=True)
    call_command("startapp", NAME, str(target), template=str(TEMPLATE), verbosity=0)
    return target


def test_template_renders_every_room_without_leftover_placeholders(rendered):
    for room in ROOMS:
        assert (rendered / room).is_file(), room
    for path in rendered.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "{{" not in text and "{%" not in text, path
        assert "app_name" not in text.replace("app_name =", ""), path
    assert 'app_name = "pilotapp"' in (rendered / "urls.py").read_text(encoding="utf-8")


def _run(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)]),
        "DJANGO_SETTINGS_MODULE": "template_settings",
    }
    env.pop("CENTRUM_DATABASE_URL", None)  # the run below uses its own SQLite database
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


def test_rendered_app_passes_lint_and_its_own_tests(rendered, tmp_path):
    if os.environ.get("CENTRUM_DATABASE_URL"):
        # The rendered app's tests run on their own SQLite database whatever the stage: the SQLite stage
        # runs this check, and running the same thing again in the PostgreSQL stage only costs a minute.
        pytest.skip("the same SQLite run as in the SQLite stage")
    ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    config = str(ROOT / "pyproject.toml")
    lint = subprocess.run([ruff, "check", "--config", config, str(rendered)], capture_output=True, text=True)
    assert lint.returncode == 0, lint.stdout + lint.stderr
    fmt = subprocess.run(
        [ruff, "format", "--check", "--config", config, str(rendered)], capture_output=True, text=True
    )
    assert fmt.returncode == 0, fmt.stdout + fmt.stderr

    (tmp_path / "template_settings.py").write_text(
        SETTINGS.format(centrum_dir=str(tmp_path / "centrum")), encoding="utf-8"
    )
    (tmp_path / "template_urls.py").write_text(URLS, encoding="utf-8")
    # Test modules import as centrum.<name>.tests.*, and see the repository's shared fixtures.
    (tmp_path / "centrum" / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "centrum" / "conftest.py").write_text(
        "from conftest import *  # noqa: F403\nfrom conftest import _platform_scope_for_test_bodies  # noqa: F401\n",
        encoding="utf-8",
    )
    migrations = _run([sys.executable, "manage.py", "makemigrations", NAME, "-v", "0"], tmp_path)
    assert migrations.returncode == 0, migrations.stdout + migrations.stderr
    assert (rendered / "migrations" / "0001_initial.py").is_file()

    tests = _run(
        [
            sys.executable,
            "-m",
            "pytest",
            str(rendered / "tests"),
            "-q",
            "-p",
            "no:xdist",
            "--rootdir",
            str(ROOT),
            "-c",
            str(ROOT / "pyproject.toml"),
            "--ds",
            "template_settings",
        ],
        tmp_path,
    )
    assert tests.returncode == 0, tests.stdout[-4000:] + tests.stderr[-2000:]
    assert " passed" in tests.stdout
