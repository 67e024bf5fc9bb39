"""The Resolver: a domain name (origin domain, record target) → the node it reaches.

Rules, tried in this order (the first match wins; each is O(1) — dictionary lookups, no scans):

1. an IP address: an NLB's static address or an accelerator's address, else ``ext:<ip>``;
2. an ALB/NLB/GWLB DNS name (case-insensitive, ``dualstack.`` ignored) → ``lb:<arn>``;
   a Classic ELB DNS name → ``lb:<classic arn>`` (once Classic ELBs are in the model);
3. a distribution's ``*.cloudfront.net`` name → ``cloudfront:<id>``; then the context rules:
   an API custom domain's regional ``d-….execute-api…`` or edge ``*.cloudfront.net`` name →
   ``apigw-domain:<name>``, an accelerator's DNS name → ``accelerator:<arn>``;
4. an S3 REST or website endpoint (every regional form) → ``s3:<bucket>``;
5. an ``execute-api`` default endpoint → ``apigw:<region>:<apiId>``;
6. a ``*.lambda-url.<region>.on.aws`` URL → ``lambda-url:<region>:<urlId>``;
7. a name with public Route 53 records → ``dns:<name>`` (whose own edges follow the alias or
   CNAME onwards: chains are edges between ``dns:`` nodes, loops are marked by the builder);
   else the wildcard record that answers for it → ``dns:*.<ancestor>`` (the nearest one
   above the name, unless a closer ancestor has records of its own: RFC 4592);
8. an alias of a distribution → ``cloudfront:<id>``; an API custom domain name →
   ``apigw-domain:<name>``;
9. anything else → ``ext:<name>`` (``unresolved``; ``hint`` names the AWS service its form
   suggests: ``elb``, ``cloudfront``, ``api-domain``, ``accelerator``; ``missing`` says whether
   the place it would live was collected: ``absent`` or ``not-collected``).

Cross-account references resolve whenever both accounts are in the snapshot: every lookup is
over the whole inventory. Rules 4–6 need no model object: the node is identified by its name.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import networkx as nx

from edgekit.endpoints import lambda_url_host
from edgekit.graph import nodes as n
from edgekit.graph.nodes import NodeKind
from edgekit.graph.resolve import classify, normalize
from edgekit.model import NOT_COLLECTED, Distribution, Inventory, LoadBalancer

Hook = Callable[[str], "tuple[str, str] | None"]
"""An extra rule: a normalised name → (node id, rule name), or None."""


class Resolver:
    """Resolves names against an inventory, adding the nodes it identifies to ``graph``."""

    def __init__(
        self,
        inv: Inventory,
        graph: nx.DiGraph,
        public_names: Mapping[str, Any],
        addresses: dict[str, tuple[str, str]],
    ) -> None:
        self.inv = inv
        self.graph = graph
        self.public_names = public_names
        self.addresses = addresses
        """IP address → (node id, rule): NLB static addresses, accelerator addresses."""
        self.before_patterns: list[Hook] = []
        """Rules added by context kinds, tried after rule 3 (e.g. API custom-domain targets)."""
        self.after_names: list[Hook] = []
        """Rules tried after rule 8 (e.g. an API custom domain by its own name)."""

    def resolve(self, domain: str) -> tuple[str, str]:
        """``(node id, rule)`` for ``domain``; the node exists in the graph afterwards."""
        host = normalize(domain)
        match = classify(host)
        if match is not None and match.rule == "ip":
            found = self.addresses.get(host)
            if found is not None:
                return found
            return self._external(host, None, None), "unresolved"
        lb = self.inv.elbv2.load_balancer_by_dns(host)
        if isinstance(lb, LoadBalancer):
            return n.lb_id(lb.arn), "elb-dns"
        dist = self.inv.cloudfront.distribution_by_domain(host)
        if isinstance(dist, Distribution):
            return n.distribution_id(dist.id), "cloudfront-domain"
        for hook in self.before_patterns:
            found = hook(host)
            if found is not None:
                return found
        if match is not None and match.ident is not None and match.region is not None:
            if match.rule == "execute-api":
                return self._pattern_api(match.ident, match.region), "execute-api"
            if match.rule == "lambda-url":
                return self._pattern_lambda_url(match.ident, match.region), "lambda-url"
        if match is not None and match.rule in ("s3-rest", "s3-website") and match.ident:
            return self._pattern_bucket(match.ident, match.region), match.rule
        if host in self.public_names:
            return n.dns_id(host), "route53"
        wildcard = self._wildcard(host)
        if wildcard is not None:
            return n.dns_id(wildcard), "route53-wildcard"
        alias = self.inv.cloudfront.distribution_for_alias(host)
        if isinstance(alias, Distribution):
            return n.distribution_id(alias.id), "cloudfront-alias"
        for hook in self.after_names:
            found = hook(host)
            if found is not None:
                return found
        missing: str | None = None
        if match is not None and match.rule == "elb":
            missing = _missing(self.inv.elbv2.load_balancer_by_dns(host))
        elif match is not None and match.rule == "cloudfront":
            missing = _missing(dist)
        hint = match.rule if match is not None else None
        return self._external(host, hint, missing), "unresolved"

    def _wildcard(self, host: str) -> str | None:
        """The public wildcard record name (``*.example.com``) that answers for ``host``: the
        nearest above it, unless a closer ancestor has records (then the name does not exist)."""
        labels = host.split(".")
        for i in range(1, len(labels)):
            parent = ".".join(labels[i:])
            if f"*.{parent}" in self.public_names:
                return f"*.{parent}"
            if parent in self.public_names:
                return None
        return None

    # -- nodes identified by their name ---------------------------------------------------------
    def _external(self, host: str, hint: str | None, missing: str | None) -> str:
        return n.add_node(
            self.graph,
            n.external_id(host),
            NodeKind.EXTERNAL,
            host,
            unresolved=True,
            hint=hint,
            missing=missing,
        )

    def _pattern_bucket(self, bucket: str, region: str | None) -> str:
        return n.add_node(
            self.graph, n.s3_id(bucket), NodeKind.S3_BUCKET, bucket, region=region, bucket=bucket
        )

    def _pattern_api(self, api: str, region: str) -> str:
        return n.add_node(
            self.graph,
            n.api_id(region, api),
            NodeKind.API,
            f"{api} ({region})",
            region=region,
            api_id=api,
        )

    def _pattern_lambda_url(self, url_id: str, region: str) -> str:
        return n.add_node(
            self.graph,
            n.lambda_url_id(region, url_id),
            NodeKind.LAMBDA_URL,
            lambda_url_host(url_id, region),
            region=region,
            url_id=url_id,
        )


def _missing(found: object) -> str | None:
    """``not-collected`` / ``absent`` for a lookup miss (None when it was found)."""
    if found is NOT_COLLECTED:
        return "not-collected"
    return "absent" if found is None else None
