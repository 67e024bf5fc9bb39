"""Hostname-first CLI (issue 16): findings carry their entrypoints, ``scan --entrypoint``,
``lineage`` by any name and ``--in-front-of``, per-hop findings and traffic, did-you-mean,
unused suppressions. On the rich fixture estate (it has CloudWatch metrics for some resources).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from edgekit.cli import main

RICH = str(Path(__file__).parent / "fixtures" / "snapshots" / "rich.json")
ELB = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer"
APP_LB = f"{ELB}/app/app-internal/50dc6c495c0c9188"
WEB_ALB = f"{ELB}/app/web-alb/50dc6c495c0c9188"
CLB_HOST = "legacy-clb-1234567890.us-east-1.elb.amazonaws.com"
HTTP_API_HOST = "h1t2p3a4p5.execute-api.us-east-1.amazonaws.com"
APP_LB_HOSTS = [
    "app.example.com",
    "http.example.com",
    "de3vpcorigin.cloudfront.net",
    HTTP_API_HOST,
]
SAMPLE = str(Path(__file__).parent / "fixtures" / "snapshots" / "sample.json.gz")


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, Any]:
    assert main([*argv, "--format", "json"]) == 0
    doc: dict[str, Any] = json.loads(capsys.readouterr().out)
    return doc


def test_every_finding_carries_its_entrypoints(capsys: pytest.CaptureFixture[str]) -> None:
    doc = _json(capsys, "scan", RICH)
    by = {(f["check_id"], f["resource_arn"]): f["entrypoints"] for f in doc["findings"]}
    # the internal ALB: behind a VPC origin, and behind the HTTP API's VPC link (its custom
    # domain and its execute-api name)
    assert by[("lb.access_logs_disabled", APP_LB)] == APP_LB_HOSTS
    dist = "arn:aws:cloudfront::111111111111:distribution/"
    assert by[("cloudfront.logging_disabled", dist + "E4CONTEXT")] == ["de4context.cloudfront.net"]
    # a disabled distribution is no entrypoint and nothing routes to it
    assert by[("cloudfront.disabled", dist + "E2LEGACY")] == []
    assert all(isinstance(f["entrypoints"], list) for f in doc["findings"])


def test_scan_entrypoint_filters_to_the_hosts_paths(capsys: pytest.CaptureFixture[str]) -> None:
    doc = _json(capsys, "scan", RICH, "--entrypoint", "app.example.com")
    assert doc["entrypoint_filter"] == {
        "patterns": ["app.example.com"],
        "hostnames": ["app.example.com"],
    }
    assert doc["findings"]
    assert all("app.example.com" in f["entrypoints"] for f in doc["findings"])
    checks = {f["check_id"] for f in doc["findings"]}
    assert {"lb.waf_fail_open", "cloudfront.no_security_headers"} <= checks
    assert "lb.classic_in_use" not in checks  # the Classic ELB is on another host's path
    assert doc["summary"]["total"] == len(doc["findings"])


def test_http_api_host_reaches_the_alb_behind_its_vpc_link(
    capsys: pytest.CaptureFixture[str],
) -> None:
    doc = _json(capsys, "scan", RICH, "--entrypoint", "http.example.com")
    on_alb = {f["check_id"] for f in doc["findings"] if f["resource_arn"] == APP_LB}
    assert {"lb.access_logs_disabled", "lb.waf_fail_open"} <= on_alb
    front = _json(capsys, "lineage", RICH, "--in-front-of", "app-internal")
    hops = {h["node"]: h for h in front["hops"]}
    stage = hops["apigw-stage:us-east-1:h1t2p3a4p5:$default"]
    assert (stage["depth"], stage["via"]) == (1, "integrates")
    assert hops["apigw-domain:http.example.com"]["label"] == "http.example.com"
    forward = _json(capsys, "lineage", RICH, "--entrypoint", HTTP_API_HOST)
    kinds = [h["kind"] for h in forward["hops"]]
    assert kinds[kinds.index("api-stage") + 1 :][:3] == [
        "load-balancer",
        "listener",
        "listener-rule",
    ]
    assert "target-group" in kinds


def test_sample_http_api_stage_and_alb_findings_are_on_the_host(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The demo estate: orders.nwpay.example → CloudFront → HTTP API → VPC link → ALB."""
    doc = _json(capsys, "scan", SAMPLE, "--entrypoint", "orders.nwpay.example")
    found = {(f["check_id"], f["resource_type"]) for f in doc["findings"]}
    assert {
        ("apigw.stage_logging_disabled", "AWS::ApiGatewayV2::Stage"),
        ("lb.access_logs_disabled", "AWS::ElasticLoadBalancingV2::LoadBalancer"),
        ("lb.drop_invalid_headers_disabled", "AWS::ElasticLoadBalancingV2::LoadBalancer"),
        ("lb.deletion_protection_disabled", "AWS::ElasticLoadBalancingV2::LoadBalancer"),
    } <= found
    front = _json(capsys, "lineage", SAMPLE, "--in-front-of", "nw-pay-orders")
    assert "dns:orders.nwpay.example" in {h["node"] for h in front["hops"]}


def test_scan_entrypoint_is_repeatable_with_globs(capsys: pytest.CaptureFixture[str]) -> None:
    doc = _json(
        capsys, "scan", RICH, "--entrypoint", "legacy-clb-*", "--entrypoint", "app.example.com"
    )
    assert doc["entrypoint_filter"]["hostnames"] == ["app.example.com", CLB_HOST]
    checks = {f["check_id"] for f in doc["findings"]}
    assert {"lb.classic_in_use", "lb.waf_fail_open"} <= checks
    assert all({"app.example.com", CLB_HOST} & set(f["entrypoints"]) for f in doc["findings"])


def test_scan_unknown_entrypoint_exits_2_with_suggestions(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["scan", RICH, "--entrypoint", "ap.example.com"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("edgekit: error: no entrypoint matches 'ap.example.com' (did you mean ")
    assert "app.example.com" in err


def test_csv_and_sarif_carry_entrypoints(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", RICH, "--format", "csv", "--entrypoint", "app.example.com"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    row = next(r for r in rows if r["check_id"] == "lb.access_logs_disabled")
    assert row["entrypoints"] == " ".join(APP_LB_HOSTS)
    assert main(["scan", RICH, "--format", "sarif"]) == 0
    sarif = json.loads(capsys.readouterr().out)
    results = sarif["runs"][0]["results"]
    found = next(
        r
        for r in results
        if r["ruleId"] == "lb.access_logs_disabled" and APP_LB in r["message"]["text"]
    )
    assert found["properties"]["entrypoints"] == APP_LB_HOSTS


def test_scan_table_shows_hostname_and_resource_label(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["scan", RICH, "--entrypoint", CLB_HOST]) == 0
    out = capsys.readouterr().out
    header = next(line for line in out.splitlines() if "severity" in line)
    assert [c.strip() for c in header.strip("┃ ").split("┃")][:5] == [
        "severity",
        "status",
        "check",
        "hostname",
        "resource",
    ]
    assert "classic legacy-clb" in out  # the graph's label, not the ARN
    assert "arn:aws:elasticloadbalancing" not in out


def test_unused_suppression_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sup = tmp_path / "s.toml"
    sup.write_text(
        '[[suppress]]\ncheck = "lb.classic_in_us"\nreason = "typo"\n'
        '[[suppress]]\ncheck = "lb.classic_in_use"\nreason = "accepted"\n',
        encoding="utf-8",
    )
    assert main(["scan", RICH, "--suppress", str(sup), "--format", "json"]) == 0
    captured = capsys.readouterr()
    doc = json.loads(captured.out)
    assert doc["unused_suppressions"] == [
        {"check": "lb.classic_in_us", "reason": "typo", "resource": "*", "until": None}
    ]
    assert [s["suppression"]["check"] for s in doc["suppressed"]] == ["lb.classic_in_use"]
    assert (
        "edgekit: suppression matched no finding: lb.classic_in_us * (typo) "
        "(did you mean lb.classic_in_use"
    ) in captured.err


def test_checks_typo_suggests(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", RICH, "--checks", "cloudfront.no_wafx"]) == 2
    err = capsys.readouterr().err
    assert "matches no check id (did you mean cloudfront.no_waf" in err


@pytest.mark.parametrize(
    "value",
    [
        "www.example.com",
        "E1MAINDIST",
        "arn:aws:cloudfront::111111111111:distribution/E1MAINDIST",
        "cloudfront:E1MAINDIST",
        "de1maindist.cloudfront.net",
    ],
)
def test_lineage_accepts_any_name(capsys: pytest.CaptureFixture[str], value: str) -> None:
    doc = _json(capsys, "lineage", RICH, "--entrypoint", value)
    nodes = [h["node"] for h in doc["hops"]]
    assert "cloudfront:E1MAINDIST" in nodes[:2]
    assert doc["query"] == value and doc["direction"] == "from-entrypoint"


def test_lineage_by_load_balancer_name(capsys: pytest.CaptureFixture[str]) -> None:
    doc = _json(capsys, "lineage", RICH, "--entrypoint", "web-alb")
    assert doc["entry"] == f"lb:{WEB_ALB}"


def test_lineage_unknown_suggests_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lineage", RICH, "--entrypoint", "web-alb2"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("edgekit: error: unknown entrypoint 'web-alb2'")
    assert "(did you mean web-alb" in err


def test_hops_show_findings_and_traffic(capsys: pytest.CaptureFixture[str]) -> None:
    doc = _json(capsys, "lineage", RICH, "--in-front-of", "web-alb")
    assert doc["direction"] == "in-front-of"
    first = doc["hops"][0]
    assert first["node"] == f"lb:{WEB_ALB}" and first["depth"] == 0
    assert first["findings"] == {"failing": 1, "worst": "low", "unknown": 0}
    # the fixture: 200 RequestCount and 1 target 5xx over a 3-hour window
    assert first["traffic"] == {
        "requests_per_day": 1600.0,
        "error_rate": 0.005,
        "metric": "AWS/ApplicationELB RequestCount",
        "note": "",
    }
    # a metered resource whose request metric was not collected: null with the reason, never 0
    dist = next(h for h in doc["hops"] if h["node"] == "cloudfront:E1MAINDIST")
    assert dist["traffic"]["requests_per_day"] is None
    assert dist["traffic"]["note"] == "Requests was not requested for it"
    # a hop that is not metered says nothing about traffic
    behavior = next(h for h in doc["hops"] if h["kind"] == "behavior")
    assert behavior["traffic"] is None
    # what is in front: the distribution that routes to it, and the hostnames above
    assert {h["node"] for h in doc["hops"]} >= {"dns:www.example.com", "cloudfront:E1MAINDIST"}


def test_in_front_of_table(tmp_path: Path) -> None:
    path = tmp_path / "in-front.txt"
    assert main(["lineage", RICH, "--in-front-of", "web-alb", "-o", str(path)]) == 0
    out = path.read_text(encoding="utf-8")
    assert "in front of web-alb" in out
    assert "1,600" in out and "0.50 %" in out
    assert "1 fail (worst low)" in out


def test_in_front_of_and_entrypoint_exclude_each_other(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["lineage", RICH, "--in-front-of", "web-alb", "--entrypoint", "www.example.com"])
    assert exc.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


def test_a_suppression_reads_its_check_id_in_any_case_and_its_resource_exactly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Check ids are lower case, so ``LB.Classic_*`` means ``lb.classic_*`` (as for --checks);
    a resource glob in another case matches nothing (ARNs are case-sensitive) and is reported."""
    sup = tmp_path / "s.toml"
    sup.write_text(
        '[[suppress]]\ncheck = "LB.Classic_In_Use"\nreason = "accepted"\n'
        '[[suppress]]\ncheck = "lb.*"\nresource = "ARN:AWS:*"\nreason = "wrong case"\n',
        encoding="utf-8",
    )
    assert main(["scan", RICH, "--suppress", str(sup), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert {s["check_id"] for s in doc["suppressed"]} == {"lb.classic_in_use"}
    assert [s["check"] for s in doc["unused_suppressions"]] == ["lb.*"]
