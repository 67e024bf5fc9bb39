"""reports/index.json and index.md: entries, replacement, escaping, malformed index kept."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from edgekit.report import runs_index as ri
from edgekit.report.result import RunResult
from edgekit.report.trend import show_trend, trend_paths

WHEN = dt.datetime(2026, 3, 2, 6, 0, tzinfo=dt.UTC)


def _result(reports: Path, run_id: str, findings: list[dict[str, str]] | None) -> RunResult:
    run_dir = reports / run_id
    run_dir.mkdir(parents=True)
    nb = run_dir / "edge_report.ipynb"
    nb.write_text("{}", encoding="utf-8")
    if findings is not None:
        doc = {"findings": findings}
        (run_dir / "findings.json").write_text(json.dumps(doc), encoding="utf-8")
    snapshot = {"snapshot": "/data/prod|<b>.json.gz"}
    return RunResult(run_id, nb, None, run_dir, reports / "d", "edgekit", snapshot, 1.0)


def test_entry_counts_failing_by_severity_and_unknown(tmp_path: Path) -> None:
    found = [
        {"status": "fail", "severity": "high"},
        {"status": "fail", "severity": "high"},
        {"status": "fail", "severity": "low"},
        {"status": "unknown", "severity": "medium"},
    ]
    entry = ri.run_entry(_result(tmp_path, "r1", found), "2026-03-01T00:00:00Z", WHEN)
    assert entry == {
        "run_id": "r1",
        "notebook": "edge_report",
        "snapshot": "/data/prod|<b>.json.gz",
        "collected_at": "2026-03-01T00:00:00Z",
        "ran_at": "2026-03-02T06:00:00+00:00",
        "failing": {"critical": 0, "high": 2, "medium": 0, "low": 1, "info": 0},
        "unknown": 1,
        "path": "r1/edge_report.ipynb",
    }
    no_scan = ri.run_entry(_result(tmp_path, "r2", None), "x", WHEN)
    assert (no_scan["failing"], no_scan["unknown"]) == (None, None)


def test_a_rerun_replaces_its_entry_and_markdown_is_escaped(tmp_path: Path) -> None:
    a = ri.run_entry(_result(tmp_path, "a", []), "2026-03-01T00:00:00Z", WHEN)
    b = ri.run_entry(_result(tmp_path, "b", None), "2026-03-01T00:00:00Z", WHEN)
    ri.record_run(tmp_path, a)
    ri.record_run(tmp_path, b)
    runs = ri.record_run(tmp_path, {**a, "unknown": 7})
    assert [r["run_id"] for r in runs] == ["b", "a"]
    assert ri.read_index(tmp_path)[1]["unknown"] == 7
    text = (tmp_path / "index.md").read_text(encoding="utf-8")
    assert "prod\\|&lt;b&gt;.json.gz" in text and "<b>" not in text
    assert "| — | — | — | — | — | — | [b](<b/edge_report.ipynb>) |" in text
    assert "| 0 | 0 | 0 | 0 | 0 | 7 | [a](<a/edge_report.ipynb>) |" in text


def test_a_malformed_index_is_kept_and_the_run_gets_a_note(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    result = _result(reports, "r1", [])
    (reports / "index.json").write_text("[1, 2", encoding="utf-8")
    note = ri.index_run(result, "2026-03-01T00:00:00Z")
    assert note is not None and note.startswith("reports index not updated: ")
    assert "index.json: unreadable" in note
    assert (reports / "index.json").read_text(encoding="utf-8") == "[1, 2"
    (reports / "index.json").write_text('{"schema": "other"}', encoding="utf-8")
    with pytest.raises(ri.RunsIndexError, match=r"not an edgekit\.report-index/1 document"):
        ri.read_index(reports)


def test_trend_paths_count_the_report_snapshot_once(tmp_path: Path) -> None:
    for name in ("a.json", "b.json.gz", "notes.txt"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    other = tmp_path.parent / "current.json"
    assert trend_paths(tmp_path, tmp_path / "a.json") == [
        tmp_path / "a.json",
        tmp_path / "b.json.gz",
    ]
    assert trend_paths(tmp_path, other)[-1] == other


def test_trend_section_says_why_there_is_no_chart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from edgekit.report import trend

    shown: list[object] = []
    monkeypatch.setattr(trend, "_display", lambda *xs: shown.extend(xs))

    class Rep:
        snapshot_path = tmp_path / "only.json"

    (tmp_path / "only.json").write_text("{}", encoding="utf-8")
    assert show_trend(Rep(), None) is None  # type: ignore[arg-type]
    assert show_trend(Rep(), str(tmp_path)) is None  # type: ignore[arg-type]
    texts = [getattr(s, "data", "") for s in shown]
    assert texts == [
        "*No history folder given (parameter `history_dir`).*",
        "*The history folder holds no other snapshot of this estate: a trend needs two "
        "collections at least.*",
    ]


@pytest.mark.parametrize(
    "text",
    [
        '{"findings": [{"status": "fail", "severity": "high", "evidence": {"n": 1}}]}',
        '{"findings": [{"status": "fail", "severity": "low", "evidence": {"ratio": NaN}}]}',
        '{"findings": [{"status": "unknown", "severity": "low", "n": 123456789012345678901}]}',
        '{"findings": [{"status": "fail", "severity": "high", "note": "caf\\u00e9 €"}]}',
        '{"findings": {"not": "a list"}}',
        "[1, 2]",
        '{"findings": [',
        "\ufeff{}",
        "",
    ],
)
def test_counts_read_as_json_reads_them(tmp_path: Path, text: str) -> None:
    """orjson reads findings.json where it can; the counts are those ``json`` gives."""
    path = tmp_path / "findings.json"
    path.write_text(text, encoding="utf-8")
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        expected: tuple[object, object] = (None, None)
    else:
        items = doc.get("findings") if isinstance(doc, dict) else None
        if not isinstance(items, list):
            expected = (None, None)
        else:
            failing = dict.fromkeys(ri.SEVERITIES, 0)
            for f in items:
                if f["status"] == "fail":
                    failing[f["severity"]] += 1
            expected = (failing, sum(f["status"] == "unknown" for f in items))
    assert ri._counts(path) == expected
