"""The report layer in-process, with literal expectations (no notebook, no same-code oracle).

Two one-distribution snapshots differ in exactly three ways, so the comparison must name exactly
these changes: the default behavior now allows HTTP (one new failing finding), IPv6 is now on
(one fixed finding), and the alias changed (one entrypoint added, one removed). The scan cache
is proven by the runner not being called when a folder is reopened.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from edgekit import snapshot as snap
from edgekit.report import data
from edgekit.report.compare import compare
from edgekit.report.data import Report
from edgekit.rules.runner import ScanResult
from tests.model import factories as f

DIST_ARN = f"arn:aws:cloudfront::{f.ACCOUNT}:distribution/E1EXAMPLE"


def _write(path: Path, *, viewer: str, alias: str, ipv6: bool) -> Path:
    origin = f.s3_origin()
    dist = f.distribution(
        "E1EXAMPLE",
        aliases=[alias],
        origins=[origin],
        default=f.behavior(origin["Id"], viewer=viewer),
        certificate=f.viewer_certificate(f.cert_arn("c1")),
        ipv6=ipv6,
    )
    entry = f.distribution_entry(dist, [])
    snap.write(f.snapshot(f.payload("cloudfront", {"distributions": [entry]})), path)
    return path


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Report, Report]:
    before = _write(
        tmp_path / "before.json", viewer="redirect-to-https", alias="old.example.com", ipv6=False
    )
    after = _write(tmp_path / "after.json", viewer="allow-all", alias="new.example.com", ipv6=True)
    return (
        Report.open(after, run_dir=tmp_path / "after"),
        Report.open(before, run_dir=tmp_path / "before"),
    )


def test_comparison_names_exactly_the_new_and_fixed_findings(pair: tuple[Report, Report]) -> None:
    current, previous = pair
    diff = compare(current, previous)
    new = diff.new_findings
    assert list(zip(new["check"], new["status"], new["resource id"], strict=True)) == [
        ("cloudfront.viewer_http_allowed", "fail", DIST_ARN)
    ]
    fixed = diff.fixed_findings
    assert list(zip(fixed["check"], fixed["status"], fixed["resource id"], strict=True)) == [
        ("cloudfront.ipv6_disabled", "fail", DIST_ARN)
    ]
    summary = dict(zip(diff.summary()["change"], diff.summary()["count"], strict=True))
    assert summary == {
        "new failing findings": 1,
        "fixed failing findings": 1,
        "new unknown findings": 0,
        "entrypoints added": 1,
        "entrypoints removed": 1,
        "entrypoints whose path changed": 0,
    }


def test_comparison_names_added_and_removed_entrypoints(pair: tuple[Report, Report]) -> None:
    current, previous = pair
    diff = compare(current, previous)
    assert diff.added_entrypoints[["hostname", "entry_kind"]].values.tolist() == [
        ["new.example.com", "distribution-alias"]
    ]
    assert diff.removed_entrypoints[["hostname", "entry_kind"]].values.tolist() == [
        ["old.example.com", "distribution-alias"]
    ]
    doc = diff.to_json()
    assert doc["added_entrypoints"][0]["hostname"] == "new.example.com"
    assert doc["removed_entrypoints"][0]["hostname"] == "old.example.com"


def test_a_snapshot_compared_with_itself_has_no_changes(pair: tuple[Report, Report]) -> None:
    current, _ = pair
    diff = compare(current, current)
    assert diff.new_findings.empty and diff.fixed_findings.empty
    assert diff.added_entrypoints.empty and diff.removed_entrypoints.empty


def _forbid_runner(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []

    def run(*_: object, **__: object) -> ScanResult:
        calls.append(1)
        raise AssertionError("the scan ran although the cache was valid")

    monkeypatch.setattr(data.runner, "run", run)
    return calls


def test_reopening_a_run_folder_reuses_the_scan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path / "s.json", viewer="allow-all", alias="a.example.com", ipv6=True)
    first = Report.open(path, run_dir=tmp_path / "run")
    findings = [(x.check_id, x.resource.id) for x in first.findings]
    assert ("cloudfront.viewer_http_allowed", DIST_ARN) in findings
    calls = _forbid_runner(monkeypatch)
    again = Report.open(path, run_dir=tmp_path / "run")
    assert [(x.check_id, x.resource.id) for x in again.findings] == findings
    assert calls == []


def test_a_changed_snapshot_is_scanned_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path / "s.json", viewer="allow-all", alias="a.example.com", ipv6=True)
    assert Report.open(path, run_dir=tmp_path / "run").findings
    _write(path, viewer="redirect-to-https", alias="a.example.com", ipv6=True)
    calls = _forbid_runner(monkeypatch)
    with pytest.raises(AssertionError, match="cache was valid"):
        _ = Report.open(path, run_dir=tmp_path / "run").findings
    assert calls == [1]
