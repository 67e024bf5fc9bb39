"""AWS partitions and the region each one serves its global APIs from."""

from __future__ import annotations

from functools import cache

from edgekit.errors import did_you_mean

GLOBAL_REGION: dict[str, str] = {
    "aws": "us-east-1",
    "aws-cn": "cn-northwest-1",
    "aws-us-gov": "us-gov-west-1",
}
"""Region that hosts CloudFront, CLOUDFRONT-scope WAF, Route 53 and ACM-for-CloudFront."""

GLOBAL = "global"
"""The ``region`` value recorded for payloads of global services."""


def partition_of_region(region: str) -> str:
    """Return the partition name a region belongs to (``aws`` when unrecognised)."""
    if region.startswith("cn-"):
        return "aws-cn"
    if region.startswith("us-gov-"):
        return "aws-us-gov"
    return "aws"


def global_api_region(partition: str) -> str:
    """Return the region to call global services in for ``partition``."""
    try:
        return GLOBAL_REGION[partition]
    except KeyError:
        raise ValueError(f"unknown AWS partition {partition!r}") from None


@cache
def known_regions() -> frozenset[str]:
    """Every region botocore's partition data lists (all partitions)."""
    import botocore.session

    data = botocore.session.get_session().get_data("endpoints")
    return frozenset(r for p in data.get("partitions", []) for r in p.get("regions", {}))


def unknown_region_message(region: str) -> str | None:
    """None for a region botocore knows; else a one-line message with the closest names."""
    regions = known_regions()
    if region in regions:
        return None
    hint = did_you_mean(region, sorted(regions))
    return f"--regions: {region!r} is not an AWS region{hint}"
