"""Deploy-time values: a check whose verdict depends on one says unknown, never nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from edgekit.cli import main
from edgekit.rules.deploytime import worlds
from edgekit.rules.finding import Finding
from tests.iac.conftest import findings, imported, without_side_keys
from tests.model.shapes import payload_errors

# Every parameter without a default is a value only known at deploy time.
TEMPLATE = """
AWSTemplateFormatVersion: 2010-09-09
Parameters:
  Policy: {Type: String}
  AclArn: {Type: String}
  ListenerProtocol: {Type: String}
  CtLogging: {Type: String}
  Note: {Type: String}
Resources:
  Dist:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Comment: !Ref Note
        WebACLId: !Ref AclArn
        Origins:
          - Id: app
            DomainName: app.example.com
            CustomOriginConfig: {OriginProtocolPolicy: https-only}
        DefaultCacheBehavior:
          TargetOriginId: app
          ViewerProtocolPolicy: !Ref Policy
          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
  Lb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Name: web
      Subnets: [subnet-0aaa1111bbbb22223, subnet-0ccc3333dddd44445]
  Tg:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties: {Name: web-targets, Port: 80, Protocol: HTTP, VpcId: vpc-0abc1234def567890}
  Front:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Lb
      Port: 80
      Protocol: !Ref ListenerProtocol
      DefaultActions: [{Type: forward, TargetGroupArn: !Ref Tg}]
  Cert:
    Type: AWS::CertificateManager::Certificate
    Properties:
      DomainName: www.example.com
      CertificateTransparencyLoggingPreference: !Ref CtLogging
"""


@pytest.fixture(name="template")
def _template(tmp_path: Path) -> Path:
    path = tmp_path / "edge.yaml"
    path.write_text(TEMPLATE, encoding="utf-8")
    return path


def _verdicts(found: list[Finding], check: str) -> list[Finding]:
    return [f for f in found if f.check_id == check]


def test_unresolved_members_are_listed_and_every_world_keeps_the_shapes(template: Path) -> None:
    snapshot = imported(template)
    tried = worlds(snapshot)
    assert len(tried) == 10  # Listener.Protocol: nine values, or left out
    for world in tried:
        for p in world.snapshot.payloads:
            data = without_side_keys(p["data"])
            assert payload_errors(p["collector"], data) == [], p["collector"]
    (cf,) = [p for p in snapshot.payloads if p["collector"] == "cloudfront"]
    (item,) = cf["data"]["distributions"]
    entries = {e["member"]: e for e in item["_iac"]["unresolved"]}
    vpp = entries["DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy"]
    assert vpp["values"] == ["allow-all", "https-only", "redirect-to-https"]
    assert vpp["absent"] is False
    assert vpp["path"] == [
        "Distribution",
        "DistributionConfig",
        "DefaultCacheBehavior",
        "ViewerProtocolPolicy",
    ]
    config = item["Distribution"]["DistributionConfig"]
    # the snapshot holds a reserved placeholder, never one of the values
    assert config["DefaultCacheBehavior"]["ViewerProtocolPolicy"].endswith(".iac.invalid")
    assert entries["DistributionConfig.WebACLId"]["absent"] is True
    assert entries["DistributionConfig.WebACLId"]["keep"] is True  # "some ACL" is one reading
    assert {g["operation"] for g in snapshot.gaps} >= {
        "iac:Dist.DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy",
        "iac:Front.Protocol",
        "iac:Cert.CertificateTransparencyLoggingPreference",
    }


@pytest.mark.parametrize(
    ("check", "member"),
    [
        ("cloudfront.viewer_http_allowed", "Dist.DistributionConfig.DefaultCacheBehavior"),
        ("cloudfront.no_waf", "Dist.DistributionConfig.WebACLId"),
        ("lb.http_not_redirected", "Front.Protocol"),
        ("tls.ct_logging_disabled", "Cert.CertificateTransparencyLoggingPreference"),
    ],
)
def test_a_check_that_reads_an_unresolved_value_is_unknown(
    template: Path, check: str, member: str
) -> None:
    (finding,) = _verdicts(findings(imported(template)), check)
    assert finding.status.value == "unknown"
    assert "only known at deploy time" in finding.message
    assert any(m.startswith(member) for m in finding.evidence["deploy_time_values"])
    assert finding.evidence["fails_when"], "names the values that would make it fail"


def test_the_values_that_fail_are_named(template: Path) -> None:
    (finding,) = _verdicts(findings(imported(template)), "cloudfront.viewer_http_allowed")
    key = "Dist.DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy"
    assert {w[key] for w in finding.evidence["fails_when"]} == {"allow-all"}


def test_resolved_values_give_definite_verdicts(template: Path) -> None:
    snapshot = imported(
        template,
        parameters={
            "Policy": "redirect-to-https",
            "AclArn": "arn:aws:wafv2:us-east-1:000000000000:global/webacl/a/1",
            "ListenerProtocol": "HTTP",
            "CtLogging": "DISABLED",
            "Note": "x",
        },
    )
    assert not any(e for p in snapshot.payloads for e in _entries(p["data"]))
    found = findings(snapshot)
    assert _verdicts(found, "cloudfront.viewer_http_allowed") == []
    assert _verdicts(found, "cloudfront.no_waf") == []
    assert [f.status.value for f in _verdicts(found, "lb.http_not_redirected")] == ["fail"]
    assert [f.status.value for f in _verdicts(found, "tls.ct_logging_disabled")] == ["fail"]


def _entries(value: object) -> list[object]:
    if isinstance(value, dict):
        side = value.get("_iac")
        own = list(side.get("unresolved", [])) if isinstance(side, dict) else []
        return own + [e for k, v in value.items() if k != "_iac" for e in _entries(v)]
    if isinstance(value, list):
        return [e for v in value for e in _entries(v)]
    return []


def test_a_verdict_that_holds_for_every_value_stays_definite(tmp_path: Path) -> None:
    """Near miss: an ordered behavior allows HTTP whatever the default behavior's policy."""
    text = TEMPLATE.replace(
        "          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad\n",
        "          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad\n"
        "        CacheBehaviors:\n"
        "          - {PathPattern: /old/*, TargetOriginId: app, ViewerProtocolPolicy: allow-all,"
        " CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad}\n",
        1,
    )
    path = tmp_path / "edge.yaml"
    path.write_text(text, encoding="utf-8")
    found = findings(imported(path))
    (finding,) = _verdicts(found, "cloudfront.viewer_http_allowed")
    assert finding.status.value == "fail"
    assert finding.evidence["path_patterns"] == ["/old/*"]
    # a check reading no unresolved value keeps its verdict (TLSv1 in CloudFormation's default
    # OriginSSLProtocols), and the unresolved Comment (one possible reading) is never named
    (tls,) = _verdicts(found, "cloudfront.origin_tls_outdated")
    assert tls.status.value == "fail"
    assert not any("Comment" in f.message for f in found)


def test_scan_cli_reports_the_unknowns(template: Path, tmp_path: Path) -> None:
    snap_path, out = tmp_path / "iac.json", tmp_path / "findings.json"
    assert main(["import-iac", str(template), "-o", str(snap_path)]) == 0
    assert main(["scan", str(snap_path), "--format", "json", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "only known at deploy time" in text
