"""A small snapshot builder for the redundancy patterns: every collector the checks read is
present (empty when unused), so "none" is decidable; ``omit`` leaves collectors or keys out
(the unknown cases)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from edgekit.snapshot import Snapshot
from tests.model import factories as f

A = f.ACCOUNT
R = "us-east-1"
ZONE = "Z0PATTERN1"
CF_ZONE = "Z2FDTNDATAQYW2"
SECRET = f.digest("pattern-origin-secret")
WEB_SG = "sg-0pattern0web0000"


@dataclass
class Estate:
    """Parts of a snapshot, filled by the pattern builders and rendered by :meth:`snapshot`."""

    distributions: list[dict[str, Any]] = field(default_factory=list)
    load_balancers: list[dict[str, Any]] = field(default_factory=list)
    target_groups: list[dict[str, Any]] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)
    cf_acls: list[dict[str, Any]] = field(default_factory=list)
    regional_acls: list[dict[str, Any]] = field(default_factory=list)
    rest_apis: list[dict[str, Any]] = field(default_factory=list)
    usage_plans: list[dict[str, Any]] = field(default_factory=list)
    vpc_links: list[dict[str, Any]] = field(default_factory=list)
    apis: list[dict[str, Any]] = field(default_factory=list)
    accelerators: list[dict[str, Any]] = field(default_factory=list)
    buckets: list[dict[str, Any]] = field(default_factory=list)
    function_urls: list[dict[str, Any]] = field(default_factory=list)
    security_groups: list[dict[str, Any]] = field(default_factory=list)
    omit: set[str] = field(default_factory=set)
    """Collectors (``route53``) or ``collector.key`` (``apigateway.vpc_links``) left out."""
    extra_targets: list[tuple[str, str]] = field(default_factory=list)

    def record(self, name: str, target: str, zone: str = CF_ZONE) -> None:
        """An alias record ``name`` → ``target``."""
        self.records.append(f.alias_record(f"{name}.", f"{target}.", zone))

    def _data(self, collector: str, data: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in data.items() if f"{collector}.{k}" not in self.omit}

    def snapshot(self) -> Snapshot:
        """The snapshot (targets: account A in us-east-1, plus ``extra_targets``)."""
        parts: list[tuple[str, str, dict[str, Any]]] = [
            ("cloudfront", "global", {"distributions": self.distributions}),
            ("wafv2", "global", _waf("CLOUDFRONT", self.cf_acls)),
            ("wafv2", R, _waf("REGIONAL", self.regional_acls)),
            (
                "elbv2",
                R,
                {
                    "load_balancers": self.load_balancers,
                    "target_groups": self.target_groups,
                    "ssl_policies": [],
                },
            ),
            ("elb", R, {"load_balancers": [], "reference_policies": []}),
            (
                "route53",
                "global",
                {
                    "hosted_zones": [
                        f.zone_entry(
                            f.hosted_zone(ZONE, "example.com", count=len(self.records)),
                            self.records,
                        )
                    ],
                    "query_logging_configs": [],
                },
            ),
            (
                "apigateway",
                R,
                {
                    "rest_apis": self.rest_apis,
                    "domain_names": [],
                    "usage_plans": self.usage_plans,
                    "vpc_links": self.vpc_links,
                },
            ),
            ("apigatewayv2", R, {"apis": self.apis, "domain_names": [], "vpc_links": []}),
            ("globalaccelerator", "global", {"accelerators": self.accelerators}),
            ("s3", "global", {"buckets": self.buckets, "account_public_access_block": None}),
            (
                "lambda",
                R,
                {
                    "function_urls": self.function_urls,
                    "unresolved_url_ids": [],
                    "edge_functions": [],
                },
            ),
            (
                "ec2",
                R,
                {
                    "security_groups": self.security_groups,
                    "managed_prefix_lists": [f.prefix_list()],
                },
            ),
            ("waf-regional", R, {"web_acls": []}),
        ]
        payloads = [
            f.payload(c, self._data(c, d), region=r) for c, r, d in parts if c not in self.omit
        ]
        targets = [(A, R), *self.extra_targets]
        return f.snapshot(*payloads, targets=targets)


def _waf(scope: str, acls: Sequence[dict[str, Any]]) -> dict[str, Any]:
    return {
        "scope": scope,
        "web_acls": list(acls),
        "ip_sets": [],
        "regex_pattern_sets": [],
        "rule_groups": [],
    }


# -- building blocks ---------------------------------------------------------------------------
def alb(
    est: Estate,
    name: str,
    listeners: Iterable[tuple[dict[str, Any], list[dict[str, Any]]]],
    lb: dict[str, Any],
) -> None:
    """Add a load balancer with listeners ``(listener, rules)``; all reads collected."""
    est.load_balancers.append(
        f.lb_entry(
            lb,
            attrs=f.attributes(f.ALB_DEFAULT_ATTRIBUTES),
            tag_list=[],
            listeners=[
                f.listener_entry(li, rules=rules, certificates=[]) for li, rules in listeners
            ],
        )
    )


def target_group(
    est: Estate,
    name: str,
    lb_arn: str,
    targets: Sequence[tuple[str, int | None]],
    **kwargs: Any,
) -> str:
    """Add a target group with healthy targets; returns its ARN."""
    tg = f.target_group(name, lb_arns=[lb_arn], **kwargs)
    est.target_groups.append(
        f.tg_entry(tg, attrs=[], health=[f.target_health(t, p) for t, p in targets])
    )
    return str(tg["TargetGroupArn"])


def https(lb: dict[str, Any], actions: list[dict[str, Any]]) -> dict[str, Any]:
    """An HTTPS:443 listener."""
    return f.listener(lb, 443, "HTTPS", actions, ssl_policy=f.TLS13, certificate=f.cert_arn("p"))


def rules(li: dict[str, Any], *extra: dict[str, Any]) -> list[dict[str, Any]]:
    """Extra rules then the default rule."""
    return [*extra, f.default_rule(li)]


def web_group(sg_id: str = WEB_SG, *, open_to_world: bool = False) -> dict[str, Any]:
    """A security group admitting 443 from the CloudFront prefix list (or the world)."""
    perm = (
        f.permission(443, cidrs=["0.0.0.0/0"])
        if open_to_world
        else f.permission(443, prefix_lists=[f.CF_PREFIX_LIST])
    )
    return f.security_group(sg_id, [perm], name="web")


def distribution(
    dist_id: str,
    alias: str,
    origin: dict[str, Any],
    *,
    web_acl: str = "",
    behaviors: Sequence[dict[str, Any]] = (),
) -> dict[str, Any]:
    """An enabled distribution with one alias and one origin."""
    return f.distribution(
        dist_id,
        aliases=[alias],
        origins=[origin],
        default=f.behavior(
            origin["Id"], methods=["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"]
        ),
        behaviors=behaviors,
        certificate=f.viewer_certificate(f.cert_arn("edge")),
        web_acl=web_acl,
    )
