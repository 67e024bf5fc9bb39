"""lb.classic_* checks on Classic Load Balancers (elb)."""

from __future__ import annotations

from typing import Any, Final

from edgekit.model import (
    NOT_COLLECTED,
    ClassicListener,
    ClassicLoadBalancer,
    ClassicLoadBalancerAttributes,
)
from edgekit.rules.analysis import tls_policy_data
from edgekit.rules.context import CheckContext
from edgekit.rules.finding import Fail, Unknown
from edgekit.rules.registry import check

PLAINTEXT: Final = frozenset({"HTTP", "TCP"})


def _where(li: ClassicListener) -> str:
    return f"{li.protocol.upper()}:{li.load_balancer_port}"


@check(
    "lb.classic_in_use",
    title="Classic Load Balancer in use",
    severity="medium",
    category="hygiene",
    applies_to="classic_load_balancer",
    remediation=(
        "Plan the migration to an ALB (HTTP/HTTPS) or NLB (TCP/SSL); the ELB console's "
        "migration wizard copies listeners, health checks and instances."
    ),
)
def classic_in_use(clb: ClassicLoadBalancer, ctx: CheckContext) -> Fail:
    """Every Classic Load Balancer is reported: the previous-generation load balancer lacks
    TLS 1.3 and post-quantum policies, host/path routing, WAFv2, HTTP/2 to clients, and new
    features; AWS recommends migrating to ALB or NLB."""
    return Fail(
        f"Classic Load Balancer {clb.name} ({clb.scheme or 'unknown scheme'}): plan migration",
        {
            "scheme": clb.scheme,
            "listeners": sorted(_where(li) for li in clb.listeners),
            "instances": len(clb.instances),
        },
    )


@check(
    "lb.classic_http_listener",
    title="Classic Load Balancer listener without TLS",
    severity="high",
    category="security",
    applies_to="classic_load_balancer",
    remediation=(
        "Replace HTTP/TCP front-end listeners with HTTPS/SSL listeners (a Classic Load "
        "Balancer cannot redirect HTTP to HTTPS: migrate to an ALB for that)."
    ),
    references=("SH ELB.3", "P"),
)
def classic_http_listener(clb: ClassicLoadBalancer, ctx: CheckContext) -> Fail | None:
    """A Classic Load Balancer with a front-end listener on HTTP or TCP: clients talk to it in
    clear text (it has no redirect action, so every such listener serves content)."""
    plain = sorted(_where(li) for li in clb.listeners if li.protocol.upper() in PLAINTEXT)
    if not plain:
        return None
    return Fail(
        f"plaintext listener(s) {', '.join(plain)} on Classic Load Balancer {clb.name}",
        {"listeners": plain},
    )


def _listener_policy(li: ClassicListener) -> tls_policy_data.PolicyProtocols | str:
    """The listener policy's protocols, or why they are unknown."""
    policy = li.ssl_policy
    if policy is NOT_COLLECTED:
        return "the load balancer's policies were not collected"
    if policy is None:
        return "no SSL negotiation policy is attached"
    collected = policy.ssl_protocols
    protocols = None if collected is NOT_COLLECTED else collected
    for name in (policy.reference_security_policy, policy.name):
        if name:
            resolved = tls_policy_data.resolve(name, protocols, tls_policy_data.CLASSIC_POLICIES)
            if resolved is not None:
                return resolved
    return f"policy {policy.name} lists no protocols and is not a predefined policy edgekit knows"


@check(
    "lb.classic_tls_policy_outdated",
    title="Classic Load Balancer TLS policy allows TLS below 1.2",
    severity="high",
    category="tls",
    applies_to="classic_load_balancer",
    remediation=(
        "Attach ELBSecurityPolicy-TLS-1-2-2017-01 (or a custom policy without SSLv3, TLS 1.0 "
        "and TLS 1.1) to every HTTPS/SSL listener."
    ),
    references=("SH ELB.8", "P"),
)
def classic_tls_policy_outdated(
    clb: ClassicLoadBalancer, ctx: CheckContext
) -> Fail | Unknown | None:
    """A Classic Load Balancer HTTPS/SSL listener whose SSL negotiation policy enables SSLv3,
    TLS 1.0 or TLS 1.1. Protocols are read from the policy's own ``Protocol-*`` attributes (as
    DescribeLoadBalancerPolicies returns them), else from the predefined policy it references
    (``Reference-Security-Policy``) as described, and only then from edgekit's table of
    predefined policies; a policy none of these knows is unknown, never failed. Evidence lists
    each offending listener with its policy and protocols."""
    bad: list[dict[str, Any]] = []
    unknown: list[dict[str, str]] = []
    for li in sorted(clb.listeners, key=lambda x: x.load_balancer_port):
        if not li.is_secure:
            continue
        resolved = _listener_policy(li)
        if isinstance(resolved, str):
            unknown.append({"listener": _where(li), "reason": resolved})
        elif resolved.outdated:
            bad.append(
                {"listener": _where(li), **resolved.evidence(), "outdated": list(resolved.outdated)}
            )
    if bad:
        text = "; ".join(
            f"{b['listener']} {b['ssl_policy']} allows {', '.join(b['outdated'])}" for b in bad
        )
        return Fail(text, {"listeners": bad})
    if unknown:
        return Unknown(
            "; ".join(f"{u['listener']}: {u['reason']}" for u in unknown), {"listeners": unknown}
        )
    return None


def _attributes(clb: ClassicLoadBalancer) -> ClassicLoadBalancerAttributes | Unknown:
    if clb.attributes is NOT_COLLECTED:
        return Unknown("attributes were not collected (DescribeLoadBalancerAttributes)", {})
    return clb.attributes


@check(
    "lb.classic_access_logs_disabled",
    title="Classic Load Balancer access logs disabled",
    severity="medium",
    category="logging",
    applies_to="classic_load_balancer",
    remediation="Enable AccessLog with an S3 bucket on the load balancer's attributes.",
    references=("SH ELB.5", "P"),
)
def classic_access_logs_disabled(
    clb: ClassicLoadBalancer, ctx: CheckContext
) -> Fail | Unknown | None:
    """A Classic Load Balancer whose ``AccessLog`` attribute is disabled (or absent, AWS's
    default): no request record for incident response. Unknown when its attributes were not
    collected."""
    attrs = _attributes(clb)
    if isinstance(attrs, Unknown):
        return attrs
    if attrs.access_log_enabled:
        return None
    state = "absent" if attrs.access_log_enabled is None else "disabled"
    return Fail(f"access log {state}", {"access_log_enabled": attrs.access_log_enabled})


@check(
    "lb.classic_connection_draining_disabled",
    title="Classic Load Balancer connection draining disabled",
    severity="low",
    category="resilience",
    applies_to="classic_load_balancer",
    remediation="Enable ConnectionDraining (e.g. 300 s timeout).",
    references=("SH ELB.7", "P"),
)
def classic_connection_draining_disabled(
    clb: ClassicLoadBalancer, ctx: CheckContext
) -> Fail | Unknown | None:
    """A Classic Load Balancer whose ``ConnectionDraining`` is disabled (or absent, the API's
    default): deregistering or failing instances drop in-flight requests. Unknown when its
    attributes were not collected."""
    attrs = _attributes(clb)
    if isinstance(attrs, Unknown):
        return attrs
    if attrs.connection_draining_enabled:
        return None
    state = "absent" if attrs.connection_draining_enabled is None else "disabled"
    return Fail(
        f"connection draining {state}",
        {"connection_draining_enabled": attrs.connection_draining_enabled},
    )
