"""lb.* checks on ALB/NLB listeners: HTTP redirection, TLS policies, missing listeners."""

from __future__ import annotations

from typing import Any, Final

from edgekit.model import NOT_COLLECTED, Listener, LoadBalancer, SslPolicy, final_action
from edgekit.rules.analysis import tls_policy_data
from edgekit.rules.context import CheckContext
from edgekit.rules.finding import Fail, Unknown
from edgekit.rules.registry import check

TLS_LISTENERS: Final = frozenset({"HTTPS", "TLS"})
"""Listener protocols that terminate TLS with an SslPolicy."""


def _where(li: Listener) -> str:
    return f"{li.protocol}:{li.port}"


def _listener_evidence(li: Listener) -> dict[str, Any]:
    return {"listener": _where(li), "load_balancer_arn": li.load_balancer_arn}


@check(
    "lb.http_not_redirected",
    title="HTTP listener forwards instead of redirecting to HTTPS",
    severity="high",
    category="security",
    applies_to="listener",
    remediation=(
        "Make the HTTP listener's default action (and every rule) redirect to HTTPS "
        "(HTTP_301, protocol HTTPS, port 443); forward only from the HTTPS listener."
    ),
    references=("SH ELB.1", "P", "CK_2"),
)
def http_not_redirected(li: Listener, ctx: CheckContext) -> Fail | Unknown | None:
    """An ALB listener on plain HTTP whose default action or any listener rule *forwards* to a
    target group, so requests (cookies, credentials) travel unencrypted instead of being
    redirected to HTTPS. Each path is judged by its terminal action — an ``authenticate-*``
    step before a forward still forwards; redirects and fixed responses do not forward.
    Fails as soon as the default action forwards (whatever the rules); otherwise, when the
    listener's rules were not collected (DescribeRules denied), the answer is unknown.
    Evidence names the forwarding paths (``default`` or rule priorities) and target groups."""
    if (li.protocol or "").upper() != "HTTP":
        return None
    paths: list[str] = []
    groups: set[str] = set()
    last = final_action(li.default_actions)
    if last is not None and last.type == "forward":
        paths.append("default")
        groups.update(last.target_group_arns)
    evidence = _listener_evidence(li)
    if li.rules is NOT_COLLECTED:
        if not paths:
            return Unknown(
                f"{_where(li)}: listener rules were not collected; a rule may forward", evidence
            )
    else:
        for rule in li.rules:
            last = None if rule.is_default else final_action(rule.actions)
            if last is not None and last.type == "forward":
                paths.append(f"rule {rule.priority}")
                groups.update(last.target_group_arns)
    if not paths:
        return None
    evidence.update({"forwarding": paths, "target_group_arns": sorted(groups)})
    return Fail(
        f"{_where(li)} forwards to targets ({', '.join(paths)}) instead of redirecting to HTTPS",
        evidence,
    )


def _policy(li: Listener, ctx: CheckContext) -> tls_policy_data.PolicyProtocols | Unknown | None:
    """The listener's policy protocols; Unknown when they cannot be read; None: no TLS."""
    if (li.protocol or "").upper() not in TLS_LISTENERS:
        return None
    name = li.ssl_policy
    if not name:
        return Unknown(f"{_where(li)} reports no SslPolicy", _listener_evidence(li))
    described = ctx.model.elbv2.ssl_policy(name, li.account_id, li.region)
    protocols = described.ssl_protocols if isinstance(described, SslPolicy) else None
    resolved = tls_policy_data.resolve(name, protocols, tls_policy_data.ELBV2_POLICIES)
    if resolved is None:
        return Unknown(
            f"{_where(li)}: SslPolicy {name} was not described (DescribeSSLPolicies) and is "
            "not a predefined policy edgekit knows",
            {**_listener_evidence(li), "ssl_policy": name},
        )
    return resolved


@check(
    "lb.tls_policy_outdated",
    title="Listener TLS policy allows TLS 1.0 or 1.1",
    severity="high",
    category="tls",
    applies_to="listener",
    remediation=(
        "Switch the listener to ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09 (or another "
        "TLS 1.2+ policy such as ELBSecurityPolicy-TLS13-1-2-2021-06)."
    ),
    references=("SH ELB.17", "P", "CK_103"),
)
def tls_policy_outdated(li: Listener, ctx: CheckContext) -> Fail | Unknown | None:
    """An HTTPS (ALB) or TLS (NLB) listener whose security policy offers a protocol below
    TLS 1.2 (SSLv3, TLS 1.0, TLS 1.1). The decision reads the policy's ``SslProtocols`` as
    collected with DescribeSSLPolicies; only when the policy was not described does it fall
    back to edgekit's table of AWS's predefined policies
    (``edgekit.rules.analysis.tls_policy_data``). A policy
    that is neither described nor in the table — e.g. one AWS released after this edgekit —
    is reported unknown, never failed: stale allow-lists must not raise false alarms.
    Evidence: policy name, its protocols, and whether they were collected or from the table."""
    resolved = _policy(li, ctx)
    if not isinstance(resolved, tls_policy_data.PolicyProtocols):
        return resolved
    if not resolved.outdated:
        return None
    evidence = {
        **_listener_evidence(li),
        **resolved.evidence(),
        "outdated": list(resolved.outdated),
    }
    return Fail(
        f"{_where(li)} SslPolicy {resolved.name} allows {', '.join(resolved.outdated)}", evidence
    )


@check(
    "lb.tls_policy_not_pq",
    title="Listener TLS policy has no post-quantum key exchange",
    severity="info",
    category="tls",
    applies_to="listener",
    remediation=(
        "Move to a post-quantum hybrid policy, e.g. ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09 "
        "(TLS 1.2 clients keep working; ML-KEM clients get hybrid key exchange)."
    ),
    references=("P",),
)
def tls_policy_not_pq(li: Listener, ctx: CheckContext) -> Fail | Unknown | None:
    """An HTTPS or TLS listener whose security policy is not one of AWS's hybrid post-quantum
    (ML-KEM) key-exchange policies. AWS marks those with a ``PQ`` name segment
    (``ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09``, ``...-FIPS-PQ-2025-09``), which is how
    this check recognises them — newer PQ policies included. Traffic recorded today under a
    classical key exchange can be decrypted once quantum computers can break it ("harvest now,
    decrypt later"). Unknown when the listener reports no policy."""
    if (li.protocol or "").upper() not in TLS_LISTENERS:
        return None
    name = li.ssl_policy
    if not name:
        return Unknown(f"{_where(li)} reports no SslPolicy", _listener_evidence(li))
    if tls_policy_data.is_post_quantum(name):
        return None
    return Fail(
        f"{_where(li)} SslPolicy {name} offers no post-quantum key exchange",
        {**_listener_evidence(li), "ssl_policy": name},
    )


@check(
    "lb.no_listeners",
    title="Load balancer has no listener",
    severity="low",
    category="cost",
    applies_to="load_balancer",
    remediation=(
        "Delete the load balancer if it is unused (it is billed per hour), or add a listener."
    ),
    references=("P",),
)
def no_listeners(lb: LoadBalancer, ctx: CheckContext) -> Fail | Unknown | None:
    """A load balancer (ALB, NLB or GWLB) without any listener accepts no traffic but is still
    billed by the hour: usually a leftover. Unknown when DescribeListeners was denied."""
    if lb.listeners is NOT_COLLECTED:
        return Unknown("listeners were not collected (DescribeListeners)", {"type": lb.type})
    if lb.listeners:
        return None
    return Fail(f"{lb.type} load balancer {lb.name} has no listener", {"type": lb.type})
