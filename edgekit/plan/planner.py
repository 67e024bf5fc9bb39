"""``plan(estate)``: the redundancy checks, and a proposal for every failing finding."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from edgekit.graph import Estate
from edgekit.plan import patterns_cdn, patterns_edge, patterns_lb, prices, usage
from edgekit.plan.draft import Draft, PlanContext
from edgekit.plan.model import Proposal, proposal_id
from edgekit.plan.paths import hops
from edgekit.rules import runner
from edgekit.rules.catalogue import load
from edgekit.rules.context import CheckContext
from edgekit.rules.finding import Finding, Status
from edgekit.rules.runner import CheckError

Builder = Callable[[Finding, PlanContext], Draft]

BUILDERS: dict[str, Builder] = {
    "redundancy.cdn_before_edge_api": patterns_cdn.cdn_before_edge_api,
    "redundancy.cdn_chain": patterns_cdn.cdn_chain,
    "redundancy.s3_website_origin": patterns_cdn.s3_website_origin,
    "redundancy.duplicate_distributions": patterns_cdn.duplicate_distributions,
    "redundancy.alb_single_lambda": patterns_lb.alb_single_lambda,
    "redundancy.public_alb_behind_cdn": patterns_lb.public_alb_behind_cdn,
    "redundancy.redirect_only_lb": patterns_lb.redirect_only_lb,
    "redundancy.nlb_to_alb": patterns_lb.nlb_to_alb,
    "redundancy.accelerator_and_cdn": patterns_edge.accelerator_and_cdn,
    "redundancy.double_waf": patterns_edge.double_waf,
    "redundancy.apigw_proxy_to_alb": patterns_edge.apigw_proxy_to_alb,
    "redundancy.unreferenced_entrypoint": patterns_edge.unreferenced_entrypoint,
}
"""A builder for every redundancy check (a test keeps this complete)."""


@dataclass
class Plan:
    """Proposals (sorted), the redundancy findings left undecided, and any errors."""

    proposals: list[Proposal]
    undecided: list[Finding] = field(default_factory=list)
    errors: list[CheckError] = field(default_factory=list)
    """Check errors, and ``CheckError``s for builders that failed on a finding."""


def propose(finding: Finding, ctx: PlanContext) -> Proposal:
    """The proposal for one failing redundancy finding."""
    draft = BUILDERS[finding.check_id](finding, ctx)
    saved = hops(ctx.graph, draft.current) - hops(ctx.graph, draft.proposed) + draft.hidden_hops
    if not draft.proposed:
        saved = hops(ctx.graph, [n for n in draft.current if n in draft.removed])
    return Proposal(
        id=proposal_id(finding.check_id, finding.resource.id),
        check_id=finding.check_id,
        resource=finding.resource.id,
        title=draft.title,
        entrypoint=draft.entrypoint,
        current_path=tuple(draft.current),
        proposed_path=tuple(draft.proposed),
        removed=tuple(sorted(draft.removed)),
        monthly_savings_usd=prices.total(draft.lines),
        savings_basis=prices.basis(draft.lines, draft.region or finding.resource.region),
        hops_saved=saved,
        risks=tuple(draft.risks),
        steps=tuple(draft.steps),
    )


def plan(estate: Estate, findings: list[Finding] | None = None) -> Plan:
    """Run the redundancy checks (unless ``findings`` are given) and build the proposals."""
    errors: list[CheckError] = []
    if findings is None:
        result = runner.run(load().select(["redundancy.*"]), CheckContext.from_estate(estate))
        findings, errors = result.findings, list(result.errors)
    ctx = PlanContext(estate, usage.from_snapshot(estate.snapshot))
    proposals: list[Proposal] = []
    undecided: list[Finding] = []
    for f in findings:
        if f.check_id not in BUILDERS:
            continue
        if f.status is Status.UNKNOWN:
            undecided.append(f)
            continue
        try:
            proposals.append(propose(f, ctx))
        except (KeyError, IndexError, ValueError, AttributeError, TypeError) as err:
            errors.append(CheckError(f.check_id, f.resource.id, f"planner: {err!r}"))
    proposals.sort(key=lambda p: (p.check_id, p.entrypoint, p.id))
    return Plan(proposals, undecided, errors)
