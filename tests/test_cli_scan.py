"""The ``edgekit scan`` contract end to end (DESIGN §2): exit codes, formats, output files,
suppressions. One hand-built snapshot: a distribution that allows HTTP and has no web ACL (two
high failures), whose S3 origin bucket was not collected (a critical *unknown*)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from edgekit import snapshot as snap
from edgekit.cli import main
from edgekit.rules import catalogue
from edgekit.rules.registry import Check, Registry
from tests.model import factories as f

DIST = f"arn:aws:cloudfront::{f.ACCOUNT}:distribution/E1EXAMPLE"
HIGH_FAILS = {"cloudfront.no_waf", "cloudfront.viewer_http_allowed"}


@pytest.fixture
def snapshot_file(tmp_path: Path) -> Path:
    origin = f.s3_origin()
    dist = f.distribution(
        "E1EXAMPLE",
        aliases=["a.example.com"],
        origins=[origin],
        default=f.behavior(origin["Id"], viewer="allow-all"),
        certificate=f.viewer_certificate(f.cert_arn("c1")),
    )
    path = tmp_path / "s.json"
    entry = f.distribution_entry(dist, [])
    snap.write(f.snapshot(f.payload("cloudfront", {"distributions": [entry]})), path)
    return path


def _json(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, Any]]:
    code = main([*argv, "--format", "json"])
    return code, json.loads(capsys.readouterr().out)


# -- exit codes ----------------------------------------------------------------------------------
def test_fail_on_high_exits_1(snapshot_file: Path) -> None:
    assert main(["scan", str(snapshot_file), "--format", "json", "--fail-on", "high"]) == 1


def test_fail_on_counts_failures_only_not_unknowns(
    snapshot_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, doc = _json(["scan", str(snapshot_file), "--fail-on", "critical"], capsys)
    assert code == 0
    critical = [x for x in doc["findings"] if x["severity"] == "critical"]
    assert [(x["check_id"], x["status"]) for x in critical] == [
        ("cloudfront.s3_origin_missing_bucket", "unknown")
    ]


def test_without_fail_on_findings_exit_0(snapshot_file: Path) -> None:
    assert main(["scan", str(snapshot_file), "--format", "json"]) == 0


def test_a_raising_check_exits_3_and_the_others_are_written(
    snapshot_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    real = catalogue.load()

    def broken(resource: object, ctx: object) -> None:
        raise RuntimeError("boom")

    def load() -> Registry:
        checks = tuple(
            Check(c.meta, broken) if c.meta.id == "cloudfront.no_waf" else c for c in real
        )
        return Registry(checks)

    monkeypatch.setattr(catalogue, "load", load)
    out = tmp_path / "f.json"
    assert main(["scan", str(snapshot_file), "--format", "json", "-o", str(out)]) == 3
    err = capsys.readouterr().err
    assert f"check cloudfront.no_waf raised on {DIST}: RuntimeError: boom" in err
    doc = json.loads(out.read_text(encoding="utf-8"))
    ids = {x["check_id"] for x in doc["findings"]}
    assert "cloudfront.viewer_http_allowed" in ids and "cloudfront.no_waf" not in ids
    assert doc["summary"]["check_errors"] == 1


# -- filters -------------------------------------------------------------------------------------
def test_min_severity_hides_lower_findings(
    snapshot_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, doc = _json(["scan", str(snapshot_file), "--min-severity", "high"], capsys)
    findings = doc["findings"]
    assert {x["severity"] for x in findings} == {"critical", "high"}
    fails = {x["check_id"] for x in findings if x["status"] == "fail"}
    assert fails == HIGH_FAILS


def test_checks_glob_selects_checks(
    snapshot_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, doc = _json(["scan", str(snapshot_file), "--checks", "cloudfront.viewer_*"], capsys)
    assert [x["check_id"] for x in doc["findings"]] == ["cloudfront.viewer_http_allowed"]
    assert list(doc["evaluated"]) == [
        "cloudfront.viewer_http_allowed",
        "cloudfront.viewer_tls_not_current",
        "cloudfront.viewer_tls_outdated",
    ]


# -- every format, to standard output and to a file ----------------------------------------------
def _parse(fmt: str, text: str) -> set[str]:
    """The failing check ids a format carries."""
    if fmt == "json":
        return {x["check_id"] for x in json.loads(text)["findings"] if x["status"] == "fail"}
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        return {r["check_id"] for r in rows if r["status"] == "fail"}
    if fmt == "sarif":
        doc = json.loads(text)
        assert doc["version"] == "2.1.0"
        results = doc["runs"][0]["results"]
        return {r["ruleId"] for r in results if r["kind"] == "fail"}
    return {c for c in HIGH_FAILS if c in text}


@pytest.mark.parametrize("fmt", ["json", "csv", "sarif", "table"])
def test_every_format_to_stdout_and_to_a_file(
    fmt: str, snapshot_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["scan", str(snapshot_file), "--format", fmt, "--min-severity", "high"]
    assert main(argv) == 0
    printed = capsys.readouterr().out
    assert _parse(fmt, printed) >= HIGH_FAILS
    out = tmp_path / "nested" / f"findings.{fmt}"
    assert main([*argv, "-o", str(out)]) == 0
    assert capsys.readouterr().out == ""
    assert _parse(fmt, out.read_text(encoding="utf-8")) >= HIGH_FAILS


# -- suppressions --------------------------------------------------------------------------------
def _suppressions(tmp_path: Path, until: str) -> Path:
    path = tmp_path / "sup.toml"
    path.write_text(
        "[[suppress]]\n"
        'check = "cloudfront.no_waf"\n'
        'resource = "arn:aws:cloudfront::*:distribution/*"\n'
        'reason = "WAF at the ALB"\n'
        f"until = {until}\n",
        encoding="utf-8",
    )
    return path


def test_a_suppression_moves_the_finding_to_its_own_list(
    snapshot_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sup = _suppressions(tmp_path, "2999-01-01")
    code, doc = _json(
        ["scan", str(snapshot_file), "--suppress", str(sup), "--fail-on", "high"], capsys
    )
    assert code == 1  # viewer_http_allowed still fails
    assert "cloudfront.no_waf" not in {x["check_id"] for x in doc["findings"]}
    [suppressed] = doc["suppressed"]
    assert suppressed["check_id"] == "cloudfront.no_waf"
    assert suppressed["suppression"]["reason"] == "WAF at the ALB"


def test_an_expired_suppression_is_reported_and_stops_applying(
    snapshot_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sup = _suppressions(tmp_path, "2020-01-01")
    assert main(["scan", str(snapshot_file), "--format", "json", "--suppress", str(sup)]) == 0
    captured = capsys.readouterr()
    assert (
        "edgekit: suppression expired on 2020-01-01: cloudfront.no_waf "
        "arn:aws:cloudfront::*:distribution/* (WAF at the ALB)" in captured.err
    )
    doc = json.loads(captured.out)
    assert "cloudfront.no_waf" in {x["check_id"] for x in doc["findings"]}
    assert doc["suppressed"] == []


# -- the console script itself -------------------------------------------------------------------
def test_the_console_script_exit_code_and_streams(snapshot_file: Path) -> None:
    script = Path(sys.executable).with_name("edgekit")
    done = subprocess.run(
        [str(script), "scan", str(snapshot_file), "--format", "csv", "--fail-on", "high"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert _parse("csv", done.stdout) >= HIGH_FAILS
    assert "Traceback" not in done.stderr
