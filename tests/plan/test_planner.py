"""The planner on every pattern snapshot: proposals, the after graph, stable ids, usage hook."""

from __future__ import annotations

import copy

import networkx as nx
import pytest

from edgekit.graph import TRAFFIC_EDGES, Estate
from edgekit.plan import BUILDERS, Proposal, apply, plan
from edgekit.plan.model import proposal_id
from edgekit.rules.catalogue import load
from tests.model import factories as f
from tests.plan.patterns import PATTERNS


def _traffic(g: nx.DiGraph) -> nx.DiGraph:
    return nx.subgraph_view(g, filter_edge=lambda u, v: g[u][v]["kind"] in TRAFFIC_EDGES)


def _proposal(name: str) -> tuple[Estate, Proposal]:
    est = Estate.from_snapshot(PATTERNS[name]())
    result = plan(est)
    assert not result.errors
    check = "redundancy." + name.removesuffix("_http")
    [p] = [x for x in result.proposals if x.check_id == check]
    return est, p


def test_every_redundancy_check_has_a_builder() -> None:
    ids = {i for i in load().ids() if i.startswith("redundancy.")}
    assert ids == set(BUILDERS)


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_after_graph_keeps_the_backend_reachable(name: str) -> None:
    est, p = _proposal(name)
    before = nx.DiGraph(est.graph)
    after = apply(est.graph, [p])
    assert nx.utils.graphs_equal(before, nx.DiGraph(est.graph)), "apply changed its input"
    assert (p.removed and all(n not in after for n in p.removed)) or not p.removed
    assert all(n in est.graph for n in p.current_path if n not in p.hidden)
    traffic = _traffic(after)
    if not p.proposed_path:  # unreferenced: removed, nothing proposed
        assert p.entrypoint not in after
        return
    for u, v in zip(p.proposed_path, p.proposed_path[1:], strict=False):
        assert after.has_edge(u, v) and after[u][v]["kind"] in TRAFFIC_EDGES, (u, v)
    if p.check_id == "redundancy.redirect_only_lb":
        assert after.nodes[p.proposed_path[-1]]["answers"] == "redirect"
        assert nx.has_path(traffic, p.entrypoint, p.proposed_path[-1])
        return
    backend = p.current_path[-1]
    assert p.proposed_path[-1] == backend
    assert nx.has_path(traffic, p.entrypoint, backend)


@pytest.mark.parametrize(
    ("name", "removed_kinds", "hops"),
    [
        ("alb_single_lambda", {"lb", "listener", "rule", "tg", "target"}, 1),
        ("nlb_to_alb", {"lb", "listener", "rule", "tg", "target"}, 0),
        ("redirect_only_lb", {"lb", "listener", "rule"}, 0),
        ("apigw_proxy_to_alb", {"apigw", "apigw-stage"}, 1),
        ("apigw_proxy_to_alb_http", {"apigw", "apigw-stage"}, 1),
        ("cdn_before_edge_api", set(), 1),
        ("cdn_chain", {"origin"}, 1),
        ("double_waf", {"waf"}, 0),
        ("duplicate_distributions", {"cloudfront", "behavior", "origin"}, 0),
        ("accelerator_and_cdn", {"accelerator"}, 0),
        ("unreferenced_entrypoint", {"lb", "listener", "rule", "tg", "target"}, 1),
    ],
)
def test_removed_nodes_and_hops(name: str, removed_kinds: set[str], hops: int) -> None:
    _, p = _proposal(name)
    assert {n.partition(":")[0] for n in p.removed} == removed_kinds
    assert p.hops_saved == hops


def test_cdn_chain_merges_the_inner_behaviors() -> None:
    est, p = _proposal("cdn_chain")
    after = apply(est.graph, [p])
    assert "behavior:E1OUTER:/static/*" in after
    assert after.has_edge("behavior:E1OUTER:default", "origin:E1OUTER:E2INNER-web")
    assert after.has_edge("cloudfront:E1OUTER", "behavior:E1OUTER:default")
    assert not after.has_edge("behavior:E1OUTER:default", "origin:E1OUTER:inner")
    assert "cloudfront:E2INNER" in after  # still serves media.example.com
    assert nx.has_path(_traffic(after), "cloudfront:E1OUTER", p.current_path[-1])


def test_attribute_edits_in_the_after_graph() -> None:
    est, p = _proposal("public_alb_behind_cdn")
    lb = next(n for n in p.proposed_path if n.startswith("lb:"))
    after = apply(est.graph, [p])
    assert after.nodes[lb]["scheme"] == "internal" and after.nodes[lb]["changed_by"] == [p.id]
    assert after.nodes["vpc-origin:new-web-alb"]["proposed"] is True
    est, p = _proposal("cdn_before_edge_api")
    after = apply(est.graph, [p])
    assert after.nodes["apigw:us-east-1:r3st4p1id0"]["edge_optimized"] is False


def test_ids_are_stable_and_proposals_round_trip() -> None:
    _, p = _proposal("nlb_to_alb")
    assert p.id == proposal_id(p.check_id, p.resource)
    assert p.id.startswith("nlb_to_alb-") and _proposal("nlb_to_alb")[1] == p
    assert Proposal.from_json(copy.deepcopy(p.to_json())) == p


def test_risks_carry_the_pattern_pre_checks() -> None:
    _, p = _proposal("nlb_to_alb")
    assert any(r.startswith("Pre-check: vpc_endpoint_service") for r in p.risks)
    _, p = _proposal("alb_single_lambda")
    assert any("1 MB" in r and "6 MB" in r for r in p.risks)
    assert p.steps[0].title.startswith("Create app's function URL")
    assert "aws_lambda_function_url" in p.steps[0].terraform and "addFunctionUrl" in p.steps[0].cdk


def test_usage_is_unknown_without_metrics() -> None:
    _, p = _proposal("alb_single_lambda")
    assert p.monthly_savings_usd == 23.73
    assert "capacity units: usage unknown, list price $0.008/LCU-hour" in p.savings_basis
    assert "as of 2026-11-28" in p.savings_basis
    assert [(u.item, u.effect) for u in p.usage_unknown] == [("capacity units", "saving")]
    assert p.to_json()["usage_unknown"][0]["price"] == "$0.008/LCU-hour (us-east-1)"


def test_usage_from_cloudwatch_metrics_when_present() -> None:
    snap = PATTERNS["alb_single_lambda"]()
    metric = {
        "Namespace": "AWS/ApplicationELB",
        "MetricName": "ConsumedLCUs",
        "Dimensions": [{"Name": "LoadBalancer", "Value": "app/fn-alb/50dc6c495c0c9188"}],
        "Statistic": "Average",
        "Value": 2.0,
        "PeriodDays": 30,
    }
    snap.payloads.append(f.payload("cloudwatch", {"metrics": [metric]}, region="us-east-1"))
    [p] = [x for x in plan(Estate.from_snapshot(snap)).proposals if "alb_single" in x.check_id]
    assert p.monthly_savings_usd == round(23.73 + 2.0 * 730 * 0.008, 2)
    assert "1,460.00 LCU-hours (CloudWatch)" in p.savings_basis


def test_unknown_findings_are_undecided_not_proposals() -> None:
    est = Estate.from_snapshot(PATTERNS["nlb_to_alb"]())
    snap = est.snapshot
    assert snap is not None
    from tests.plan.patterns import nlb_to_alb

    result = plan(Estate.from_snapshot(nlb_to_alb(links_collected=False)))
    assert not [p for p in result.proposals if p.check_id == "redundancy.nlb_to_alb"]
    assert [u.check_id for u in result.undecided] == ["redundancy.nlb_to_alb"]


def test_all_proposals_of_a_rich_estate_apply_together() -> None:
    from tests.model import estates

    est = Estate.from_snapshot(estates.rich())
    result = plan(est)
    after = apply(est.graph, result.proposals)
    assert after.graph["applied"] == sorted(p.id for p in result.proposals)
    assert all(n not in after for p in result.proposals for n in p.removed)
