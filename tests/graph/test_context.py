"""Context kinds in the graph: Classic ELB, Global Accelerator, API Gateway, S3, Lambda URLs,
WAF Classic, Shield and security-group facts (the rich estate and the rules estate)."""

from __future__ import annotations

from edgekit.graph import EdgeKind, Estate, NodeKind
from edgekit.graph import nodes as n
from edgekit.model import NOT_COLLECTED
from tests.model import factories as f

A, B = f.ACCOUNT, f.ACCOUNT_B
WEB_ALB = n.lb_id(f.lb_arn("web-alb"))
NLB = n.lb_id(f.lb_arn("static-nlb", "network"))
CLB = n.lb_id(f"arn:aws:elasticloadbalancing:us-east-1:{A}:loadbalancer/legacy-clb")
REST = "apigw:us-east-1:a1b2c3d4e5"
HTTP = "apigw:us-east-1:h1t2p3a4p5"
API_FN = n.lambda_id(f"arn:aws:lambda:us-east-1:{A}:function:api")


def _out(est: Estate, node: str, kind: str) -> dict[str, dict[str, object]]:
    return {v: d for v, d in est.graph.adj[node].items() if d["kind"] == kind}


def test_classic_load_balancer(rich: Estate, rules: Estate) -> None:
    attrs = rich.graph.nodes[CLB]
    assert attrs["lb_type"] == "classic" and attrs["modelled"] and attrs["internet_facing"]
    listeners = sorted(rich.graph.nodes[v]["label"] for v in _out(rich, CLB, "has-listener"))
    assert listeners == ["HTTP:80", "HTTPS:443", "SSL:8443"]
    https = n.listener_id(f"{attrs['arn']}/443")
    assert rich.graph.nodes[https]["ssl_policy"] == "ELBSecurityPolicy-2016-08"
    (cert,) = _out(rich, https, "serves-certificate")
    assert (
        rich.graph.nodes[cert]["label"] == "IAM site" and not rich.graph.nodes[cert]["unresolved"]
    )
    assert list(_out(rich, https, "targets")) == [n.target_id(attrs["arn"], "i-0c1", 80)]
    row = rich.entrypoints().set_index("hostname").loc[attrs["dns_name"]]
    assert row["entry_kind"] == "load-balancer" and row["backend_kinds"] == "instance"
    assert rich.is_internet_facing(CLB) is True
    legacy = rules.graph["dns:legacy.example.com"]
    (target,) = legacy
    assert legacy[target]["rule"] == "classic-elb-dns"
    assert rules.graph.nodes[target]["lb_type"] == "classic"


def test_accelerator_fronts_load_balancers(rich: Estate, rules: Estate) -> None:
    (acc,) = (x for x, k in rich.graph.nodes(data="kind") if k == NodeKind.ACCELERATOR)
    fronts = _out(rich, acc, "fronts")
    assert set(fronts) == {WEB_ALB, "ec2:eipalloc-0abc"}
    assert fronts[WEB_ALB]["weight"] == 128 and fronts[WEB_ALB]["health"] == "HEALTHY"
    row = rich.entrypoints().set_index("entry_kind").loc["accelerator"]
    assert row["hostname"].endswith(".awsglobalaccelerator.com") and row["hops"] == 3
    # by address and by DNS name; the endpoint is an ALB of the other account
    b_alb = n.lb_id(f.lb_arn("app-alb", account=B))
    for name, rule in (
        ("ga.example.com", "accelerator-address"),
        ("ga2.example.com", "accelerator-dns"),
    ):
        ((target, data),) = rules.graph.adj[n.dns_id(name)].items()
        assert data["rule"] == rule
        assert list(_out(rules, target, "fronts")) == [b_alb]


def test_api_gateway_apis_stages_and_integrations(rich: Estate) -> None:
    g = rich.graph
    rest = g.nodes[REST]
    assert (rest["api_type"], rest["edge_optimized"], rest["public"]) == ("rest", True, True)
    stages = sorted(_out(rich, REST, "has-stage"))
    assert stages == [
        "apigw-stage:us-east-1:a1b2c3d4e5:prod",
        "apigw-stage:us-east-1:a1b2c3d4e5:staging",
    ]
    backends = _out(rich, stages[0], "integrates")
    assert backends[API_FN]["integration"] == "AWS_PROXY"
    assert backends[WEB_ALB]["integration"] == "HTTP_PROXY"  # https://<alb dns>/orders
    assert NLB in backends  # VPC link → NLB
    http_stage = "apigw-stage:us-east-1:h1t2p3a4p5:$default"
    ((alb, edge),) = _out(rich, http_stage, "integrates").items()
    # VPC link → the internal ALB whose listener the integration names
    assert alb == n.lb_id(g.nodes[alb]["arn"]) and g.nodes[alb]["name"] == "app-internal"
    (listener,) = edge["listeners"]
    assert n.listener_id(listener) in g.adj[alb]
    assert g.nodes["apigw:us-east-1:p9r8i7v6a5"]["public"] is False
    assert rest["lock_facts"] == ["resource policy"]
    hop = next(h for h in rich.lineage(REST) if h.node == REST)
    assert hop.origin_lock == ("resource policy",)
    kinds = rich.entrypoints().groupby("entry_kind")["hostname"].apply(list)
    assert sorted(kinds["api-endpoint"]) == [
        "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com",
        "h1t2p3a4p5.execute-api.us-east-1.amazonaws.com",
    ]
    assert rich.is_internet_facing(stages[0]) is True
    assert rich.is_internet_facing("apigw:us-east-1:p9r8i7v6a5") is False


def test_api_custom_domains(rich: Estate, rules: Estate) -> None:
    orders = "apigw-domain:orders.example.com"
    assert rich.graph.nodes[orders]["security_policy"] == "TLS_1_0"
    assert list(_out(rich, orders, "maps-to")) == ["apigw-stage:us-east-1:a1b2c3d4e5:prod"]
    row = rich.entrypoints().set_index("hostname").loc["http.example.com"]
    assert row["entry_kind"] == "api-domain" and row["tls_policy"] == "TLS_1_2"
    shop = "apigw-domain:shop.rules.example"
    assert rules.graph["dns:api2.example.com"][shop]["rule"] == "api-domain-target"
    assert rules.graph["origin:E7APPS:shop"][shop]["rule"] == "api-custom-domain"
    (stage,) = _out(rules, shop, "maps-to")
    gone = rules.graph.nodes[stage]
    assert gone["unresolved"] and gone["missing"] == "not-collected"  # v1 APIs not collected
    assert [(d.id, o.id) for d, o in rules.distributions_in_front_of(stage)] == [("E7APPS", "shop")]


def test_api_behind_cloudfront_and_hops(rich: Estate) -> None:
    pairs = rich.distributions_in_front_of(REST)
    assert [(d.id, o.id) for d, o in pairs] == [("E4CONTEXT", "rest-api")]
    assert rich.distributions_in_front_of("apigw-stage:us-east-1:a1b2c3d4e5:staging") == pairs
    # execute-api: API Gateway's CloudFront (edge-optimized) + stage + NLB + ALB + instance
    assert rich.downstream(REST).hops == 5
    # the EDGE custom domain's CloudFront replaces the API's: domain + stage + NLB + ALB + EC2
    row = rich.entrypoints().set_index("hostname").loc["orders.example.com"]
    assert row["hops"] == 5


def test_buckets(rich: Estate) -> None:
    assets = rich.graph.nodes["s3:assets-bucket"]
    assert assets["modelled"] and assets["exists"] and assets["account_id"] == A
    assert assets["lock_facts"] == ["public access blocked"]
    assert rich.graph.nodes["s3:legacy-bucket"]["lock_facts"] == ["bucket policy is public"]
    gone = rich.graph.nodes["s3:old-site"]
    assert (gone["exists"], gone["unresolved"], gone["missing"]) == (False, True, "absent")
    assert rich.node("s3:assets-bucket")["ref"].name == "assets-bucket"


def test_lambda_urls(rich: Estate) -> None:
    url = "lambda-url:us-east-1:abcdefghijklmnopqrstuvwxyz012345"
    (fn,) = _out(rich, url, "resolves-to")
    assert fn == n.lambda_id(f"arn:aws:lambda:us-east-1:{A}:function:site")
    assert rich.graph.nodes[url]["lock_facts"] == ["function URL auth AWS_IAM"]
    gone = rich.graph.nodes["lambda-url:us-east-1:zyxwvutsrqponmlkjihgfedcba543210"]
    assert gone["unresolved"] and gone["missing"] == "absent"
    assert rich.graph.nodes[API_FN]["url_auth_type"] == "NONE"
    hops = rich.downstream("cloudfront:E4CONTEXT")
    assert hops.unresolved and "lambda-url" in hops.backends


def test_waf_classic_and_shield(rich: Estate) -> None:
    classic = "waf-classic:c1a551c0-0000-4000-8000-000000000002"
    assert rich.graph.nodes[classic]["label"] == "legacy-regional"
    staging = "apigw-stage:us-east-1:a1b2c3d4e5:staging"
    assert rich.web_acls_for(staging) == [classic]
    assert rich.graph[classic][staging]["kind"] == EdgeKind.PROTECTS
    assert n.web_acl_id(f"arn:aws:waf-regional:us-east-1:{A}:webacl/x-1") == "waf-classic:x-1"
    assert rich.graph.nodes["cloudfront:E1MAINDIST"]["shield"] == "protect-p-dist"
    hop = next(h for h in rich.lineage("www.example.com") if h.node == "cloudfront:E1MAINDIST")
    assert hop.shield == "protect-p-dist"


def test_security_group_lock_facts(rich: Estate, multi: Estate) -> None:
    assert rich.graph.nodes[WEB_ALB]["lock_facts"] == [
        "port 80 admits 0.0.0.0/0 or ::/0",
        "port 443: CloudFront origin-facing prefix list, not the internet",
    ]
    hop = next(h for h in rich.lineage("api.example.com") if h.node == WEB_ALB)
    assert "port 443: CloudFront origin-facing prefix list, not the internet" in hop.origin_lock
    shared = multi.node_id(multi.model.load_balancers[0])
    assert multi.graph.nodes[shared]["lock_facts"] == ["security groups not collected"]
    assert multi.graph.nodes[shared]["shield"] == "unknown"
    assert multi.model.shield.shield_protection_for(shared.removeprefix("lb:")) is NOT_COLLECTED


def test_classic_elb_without_instances_shows_no_targets() -> None:
    clb = f.classic_lb("empty-clb", [f.classic_listener("HTTPS", 443)], instances=())
    snap = f.snapshot(f.payload("elb", {"load_balancers": [f.classic_entry(clb)]}, region=f.REGION))
    row = Estate.from_snapshot(snap).entrypoints().set_index("hostname").loc[clb["DNSName"]]
    assert row["backend_kinds"] == "no targets"
    assert not bool(row["unresolved"])


def test_accelerator_with_denied_listeners_is_unresolved() -> None:
    denied = f.accelerator_entry(f.accelerator("static-ips"))  # ListListeners denied
    snap = f.snapshot(f.payload("globalaccelerator", {"accelerators": [denied]}))
    est = Estate.from_snapshot(snap)
    row = est.entrypoints().set_index("entry_kind").loc["accelerator"]
    assert row["backend_kinds"] == "listeners unknown"
    assert bool(row["unresolved"])
    lineage = est.lineage(row["node"])
    assert lineage.unresolved
    # same state as a load balancer whose listeners were denied
    lb = f.load_balancer("dark-alb")
    snap = f.snapshot(f.payload("elbv2", {"load_balancers": [f.lb_entry(lb)]}, region=f.REGION))
    row = Estate.from_snapshot(snap).entrypoints().set_index("hostname").loc[lb["DNSName"]]
    assert row["backend_kinds"] == "listeners unknown" and bool(row["unresolved"])


def test_accelerator_with_listeners_but_no_endpoint_is_resolved() -> None:
    acc = f.accelerator("idle")
    li = f.ga_listener(acc)
    entry = f.accelerator_entry(acc, [f.ga_listener_entry(li, [])])
    est = Estate.from_snapshot(
        f.snapshot(f.payload("globalaccelerator", {"accelerators": [entry]}))
    )
    row = est.entrypoints().set_index("entry_kind").loc["accelerator"]
    assert row["backend_kinds"] == "no-endpoint" and not bool(row["unresolved"])
