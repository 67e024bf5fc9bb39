"""How a person names a resource: a node's label with its context, or a short form of its id.

One home for the names the HTML report, the ``scan`` table and the lineage use, so a
distribution reads ``E1MAINDIST (www.example.com)`` and a load balancer ``web-alb``
everywhere, never an ARN.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def short(resource_id: str) -> str:
    """A readable name for an ARN or node id when the graph has no label for it."""
    rid = resource_id
    if rid.startswith("arn:"):
        tail = rid.split(":", 5)[-1]
        parts = [p for p in tail.replace(":", "/").split("/") if p]
        if not parts:
            return rid
        if parts[0] == "targetgroup" and len(parts) > 1:
            return parts[1]
        if parts[0] in {"loadbalancer", "listener", "listener-rule"} and len(parts) >= 4:
            return parts[2]
        if len(parts) >= 3 and parts[1] in {"webacl", "ipset", "rulegroup"}:
            return parts[2]
        return parts[-1]
    if rid.startswith("record:") and rid.count(":") >= 3:
        _, _, host, rtype, *_ = rid.split(":")
        return f"{host} {rtype} record"
    return rid.split(":", 1)[1] if ":" in rid else rid


def resource_label(attrs: Mapping[str, Any] | None, resource_id: str) -> str:
    """How a person names a finding's resource: the graph's label (a distribution's id and
    first alias, a load balancer's name), with its distribution or load balancer for
    behaviors, origins, listeners and rules; :func:`short` when the graph has no node."""
    if attrs is None:
        return short(resource_id)
    label = str(attrs.get("label") or short(resource_id))
    kind = attrs.get("kind")
    if kind in {"behavior", "origin", "origin-group"} and attrs.get("distribution_id"):
        return f"{attrs['distribution_id']} {kind} {label}"
    if kind in {"listener", "listener-rule"} and attrs.get("arn"):
        return f"{short(str(attrs['arn']))} {label}"
    return label
