"""HTTP and WebSocket APIs (API Gateway v2) on the entrypoints' paths: their stages carry the
ARN the apigw checks name, and a VPC link integration enters at the load balancer whose listener
it names, so findings on the stage and on that load balancer carry the API's hostnames; lineage
and ``in_front_of`` go through the load balancer (issue 16)."""

from __future__ import annotations

from typing import Any

import pytest

from edgekit.graph import EdgeKind, Estate, NodeKind
from edgekit.graph import nodes as n
from edgekit.rules import runner
from edgekit.rules.catalogue import load
from edgekit.rules.context import CheckContext
from edgekit.snapshot import Snapshot
from tests.model import factories as f

A, R = f.ACCOUNT, f.REGION
HTTP_ID, WS_ID, FN_API_ID = "h7http7api", "w8ws8api8", "l9fn9api9"
DOMAIN = "orders.shop.example"
HTTP_HOST = f"{HTTP_ID}.execute-api.{R}.amazonaws.com"
WS_HOST = f"{WS_ID}.execute-api.{R}.amazonaws.com"
FN_HOST = f"{FN_API_ID}.execute-api.{R}.amazonaws.com"
ALB_ARN = f.lb_arn("orders-alb")
NLB_ARN = f.lb_arn("ws-nlb", "network")
FN_ARN = f.function_arn("orders-fn")
HTTP_STAGE = n.api_stage_id(R, HTTP_ID, "$default")
WS_STAGE = n.api_stage_id(R, WS_ID, "prod")


def _quiet_stage(name: str) -> dict[str, Any]:
    """A v2 stage that logs nothing (no access log destination, no execution logging)."""
    stage = f.stage_v2(name)
    del stage["AccessLogSettings"]
    return stage


def _estate(listener_arn: str | None = None, *, alb_listeners_read: bool = True) -> Snapshot:
    """An internal ALB (two listeners; access logs, invalid-header dropping and deletion
    protection off) behind an HTTP API's VPC link, the API also behind a custom domain; a
    WebSocket API reaching an internal NLB through a REST-style VPC link; an HTTP API whose
    integration is a Lambda function. ``listener_arn``: what the HTTP API's integration names
    (default: the ALB's HTTP:80 listener); ``alb_listeners_read``: False when the ALB's
    listeners were not collected."""
    alb = f.load_balancer("orders-alb", scheme="internal")
    nlb = f.load_balancer("ws-nlb", "network", scheme="internal", security_groups=())
    tg = f.target_group("orders", target_type="ip", lb_arns=[alb["LoadBalancerArn"]])
    admin_tg = f.target_group("admin", target_type="ip", lb_arns=[alb["LoadBalancerArn"]])
    ws_tg = f.target_group("ws", protocol="TCP", target_type="ip", lb_arns=[nlb["LoadBalancerArn"]])
    http = f.listener(alb, 80, "HTTP", [f.forward(tg["TargetGroupArn"])])
    admin = f.listener(alb, 8443, "HTTP", [f.forward(admin_tg["TargetGroupArn"])])
    tcp = f.listener(nlb, 80, "TCP", [f.forward(ws_tg["TargetGroupArn"])])
    elbv2 = {
        "load_balancers": [
            f.lb_entry(
                alb,
                attrs=f.attributes(
                    f.ALB_DEFAULT_ATTRIBUTES,
                    access_logs__s3__enabled="false",
                    deletion_protection__enabled="false",
                    routing__http__drop_invalid_header_fields__enabled="false",
                ),
                tag_list=[],
                listeners=[
                    f.listener_entry(li, rules=[f.default_rule(li)], certificates=[])
                    for li in (http, admin)
                ]
                if alb_listeners_read
                else f.OMIT,
            ),
            f.lb_entry(
                nlb,
                attrs=f.attributes(f.NLB_DEFAULT_ATTRIBUTES),
                tag_list=[],
                listeners=[f.listener_entry(tcp, rules=[f.default_rule(tcp)], certificates=[])],
            ),
        ],
        "target_groups": [
            f.tg_entry(tg, attrs=[], health=[f.target_health("10.0.1.5", 8080)]),
            f.tg_entry(admin_tg, attrs=[], health=[f.target_health("10.0.1.6", 8443)]),
            f.tg_entry(ws_tg, attrs=[], health=[f.target_health("10.0.2.5", 80)]),
        ],
        "ssl_policies": [],
    }
    lambda_uri = f"arn:aws:apigateway:{R}:lambda:path/2015-03-31/functions/{FN_ARN}/invocations"
    apigatewayv2 = {
        "apis": [
            f.api_v2_entry(
                f.api_v2(HTTP_ID, "orders-http"),
                stages=[_quiet_stage("$default")],
                integrations=[
                    f.integration_v2(
                        "int1", uri=listener_arn or http["ListenerArn"], vpc_link="vl2link"
                    )
                ],
                routes=[f.route_v2("rt1", "ANY /{proxy+}", "int1")],
            ),
            f.api_v2_entry(
                f.api_v2(WS_ID, "orders-ws", protocol="WEBSOCKET"),
                stages=[_quiet_stage("prod")],
                integrations=[
                    f.integration_v2("int2", uri=f"http://{nlb['DNSName']}/", vpc_link="vl1ws")
                ],
                routes=[f.route_v2("rt2", "$default", "int2")],
            ),
            f.api_v2_entry(
                f.api_v2(FN_API_ID, "orders-fn-api"),
                stages=[f.stage_v2("$default")],
                integrations=[f.integration_v2("int3", "AWS_PROXY", lambda_uri)],
                routes=[f.route_v2("rt3", "ANY /{proxy+}", "int3")],
            ),
        ],
        "domain_names": [f.domain_v2_entry(f.domain_v2(DOMAIN), [f.api_mapping(HTTP_ID)])],
        "vpc_links": [f.vpc_link_v2("vl2link")],
    }
    apigateway = {
        "rest_apis": [],
        "domain_names": [],
        "usage_plans": [],
        "vpc_links": [f.vpc_link_v1("vl1ws", [nlb["LoadBalancerArn"]])],
    }
    return f.snapshot(
        f.payload("elbv2", elbv2, region=R),
        f.payload("apigatewayv2", apigatewayv2, region=R),
        f.payload("apigateway", apigateway, region=R),
    )


@pytest.fixture(scope="module")
def est() -> Estate:
    """The estate of :func:`_estate`."""
    return Estate.from_snapshot(_estate())


def test_v2_stages_carry_the_arn_the_checks_name(est: Estate) -> None:
    for stage, api in ((HTTP_STAGE, HTTP_ID), (WS_STAGE, WS_ID)):
        arn = f"arn:aws:apigateway:{R}::/apis/{api}/stages/{stage.rpartition(':')[2]}"
        assert est.graph.nodes[stage]["arn"] == arn
        assert est.entrypoint_index.node_for(est.graph, arn) == stage


def test_vpc_link_integration_enters_at_the_listeners_load_balancer(est: Estate) -> None:
    ((target, edge),) = est.graph.adj[HTTP_STAGE].items()
    assert target == n.lb_id(ALB_ARN) and edge["kind"] == EdgeKind.INTEGRATES
    assert edge["integration"] == "HTTP_PROXY"
    assert edge["listeners"] == [f.listener_arn(f.load_balancer("orders-alb"), 80)]
    assert not est.graph.nodes[target]["unresolved"]
    # a WebSocket API's private integration: the NLB its (REST-style) VPC link targets
    assert list(est.graph.adj[WS_STAGE]) == [n.lb_id(NLB_ARN)]


def test_findings_on_the_stage_and_the_load_balancer_carry_the_api_hosts(est: Estate) -> None:
    result = runner.run(load(), CheckContext.from_estate(est))
    by = {(x.check_id, x.resource.id): x.entrypoints for x in result.findings}
    stage_arn = f"arn:aws:apigateway:{R}::/apis/{HTTP_ID}/stages/$default"
    assert by[("apigw.stage_logging_disabled", stage_arn)] == (DOMAIN, HTTP_HOST)
    for check in (
        "lb.access_logs_disabled",
        "lb.drop_invalid_headers_disabled",
        "lb.deletion_protection_disabled",
    ):
        assert by[(check, ALB_ARN)] == (DOMAIN, HTTP_HOST), check
    ws_stage_arn = f"arn:aws:apigateway:{R}::/apis/{WS_ID}/stages/prod"
    assert by[("apigw.stage_logging_disabled", ws_stage_arn)] == (WS_HOST,)
    assert by[("lb.deletion_protection_disabled", NLB_ARN)] == (WS_HOST,)


def test_entrypoints_of_and_in_front_of_the_load_balancer(est: Estate) -> None:
    assert est.entrypoints_of("orders-alb") == (DOMAIN, HTTP_HOST)
    assert est.entrypoints_of(ALB_ARN) == (DOMAIN, HTTP_HOST)
    front = est.in_front_of("orders-alb")
    assert [(h.depth, h.node, h.via) for h in front] == [
        (0, n.lb_id(ALB_ARN), None),
        (1, HTTP_STAGE, EdgeKind.INTEGRATES),
        (2, n.api_domain_id(DOMAIN), EdgeKind.MAPS_TO),
        (2, n.api_id(R, HTTP_ID), EdgeKind.HAS_STAGE),
    ]
    assert front[2].label == DOMAIN
    assert est.entrypoints_of("ws-nlb") == (WS_HOST,)
    assert est.entrypoints_of(FN_ARN) == (FN_HOST,)


@pytest.mark.parametrize("host", [DOMAIN, HTTP_HOST])
def test_lineage_of_the_host_reaches_the_load_balancer_and_its_target_group(
    est: Estate, host: str
) -> None:
    hops = {h.node: h for h in est.lineage(host)}
    alb = hops[n.lb_id(ALB_ARN)]
    assert (alb.kind, alb.parent, alb.via) == (NodeKind.LOAD_BALANCER, HTTP_STAGE, "integrates")
    assert n.target_group_id(f.tg_arn("orders")) in hops
    assert n.target_id(f.tg_arn("orders"), "10.0.1.5", 8080) in hops
    assert not any(h.unresolved for h in hops.values())


@pytest.mark.parametrize(
    ("port", "listeners_read", "missing"),
    [(9999, True, "absent"), (80, False, "not-collected")],
)
def test_an_integration_naming_a_listener_the_snapshot_lacks_stays_unresolved(
    port: int, listeners_read: bool, missing: str
) -> None:
    """A listener that does not exist, or whose load balancer's listeners were not read: the
    integration ends at the listener's placeholder, as before (``unresolved``, ``missing``)."""
    listener = f.listener_arn(f.load_balancer("orders-alb"), port)
    est = Estate.from_snapshot(_estate(listener, alb_listeners_read=listeners_read))
    (target,) = est.graph.adj[HTTP_STAGE]
    attrs = est.graph.nodes[target]
    assert target == n.listener_id(listener) and attrs["kind"] == NodeKind.LISTENER
    assert attrs["unresolved"] and attrs["missing"] == missing
    assert "listeners" not in est.graph[HTTP_STAGE][target]
