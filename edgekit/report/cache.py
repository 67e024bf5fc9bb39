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
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import orjson

from edgekit import __version__
from edgekit.errors import InputError
from edgekit.rules.finding import Finding, ResourceRef, Severity, Status
from edgekit.rules.formats import indented_json
from edgekit.rules.runner import CheckError, ScanResult

if TYPE_CHECKING:
    from filelock import BaseFileLock

SCHEMA: Final = "edgekit.report-cache/2"
MANIFEST: Final = "cache.json"
FINDINGS: Final = "findings.json"
PROPOSALS: Final = "proposals.json"
LOCK: Final = ".results.lock"
LOCK_SECONDS: Final = 900.0
"""How long a report waits for another process writing the same run folder's result files
(``edgekit report`` writes them ahead of its kernel: a few seconds at 10k resources)."""


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


def folder_lock(run_dir: Path) -> BaseFileLock:
    """The run folder's result-files lock (not yet acquired). One process at a time computes
    and writes the result files; the others wait, then read them. ``edgekit report``'s writer
    process takes it before the kernel starts (:mod:`edgekit.report.ahead`). The lock is not
    bound to a thread (a report's threads share it). The operating system releases it when its
    holder dies, so a crashed writer never blocks a later run."""
    from filelock import FileLock

    run_dir.mkdir(parents=True, exist_ok=True)
    return FileLock(str(run_dir / LOCK), timeout=LOCK_SECONDS, thread_local=False)


@contextmanager
def locked(run_dir: Path, while_waiting: Callable[[], object] | None = None) -> Iterator[None]:
    """Hold the run folder's result-files lock (:func:`folder_lock`); a writer that holds it
    longer than :data:`LOCK_SECONDS` is an error naming the folder. ``while_waiting`` runs
    once, only when another process holds the lock, before waiting for it: work the caller
    needs anyway, done while the other process writes the files."""
    from filelock import Timeout

    lock = folder_lock(run_dir)
    try:
        try:
            lock.acquire(blocking=False)
        except Timeout:
            if while_waiting is not None:
                while_waiting()
            lock.acquire()
    except Timeout:
        raise InputError(
            f"{run_dir}: another process has been writing this run folder's result files for "
            f"{LOCK_SECONDS:.0f} s ({LOCK}); wait for it or use another output folder"
        ) from None
    try:
        yield
    finally:
        lock.release()


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
    doc = orjson.loads((run_dir / FINDINGS).read_bytes())
    # suppressed findings are part of the scan (the report splits them off again)
    findings = [finding_from_json(f) for f in [*doc["findings"], *doc.get("suppressed", [])]]
    errors = [CheckError(e["check_id"], e["resource"], e["error"]) for e in doc.get("errors", [])]
    return ScanResult(sorted(findings, key=Finding.sort_key), dict(doc["evaluated"]), errors)


def read_json(path: Path) -> dict[str, Any]:
    """A JSON object from a result file of the run folder."""
    doc = orjson.loads(path.read_bytes())
    if not isinstance(doc, dict):
        raise ValueError(f"{path}: not a JSON object")
    return doc


def read_proposals(run_dir: Path) -> list[dict[str, Any]]:
    """The proposals saved in ``proposals.json``."""
    return list(read_json(run_dir / PROPOSALS).get("proposals", []))
