"""Small hand-built WAF snapshots for the waf.* check tests."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from edgekit.snapshot import Snapshot
from tests.model import factories as f

REGION = "us-east-1"
ALB = f.load_balancer("web")
ALB_ARN: str = ALB["LoadBalancerArn"]
KBI = "AWSManagedRulesKnownBadInputsRuleSet"
CRS = "AWSManagedRulesCommonRuleSet"
LOG4J = ("Log4JRCE_BODY", "Log4JRCE_HEADER", "Log4JRCE_QUERYSTRING", "Log4JRCE_URIPATH")


def acl(*rules: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """A REGIONAL GetWebACL WebACL with ``rules``."""
    return f.web_acl(rules=list(rules), **kwargs)


def entry(
    web: dict[str, Any], *, logging: Any = "on", resources: Any = (ALB_ARN,)
) -> dict[str, Any]:
    """A web_acls item: logging on by default (``None`` = off, ``f.OMIT`` = not collected),
    associated with the ALB by default (``f.OMIT`` = not collected)."""
    log = f.logging_configuration(web["ARN"]) if logging == "on" else logging
    return f.web_acl_entry(web, logging=log, resources=resources)


def regional(
    *entries: dict[str, Any],
    ip_sets: Sequence[dict[str, Any]] = (),
    rule_groups: Sequence[dict[str, Any]] = (),
    extra: Sequence[dict[str, Any]] = (),
    gaps: Sequence[dict[str, str]] = (),
) -> Snapshot:
    """A snapshot with one REGIONAL wafv2 payload (plus ``extra`` payloads)."""
    data = {
        "scope": "REGIONAL",
        "web_acls": list(entries),
        "ip_sets": list(ip_sets),
        "regex_pattern_sets": [],
        "rule_groups": list(rule_groups),
    }
    return f.snapshot(f.payload("wafv2", data, region=REGION), *extra, gaps=gaps)


def cloudfront(*distributions: dict[str, Any]) -> dict[str, Any]:
    """A cloudfront payload listing ``distributions`` (collected; possibly none)."""
    items = [f.distribution_entry(d) for d in distributions]
    return f.payload("cloudfront", {"distributions": items})


def cdn_in_front(dist_id: str = "E1CDN", *, enabled: bool = True) -> dict[str, Any]:
    """A distribution whose only origin is the ALB (so the ALB is behind CloudFront)."""
    origin = f.custom_origin("alb", ALB["DNSName"])
    return f.distribution(dist_id, origins=[origin], enabled=enabled)


def with_alb(
    *entries: dict[str, Any],
    scheme: str = "internet-facing",
    distributions: Sequence[dict[str, Any]] | None = (),
    **kwargs: Any,
) -> Snapshot:
    """:func:`regional` plus the ALB (internet-facing by default) the ACLs protect, a
    cloudfront payload with ``distributions`` (None: CloudFront not collected) and a
    globalaccelerator payload with ``accelerators=`` items (default none; None: not collected)."""
    lb = f.load_balancer("web", scheme=scheme)
    elb = f.payload(
        "elbv2",
        {"load_balancers": [f.lb_entry(lb, listeners=[])], "target_groups": [], "ssl_policies": []},
        region=REGION,
    )
    cf = () if distributions is None else (cloudfront(*distributions),)
    accelerators = kwargs.pop("accelerators", ())
    ga = (
        ()
        if accelerators is None
        else (f.payload("globalaccelerator", {"accelerators": list(accelerators)}),)
    )
    return regional(*entries, extra=(elb, *cf, *ga, *kwargs.pop("extra", ())), **kwargs)


def only(
    *rules: dict[str, Any],
    default: str = "Allow",
    scheme: str = "internet-facing",
    distributions: Sequence[dict[str, Any]] | None = (),
    **entry_kwargs: Any,
) -> Snapshot:
    """One REGIONAL ACL with ``rules``, associated with the ALB (see :func:`with_alb`)."""
    web = entry(acl(*rules, default=default), **entry_kwargs)
    return with_alb(web, scheme=scheme, distributions=distributions)


def group(name: str, priority: int = 1, *, override: str = "None", **kwargs: Any) -> dict[str, Any]:
    """A rule using the AWS managed group ``name``."""
    return f.rule(name, priority, f.managed_group(name, **kwargs), override=override)
