"""S3 buckets and Lambda function URLs: model objects attached to the nodes their endpoint names
identified (``s3:<bucket>``, ``lambda-url:<region>:<id>``), with existence and lock facts."""

from __future__ import annotations

import networkx as nx

from edgekit.endpoints import lambda_url_host
from edgekit.graph import nodes as n
from edgekit.graph.nodes import EdgeKind, NodeKind
from edgekit.graph.refs import function_node
from edgekit.model import NOT_COLLECTED, Inventory
from edgekit.model.lambda_.types import FunctionUrl
from edgekit.model.s3.types import Bucket


def attach_buckets_and_urls(graph: nx.DiGraph, inv: Inventory) -> None:
    """Model objects for the bucket, function URL and function nodes the patterns created."""
    functions = {f.function_arn: f for f in inv.function_urls}
    for node, attrs in list(graph.nodes(data=True)):
        kind = attrs["kind"]
        if kind == NodeKind.S3_BUCKET and attrs.get("ref") is None:
            _bucket(graph, node, inv.s3.bucket(attrs["bucket"]))
        elif kind == NodeKind.LAMBDA_URL and attrs.get("ref") is None:
            host = lambda_url_host(attrs["url_id"], attrs["region"])
            _url(graph, node, inv.lambda_.function_url_by_domain(host))
        elif kind == NodeKind.LAMBDA_FUNCTION and attrs["arn"] in functions:
            _url_facts(graph, node, functions[attrs["arn"]])


def _bucket(graph: nx.DiGraph, node: str, found: object) -> None:
    attrs = graph.nodes[node]
    if found is None:
        attrs.update(exists=False, unresolved=True, missing="absent")
        return
    if not isinstance(found, Bucket):
        attrs["exists"] = None
        return
    facts = []
    if found.policy_is_public is True:
        facts.append("bucket policy is public")
    block = found.effective_public_access_block
    if block is not NOT_COLLECTED and block.all_blocked:
        facts.append("public access blocked")
    n.add_node(
        graph,
        node,
        NodeKind.S3_BUCKET,
        found.name,
        account_id=found.owner_account_id,
        region=found.bucket_region,
        arn=f"arn:aws:s3:::{found.name}",
        ref=found,
        bucket=found.name,
        exists=True,
        website=found.website is not NOT_COLLECTED and found.website is not None,
        lock_facts=facts,
    )


def _url(graph: nx.DiGraph, node: str, found: object) -> None:
    attrs = graph.nodes[node]
    if found is None:
        attrs.update(unresolved=True, missing="absent")
    if not isinstance(found, FunctionUrl):
        return
    keep = {k: attrs[k] for k in ("label", "url_id")}
    n.add_node(
        graph,
        node,
        NodeKind.LAMBDA_URL,
        keep["label"],
        account_id=found.account_id,
        region=found.region,
        arn=found.function_arn,
        ref=found,
        url_id=keep["url_id"],
    )
    _url_facts(graph, node, found)
    fn = function_node(graph, found.function_arn)
    n.add_edge(graph, node, fn, EdgeKind.RESOLVES_TO, rule="function-url")


def _url_facts(graph: nx.DiGraph, node: str, found: FunctionUrl) -> None:
    config = found.config
    auth = None if config is NOT_COLLECTED or config is None else config.auth_type
    graph.nodes[node]["url_auth_type"] = auth
    if auth is not None:
        graph.nodes[node]["lock_facts"] = [f"function URL auth {auth}"]
