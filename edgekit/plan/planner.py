"""``plan(estate)``: the redundancy checks, and a proposal for every failing finding."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from edgekit.graph import Estate
from edgekit.plan import live_prices, patterns_cdn, patterns_edge, patterns_lb, prices, usage
from edgekit.plan.draft import Draft, PlanContext
from edgekit.plan.groups import Group, groups
from edgekit.plan.model import Proposal, Unknown, Variant, proposal_id
from edgekit.plan.paths import hops, label
from edgekit.plan.prices import PriceTable
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
    groups: list[Group] = field(default_factory=list)
    """Proposals touching the same resource, with their order or alternatives."""
    labels: dict[str, str] = field(default_factory=dict)
    """Reviewer labels of every node the proposals name (hostname, distribution id + alias,
    load balancer name ...), for the Markdown and table documents."""
    prices: PriceTable = field(default_factory=prices.load)
    """The price table the savings were computed with (bundled, or with the day's prices)."""


def _variant(draft: Draft, ctx: PlanContext) -> Variant:
    saved = hops(ctx.graph, draft.current) - hops(ctx.graph, draft.proposed) + len(draft.hidden)
    if not draft.proposed:
        saved = hops(ctx.graph, [n for n in draft.current if n in draft.removed])
    unknown = tuple(
        Unknown(line.label, "saving" if line.effect >= 0 else "cost", line.price)
        for line in draft.lines
        if line.usd is None
    )
    return Variant(
        name=draft.variant,
        summary=draft.summary,
        proposed_path=tuple(draft.proposed),
        removed=tuple(sorted(draft.removed)),
        monthly_savings_usd=prices.total(draft.lines),
        usage_unknown=unknown,
        savings_basis=prices.basis(draft.lines, ctx.prices),
        hops_saved=saved,
        risks=tuple(draft.risks),
        steps=tuple(draft.steps),
        drops=tuple(draft.drops),
    )


def choose(variants: list[Variant]) -> Variant:
    """The default variant: the cheapest (highest certain saving) of those keeping every stated
    guarantee (all of them when none does), ties to the first."""
    keeping = [v for v in variants if not v.drops] or variants
    return max(keeping, key=lambda v: v.monthly_savings_usd)


def propose(finding: Finding, ctx: PlanContext) -> Proposal:
    """The proposal for one failing redundancy finding (its default variant on top)."""
    draft = BUILDERS[finding.check_id](finding, ctx)
    drafts = [draft, *draft.alternatives]
    variants = [_variant(d, ctx) for d in drafts]
    best = choose(variants)
    chosen = drafts[variants.index(best)]
    region = chosen.region or finding.resource.region
    return Proposal(
        id=proposal_id(finding.check_id, finding.resource.id),
        check_id=finding.check_id,
        resource=finding.resource.id,
        title=chosen.title,
        entrypoint=chosen.entrypoint,
        current_path=tuple(chosen.current),
        proposed_path=best.proposed_path,
        removed=best.removed,
        monthly_savings_usd=best.monthly_savings_usd,
        savings_basis=best.savings_basis,
        hops_saved=best.hops_saved,
        risks=best.risks,
        steps=best.steps,
        usage_unknown=best.usage_unknown,
        price_region=region or "",
        variant=best.name,
        variants=tuple(variants) if len(variants) > 1 else (),
        hidden=tuple(chosen.hidden),
    )


def plan(estate: Estate, findings: list[Finding] | None = None) -> Plan:
    """Run the redundancy checks (unless ``findings`` are given) and build the proposals."""
    errors: list[CheckError] = []
    if findings is None:
        result = runner.run(load().select(["redundancy.*"]), CheckContext.from_estate(estate))
        findings, errors = result.findings, list(result.errors)
    ctx = PlanContext(
        estate, usage.from_snapshot(estate.snapshot), live_prices.table(estate.snapshot)
    )
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
    named = {n for p in proposals for n in p.proposed_path}
    named |= {n for p in proposals for v in p.variants for n in v.proposed_path}
    named |= {n for p in proposals for n in (*p.current_path, *p.removed, p.entrypoint)}
    by_arn = {a["arn"]: n for n, a in ctx.graph.nodes(data=True) if a.get("arn")}
    resources = {p.resource: by_arn.get(p.resource, p.resource) for p in proposals}
    return Plan(
        proposals,
        undecided,
        errors,
        groups(proposals),
        {
            **{n: label(ctx.graph, n) for n in sorted(named)},
            **{r: label(ctx.graph, n) for r, n in resources.items()},
        },
        ctx.prices,
    )
