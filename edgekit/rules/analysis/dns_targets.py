"""What AWS endpoint a Route 53 alias or CNAME record points at, from the target name alone.

Kinds (:func:`record_target`):

* ``cloudfront`` — ``dxxxx.cloudfront.net``: a distribution, or the CloudFront distribution
  API Gateway runs for an edge-optimized custom domain;
* ``elb`` — ``<name>-<id>.<region>.elb.amazonaws.com`` (ALB or Classic ELB; ``internal-``
  and ``dualstack.`` forms too) or ``<name>-<id>.elb.<region>.amazonaws.com`` (NLB, ``nlb``
  set);
* ``s3-website`` — ``<bucket>.s3-website[-.]<region>.amazonaws.com`` (CNAME) or the bare
  ``s3-website[-.]<region>.amazonaws.com`` (alias). S3 picks the website bucket from the
  request's Host header, so the bucket that serves (and that anyone could create if it is
  missing) is named like the **record**, whatever bucket a CNAME value names — when the
  record's name can be a bucket name at all (:func:`edgekit.endpoints.is_bucket_name`);
* ``execute-api`` — an API's default ``<apiId>.execute-api.<region>.amazonaws.com``;
* ``api-domain`` — a custom domain's regional ``d-<id>.execute-api.<region>.amazonaws.com``.
"""

from __future__ import annotations

from dataclasses import dataclass

from edgekit import endpoints
from edgekit.graph import resolve
from edgekit.model import RecordSet


@dataclass(frozen=True)
class Target:
    """A record's AWS endpoint target."""

    kind: str
    name: str
    """The target host, normalised (``dualstack.`` kept off for ELBs)."""
    region: str | None = None
    bucket: str | None = None
    """``s3-website``: the bucket serving the record's name (None for a wildcard record, or a
    name no bucket can have)."""
    nlb: bool = False
    """``elb``: the NLB name form (no Classic ELB can have it)."""


def target_name(record: RecordSet) -> str | None:
    """The alias target, or the CNAME value (normalised)."""
    names = record.target_names
    return names[0] if names else None


def record_target(record: RecordSet) -> Target | None:
    """The AWS endpoint an alias / CNAME record points at, or None for anything else."""
    host = target_name(record)
    if host is None:
        return None
    host = resolve.normalize(host)
    bucket = record.name if endpoints.is_bucket_name(record.name) else None
    bare = endpoints.s3_website_endpoint_region(host)
    if bare is not None:
        return Target("s3-website", host, bare, bucket)
    match = resolve.classify(host)
    if match is None:
        return None
    if match.rule == "s3-website":
        return Target("s3-website", host, match.region, bucket)
    elb = endpoints.elb_endpoint(host)
    if elb is not None:
        return Target("elb", elb.dns_name, elb.region, nlb=elb.nlb)
    if match.rule in ("execute-api", "api-domain", "cloudfront"):
        return Target(match.rule, host, match.region)
    return None
