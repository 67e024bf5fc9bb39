"""Before/after pictures of proposals: removed hops marked, new and changed ones too."""

from __future__ import annotations

from pathlib import Path

import pytest

from edgekit.cli import main
from edgekit.plan import Proposal, apply, plan
from edgekit.render import before_after_spec
from edgekit.render.beforeafter import after_graph
from edgekit.render.spec import DiagramSpec
from tests.render.helpers import ELB, RICH, WEB_ALB, check_golden, fixed_findings, rich

NLB = f"{ELB}:loadbalancer/net/static-nlb/50dc6c495c0c9188"


def nlb_proposal() -> Proposal:
    """A hand-built "drop the NLB in front of the ALB" proposal (stable whatever the planner)."""
    estate = rich()
    current = next(
        p
        for p in estate.paths_from("lb:" + NLB)
        if p[-1].startswith("lambda:") and "l00443" in p[1]
    )
    start = current.index("lb:" + WEB_ALB)
    removed = [n for n in current[:start] if not n.startswith("lb:" + WEB_ALB)]
    return Proposal(
        id="nlb_to_alb-test",
        check_id="redundancy.nlb_to_alb",
        resource=NLB,
        entrypoint="lb:" + NLB,
        current_path=tuple(current),
        proposed_path=tuple(current[start:]),
        removed=tuple(sorted(removed)),
        monthly_savings_usd=16.43,
        savings_basis="NLB hours (test)",
        hops_saved=1,
        risks=("clients pinned to NLB addresses",),
        steps=(),
        title="Point clients at the ALB directly",
    )


@pytest.fixture(scope="module")
def spec() -> DiagramSpec:
    proposal = nlb_proposal()
    return before_after_spec(
        rich(), proposal, apply(rich().graph, [proposal]), findings=fixed_findings()
    )


def test_golden(spec: DiagramSpec) -> None:
    check_golden("rich.before-after.nlb-to-alb.json", spec.dumps())


def test_two_sides_with_removed_hops_marked(spec: DiagramSpec) -> None:
    assert [c.id for c in spec.clusters] == ["before", "after"]
    assert {n.cluster for n in spec.nodes} == {"before", "after"}
    nlb = spec.node("before:lb:" + NLB)
    assert nlb.removed and nlb.caption.endswith("removed") and nlb.style.line == "dashed"
    assert not any(n.id == "after:lb:" + NLB for n in spec.nodes)
    assert any(e.kind == "removed" and e.src == nlb.id for e in spec.edges)
    alb_before = spec.node("before:lb:" + WEB_ALB)
    assert not alb_before.removed and alb_before.findings  # the current side is coloured
    assert spec.node("after:lb:" + WEB_ALB).findings == {}  # the proposed side is not
    assert any(e.kind == "protects" and e.dst == "after:lb:" + WEB_ALB for e in spec.edges)
    legend = {entry.key for entry in spec.legend}
    assert {"removed", "traffic", "protects"} <= legend
    assert "1 network hop(s)" in spec.notes[1] and "$16.43/month" in spec.notes[1]
    assert (
        spec.name
        == "static-nlb-0123456789abcdef-elb-us-east-1-amazonaws-com-nlb-to-alb-test-before-after"
    )


def test_every_planner_proposal_draws() -> None:
    estate = rich()
    for proposal in plan(estate).proposals:
        spec = before_after_spec(
            estate, proposal, apply(estate.graph, [proposal]), findings=fixed_findings()
        )
        ids = {n.id for n in spec.nodes}
        assert all(e.src in ids and e.dst in ids for e in spec.edges)
        gone = {n.removeprefix("before:") for n in ids if spec.node(n).removed}
        assert gone <= set(proposal.current_path)
        assert set(proposal.removed) & set(proposal.current_path) <= gone | {
            n for n in proposal.current_path if n.startswith(("listener:", "rule:", "target:"))
        }
        if not proposal.proposed_path:
            assert "after:nothing" in ids


def test_neighbourhood_after_graph_draws_the_same() -> None:
    estate = rich()
    proposals = [nlb_proposal(), *plan(estate).proposals]
    for proposal in proposals:
        full = before_after_spec(estate, proposal, apply(estate.graph, [proposal]), findings=[])
        near = before_after_spec(estate, proposal, after_graph(estate, proposal), findings=[])
        assert near.dumps() == full.dumps(), proposal.id


def test_cli_after(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "diagram",
            str(RICH),
            "--entrypoint",
            "de4context.cloudfront.net",
            "--after",
            "-o",
            str(tmp_path),
            "--format",
            "svg",
        ]
    )
    names = [Path(p).name for p in capsys.readouterr().out.split()]
    assert code == 0
    assert names[0] == "de4context-cloudfront-net.svg" and names[-1] == "index.json"
    assert len(names) >= 3 and all(n.endswith("-before-after.svg") for n in names[1:-1])
