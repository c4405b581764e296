"""Core imports no feature app: apps contribute through the registries, and core's code never names them."""

import ast
import re
from pathlib import Path

import centrum.core

CORE = Path(centrum.core.__file__).parent


def _imported_modules(tree: ast.AST, package: str) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the module's own package
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1])
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            found.append((node.lineno, module))
            found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in {
            "import_module",
            "__import__",
        }:
            found += [(node.lineno, arg.value) for arg in node.args if isinstance(arg, ast.Constant)]
    return found


def _feature_imports() -> list[str]:
    offences = []
    for path in sorted(CORE.rglob("*.py")):
        relative = path.relative_to(CORE)
        if relative.parts[0] == "tests":
            continue
        package = ".".join(("centrum", "core", *relative.parts[:-1]))
        for line, module in _imported_modules(ast.parse(path.read_text(), str(path)), package):
            parts = str(module).split(".")
            if parts[0] == "centrum" and len(parts) > 1 and parts[1] != "core":
                offences.append(f"centrum/core/{relative}:{line} imports {module}")
    return offences


def test_core_imports_no_feature_app():
    assert _feature_imports() == []


def test_the_check_sees_every_kind_of_import():
    source = (
        "import centrum.spaces\n"
        "from centrum.accounts.models import User\n"
        "from centrum import organisations\n"
        "from ... import api\n"
        "importlib.import_module('centrum.grants.demo')\n"
        "from centrum.core.models import Centre\n"
        "from .models import Centre\n"
    )
    modules = [m for _, m in _imported_modules(ast.parse(source), "centrum.core.demo")]
    features = {m for m in modules if m.split(".")[0] == "centrum" and m.split(".")[1:2] != ["core"]}
    assert {"centrum.spaces", "centrum.accounts.models", "centrum.organisations", "centrum.api"} <= features
    assert "centrum.grants.demo" in features
    assert "centrum.core.models" in modules and "centrum.core.demo.models" in modules


def test_core_templates_name_no_feature_page():
    """Core's templates link only core's, the platform's and Django admin's pages (and allauth's `account_*`)."""
    url_tag = re.compile(r"""\{%\s*url\s+['"]([\w:]+)['"]""")
    offences = []
    for path in sorted((CORE / "templates").rglob("*.html")):
        for name in url_tag.findall(path.read_text()):
            if ":" in name and name.split(":")[0] not in {"core", "platform", "admin"}:
                offences.append(f"{path.relative_to(CORE)}: {name}")
    assert offences == []
