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
import tempfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from edgekit import __version__
from edgekit.errors import SnapshotError

SCHEMA_NAME = "edgekit.snapshot"
SCHEMA_VERSION = 1
SCHEMA = f"{SCHEMA_NAME}/{SCHEMA_VERSION}"
GZIP_MAGIC = b"\x1f\x8b"


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
    def from_json(cls, doc: Any, *, origin: str = "<memory>") -> Snapshot:
        """Validate and build a snapshot from a parsed JSON document."""
        if not isinstance(doc, dict):
            raise SnapshotError(f"{origin}: not an edgekit snapshot (top level is not an object)")
        _check_schema(doc.get("schema"), origin)
        try:
            targets = [Target(str(t["account_id"]), str(t["region"])) for t in doc["targets"]]
            payloads = list(doc["payloads"])
            for p in payloads:
                for key in ("account_id", "region", "collector", "data"):
                    if key not in p:
                        raise SnapshotError(f"{origin}: a payload lacks {key!r}")
            return cls(
                collected_at=str(doc["collected_at"]),
                partition=str(doc.get("partition", "aws")),
                targets=targets,
                payloads=payloads,
                gaps=list(doc.get("gaps", [])),
                errors=list(doc.get("errors", [])),
                edgekit_version=str(doc.get("edgekit_version", "unknown")),
                source=str(doc.get("source", "aws")),
            )
        except (KeyError, TypeError) as err:
            raise SnapshotError(f"{origin}: malformed snapshot (missing or bad {err})") from None


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
        raise SnapshotError(f"{origin}: not an edgekit snapshot (schema {schema!r})")
    if not version.isdigit():
        raise SnapshotError(f"{origin}: unreadable snapshot schema version {schema!r}")
    if int(version) > SCHEMA_VERSION:
        raise SnapshotError(
            f"{origin}: written by a newer edgekit (schema {schema}); this edgekit "
            f"{__version__} reads up to {SCHEMA} — upgrade edgekit"
        )


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


def load(path: str | os.PathLike[str]) -> Snapshot:
    """Read a snapshot (``.json`` or gzip, detected by content); errors name the file."""
    src = Path(path)
    try:
        raw = src.read_bytes()
    except FileNotFoundError:
        raise SnapshotError(f"{src}: no such snapshot file") from None
    except IsADirectoryError:
        raise SnapshotError(f"{src}: is a directory, not a snapshot file") from None
    except OSError as err:
        raise SnapshotError(f"{src}: cannot read ({err.strerror})") from None
    if raw.startswith(GZIP_MAGIC):
        try:
            raw = gzip.decompress(raw)
        except (EOFError, OSError, zlib.error):
            raise SnapshotError(f"{src}: truncated or corrupt gzip data") from None
    try:
        doc = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise SnapshotError(f"{src}: not UTF-8 text (is it a snapshot?)") from None
    except json.JSONDecodeError as err:
        raise SnapshotError(
            f"{src}: not valid JSON (line {err.lineno}, column {err.colno}: {err.msg})"
        ) from None
    return Snapshot.from_json(doc, origin=str(src))
