"""A snapshot with one malformed item: scan / lineage / plan analyse the rest and exit 3."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from edgekit import snapshot as snap
from edgekit.cli import main
from tests.model import factories as f


def _write(tmp_path: Path) -> Path:
    good = f.distribution(
        "E1GOOD", aliases=["www.example.com"], default=f.behavior("s3", viewer="allow-all")
    )
    bad = f.distribution("E2BAD", aliases=["shop.example.com"])
    del bad["DistributionConfig"]["Origins"]["Items"][0]["S3OriginConfig"]
    zone = f.hosted_zone("Z1", "example.com")
    records = [
        f.alias_record("www.example.com", good["DomainName"], "Z2FDTNDATAQYW2"),
        f.alias_record("shop.example.com", bad["DomainName"], "Z2FDTNDATAQYW2"),
    ]
    built = f.snapshot(
        f.payload(
            "cloudfront",
            {"distributions": [f.distribution_entry(bad), f.distribution_entry(good)]},
        ),
        f.payload("route53", {"hosted_zones": [f.zone_entry(zone, records)]}),
    )
    path = tmp_path / "snap.json"
    snap.write(built, path)
    return path


def test_scan_reports_the_item_and_exits_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path)
    out = tmp_path / "findings.json"
    assert main(["scan", str(path), "--format", "json", "-o", str(out)]) == 3
    doc = json.loads(out.read_text())
    (issue,) = doc["model_errors"]
    assert issue["resource"] == "distribution E2BAD"
    assert issue["collector"] == "cloudfront"
    assert issue["unit"] == f"{f.ACCOUNT}/global/cloudfront"
    assert issue["field"].startswith("DistributionConfig.Origins.Items[0].")
    assert doc["summary"]["model_errors"] == 1
    # the good distribution is still analysed ...
    failing = {(x["check_id"], x["resource_arn"]) for x in doc["findings"] if x["status"] == "fail"}
    assert (
        "cloudfront.viewer_http_allowed",
        f"arn:aws:cloudfront::{f.ACCOUNT}:distribution/E1GOOD",
    ) in failing
    # ... and the record pointing at the left-out one is not called dangling
    on_dist = [x for x in doc["findings"] if x["check_id"] == "dns.alias_not_on_distribution"]
    assert [x["status"] for x in on_dist] == ["unknown"]
    assert bad_domain(on_dist[0]["message"])
    assert "distribution E2BAD" in capsys.readouterr().err


def bad_domain(text: str) -> bool:
    """The left-out distribution's domain name is what the unknown finding names."""
    return text.startswith("de2bad.cloudfront.net:")


def test_lineage_and_plan_exit_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path)
    out = tmp_path / "entrypoints.json"
    assert main(["lineage", str(path), "--format", "json", "-o", str(out)]) == 3
    doc = json.loads(out.read_text())
    assert [e["resource"] for e in doc["model_errors"]] == ["distribution E2BAD"]
    assert "www.example.com" in {e["hostname"] for e in doc["entrypoints"]}
    assert main(["plan", str(path), "--format", "json", "-o", str(tmp_path / "p.json")]) == 3
    assert "model error, item left out" in capsys.readouterr().err
