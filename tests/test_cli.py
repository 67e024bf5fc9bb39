"""The command line: collect → scan round trip on the sandbox, IAM policy coverage, errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from edgekit.aws.iam import iam_action
from edgekit.aws.session import SessionSpec
from edgekit.cli import main
from edgekit.collect.api import collect
from edgekit.collect.registry import declared_actions

REGIONS = ["us-east-1", "eu-west-1"]


def test_every_call_made_is_in_the_iam_policy(sandbox_aws: None) -> None:
    from edgekit.sandbox.seed import seed

    seed()
    result = collect(SessionSpec(), regions=REGIONS, progress=False)
    declared = set(declared_actions())
    made = {iam_action(service, op) for service, op in result.calls}
    assert made, "no calls recorded"
    assert made <= declared, f"calls not in the policy: {sorted(made - declared)}"


def test_iam_policy_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["iam-policy"]) == 0
    doc = json.loads(capsys.readouterr().out)
    stmt = doc["Statement"][0]
    assert stmt["Effect"] == "Allow" and stmt["Resource"] == "*"
    assert stmt["Action"] == sorted(set(stmt["Action"]))
    verbs = {a.split(":", 1)[1] for a in stmt["Action"]}
    assert all(v.startswith(("Describe", "List", "Get", "GET", "AssumeRole")) for v in verbs)


def test_collect_then_scan(sandbox_aws: None, tmp_path: Path) -> None:
    from edgekit.sandbox.seed import seed

    seed()
    out = tmp_path / "s.json.gz"
    rc = main(
        [
            "collect",
            "--regions",
            ",".join(REGIONS),
            "--quiet",
            "-o",
            str(out),
            "--collectors",
            "cloudfront,wafv2,elbv2,route53,acm",
        ]
    )
    assert rc == 0
    assert out.exists()
    report = tmp_path / "f.json"
    assert main(["scan", str(out), "--format", "json", "-o", str(report)]) == 0
    doc = json.loads(report.read_text())
    assert doc["schema"] == "edgekit.findings/1"
    assert doc["snapshot"]["accounts"] == ["123456789012"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["scan", "/nonexistent/snap.json"], "no such snapshot file"),
        (["scan", "{snap}", "--fail-on", "urgent"], "--fail-on: unknown severity 'urgent'"),
        (["scan", "{snap}", "--checks", "nope.*"], "matches no check id"),
        (["collect", "--regions", "moon-1", "-o", "x.json"], "is not an AWS region"),
        (["collect", "--accounts", "12", "--role-name", "R", "-o", "x.json"], "12-digit"),
    ],
)
def test_input_errors_are_one_line_exit_2(
    argv: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    snap = tmp_path / "bad.json"
    snap.write_text(
        '{"schema": "edgekit.snapshot/1", "collected_at": "2026-01-01T00:00:00Z", '
        '"targets": [], "payloads": []}'
    )
    argv = [a.replace("{snap}", str(snap)) for a in argv]
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert message in err
    assert err.count("\n") == 0 and "Traceback" not in err


def test_usage_error_exit_2() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "edgekit.cli", "scan"], capture_output=True, text=True
    )
    assert proc.returncode == 2
    assert "required" in proc.stderr and "Traceback" not in proc.stderr
