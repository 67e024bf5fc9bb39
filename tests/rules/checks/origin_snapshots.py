"""Hand-built estates for the origin.* and dns.* check tests: an ALB behind a distribution,
its security groups and the region's CloudFront prefix list, S3 / Lambda / API origins."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from edgekit.snapshot import Snapshot
from tests.model import factories as f
from tests.model.factories import OMIT
from tests.rules.checks import lb_snapshots as lbs

REGION = f.REGION
SG = "sg-0web"
SECRET = f.digest("origin-s3cr3t")
OTHER_SECRET = f.digest("another-secret")
HEADER = "X-Origin-Verify"
CF_PL = f.CF_PREFIX_LIST
DIST_ID = "E1CDN"
DIST_ARN = f"arn:aws:cloudfront::{f.ACCOUNT}:distribution/{DIST_ID}"


def balancer(name: str = "web", **kwargs: Any) -> dict[str, Any]:
    """An internet-facing ALB with security group ``SG`` (unless told)."""
    kwargs.setdefault("security_groups", (SG,))
    return f.load_balancer(name, "application", **kwargs)


def dns(b: dict[str, Any]) -> str:
    """The load balancer's DNS name."""
    return str(b["DNSName"]).lower()


# -- security groups --------------------------------------------------------------------------
def anywhere(port: int = 443, to: int | None = None, *, v6: bool = False) -> dict[str, Any]:
    """TCP ``port`` (to ``to``) from 0.0.0.0/0 (or ::/0)."""
    if v6:
        return f.permission(port, to, ipv6=["::/0"])
    return f.permission(port, to, cidrs=["0.0.0.0/0"])


def cloudfront_only(port: int = 443) -> dict[str, Any]:
    """TCP ``port`` from the CloudFront origin-facing prefix list."""
    return f.permission(port, prefix_lists=[CF_PL])


def group(*perms: dict[str, Any], group_id: str = SG) -> dict[str, Any]:
    """A security group with ``perms`` as ingress."""
    return f.security_group(group_id, list(perms))


def ec2(
    *groups: dict[str, Any], prefix_lists: Any = None, account: str = f.ACCOUNT
) -> dict[str, Any]:
    """An ec2 payload; ``groups`` OMIT-able via ``ec2_omit``; prefix lists default to CF's."""
    data: dict[str, Any] = {"security_groups": list(groups)}
    if prefix_lists is not OMIT:
        data["managed_prefix_lists"] = (
            [f.prefix_list()] if prefix_lists is None else list(prefix_lists)
        )
    return f.payload("ec2", data, account=account, region=REGION)


# -- listeners --------------------------------------------------------------------------------
def secret_condition(value: str = SECRET, name: str = HEADER) -> dict[str, Any]:
    """An http-header condition on the secret header."""
    return f.condition("http-header", [value], HttpHeaderName=name)


def path(*patterns: str) -> dict[str, Any]:
    """A path-pattern condition."""
    return f.condition("path-pattern", list(patterns))


def locked_listener(b: dict[str, Any], port: int = 443, protocol: str = "HTTPS") -> dict[str, Any]:
    """Forwards only with the secret header; default 403."""
    li = lbs.https_listener(b, port=port, protocol=protocol, default=[f.fixed_response()])
    return lbs.with_rules(li, lbs.rule(li, 10, [secret_condition()]))


def open_listener(b: dict[str, Any], port: int = 443, protocol: str = "HTTPS") -> dict[str, Any]:
    """Forwards everything in its default action."""
    return lbs.https_listener(b, port=port, protocol=protocol)


def lb_payload(
    b: dict[str, Any], *listeners: dict[str, Any], attrs: Any = None, omit_listeners: bool = False
) -> dict[str, Any]:
    """An elbv2 payload holding ``b`` (``attrs`` None: defaults; OMIT: not collected)."""
    entry = lbs.entry(b, OMIT if omit_listeners else list(listeners), attrs=attrs)
    return lbs.elbv2(entry)


# -- distributions ----------------------------------------------------------------------------
def alb_origin(
    b: dict[str, Any], headers: dict[str, str] | None = None, **kwargs: Any
) -> dict[str, Any]:
    """A custom origin on the ALB's DNS name (secret header by default)."""
    sent = {HEADER: SECRET} if headers is None else headers
    return f.custom_origin("alb", dns(b), headers=sent, **kwargs)


def distribution(*origins: dict[str, Any], dist_id: str = DIST_ID, **kwargs: Any) -> dict[str, Any]:
    """A distribution with ``origins`` (default behavior to the first)."""
    return f.distribution(dist_id, origins=list(origins), **kwargs)


def cloudfront(*dists: dict[str, Any], **data: Any) -> dict[str, Any]:
    """A cloudfront payload with ``dists`` (and extra kinds, e.g. origin access controls)."""
    payload = lbs.cloudfront(*dists)
    payload["data"].update(data)
    return payload


def snap(*payloads: dict[str, Any], gaps: Iterable[dict[str, str]] = ()) -> Snapshot:
    """A snapshot of ``payloads``."""
    return f.snapshot(*payloads, gaps=gaps)


def alb_estate(
    *listeners_of: Any,
    perms: Sequence[dict[str, Any]] = (),
    headers: dict[str, str] | None = None,
    b: dict[str, Any] | None = None,
    groups: Any = None,
    dists: Any = None,
    prefix_lists: Any = None,
) -> Snapshot:
    """ALB ``b`` (with listeners built by ``listeners_of(b)`` callables) behind distribution
    E1CDN; security group ``SG`` with ``perms``; ``groups`` OMIT = ec2 not collected."""
    b = b or balancer()
    listeners = [make(b) for make in listeners_of]
    payloads = [lb_payload(b, *listeners)]
    if groups is not OMIT:
        payloads.append(ec2(*(groups or [group(*perms)]), prefix_lists=prefix_lists))
    if dists is not OMIT:
        payloads.append(cloudfront(*(dists or [distribution(alb_origin(b, headers))])))
    return snap(*payloads)
