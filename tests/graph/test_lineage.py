"""Lineage: hop order, repeats, protections at each hop, frames."""

from __future__ import annotations

from edgekit.graph import Estate, Hop, Lineage
from edgekit.graph import nodes as n
from tests.model import factories as f

WEB_ALB = n.lb_id(f.lb_arn("web-alb"))


def test_hops_in_natural_order(rich: Estate) -> None:
    lineage = rich.lineage("www.example.com")
    assert isinstance(lineage, Lineage) and isinstance(lineage[0], Hop)
    assert lineage.entry == "dns:www.example.com" and lineage.query == "www.example.com"
    assert [h.node for h in lineage[:2]] == ["dns:www.example.com", "cloudfront:E1MAINDIST"]
    behaviors = [h.detail for h in lineage if h.kind == "behavior"]
    assert behaviors == ["/static/*", "/api*", "/api/v2/*", "/legacy/*", "default"]
    rules = [h.label for h in lineage if h.kind == "listener-rule" and not h.repeat]
    assert rules == [
        "default",
        "priority 10",
        "priority 20",
        "priority 30",
        "priority 40",
        "default",
    ]
    members = [h.detail for h in lineage if h.via == "has-member"]
    assert members == ["primary", "failover 1"]
    for hop in lineage[1:]:
        parent = next(p for p in lineage if p.node == hop.parent)
        assert hop.depth == parent.depth + 1


def test_repeats_are_listed_not_expanded(rich: Estate) -> None:
    lineage = rich.lineage("www.example.com")
    alb_origin = [h for h in lineage if h.node == "origin:E1MAINDIST:alb-web"]
    assert [h.repeat for h in alb_origin] == [False, True, True]
    assert sum(1 for h in lineage if h.node == WEB_ALB) == 1
    assert len({h.node for h in lineage if not h.repeat}) == sum(1 for h in lineage if not h.repeat)


def test_protections_at_each_hop(rich: Estate) -> None:
    hops = {h.node: h for h in rich.lineage("www.example.com") if not h.repeat}
    dist = hops["cloudfront:E1MAINDIST"]
    assert dist.web_acls == ("edge-acl",) and dist.tls_policy == "TLSv1.2_2021"
    assert dist.certificates == ("example.com",)
    assert dist.web_acl_ids[0].startswith("waf:arn:aws:wafv2:us-east-1:111111111111:global/")
    assert hops["origin:E1MAINDIST:alb-web"].origin_lock == ("sends header X-Origin-Verify",)
    assert hops["origin:E1MAINDIST:s3-assets"].origin_lock == ("OAC E2OACEXAMPLE",)
    assert hops["origin:E1MAINDIST:s3-legacy"].origin_lock == ("OAI E3OAIEXAMPLE",)
    assert hops[WEB_ALB].web_acls == ("alb-acl",)
    https = next(h for h in hops.values() if h.label == "HTTPS:443")
    assert https.tls_policy == f.TLS13
    assert https.certificates == ("api.example.com", "example.com")
    r10 = next(h for h in hops.values() if h.label == "priority 10")
    assert r10.origin_lock == ("requires header X-Origin-Verify", "authenticates")
    assert not any(h.unresolved for h in hops.values())


def test_vpc_origin_and_internal_scheme(rich: Estate) -> None:
    hops = rich.lineage("app.example.com")
    assert hops.entry == "cloudfront:E3VPCORIGIN"
    kinds = [h.kind for h in hops]
    assert kinds[:5] == ["distribution", "behavior", "origin", "vpc-origin", "load-balancer"]
    assert hops[2].origin_lock == ("VPC origin (private)",)
    assert hops[4].origin_lock == ("internal scheme", "port 80 admits 0.0.0.0/0 or ::/0")
    assert hops[4].detail == "vpc-origin-endpoint"


def test_unresolved_and_loops(rules: Estate) -> None:
    loop = rules.lineage("loop-a.example.com")
    assert [(h.node, h.repeat) for h in loop] == [
        ("dns:loop-a.example.com", False),
        ("dns:loop-b.example.com", False),
        ("dns:loop-a.example.com", True),
    ]
    assert loop.unresolved and all(h.unresolved for h in loop)
    apps = rules.lineage("cloudfront:E7APPS")
    ext = [h for h in apps if h.kind == "external"]
    assert {h.label for h in ext} == {
        "origin.partner.example",
        "gone-alb-999.us-east-1.elb.amazonaws.com",
        "dgone12345.cloudfront.net",
    }
    assert all(h.unresolved and h.detail == "unresolved" for h in ext)


def test_frames_and_records(rich: Estate) -> None:
    lineage = rich.lineage("api.example.com")
    frame = lineage.to_frame()
    assert len(frame) == len(lineage)
    assert list(frame.columns)[:4] == ["depth", "node", "kind", "label"]
    assert frame.loc[1, "web_acls"] == "alb-acl"
    records = lineage.to_records()
    assert records[1]["web_acls"] == ["alb-acl"] and records[0]["parent"] is None
    assert records[1]["detail"] == "elb-dns, A alias"
