"""Which hostnames reach each node (EntrypointIndex), name lookups and reverse lineage."""

from __future__ import annotations

import networkx as nx
import pytest

from edgekit.graph import nodes as n
from edgekit.graph.lineage import build_reverse_lineage
from edgekit.graph.nodes import EdgeKind, NodeKind
from edgekit.graph.reach import EntrypointIndex, UnknownEntrypointError, resolve

LB_ARN = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/web/abc"
TG_ARN = "arn:aws:elasticloadbalancing:us-east-1:111111111111:targetgroup/web/def"
ACL_ARN = "arn:aws:wafv2:us-east-1:111111111111:global/webacl/edge/123"
CERT_ARN = "arn:aws:acm:us-east-1:111111111111:certificate/c1"


def estate_graph() -> nx.DiGraph:
    """www + shop (records) → E1 (alias www) → behavior → origin → ALB "web" → listener → TG
    "web" (same name as the ALB); api.example.com → the ALB directly (ALB internet-facing);
    a CNAME loop loop-a ↔ loop-b; an orphan bucket nothing reaches; an ACL on E1; E1 serves a
    certificate."""
    g = nx.DiGraph()
    for host in ("www.example.com", "shop.example.com", "api.example.com", "loop-a.example.com"):
        n.add_node(g, n.dns_id(host), NodeKind.DNS, host, name=host)
    n.add_node(g, n.dns_id("loop-b.example.com"), NodeKind.DNS, "loop-b", name="")
    dist = n.add_node(
        g,
        n.distribution_id("E1"),
        NodeKind.DISTRIBUTION,
        "E1 (www.example.com)",
        arn="arn:aws:cloudfront::111111111111:distribution/E1",
        ref=object(),
        enabled=True,
        aliases=["www.example.com"],
        domain_name="d1.cloudfront.net",
    )
    beh = n.add_node(g, n.behavior_id("E1", None), NodeKind.BEHAVIOR, "default (*)")
    origin = n.add_node(g, n.origin_id("E1", "o1"), NodeKind.ORIGIN, "o1")
    lb = n.add_node(
        g,
        n.lb_id(LB_ARN),
        NodeKind.LOAD_BALANCER,
        "alb web",
        arn=LB_ARN,
        ref=object(),
        name="web",
        internet_facing=True,
        lb_type="alb",
        dns_name="web-1.us-east-1.elb.amazonaws.com",
    )
    listener = n.add_node(g, "listener:l1", NodeKind.LISTENER, "HTTPS:443")
    tg = n.add_node(g, n.target_group_id(TG_ARN), NodeKind.TARGET_GROUP, "web", arn=TG_ARN)
    tg_name = g.nodes[tg]
    tg_name["name"] = "web"
    acl = n.add_node(g, n.web_acl_id(ACL_ARN), NodeKind.WEB_ACL, "edge", arn=ACL_ARN, name="edge")
    cert = n.add_node(g, n.certificate_id(CERT_ARN), NodeKind.CERTIFICATE, "*.example.com")
    n.add_node(g, n.s3_id("orphan"), NodeKind.S3_BUCKET, "orphan", name="orphan")
    n.add_edge(g, n.dns_id("www.example.com"), dist, EdgeKind.RESOLVES_TO)
    n.add_edge(g, n.dns_id("shop.example.com"), dist, EdgeKind.RESOLVES_TO)
    n.add_edge(g, n.dns_id("api.example.com"), lb, EdgeKind.RESOLVES_TO)
    n.add_edge(g, dist, beh, EdgeKind.HAS_BEHAVIOR, order=0)
    n.add_edge(g, beh, origin, EdgeKind.ROUTES)
    n.add_edge(g, origin, lb, EdgeKind.RESOLVES_TO)
    n.add_edge(g, lb, listener, EdgeKind.HAS_LISTENER)
    n.add_edge(g, listener, tg, EdgeKind.FORWARDS)
    n.add_edge(g, acl, dist, EdgeKind.PROTECTS)
    n.add_edge(g, dist, cert, EdgeKind.SERVES_CERTIFICATE)
    n.add_edge(
        g, n.dns_id("loop-a.example.com"), n.dns_id("loop-b.example.com"), EdgeKind.RESOLVES_TO
    )
    n.add_edge(
        g, n.dns_id("loop-b.example.com"), n.dns_id("loop-a.example.com"), EdgeKind.RESOLVES_TO
    )
    return g


PEOPLE = ("api.example.com", "loop-a.example.com", "shop.example.com", "www.example.com")
GENERATED = ("d1.cloudfront.net", "web-1.us-east-1.elb.amazonaws.com")


def test_hostnames_people_names_first() -> None:
    index = EntrypointIndex.build(estate_graph())
    assert index.hostnames == (*PEOPLE, *GENERATED)


def test_each_node_knows_the_hostnames_crossing_it() -> None:
    g = estate_graph()
    index = EntrypointIndex.build(g)
    via_cdn = ("shop.example.com", "www.example.com", "d1.cloudfront.net")
    everyone = (
        "api.example.com",
        "shop.example.com",
        "www.example.com",
        "d1.cloudfront.net",
        "web-1.us-east-1.elb.amazonaws.com",
    )
    assert index.by_node[n.distribution_id("E1")] == via_cdn
    assert index.by_node[n.origin_id("E1", "o1")] == via_cdn
    assert index.by_node[n.lb_id(LB_ARN)] == everyone
    assert index.by_node[n.target_group_id(TG_ARN)] == everyone
    # protection: the ACL and the certificate take the hostnames of what they protect / serve
    assert index.by_node[n.web_acl_id(ACL_ARN)] == via_cdn
    assert index.by_node[n.certificate_id(CERT_ARN)] == via_cdn
    # a CNAME loop: both records reached from loop-a; nothing reaches the orphan bucket
    assert index.by_node[n.dns_id("loop-b.example.com")] == ("loop-a.example.com",)
    assert n.s3_id("orphan") not in index.by_node
    # by resource id as findings name them: ARN, node id, a Route 53 record id
    assert index.of(g, TG_ARN) == everyone
    assert index.of(g, "record:Z1:shop.example.com.:CNAME") == ("shop.example.com",)
    assert index.of(g, "arn:aws:iam::111111111111:root") == ()


def test_a_chain_shares_one_set_instead_of_copying() -> None:
    index = EntrypointIndex.build(estate_graph())
    listener, tg = index.by_node["listener:l1"], index.by_node[n.target_group_id(TG_ARN)]
    assert listener is tg


def test_select_globs_and_did_you_mean() -> None:
    index = EntrypointIndex.build(estate_graph())
    assert index.select(["*.cloudfront.net", "WWW.example.com."]) == {
        "d1.cloudfront.net",
        "www.example.com",
    }
    with pytest.raises(UnknownEntrypointError) as err:
        index.select(["shop.exmple.com"])
    assert str(err.value) == (
        "no entrypoint matches 'shop.exmple.com' (did you mean shop.example.com, "
        "api.example.com, loop-a.example.com?)"
    )
    with pytest.raises(UnknownEntrypointError, match=r"^no entrypoint matches '\*\.example\.org'"):
        index.select(["*.example.org"])


def test_resolve_by_every_name_a_person_uses() -> None:
    g = estate_graph()
    index = EntrypointIndex.build(g)
    lb, dist = n.lb_id(LB_ARN), n.distribution_id("E1")
    assert resolve(g, index, "www.example.com") == n.dns_id("www.example.com")
    assert resolve(g, index, "d1.cloudfront.net") == dist
    assert resolve(g, index, "E1") == dist
    assert resolve(g, index, LB_ARN) == lb
    assert resolve(g, index, "dualstack.web-1.us-east-1.elb.amazonaws.com") == lb
    assert resolve(g, index, lb) == lb
    # "web" names the ALB and its target group: the load balancer wins
    assert resolve(g, index, "web") == lb
    assert resolve(g, index, "edge") == n.web_acl_id(ACL_ARN)
    with pytest.raises(UnknownEntrypointError) as err:
        resolve(g, index, "wbe")
    assert str(err.value) == (
        "unknown entrypoint 'wbe': no such hostname, ARN, name or node (did you mean web?)"
    )


def test_resolve_ambiguous_name_lists_the_nodes() -> None:
    g = estate_graph()
    n.add_node(g, n.s3_id("twin"), NodeKind.S3_BUCKET, "twin", name="twin")
    n.add_node(g, "s3:twin-2", NodeKind.S3_BUCKET, "twin", name="twin")
    with pytest.raises(UnknownEntrypointError, match="names several resources: s3:twin, s3:twin-2"):
        resolve(g, EntrypointIndex.build(g), "twin", what="resource")


def test_reverse_lineage_walks_against_traffic() -> None:
    g = estate_graph()
    lineage = build_reverse_lineage(g, n.target_group_id(TG_ARN), "web")
    rows = [(h.depth, h.node, h.via, h.repeat) for h in lineage]
    assert rows == [
        (0, n.target_group_id(TG_ARN), None, False),
        (1, "listener:l1", "forwards", False),
        (2, n.lb_id(LB_ARN), "has-listener", False),
        (3, n.dns_id("api.example.com"), "resolves-to", False),
        (3, n.origin_id("E1", "o1"), "resolves-to", False),
        (4, n.behavior_id("E1", None), "routes", False),
        (5, n.distribution_id("E1"), "has-behavior", False),
        (6, n.dns_id("shop.example.com"), "resolves-to", False),
        (6, n.dns_id("www.example.com"), "resolves-to", False),
    ]
    dist_hop = lineage[6]
    assert dist_hop.web_acls == ("edge",) and dist_hop.certificates == ("*.example.com",)


@pytest.mark.parametrize("name", ["rich.json", "sample.json.gz", "multi_account.json"])
def test_index_agrees_with_every_lineage(name: str) -> None:
    """The one-pass index gives each node exactly the hostnames whose lineage lists it (plus
    the web ACLs and certificates at those hops), on the bundled estates."""
    from pathlib import Path

    from edgekit.graph import Estate

    estate = Estate.load(Path(__file__).parents[1] / "fixtures" / "snapshots" / name)
    g = estate.graph
    expected: dict[str, set[str]] = {}
    for host in estate.hostnames():
        lineage = estate.lineage(estate.entrypoint_index.entry_nodes[host])
        for hop in lineage:
            certs = [v for v, d in g.adj[hop.node].items() if d["kind"] == "serves-certificate"]
            for node in (hop.node, *hop.web_acl_ids, *certs):
                expected.setdefault(node, set()).add(host)
    got = {node: set(hosts) for node, hosts in estate.entrypoint_index.by_node.items()}
    assert got == expected
    assert len(expected) >= 10
