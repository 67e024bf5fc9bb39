"""Route 53: Northwind's public zones, their records, query logging -- and two dangling records.

``northwind.example`` and ``northwind-legacy.example`` live in the shared edge account,
``nwpay.example`` in payments. Distributions get A/AAAA aliases (except ``media``: a CNAME to
its ``*.cloudfront.net`` name), origin host names alias their load balancers, and every
DNS-validated certificate has its validation CNAME -- except ``partners.northwind.example``'s.
``store.northwind.example`` aliases the shop distribution, which does not list it;
``campaign2019.northwind-legacy.example`` is a CNAME to the S3 website endpoint of its
namesake bucket, which was deleted. Finally the ``beta`` distribution and the ``nw-old-api``
ALB are deleted, leaving their records dangling.
"""

from __future__ import annotations

from typing import Any

from edgekit.sandbox.sample.accounts import (
    CAMPAIGN_BUCKET,
    LEGACY_ZONE,
    PAY_ZONE,
    US,
    ZONE,
    Account,
)
from edgekit.sandbox.sample.cdn import CLOUDFRONT_ZONE_ID
from edgekit.sandbox.sample.certs import zone_of
from edgekit.sandbox.sample.state import Estate

ORIGIN_RECORDS = {
    f"api-origin.{ZONE}": "nw-web-api",
    f"shop-origin.{ZONE}": "nw-shop",
    f"portal-origin.{ZONE}": "nw-portal",
    f"forms-origin.{ZONE}": "nw-forms",
    f"old.{ZONE}": "nw-legacy-redirect",
    f"old-api.{ZONE}": "nw-old-api",
    f"legacy-origin.{LEGACY_ZONE}": "nw-legacy-elb",
    f"admin-origin.{PAY_ZONE}": "nw-pay-admin",
    f"partners-api.{PAY_ZONE}": "nw-pay-partner-nlb",
}
"""Host name → the load balancer it aliases."""


def _alias(name: str, kind: str, target: str, zone_id: str) -> dict[str, Any]:
    return {
        "Action": "UPSERT",
        "ResourceRecordSet": {
            "Name": name,
            "Type": kind,
            "AliasTarget": {
                "HostedZoneId": zone_id,
                "DNSName": target,
                "EvaluateTargetHealth": False,
            },
        },
    }


def _cname(name: str, value: str) -> dict[str, Any]:
    return {
        "Action": "UPSERT",
        "ResourceRecordSet": {
            "Name": name,
            "Type": "CNAME",
            "TTL": 300,
            "ResourceRecords": [{"Value": value}],
        },
    }


def _changes(estate: Estate) -> dict[str, list[dict[str, Any]]]:
    """Every record of every zone."""
    changes: dict[str, list[dict[str, Any]]] = {ZONE: [], LEGACY_ZONE: [], PAY_ZONE: []}
    for distribution in estate.distributions.values():
        for alias in distribution.aliases:
            zone = zone_of(alias)
            if zone is None:
                continue
            if distribution.name == "media":
                changes[zone].append(_cname(alias, distribution.domain))
                continue
            for kind in ("A", "AAAA"):
                changes[zone].append(_alias(alias, kind, distribution.domain, CLOUDFRONT_ZONE_ID))
    shop = estate.distributions["shop"].domain
    changes[ZONE].append(_alias(f"store.{ZONE}", "A", shop, CLOUDFRONT_ZONE_ID))
    # The 2019 campaign ran on an S3 website named after its host; the bucket is gone.
    website = f"{CAMPAIGN_BUCKET}.s3-website-us-east-1.amazonaws.com"
    changes[LEGACY_ZONE].append(_cname(CAMPAIGN_BUCKET, website))
    for name, balancer_name in ORIGIN_RECORDS.items():
        balancer = estate.balancers[balancer_name]
        target = f"dualstack.{balancer.dns_name}"
        changes[str(zone_of(name))].append(_alias(name, "A", target, balancer.zone_id))
    for domain, (target, zone_id) in estate.api_domains.items():
        changes[str(zone_of(domain))].append(_alias(domain, "A", target, zone_id))
    for zone, records in estate.validation_records.items():
        changes[zone].extend(_cname(name, value) for name, value in sorted(records.items()))
    return changes


def _zone(estate: Estate, account: Account, name: str, *, query_logging: bool) -> str:
    route53 = account.client("route53", US)
    zone_id = str(
        route53.create_hosted_zone(
            Name=name,
            CallerReference=f"northwind-{name}",
            HostedZoneConfig={"Comment": f"Northwind {name}", "PrivateZone": False},
        )["HostedZone"]["Id"]
    ).split("/")[-1]
    if query_logging:
        group = f"/aws/route53/{name}"
        account.client("logs", US).create_log_group(logGroupName=group)
        route53.create_query_logging_config(
            HostedZoneId=zone_id,
            CloudWatchLogsLogGroupArn=account.arn("logs", US, f"log-group:{group}:*"),
        )
    estate.hosted_zones[name] = zone_id
    return zone_id


def build(estate: Estate) -> None:
    """Create the zones and their records; protect the main zone with Shield Advanced."""
    accounts = estate.accounts
    owners = {ZONE: accounts.edge, LEGACY_ZONE: accounts.edge, PAY_ZONE: accounts.payments}
    logged = {ZONE: True, LEGACY_ZONE: False, PAY_ZONE: True}
    for zone, records in _changes(estate).items():
        account = owners[zone]
        zone_id = _zone(estate, account, zone, query_logging=logged[zone])
        account.client("route53", US).change_resource_record_sets(
            HostedZoneId=zone_id, ChangeBatch={"Comment": "Northwind", "Changes": records}
        )
    accounts.edge.client("shield", US).create_protection(
        Name="nw-zone", ResourceArn=f"arn:aws:route53:::hostedzone/{estate.hosted_zones[ZONE]}"
    )


def dangle(estate: Estate) -> None:
    """Delete the beta distribution and the old API's ALB; their records stay behind."""
    beta = estate.distributions.pop("beta")
    cloudfront = estate.account(beta.account_id).client("cloudfront")
    current = cloudfront.get_distribution_config(Id=beta.id)
    config = {**current["DistributionConfig"], "Enabled": False}
    updated = cloudfront.update_distribution(
        Id=beta.id, IfMatch=current["ETag"], DistributionConfig=config
    )
    cloudfront.delete_distribution(Id=beta.id, IfMatch=updated["ETag"])
    old_api = estate.balancers.pop("nw-old-api")
    elbv2 = estate.account(old_api.account_id).client("elbv2", old_api.region)
    elbv2.delete_load_balancer(LoadBalancerArn=old_api.arn)
