"""The snapshot: the contract between collection and analysis (DESIGN.md §2).

A versioned JSON document (optionally gzipped) of raw API payloads per (account, region,
collector), plus coverage gaps and metadata. Everything after collection reads only this, so a
live run, a saved file and an IaC import behave the same. Written atomically; read with clear,
one-line errors for anything malformed.
"""

from __future__ import annotations

import base64
import datetime as dt
import gzip
import json
import os
import re
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Self

from edgekit import __version__
from edgekit.errors import SnapshotError
from edgekit.snapshot_input import (
    ENV_MAX_BYTES,
    ENV_MAX_ITEMS,
    ReadLimits,
    check_shape,
    import_jsonschema,
    parse_json,
    parse_size,
    read_text_bytes,
    validate_envelope,
)

__all__ = [
    "ENV_MAX_BYTES",
    "ENV_MAX_ITEMS",
    "SCHEMA",
    "ReadLimits",
    "Snapshot",
    "SnapshotError",
    "Target",
    "dumps",
    "import_jsonschema",
    "jsonable",
    "load",
    "parse_size",
    "write",
]

SCHEMA_NAME = "edgekit.snapshot"
SCHEMA_VERSION = 1
SCHEMA = f"{SCHEMA_NAME}/{SCHEMA_VERSION}"


_GAP_FIELDS: Final = ("account_id", "region", "collector", "operation", "error_code", "message")


@dataclass(frozen=True, slots=True)
class Gap:
    """A read that was denied: one record of the snapshot's ``gaps`` (DESIGN.md §2).

    Written by the collectors, read back by the model's coverage (its ``errors`` records, units
    that failed outright, have the same fields).
    """

    account_id: str
    region: str
    collector: str
    operation: str
    error_code: str
    message: str

    def to_json(self) -> dict[str, str]:
        """The snapshot representation."""
        return {k: getattr(self, k) for k in _GAP_FIELDS}

    @classmethod
    def from_json(cls, doc: Mapping[str, Any]) -> Self:
        """From a snapshot ``gaps`` / ``errors`` record (missing fields read as "")."""
        return cls(*(str(doc.get(k) or "") for k in _GAP_FIELDS))


@dataclass(frozen=True)
class Target:
    """One account × region pair that was asked for."""

    account_id: str
    region: str

    def to_json(self) -> dict[str, str]:
        """JSON form."""
        return {"account_id": self.account_id, "region": self.region}


@dataclass
class Snapshot:
    """An in-memory snapshot. ``payloads`` and ``gaps`` are lists of plain JSON dicts.

    ``errors`` (an edgekit extension of the DESIGN schema, ignored by readers that do not know
    it) lists units that failed for reasons other than a denial.
    """

    collected_at: str
    partition: str = "aws"
    targets: list[Target] = field(default_factory=list)
    payloads: list[dict[str, Any]] = field(default_factory=list)
    gaps: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    edgekit_version: str = __version__
    source: str = "aws"
    """Where the data came from: ``aws`` (live), ``sandbox``, ``fixture`` or an IaC importer."""
    notes: list[str] = field(default_factory=list, compare=False)
    """What reading the file corrected (duplicated resources dropped); not written back."""

    # -- access ------------------------------------------------------------------------------
    def payload(self, account_id: str, region: str, collector: str) -> dict[str, Any] | None:
        """The ``data`` of one payload, or None when that unit was not collected."""
        for p in self.payloads:
            if (p["account_id"], p["region"], p["collector"]) == (account_id, region, collector):
                data: dict[str, Any] = p["data"]
                return data
        return None

    def iter_payloads(self, collector: str | None = None) -> Iterator[dict[str, Any]]:
        """Payload records (``account_id``, ``region``, ``collector``, ``data``)."""
        for p in self.payloads:
            if collector is None or p["collector"] == collector:
                yield p

    def accounts(self) -> list[str]:
        """Account ids covered by at least one target, sorted."""
        return sorted({t.account_id for t in self.targets})

    def regions(self) -> list[str]:
        """Regions covered by at least one target, sorted."""
        return sorted({t.region for t in self.targets})

    def meta(self) -> dict[str, Any]:
        """The metadata block repeated in findings and proposals."""
        return {
            "schema": SCHEMA,
            "edgekit_version": self.edgekit_version,
            "collected_at": self.collected_at,
            "partition": self.partition,
            "source": self.source,
            "accounts": self.accounts(),
            "regions": self.regions(),
            "gaps": len(self.gaps),
            "errors": len(self.errors),
        }

    # -- serialisation -----------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        """The JSON document, deterministically ordered."""
        return {
            "schema": SCHEMA,
            "edgekit_version": self.edgekit_version,
            "collected_at": self.collected_at,
            "partition": self.partition,
            "source": self.source,
            "targets": [t.to_json() for t in sorted(self.targets, key=_target_key)],
            "payloads": sorted(self.payloads, key=_unit_key),
            "gaps": sorted(self.gaps, key=_gap_key),
            "errors": sorted(self.errors, key=_gap_key),
        }

    @classmethod
    def from_json(
        cls,
        doc: Any,
        *,
        origin: str = "<memory>",
        limits: ReadLimits | None = None,
        shape_checked: bool = False,
    ) -> Snapshot:
        """Validate (bounds, schema version, the envelope's JSON Schema, dates, duplicated
        units and resources) and build a snapshot from a parsed JSON document.
        ``shape_checked``: :func:`~edgekit.snapshot_input.parse_json` already checked the
        bounds with these ``limits`` (:func:`load`), so they are not walked twice."""
        if not isinstance(doc, dict):
            raise SnapshotError(f"{origin}: not an edgekit snapshot (top level is not an object)")
        if not shape_checked:
            check_shape(doc, origin, limits or ReadLimits.from_env())
        _check_schema(doc.get("schema"), origin)
        validate_envelope(doc, origin)
        _check_datetime(doc["collected_at"], origin)
        payloads, notes = dedupe_payloads(doc["payloads"], origin)
        return cls(
            collected_at=doc["collected_at"],
            partition=doc.get("partition", "aws"),
            targets=[Target(t["account_id"], t["region"]) for t in doc["targets"]],
            payloads=payloads,
            gaps=list(doc.get("gaps", [])),
            errors=list(doc.get("errors", [])),
            edgekit_version=doc.get("edgekit_version", "unknown"),
            source=doc.get("source", "aws"),
            notes=notes,
        )


def _target_key(t: Target) -> tuple[str, str]:
    return (t.account_id, t.region)


def _unit_key(p: dict[str, Any]) -> tuple[str, str, str]:
    return (str(p["account_id"]), str(p["region"]), str(p["collector"]))


def _gap_key(g: dict[str, Any]) -> tuple[str, ...]:
    return tuple(
        str(g.get(k, "")) for k in ("account_id", "region", "collector", "operation", "error_code")
    )


def _check_schema(schema: Any, origin: str) -> None:
    if not isinstance(schema, str) or "/" not in schema:
        raise SnapshotError(f"{origin}: not an edgekit snapshot (no 'schema' field)")
    name, _, version = schema.partition("/")
    if name != SCHEMA_NAME:
        raise SnapshotError(f"{origin}: not an edgekit snapshot (schema {schema[:80]!r})")
    if not re.fullmatch(r"[1-9][0-9]{0,5}", version):
        raise SnapshotError(f"{origin}: unreadable snapshot schema version {schema[:80]!r}")
    if int(version) > SCHEMA_VERSION:
        raise SnapshotError(
            f"{origin}: written by a newer edgekit (schema {schema}); this edgekit "
            f"{__version__} reads up to {SCHEMA} — upgrade edgekit"
        )


def _check_datetime(value: str, origin: str) -> None:
    """The schema's pattern has the form; this checks the calendar (no month 13)."""
    try:
        dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise SnapshotError(f"{origin}: collected_at {value[:40]!r} is not a date-time") from None


ID_KEYS: Final = (
    "ARN",
    "Arn",
    "ResourceArn",
    "LoadBalancerArn",
    "TargetGroupArn",
    "ListenerArn",
    "RuleArn",
    "CertificateArn",
    "AcceleratorArn",
    "FunctionArn",
    "WebACLArn",
    "ProtectionArn",
    "PrefixListArn",
    "SecurityGroupArn",
    "Id",
    "id",
    "ApiId",
    "VpcLinkId",
    "GroupId",
    "LoadBalancerName",
    "domainName",
    "DomainName",
    "Name",
)
"""Members naming a resource, most specific first (how a duplicate is recognised); looked for
in the item, then in its wrapped resource (``{"LoadBalancer": {...}, "Listeners": [...]}``)."""


def dedupe_payloads(
    payloads: list[dict[str, Any]], origin: str
) -> tuple[list[dict[str, Any]], list[str]]:
    """Refuse two payloads of one unit (account, region, collector); within a payload's
    lists, drop an item that repeats an earlier one exactly (same resource id, same content)
    with a note. Items sharing an id with different content are kept: AWS returns such
    legitimately (a CloudFront function's LIVE and DEVELOPMENT stages)."""
    seen_units: set[tuple[str, str, str]] = set()
    out: list[dict[str, Any]] = []
    notes: list[str] = []
    for p in payloads:
        unit = (p["account_id"], p["region"], p["collector"])
        if unit in seen_units:
            raise SnapshotError(
                f"{origin}: two payloads for account {unit[0]}, region {unit[1]}, "
                f"collector {unit[2]}"
            )
        seen_units.add(unit)
        data = {k: _dedupe_items(v, unit, k, origin, notes) for k, v in p["data"].items()}
        out.append({**p, "data": data})
    return out, notes


def _dedupe_items(
    items: Any, unit: tuple[str, str, str], key: str, origin: str, notes: list[str]
) -> Any:
    if not isinstance(items, list):
        return items
    by_id: dict[str, list[Any]] = {}
    kept: list[Any] = []
    for item in items:
        rid = _resource_id(item)
        same = by_id.setdefault(rid, []) if rid is not None else []
        if any(other == item for other in same):
            notes.append(
                f"{origin}: dropped a duplicate of {rid} in {key} "
                f"({unit[2]}, account {unit[0]}, {unit[1]})"
            )
            continue
        same.append(item)
        kept.append(item)
    return kept


def _resource_id(item: Any) -> str | None:
    if not isinstance(item, dict):
        return None
    for candidate in (item, *(v for v in item.values() if isinstance(v, dict))):
        for k in ID_KEYS:
            value = candidate.get(k)
            if isinstance(value, str) and value:
                return value
    return None


def jsonable(value: Any) -> Any:
    """Turn boto3 response values into JSON values (datetimes → ISO 8601 UTC, bytes → base64)."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bytes | bytearray):
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def dumps(snapshot: Snapshot) -> str:
    """Serialise deterministically (sorted keys)."""
    return json.dumps(snapshot.to_json(), sort_keys=True, indent=1, ensure_ascii=False)


def write(snapshot: Snapshot, path: str | os.PathLike[str]) -> Path:
    """Write atomically (temp file in the same folder, then rename); ``.gz`` means gzip."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    data = dumps(snapshot).encode("utf-8")
    if out.suffix == ".gz":
        data = gzip.compress(data, mtime=0)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        Path(tmp).replace(out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out


def load(path: str | os.PathLike[str], limits: ReadLimits | None = None) -> Snapshot:
    """Read a snapshot (``.json`` or gzip, detected by content); errors name the file.

    ``limits`` bound the read (default: :meth:`ReadLimits.from_env`, see
    :mod:`edgekit.snapshot_input`); the envelope is validated against its JSON Schema.
    """
    src = Path(path)
    bounds = limits or ReadLimits.from_env()
    doc = parse_json(read_text_bytes(src, bounds), str(src), bounds)
    return Snapshot.from_json(doc, origin=str(src), limits=bounds, shape_checked=True)
