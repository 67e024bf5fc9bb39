"""Terraform `terraform show -json` import: plan (unknowns, modules, references) and state."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from edgekit.cli import main
from edgekit.model import NOT_COLLECTED, parse
from edgekit.snapshot import Snapshot
from tests.iac.conftest import FIXTURES, fails, findings, imported, without_side_keys
from tests.model.shapes import payload_errors

PLAN = FIXTURES / "terraform" / "plan.json"
STATE = FIXTURES / "terraform" / "state.json"


def _payload(snapshot: Snapshot, collector: str) -> dict[str, Any]:
    (data,) = [p["data"] for p in snapshot.payloads if p["collector"] == collector]
    return data


@pytest.mark.parametrize("doc", [PLAN, STATE], ids=["plan", "state"])
def test_every_payload_item_conforms_to_botocore_output_shapes(doc: Path) -> None:
    snapshot = imported(doc)
    assert snapshot.source == "iac"
    collectors = {p["collector"] for p in snapshot.payloads}
    assert {"cloudfront", "elbv2", "route53", "acm", "s3", "ec2"} <= collectors
    for p in snapshot.payloads:
        assert payload_errors(p["collector"], without_side_keys(p["data"])) == [], p["collector"]


def test_plan_modules_are_flattened_and_references_resolved() -> None:
    inv = parse(imported(PLAN))
    (dist,) = inv.distributions
    (lb,) = inv.load_balancers  # module.alb.aws_lb.this
    (acl,) = inv.web_acls
    (cert,) = inv.certificates
    (oac,) = inv.origin_access_controls
    (tg,) = inv.target_groups
    origins = {o.id: o for o in dist.origins}
    assert origins["alb"].domain_name == lb.dns_name  # through the module output dns_name
    assert origins["assets"].domain_name == "example-org-assets.s3.us-east-1.amazonaws.com"
    assert origins["assets"].origin_access_control_id == oac.id
    assert origins["assets"].s3_origin_config is not None  # no custom config: an S3 origin
    assert dist.web_acl_id == acl.arn
    assert dist.viewer_certificate.acm_certificate_arn == cert.arn
    (https,) = [li for li in inv.listeners if li.port == 443]
    assert https.default_certificate_arn == cert.arn  # var.certificate_arn of module.alb
    rule = next(r for r in inv.listener_rules if not r.is_default)
    assert [arn for a in rule.actions for arn in a.target_group_arns] == [tg.arn]
    assert tg.targets is not NOT_COLLECTED
    assert [t.target_id for t in tg.targets] == ["10.0.1.10"]  # the attachment (count index)
    (record,) = inv.record_sets
    assert record.alias_target is not None and record.alias_target.dns_name == dist.domain_name
    assert [sg.id for sg in inv.security_groups] == list(lb.security_groups)


def test_items_keep_their_terraform_address() -> None:
    elbv2 = _payload(imported(PLAN), "elbv2")
    (lb,) = elbv2["load_balancers"]
    side = dict(lb["_iac"])
    assert {"scheme", "type", "attribute.value"} <= set(side.pop("set"))  # what Terraform lists
    assert side == {
        "file": str(PLAN),
        "logical_id": "module.alb.aws_lb.this",
        "type": "aws_lb",
    }


def test_plan_golden_path_findings() -> None:
    failing = {check for check, _ in fails(imported(PLAN))}
    for check in (
        "cloudfront.no_waf",
        "cloudfront.viewer_http_allowed",
        "cloudfront.s3_origin_unrestricted",
        "cloudfront.logging_disabled",
        "cloudfront.no_security_headers",
        "origin.alb_bypass",
        "origin.secret_header_not_enforced",
        "lb.http_not_redirected",
        "lb.single_az",
        "lb.no_targets",
        "waf.no_rate_based_rule",
        "tls.ct_logging_disabled",
    ):
        assert check not in failing, check


def test_a_value_known_only_after_apply_is_an_unknown() -> None:
    snapshot = imported(PLAN)
    gaps = {g["operation"]: g["message"] for g in snapshot.gaps}
    # the policy's jsonencode() over two resources' ARNs, and ACM's validation records
    assert set(gaps) == {
        "iac:aws_s3_bucket_policy.assets.PolicyDocument",
        "iac:aws_acm_certificate.site.DomainValidationOptions",
    }
    assert "known after apply" in gaps["iac:aws_s3_bucket_policy.assets.PolicyDocument"]
    (bucket,) = _payload(snapshot, "s3")["buckets"]
    assert "Policy" not in bucket  # not collected, never "no policy"
    verdicts = {
        f.status.value for f in findings(snapshot) if f.check_id == "origin.s3_policy_unscoped"
    }
    assert verdicts == {"unknown"}


def test_an_unresolvable_reference_makes_the_checks_that_read_it_unknown(tmp_path: Path) -> None:
    doc = json.loads(PLAN.read_text(encoding="utf-8"))
    config = doc["configuration"]["root_module"]["resources"][0]
    config["expressions"]["web_acl_id"] = {
        "references": ["data.aws_wafv2_web_acl.shared.arn", "data.aws_wafv2_web_acl.shared"]
    }
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    (finding,) = [f for f in findings(imported(path)) if f.check_id == "cloudfront.no_waf"]
    assert finding.status.value == "unknown"
    assert (
        "aws_cloudfront_distribution.site.DistributionConfig.WebACLId"
        in (finding.evidence["deploy_time_values"])
    )


def test_secrets_never_reach_the_snapshot(tmp_path: Path) -> None:
    out = tmp_path / "iac.json"
    assert main(["import-iac", str(PLAN), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "tf-0r1g1n-s3cr3t" not in text
    assert "origin.secret_header_not_enforced" not in {c for c, _ in fails(imported(PLAN))}


def test_state_misconfigurations_fire() -> None:
    snapshot = imported(STATE)
    assert {p["account_id"] for p in snapshot.payloads} == {"222222222222"}  # from the ARNs
    assert ("222222222222", "eu-west-1", "elbv2") in {
        (p["account_id"], p["region"], p["collector"]) for p in snapshot.payloads
    }
    failing = {check for check, _ in fails(snapshot)}
    assert {
        "cloudfront.viewer_http_allowed",
        "cloudfront.viewer_tls_outdated",
        "cloudfront.origin_http_only",
        "cloudfront.s3_origin_unrestricted",
        "cloudfront.no_waf",
        "cache.forward_all_headers",
        "origin.alb_bypass",
        "origin.s3_bucket_public",
        "lb.http_not_redirected",
        "lb.access_logs_disabled",
        "lb.drop_invalid_headers_disabled",
        "dns.cname_instead_of_alias",
        "tls.ct_logging_disabled",
    } <= failing
    assert "lb.no_targets" not in failing  # the aws_lb_target_group_attachment registered one


def test_a_plan_and_a_state_combine_into_one_estate(tmp_path: Path) -> None:
    out = tmp_path / "both.json"
    assert main(["import-iac", str(PLAN), str(STATE), "-o", str(out)]) == 0
    inv = parse(Snapshot.from_json(json.loads(out.read_text(encoding="utf-8"))))
    assert len(inv.distributions) == 2
    assert {d.account_id for d in inv.distributions} == {"000000000000", "222222222222"}


def test_a_raw_tfstate_file_is_refused_with_a_hint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = tmp_path / "terraform.tfstate"
    raw.write_text(json.dumps({"version": 4, "terraform_version": "1.7.5", "resources": []}))
    assert main(["import-iac", str(raw), "-o", str(tmp_path / "o.json")]) == 2
    assert "terraform show -json" in capsys.readouterr().err
    assert not (tmp_path / "o.json").exists()
