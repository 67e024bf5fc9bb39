"""Drift: live resources that differ from their IaC definition, and click-ops resources."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from edgekit import snapshot as snap
from edgekit.cli import main
from edgekit.iac.drift import drift
from edgekit.snapshot import Snapshot
from tests.iac.conftest import CDK_OUT, FIXTURES, imported, without_side_keys

STATE = FIXTURES / "terraform" / "state.json"


def _deployed(iac: Snapshot) -> dict[str, Any]:
    """The IaC's estate as a collector would see it after a faithful deployment."""
    doc: dict[str, Any] = without_side_keys(iac.to_json())
    doc["source"] = "live"
    return doc


def _unit(doc: dict[str, Any], collector: str) -> dict[str, Any]:
    data: dict[str, Any] = next(p["data"] for p in doc["payloads"] if p["collector"] == collector)
    return data


@pytest.fixture(name="iac")
def _iac() -> Snapshot:
    return imported(CDK_OUT)


def test_a_faithful_deployment_is_in_sync(iac: Snapshot) -> None:
    report = drift(Snapshot.from_json(_deployed(iac)), iac)
    assert not report.drifted
    assert report.in_sync == 9
    assert report.changed == report.missing == report.unmanaged == ()


def test_terraform_state_against_itself_is_in_sync() -> None:
    iac = imported(STATE)
    report = drift(Snapshot.from_json(_deployed(iac)), iac)
    assert not report.drifted, report.to_json()


def test_hand_changes_are_reported_field_by_field(iac: Snapshot) -> None:
    live = _deployed(iac)
    cf = _unit(live, "cloudfront")["distributions"][0]["Distribution"]["DistributionConfig"]
    cf["CacheBehaviors"]["Items"][0]["ViewerProtocolPolicy"] = "allow-all"
    cf["WebACLId"] = ""
    cf["Comment"] = "edited in the console"  # the template does not set Comment: not drift
    cf["DefaultCacheBehavior"]["ForwardedValues"] = {"QueryString": True}  # not set either
    (sg,) = _unit(live, "ec2")["security_groups"]
    sg["IpPermissions"].append(
        {"IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}
    )
    (lb,) = _unit(live, "elbv2")["load_balancers"]
    attrs = {a["Key"]: a for a in lb["Attributes"]}
    attrs["deletion_protection.enabled"]["Value"] = "false"
    lb["Listeners"][0]["Rules"].insert(
        0,
        {
            "RuleArn": "arn:aws:elasticloadbalancing:us-east-1:111111111111:listener-rule/x",
            "Priority": "1",
            "Conditions": [],
            "Actions": [{"Type": "fixed-response"}],
            "IsDefault": False,
        },
    )
    report = drift(Snapshot.from_json(live), iac)
    fields = {(r.kind, f.path): (f.iac, f.live) for r in report.changed for f in r.fields}
    dist_cfg = "Distribution.DistributionConfig"
    assert fields[
        ("distributions", f"{dist_cfg}.CacheBehaviors.Items[/api/*].ViewerProtocolPolicy")
    ] == (
        "https-only",
        "allow-all",
    )
    assert fields[("distributions", f"{dist_cfg}.WebACLId")][1] == ""
    assert ("security_groups", "IpPermissions[tcp 80-80 0.0.0.0/0]") in fields
    assert fields[("load_balancers", "Attributes[deletion_protection.enabled].Value")] == (
        "true",
        "false",
    )
    assert ("load_balancers", "Listeners[443].Rules[1]") in fields
    assert not any("Comment" in path or "ForwardedValues" in path for _, path in fields)
    changed = {r.kind: r for r in report.changed}
    assert changed["distributions"].logical_id == "SiteDistribution3FF9535D"
    assert report.drifted


def test_missing_and_click_ops_resources(iac: Snapshot) -> None:
    live = _deployed(iac)
    cf = _unit(live, "cloudfront")
    clickops = copy.deepcopy(cf["distributions"][0])
    clickops["Distribution"]["Id"] = "E9CLICKOPS0001"
    clickops["Distribution"]["DistributionConfig"]["Aliases"] = {"Quantity": 0}
    clickops["Tags"] = []
    cf["distributions"].append(clickops)
    other = copy.deepcopy(clickops)
    other["Distribution"]["Id"] = "E9OTHERSTACK01"
    other["Tags"] = [{"Key": "aws:cloudformation:stack-name", "Value": "LegacyStack"}]
    cf["distributions"].append(other)
    _unit(live, "wafv2")["web_acls"] = []  # deleted by hand
    report = drift(Snapshot.from_json(live), iac)
    assert [(r.kind, r.logical_id) for r in report.missing] == [("web_acls", "EdgeAcl0A6B2F11")]
    assert [(u.kind, u.id) for u in report.unmanaged] == [("distributions", "E9CLICKOPS0001")]
    assert [(u.id, u.stack) for u in report.other_stacks] == [("E9OTHERSTACK01", "LegacyStack")]


def test_cli_with_templates_and_with_an_iac_snapshot(tmp_path: Path, iac: Snapshot) -> None:
    live_doc = _deployed(iac)
    cfg = _unit(live_doc, "cloudfront")["distributions"][0]["Distribution"]["DistributionConfig"]
    cfg["HttpVersion"] = "http1.1"
    live = tmp_path / "live.json"
    snap.write(Snapshot.from_json(live_doc), live)
    out = tmp_path / "drift.json"
    assert main(["drift", str(live), str(CDK_OUT), "--format", "json", "-o", str(out)]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["schema"] == "edgekit.drift/1"
    (changed,) = doc["changed"]
    assert [f["path"] for f in changed["fields"]] == ["Distribution.DistributionConfig.HttpVersion"]
    iac_path = tmp_path / "iac.json"
    snap.write(iac, iac_path)
    args = ["drift", str(live), str(iac_path), "--fail-on-drift", "--format", "md"]
    assert main([*args, "-o", str(tmp_path / "d.md")]) == 1
    md = (tmp_path / "d.md").read_text(encoding="utf-8")
    assert "## edgekit drift" in md and "http2and3" in md
    in_sync = tmp_path / "sync.json"
    snap.write(Snapshot.from_json(_deployed(iac)), in_sync)
    assert main(["drift", str(in_sync), str(iac_path), "--fail-on-drift", "-o", str(out)]) == 0


def test_cli_refuses_a_live_snapshot_as_the_iac_side(tmp_path: Path, iac: Snapshot) -> None:
    live = tmp_path / "live.json"
    snap.write(Snapshot.from_json(_deployed(iac)), live)
    assert main(["drift", str(live), str(live), "-o", str(tmp_path / "o.json")]) == 2
    assert not (tmp_path / "o.json").exists()
