"""Apps keep the shape docs/DEVELOPMENT.md describes: rooms, not sub-features spelled in file names.

`views_data.py` or `opp_services.py` hide a sub-feature from a reader who looks for the room first; a room
that serves several sub-features becomes a package (`views/data.py`, `services/opp.py`).
"""

import re
from pathlib import Path

CENTRUM = Path(__file__).resolve().parent.parent / "centrum"
ROOMS = "views|forms|urls|services|selectors|models|permissions|admin|api"
SUFFIXED = re.compile(rf"^(({ROOMS})_\w+|\w+_({ROOMS}))\.py$")


def _apps() -> list[Path]:
    return sorted(path.parent for path in CENTRUM.glob("*/apps.py"))


def test_no_sub_feature_is_spelled_in_a_file_name():
    offenders = []
    for app in _apps():
        for path in app.rglob("*.py"):
            relative = path.relative_to(app)
            if relative.parts[0] in {"migrations", "tests", "templatetags", "management"}:
                continue
            name = str(path.relative_to(CENTRUM))
            if SUFFIXED.match(path.name):
                offenders.append(name)
    assert offenders == [], "make the room a package, one module per sub-feature: " + ", ".join(offenders)


def test_feature_apps_keep_their_api_router_beside_them():
    routers = CENTRUM / "api" / "routers"
    for app in ("organisations", "spaces", "grants", "programmes"):
        # a room, or a package of sub-feature routers
        assert (CENTRUM / app / "api.py").is_file() or (CENTRUM / app / "api" / "__init__.py").is_file(), app
        assert not (routers / f"{app}.py").exists()
