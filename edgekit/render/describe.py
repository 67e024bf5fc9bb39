"""What a graph node says on a picture: its label, a caption naming what it is, its icon key.

Every box carries words as well as an icon (an icon alone is a puzzle for most readers): the
label is the resource's own name, the caption says what kind of thing it is, with one or two
facts (``ALB · internet-facing``). Longer facts belong in tables, not here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from edgekit.graph.nodes import NodeKind
from edgekit.render.labels import shorten

LB_NAMES: Final = {"alb": "ALB", "nlb": "NLB", "gwlb": "Gateway LB", "classic": "Classic ELB"}
LB_ICONS: Final = {"alb": "alb", "nlb": "nlb", "gwlb": "elb", "classic": "clb"}
TARGET_ICONS: Final = {"instance": "ec2", "ip": "ecs", "lambda": "lambda", "alb": "alb"}

ICON_BY_KIND: Final[dict[str, str]] = {
    NodeKind.DNS: "route53",
    NodeKind.DISTRIBUTION: "cloudfront",
    NodeKind.BEHAVIOR: "none",
    NodeKind.ORIGIN: "none",
    NodeKind.ORIGIN_GROUP: "none",
    NodeKind.VPC_ORIGIN: "vpc",
    NodeKind.WEB_ACL: "waf",
    NodeKind.WEB_ACL_CLASSIC: "waf",
    NodeKind.LOAD_BALANCER: "elb",
    NodeKind.LISTENER: "none",
    NodeKind.LISTENER_RULE: "none",
    NodeKind.TARGET_GROUP: "none",
    NodeKind.TARGET: "ec2",
    NodeKind.LAMBDA_FUNCTION: "lambda",
    NodeKind.INSTANCE: "eip",
    NodeKind.S3_BUCKET: "s3",
    NodeKind.API: "apigateway",
    NodeKind.API_STAGE: "apigateway-endpoint",
    NodeKind.API_DOMAIN: "apigateway",
    NodeKind.LAMBDA_URL: "lambda",
    NodeKind.ACCELERATOR: "global-accelerator",
    NodeKind.CERTIFICATE: "acm",
    NodeKind.AWS_RESOURCE: "aws",
    NodeKind.EXTERNAL: "external",
    "hostname": "users",
    "behaviors": "none",
    "targets": "ec2-many",
    "entrypoint": "cloudfront",
    "more": "none",
}
"""Icon key by node kind (``none``: a text box). Keys are drawn by :mod:`edgekit.render.draw`."""


def icon(attrs: Mapping[str, Any]) -> str:
    """The icon key of a graph node."""
    kind = attrs["kind"]
    if kind == NodeKind.LOAD_BALANCER:
        return LB_ICONS.get(str(attrs.get("lb_type")), "elb")
    if kind == NodeKind.TARGET:
        return TARGET_ICONS.get(str(attrs.get("target_type")), "ec2")
    return ICON_BY_KIND.get(kind, "aws")


def _unresolved_caption(attrs: Mapping[str, Any]) -> str:
    missing = attrs.get("missing")
    why = {"absent": "absent from the snapshot", "not-collected": "not collected"}.get(
        str(missing), "not in the snapshot"
    )
    hint = attrs.get("hint")
    return f"unresolved · {why}" + (f" · looks like {hint}" if hint else "")


def _caption(attrs: Mapping[str, Any]) -> str:
    kind = attrs["kind"]
    if kind == NodeKind.DNS:
        types = "/".join(attrs.get("record_types") or ()) or "record"
        loop = " · alias/CNAME loop" if attrs.get("cname_loop") else ""
        return f"Route 53 {types}{loop}"
    if kind == NodeKind.DISTRIBUTION:
        state = "" if attrs.get("enabled", True) else " · disabled"
        return f"CloudFront distribution{state}"
    if kind == NodeKind.ORIGIN:
        return f"origin · {attrs.get('origin_kind') or 'custom'}"
    if kind == NodeKind.ORIGIN_GROUP:
        return "origin group (failover)"
    if kind == NodeKind.VPC_ORIGIN:
        return "CloudFront VPC origin"
    if kind == NodeKind.LOAD_BALANCER:
        name = LB_NAMES.get(str(attrs.get("lb_type")), "load balancer")
        scheme = attrs.get("scheme") or ("internet-facing" if attrs.get("internet_facing") else "")
        return f"{name} · {scheme}" if scheme else name
    if kind == NodeKind.TARGET_GROUP:
        return f"target group · {attrs.get('target_type') or 'targets'}"
    if kind == NodeKind.TARGET:
        return f"{attrs.get('target_type') or ''} target".strip()
    if kind == NodeKind.API:
        api_type = str(attrs.get("api_type") or "").upper()
        edge = " · edge-optimized" if attrs.get("edge_optimized") else ""
        return f"API Gateway {api_type} API{edge}".replace("  ", " ")
    if kind == NodeKind.API_DOMAIN:
        return f"API custom domain · {attrs.get('endpoint_type') or ''}".rstrip(" ·")
    if kind in (NodeKind.WEB_ACL, NodeKind.WEB_ACL_CLASSIC):
        scope = attrs.get("scope")
        name = "WAFv2 web ACL" if kind == NodeKind.WEB_ACL else "WAF Classic web ACL"
        return f"{name} · {str(scope).lower()}" if scope else name
    if kind == NodeKind.CERTIFICATE:
        what = "IAM server certificate" if ":iam:" in str(attrs.get("arn") or "") else "certificate"
        expiry = str(attrs.get("not_after") or "")[:10]
        return f"{what} · expires {expiry}" if expiry else what
    simple = {
        NodeKind.BEHAVIOR: "cache behavior",
        NodeKind.LISTENER: "listener",
        NodeKind.LISTENER_RULE: "listener rule",
        NodeKind.LAMBDA_FUNCTION: "Lambda function",
        NodeKind.INSTANCE: "EC2 endpoint",
        NodeKind.S3_BUCKET: "S3 bucket" + (" · website" if attrs.get("website") else ""),
        NodeKind.API_STAGE: "API stage",
        NodeKind.LAMBDA_URL: "Lambda function URL",
        NodeKind.ACCELERATOR: "Global Accelerator",
        NodeKind.AWS_RESOURCE: "AWS resource",
        NodeKind.EXTERNAL: "external name",
    }
    return simple.get(kind, str(kind))


def label(attrs: Mapping[str, Any]) -> str:
    """The main text: the resource's own name (ids without the kind prefix the graph adds)."""
    kind = attrs["kind"]
    text = str(attrs.get("label") or "")
    if kind == NodeKind.DISTRIBUTION:
        return text.split(" ")[0]
    if kind == NodeKind.ORIGIN:
        return str(attrs.get("origin_id") or text)
    if kind in (NodeKind.LOAD_BALANCER, NodeKind.TARGET_GROUP) and attrs.get("name"):
        return str(attrs["name"])
    if kind == NodeKind.LAMBDA_URL and attrs.get("url_id"):
        return shorten(str(attrs["url_id"]), 20)
    return text


def lines(attrs: Mapping[str, Any]) -> tuple[str, ...]:
    """Extra facts worth a line: an origin's domain, a distribution's aliases."""
    kind = attrs["kind"]
    if kind == NodeKind.ORIGIN and attrs.get("domain_name"):
        return (str(attrs["domain_name"]),)
    if kind == NodeKind.DISTRIBUTION:
        aliases = list(attrs.get("aliases") or ())
        if aliases:
            more = f" +{len(aliases) - 1}" if len(aliases) > 1 else ""
            return (f"{aliases[0]}{more}",)
    return ()


def caption(attrs: Mapping[str, Any]) -> str:
    """What kind of thing the node is, with a fact or two; unresolved nodes say so."""
    if attrs.get("unresolved"):
        if attrs["kind"] == NodeKind.EXTERNAL:
            return _unresolved_caption(attrs)
        return f"{_caption(attrs)} · {_unresolved_caption(attrs)}"
    return _caption(attrs)
