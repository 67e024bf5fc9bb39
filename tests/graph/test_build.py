"""Each resolution rule on the hand-built ``rules`` estate, and the graph's general shape."""

from __future__ import annotations

import networkx as nx
import pytest

from edgekit.graph import EdgeKind, Estate, NodeKind, build_graph
from edgekit.graph import nodes as n
from edgekit.model import parse
from tests.model import factories as f

A, B = f.ACCOUNT, f.ACCOUNT_B
WEB_ALB = n.lb_id(f.lb_arn("web-alb"))
B_NLB = n.lb_id(f.lb_arn("edge-nlb", "network", account=B))
B_ALB = n.lb_id(f.lb_arn("app-alb", account=B))
B_PRIVATE = n.lb_id(f.lb_arn("private-alb", account=B))


def _resolved(est: Estate, source: str) -> tuple[str, str]:
    """The single resolves-to target of ``source`` and the rule that matched."""
    g = est.graph
    out = [(v, d["rule"]) for v, d in g.adj[source].items() if d["kind"] == EdgeKind.RESOLVES_TO]
    assert len(out) == 1, out
    return out[0]


def test_dualstack_upper_case_alb_origin(rules: Estate) -> None:
    assert _resolved(rules, "origin:E1DUAL:alb") == (WEB_ALB, "elb-dns")
    assert _resolved(rules, "dns:api.example.com") == (WEB_ALB, "elb-dns")


@pytest.mark.parametrize(
    ("origin", "bucket", "rule"),
    [
        ("web-dash", "site-a", "s3-website"),
        ("web-dot", "site-b", "s3-website"),
        ("web-cn", "site-c", "s3-website"),
        ("rest-global", "rest-a", "s3-rest"),
        ("rest-dash", "rest-b", "s3-rest"),
        ("rest-dot", "rest-c", "s3-rest"),
        ("rest-dualstack", "rest-d", "s3-rest"),
        ("rest-external", "rest-e", "s3-rest"),
        ("rest-cn", "my.dotted.bucket", "s3-rest"),
    ],
)
def test_s3_endpoints(rules: Estate, origin: str, bucket: str, rule: str) -> None:
    node = f"origin:E2S3FORMS:{origin}"
    assert _resolved(rules, node) == (n.s3_id(bucket), rule)
    attrs = rules.graph.nodes[n.s3_id(bucket)]
    assert attrs["kind"] == NodeKind.S3_BUCKET and not attrs["unresolved"]
    assert rules.graph.nodes[node]["s3_website"] is (rule == "s3-website")


def test_origin_group_members_in_failover_order(rules: Estate) -> None:
    g = rules.graph
    group = "origin-group:E1DUAL:ha"
    assert g["behavior:E1DUAL:default"][group]["kind"] == EdgeKind.ROUTES
    members = sorted((d["position"], v) for v, d in g.adj[group].items())
    assert members == [(0, "origin:E1DUAL:alb"), (1, "origin:E1DUAL:assets")]
    assert all(g[group][v]["kind"] == EdgeKind.HAS_MEMBER for _, v in members)


def test_cname_chain_is_followed(rules: Estate) -> None:
    assert _resolved(rules, "origin:E3CHAIN:via-dns") == ("dns:app.example.com", "route53")
    assert _resolved(rules, "dns:app.example.com") == ("dns:app2.example.com", "route53")
    assert _resolved(rules, "dns:app2.example.com") == (WEB_ALB, "elb-dns")
    assert rules.resolve_origin("E3CHAIN", "via-dns") == WEB_ALB
    assert rules.graph.nodes["dns:app.example.com"]["cname_loop"] is False


def test_cname_loops_are_marked_and_terminate(rules: Estate) -> None:
    g = rules.graph
    for name in ("loop-a.example.com", "loop-b.example.com", "self.example.com"):
        assert g.nodes[n.dns_id(name)]["cname_loop"] is True
    assert g.has_edge("dns:self.example.com", "dns:self.example.com")
    assert rules.paths_from("loop-a.example.com") == [
        ["dns:loop-a.example.com", "dns:loop-b.example.com", "dns:loop-a.example.com"]
    ]
    assert rules.resolve_origin("E3CHAIN", "loop") == "dns:loop-b.example.com"
    row = rules.entrypoints().set_index("hostname").loc["self.example.com"]
    assert bool(row["unresolved"]) and row["backend_kinds"] == "cname-loop"


def test_weighted_records_keep_every_target(rules: Estate) -> None:
    g = rules.graph
    edges = {v: d for v, d in g.adj["dns:blue.example.com"].items()}
    assert set(edges) == {"dns:www.example.com", "dns:api.example.com"}
    assert edges["dns:www.example.com"]["set_identifiers"] == ["b"]
    both = g["dns:www.example.com"]["cloudfront:E1DUAL"]
    assert both["record_types"] == ["A", "AAAA"] and both["alias"] is True


def test_records_left_out(rules: Estate) -> None:
    g = rules.graph
    assert "dns:_acme.example.com" not in g  # validation records
    assert "dns:mail.example.com" not in g  # MX carries no web traffic
    assert "ext:internal.example.local" not in g  # private zones are not public names


def test_cross_account_nlb_to_alb_to_lambda(rules: Estate) -> None:
    g = rules.graph
    assert _resolved(rules, "origin:E4CROSS:nlb-b") == (B_NLB, "elb-dns")
    assert g.nodes[B_NLB]["account_id"] == B and g.nodes[B_NLB]["lb_type"] == "nlb"
    path = max(rules.paths_from("cloudfront:E4CROSS"), key=len)
    kinds = [g.nodes[x]["kind"] for x in path]
    assert kinds == [
        "distribution",
        "behavior",
        "origin",
        "load-balancer",
        "listener",
        "listener-rule",
        "target-group",
        "target",
        "load-balancer",
        "listener",
        "listener-rule",
        "target-group",
        "target",
        "lambda-function",
    ]
    alb_target = path[7]
    assert g.nodes[alb_target]["target_type"] == "alb"
    assert g[alb_target][B_ALB] == {"kind": "resolves-to", "rule": "alb-target"}
    fn = path[-1]
    assert fn == n.lambda_id(f"arn:aws:lambda:us-east-1:{B}:function:app")
    assert g[path[-2]][fn]["rule"] == "lambda-target"
    assert g.nodes[fn]["label"] == "app" and g.nodes[fn]["account_id"] == B


def test_vpc_origin_found_cross_account_and_missing(rules: Estate) -> None:
    g = rules.graph
    assert _resolved(rules, "origin:E5VPC:private") == ("vpc-origin:vo_private", "vpc-origin")
    assert _resolved(rules, "vpc-origin:vo_private") == (B_PRIVATE, "vpc-origin-endpoint")
    assert rules.resolve_origin("E5VPC", "private") == B_PRIVATE
    gone = g.nodes["vpc-origin:vo_missing"]
    assert gone["unresolved"] and gone["missing"] == "absent"
    assert not any(True for _ in g.successors("vpc-origin:vo_missing"))


def test_other_distribution_by_domain_and_alias(rules: Estate) -> None:
    assert _resolved(rules, "origin:E6CDNCHAIN:by-domain") == (
        "cloudfront:E1DUAL",
        "cloudfront-domain",
    )
    assert _resolved(rules, "origin:E6CDNCHAIN:by-alias") == (
        "cloudfront:E2S3FORMS",
        "cloudfront-alias",
    )


def test_pattern_nodes_for_api_gateway_and_lambda_urls(rules: Estate) -> None:
    g = rules.graph
    api = "apigw:us-east-1:abc123defg"
    url = "lambda-url:eu-west-1:xyz789abc"
    assert _resolved(rules, "origin:E7APPS:api") == (api, "execute-api")
    assert _resolved(rules, "origin:E7APPS:url") == (url, "lambda-url")
    assert g.nodes[api]["kind"] == NodeKind.API and g.nodes[api]["region"] == "us-east-1"
    assert g.nodes[url]["kind"] == NodeKind.LAMBDA_URL and not g.nodes[url]["unresolved"]


@pytest.mark.parametrize(
    ("origin", "ext", "hint", "missing"),
    [
        ("partner", "origin.partner.example", None, None),
        ("old-elb", "gone-alb-999.us-east-1.elb.amazonaws.com", "elb", "absent"),
        ("old-cdn", "dgone12345.cloudfront.net", "cloudfront", "absent"),
    ],
)
def test_unresolvable_origins_become_ext_nodes(
    rules: Estate, origin: str, ext: str, hint: str | None, missing: str | None
) -> None:
    node = n.external_id(ext)
    assert _resolved(rules, f"origin:E7APPS:{origin}") == (node, "unresolved")
    attrs = rules.graph.nodes[node]
    assert attrs["kind"] == NodeKind.EXTERNAL and attrs["unresolved"] is True
    assert (attrs["hint"], attrs["missing"]) == (hint, missing)


def test_ext_says_not_collected_where_the_region_was_not() -> None:
    dist = f.distribution("E1", origins=[f.custom_origin("o", "x-1.ap-south-1.elb.amazonaws.com")])
    inv = parse(
        f.snapshot(f.payload("cloudfront", {"distributions": [f.distribution_entry(dist)]}))
    )
    g = build_graph(inv)
    assert g.nodes["ext:x-1.ap-south-1.elb.amazonaws.com"]["missing"] == "not-collected"


def test_address_record_on_nlb_static_ip(rules: Estate) -> None:
    assert _resolved(rules, "dns:nlb.example.com") == (B_NLB, "lb-address")


def test_forward_to_missing_target_group_is_a_placeholder(rules: Estate) -> None:
    tg = n.target_group_id(f.tg_arn("deleted-tg"))
    attrs = rules.graph.nodes[tg]
    assert (
        attrs["unresolved"] and attrs["missing"] == "absent" and attrs["label"] == "tg deleted-tg"
    )
    assert attrs["arn"] == f.tg_arn("deleted-tg") and attrs["modelled"] is False


def test_protections(rules: Estate) -> None:
    g = rules.graph
    edge = n.web_acl_id(
        f.waf_arn("webacl", "edge", "e0000000-0000-4000-8000-0000000000e1", scope="CLOUDFRONT")
    )
    assert g[edge]["cloudfront:E1DUAL"]["kind"] == EdgeKind.PROTECTS
    regional = [u for u in g.predecessors(B_ALB) if g[u][B_ALB]["kind"] == "protects"]
    assert [g.nodes[u]["label"] for u in regional] == ["b-alb"]
    classic = "waf-classic:2f1c3a6e-0000-4000-8000-00000000c1a5"
    assert g.nodes[classic]["kind"] == NodeKind.WEB_ACL_CLASSIC
    assert g.has_edge(classic, "cloudfront:E2S3FORMS")


def test_every_node_has_the_common_attributes(rules: Estate, rich: Estate) -> None:
    for est in (rules, rich):
        for node, attrs in est.graph.nodes(data=True):
            for key in ("kind", "label", "account_id", "region", "arn", "ref", "modelled"):
                assert key in attrs, (node, key)
            assert attrs["kind"] in set(NodeKind)
            assert attrs["modelled"] is (attrs["ref"] is not None)
            assert node.startswith(n.prefix_of(node) + ":")
        for _, _, kind in est.graph.edges(data="kind"):
            assert kind in set(EdgeKind)


def test_lb_type_comes_from_type_not_arn() -> None:
    nlb = f.load_balancer("moto-nlb", "network", arn=f.lb_arn("moto-nlb"))  # app/ in the ARN
    data = {"load_balancers": [f.lb_entry(nlb, listeners=[])], "target_groups": []}
    g = build_graph(parse(f.snapshot(f.payload("elbv2", data, region="us-east-1"))))
    assert g.nodes[n.lb_id(nlb["LoadBalancerArn"])]["lb_type"] == "nlb"


def test_only_cycles_are_dns_loops(rules: Estate, rich: Estate) -> None:
    for est in (rules, rich):
        for cycle in nx.simple_cycles(est.graph):
            assert all(x.startswith("dns:") for x in cycle)


def test_build_is_deterministic(rules: Estate) -> None:
    from edgekit.graph import dumps_node_link
    from tests.graph import estates

    again = build_graph(parse(estates.rules()))
    assert dumps_node_link(again) == dumps_node_link(rules.graph)
