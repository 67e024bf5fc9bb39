"""edgekit.graph.resolver on realistic-but-unusual DNS: Route 53 wildcard records (RFC 4592)."""

from __future__ import annotations

from typing import Any

from edgekit.graph import EdgeKind, Estate
from edgekit.graph import nodes as n
from tests.model import factories as f

ALB = f.load_balancer("web-alb")
ALB_NODE = n.lb_id(ALB["LoadBalancerArn"])


def _estate(records: list[dict[str, Any]], origin_domain: str) -> Estate:
    zone = f.zone_entry(f.hosted_zone("Z1", "example.com"), records)
    dist = f.distribution("E1", origins=[f.custom_origin("o", origin_domain)])
    return Estate.from_snapshot(
        f.snapshot(
            f.payload(
                "elbv2", {"load_balancers": [f.lb_entry(ALB, listeners=[])]}, region="us-east-1"
            ),
            f.payload("cloudfront", {"distributions": [f.distribution_entry(dist)]}),
            f.payload("route53", {"hosted_zones": [zone], "query_logging_configs": []}),
        )
    )


def _resolved(est: Estate, source: str) -> tuple[str, str]:
    out = [
        (v, d["rule"])
        for v, d in est.graph.adj[source].items()
        if d["kind"] == EdgeKind.RESOLVES_TO
    ]
    assert len(out) == 1, out
    return out[0]


WILDCARD = f.alias_record("*.example.com.", f"dualstack.{ALB['DNSName']}.", f.ALB_ZONE)


def test_origin_on_a_name_only_a_wildcard_record_answers() -> None:
    est = _estate([WILDCARD], "origin.example.com")
    assert _resolved(est, "origin:E1:o") == ("dns:*.example.com", "route53-wildcard")
    assert est.resolve_origin("E1", "o") == ALB_NODE
    [(dist, origin)] = est.distributions_in_front_of(ALB_NODE)
    assert (dist.id, origin.id) == ("E1", "o")


def test_wildcard_answers_deeper_names_unless_a_closer_name_exists() -> None:
    deep = _estate([WILDCARD], "a.b.example.com")
    assert _resolved(deep, "origin:E1:o") == ("dns:*.example.com", "route53-wildcard")
    # b.example.com exists: a.b.example.com is NXDOMAIN, the wildcard does not answer (RFC 4592)
    closer = f.record("b.example.com.", "A", ["192.0.2.10"])
    blocked = _estate([WILDCARD, closer], "a.b.example.com")
    assert _resolved(blocked, "origin:E1:o")[1] == "unresolved"


def test_exact_record_beats_the_wildcard() -> None:
    exact = f.record("origin.example.com.", "CNAME", ["elsewhere.example.net"])
    est = _estate([WILDCARD, exact], "origin.example.com")
    assert _resolved(est, "origin:E1:o") == ("dns:origin.example.com", "route53")
    # the apex is not under its own wildcard
    apex = _estate([WILDCARD], "example.com")
    assert _resolved(apex, "origin:E1:o")[1] == "unresolved"
