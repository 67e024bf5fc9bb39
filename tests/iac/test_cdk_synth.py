"""Real CDK apps (TypeScript, tests/iac/cdk_apps) through tsc, ``App.synth()``, import and scan.

``golden`` is the golden path (WAF on the distribution and on the API stage, security headers,
S3 behind origin access control, a stage that logs); ``misconfigured`` carries the mistakes a
pull-request review must catch. Both are compiled once per source digest and synthesized
once per test module (:mod:`tests.iac.cdk_synth`), then imported exactly as a user would:
``edgekit import-iac cdk.out`` -> ``edgekit scan``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from edgekit.cli import main
from edgekit.snapshot import load
from tests.iac.cdk_synth import synth_all
from tests.iac.conftest import fails, findings, without_side_keys
from tests.model.shapes import payload_errors


@pytest.fixture(scope="module")
def assemblies(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return synth_all(tmp_path_factory.mktemp("cdk"))


def _import(out: Path, tmp: Path) -> Path:
    snap = tmp / f"{out.name}.json"
    assert main(["import-iac", str(out), "-o", str(snap)]) == 0
    return snap


def test_synth_writes_a_cloud_assembly(assemblies: dict[str, Path]) -> None:
    assert set(assemblies) == {"golden", "misconfigured"}
    manifest = json.loads((assemblies["golden"] / "manifest.json").read_text())
    stack = manifest["artifacts"]["ShopEdge"]
    assert stack["type"] == "aws:cloudformation:stack"
    assert stack["environment"] == "aws://111122223333/us-east-1"


def test_golden_path(assemblies: dict[str, Path], tmp_path: Path) -> None:
    snapshot = load(_import(assemblies["golden"], tmp_path))
    assert snapshot.source == "iac" and snapshot.gaps == []
    for p in snapshot.payloads:
        assert payload_errors(p["collector"], without_side_keys(p["data"])) == [], p["collector"]
    verdicts = {(f.check_id, f.status.value) for f in findings(snapshot)}
    for check in (
        "cloudfront.no_waf",
        "cloudfront.viewer_http_allowed",
        "cloudfront.origin_http_only",
        "cloudfront.s3_origin_unrestricted",
        "origin.s3_bucket_public",
        "apigw.stage_no_waf",  # the stage's regional web ACL, associated by stage ARN
        "apigw.stage_logging_disabled",  # access log to a log group, execution logging ERROR
    ):
        assert (check, "fail") not in verdicts, check
        assert (check, "unknown") not in verdicts, check
    # what the golden path still leaves open: the API's own execute-api endpoint is callable
    # around CloudFront (no resource policy, no API key) -- reported, not hidden
    assert ("origin.apigw_direct_access", "fail") in verdicts


def test_misconfigurations_are_found(assemblies: dict[str, Path], tmp_path: Path) -> None:
    snapshot = load(_import(assemblies["misconfigured"], tmp_path))
    for p in snapshot.payloads:
        assert payload_errors(p["collector"], without_side_keys(p["data"])) == [], p["collector"]
    failing = {check for check, _ in fails(snapshot)}
    assert failing >= {
        "cloudfront.viewer_http_allowed",
        "cloudfront.origin_http_only",
        "cloudfront.no_waf",
        "apigw.stage_no_waf",
        "apigw.stage_logging_disabled",
        "apigw.domain_tls_outdated",
        "origin.lambda_url_public",
        "lb.classic_in_use",
        "lb.classic_http_listener",
    }


def test_sarif_of_the_synthesized_app_names_template_and_construct(
    assemblies: dict[str, Path], tmp_path: Path
) -> None:
    snap = _import(assemblies["misconfigured"], tmp_path)
    sarif = tmp_path / "scan.sarif"
    assert main(["scan", str(snap), "--format", "sarif", "-o", str(sarif)]) == 0
    results = json.loads(sarif.read_text())["runs"][0]["results"]
    template = str(assemblies["misconfigured"] / "LegacyEdge.template.json")
    for check, prefix in (
        ("cloudfront.viewer_http_allowed", "LegacyEdge/Site"),
        ("apigw.domain_tls_outdated", "LegacyEdge/ApiDomain"),
        ("lb.classic_http_listener", "LegacyEdge/Classic"),
    ):
        (result,) = [r for r in results if r["ruleId"] == check]
        (location,) = result["locations"]
        assert location["physicalLocation"]["artifactLocation"]["uri"] == template
        names = [loc["fullyQualifiedName"] for loc in location["logicalLocations"]]
        assert any(n.startswith(prefix) for n in names), (check, names)
