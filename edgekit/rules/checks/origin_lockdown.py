"""origin.* lockdown of ALBs behind CloudFront: bypass, secret header, prefix list only.

Built on :mod:`edgekit.rules.analysis.lb_lockdown` (header paths per listener, in rule priority
order) and
:mod:`edgekit.rules.analysis.origin_reach` (who fronts the ALB, which ports admit the whole
internet).
"""

from __future__ import annotations

from typing import Any

from edgekit.model import GLOBAL, NOT_COLLECTED, Listener, LoadBalancer
from edgekit.rules.analysis.lb_lockdown import (
    State,
    forwarding_ports,
    header_facet,
    listener_gaps,
    network_facet,
    public_families,
    secret_headers,
)
from edgekit.rules.analysis.origin_reach import (
    Exposure,
    cloudfront_prefix_list_ids,
    fronting,
    fronting_unknown_reason,
    none_fronting_is_certain,
    port_exposure,
)
from edgekit.rules.context import CheckContext
from edgekit.rules.finding import Fail, Unknown
from edgekit.rules.registry import check

LOCK_REMEDIATION = (
    "Admit only the CloudFront origin-facing managed prefix list in the ALB's security groups, "
    "send a secret custom origin header from CloudFront, and make every listener rule that "
    "forwards require it (http-header condition) with a default action that returns 403."
)

UNCOLLECTED_SECRETS = (
    "forwards only with exact header values that may be the secrets of distributions not "
    "collected (distributions of some accounts missing)"
)


def _is_alb(lb: LoadBalancer) -> bool:
    return lb.type == "application"


def _checked_headers(lb: LoadBalancer) -> frozenset[tuple[str, str]]:
    """Exact-valued ``http-header`` conditions of the ALB's rules (every value is a digest in
    snapshots with keyed digests; ``hmac-sha256:glob:`` digests are patterns, not exact)."""
    if lb.listeners is NOT_COLLECTED:
        return frozenset()
    found: set[tuple[str, str]] = set()
    for li in lb.listeners:
        for rule in () if li.rules is NOT_COLLECTED else li.rules:
            for c in rule.conditions:
                if c.field == "http-header" and c.http_header_name and not c.regex_values:
                    name = c.http_header_name.lower()
                    found.update((name, v) for v in c.values if _is_exact(v))
    return frozenset(found)


def _is_exact(value: str) -> bool:
    """An exact header value: no wildcard, and not the digest of a pattern."""
    return not set(value) & {"*", "?"} and not value.startswith("hmac-sha256:glob:")


def _bypass_paths(
    lb: LoadBalancer, ctx: CheckContext, secrets: frozenset[tuple[str, str]]
) -> tuple[list[dict[str, Any]], list[str]]:
    """Listeners open to the whole internet that forward without the secret, and the
    listeners where either half could not be decided."""
    groups = ctx.model.ec2.security_groups_for(lb)
    cf_lists = cloudfront_prefix_list_ids(ctx, lb)
    bypass: list[dict[str, Any]] = []
    undecided: list[str] = []
    for li in sorted(() if lb.listeners is NOT_COLLECTED else lb.listeners, key=_port_order):
        gaps, missing = listener_gaps(li, secrets)
        if not gaps and not missing:
            continue
        exposure = port_exposure(lb, groups, cf_lists, li.port)
        where = f"{li.protocol or '?'}:{li.port}"
        if exposure.state is Exposure.ANYWHERE and gaps:
            bypass.append(
                {"listener": where, "open_sources": list(exposure.sources), "forwards": gaps}
            )
        elif exposure.state is Exposure.UNDECIDED:
            undecided.append(f"{where}: {exposure.reason}")
        elif exposure.state is Exposure.ANYWHERE:
            undecided.append(f"{where}: open to the internet, {', '.join(missing)} not collected")
    return bypass, undecided


def _port_order(li: Listener) -> tuple[int, str]:
    return (li.port or 0, li.arn)


@check(
    "origin.alb_bypass",
    title="ALB behind CloudFront is reachable directly from the internet",
    severity="critical",
    category="security",
    applies_to="load_balancer",
    remediation=LOCK_REMEDIATION,
)
def alb_bypass(lb: LoadBalancer, ctx: CheckContext) -> Fail | Unknown | None:
    """An internet-facing ALB that is the origin of an enabled CloudFront distribution (by DNS
    name or Route 53 alias/CNAME chain) and that clients can reach **around** the
    edge — skipping its WAF, cache, geo and signed-URL controls. It fails when, on some
    listener, both hold:

    * **network**: a security group of the ALB admits ``0.0.0.0/0`` or ``::/0`` on the
      listener's port (TCP rules whose range covers it, or all-traffic ``-1`` rules; ``::/0``
      counts only for dual-stack ALBs, ``0.0.0.0/0`` not for ``dualstack-without-public-ipv4``).
      The CloudFront origin-facing managed prefix list (its id read per region from the ec2
      payload), security-group references and narrower CIDRs do not open a port to everyone;
    * **header**: a request *without* the secret header CloudFront sends (the origins'
      custom headers, compared by ``sha256`` digest) reaches a ``forward`` (after any
      ``authenticate-*``): rules are walked in priority order; a rule with an ``http-header``
      condition on a secret header name whose every value is a secret digest does not match
      such a request; a rule whose ``source-ip`` admits only private CIDRs is not an internet
      path; any other forwarding rule is a gap; a catch-all rule (path ``*``/``/*``, host
      ``*``) that does not forward ends the walk; otherwise the default action decides. When
      CloudFront sends no custom header at all, every forward is a gap.

    Unknown — never pass — when the listeners, their rules (unless the default action already
    forwards), the security groups, or the contents of a non-CloudFront prefix list on an
    unguarded port are needed but missing; and when no collected distribution fronts the ALB
    while it would otherwise fail but some account's distributions were not collected, or an
    origin's name sits in a hosted zone whose records were not read (it may resolve to this
    ALB), or the only guard of the gaps is an exact-valued ``http-header`` condition that
    could be the secret of such an uncollected distribution (its value is then stored
    undigested). Evidence: the distributions, and per bypassable listener the open sources and
    the header gaps."""
    if not _is_alb(lb) or not lb.internet_facing:
        return None
    front = fronting(ctx, lb)
    if not front.pairs and front.decided:
        return None
    if lb.listeners is NOT_COLLECTED:
        return Unknown("listeners of the ALB were not collected", {})
    secrets = secret_headers(front.origins)
    bypass, undecided = _bypass_paths(lb, ctx, secrets)
    if bypass and front.pairs and not ctx.model.known("distributions", None, GLOBAL):
        lenient, _ = _bypass_paths(lb, ctx, secrets | _checked_headers(lb))
        if not lenient:
            return Unknown(UNCOLLECTED_SECRETS, {"bypass": bypass})
        bypass = lenient
    evidence: dict[str, Any] = {
        "distributions": front.distribution_ids,
        "secret_headers": sorted({name for name, _ in secrets}),
    }
    if bypass and front.pairs:
        paths = "; ".join(f"{b['listener']} ({', '.join(b['open_sources'])})" for b in bypass)
        return Fail(
            f"reachable around CloudFront: open to the internet and forwarding without the "
            f"secret origin header on {paths}",
            {**evidence, "bypass": bypass},
        )
    if bypass:
        return Unknown(
            "open to the internet and forwarding without a secret header; whether CloudFront "
            f"fronts it is unknown ({fronting_unknown_reason(ctx)})",
            {"bypass": bypass},
        )
    if undecided:
        return Unknown(
            f"bypass undecided: {'; '.join(undecided)}", {**evidence, "undecided": undecided}
        )
    return None


@check(
    "origin.secret_header_not_enforced",
    title="ALB does not require the secret header CloudFront sends",
    severity="medium",
    category="security",
    applies_to="load_balancer",
    remediation=(
        "Forward only in listener rules with an http-header condition on the secret origin "
        "header (value = the secret CloudFront sends) and return 403 in the default action."
    ),
)
def secret_header_not_enforced(lb: LoadBalancer, ctx: CheckContext) -> Fail | Unknown | None:
    """An ALB (any scheme) that is the origin of an enabled distribution sending custom
    origin headers, but whose listeners forward requests lacking them: the header is decoration,
    not a lock. Same path analysis as ``origin.alb_bypass`` (rules in priority order, header
    values compared by digest; any of the secrets of the fronting origins is accepted), over
    every listener regardless of security groups. Unknown when the listeners or the rules
    needed are not collected; when no collected distribution fronts the ALB while some
    account's distributions were not collected, or an origin sending custom headers has its
    name in a hosted zone whose records were not read (which headers CloudFront sends is
    unknown); and when the only guard of the gaps is an exact-valued header condition that
    could be the secret of such an uncollected distribution.
    Evidence: the distributions, the header names and the forwarding paths without them."""
    if not _is_alb(lb):
        return None
    front = fronting(ctx, lb)
    if not front.pairs and not none_fronting_is_certain(ctx, with_headers=True):
        return Unknown(
            f"whether CloudFront sends a secret header is unknown ({fronting_unknown_reason(ctx)})",
            {},
        )
    origins = [o for o in front.origins if o.custom_headers]
    if not origins:
        return None
    secrets = secret_headers(origins)
    facet = header_facet(lb.listeners, secrets)
    evidence = {"distributions": front.distribution_ids, **facet.evidence}
    if facet.state is State.OPEN and not ctx.model.known("distributions", None, GLOBAL):
        lenient = header_facet(lb.listeners, secrets | _checked_headers(lb))
        if lenient.state is not State.OPEN:
            return Unknown(UNCOLLECTED_SECRETS, evidence)
    if facet.state is State.OPEN:
        gaps = ", ".join(facet.evidence.get("forwards_without_header", []))
        return Fail(f"forwards requests without the secret origin header: {gaps}", evidence)
    if facet.state is State.UNKNOWN:
        return Unknown(f"enforcement undecided: {'; '.join(facet.reasons)}", evidence)
    return None


@check(
    "origin.prefix_list_only",
    title="ALB locked to CloudFront by prefix list only (no secret header)",
    severity="low",
    category="security",
    applies_to="load_balancer",
    remediation=(
        "Keep the prefix list, and also require a secret custom origin header in the "
        "listener rules: the prefix list admits every distribution of every AWS account."
    ),
)
def prefix_list_only(lb: LoadBalancer, ctx: CheckContext) -> Fail | Unknown | None:
    """An internet-facing ALB whose security groups admit, on the ports of the listeners that
    can forward (a redirect-only or fixed-response-only listener reaches no target), no
    internet source but the CloudFront origin-facing prefix list (internal CIDRs and
    security-group references aside), and that admits it on at least one port — yet whose
    listeners forward requests without a secret header. The prefix list holds the addresses
    of *all* of CloudFront, so anyone can create a distribution in their own account with this
    ALB as origin and skip this distribution's WAF and controls. The secret is the custom
    headers of the fronting enabled distributions; for an ALB no collected distribution
    fronts, any exact-valued ``http-header`` condition counts. Unknown when the listeners,
    rules, security groups or the region's prefix list were not collected, or another prefix
    list's contents decide it."""
    if not _is_alb(lb) or not lb.internet_facing:
        return None
    if lb.listeners is NOT_COLLECTED:
        return Unknown("listeners of the ALB were not collected", {})
    front = fronting(ctx, lb)
    secrets = secret_headers(front.origins) if front.pairs else _checked_headers(lb)
    header = header_facet(lb.listeners, secrets)
    if header.state is State.LOCKED:
        return None
    ports = forwarding_ports(lb.listeners)
    groups = ctx.model.ec2.security_groups_for(lb)
    cf_lists = cloudfront_prefix_list_ids(ctx, lb)
    network = network_facet(ports, groups, cf_lists, public_families(lb))
    evidence = {
        "distributions": front.distribution_ids,
        "network": {"state": network.state.value, **network.evidence},
        "header": {"state": header.state.value, **header.evidence},
    }
    if network.state is State.OPEN:
        return None
    if network.state is State.LOCKED and not network.evidence.get("cloudfront_prefix_list_ports"):
        return None
    if network.state is State.UNKNOWN or header.state is State.UNKNOWN:
        undecided = [f for f in (network, header) if f.state is State.UNKNOWN]
        reasons = "; ".join(r for f in undecided for r in f.reasons)
        return Unknown(f"prefix-list-only lockdown undecided: {reasons}", evidence)
    gaps = ", ".join(header.evidence.get("forwards_without_header", [])) or "every forward"
    return Fail(
        f"only the CloudFront prefix list guards it; forwards without a secret header: {gaps}",
        evidence,
    )
