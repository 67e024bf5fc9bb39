"""CloudFormation / cdk.out import: payload shapes, findings, secrets, unknowns, CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from edgekit.cli import main
from edgekit.iac.build import import_iac
from edgekit.model import parse
from tests.iac.conftest import CDK_OUT, NOW, fails, findings, imported, without_side_keys
from tests.model.shapes import payload_errors

TEMPLATE = CDK_OUT / "EdgeStack.template.json"


def test_every_payload_item_conforms_to_botocore_output_shapes() -> None:
    snapshot = imported(CDK_OUT)
    assert snapshot.source == "iac"
    collectors = {p["collector"] for p in snapshot.payloads}
    assert {"cloudfront", "wafv2", "elbv2", "route53", "acm", "s3", "ec2"} <= collectors
    for p in snapshot.payloads:
        assert payload_errors(p["collector"], without_side_keys(p["data"])) == [], p["collector"]


def test_account_and_region_come_from_the_cdk_manifest_environment() -> None:
    snapshot = imported(CDK_OUT)
    assert {p["account_id"] for p in snapshot.payloads} == {"111111111111"}
    assert ("111111111111", "us-east-1", "elbv2") in {
        (p["account_id"], p["region"], p["collector"]) for p in snapshot.payloads
    }


def test_intrinsics_resolve_between_resources_of_the_set() -> None:
    inv = parse(imported(CDK_OUT))
    (dist,) = inv.distributions
    (lb,) = inv.load_balancers
    (acl,) = inv.web_acls
    (cert,) = inv.certificates
    assert dist.web_acl_id == acl.arn  # Fn::GetAtt EdgeAcl.Arn
    origins = {o.id: o.domain_name for o in dist.origins}
    assert origins["EdgeStackSiteDistributionOrigin2"] == lb.dns_name  # GetAtt DNSName
    assert origins["EdgeStackSiteDistributionOrigin1"] == (
        "shop-assets-111111111111.s3.us-east-1.amazonaws.com"  # Join with AWS::AccountId
    )
    assert cert.domain_name == "shop.example.com"  # parameter default
    (record,) = [r for r in inv.record_sets if r.type == "A"]
    assert record.alias_target is not None
    assert record.alias_target.dns_name == dist.domain_name


def test_items_keep_their_iac_location() -> None:
    snapshot = imported(CDK_OUT)
    (cf,) = [p for p in snapshot.payloads if p["collector"] == "cloudfront"]
    (item,) = cf["data"]["distributions"]
    side = dict(item["_iac"])
    assert side.pop("set")[:2] == [
        "distributionconfig.aliase",
        "distributionconfig.cachebehavior.allowedmethod",
    ]
    assert side == {
        "file": str(TEMPLATE),
        "logical_id": "SiteDistribution3FF9535D",
        "type": "AWS::CloudFront::Distribution",
        "stack": "EdgeStack",
    }


def test_secrets_never_reach_the_snapshot(tmp_path: Path) -> None:
    out = tmp_path / "iac.json"
    assert main(["import-iac", str(CDK_OUT), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "s3cr3t-header-value" not in text
    assert "czNjcjN0LWhlYWRlci12YWx1ZQ" not in text  # nor its base64
    assert '"hmac-sha256:' in text  # the same keyed digests as a collection


def test_golden_path_findings_origin_locked_and_waf_attached() -> None:
    failing = {check for check, _ in fails(imported(CDK_OUT))}
    assert "cloudfront.no_waf" not in failing
    assert "origin.secret_header_not_enforced" not in failing  # rule matches the digest
    assert "cloudfront.viewer_http_allowed" not in failing
    assert "lb.single_az" not in failing  # two subnets = two zones


MISCONFIGURED = """
AWSTemplateFormatVersion: 2010-09-09
Parameters:
  Policy: {Type: String, Default: allow-all}
Resources:
  Dist:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: app
            DomainName: !Sub "app.${AWS::Region}.example.com"
            CustomOriginConfig: {OriginProtocolPolicy: http-only}
        DefaultCacheBehavior:
          TargetOriginId: app
          ViewerProtocolPolicy: !Ref Policy
          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
"""


def test_yaml_short_tags_and_misconfigurations_fire(tmp_path: Path) -> None:
    path = tmp_path / "edge.yaml"
    path.write_text(MISCONFIGURED, encoding="utf-8")
    failing = {check for check, _ in fails(imported(path, account="123456789012"))}
    assert {"cloudfront.viewer_http_allowed", "cloudfront.origin_http_only"} <= failing
    assert "cloudfront.no_waf" in failing


def test_parameter_override_is_a_near_miss(tmp_path: Path) -> None:
    path = tmp_path / "edge.yaml"
    path.write_text(MISCONFIGURED, encoding="utf-8")
    snapshot = imported(path, parameters={"Policy": "redirect-to-https"})
    assert "cloudfront.viewer_http_allowed" not in {c for c, _ in fails(snapshot)}


def test_deploy_time_values_are_gaps_never_guesses(tmp_path: Path) -> None:
    path = tmp_path / "edge.yaml"
    path.write_text(MISCONFIGURED.replace("Default: allow-all", "Description: no default"))
    snapshot = imported(path)
    (gap,) = snapshot.gaps
    assert gap["error_code"] == "IacUnresolved"
    assert (
        gap["operation"] == "iac:Dist.DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy"
    )
    assert "parameter Policy has no default" in gap["message"]
    verdicts = {
        f.status.value for f in findings(snapshot) if f.check_id == "cloudfront.viewer_http_allowed"
    }
    assert "fail" not in verdicts


def test_overlay_replaces_the_live_counterpart_and_keeps_live_ids() -> None:
    live, _ = import_iac([str(CDK_OUT)], now=NOW)
    # pretend it was collected: the distribution has a live id and domain
    (cf,) = [p for p in live.payloads if p["collector"] == "cloudfront"]
    dist = cf["data"]["distributions"][0]["Distribution"]
    live_text = json.dumps(live.to_json())
    live_text = live_text.replace(dist["Id"], "E1LIVE0000000").replace(
        dist["DomainName"], "d1live.cloudfront.net"
    )
    live_snapshot = type(live).from_json(json.loads(live_text))
    merged, _ = import_iac([str(CDK_OUT)], base=live_snapshot, now=NOW)
    inv = parse(merged)
    assert [d.id for d in inv.distributions] == ["E1LIVE0000000"]
    assert len(inv.load_balancers) == 1
    assert merged.source == "iac+live"


def test_cli_errors_exit_2_and_write_nothing(tmp_path: Path) -> None:
    out = tmp_path / "x.json"
    assert main(["import-iac", str(tmp_path / "missing.yaml"), "-o", str(out)]) == 2
    assert main(["import-iac", str(CDK_OUT), "--parameter", "novalue", "-o", str(out)]) == 2
    bad = tmp_path / "bad.json"
    bad.write_text('{"not": "a template"}')
    assert main(["import-iac", str(bad), "-o", str(out)]) == 2
    assert not out.exists()


@pytest.mark.parametrize("text", ["a: [unclosed", "- just\n- a list\n"])
def test_unreadable_templates_are_input_errors(tmp_path: Path, text: str) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(text)
    assert main(["import-iac", str(path), "-o", str(tmp_path / "o.json")]) == 2


def test_sarif_points_at_the_template_and_logical_id(tmp_path: Path) -> None:
    snap_path, sarif_path = tmp_path / "iac.json", tmp_path / "out.sarif"
    assert main(["import-iac", str(CDK_OUT), "-o", str(snap_path)]) == 0
    assert main(["scan", str(snap_path), "--format", "sarif", "-o", str(sarif_path)]) == 0
    results = json.loads(sarif_path.read_text())["runs"][0]["results"]
    by_rule = {r["ruleId"]: r["locations"][0] for r in results}
    loc = by_rule["cloudfront.logging_disabled"]
    assert loc["physicalLocation"]["artifactLocation"]["uri"] == str(TEMPLATE)
    assert {"fullyQualifiedName": "EdgeStack/SiteDistribution3FF9535D", "kind": "declaration"} in (
        loc["logicalLocations"]
    )
