"""The Estate API: loading, the frozen graph, tables and the cross-resource helpers."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from edgekit import snapshot as snap
from edgekit.errors import InputError, SnapshotError
from edgekit.graph import Estate, UnknownEntrypointError
from edgekit.graph import nodes as n
from edgekit.graph.tables import ENTRYPOINT_COLUMNS
from edgekit.model import NOT_COLLECTED, parse
from tests.model import estates
from tests.model import factories as f

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "snapshots"
WEB_ALB = n.lb_id(f.lb_arn("web-alb"))
NLB = n.lb_id(f.lb_arn("static-nlb", "network"))
INTERNAL = n.lb_id(f.lb_arn("app-internal"))


def test_load_and_constructors(tmp_path: Path) -> None:
    est = Estate.load(FIXTURES / "multi_account.json")
    assert est.snapshot is not None and est.model.distributions[0].id == "E5CROSS"
    assert "cloudfront:E5CROSS" in est.graph and "Estate(" in repr(est)
    gz = tmp_path / "multi.json.gz"
    snap.write(est.snapshot, gz)
    assert Estate.load(gz).to_node_link() == est.to_node_link()
    from_model = Estate.from_model(parse(estates.multi_account()))
    assert from_model.snapshot is None
    assert from_model.to_node_link() == est.to_node_link()
    assert Estate.from_inventory(from_model.model).to_node_link() == est.to_node_link()


def test_bad_snapshot_is_an_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(SnapshotError):
        Estate.load(bad)


def test_graph_is_frozen(rich: Estate) -> None:
    assert nx.is_frozen(rich.graph)
    with pytest.raises(nx.NetworkXError):
        rich.graph.add_node("x")
    copy = rich.graph.copy()
    copy.add_node("x")
    assert "x" not in rich.graph


def test_node_ids_of_model_objects(rich: Estate) -> None:
    inv = rich.model
    dist = next(d for d in inv.distributions if d.id == "E1MAINDIST")
    assert rich.node_id(dist) == "cloudfront:E1MAINDIST"
    assert rich.node_id(dist.origins[1]) == "origin:E1MAINDIST:alb-web"
    assert rich.node_id(dist.default_cache_behavior) == "behavior:E1MAINDIST:default"
    assert rich.node_id(inv.load_balancers[0]) == WEB_ALB
    assert rich.node_id(inv.listener_rules[0]).startswith("rule:arn:aws:elasticloadbalancing:")
    assert rich.node_id(inv.web_acls[0]).startswith("waf:arn:aws:wafv2:")
    assert rich.node_id(inv.certificates[0]).startswith("cert:arn:aws:acm:")
    assert rich.node(WEB_ALB)["lb_type"] == "alb"
    with pytest.raises(KeyError):
        rich.node_id("nope:x")
    with pytest.raises(KeyError):
        rich.node_id(object())


def test_entrypoints_table(rich: Estate) -> None:
    df = rich.entrypoints()
    assert tuple(df.columns) == ENTRYPOINT_COLUMNS
    assert list(df["hostname"]) == sorted(df["hostname"])
    assert df["hostname"].is_unique
    kinds = dict(zip(df["hostname"], df["entry_kind"], strict=True))
    assert kinds["www.example.com"] == "dns-record"
    assert kinds["app.example.com"] == "distribution-alias"  # no record names it
    assert kinds["de1maindist.cloudfront.net"] == "distribution-domain"
    assert kinds["static-nlb-0123456789abcdef.elb.us-east-1.amazonaws.com"] == "load-balancer"
    assert "de2legacy.cloudfront.net" not in kinds  # disabled distribution
    assert not any("internal-" in h for h in kinds)  # internal ALB
    www = df.set_index("hostname").loc["www.example.com"]
    assert www["distribution"] == "E1MAINDIST"
    assert www["web_acls"] == "alb-acl, edge-acl"
    assert www["tls_policy"] == "TLSv1.2_2021"
    assert www["hops"] == 3 and not www["unresolved"]
    assert set(www["backend_kinds"].split(", ")) >= {"instance", "lambda", "s3"}
    assert www["origin_chain"].startswith("www.example.com → cloudfront E1MAINDIST → [")
    old = df.set_index("hostname").loc["old.example.com"]
    assert bool(old["unresolved"]) and old["backend_kinds"] == "external"


def test_entrypoints_cross_account(multi: Estate) -> None:
    row = multi.entrypoints().set_index("hostname").loc["cross.example.com"]
    assert row["origin_chain"] == (
        "cross.example.com → cloudfront E5CROSS → alb shared-alb → tg shared-web"
    )
    assert row["web_acls"] == "b-acl" and row["backend_kinds"] == "instance"


def test_is_internet_facing(rich: Estate, rules: Estate) -> None:
    assert rich.is_internet_facing("cloudfront:E1MAINDIST") is True
    assert rich.is_internet_facing("cloudfront:E2LEGACY") is False  # disabled
    assert rich.is_internet_facing(WEB_ALB) is True
    assert rich.is_internet_facing(NLB) is True
    assert rich.is_internet_facing(INTERNAL) is False
    assert rich.is_internet_facing(rich.model.load_balancers[0]) is True
    assert rich.is_internet_facing("dns:www.example.com") is True
    assert rich.is_internet_facing("behavior:E1MAINDIST:default") is False
    assert rich.is_internet_facing("s3:assets-bucket") is False
    placeholder = n.target_group_id(f.tg_arn("deleted-tg"))
    assert rules.is_internet_facing(placeholder) is False  # not an entrypoint kind
    assert rules.is_internet_facing("apigw:us-east-1:abc123defg") is NOT_COLLECTED


def test_gateway_load_balancers_are_never_internet_facing() -> None:
    gwlb = f.load_balancer("gw", "gateway")
    data = {"load_balancers": [f.lb_entry(gwlb, listeners=[])], "target_groups": []}
    est = Estate.from_snapshot(f.snapshot(f.payload("elbv2", data, region="us-east-1")))
    assert est.is_internet_facing(n.lb_id(gwlb["LoadBalancerArn"])) is False
    assert est.entrypoints().empty


def test_placeholder_load_balancer_is_not_collected() -> None:
    vpc_lb = f.lb_arn("elsewhere", account=f.ACCOUNT_B)
    dist = f.distribution("E1", origins=[f.vpc_origin_ref("v", "vo_1")])
    cf = {
        "distributions": [f.distribution_entry(dist)],
        "vpc_origins": [f.vpc_origin("vo_1", vpc_lb)],
    }
    est = Estate.from_snapshot(f.snapshot(f.payload("cloudfront", cf)))
    assert est.graph.nodes[n.lb_id(vpc_lb)]["missing"] == "not-collected"
    assert est.is_internet_facing(n.lb_id(vpc_lb)) is NOT_COLLECTED


def test_distributions_in_front_of(rich: Estate, rules: Estate, multi: Estate) -> None:
    pairs = rich.distributions_in_front_of(WEB_ALB)
    assert [(d.id, o.id) for d, o in pairs] == [("E1MAINDIST", "alb-web")]
    assert [(d.id, o.id) for d, o in rich.distributions_in_front_of(INTERNAL)] == [
        ("E3VPCORIGIN", "internal-app")
    ]
    assert rich.distributions_in_front_of(NLB) == []
    # behind the ALB is not "behind CloudFront": only the origin itself is
    tg = n.target_group_id(f.tg_arn("web-instances"))
    assert rich.distributions_in_front_of(tg) == []
    # through a CNAME chain, an alias record, a dualstack name, another account
    web = n.lb_id(f.lb_arn("web-alb"))
    assert [(d.id, o.id) for d, o in rules.distributions_in_front_of(web)] == [
        ("E1DUAL", "alb"),
        ("E3CHAIN", "via-dns"),
    ]
    b_private = n.lb_id(f.lb_arn("private-alb", account=f.ACCOUNT_B))
    assert [(d.id, o.id) for d, o in rules.distributions_in_front_of(b_private)] == [
        ("E5VPC", "private")
    ]
    # a distribution in front of a distribution (by domain and by alias)
    assert [(d.id, o.id) for d, o in rules.distributions_in_front_of("cloudfront:E2S3FORMS")] == [
        ("E6CDNCHAIN", "by-alias")
    ]
    shared = multi.model.load_balancers[0]
    assert [d.account_id for d, _ in multi.distributions_in_front_of(shared)] == [f.ACCOUNT]


def test_resolve_origin(rich: Estate, rules: Estate) -> None:
    dist = next(d for d in rich.model.distributions if d.id == "E1MAINDIST")
    assert rich.resolve_origin(dist, dist.origins[1]) == WEB_ALB
    assert rich.resolve_origin("E1MAINDIST", "s3-assets") == "s3:assets-bucket"
    assert rich.resolve_origin("E3VPCORIGIN", "internal-app") == INTERNAL
    assert rules.resolve_origin("E7APPS", "partner") == "ext:origin.partner.example"
    assert rules.resolve_origin("E5VPC", "gone") == "vpc-origin:vo_missing"
    with pytest.raises(KeyError):
        rich.resolve_origin("E1MAINDIST", "nope")


def test_paths_and_web_acls_on_path(rich: Estate) -> None:
    paths = rich.paths_from("api.example.com")
    assert all(p[0] == "dns:api.example.com" and p[1] == WEB_ALB for p in paths)
    assert len({tuple(p) for p in paths}) == len(paths)
    ends = {rich.graph.nodes[p[-1]]["kind"] for p in paths}
    assert ends == {"listener-rule", "target-group", "target", "lambda-function"}
    assert rich.paths_from("api.example.com", limit=2) == paths[:2]
    www = rich.paths_from("www.example.com")
    to_alb = next(p for p in www if WEB_ALB in p)
    acls = rich.web_acls_on_path(to_alb)
    assert [rich.graph.nodes[a]["label"] for a in acls] == ["edge-acl", "alb-acl"]
    assert rich.web_acls_for(WEB_ALB) == [acls[1]]
    assert rich.paths_from(rich.model.load_balancers[1])[0][0] == NLB


def test_dns_names_for(rich: Estate, rules: Estate) -> None:
    assert rich.dns_names_for("cloudfront:E1MAINDIST") == [
        "*.example.com",
        "example.com",
        "www.example.com",
    ]
    assert rich.dns_names_for("cloudfront:E3VPCORIGIN") == []
    assert rules.dns_names_for(n.lb_id(f.lb_arn("web-alb"))) == [
        "api.example.com",
        "app.example.com",
        "app2.example.com",
        "blue.example.com",
    ]


def test_downstream(rich: Estate) -> None:
    down = rich.downstream("cloudfront:E3VPCORIGIN")
    assert down.backends == {"ip"} and down.hops == 3 and not down.unresolved
    assert down.chain == (
        "cloudfront E3VPCORIGIN → vpc-origin vo_0123456789abcdef-name → alb app-internal"
        " → tg app-ip"
    )


def test_inventory_frames(rich: Estate, partial: Estate) -> None:
    lbs = rich.inventory("load_balancers")
    assert list(lbs["node"]) == [n.lb_id(lb.arn) for lb in rich.model.load_balancers]
    assert list(lbs["type"]) == ["application", "network", "application"]
    assert "raw" not in lbs.columns and "listeners_count" in lbs.columns
    assert lbs.loc[0, "tags"] == {"env": "prod"}
    dists = partial.inventory("distributions")
    assert dists.loc[0, "tags"] == "NOT_COLLECTED" and dists.loc[0, "logging"] == "NOT_COLLECTED"
    assert rich.inventory("cache_policies")["node"].isna().all()  # not graph nodes
    with pytest.raises(ValueError, match="unknown inventory kind"):
        rich.inventory("nope")


def test_nodes_and_edges_frames(rich: Estate) -> None:
    nodes = rich.nodes()
    assert len(nodes) == rich.graph.number_of_nodes() and "ref" not in nodes.columns
    lbs = rich.nodes("load-balancer")
    assert {"lb_type", "scheme", "dns_name"} <= set(lbs.columns)
    assert sorted(lbs["lb_type"]) == ["alb", "alb", "classic", "nlb"]
    edges = rich.edges("forwards")
    assert set(edges["kind"]) == {"forwards"} and "weight" in edges.columns
    assert sorted(edges["weight"].dropna().astype(int)) == [1, 1, 1, 1, 1, 10, 90]


def test_entry_node_lookup(rich: Estate) -> None:
    assert rich.entry_node("WWW.Example.com.") == "dns:www.example.com"
    assert rich.entry_node("app.example.com") == "cloudfront:E3VPCORIGIN"
    assert rich.entry_node("de2legacy.cloudfront.net") == "cloudfront:E2LEGACY"
    internal = "internal-app-internal-1234567890.us-east-1.elb.amazonaws.com"
    assert rich.entry_node(f"dualstack.{internal}") == INTERNAL
    assert rich.entry_node(WEB_ALB) == WEB_ALB
    with pytest.raises(UnknownEntrypointError, match=r"unknown entrypoint 'nope\.example\.com'"):
        rich.entry_node("nope.example.com")
    assert issubclass(UnknownEntrypointError, InputError)
