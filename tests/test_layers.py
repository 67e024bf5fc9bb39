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
    # house patterns (issue 17): analysis over graph, model and the check helpers; the fix
    # snippets use the planner's literal encoders.
    "conform": {"plan", "rules", "graph", "model", "snapshot", "errors"},
    "render": {"conform", "plan", "rules", "graph", "model", "snapshot", "errors"},
    "report": {"render", "conform", "plan", "rules", "graph", "model", "snapshot", "errors"},
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
        "conform",
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
    "networkx": {"graph", "rules", "conform", "plan", "render", "report", "commands"},
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


def _module_name(path: Path) -> str:
    rel = path.relative_to(PKG.parent).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


def _edgekit_imports(path: Path) -> set[str]:
    """Modules of edgekit that ``path`` imports anywhere: top level, in functions, and under
    ``if TYPE_CHECKING:`` (a cycle through type hints is still a cycle of meaning)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _module_name(path) if path.name == "__init__.py" else _module_name(path.parent)
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                out.add(sub if sub in KNOWN_MODULES else base)
    return {m for m in out if m in KNOWN_MODULES}


KNOWN_MODULES: frozenset[str] = frozenset(_module_name(p) for p in MODULES)

KNOWN_CYCLES: list[list[str]] = []
"""Cycles that exist and are yet to be removed (none since issue 14): the test fails on any
other cycle, and on a listed one that is gone (so that this list only shrinks)."""


def test_no_import_cycles_inside_a_package() -> None:
    """No module of a package imports, directly or through others of that package, itself.

    Edges are the explicit imports between edgekit modules of the same layer (DESIGN.md §1),
    TYPE_CHECKING and function-local imports included; across layers tests above already force
    one direction. A cycle is reported as the modules on it."""
    import networkx as nx

    graph = nx.DiGraph()
    for path in MODULES:
        source = _module_name(path)
        layer = _layer_of(path)
        for target in _edgekit_imports(path):
            if target != source and target.split(".")[1:2] == [layer]:
                graph.add_edge(source, target)
    cycles = sorted(sorted(c) for c in nx.strongly_connected_components(graph) if len(c) > 1)
    assert cycles == sorted(KNOWN_CYCLES), f"import cycles: {cycles}"
