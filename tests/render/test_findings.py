"""Findings placed on graph nodes: by node id, by ARN, by record id; the rest per account."""

from __future__ import annotations

from edgekit.render.findings import (
    MAX_LISTED,
    FindingIndex,
    count,
    counts_text,
    listed,
    run_checks,
    worst,
)
from edgekit.rules.finding import Severity, Status
from tests.render.helpers import ACCOUNT, CERT, EDGE_ACL, WEB_ALB, finding, fixed_findings, rich


def test_placement() -> None:
    index = FindingIndex.build(rich(), fixed_findings())
    assert [f.check_id for f in index.on_node("cloudfront:E1MAINDIST")] == ["t.dist"]
    assert [f.check_id for f in index.on_node("behavior:E1MAINDIST:/legacy/*")] == ["t.behavior"]
    assert [f.check_id for f in index.on_node("waf:" + EDGE_ACL)] == ["t.acl"]
    assert [f.check_id for f in index.on_node("cert:" + CERT)] == ["t.cert"]
    assert [f.check_id for f in index.on_node("lb:" + WEB_ALB)] == ["t.lb"]
    assert [f.check_id for f in index.on_node("dns:www.example.com")] == ["t.record"]
    assert sorted(f.check_id for f in index.by_account[ACCOUNT]) == ["t.account", "t.zone"]


def test_shared_arn_goes_to_the_node_named_after_it() -> None:
    # a Lambda function URL node carries its function's ARN; the function node wins
    arn = f"arn:aws:lambda:us-east-1:{ACCOUNT}:function:site"
    index = FindingIndex.build(rich(), [finding(arn, Severity.LOW)])
    assert list(index.by_node) == ["lambda:" + arn]


def test_counts_and_worst() -> None:
    items = [
        finding("x", Severity.LOW),
        finding("x", Severity.HIGH),
        finding("x", Severity.LOW),
        finding("x", Severity.CRITICAL, status=Status.UNKNOWN),
    ]
    counts = count(items)
    assert list(counts.items()) == [("high", 1), ("low", 2), ("unknown", 1)]
    assert worst(counts) == "high" and worst({"unknown": 3}) is None
    assert counts_text(counts) == "1 high · 2 low · 1 unknown"


def test_listed_worst_first_one_line_per_check_unknown_left_out() -> None:
    items = [
        finding("a", Severity.LOW, "c.low"),
        finding("a", Severity.HIGH, "c.high"),
        finding("b", Severity.HIGH, "c.high"),  # the same check on another resource: one line
        finding("a", Severity.HIGH, "a.high"),
        finding("a", Severity.CRITICAL, "c.unknown", status=Status.UNKNOWN),
    ]
    assert listed(items) == (
        "high · a.high (a.high)",
        "high · c.high (c.high) ×2",
        "low · c.low (c.low)",
    )
    assert listed([items[-1]]) == ()


def test_listed_is_capped_with_the_rest_counted() -> None:
    items = [finding("a", Severity.MEDIUM, f"c.{i:02d}") for i in range(MAX_LISTED + 3)]
    items.append(finding("b", Severity.MEDIUM, "c.00"))  # shares the first line
    lines = listed(items)
    assert len(lines) == MAX_LISTED + 1
    assert lines[0] == "medium · c.00 (c.00) ×2"
    assert lines[-1] == "… and 3 more"
    assert listed(items, 2)[-1] == f"… and {MAX_LISTED + 1} more"  # findings, not lines


def test_index_lists_the_findings_of_several_nodes_once() -> None:
    index = FindingIndex.build(rich(), fixed_findings())
    nodes = ["cloudfront:E1MAINDIST", "cloudfront:E1MAINDIST", "waf:" + EDGE_ACL, "lb:" + WEB_ALB]
    assert index.listed(nodes) == ("critical · t.acl (t.acl)", "high · t.dist (t.dist)")
    assert index.listed(nodes, 1) == ("critical · t.acl (t.acl)", "… and 1 more")


def test_findings_of_several_nodes_counted_once() -> None:
    index = FindingIndex.build(rich(), fixed_findings())
    nodes = ["cloudfront:E1MAINDIST", "cloudfront:E1MAINDIST", "waf:" + EDGE_ACL]
    assert index.counts(nodes) == {"critical": 1, "high": 1}


def test_live_catalogue_findings_all_find_a_place() -> None:
    estate = rich()
    findings = run_checks(estate)
    index = FindingIndex.build(estate, findings)
    placed = sum(len(v) for v in index.by_node.values())
    unplaced = [f for v in index.by_account.values() for f in v]
    assert placed + len(unplaced) == len(findings) > 0
    # only account-wide resources (the account, a hosted zone) have no node
    assert {f.resource.type for f in unplaced} <= {"AWS::::Account", "AWS::Route53::HostedZone"}
