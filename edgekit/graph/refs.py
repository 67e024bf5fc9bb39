"""Nodes for resources referenced by ARN or id: placeholders when the snapshot lacks them
(``unresolved``, ``missing``: ``absent`` | ``not-collected``), certificates, web ACLs and the
resources a web ACL protects."""

from __future__ import annotations

from collections.abc import Callable

import networkx as nx

from edgekit.graph import nodes as n
from edgekit.graph.nodes import NodeKind
from edgekit.model import NOT_COLLECTED, Arn, Inventory

_LABEL_PREFIX = {NodeKind.TARGET_GROUP: "tg ", NodeKind.LOAD_BALANCER: "lb "}


def missing_of(found: object) -> str:
    """``not-collected`` for the sentinel, else ``absent``."""
    return "not-collected" if found is NOT_COLLECTED else "absent"


def arn_place(arn: str) -> tuple[str | None, str | None]:
    """(account, region) an ARN names; (None, None) for other strings."""
    parts = Arn.parse(arn)
    return (None, None) if parts is None else (parts.account_id, parts.region)


def placeholder(
    graph: nx.DiGraph, node: str, kind: NodeKind, arn: str, lookup: Callable[[str], object]
) -> str:
    """A node for a resource referenced by ARN; ``unresolved`` when the lookup misses it."""
    if node in graph:
        return node
    account, region = arn_place(arn)
    found = lookup(arn)
    name = arn.rsplit("/", 2)[-2] if arn.count("/") >= 2 else arn.rpartition(":")[2]
    if kind == NodeKind.CERTIFICATE:
        name = arn.rpartition("/")[2]
    label = f"{_LABEL_PREFIX.get(kind, '')}{name}"
    return n.add_node(
        graph,
        node,
        kind,
        label,
        account_id=account,
        region=region,
        arn=arn,
        unresolved=True,
        missing=missing_of(found),
    )


def certificate_node(graph: nx.DiGraph, inv: Inventory, ref: str) -> str:
    """The node of an ACM ARN or IAM certificate id (a placeholder when not collected)."""
    node = n.certificate_id(ref)
    if node in graph:
        return node
    parts = Arn.parse(ref)
    if parts is not None and parts.service == "acm":
        return placeholder(graph, node, NodeKind.CERTIFICATE, ref, inv.acm.certificate)
    name = ref.rpartition("/")[2]  # IAM server certificate: id, or ARN (not collected)
    return n.add_node(
        graph,
        node,
        NodeKind.CERTIFICATE,
        f"IAM {name}",
        arn=ref if parts else None,
        iam_certificate=name,
    )


def web_acl_node(graph: nx.DiGraph, inv: Inventory, ref: str) -> str:
    """The node of a WAFv2 ARN (placeholder when absent) or a WAF Classic id."""
    node = n.web_acl_id(ref)
    if node in graph:
        return node
    if node.startswith("waf:"):
        return placeholder(graph, node, NodeKind.WEB_ACL, ref, inv.waf.web_acl)
    ident = node.partition(":")[2]
    return n.add_node(graph, node, NodeKind.WEB_ACL_CLASSIC, f"classic {ident}", classic_id=ident)


def resource_node(graph: nx.DiGraph, inv: Inventory, arn: str) -> str:
    """The node of a resource a web ACL protects, by ARN (a placeholder when unknown)."""
    parts = Arn.parse(arn)
    if parts is not None and parts.service == "cloudfront":
        node = n.distribution_id(parts.resource.rpartition("/")[2])
        if node in graph:
            return node
        return placeholder(graph, node, NodeKind.DISTRIBUTION, arn, inv.cloudfront.distribution)
    if parts is not None and parts.service == "elasticloadbalancing":
        return placeholder(
            graph, n.lb_id(arn), NodeKind.LOAD_BALANCER, arn, inv.elbv2.load_balancer
        )
    if parts is not None and parts.service == "apigateway":
        pieces = parts.resource.strip("/").split("/")
        if len(pieces) == 4 and pieces[0] == "restapis" and pieces[2] == "stages":
            node = n.api_stage_id(parts.region, pieces[1], pieces[3])
            if node not in graph:
                n.add_node(
                    graph,
                    node,
                    NodeKind.API_STAGE,
                    f"{pieces[1]}/{pieces[3]}",
                    account_id=parts.account_id or None,
                    region=parts.region,
                    arn=arn,
                    api_id=pieces[1],
                    stage=pieces[3],
                )
            return node
    node = f"arn:{arn}"
    if node not in graph:
        n.add_node(graph, node, NodeKind.AWS_RESOURCE, arn.rpartition(":")[2], arn=arn)
    return node


def function_node(graph: nx.DiGraph, arn: str) -> str:
    """The node of a Lambda function by ARN (identified by it; no model object)."""
    node = n.lambda_id(arn)
    if node not in graph:
        parts = Arn.parse(arn)
        n.add_node(
            graph,
            node,
            NodeKind.LAMBDA_FUNCTION,
            arn.split(":")[6] if arn.count(":") >= 6 else arn,
            account_id=parts.account_id if parts else None,
            region=parts.region if parts else None,
            arn=arn,
        )
    return node
