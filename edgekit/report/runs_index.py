"""The index of past report runs: ``reports/index.json`` and ``reports/index.md``.

Every ``edgekit report`` run that completes adds one entry (a re-run with the same run id
replaces its entry): the run id, the notebook, the snapshot file and its collection time, when
the report ran, the failing findings per severity and the unknown ones (from the run's
``findings.json``; null when the notebook did not scan), and the report's path relative to
``reports/``. The JSON (``edgekit.report-index/1``, oldest run first) is the record; the
Markdown table (newest first) is regenerated from it. Both are written atomically (temp file +
rename) under a lock file, so concurrent runs into one folder do not lose entries. A malformed
index is left untouched and reported, never overwritten.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from edgekit.errors import EdgekitError
from edgekit.escape.mdtext import cell as md
from edgekit.gcpause import gc_paused
from edgekit.report.cache import write_text
from edgekit.rules.finding import Severity

if TYPE_CHECKING:
    from edgekit.report.result import RunResult

SCHEMA: Final = "edgekit.report-index/1"
INDEX_JSON: Final = "index.json"
INDEX_MD: Final = "index.md"
LOCK: Final = ".index.lock"
LOCK_SECONDS: Final = 60.0
SEVERITIES: Final = [s.label for s in sorted(Severity, reverse=True)]


class RunsIndexError(EdgekitError):
    """The index exists but cannot be read as an ``edgekit.report-index/1`` document."""


def run_entry(result: RunResult, collected_at: str, ran_at: dt.datetime) -> dict[str, Any]:
    """The index entry of one completed run."""
    reports = result.run_dir.parent
    page = result.html or result.notebook
    failing, unknown = _counts(result.run_dir / "findings.json")
    return {
        "run_id": result.run_id,
        "notebook": result.notebook.stem,
        "snapshot": str(result.parameters.get("snapshot", "")),
        "collected_at": collected_at,
        "ran_at": ran_at.astimezone(dt.UTC).isoformat(timespec="seconds"),
        "failing": failing,
        "unknown": unknown,
        "path": page.relative_to(reports).as_posix(),
    }


def _counts(findings: Path) -> tuple[dict[str, int] | None, int | None]:
    """Failing findings per severity and unknown findings of a run (None: it did not scan).
    The collector is paused while the document (hundreds of thousands of acyclic objects at
    10k resources) is read, counted and freed: its passes over them took 0.2 s after a run."""
    with gc_paused():
        try:
            doc = _load_json(findings.read_bytes())
        except (OSError, ValueError):  # absent: the notebook did not scan
            return None, None
        return _tally(doc)


def _tally(doc: Any) -> tuple[dict[str, int] | None, int | None]:
    items = doc.get("findings") if isinstance(doc, dict) else None
    if not isinstance(items, list):
        return None, None
    failing = dict.fromkeys(SEVERITIES, 0)
    unknown = 0
    for f in items:
        if f.get("status") == "fail" and f.get("severity") in failing:
            failing[f["severity"]] += 1
        elif f.get("status") == "unknown":
            unknown += 1
    return failing, unknown


def _load_json(data: bytes) -> Any:
    """``json.loads`` of UTF-8 bytes, by orjson where it can (``findings.json`` runs to tens of
    megabytes: orjson reads it in about two thirds of the time); a document orjson refuses
    (``NaN``, integers beyond 64 bits) is read by ``json``, so the result is the same."""
    import orjson

    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        return json.loads(data.decode("utf-8"))


def read_index(reports_dir: Path) -> list[dict[str, Any]]:
    """The runs recorded in ``reports_dir/index.json`` (empty when there is none yet)."""
    path = reports_dir / INDEX_JSON
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, ValueError) as err:
        raise RunsIndexError(f"{path}: unreadable ({err})") from None
    if not isinstance(doc, dict) or doc.get("schema") != SCHEMA:
        raise RunsIndexError(f"{path}: not an {SCHEMA} document")
    runs = doc.get("runs")
    if not isinstance(runs, list) or not all(isinstance(r, dict) for r in runs):
        raise RunsIndexError(f"{path}: 'runs' must be a list of objects")
    return runs


def record_run(reports_dir: Path, entry: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Add ``entry`` (replacing an entry with its run id) and rewrite both index files."""
    from filelock import FileLock

    reports_dir.mkdir(parents=True, exist_ok=True)
    with FileLock(str(reports_dir / LOCK), timeout=LOCK_SECONDS):
        runs = [r for r in read_index(reports_dir) if r.get("run_id") != entry["run_id"]]
        runs.append(dict(entry))
        doc = {"schema": SCHEMA, "runs": runs}
        text = json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        write_text(reports_dir / INDEX_JSON, text)
        write_text(reports_dir / INDEX_MD, index_markdown(runs))
    return runs


def index_markdown(runs: Sequence[Mapping[str, Any]]) -> str:
    """The runs as a Markdown table, newest first (every AWS- or user-given string escaped)."""
    head = ["ran at", "notebook", "snapshot", "collected at", *SEVERITIES, "unknown", "report"]
    lines = [
        "# Report runs",
        "",
        f"{len(runs)} run(s), newest first; the record is `{INDEX_JSON}`.",
        "",
        "| " + " | ".join(head) + " |",
        "|" + "---|" * len(head),
    ]
    for r in reversed(runs):
        failing = r.get("failing") or {}
        counts = [str(failing.get(s, "—")) if failing else "—" for s in SEVERITIES]
        unknown = r.get("unknown")
        path = str(r.get("path", ""))
        cells = [
            md(str(r.get("ran_at", ""))),
            md(str(r.get("notebook", ""))),
            md(Path(str(r.get("snapshot", ""))).name),
            md(str(r.get("collected_at", ""))),
            *counts,
            "—" if unknown is None else str(unknown),
            f"[{md(str(r.get('run_id', '')))}](<{path.replace('>', '%3E')}>)",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def index_run(result: RunResult, collected_at: str) -> str | None:
    """Record ``result`` in its ``reports/`` index; a note (not an error) when that fails:
    the report itself is written either way."""
    try:
        record_run(result.run_dir.parent, run_entry(result, collected_at, dt.datetime.now(dt.UTC)))
    except (OSError, EdgekitError) as err:  # filelock.Timeout is an OSError too
        return f"reports index not updated: {err}"
    return None
