"""Small hand-built ELBv2 / ACM / Route 53 snapshots for the lb.* and tls.* check tests."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from edgekit.snapshot import Snapshot
from tests.model import factories as f
from tests.model.factories import OMIT

REGION = f.REGION
TG = f.tg_arn("web")


def lb(name: str = "web", kind: str = "application", **kwargs: Any) -> dict[str, Any]:
    """A DescribeLoadBalancers item (internet-facing, two zones unless told)."""
    return f.load_balancer(name, kind, **kwargs)


def entry(
    balancer: dict[str, Any],
    listeners: Any = (),
    *,
    attrs: Any = None,
    tags: Any = (),
) -> dict[str, Any]:
    """A ``load_balancers`` item; ``attrs`` None = the type's secure-ish defaults, OMIT = not
    collected; ``listeners`` OMIT = not collected."""
    if attrs is None:
        base = f.ALB_DEFAULT_ATTRIBUTES if balancer["Type"] == "application" else {}
        attrs = f.attributes(base)
    return f.lb_entry(
        balancer,
        attrs=attrs,
        tag_list=list(tags) if tags is not OMIT else OMIT,
        listeners=list(listeners) if listeners is not OMIT else OMIT,
    )


def https_listener(
    balancer: dict[str, Any],
    *,
    port: int = 443,
    protocol: str = "HTTPS",
    policy: str | None = f.TLS13,
    certificate: str | None = None,
    default: Sequence[dict[str, Any]] | None = None,
    rules: Any = None,
    certificates: Any = (),
) -> dict[str, Any]:
    """A ``Listeners`` item with its rules (default rule added) and certificates."""
    li = f.listener(
        balancer,
        port,
        protocol,
        default if default is not None else [f.forward(TG)],
        ssl_policy=policy,
        certificate=certificate,
    )
    if rules is None:
        rules = []
    rule_list = OMIT if rules is OMIT else [*rules, f.default_rule(li)]
    certs = OMIT if certificates is OMIT else list(certificates)
    return f.listener_entry(li, rules=rule_list, certificates=certs)


def http_listener(
    balancer: dict[str, Any],
    default: Sequence[dict[str, Any]] | None = None,
    rules: Any = None,
    *,
    port: int = 80,
) -> dict[str, Any]:
    """An HTTP listener item (default: redirect to HTTPS)."""
    li = f.listener(balancer, port, "HTTP", default or [f.redirect_https()])
    rule_list = OMIT if rules is OMIT else [*(rules or []), f.default_rule(li)]
    return f.listener_entry(li, rules=rule_list, certificates=[])


def rule(
    listener_entry: dict[str, Any],
    priority: int,
    conditions: Sequence[dict[str, Any]],
    actions: Sequence[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """A rule of ``listener_entry`` (forwarding by default)."""
    return f.listener_rule(
        listener_entry["Listener"], priority, conditions, actions or [f.forward(TG)]
    )


def with_rules(listener_entry: dict[str, Any], *rules: dict[str, Any]) -> dict[str, Any]:
    """The listener item with ``rules`` placed before its default rule."""
    li = listener_entry["Listener"]
    return f.listener_entry(
        li,
        rules=[*rules, f.default_rule(li)],
        certificates=listener_entry.get("Certificates", OMIT),
    )


def target_group(
    name: str = "web",
    *,
    lbs: Sequence[dict[str, Any]] = (),
    targets: Any = ("i-1",),
    **kwargs: Any,
) -> dict[str, Any]:
    """A ``target_groups`` item; ``targets`` OMIT = DescribeTargetHealth denied."""
    tg = f.target_group(name, lb_arns=[b["LoadBalancerArn"] for b in lbs], **kwargs)
    health = OMIT if targets is OMIT else [f.target_health(t) for t in targets]
    return f.tg_entry(tg, attrs=[], health=health)


def elbv2(
    *entries: dict[str, Any],
    target_groups: Any = (),
    ssl_policies: Any = (),
    account: str = f.ACCOUNT,
    region: str = REGION,
) -> dict[str, Any]:
    """An elbv2 payload; a keyword OMIT = that kind not collected."""
    data: dict[str, Any] = {"load_balancers": list(entries)}
    if target_groups is not OMIT:
        data["target_groups"] = list(target_groups)
    if ssl_policies is not OMIT:
        data["ssl_policies"] = list(ssl_policies)
    return f.payload("elbv2", data, account=account, region=region)


def acm(*certs: dict[str, Any], region: str = "us-east-1") -> dict[str, Any]:
    """An acm payload of DescribeCertificate items (or prepared entries)."""
    items = [
        c if "Certificate" in c or "CertificateSummary" in c else f.certificate_entry(c)
        for c in certs
    ]
    return f.payload("acm", {"certificates": items}, region=region)


def route53(*zones: dict[str, Any], query_logging: Iterable[dict[str, Any]] = ()) -> dict[str, Any]:
    """A route53 payload of ``zone_entry`` items."""
    return f.payload(
        "route53", {"hosted_zones": list(zones), "query_logging_configs": list(query_logging)}
    )


def cloudfront(*dists: dict[str, Any], account: str = f.ACCOUNT) -> dict[str, Any]:
    """A cloudfront payload with ``dists`` (only distributions collected)."""
    return f.payload(
        "cloudfront", {"distributions": [f.distribution_entry(d) for d in dists]}, account=account
    )


def snap(*payloads: dict[str, Any], gaps: Iterable[dict[str, str]] = ()) -> Snapshot:
    """A snapshot of ``payloads``."""
    return f.snapshot(*payloads, gaps=gaps)
