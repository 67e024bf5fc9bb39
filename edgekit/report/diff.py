"""Two snapshots side by side: resources, entrypoints, paths and findings that changed.

Any two snapshots (live vs IaC overlaid on it, IaC before vs after a change, two live ones):
resources are matched by kind and ARN (else id, record name/type/set, name) within their
account and region; a resource is *changed* when a modelled field differs (timestamps and
deployment status aside), listed field by field. Entrypoints are matched by hostname; a *path*
changed when what a hostname reaches did (distribution, web ACLs, viewer TLS policy, origin
chain, backend kinds, hops). Findings: :mod:`edgekit.rules.delta`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

import pandas as pd

from edgekit.graph.estate import Estate
from edgekit.model import NOT_COLLECTED, FrozenMap, Inventory
from edgekit.rules.delta import delta
from edgekit.rules.finding import Finding, Severity, Status

SKIPPED_KINDS: Final = frozenset({"ssl_policies", "managed_prefix_lists"})
"""AWS reference data, not resources of the estate."""
VOLATILE: Final = frozenset(
    {"raw", "last_modified_time", "created_time", "creation_date", "status", "created_date"}
)
"""Fields that change with every deployment without changing what is deployed."""
PATH_FIELDS: Final = (
    "distribution",
    "web_acls",
    "tls_policy",
    "origin_chain",
    "backend_kinds",
    "hops",
)
MAX_FIELDS: Final = 25
"""Most field changes listed per resource (the count says how many there were)."""
_KEYS: Final = ("id", "path_pattern", "name", "arn", "priority", "key")


@dataclass(frozen=True)
class FieldChange:
    """One modelled field that differs (dotted path, values as short text)."""

    field: str
    before: str
    after: str


@dataclass(frozen=True)
class ResourceDiff:
    """A resource present in one snapshot only, or in both with different fields."""

    kind: str
    id: str
    account_id: str
    region: str
    changes: tuple[FieldChange, ...] = ()
    more: int = 0
    """Field changes not listed (beyond :data:`MAX_FIELDS`)."""


@dataclass(frozen=True)
class PathChange:
    """What one hostname reaches, before and after."""

    hostname: str
    field: str
    before: str
    after: str


@dataclass(frozen=True)
class SnapshotDiff:
    """Everything that changed from ``base`` to ``new``."""

    base: Mapping[str, Any]
    new: Mapping[str, Any]
    added: tuple[ResourceDiff, ...]
    removed: tuple[ResourceDiff, ...]
    changed: tuple[ResourceDiff, ...]
    entrypoints_added: tuple[str, ...]
    entrypoints_removed: tuple[str, ...]
    paths_changed: tuple[PathChange, ...]
    new_findings: tuple[Finding, ...]
    fixed_findings: tuple[Finding, ...]

    def new_failing(self, threshold: Severity) -> list[Finding]:
        """New failing findings at or above ``threshold`` (``--fail-on-new``)."""
        return [f for f in self.new_findings if f.status is Status.FAIL and f.severity >= threshold]

    def summary(self) -> dict[str, int]:
        """Counts per kind of change."""
        return {
            "resources_added": len(self.added),
            "resources_removed": len(self.removed),
            "resources_changed": len(self.changed),
            "entrypoints_added": len(self.entrypoints_added),
            "entrypoints_removed": len(self.entrypoints_removed),
            "paths_changed": len({p.hostname for p in self.paths_changed}),
            "new_failing": sum(f.status is Status.FAIL for f in self.new_findings),
            "new_unknown": sum(f.status is Status.UNKNOWN for f in self.new_findings),
            "fixed_failing": sum(f.status is Status.FAIL for f in self.fixed_findings),
            "fixed_unknown": sum(f.status is Status.UNKNOWN for f in self.fixed_findings),
        }

    def to_json(self) -> dict[str, Any]:
        """The ``edgekit.diff/1`` document (sorted, byte-stable)."""
        return {
            "schema": "edgekit.diff/1",
            "base": dict(self.base),
            "new": dict(self.new),
            "summary": self.summary(),
            "resources": {
                "added": [dataclasses.asdict(r) for r in self.added],
                "removed": [dataclasses.asdict(r) for r in self.removed],
                "changed": [dataclasses.asdict(r) for r in self.changed],
            },
            "entrypoints": {
                "added": list(self.entrypoints_added),
                "removed": list(self.entrypoints_removed),
            },
            "paths_changed": [dataclasses.asdict(p) for p in self.paths_changed],
            "findings": {
                "new": [f.to_json() for f in self.new_findings],
                "fixed": [f.to_json() for f in self.fixed_findings],
            },
        }


def diff(
    base: Estate,
    new: Estate,
    base_findings: Sequence[Finding],
    new_findings: Sequence[Finding],
) -> SnapshotDiff:
    """What changed from ``base`` to ``new`` (findings: each estate's full scan)."""
    before, after = _resources(base.model), _resources(new.model)
    found = delta(base_findings, new_findings)
    hosts_before, hosts_after = _paths(base.entrypoints()), _paths(new.entrypoints())
    return SnapshotDiff(
        base=_meta(base),
        new=_meta(new),
        added=tuple(_bare(k, after[k]) for k in sorted(after.keys() - before.keys())),
        removed=tuple(_bare(k, before[k]) for k in sorted(before.keys() - after.keys())),
        changed=tuple(
            d
            for k in sorted(before.keys() & after.keys())
            if (d := _changed(k, before[k], after[k])) is not None
        ),
        entrypoints_added=tuple(sorted(hosts_after.keys() - hosts_before.keys())),
        entrypoints_removed=tuple(sorted(hosts_before.keys() - hosts_after.keys())),
        paths_changed=_path_changes(hosts_before, hosts_after),
        new_findings=found.new,
        fixed_findings=found.fixed,
    )


def paths_changed(base: Estate, new: Estate) -> tuple[PathChange, ...]:
    """The hostnames of both estates whose path changed, one row per changed field
    (:data:`PATH_FIELDS`: distribution, web ACLs, viewer TLS policy, origin chain, ...)."""
    return _path_changes(_paths(base.entrypoints()), _paths(new.entrypoints()))


def _path_changes(
    before: Mapping[str, Mapping[str, str]], after: Mapping[str, Mapping[str, str]]
) -> tuple[PathChange, ...]:
    return tuple(
        PathChange(host, col, before[host][col], after[host][col])
        for host in sorted(before.keys() & after.keys())
        for col in PATH_FIELDS
        if before[host][col] != after[host][col]
    )


def _meta(estate: Estate) -> dict[str, Any]:
    snap = estate.snapshot
    return dict(snap.meta()) if snap is not None else {}


ResourceKey = tuple[str, str, str, str]
"""(kind, account, region, identity)."""


def _identity(resource: Any) -> str | None:
    if hasattr(resource, "hosted_zone_id") and hasattr(resource, "type"):
        ident = getattr(resource, "set_identifier", None) or ""
        return f"{resource.hosted_zone_id}:{resource.name}:{resource.type}:{ident}"
    for attr in ("arn", "function_arn", "id", "name"):
        value = getattr(resource, attr, None)
        if isinstance(value, str) and value:
            return value
    return None


def _resources(inv: Inventory) -> dict[ResourceKey, Any]:
    out: dict[ResourceKey, Any] = {}
    for kind in inv.kinds():
        if kind in SKIPPED_KINDS:
            continue
        for r in getattr(inv, kind):
            ident = _identity(r)
            if ident is None and kind == "account_public_access_blocks":
                ident = "account"
            if ident is not None:
                region = str(getattr(r, "region", ""))
                out[(kind, str(getattr(r, "account_id", "")), region, ident)] = r
    return out


def _bare(key: ResourceKey, _resource: Any) -> ResourceDiff:
    kind, account, region, ident = key
    return ResourceDiff(kind, ident, account, region)


def _changed(key: ResourceKey, before: Any, after: Any) -> ResourceDiff | None:
    changes = list(_fields("", before, after))
    if not changes:
        return None
    kind, account, region, ident = key
    return ResourceDiff(
        kind,
        ident,
        account,
        region,
        tuple(changes[:MAX_FIELDS]),
        max(0, len(changes) - MAX_FIELDS),
    )


def _fields(path: str, a: Any, b: Any) -> Iterator[FieldChange]:
    """Every leaf that differs between two model values, with its dotted path."""
    if a is b:
        return
    if dataclasses.is_dataclass(a) and type(a) is type(b):
        for f in dataclasses.fields(a):
            if f.compare and f.name not in VOLATILE:
                yield from _fields(_join(path, f.name), getattr(a, f.name), getattr(b, f.name))
        return
    if isinstance(a, tuple) and isinstance(b, tuple) and _keyed(a) and _keyed(b):
        left, right = _by_key(a), _by_key(b)
        for k in sorted(left.keys() | right.keys()):
            sub = f"{path}[{k}]"
            if k not in left:
                yield FieldChange(sub, "(none)", "(added)")
            elif k not in right:
                yield FieldChange(sub, "(present)", "(removed)")
            else:
                yield from _fields(sub, left[k], right[k])
        return
    if isinstance(a, FrozenMap) and isinstance(b, FrozenMap):
        for k in sorted(set(a) | set(b), key=str):
            if a.get(k) != b.get(k):
                yield FieldChange(f"{path}[{k}]", _text(a.get(k)), _text(b.get(k)))
        return
    if a != b:
        yield FieldChange(path, _text(a), _text(b))


def _keyed(items: tuple[Any, ...]) -> bool:
    return bool(items) and all(dataclasses.is_dataclass(i) for i in items)


def _by_key(items: tuple[Any, ...]) -> dict[str, Any]:
    attr = next((k for k in _KEYS if hasattr(items[0], k)), None)
    out: dict[str, Any] = {}
    for i, item in enumerate(items):
        key = str(getattr(item, attr)) if attr else str(i)
        out[key if key not in out else f"{key}#{i}"] = item
    return out


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _text(value: Any, limit: int = 120) -> str:
    if value is NOT_COLLECTED:
        text = "not collected"
    elif value is None:
        text = "(none)"
    elif dataclasses.is_dataclass(value):
        text = type(value).__name__
    elif isinstance(value, tuple | list | frozenset):
        text = ", ".join(_text(v, limit) for v in value) or "(empty)"
    else:
        text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _paths(frame: pd.DataFrame) -> dict[str, dict[str, str]]:
    return {
        str(row["hostname"]): {c: str(row[c]) if str(row[c]) else "(none)" for c in PATH_FIELDS}
        for row in frame.to_dict("records")
    }
