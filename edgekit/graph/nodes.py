"""The node-id scheme, node kinds and edge kinds of the traffic graph.

Node ids are stable, deterministic strings: the same snapshot always gives the same ids, and a
resource keeps its id across snapshots. Every id is ``<prefix>:<identifier>``:

==================  ==============================================  ========================
kind                id                                              identifier
==================  ==============================================  ========================
dns                 ``dns:<name>``                                  public record name
distribution        ``cloudfront:<distId>``
behavior            ``behavior:<distId>:<pathPattern|default>``
origin              ``origin:<distId>:<originId>``
origin-group        ``origin-group:<distId>:<groupId>``
vpc-origin          ``vpc-origin:<vpcOriginId>``
web-acl             ``waf:<arn>``                                   WAFv2 ARN
web-acl-classic     ``waf-classic:<webAclId>``                      id (also from its ARN)
load-balancer       ``lb:<arn>``                                    ALB/NLB/GWLB/Classic ARN
listener            ``listener:<arn>``                              Classic ELB:
                                                                    ``<lbArn>/<port>``
listener-rule       ``rule:<arn>``
target-group        ``tg:<arn>``
target              ``target:<tgArn>:<targetId>:<port|->``          Classic ELB: ``<lbArn>``
lambda-function     ``lambda:<functionArn>``
instance            ``ec2:<arn or id>``                             VPC origin / accelerator
                                                                    endpoint (instance, EIP)
s3-bucket           ``s3:<bucket>``
api                 ``apigw:<region>:<apiId>``                      REST, HTTP or WebSocket API
api-stage           ``apigw-stage:<region>:<apiId>:<stage>``
api-domain          ``apigw-domain:<domainName>``                   custom domain name
lambda-url          ``lambda-url:<region>:<urlId>``
accelerator         ``accelerator:<arn>``
certificate         ``cert:<arn>`` (ACM, IAM) / ``cert:iam:<id>``
aws-resource        ``arn:<arn>``                                   an ARN of another type
external            ``ext:<domain or address>``                     unresolved (a VPC link the
                                                                    snapshot lacks:
                                                                    ``ext:vpc-link/<region>/<id>``)
==================  ==============================================  ========================

Names inside ids are normalised (lower case, no trailing dot); ARNs and AWS ids keep their case.
A Classic ELB's ARN is the one AWS gives it (``arn:…:loadbalancer/<name>``), which
DescribeLoadBalancers does not return. Only public hosted zones' A / AAAA / CNAME / alias
records become ``dns:`` nodes (names whose first label starts with ``_`` are left out).
"""

from __future__ import annotations

import enum
from typing import Any, Final, Protocol

import networkx as nx

from edgekit.model.cloudfront.types import CacheBehavior


class NodeKind(enum.StrEnum):
    """What a node stands for (the ``kind`` node attribute)."""

    DNS = "dns"
    DISTRIBUTION = "distribution"
    BEHAVIOR = "behavior"
    ORIGIN = "origin"
    ORIGIN_GROUP = "origin-group"
    VPC_ORIGIN = "vpc-origin"
    WEB_ACL = "web-acl"
    WEB_ACL_CLASSIC = "web-acl-classic"
    LOAD_BALANCER = "load-balancer"
    LISTENER = "listener"
    LISTENER_RULE = "listener-rule"
    TARGET_GROUP = "target-group"
    TARGET = "target"
    LAMBDA_FUNCTION = "lambda-function"
    INSTANCE = "instance"
    S3_BUCKET = "s3-bucket"
    API = "api"
    API_STAGE = "api-stage"
    API_DOMAIN = "api-domain"
    LAMBDA_URL = "lambda-url"
    ACCELERATOR = "accelerator"
    CERTIFICATE = "certificate"
    AWS_RESOURCE = "aws-resource"
    EXTERNAL = "external"


class EdgeKind(enum.StrEnum):
    """What an edge means (the ``kind`` edge attribute).

    Traffic edges point the way requests flow (entry → backend). ``protects`` points from the
    web ACL to the resource; ``serves-certificate`` from the resource to its certificate.
    """

    RESOLVES_TO = "resolves-to"
    """DNS record → target; origin → the resource its domain names; target → function/ALB;
    VPC origin → its endpoint."""
    HAS_BEHAVIOR = "has-behavior"
    """Distribution → cache behavior (``order``: evaluation order, default last)."""
    ROUTES = "routes"
    """Cache behavior → origin or origin group."""
    HAS_MEMBER = "has-member"
    """Origin group → member origin (the member-of relation; ``position`` 0 = primary)."""
    HAS_LISTENER = "has-listener"
    """Load balancer → listener."""
    HAS_RULE = "has-rule"
    """Listener → listener rule (``priority``; the default rule last)."""
    FORWARDS = "forwards"
    """Listener rule (or listener default action) → target group, ``weight`` kept."""
    TARGETS = "targets"
    """Target group (or Classic ELB) → registered target."""
    HAS_STAGE = "has-stage"
    """API → stage."""
    MAPS_TO = "maps-to"
    """API custom domain → API stage (base path / API mapping)."""
    INTEGRATES = "integrates"
    """API or stage → integration backend (function, HTTP endpoint, ALB/NLB via VPC link: a
    REST / WebSocket link's NLBs; for an HTTP API the load balancer of the listener it names,
    ``listeners`` kept, or that listener's placeholder when the snapshot lacks it);
    ``integration``: the type."""
    FRONTS = "fronts"
    """Accelerator → load balancer (endpoint group endpoint)."""
    PROTECTS = "protects"
    """Web ACL → distribution, load balancer or API stage."""
    SERVES_CERTIFICATE = "serves-certificate"
    """Distribution, listener or API domain → certificate it presents."""


TRAFFIC_EDGES: Final = frozenset(EdgeKind) - {EdgeKind.PROTECTS, EdgeKind.SERVES_CERTIFICATE}
"""Edge kinds requests travel along (paths and lineage follow only these)."""

ORIGIN_RESOLUTION_EDGES: Final = frozenset(
    {EdgeKind.RESOLVES_TO, EdgeKind.MAPS_TO, EdgeKind.HAS_STAGE}
)
"""Edges that keep "the origin is this resource" true (DNS chains, VPC origins, API domains)."""

LB_TYPES: Final = {"application": "alb", "network": "nlb", "gateway": "gwlb", "classic": "classic"}
"""AWS's load balancer ``Type`` → the short ``lb_type`` node attribute."""

REF: Final = "ref"
"""Node attribute holding the model object (never serialised)."""


# -- ids -------------------------------------------------------------------------------------------
def dns_id(name: str) -> str:
    """``dns:<name>``."""
    return f"dns:{name}"


def distribution_id(dist_id: str) -> str:
    """``cloudfront:<distId>``."""
    return f"cloudfront:{dist_id}"


def behavior_id(dist_id: str, path_pattern: str | None) -> str:
    """``behavior:<distId>:<pathPattern>`` (``default`` for the default behavior)."""
    return f"behavior:{dist_id}:{path_pattern or 'default'}"


def behavior_node_id(dist_id: str, behavior: CacheBehavior) -> str:
    """The :func:`behavior_id` of a model cache behavior."""
    return behavior_id(dist_id, None if behavior.is_default else behavior.path_pattern)


def origin_id(dist_id: str, origin: str) -> str:
    """``origin:<distId>:<originId>``."""
    return f"origin:{dist_id}:{origin}"


def origin_group_id(dist_id: str, group: str) -> str:
    """``origin-group:<distId>:<groupId>``."""
    return f"origin-group:{dist_id}:{group}"


def vpc_origin_id(vpc_origin: str) -> str:
    """``vpc-origin:<id>``."""
    return f"vpc-origin:{vpc_origin}"


def web_acl_id(arn_or_classic_id: str) -> str:
    """``waf:<arn>`` for WAFv2, ``waf-classic:<id>`` for a WAF Classic id or ARN."""
    if arn_or_classic_id.startswith("arn:"):
        service = arn_or_classic_id.split(":", 3)[2]
        if service in ("waf", "waf-regional"):
            return f"waf-classic:{arn_or_classic_id.rpartition('/')[2]}"
        return f"waf:{arn_or_classic_id}"
    return f"waf-classic:{arn_or_classic_id}"


def lb_id(arn: str) -> str:
    """``lb:<arn>``."""
    return f"lb:{arn}"


def listener_id(arn: str) -> str:
    """``listener:<arn>``."""
    return f"listener:{arn}"


def rule_id(arn: str) -> str:
    """``rule:<arn>``."""
    return f"rule:{arn}"


def target_group_id(arn: str) -> str:
    """``tg:<arn>``."""
    return f"tg:{arn}"


def target_id(tg_arn: str, target: str, port: int | None) -> str:
    """``target:<tgArn>:<targetId>:<port>`` (``-`` when the target has no port)."""
    return f"target:{tg_arn}:{target}:{'-' if port is None else port}"


def lambda_id(function_arn: str) -> str:
    """``lambda:<functionArn>``."""
    return f"lambda:{function_arn}"


def s3_id(bucket: str) -> str:
    """``s3:<bucket>``."""
    return f"s3:{bucket}"


def api_id(region: str, api: str) -> str:
    """``apigw:<region>:<apiId>``."""
    return f"apigw:{region}:{api}"


def api_stage_id(region: str, api: str, stage: str) -> str:
    """``apigw-stage:<region>:<apiId>:<stage>``."""
    return f"apigw-stage:{region}:{api}:{stage}"


def api_domain_id(domain: str) -> str:
    """``apigw-domain:<domainName>``."""
    return f"apigw-domain:{domain}"


def lambda_url_id(region: str, url_id: str) -> str:
    """``lambda-url:<region>:<urlId>``."""
    return f"lambda-url:{region}:{url_id}"


def accelerator_id(arn: str) -> str:
    """``accelerator:<arn>``."""
    return f"accelerator:{arn}"


def certificate_id(arn_or_iam_id: str) -> str:
    """``cert:<arn>`` (ACM), ``cert:iam:<id>`` (IAM server certificate id)."""
    if arn_or_iam_id.startswith("arn:"):
        return f"cert:{arn_or_iam_id}"
    return f"cert:iam:{arn_or_iam_id}"


def external_id(name: str) -> str:
    """``ext:<domain or address>``."""
    return f"ext:{name}"


def prefix_of(node: str) -> str:
    """The id prefix (``dns``, ``cloudfront``, ``lb`` ...)."""
    return node.partition(":")[0]


# -- graph helpers ---------------------------------------------------------------------------------
def add_node(
    graph: nx.DiGraph,
    node: str,
    kind: NodeKind,
    label: str,
    *,
    account_id: str | None = None,
    region: str | None = None,
    arn: str | None = None,
    ref: object = None,
    unresolved: bool = False,
    **attrs: Any,
) -> str:
    """Add ``node`` with the common attributes, or fill in a placeholder added earlier.

    Common attributes: ``kind``, ``label``, ``account_id``, ``region``, ``arn``, ``ref`` (the
    model object or None), ``modelled`` (``ref`` is set) and ``unresolved`` (the node stands for
    something the snapshot does not describe). A node first added as a placeholder (no model
    object) is completed when its model object arrives; a node that has one is left alone.
    """
    existing = graph.nodes.get(node)
    if existing is not None:
        if existing.get(REF) is not None or ref is None:
            return node
        existing.clear()
    graph.add_node(
        node,
        kind=str(kind),
        label=label,
        account_id=account_id,
        region=region,
        arn=arn,
        ref=ref,
        modelled=ref is not None,
        unresolved=unresolved and ref is None,
        **attrs,
    )
    return node


class Resource(Protocol):
    """A model object that carries its own account, region and ARN."""

    @property
    def account_id(self) -> str: ...
    @property
    def region(self) -> str: ...
    @property
    def arn(self) -> str | None: ...


def add_resource(
    graph: nx.DiGraph, node: str, kind: NodeKind, label: str, resource: Resource, **attrs: Any
) -> str:
    """:func:`add_node` for ``resource``: its account, region and ARN, and itself as ``ref``."""
    return add_node(
        graph,
        node,
        kind,
        label,
        account_id=resource.account_id,
        region=resource.region,
        arn=resource.arn,
        ref=resource,
        **attrs,
    )


def add_edge(graph: nx.DiGraph, source: str, target: str, kind: EdgeKind, **attrs: Any) -> None:
    """Add an edge (a repeated edge keeps its first attributes, adds any new ones)."""
    data = graph.get_edge_data(source, target)
    if data is None:
        graph.add_edge(source, target, kind=str(kind), **attrs)
        return
    for key, value in attrs.items():
        data.setdefault(key, value)
