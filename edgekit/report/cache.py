"""A report run's result files, reused while the snapshot and the catalogue are unchanged.

The scan and the plan are computed once per run folder and written next to the notebook:
``findings.json`` (``edgekit.findings/1``), ``findings.csv``, ``findings.sarif``,
``proposals.json`` (``edgekit.proposals/1``) and ``proposals.md``. ``cache.json`` records what
they were computed from (the snapshot file's SHA-256, the edgekit version, the check ids); a
later :class:`~edgekit.report.data.Report` over the same folder reads them back instead of
scanning again, and recomputes when anything differs.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final

from edgekit import __version__
from edgekit.rules.finding import Finding, ResourceRef, Severity, Status
from edgekit.rules.formats import indented_json
from edgekit.rules.runner import CheckError, ScanResult

SCHEMA: Final = "edgekit.report-cache/2"
MANIFEST: Final = "cache.json"
FINDINGS: Final = "findings.json"
PROPOSALS: Final = "proposals.json"


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def key(snapshot_digest: str, check_ids: Sequence[str]) -> dict[str, str]:
    """What cached results depend on (the report adds its suppression file's digest and the
    day suppressions were judged on when it has one)."""
    checks = hashlib.sha256("\n".join(check_ids).encode("utf-8")).hexdigest()
    return {
        "schema": SCHEMA,
        "snapshot_sha256": snapshot_digest,
        "edgekit_version": __version__,
        "checks_sha256": checks,
    }


def valid(run_dir: Path, expected: Mapping[str, str]) -> bool:
    """The run folder holds results computed from exactly these inputs."""
    try:
        manifest = json.loads((run_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    files = (run_dir / FINDINGS, run_dir / PROPOSALS)
    return manifest == dict(expected) and all(f.is_file() for f in files)


def write_json(path: Path, doc: Any) -> Path:
    """Sorted, indented JSON, written atomically."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(indented_json(doc), "utf-8")
    tmp.replace(path)
    return path


def write_text(path: Path, text: str) -> Path:
    """A text file, written atomically."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return path


def finding_from_json(doc: Mapping[str, Any]) -> Finding:
    """A :class:`Finding` back from its ``edgekit.findings/1`` JSON form."""
    return Finding(
        check_id=str(doc["check_id"]),
        status=Status(doc["status"]),
        severity=Severity.parse(str(doc["severity"])),
        category=str(doc["category"]),
        resource=ResourceRef(
            str(doc["resource_arn"]),
            str(doc["resource_type"]),
            str(doc["account_id"]),
            str(doc["region"]),
        ),
        title=str(doc["title"]),
        message=str(doc["message"]),
        evidence=dict(doc.get("evidence") or {}),
        remediation=str(doc.get("remediation", "")),
        entrypoints=tuple(str(h) for h in doc.get("entrypoints") or ()),
    )


def read_scan(run_dir: Path) -> ScanResult:
    """The scan result saved in ``findings.json``."""
    doc = json.loads((run_dir / FINDINGS).read_text(encoding="utf-8"))
    # suppressed findings are part of the scan (the report splits them off again)
    findings = [finding_from_json(f) for f in [*doc["findings"], *doc.get("suppressed", [])]]
    errors = [CheckError(e["check_id"], e["resource"], e["error"]) for e in doc.get("errors", [])]
    return ScanResult(sorted(findings, key=Finding.sort_key), dict(doc["evaluated"]), errors)


def read_proposals(run_dir: Path) -> list[dict[str, Any]]:
    """The proposals saved in ``proposals.json``."""
    doc = json.loads((run_dir / PROPOSALS).read_text(encoding="utf-8"))
    return list(doc.get("proposals", []))
