"""dns.*: Route 53 records that point at the edge, and hosted zone query logging."""

from __future__ import annotations

from typing import Any

from edgekit.model import (
    NOT_COLLECTED,
    ClassicLoadBalancer,
    Collected,
    Distribution,
    DomainName,
    HostedZone,
    LoadBalancer,
    RecordSet,
)
from edgekit.rules.analysis.certificate_names import normalize
from edgekit.rules.analysis.dns_targets import Target, record_target
from edgekit.rules.context import CheckContext
from edgekit.rules.finding import Fail, Unknown
from edgekit.rules.registry import check


def _elb(t: Target, ctx: CheckContext) -> Collected[object]:
    """The ALB/NLB or Classic ELB of that DNS name (None: absent from every account)."""
    v2 = ctx.model.elbv2.load_balancer_by_dns(t.name)
    if isinstance(v2, LoadBalancer) or t.nlb:
        return v2
    classic = ctx.model.elb.classic_load_balancer_by_dns(t.name)
    if isinstance(classic, ClassicLoadBalancer):
        return classic
    return None if v2 is None and classic is None else NOT_COLLECTED


def _lookup(t: Target, ctx: CheckContext) -> Collected[object | None]:
    """The target resource; None: it does not exist; NOT_COLLECTED: cannot tell."""
    if t.kind == "elb":
        return _elb(t, ctx)
    if t.kind == "execute-api":
        return ctx.model.apigateway.api_by_execute_domain(t.name)
    if t.kind == "api-domain":
        return ctx.model.apigateway.domain_name_by_target(t.name)
    return ctx.model.s3.bucket(t.bucket or "")


@check(
    "dns.dangling_record",
    title="DNS record points at an AWS endpoint that no longer exists",
    severity="critical",
    category="security",
    applies_to="record_set",
    remediation=(
        "Delete the record, or recreate the resource it names; for S3 website records create "
        "the bucket (named like the record) in your account first, so no one else can."
    ),
    references=("P (A records/IP only)", "CK2_23"),
)
def dangling_record(rec: RecordSet, ctx: CheckContext) -> Fail | Unknown | None:
    """An alias or CNAME record whose AWS target does not exist, decided only where the
    snapshot can prove it — no false criticals:

    * **S3 website** (``<bucket>.s3-website-<region>…`` CNAME, or an alias to the bare
      ``s3-website-<region>…`` endpoint): S3 serves the bucket named like the record (Host
      header), and bucket names are global, so a NoSuchBucket answer recorded by any account's
      s3 collector proves it missing — anyone can create that bucket and serve content on
      the name (takeover). Unknown while no account recorded the bucket (the s3 collector
      probes the buckets the edge uses).
    * **ELB** (ALB / Classic ``…<region>.elb…``, NLB ``….elb.<region>…``), **execute-api**
      default endpoints and API custom-domain ``d-…`` targets: the region is in the name, the
      owning account is not. The target is judged missing when no account of the snapshot
      has it **and** every account of the snapshot collected that kind in that region (ALB
      form: both ELBv2 and Classic ELB; API: REST and v2 APIs, or custom domains); otherwise
      unknown. Records in an organisation's zones are presumed to name its own load balancers
      and APIs — such names change on every re-creation and are not handed out as CNAME
      targets by third parties; snapshot every account a zone's records may point into, or
      suppress a third party's target.
    * **CloudFront** (``dxxxx.cloudfront.net``): not judged. The name carries no account, and
      it is the CNAME target third-party services hand out for their own distributions, so
      "not in the snapshot" proves nothing; CloudFront never reissues a domain name either.
      (``dns.alias_not_on_distribution`` covers records whose distribution is collected.)

    Evidence: the target, its kind and region, and the bucket for S3 website records."""
    t = record_target(rec)
    if t is None or t.kind == "cloudfront" or (t.kind == "s3-website" and t.bucket is None):
        return None
    found = _lookup(t, ctx)
    evidence: dict[str, Any] = {"target": t.name, "kind": t.kind, "region": t.region}
    if t.bucket is not None:
        evidence["bucket"] = t.bucket
    if found is NOT_COLLECTED:
        where = f"bucket {t.bucket}" if t.kind == "s3-website" else f"{t.kind} in {t.region}"
        return Unknown(f"{rec.name} → {t.name}: {where} not collected for every account", evidence)
    if found is not None:
        return None
    if t.kind == "s3-website":
        return Fail(
            f"{rec.name} → S3 website endpoint, but bucket {t.bucket} does not exist: anyone "
            "can create it and serve content on this name",
            evidence,
        )
    return Fail(
        f"{rec.name} → {t.name}: no {t.kind} with that name in any account of the snapshot "
        f"({t.region} collected everywhere)",
        evidence,
    )


def alias_routes(aliases: tuple[str, ...], name: str) -> bool:
    """Does CloudFront route requests for ``name`` to a distribution with these alternate
    domain names? Exactly, or through a wildcard alias ``*.example.com``, which takes every
    name ending in ``.example.com`` however many labels deep (AWS: "marketing.product-name
    .example.com"), not ``example.com`` itself. A wildcard record ``*.b.example.com`` is a set
    of such names: covered by ``*.b.example.com`` or a wildcard alias above it."""
    host = normalize(name)
    for alias in aliases:
        a = normalize(alias)
        if a == host or (a.startswith("*.") and host.endswith(a[1:])):
            return True
    return False


def _served_names(t: Target, ctx: CheckContext) -> Collected[tuple[str, tuple[str, ...]] | None]:
    """(what, names it answers to) for a CloudFront target: a distribution's aliases or an
    edge-optimized API custom domain's name; None when neither is in the snapshot."""
    dist = ctx.model.cloudfront.distribution_by_domain(t.name)
    if isinstance(dist, Distribution):
        return f"distribution {dist.id}", dist.aliases
    domain = ctx.model.apigateway.domain_name_by_target(t.name)
    if isinstance(domain, DomainName):
        return f"API Gateway custom domain {domain.name}", (domain.name,)
    return NOT_COLLECTED if dist is NOT_COLLECTED or domain is NOT_COLLECTED else None


@check(
    "dns.alias_not_on_distribution",
    title="Record points at a distribution that does not list its name",
    severity="high",
    category="security",
    applies_to="record_set",
    remediation=(
        "Add the record name to the distribution's alternate domain names (Aliases, with a "
        "certificate covering it), or point the record at the distribution that serves it."
    ),
)
def alias_not_on_distribution(rec: RecordSet, ctx: CheckContext) -> Fail | Unknown | None:
    """An alias or CNAME record to a ``*.cloudfront.net`` name whose distribution is in the
    snapshot but does not list the record name among its Aliases — exactly, or through a
    wildcard alias ``*.example.com``, which CloudFront matches against every name ending in
    ``.example.com`` however deep (``a.example.com``, ``a.b.example.com``; not
    ``example.com``); a wildcard record is covered by the same wildcard alias or one above it.
    CloudFront routes by Host header, so requests for the name get a 403 error — or reach
    whichever distribution of any account lists the name (the alias can be claimed
    elsewhere). An edge-optimized API Gateway custom domain's distribution answers only to
    the custom domain name. Unknown when the target is in no collected distribution or custom
    domain and some account's were not collected; a target absent from a complete snapshot
    (another party's distribution) is not judged."""
    t = record_target(rec)
    if t is None or t.kind != "cloudfront":
        return None
    served = _served_names(t, ctx)
    if served is NOT_COLLECTED:
        return Unknown(
            f"{t.name}: distributions or API custom domains not collected", {"target": t.name}
        )
    if served is None:
        return None
    what, names = served
    if alias_routes(names, rec.name):
        return None
    return Fail(
        f"{rec.name} → {t.name}, but {what} does not list {rec.name} in its aliases",
        {"target": t.name, "served_by": what, "aliases": sorted(names)},
    )


@check(
    "dns.cname_instead_of_alias",
    title="CNAME to CloudFront or ELB where an alias record would do",
    severity="low",
    category="cost",
    applies_to="record_set",
    remediation=(
        "Replace the CNAME with alias A (and AAAA) records to the same target: alias queries "
        "to AWS resources are free, answer in one step and work at the zone apex."
    ),
    references=("TA",),
)
def cname_instead_of_alias(rec: RecordSet, ctx: CheckContext) -> Fail | None:
    """A CNAME record (not an alias) whose value is a ``*.cloudfront.net`` name or an ELB DNS
    name (ALB, NLB or Classic, ``dualstack.`` included): an alias A/AAAA record to the same
    target is free to query, resolves without a second lookup and, unlike a CNAME, also works
    at the zone apex. Not reported for CloudFront targets in private hosted zones, where
    Route 53 does not support aliases to distributions."""
    if rec.type != "CNAME" or rec.alias_target is not None:
        return None
    t = record_target(rec)
    if t is None or t.kind not in ("cloudfront", "elb"):
        return None
    zone = ctx.model.route53.hosted_zone(rec.hosted_zone_id)
    if t.kind == "cloudfront" and isinstance(zone, HostedZone) and zone.private_zone:
        return None
    return Fail(
        f"CNAME {rec.name} → {t.name}: an alias record would do",
        {"target": t.name, "kind": t.kind},
    )


@check(
    "dns.query_logging_disabled",
    title="Public hosted zone without query logging",
    severity="low",
    category="logging",
    applies_to="hosted_zone",
    remediation=(
        "Create a query logging configuration for the zone (CloudWatch Logs log group in "
        "us-east-1 with a resource policy for route53.amazonaws.com)."
    ),
    references=("SH Route53.2", "P"),
)
def query_logging_disabled(zone: HostedZone, ctx: CheckContext) -> Fail | Unknown | None:
    """A public hosted zone with no query logging configuration: DNS queries for the domain
    (what is resolved, from where — useful for incident response and spotting takeover or
    exfiltration attempts) leave no record. Private zones are out of scope (Route 53 Resolver
    query logging covers them). Unknown when the account's query logging configurations were
    not collected."""
    if zone.private_zone:
        return None
    configs = zone.query_logging_configs
    if configs is NOT_COLLECTED:
        return Unknown("query logging configurations of the zone were not collected", {})
    if configs:
        return None
    return Fail(f"public hosted zone {zone.name} has no query logging", {"zone": zone.name})
