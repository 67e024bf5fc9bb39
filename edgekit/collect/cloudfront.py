"""CloudFront collector (global): distributions, policies, OACs, OAIs, functions, logging.

Payload ``data`` (every item is the raw API shape named by its key; absent key = not collected):

* ``distributions``: ``[{"Distribution": GetDistribution.Distribution, "Tags": [Tag]}]``
  (origin custom-header values replaced by keyed digests, :mod:`edgekit.collect.secrets`)
* ``cache_policies`` / ``origin_request_policies`` / ``response_headers_policies``: the
  ``List*Policies`` summaries (``{"Type": "managed"|"custom", "<X>Policy": {...}}``), AWS-managed
  ones included
* ``origin_access_controls``: OriginAccessControlSummary items
* ``origin_access_identities``: CloudFrontOriginAccessIdentitySummary items
* ``vpc_origins``: VpcOriginSummary items
* ``functions``: FunctionSummary items (both stages)
* ``realtime_log_configs``: RealtimeLogConfig items
* ``log_delivery_sources`` / ``log_deliveries``: CloudWatch Logs v2 delivery sources and
  deliveries (standard logging v2), where readable
"""

from __future__ import annotations

from typing import Any

from edgekit.collect.base import CollectorSpec, Outcome, UnitContext

ACTIONS = (
    "cloudfront:ListDistributions",
    "cloudfront:GetDistribution",
    "cloudfront:ListTagsForResource",
    "cloudfront:ListCachePolicies",
    "cloudfront:ListOriginRequestPolicies",
    "cloudfront:ListResponseHeadersPolicies",
    "cloudfront:ListOriginAccessControls",
    "cloudfront:ListCloudFrontOriginAccessIdentities",
    "cloudfront:ListVpcOrigins",
    "cloudfront:ListFunctions",
    "cloudfront:ListRealtimeLogConfigs",
    "logs:DescribeDeliverySources",
    "logs:DescribeDeliveries",
)

_LISTS: tuple[tuple[str, str, str, str], ...] = (
    # (data key, operation, list member, item path inside the list)
    ("cache_policies", "list_cache_policies", "CachePolicyList", "Items"),
    ("origin_request_policies", "list_origin_request_policies", "OriginRequestPolicyList", "Items"),
    (
        "response_headers_policies",
        "list_response_headers_policies",
        "ResponseHeadersPolicyList",
        "Items",
    ),
    ("origin_access_controls", "list_origin_access_controls", "OriginAccessControlList", "Items"),
    (
        "origin_access_identities",
        "list_cloud_front_origin_access_identities",
        "CloudFrontOriginAccessIdentityList",
        "Items",
    ),
    ("vpc_origins", "list_vpc_origins", "VpcOriginList", "Items"),
    ("functions", "list_functions", "FunctionList", "Items"),
    ("realtime_log_configs", "list_realtime_log_configs", "RealtimeLogConfigs", "Items"),
)


def list_all(ctx: UnitContext, client: Any, operation: str, list_member: str) -> list[Any] | None:
    """All ``Items`` of a Marker/NextMarker-paginated CloudFront list; None when denied."""
    pages = ctx.pages(
        client,
        operation,
        input_token="Marker",
        output_token=f"{list_member}.NextMarker",
    )
    if isinstance(pages, Outcome):
        return None
    items: list[Any] = []
    for page in pages:
        items.extend((page.get(list_member) or {}).get("Items") or [])
    return items


def collect(ctx: UnitContext) -> dict[str, Any]:
    """Collect the CloudFront resources of one account."""
    cf = ctx.client("cloudfront")
    data: dict[str, Any] = {}
    summaries = list_all(ctx, cf, "list_distributions", "DistributionList")
    if summaries is not None:
        data["distributions"] = [_distribution(ctx, cf, s) for s in summaries]
    for key, operation, member, _ in _LISTS:
        items = list_all(ctx, cf, operation, member)
        if items is not None:
            data[key] = items
    data.update(_log_deliveries(ctx))
    return data


def _distribution(ctx: UnitContext, cf: Any, summary: dict[str, Any]) -> dict[str, Any]:
    entry: dict[str, Any] = {}
    got = ctx.call(cf, "get_distribution", Id=summary["Id"])
    if isinstance(got, Outcome):
        # Denied GetDistribution: keep the summary (most of the config) under its own key.
        entry["DistributionSummary"] = summary
    else:
        entry["Distribution"] = got["Distribution"]
    tags = ctx.call(cf, "list_tags_for_resource", Resource=summary["ARN"])
    if not isinstance(tags, Outcome):
        entry["Tags"] = (tags.get("Tags") or {}).get("Items") or []
    return entry


def _log_deliveries(ctx: UnitContext) -> dict[str, Any]:
    logs = ctx.client("logs")
    out: dict[str, Any] = {}
    for key, operation, member in (
        ("log_delivery_sources", "describe_delivery_sources", "deliverySources"),
        ("log_deliveries", "describe_deliveries", "deliveries"),
    ):
        pages = ctx.pages(logs, operation, input_token="nextToken", output_token="nextToken")
        if isinstance(pages, Outcome):
            continue
        items: list[Any] = []
        for page in pages:
            items.extend(page.get(member) or [])
        if key == "log_delivery_sources":
            items = [i for i in items if i.get("service") == "cloudfront"]
        else:
            names = {s.get("name") for s in out.get("log_delivery_sources") or []}
            items = [i for i in items if i.get("deliverySourceName") in names]
        out[key] = items
    return out


SPEC = CollectorSpec(
    id="cloudfront",
    service="cloudfront",
    scope="global",
    actions=ACTIONS,
    collect=collect,
    description="CloudFront distributions, policies, OAC/OAI, VPC origins, functions, logging",
)
