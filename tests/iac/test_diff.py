"""``edgekit diff``: resources, entrypoints, paths and findings between two snapshots."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from edgekit import snapshot as snap
from edgekit.cli import main
from edgekit.iac.build import import_iac
from tests.iac.conftest import CDK_OUT, NOW

SAMPLE = Path(__file__).parents[1] / "fixtures" / "snapshots" / "sample.json.gz"
HOSTILE = "<img src=x onerror=alert(1)> | **pwn** [x](javascript:alert(1))"


def _edited(tmp_path: Path, name: str, *edits: tuple[str, str]) -> Path:
    """A copy of the fixture cdk.out with text replacements in its template."""
    out = tmp_path / name
    shutil.copytree(CDK_OUT, out)
    template = out / "EdgeStack.template.json"
    text = template.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text
        text = text.replace(old, new)
    template.write_text(text, encoding="utf-8")
    return out


def _snapshot(tmp_path: Path, name: str, source: Path) -> Path:
    path = tmp_path / f"{name}.json"
    snapshot, _ = import_iac([str(source)], now=NOW)
    snap.write(snapshot, path)
    return path


def _diff(base: Path, new: Path, tmp_path: Path, *extra: str) -> tuple[int, dict[str, Any]]:
    out = tmp_path / "diff.json"
    code = main(["diff", str(base), str(new), "--format", "json", "-o", str(out), *extra])
    return code, json.loads(out.read_text(encoding="utf-8"))


WAF = '"WebACLId": {"Fn::GetAtt": ["EdgeAcl0A6B2F11", "Arn"]},'
API_POLICY = '"ViewerProtocolPolicy": "https-only"'


@pytest.fixture(name="pair")
def _pair(tmp_path: Path) -> tuple[Path, Path]:
    before = _snapshot(tmp_path, "before", CDK_OUT)
    changed = _edited(
        tmp_path,
        "after",
        (WAF, ""),
        (API_POLICY, '"ViewerProtocolPolicy": "allow-all"'),
        ('"DefaultRootObject": "index.html",', f'"Comment": {json.dumps(HOSTILE)},'),
    )
    return before, _snapshot(tmp_path, "after", changed)


def test_iac_before_and_after_a_change(pair: tuple[Path, Path], tmp_path: Path) -> None:
    code, doc = _diff(*pair, tmp_path)
    assert code == 0
    assert doc["schema"] == "edgekit.diff/1"
    (changed,) = doc["resources"]["changed"]
    assert changed["kind"] == "distributions"
    fields = {c["field"]: (c["before"], c["after"]) for c in changed["changes"]}
    assert fields["cache_behaviors[/api/*].viewer_protocol_policy"] == ("https-only", "allow-all")
    assert fields["web_acl_id"][1] == "(none)"
    assert fields["default_root_object"] == ("index.html", "")
    assert doc["resources"]["added"] == doc["resources"]["removed"] == []
    paths = {(p["hostname"], p["field"]): (p["before"], p["after"]) for p in doc["paths_changed"]}
    assert paths[("shop.example.com", "web_acls")] == ("shop-edge-acl", "(none)")
    new = {(f["check_id"], f["status"]) for f in doc["findings"]["new"]}
    assert {("cloudfront.no_waf", "fail"), ("cloudfront.viewer_http_allowed", "fail")} <= new
    assert {("cloudfront.no_default_root_object", "fail")} <= new
    fixed = {f["check_id"] for f in doc["findings"]["fixed"]}
    assert "waf.no_rate_based_rule" in fixed  # the ACL protects nothing internet-facing now
    assert doc["summary"]["resources_changed"] == 1


def test_fail_on_new_exit_codes(pair: tuple[Path, Path], tmp_path: Path) -> None:
    assert _diff(*pair, tmp_path, "--fail-on-new", "high")[0] == 1
    assert _diff(*pair, tmp_path, "--fail-on-new", "critical")[0] == 0
    # the reverse direction fixes those findings: nothing new at high
    assert _diff(pair[1], pair[0], tmp_path, "--fail-on-new", "high")[0] == 0


def test_markdown_escapes_aws_strings(pair: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "diff.md"
    assert main(["diff", *map(str, pair), "--format", "md", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "## edgekit diff" in text
    assert "<img" not in text and "&lt;img src=x onerror=alert(1)&gt;" in text
    assert "\\*\\*pwn\\*\\*" in text and "\\[x\\](javascript:alert(1))" in text
    assert "cloudfront.viewer\\_http\\_allowed" in text
    # the comment's "|" cannot split a table row: every row has the header's cell count
    for line in text.splitlines():
        if line.startswith("| comment"):
            assert line.count(" | ") == 2


def test_identical_snapshots_have_no_change(tmp_path: Path) -> None:
    path = _snapshot(tmp_path, "same", CDK_OUT)
    code, doc = _diff(path, path, tmp_path, "--fail-on-new", "info")
    assert code == 0
    assert not any(doc["summary"].values())
    out = tmp_path / "d.md"
    assert main(["diff", str(path), str(path), "--format", "md", "-o", str(out)]) == 0
    assert "No change." in out.read_text(encoding="utf-8")


def test_two_live_snapshots(tmp_path: Path) -> None:
    live = snap.load(SAMPLE)
    doc = live.to_json()
    cf = next(
        p for p in doc["payloads"] if p["collector"] == "cloudfront" and p["data"]["distributions"]
    )
    gone = cf["data"]["distributions"].pop(0)
    new = tmp_path / "new.json"
    snap.write(type(live).from_json(doc), new)
    code, out = _diff(SAMPLE, new, tmp_path)
    assert code == 0
    removed = {(r["kind"], r["id"]) for r in out["resources"]["removed"]}
    assert ("distributions", gone["Distribution"]["ARN"]) in removed
    assert out["resources"]["added"] == []
    assert gone["Distribution"]["DomainName"] in out["entrypoints"]["removed"]


def test_a_bare_iac_import_is_overlaid_on_the_live_base(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Live vs the pull request's IaC: only what the IaC changes shows, with live ids."""
    deployed, _ = import_iac([str(CDK_OUT)], now=NOW)
    (cf,) = [p for p in deployed.payloads if p["collector"] == "cloudfront"]
    dist = cf["data"]["distributions"][0]["Distribution"]
    text = json.dumps(deployed.to_json()).replace(dist["Id"], "E1LIVE0000000")
    live_doc = json.loads(text)
    live_doc["source"] = "live"
    live = tmp_path / "live.json"
    snap.write(type(deployed).from_json(live_doc), live)
    pr = _snapshot(
        tmp_path, "pr", _edited(tmp_path, "pr", (API_POLICY, '"ViewerProtocolPolicy": "allow-all"'))
    )
    code, doc = _diff(live, pr, tmp_path, "--fail-on-new", "high")
    assert code == 1
    assert "overlaid on BASE" in capsys.readouterr().err
    assert doc["resources"]["added"] == doc["resources"]["removed"] == []
    (changed,) = doc["resources"]["changed"]
    assert changed["id"].endswith("distribution/E1LIVE0000000")
    assert {c["field"] for c in changed["changes"]} == {
        "cache_behaviors[/api/*].viewer_protocol_policy"
    }
    assert [f["check_id"] for f in doc["findings"]["new"]] == ["cloudfront.viewer_http_allowed"]


def test_bad_input_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "d.json"
    assert main(["diff", str(SAMPLE), str(tmp_path / "missing.json"), "-o", str(out)]) == 2
    assert main(["diff", str(SAMPLE), str(SAMPLE), "--fail-on-new", "bad", "-o", str(out)]) == 2
    assert not out.exists()
