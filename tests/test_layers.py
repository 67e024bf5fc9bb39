"""The layers of DESIGN.md import one way only; heavy third-party imports stay in their layer."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "edgekit"

BASE: frozenset[str] = frozenset({"errors", "endpoints", "escape", "gcpause"})
"""Base modules: stdlib only, importable from every layer (errors; the AWS host-name grammar;
escaping of untrusted text per medium; the scoped pause of the cyclic garbage collector)."""

# layer -> edgekit layers it may import (besides itself and BASE). Order follows DESIGN.md §1.
ALLOWED: dict[str, set[str]] = {
    "errors": set(),
    "endpoints": set(),
    "escape": set(),
    "gcpause": set(),
    "snapshot": {"errors", "snapshot_input"},
    "snapshot_input": {"errors"},
    "aws": {"errors"},
    "collect": {"aws", "snapshot", "errors"},
    # IaC import produces snapshots like collect, without AWS calls; collect.secrets (stdlib
    # only) digests origin custom-header values the same way the collector does.
    "iac": {"collect", "snapshot", "errors"},
    "model": {"snapshot", "errors"},
    "graph": {"model", "snapshot", "errors"},
    "rules": {"graph", "model", "snapshot", "errors"},
    "plan": {"rules", "graph", "model", "snapshot", "errors"},
    "render": {"plan", "rules", "graph", "model", "snapshot", "errors"},
    "report": {"render", "plan", "rules", "graph", "model", "snapshot", "errors"},
    "sandbox": {"aws", "errors"},
    "commands": {
        "aws",
        "collect",
        "snapshot",
        "model",
        "graph",
        "rules",
        "plan",
        "render",
        "report",
        "sandbox",
        "iac",
        "errors",
    },
    "cli": {"commands", "errors"},
}

# third-party module -> layers allowed to import it
THIRD_PARTY: dict[str, set[str]] = {
    "boto3": {"aws", "collect", "sandbox"},
    "botocore": {"aws", "collect", "sandbox", "iac"},  # iac: the service model only
    "moto": {"sandbox"},
    "diagrams": {"render"},
    "papermill": {"report"},
    "networkx": {"graph", "rules", "plan", "render", "report", "commands"},
    "pandas": {"graph", "rules", "plan", "render", "report", "commands"},
}


def _layer_of(path: Path) -> str:
    rel = path.relative_to(PKG)
    return rel.parts[0].removesuffix(".py") if rel.parts[0] != "__init__.py" else "root"


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


MODULES = sorted(p for p in PKG.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PKG)))
def test_layer_imports(path: Path) -> None:
    layer = _layer_of(path)
    for name in _imports(path):
        top = name.split(".")[0]
        if top == "edgekit":
            parts = name.split(".")
            if len(parts) == 1:
                continue  # `import edgekit` / `from edgekit import __version__`
            target = parts[1]
            if target == layer or target in BASE or layer == "root":
                continue
            assert target in ALLOWED.get(layer, set()), (
                f"{path.relative_to(PKG)} ({layer}) must not import edgekit.{target}"
            )
        elif top in THIRD_PARTY:
            assert layer in THIRD_PARTY[top], (
                f"{path.relative_to(PKG)} ({layer}) must not import {top}"
            )


@pytest.mark.parametrize("base", sorted(BASE))
def test_base_modules_import_only_the_standard_library(base: str) -> None:
    package = PKG / base
    paths = sorted(package.rglob("*.py")) if package.is_dir() else [PKG / f"{base}.py"]
    for path in paths:
        foreign = [
            n
            for n in _imports(path)
            if n.split(".")[0] not in sys.stdlib_module_names
            and not n.startswith(f"edgekit.{base}.")
        ]
        assert foreign == [], f"{path.name} is a base module (stdlib only) but imports {foreign}"


def test_import_edgekit_is_light() -> None:
    code = (
        "import sys, edgekit, edgekit.cli, edgekit.errors, edgekit.snapshot\n"
        "edgekit.cli.build_parser()\n"
        "heavy = [m for m in ('boto3', 'botocore', 'diagrams', 'papermill', 'moto') "
        "if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "", f"importing edgekit pulled in: {out}"
