"""Declaring checks and collecting them into a validated registry.

``@check(...)`` only attaches metadata to the function (no global state). :func:`build` scans
modules for decorated functions and rejects duplicate ids, an id whose last segment differs from
the function name, a missing docstring, and an unknown severity.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from edgekit.rules.finding import Severity
from edgekit.rules.select import glob_matches, matching_ids

CheckFn = Callable[[Any, Any], Any]
"""``fn(resource, ctx) -> None | Fail | Unknown | Iterable[Fail | Unknown]``."""

ATTR = "__edgekit_check__"


@dataclass(frozen=True)
class CheckMeta:
    """A check's declaration (the catalogue row) plus its long description (docstring)."""

    id: str
    title: str
    severity: Severity
    category: str
    applies_to: str
    remediation: str
    references: tuple[str, ...]
    description: str

    @property
    def area(self) -> str:
        """The id's first segment (``cloudfront``, ``waf`` ...)."""
        return self.id.split(".", 1)[0]


@dataclass(frozen=True)
class Check:
    """A registered check: metadata and the function evaluating one resource."""

    meta: CheckMeta
    fn: CheckFn


class RegistryError(ValueError):
    """A check declaration is invalid (duplicate id, name mismatch, no docstring ...)."""


def check(
    id: str,
    *,
    title: str,
    severity: str,
    category: str,
    applies_to: str,
    remediation: str,
    references: Sequence[str] = (),
) -> Callable[[CheckFn], CheckFn]:
    """Declare a check. The function's docstring is its long description."""

    def decorate(fn: CheckFn) -> CheckFn:
        try:
            sev = Severity.parse(severity)
        except ValueError as err:
            raise RegistryError(f"{id}: {err}") from None
        meta = CheckMeta(
            id=id,
            title=title,
            severity=sev,
            category=category,
            applies_to=applies_to,
            remediation=remediation,
            references=tuple(references),
            description=inspect.cleandoc(fn.__doc__ or ""),
        )
        setattr(fn, ATTR, meta)
        return fn

    return decorate


@dataclass(frozen=True)
class Registry:
    """An immutable, validated set of checks, in catalogue order (area, then declaration)."""

    checks: tuple[Check, ...]

    def __iter__(self) -> Any:
        return iter(self.checks)

    def __len__(self) -> int:
        return len(self.checks)

    def get(self, check_id: str) -> Check:
        """The check with that id; KeyError otherwise."""
        for c in self.checks:
            if c.meta.id == check_id:
                return c
        raise KeyError(check_id)

    def ids(self) -> list[str]:
        """Every check id, in catalogue order."""
        return [c.meta.id for c in self.checks]

    def matches(self, pattern: str) -> bool:
        """Some check id matches the glob ``pattern`` (in any case, as suppression files and
        ``--checks`` read it: :func:`edgekit.rules.select.glob_matches`)."""
        return any(glob_matches(c.meta.id, pattern) for c in self.checks)

    def select(self, patterns: Iterable[str] | None) -> Registry:
        """Checks whose id matches any glob in ``patterns`` (all when None or no pattern), with
        :func:`edgekit.rules.select.matching_ids`.

        An empty pattern or one that matches nothing raises
        :class:`~edgekit.rules.select.CheckPatternError` (a ``ValueError``): a typo must not
        silently scan everything or nothing.
        """
        pats = list(patterns or ())
        if not pats:
            return self
        chosen = set(matching_ids(self.ids(), pats, prefix="--checks: "))
        return Registry(tuple(c for c in self.checks if c.meta.id in chosen))


def build(modules: Iterable[ModuleType]) -> Registry:
    """Collect decorated functions from ``modules`` into a validated :class:`Registry`."""
    seen: dict[str, str] = {}
    checks: list[Check] = []
    for module in modules:
        for name, fn in vars(module).items():
            meta = getattr(fn, ATTR, None)
            if not isinstance(meta, CheckMeta) or not callable(fn):
                continue
            where = f"{module.__name__}.{name}"
            if meta.id in seen:
                raise RegistryError(f"duplicate check id {meta.id!r} ({seen[meta.id]}, {where})")
            if "." not in meta.id or meta.id.rsplit(".", 1)[1] != fn.__name__:
                raise RegistryError(
                    f"check id {meta.id!r} must end with its function name {fn.__name__!r}"
                )
            if not meta.description:
                raise RegistryError(f"check {meta.id!r} ({where}) has no docstring")
            seen[meta.id] = where
            checks.append(Check(meta, fn))
    return Registry(tuple(checks))
