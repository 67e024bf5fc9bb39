"""Repointing a public name: the Route 53 records of a ``dns:`` node as the snapshot knows them
(zone id, zone name, record name, type, TTL), rewritten to a new target, as CDK and Terraform.

Every value is encoded by :mod:`edgekit.plan.literals`; nothing is a placeholder.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from edgekit.model import NOT_COLLECTED, Inventory, RecordSet
from edgekit.plan.literals import hcl, tf_name, ts

CLOUDFRONT_ZONE = "Z2FDTNDATAQYW2"
"""The hosted zone id of every CloudFront distribution's alias target (AWS-documented)."""


@dataclass(frozen=True)
class Target:
    """Where a name should point: an alias target (DNS name + its hosted zone id) when the
    zone id is known, else a CNAME value; ``tf_ref`` / ``cdk_ref`` when the target is created
    in an earlier step of the same proposal (a reference instead of a literal)."""

    dns_name: str
    zone_id: str | None = None
    tf_dns: str = ""
    tf_zone: str = ""
    cdk_target: str = ""
    """A TypeScript expression of type ``route53.RecordTarget``."""


def records_of(graph: nx.DiGraph, dns_node: str) -> list[RecordSet]:
    """The record sets behind a ``dns:`` node (A/AAAA/CNAME, in a stable order)."""
    ref = graph.nodes[dns_node].get("ref") if dns_node in graph else None
    found = [r for r in ref or () if isinstance(r, RecordSet)]
    return sorted(
        (r for r in found if r.type in ("A", "AAAA", "CNAME")), key=lambda r: (r.type, r.name)
    )


def zone_name(model: Inventory, zone_id: str) -> str | None:
    """A hosted zone's name (None when the zone is not in the snapshot)."""
    for z in model.hosted_zones:
        if z.id.rpartition("/")[2] == zone_id.rpartition("/")[2]:
            return z.name
    return None


def terraform(graph: nx.DiGraph, dns_node: str, target: Target) -> str:
    """``aws_route53_record`` blocks repointing every record of the name at ``target``."""
    blocks = []
    for r in records_of(graph, dns_node):
        zone = r.hosted_zone_id.rpartition("/")[2]
        label = tf_name(f"{r.name}_{r.type}")
        body = [f"  zone_id = {hcl(zone)}", f"  name    = {hcl(r.name)}"]
        if r.type == "CNAME" or (target.zone_id is None and not target.tf_zone):
            dns = target.tf_dns or hcl(target.dns_name)
            body += ['  type    = "CNAME"', f"  ttl     = {r.ttl or 300}", f"  records = [{dns}]"]
        else:
            body += [
                f"  type    = {hcl(r.type)}",
                "  alias {",
                f"    name                   = {target.tf_dns or hcl(target.dns_name)}",
                f"    zone_id                = {target.tf_zone or hcl(target.zone_id)}",
                "    evaluate_target_health = false",
                "  }",
            ]
        blocks.append(f'resource "aws_route53_record" "{label}" {{\n' + "\n".join(body) + "\n}")
    return "\n".join(blocks)


def cdk(graph: nx.DiGraph, model: Inventory, dns_node: str, target: Target) -> str:
    """``route53.ARecord`` / ``AaaaRecord`` / ``CnameRecord`` constructs for the same change."""
    out = []
    zones: dict[str, str] = {}
    for r in records_of(graph, dns_node):
        zone = r.hosted_zone_id.rpartition("/")[2]
        if zone not in zones:
            var = f"zone{len(zones) + 1}"
            zones[zone] = var
            name = zone_name(model, zone) or _parent(r.name)
            out.append(
                f"const {var} = route53.HostedZone.fromHostedZoneAttributes(this, "
                f"{ts('Zone' + zone)}, {{ hostedZoneId: {ts(zone)}, zoneName: {ts(name)} }});"
            )
        var = zones[zone]
        cid = ts(f"{r.name} {r.type}")
        if r.type == "CNAME" or (target.zone_id is None and not target.cdk_target):
            out.append(
                f"new route53.CnameRecord(this, {cid}, {{ zone: {var}, recordName: {ts(r.name)}, "
                f"domainName: {ts(target.dns_name)} }});"
            )
            continue
        cls = "AaaaRecord" if r.type == "AAAA" else "ARecord"
        expr = target.cdk_target or (
            "route53.RecordTarget.fromAlias({ bind: () => ({ "
            f"dnsName: {ts(target.dns_name)}, hostedZoneId: {ts(target.zone_id)} }}) }})"
        )
        out.append(
            f"new route53.{cls}(this, {cid}, {{\n  zone: {var},\n  recordName: {ts(r.name)},\n"
            f"  target: {expr},\n}});"
        )
    return "\n".join(out)


def _parent(name: str) -> str:
    return name.partition(".")[2] or name


def collected(model: Inventory) -> bool:
    """Route 53 records were collected (the zones' record sets are known)."""
    return any(z.record_sets is not NOT_COLLECTED for z in model.hosted_zones)
