"""Findings seen from the entrypoints: per-hop summaries, hostname filters, the runner's
``entrypoints`` and unused suppressions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from edgekit.graph import Estate
from edgekit.rules import runner, suppress
from edgekit.rules.catalogue import load
from edgekit.rules.context import CheckContext
from edgekit.rules.entrypoints import NONE, HopFindings, hop_findings, on_hosts, summarize
from edgekit.rules.finding import Finding, ResourceRef, Severity, Status

RICH = Path(__file__).parents[1] / "fixtures" / "snapshots" / "rich.json"


def finding(
    check: str, severity: Severity, status: Status = Status.FAIL, hosts: tuple[str, ...] = ()
) -> Finding:
    return Finding(
        check_id=check,
        status=status,
        severity=severity,
        category="c",
        resource=ResourceRef("arn:aws:x", "T", "111111111111", "us-east-1"),
        title="t",
        message="m",
        evidence={},
        remediation="r",
        entrypoints=hosts,
    )


def test_summarize_counts_failing_worst_and_unknown() -> None:
    found = [
        finding("a.one", Severity.LOW),
        finding("a.two", Severity.HIGH),
        finding("a.three", Severity.CRITICAL, Status.UNKNOWN),
    ]
    summary = summarize(found)
    assert summary == HopFindings(failing=2, worst=Severity.HIGH, unknown=1)
    assert summary.text == "2 fail (worst high), 1 unknown"
    assert summary.to_json() == {"failing": 2, "worst": "high", "unknown": 1}
    assert summarize([finding("a.x", Severity.LOW, Status.UNKNOWN)]).text == "1 unknown"
    assert NONE.text == "" and NONE.to_json() == {"failing": 0, "worst": None, "unknown": 0}


def test_on_hosts_keeps_order_and_drops_the_rest() -> None:
    one = finding("a.one", Severity.LOW, hosts=("a.example.com", "b.example.com"))
    two = finding("a.two", Severity.LOW, hosts=("c.example.com",))
    three = finding("a.three", Severity.LOW)
    assert on_hosts([one, two, three], {"b.example.com", "c.example.com"}) == [one, two]
    assert on_hosts([one, two, three], set()) == []


def test_runner_sets_entrypoints_and_hops_place_findings() -> None:
    estate = Estate.load(RICH)
    result = runner.run(load(), CheckContext.from_estate(estate))
    index = estate.entrypoint_index
    for f in result.findings:
        assert f.entrypoints == index.of(estate.graph, f.resource.id)
    per_hop = hop_findings(estate, result.findings)
    web_alb = estate.entry_node("web-alb")
    assert per_hop[web_alb] == HopFindings(failing=1, worst=Severity.LOW, unknown=0)
    account = "arn:aws:iam::111111111111:root"
    assert all(f.entrypoints == () for f in result.findings if f.resource.id == account)


def test_unused_suppressions_are_listed() -> None:
    used = suppress.Suppression("a.one", "*", "accepted")
    typo = suppress.Suppression("a.onee", "*", "typo")
    expired = suppress.Suppression("a.two", "*", "old", dt.date(2020, 1, 1))
    applied = suppress.apply(
        [finding("a.one", Severity.LOW), finding("a.two", Severity.LOW)],
        [used, typo, expired],
        dt.date(2026, 1, 1),
    )
    assert applied.unused == [typo]
    assert applied.expired == [expired]
    assert [s for _, s in applied.suppressed] == [used]
