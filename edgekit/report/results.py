"""A report run's result files, computed: the scan's findings documents and the planner's plan.

:func:`write` puts ``findings.json`` (``edgekit.findings/1``), ``findings.csv``,
``findings.sarif``, ``proposals.json`` (``edgekit.proposals/1``) and ``proposals.md`` into a run
folder, then the manifest of :mod:`edgekit.report.cache` (last, so an interrupted write is never
taken as valid). :func:`plan_documents` runs :func:`edgekit.plan.plan` on the scan's findings,
so the catalogue runs once per report.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final

from edgekit.graph import Estate
from edgekit.report import cache
from edgekit.rules import formats
from edgekit.rules.finding import Finding
from edgekit.rules.registry import Registry
from edgekit.rules.runner import ScanResult
from edgekit.rules.suppress import Applied
from edgekit.snapshot import Snapshot

NAMES: Final = (
    cache.FINDINGS,
    "findings.csv",
    "findings.sarif",
    cache.PROPOSALS,
    "proposals.md",
)
"""The result files of a run folder, in the order they are written."""


def plan_documents(
    estate: Estate, findings: Sequence[Finding], snapshot: Snapshot
) -> tuple[dict[str, Any], str, str | None]:
    """``(proposals document, Markdown plan, note)``; the note reports planner errors."""
    from edgekit.plan import formats as plan_formats
    from edgekit.plan import plan

    redundancy = [f for f in findings if f.check_id.startswith("redundancy.")]
    result = plan(estate, redundancy)
    meta = snapshot.meta()
    doc = plan_formats.document(result, meta)
    return doc, plan_formats.markdown(result, meta), planner_note(doc)


def planner_note(proposals: Mapping[str, Any]) -> str | None:
    """The report's note on the planner's errors in an ``edgekit.proposals/1`` document (None
    when it built every proposal): the same whether the plan was just made or read back."""
    errors = [e for e in proposals.get("errors") or () if isinstance(e, Mapping)]
    if not errors:
        return None
    failed = ", ".join(sorted({str(e.get("check_id")) for e in errors}))
    return f"the planner could not build {len(errors)} proposal(s) ({failed})"


def write(
    run_dir: Path,
    result: ScanResult,
    applied: Applied,
    *,
    estate: Estate,
    registry: Registry,
    snapshot_name: str,
    manifest: Mapping[str, str],
) -> str | None:
    """Write every result file of a scan into ``run_dir``, the manifest last; returns the
    planner's note (None when it built every proposal). ``applied``: the scan's findings split
    by the suppressions — the CSV and SARIF hold the kept ones, ``findings.json`` both."""
    snapshot = estate.snapshot
    assert snapshot is not None, "a report's estate comes from a snapshot"
    (run_dir / cache.MANIFEST).unlink(missing_ok=True)
    doc = formats.findings_document(result, applied, snapshot.meta())
    cache.write_text(run_dir / cache.FINDINGS, formats.to_json(doc))
    cache.write_text(run_dir / "findings.csv", formats.to_csv(applied.kept))
    sarif = formats.to_sarif(applied.kept, registry, snapshot_name)
    cache.write_json(run_dir / "findings.sarif", sarif)
    proposals, markdown, note = plan_documents(estate, result.findings, snapshot)
    cache.write_json(run_dir / cache.PROPOSALS, proposals)
    cache.write_text(run_dir / "proposals.md", markdown)
    cache.write_json(run_dir / cache.MANIFEST, dict(manifest))
    return note
