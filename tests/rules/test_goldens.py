"""Golden findings: snapshot → findings JSON, byte-stable, for the sample estate and fixtures.

Regenerate after an intended change with ``EDGEKIT_UPDATE_GOLDENS=1 pytest tests/rules`` and
review the diff; a missing golden fails (never silently created).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from edgekit import snapshot
from edgekit.model import parse
from edgekit.rules import formats, runner, suppress
from edgekit.rules.catalogue import load
from edgekit.rules.context import CheckContext
from tests.graph.goldens import check

ROOT = Path(__file__).resolve().parents[1]
GOLDENS = ROOT / "goldens" / "findings"
FIXTURES = ROOT / "fixtures" / "snapshots"


def findings_json(path: Path) -> str:
    snap = snapshot.load(path)
    result = runner.run(load(), CheckContext(parse(snap)))
    assert not result.errors, result.errors
    applied = suppress.apply(result.findings, [], dt.date(2026, 1, 1))
    doc = formats.findings_document(result, applied, snap.meta())
    doc["snapshot"].pop("edgekit_version", None)  # goldens survive version bumps
    return formats.to_json(doc)


@pytest.mark.parametrize(
    "name", ["sample.json.gz", "rich.json", "partial.json", "multi_account.json"]
)
def test_golden_findings(name: str) -> None:
    stem = name.split(".")[0]
    check(f"{stem}.findings.json", findings_json(FIXTURES / name), GOLDENS)


GOLDEN_PATHS = (
    "www.northwind.example",
    "assets.northwind.example",
    "api.northwind.example",
    "thumbs.northwind.example",
    "pay.nwpay.example",
)


@pytest.mark.parametrize("host", GOLDEN_PATHS)
def test_sample_golden_paths_have_no_high_findings(host: str) -> None:
    """docs/sample-estate.md: no resource on a golden path has a high or critical finding."""
    import json

    from edgekit.graph import Estate

    estate = Estate.load(FIXTURES / "sample.json.gz")
    on_path: set[str] = set()
    for node in estate.lineage(host).to_frame()["node"]:
        on_path.add(node)
        arn = estate.graph.nodes[node].get("arn")
        if arn:
            on_path.add(arn)
    doc = json.loads((GOLDENS / "sample.findings.json").read_text())
    hits = [
        (f["check_id"], f["resource_arn"])
        for f in doc["findings"]
        if f["resource_arn"] in on_path and f["severity"] in {"high", "critical"}
    ]
    assert len(on_path) > 3
    assert hits == []
