"""lb.no_waf: ALBs reachable from the internet that no web ACL protects, unless locked behind
CloudFront (an internal ALB counts when an internet-facing NLB or an accelerator reaches it)."""

from __future__ import annotations

from edgekit.model import NOT_COLLECTED, LoadBalancer
from edgekit.rules.analysis.lb_lockdown import State, lockdown_for
from edgekit.rules.analysis.lb_reach import internet_reach
from edgekit.rules.analysis.origin_reach import fronting_unknown_reason, none_fronting_is_certain
from edgekit.rules.context import CheckContext
from edgekit.rules.finding import Fail, Unknown
from edgekit.rules.registry import check


@check(
    "lb.no_waf",
    title="ALB reachable from the internet without a web ACL",
    severity="high",
    category="security",
    applies_to="load_balancer",
    remediation=(
        "Associate a WAFv2 web ACL with the ALB, or serve it only through CloudFront (with WAF) "
        "and lock the origin: security group admitting only the CloudFront origin-facing prefix "
        "list, and listener rules that forward only requests carrying the secret origin header."
    ),
    references=("SH ELB.16", "P", "CK2_28"),
)
def no_waf(lb: LoadBalancer, ctx: CheckContext) -> Fail | Unknown | None:
    """An ALB reachable from the internet that no web ACL (WAFv2, or WAF Classic regional)
    protects and that is not reachable *only* through CloudFront.

    Reachable from the internet: internet-facing, or internal but forwarded to by an
    internet-facing NLB (``alb``-type target group) or fronted by an enabled Global Accelerator
    (:mod:`edgekit.rules.analysis.lb_reach`; the paths are in the evidence as ``reached_through``).
    Such a
    path bypasses CloudFront, so it fails whatever CloudFront does. Otherwise it passes when it
    is the origin of an enabled distribution (by DNS name, alias record or VPC origin) and its
    origin is locked down (``edgekit.rules.analysis.lb_lockdown``): its security groups admit no
    internet
    source but the CloudFront origin-facing prefix list on the ports of the listeners that can
    forward (one that only redirects or answers fixed responses reaches no target), **and**
    every forwarding listener path requires the secret header CloudFront sends. Unknown — never
    "no WAF" — when the WAF associations of its region could not be read; also when no ACL is
    attached but whether CloudFront fronts it, the lockdown, or (internal ALB) whether an
    NLB or accelerator reaches it cannot be decided (distributions, security groups, prefix
    list, listener rules, target groups or accelerators not collected, or an origin name in a
    hosted zone whose records were not read). Evidence carries the lockdown facets and their
    reasons."""
    if lb.type != "application":
        return None
    reach = internet_reach(lb, ctx)
    if not lb.internet_facing and reach.value is False:
        return None
    acl = ctx.model.waf.web_acl_for_resource(lb.arn)
    if acl is NOT_COLLECTED:
        return Unknown("WAF associations of the load balancer's region were not collected", {})
    if acl is not None:
        return None
    if not lb.internet_facing:
        if reach.value is True:
            return Fail(
                "internal ALB without a web ACL, reached from the internet through "
                f"{_entries(reach.paths)}",
                reach.evidence(),
            )
        return Unknown(
            "internal ALB without a web ACL; whether an internet-facing NLB or an accelerator "
            f"reaches it is unknown ({'; '.join(reach.reasons)})",
            reach.evidence(),
        )
    verdict = _behind_cloudfront(lb, ctx)
    if reach.value is not True:
        return verdict
    # An NLB or accelerator path bypasses CloudFront whatever its lockdown says.
    evidence = {**(verdict.evidence if verdict is not None else {}), **reach.evidence()}
    why = f"reached from the internet through {_entries(reach.paths)}"
    if isinstance(verdict, Fail):
        return Fail(f"{verdict.message}; also {why}", evidence)
    return Fail(f"internet-facing ALB without a web ACL, {why}", evidence)


def _entries(paths: tuple[tuple[str, ...], ...]) -> str:
    return ", ".join(sorted({p[0] for p in paths}))


def _behind_cloudfront(lb: LoadBalancer, ctx: CheckContext) -> Fail | Unknown | None:
    """An internet-facing ALB with no ACL and no NLB/accelerator path to it: CloudFront's part."""
    try:
        pairs = ctx.estate.distributions_in_front_of(lb)
    except KeyError:  # not in the graph: nothing fronts it
        pairs = []
    fronting = [(d, o) for d, o in pairs if d.enabled]
    if not fronting:
        if not none_fronting_is_certain(ctx):
            why = fronting_unknown_reason(ctx)
            return Unknown(f"no web ACL; whether CloudFront fronts it is unknown ({why})", {})
        return Fail("internet-facing ALB without a web ACL, not behind CloudFront", {})
    lock = lockdown_for(ctx, lb, [o for _, o in fronting])
    evidence = {"distributions": sorted({d.id for d, _ in fronting}), **lock.evidence()}
    if lock.state is State.LOCKED:
        return None
    reasons = "; ".join(lock.reasons)
    if lock.state is State.UNKNOWN:
        return Unknown(f"no web ACL; behind CloudFront, lockdown undecided: {reasons}", evidence)
    return Fail(f"no web ACL; reachable around CloudFront: {reasons}", evidence)
