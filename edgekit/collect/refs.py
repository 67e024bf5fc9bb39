"""References between payloads: what context collectors look for in earlier collectors' data.

Context collectors (ec2, s3, lambda) only read the resources the edge actually uses. Their
``select_inputs`` functions read the payload records of earlier phases with these helpers:
S3 bucket and Lambda function-URL endpoints in CloudFront origins, ELB access-log buckets,
security groups of load balancers. Everything here is pure (no AWS calls).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Literal

from edgekit import endpoints

BucketUse = Literal["origin", "website", "log"]
"""How the edge uses a bucket: REST origin, website-endpoint origin, or log destination."""


def records(
    prior: Sequence[dict[str, Any]],
    collector: str,
    account_id: str | None = None,
    region: str | None = None,
) -> Iterator[dict[str, Any]]:
    """``data`` of the payload records of ``collector`` (optionally one account / region)."""
    for rec in prior:
        if rec.get("collector") != collector:
            continue
        if account_id is not None and rec.get("account_id") != account_id:
            continue
        if region is not None and rec.get("region") != region:
            continue
        yield rec.get("data") or {}


def distribution_configs(cloudfront_data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Each distribution's config (DistributionConfig, or the summary when that was denied)."""
    for entry in cloudfront_data.get("distributions") or []:
        dist = entry.get("Distribution")
        if dist is not None:
            yield dist.get("DistributionConfig") or {}
        elif entry.get("DistributionSummary") is not None:
            yield entry["DistributionSummary"]


def origin_domains(config: dict[str, Any]) -> Iterator[str]:
    """Origin domain names of a distribution config, lower-cased."""
    for origin in (config.get("Origins") or {}).get("Items") or []:
        if origin.get("DomainName"):
            yield str(origin["DomainName"]).lower().rstrip(".")


def behaviors(config: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The default and ordered cache behaviors of a distribution config."""
    if config.get("DefaultCacheBehavior"):
        yield config["DefaultCacheBehavior"]
    yield from (config.get("CacheBehaviors") or {}).get("Items") or []


def s3_bucket(domain: str) -> tuple[str, BucketUse] | None:
    """The general-purpose bucket an S3 endpoint host name addresses, and whether it is a
    website endpoint (:func:`edgekit.endpoints.s3_endpoint`; None for access points and the
    like, which the s3 collector cannot probe)."""
    found = endpoints.s3_endpoint(domain)
    if found is None or found.bucket is None:
        return None
    return found.bucket, "website" if found.website else "origin"


def attribute(attributes: Iterable[dict[str, Any]], key: str) -> str | None:
    """Value of an ELBv2 ``[{"Key", "Value"}]`` attribute, or None."""
    for attr in attributes:
        if attr.get("Key") == key:
            value = attr.get("Value")
            return None if value is None else str(value)
    return None


def buckets_used(prior: Sequence[dict[str, Any]]) -> dict[str, dict[str, set[str]]]:
    """Every bucket the edge uses → {account id that references it → uses}.

    Sources: CloudFront origins (REST and website endpoints) and standard-logging buckets;
    ALB/NLB ``access_logs.s3.bucket``; Classic ELB ``AccessLog.S3BucketName``; Route 53 records
    served by an S3 website (an alias to the regional website endpoint names the bucket after
    the record; a CNAME to a bucket's website endpoint names it in the value) — so a dangling
    website record can be told from a live one.
    """
    found: dict[str, dict[str, set[str]]] = {}

    def add(bucket: str, account: str, use: str) -> None:
        found.setdefault(bucket, {}).setdefault(account, set()).add(use)

    for rec in prior:
        account, data = str(rec.get("account_id")), rec.get("data") or {}
        if rec.get("collector") == "cloudfront":
            for config in distribution_configs(data):
                for domain in origin_domains(config):
                    hit = s3_bucket(domain)
                    if hit:
                        add(hit[0], account, hit[1])
                logging = config.get("Logging") or {}
                hit = s3_bucket(str(logging.get("Bucket") or ""))
                if logging.get("Enabled") and hit:
                    add(hit[0], account, "log")
        elif rec.get("collector") == "elbv2":
            for lb in data.get("load_balancers") or []:
                attrs = lb.get("Attributes") or []
                bucket = attribute(attrs, "access_logs.s3.bucket")
                if bucket and attribute(attrs, "access_logs.s3.enabled") == "true":
                    add(bucket, account, "log")
        elif rec.get("collector") == "route53":
            for bucket in website_record_buckets(data):
                add(bucket, account, "website")
        elif rec.get("collector") == "elb":
            for lb in data.get("load_balancers") or []:
                log = (lb.get("LoadBalancerAttributes") or {}).get("AccessLog") or {}
                if log.get("Enabled") and log.get("S3BucketName"):
                    add(str(log["S3BucketName"]), account, "log")
    return found


def website_record_buckets(route53_data: dict[str, Any]) -> set[str]:
    """Buckets that Route 53 records of a route53 payload send to an S3 website endpoint.

    S3 website endpoints pick the bucket from the request's Host header, i.e. the record name:
    an alias to the bare regional endpoint, and a CNAME to ``<bucket>.s3-website…``, are both
    served by the bucket named like the record (when the name can be a bucket name; never for
    a wildcard record). For a CNAME the bucket its value names is probed too.
    """
    found: set[str] = set()
    for zone in route53_data.get("hosted_zones") or []:
        for rrset in zone.get("ResourceRecordSets") or []:
            name = str(rrset.get("Name") or "").lower().rstrip(".").replace("\\052", "*")
            alias = str((rrset.get("AliasTarget") or {}).get("DNSName") or "")
            if endpoints.s3_website_endpoint_region(alias) and endpoints.is_bucket_name(name):
                found.add(name)
            if rrset.get("Type") == "CNAME":
                for value in rrset.get("ResourceRecords") or []:
                    hit = s3_bucket(str(value.get("Value") or ""))
                    if hit and hit[1] == "website":
                        found.add(hit[0])
                        if endpoints.is_bucket_name(name):
                            found.add(name)
    return found


def load_balancer_security_groups(
    prior: Sequence[dict[str, Any]], account_id: str, region: str
) -> list[str] | None:
    """Security group ids of the collected ALBs/NLBs and Classic ELBs of one account/region.

    None when neither load-balancer collector produced a load-balancer list there.
    """
    groups: set[str] = set()
    seen = False
    for data in records(prior, "elbv2", account_id, region):
        if "load_balancers" in data:
            seen = True
            for lb in data["load_balancers"]:
                groups.update((lb.get("LoadBalancer") or {}).get("SecurityGroups") or [])
    for data in records(prior, "elb", account_id, region):
        if "load_balancers" in data:
            seen = True
            for lb in data["load_balancers"]:
                desc = lb.get("LoadBalancerDescription") or {}
                groups.update(desc.get("SecurityGroups") or [])
    return sorted(groups) if seen else None
