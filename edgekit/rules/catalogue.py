"""The shipped catalogue: every check module under :mod:`edgekit.rules.checks`, validated.

Check modules are discovered (one module per area or sub-area), so adding a module needs no
edit here. The registry is ordered by the area order of CHECKS.md, then by module and
declaration order.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from edgekit.rules import checks
from edgekit.rules.registry import Registry, build

AREA_ORDER: tuple[str, ...] = (
    "cloudfront",
    "cache",
    "waf",
    "lb",
    "origin",
    "tls",
    "dns",
    "apigw",
    "shield",
    "redundancy",
)


@cache
def load() -> Registry:
    """The validated registry of every shipped check (built once per process; immutable)."""
    modules = [
        importlib.import_module(f"{checks.__name__}.{m.name}")
        for m in sorted(pkgutil.iter_modules(checks.__path__), key=lambda m: m.name)
        if not m.name.startswith("_")
    ]
    registry = build(modules)

    def order(c: object) -> int:
        area = c.meta.area  # type: ignore[attr-defined]
        return AREA_ORDER.index(area) if area in AREA_ORDER else len(AREA_ORDER)

    return Registry(tuple(sorted(registry.checks, key=order)))
