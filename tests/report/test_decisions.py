"""Reports that respect decisions: suppressions everywhere, changed paths in comparisons,
customer hostnames apart from AWS-generated names, and the diagrams index merged across runs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from edgekit import snapshot as snap
from edgekit.cli import main
from edgekit.model.cloudfront.types import Distribution
from edgekit.report import Report, tables
from edgekit.report.changes import order_warning
from edgekit.report.compare import compare
from edgekit.report.hostnames import counts, front_doors, is_generated
from edgekit.report.suppressed import suppressed_frame, unmatched
from edgekit.rules.finding import Status
from tests.report.conftest import SAMPLE

DANGLING = "dns.dangling_record"
SUPPRESSIONS = f"""
[[suppress]]
check = "{DANGLING}"
reason = "records kept for the migration window"
until = 2099-01-31

[[suppress]]
check = "nope.*"
reason = "a typo: matches nothing"

[[suppress]]
check = "cloudfront.*"
reason = "an old decision"
until = 2020-01-01
"""


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Report:
    return Report.open(SAMPLE, tmp_path_factory.mktemp("plain"))


@pytest.fixture(scope="module")
def suppress_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sup") / "suppress.toml"
    path.write_text(SUPPRESSIONS, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def decided(tmp_path_factory: pytest.TempPathFactory, suppress_file: Path) -> Report:
    return Report.open(SAMPLE, tmp_path_factory.mktemp("decided"), suppress_file=suppress_file)


def test_suppressed_findings_leave_every_table(plain: Report, decided: Report) -> None:
    dangling = [f for f in plain.findings if f.check_id == DANGLING]
    assert dangling and any(f.status is Status.FAIL for f in dangling)
    assert len(decided.findings) == len(plain.findings) - len(dangling)
    assert not [f for f in decided.findings if f.check_id == DANGLING]
    assert DANGLING in set(tables.top_risks(plain, 1000, "info")["check"])
    assert DANGLING not in set(tables.top_risks(decided, 1000, "info")["check"])
    assert DANGLING not in set(decided.findings_frame()["check"])
    assert decided.summary()["failing"] < plain.summary()["failing"]
    every_node = set(plain.estate.graph.nodes)
    assert any(f.check_id == DANGLING for f in plain.index.findings(every_node))
    assert not any(f.check_id == DANGLING for f in decided.index.findings(every_node))


def test_suppressed_findings_are_listed_with_reason_and_expiry(decided: Report) -> None:
    frame = suppressed_frame(decided)
    assert len(frame) == len(decided.applied.suppressed) > 0
    assert set(frame["check"]) == {DANGLING}
    assert set(frame["reason"]) == {"records kept for the migration window"}
    assert set(frame["until"]) == {"2099-01-31"}
    assert [s.check for s in decided.applied.expired] == ["cloudfront.*"]
    assert [s.check for s in unmatched(decided)] == ["nope.*"]


def test_the_run_files_hold_the_kept_findings_and_a_reopen_splits_the_same(
    decided: Report, suppress_file: Path
) -> None:
    files = decided.outputs()  # scans (or reads back) and writes the run files
    doc = json.loads(files["findings.json"].read_text(encoding="utf-8"))
    assert doc["suppressed"] and {f["check_id"] for f in doc["suppressed"]} == {DANGLING}
    assert DANGLING not in {f["check_id"] for f in doc["findings"]}
    assert DANGLING not in decided.file("findings.csv").read_text(encoding="utf-8")
    manifest = decided.file("cache.json").read_text(encoding="utf-8")
    again = Report.open(SAMPLE, decided.run_dir, suppress_file=suppress_file)
    assert len(again.findings) == len(decided.findings)
    assert len(again.applied.suppressed) == len(decided.applied.suppressed)
    assert decided.file("cache.json").read_text(encoding="utf-8") == manifest  # read back
    unsuppressed = Report.open(SAMPLE, decided.run_dir)  # another key: scanned again, all kept
    assert any(f.check_id == DANGLING for f in unsuppressed.findings)


def test_report_suppress_needs_a_notebook_that_takes_it(
    suppress_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["report", "explore", str(SAMPLE), "--suppress", str(suppress_file), "-o", str(tmp_path)]
    )
    assert code == 2 and "suppress_file" in capsys.readouterr().err
    assert not (tmp_path / "reports").exists()


def _variant(tmp_path: Path, name: str, collected_at: str, without_waf: str) -> Path:
    """The sample snapshot collected at another time, one distribution without its web ACL."""
    doc = snap.load(SAMPLE).to_json()
    doc["collected_at"] = collected_at
    found = 0
    for payload in doc["payloads"]:
        if payload["collector"] != "cloudfront":
            continue
        for d in payload["data"].get("distributions", []):
            if d["Distribution"]["Id"] == without_waf:
                d["Distribution"]["DistributionConfig"]["WebACLId"] = ""
                found += 1
    assert found == 1
    path = tmp_path / f"{name}.json"
    snap.write(snap.Snapshot.from_json(doc), path)
    return path


def _www_distribution(rep: Report) -> str:
    """The id of the sample's distribution of www.northwind.example and northwind.example (a
    web ACL), looked up by its alias (ids shift when the sample estate grows)."""
    found = rep.estate.model.cloudfront.distribution_for_alias("www.northwind.example")
    assert isinstance(found, Distribution), found
    return found.id


def test_a_comparison_lists_changed_paths(plain: Report, tmp_path: Path) -> None:
    previous = _variant(tmp_path, "older", "2026-11-01T00:00:00+00:00", _www_distribution(plain))
    cmp = compare(plain, plain.previous(previous))
    assert cmp.warning is None
    changed = cmp.changed_paths[cmp.changed_paths["changed"] == "web_acls"]
    hosts = set(changed["hostname"])
    assert {"www.northwind.example", "northwind.example"} <= hosts
    row = changed[changed["hostname"] == "www.northwind.example"].iloc[0]
    assert row["before"] == "(none)" and "nw-edge-standard" in row["after"]
    summary = dict(cmp.summary().itertuples(index=False, name=None))
    assert summary["entrypoints whose path changed"] == cmp.changed_paths["hostname"].nunique()
    assert cmp.to_json()["changed_paths"]


def test_a_previous_snapshot_newer_than_the_current_one_is_warned_about(
    plain: Report, tmp_path: Path
) -> None:
    previous = _variant(tmp_path, "newer", "2027-01-01T00:00:00+00:00", _www_distribution(plain))
    cmp = compare(plain, plain.previous(previous))
    assert cmp.warning is not None and "newer than this one" in cmp.warning


def test_order_warning_cases() -> None:
    assert order_warning("2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z") is None
    assert "newer" in str(order_warning("2026-03-01T00:00:00Z", "2026-02-01T00:00:00Z"))
    assert "same time" in str(order_warning("2026-02-01T00:00:00Z", "2026-02-01T00:00:00+00:00"))
    assert "not a timestamp" in str(order_warning("yesterday", "2026-02-01T00:00:00Z"))


@pytest.mark.parametrize(
    ("host", "generated"),
    [
        ("d111111abcdef8.cloudfront.net", True),
        ("web-alb-1234567890.us-east-1.elb.amazonaws.com", True),
        ("a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com", True),
        ("abcdefghij0123456789.lambda-url.us-east-1.on.aws", True),
        ("a5f2a0c6e1b2.awsglobalaccelerator.com", True),
        ("www.northwind.example", False),
        ("cloudfront.net.example.com", False),
    ],
)
def test_aws_generated_names_are_told_from_customer_hostnames(host: str, generated: bool) -> None:
    assert is_generated(host) is generated


def test_entrypoint_counts_and_front_doors(plain: Report) -> None:
    c = counts(plain)
    hosts = list(plain.lineages)
    assert c["entrypoints"] == len(hosts) == c["customer"] + c["generated"]
    assert c["generated"] == sum(h.endswith(".cloudfront.net") for h in hosts) + sum(
        ".elb." in h or ".execute-api." in h or h.endswith(".awsglobalaccelerator.com")
        for h in hosts
    )
    doors = front_doors(plain)
    assert len(doors) < len(hosts)
    names = [
        n
        for col in ("customer hostnames", "AWS-generated names")
        for cell in doors[col]
        for n in str(cell).split(", ")
        if n
    ]
    assert sorted(names) == sorted(hosts)  # every name on exactly one row
    [www] = [r for _, r in doors.iterrows() if "www.northwind.example" in r["customer hostnames"]]
    assert set(www["customer hostnames"].split(", ")) == {
        "northwind.example",
        "www.northwind.example",
    }
    assert www["AWS-generated names"] == "xv2vxtnfntlhp.cloudfront.net"


def test_each_diagram_run_merges_into_the_index(tmp_path: Path) -> None:
    out = tmp_path / "pictures"
    for host in ("www.northwind.example", "pay.nwpay.example"):
        code = main(
            ["diagram", str(SAMPLE), "--entrypoint", host, "--format", "svg", "-o", str(out)]
        )
        assert code == 0
    doc = json.loads((out / "index.json").read_text(encoding="utf-8"))
    subjects = {p["subject"] for p in doc["pictures"]}
    assert {"www.northwind.example", "pay.nwpay.example"} <= subjects
    names = [p["name"] for p in doc["pictures"]]
    assert len(names) == len(set(names))
    assert all((out / f).is_file() for p in doc["pictures"] for f in p["files"])
