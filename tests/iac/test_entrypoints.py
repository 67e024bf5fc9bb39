"""API Gateway v1/v2, Lambda function URL, Classic ELB and Global Accelerator from IaC.

The same estate twice, written by hand: a CloudFormation template (``entrypoints.yaml``,
deploy-time ids synthetic) and a Terraform state (``state.json``, ``terraform show -json`` of
the applied configuration, real-looking ids). Both must lay their payloads out as the
collectors do (botocore's output shapes), give the same findings, connect in the traffic graph,
keep their IaC location, and overlay one another by natural key.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from edgekit.cli import main
from edgekit.graph.estate import Estate
from edgekit.iac.build import import_iac
from edgekit.model import parse
from edgekit.snapshot import Snapshot
from tests.iac.conftest import FIXTURES, NOW, fails, findings, imported, without_side_keys
from tests.model.shapes import payload_errors

HERE = FIXTURES / "entrypoints"
CFN = HERE / "entrypoints.yaml"
STATE = HERE / "state.json"
ACCOUNT = "123456789012"
NEW_COLLECTORS = {"apigateway", "apigatewayv2", "lambda", "elb", "globalaccelerator"}
EXPECTED = {
    "apigw.stage_no_waf",  # REST stage without WAF, execute-api callable around CloudFront
    "apigw.stage_logging_disabled",  # REST stage: no access log, execution logging OFF
    "apigw.domain_tls_outdated",  # custom domain on TLS_1_0
    "origin.apigw_direct_access",
    "origin.lambda_url_public",  # function URL with AuthType NONE behind CloudFront
    "lb.classic_in_use",
    "lb.classic_http_listener",
    "lb.classic_tls_policy_outdated",  # ELBSecurityPolicy-2016-08 allows TLS 1.0/1.1
    "lb.classic_access_logs_disabled",
    "lb.classic_connection_draining_disabled",
}


def _import(path: Path) -> Snapshot:
    return imported(path, account=ACCOUNT)


@pytest.fixture(scope="module", params=[CFN, STATE], ids=["cloudformation", "terraform"])
def twin(request: pytest.FixtureRequest) -> Snapshot:
    return _import(request.param)


def test_payloads_conform_to_botocore_output_shapes(twin: Snapshot) -> None:
    assert {p["collector"] for p in twin.payloads} >= NEW_COLLECTORS
    for p in twin.payloads:
        assert payload_errors(p["collector"], without_side_keys(p["data"])) == [], p["collector"]


def test_the_misconfigurations_are_found(twin: Snapshot) -> None:
    failing = {check for check, _ in fails(twin)}
    assert failing >= EXPECTED
    stages = [
        f.resource.id
        for f in findings(twin)
        if f.check_id == "apigw.stage_logging_disabled" and f.status.value == "fail"
    ]
    assert len(stages) == 1 and "/restapis/" in stages[0]  # not the HTTP API's $default


def test_both_twins_give_the_same_findings() -> None:
    cfn, tf = _import(CFN), _import(STATE)
    assert {c for c, _ in fails(cfn)} == {c for c, _ in fails(tf)}
    verdicts = {(f.check_id, f.status.value) for f in findings(cfn)}
    assert verdicts == {(f.check_id, f.status.value) for f in findings(tf)}


def test_the_model_reads_what_the_templates_define(twin: Snapshot) -> None:
    inv = parse(twin)
    (rest,) = inv.rest_apis
    assert rest.name == "shop-api" and rest.endpoint_types == ("REGIONAL",)
    (resource,) = [r for r in rest.resources if r.path == "/{proxy+}"]
    (method,) = resource.methods
    assert method.http_method == "ANY" and method.integration is not None
    assert method.integration.uri == "https://backend.internal.example.com/{proxy}"
    (stage,) = rest.stages
    assert stage.name == "prod" and stage.method_settings["*/*"].logging_level == "OFF"
    (http,) = inv.apis
    assert [s.name for s in http.stages] == ["$default"]
    assert [r.route_key for r in http.routes] == ["ANY /{proxy+}"]
    (clb,) = inv.classic_load_balancers
    assert [(li.protocol, li.load_balancer_port) for li in clb.listeners] == [
        ("HTTP", 80),
        ("HTTPS", 443),
    ]
    (accelerator,) = inv.accelerators
    ((group,),) = [li.endpoint_groups for li in accelerator.listeners]
    assert [e.endpoint_id for e in group.endpoints] == [inv.load_balancers[0].arn]
    (url,) = inv.function_urls
    assert url.function_arn == f"arn:aws:lambda:us-east-1:{ACCOUNT}:function:thumbs"
    (cert,) = inv.certificates
    assert len(cert.in_use_by) == 3  # both API domains and the Classic ELB, as ACM lists them


def test_traffic_paths_run_through_the_new_entry_points(twin: Snapshot) -> None:
    estate = Estate.from_snapshot(twin)
    (api_path,) = estate.paths_from("api.example.com")
    assert api_path[0] == "apigw-domain:api.example.com"
    assert api_path[1].startswith("apigw-stage:") and api_path[1].endswith(":prod")
    assert api_path[-1] == "ext:backend.internal.example.com"
    (orders,) = estate.paths_from("orders.example.com")
    assert orders[-1] == "ext:orders.internal.example.com"
    site = estate.paths_from("shop.example.com")
    ends = {p[-1].split(":")[0] for p in site}
    assert ends == {"lambda", "ext"}  # the function behind its URL; the API's backend
    assert any(any(n.startswith("lambda-url:") for n in p) for p in site)
    hosts = estate.entrypoints().hostname
    (accelerator,) = [h for h in hosts if h.endswith(".awsglobalaccelerator.com")]
    (ga_path,) = estate.paths_from(accelerator)
    assert ga_path[-1].startswith("lb:") and "/app/shop-alb/" in ga_path[-1]


@pytest.mark.parametrize(
    ("path", "where"),
    [
        (
            CFN,
            {
                "apigw.stage_logging_disabled": "ShopApiStage",
                "apigw.domain_tls_outdated": "ShopDomain",
                "lb.classic_http_listener": "LegacyElb",
            },
        ),
        (
            STATE,
            {
                "apigw.stage_logging_disabled": "aws_api_gateway_stage.prod",
                "apigw.domain_tls_outdated": "aws_api_gateway_domain_name.shop",
                "lb.classic_http_listener": "aws_elb.legacy",
            },
        ),
    ],
    ids=["cloudformation", "terraform"],
)
def test_sarif_points_at_the_definition(tmp_path: Path, path: Path, where: dict[str, str]) -> None:
    snap, sarif = tmp_path / "iac.json", tmp_path / "out.sarif"
    assert main(["import-iac", str(path), "--account", ACCOUNT, "-o", str(snap)]) == 0
    assert main(["scan", str(snap), "--format", "sarif", "-o", str(sarif)]) == 0
    results = json.loads(sarif.read_text())["runs"][0]["results"]
    for check, name in where.items():
        (result,) = [r for r in results if r["ruleId"] == check]
        (location,) = result["locations"]
        assert location["physicalLocation"]["artifactLocation"]["uri"] == str(path)
        names = {loc["fullyQualifiedName"] for loc in location["logicalLocations"]}
        assert any(n.endswith(name) for n in names), (check, names)


def test_the_template_overlays_a_live_estate_by_natural_key() -> None:
    live = _import(STATE)  # stands for the deployed estate: its ids are the "live" ones
    merged, notes = import_iac([str(CFN)], base=live, now=NOW)
    assert notes == []
    inv = parse(merged)
    assert [a.id for a in inv.rest_apis] == ["k3x9p2m7qa"]
    assert [a.id for a in inv.apis] == ["w1r5n8c2ve"]
    assert [c.name for c in inv.classic_load_balancers] == ["legacy-clb"]
    assert [a.arn for a in inv.accelerators] == [
        f"arn:aws:globalaccelerator::{ACCOUNT}:accelerator/7a1c9e20-5b3d-4c8f-a6e1-2d9b0f3c4e5a"
    ]
    assert len(inv.function_urls) == 1
    stage_fails = {
        f.resource.id
        for f in findings(merged)
        if f.check_id == "apigw.stage_logging_disabled" and f.status.value == "fail"
    }
    assert stage_fails == {"arn:aws:apigateway:us-east-1::/restapis/k3x9p2m7qa/stages/prod"}


def test_a_fix_in_the_template_clears_the_finding(tmp_path: Path) -> None:
    fixed = tmp_path / "fixed.yaml"
    text = CFN.read_text(encoding="utf-8")
    fixed.write_text(
        text.replace("SecurityPolicy: TLS_1_0", "SecurityPolicy: TLS_1_2")
        .replace("PolicyNames: [legacy-tls]", "PolicyNames: [modern-tls]")
        .replace(
            "- PolicyName: legacy-tls",
            "- PolicyName: modern-tls",
        )
        .replace("ELBSecurityPolicy-2016-08", "ELBSecurityPolicy-TLS-1-2-2017-01"),
        encoding="utf-8",
    )
    failing = {check for check, _ in fails(_import(fixed))}
    assert "apigw.domain_tls_outdated" not in failing
    assert "lb.classic_tls_policy_outdated" not in failing
    assert "lb.classic_http_listener" in failing  # port 80 is still there


PLAN = {
    "format_version": "1.2",
    "terraform_version": "1.7.5",
    "planned_values": {
        "root_module": {
            "resources": [
                {
                    "address": "aws_apigatewayv2_api.orders",
                    "mode": "managed",
                    "type": "aws_apigatewayv2_api",
                    "name": "orders",
                    "values": {"name": "orders-http", "protocol_type": "HTTP", "tags": None},
                },
                {
                    "address": "aws_apigatewayv2_stage.orders",
                    "mode": "managed",
                    "type": "aws_apigatewayv2_stage",
                    "name": "orders",
                    "values": {
                        "name": "$default",
                        "auto_deploy": True,
                        "access_log_settings": [{"format": "$context.requestId"}],
                    },
                },
            ]
        }
    },
    "resource_changes": [
        {
            "address": "aws_apigatewayv2_api.orders",
            "change": {"after_unknown": {"id": True, "api_endpoint": True, "arn": True}},
        },
        {
            "address": "aws_apigatewayv2_stage.orders",
            "change": {
                "after_unknown": {
                    "id": True,
                    "api_id": True,
                    "access_log_settings": [{"destination_arn": True}],
                }
            },
        },
    ],
    "configuration": {
        "root_module": {
            "resources": [
                {
                    "address": "aws_apigatewayv2_stage.orders",
                    "expressions": {
                        "api_id": {
                            "references": [
                                "aws_apigatewayv2_api.orders.id",
                                "aws_apigatewayv2_api.orders",
                            ]
                        },
                        "access_log_settings": [
                            {"destination_arn": {"references": ["var.log_group_arn"]}}
                        ],
                    },
                }
            ]
        }
    },
}


def test_a_plan_value_known_after_apply_is_never_a_guess(tmp_path: Path) -> None:
    """The stage's log group comes from a variable with no value: ``unknown``, not ``fail``."""
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(PLAN), encoding="utf-8")
    snapshot = imported(path, account=ACCOUNT)
    (api,) = parse(snapshot).apis
    assert [s.name for s in api.stages] == ["$default"]  # api_id resolved through the reference
    verdicts = {
        f.status.value for f in findings(snapshot) if f.check_id == "apigw.stage_logging_disabled"
    }
    assert verdicts == {"unknown"}
    assert any(g["operation"].endswith(".AccessLogSettings.DestinationArn") for g in snapshot.gaps)


def test_diff_of_the_template_before_and_after_a_fix(tmp_path: Path) -> None:
    """``edgekit diff`` between two IaC snapshots: the fix shows as changed resources and
    fixed findings, nothing new."""
    fixed = tmp_path / "change" / CFN.name  # same stack name: the same synthetic ids
    fixed.parent.mkdir()
    fixed.write_text(
        CFN.read_text(encoding="utf-8").replace(
            "SecurityPolicy: TLS_1_0", "SecurityPolicy: TLS_1_2"
        ),
        encoding="utf-8",
    )
    base, new, out = tmp_path / "base.json", tmp_path / "new.json", tmp_path / "diff.json"
    for source, target in ((CFN, base), (fixed, new)):
        assert main(["import-iac", str(source), "--account", ACCOUNT, "-o", str(target)]) == 0
    assert main(["diff", str(base), str(new), "--format", "json", "-o", str(out)]) == 0
    doc = json.loads(out.read_text())
    fixed_checks = {f["check_id"] for f in doc["findings"]["fixed"]}
    assert fixed_checks == {"apigw.domain_tls_outdated"}
    assert doc["findings"]["new"] == []
    changed = [r for r in doc["resources"]["changed"] if "domainnames" in r.get("id", "")]
    assert changed, doc["resources"]["changed"]
