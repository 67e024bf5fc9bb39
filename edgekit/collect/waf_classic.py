"""WAF Classic collectors, inventory only: ``waf`` (global, CloudFront) and ``waf-regional``.

WAF Classic is past end of support; edgekit only needs to know which classic web ACLs exist and
what they protect (check ``waf.classic_in_use``). Global classic ACLs are attached by the
distributions themselves (``WebACLId`` in the CloudFront payload); regional ones are listed per
ACL with ListResourcesForWebACL for both resource types.

Payload ``data`` (absent key = not collected):

* ``web_acls``: ``[{"WebACL": GetWebACL.WebACL (DefaultAction, Rules with RuleId / Type /
  Action, MetricName), "ResourceArns": [arn]}]``, or ``{"WebACLSummary": ListWebACLs item}``
  instead of ``WebACL`` when GetWebACL was denied; ``ResourceArns`` (waf-regional only) is
  ListResourcesForWebACL for APPLICATION_LOAD_BALANCER and API_GATEWAY, concatenated

Calls: 1 ListWebACLs per 100 ACLs, 1 GetWebACL per ACL, and (waf-regional) 2 per ACL.
"""

from __future__ import annotations

from typing import Any

from edgekit.collect.base import CollectorSpec, Outcome, UnitContext

GONE = ("WAFNonexistentItemException",)

RESOURCE_TYPES = ("APPLICATION_LOAD_BALANCER", "API_GATEWAY")
"""waf-regional resource types a web ACL can be associated with."""


def collect(ctx: UnitContext) -> dict[str, Any]:
    """Collect the classic web ACLs of one account (global) or region (waf-regional)."""
    regional = not ctx.is_global
    waf = ctx.client("waf-regional" if regional else "waf")
    pages = ctx.pages(
        waf, "list_web_acls", input_token="NextMarker", output_token="NextMarker", Limit=100
    )
    if isinstance(pages, Outcome):
        return {}
    summaries = [acl for page in pages for acl in page.get("WebACLs") or []]
    acls = [e for s in summaries if (e := _web_acl(ctx, waf, s, regional)) is not None]
    return {"web_acls": acls}


def _web_acl(
    ctx: UnitContext, waf: Any, summary: dict[str, Any], regional: bool
) -> dict[str, Any] | None:
    acl_id = summary["WebACLId"]
    got = ctx.call(waf, "get_web_acl", not_found=GONE, WebACLId=acl_id)
    if got is Outcome.NOT_FOUND:
        return None
    entry: dict[str, Any] = {}
    if not isinstance(got, Outcome):
        entry["WebACL"] = got["WebACL"]
    else:
        entry["WebACLSummary"] = summary  # GetWebACL denied: the ACL still counts as in use
    if not regional:
        return entry
    arns: list[str] = []
    for resource_type in RESOURCE_TYPES:
        res = ctx.call(
            waf,
            "list_resources_for_web_acl",
            not_found=GONE,
            WebACLId=acl_id,
            ResourceType=resource_type,
        )
        if isinstance(res, Outcome):
            return entry  # denied (gap) or vanished: associations not collected
        arns.extend(res.get("ResourceArns") or [])
    entry["ResourceArns"] = arns
    return entry


SPEC = CollectorSpec(
    id="waf",
    service="waf",
    scope="global",
    actions=("waf:ListWebACLs", "waf:GetWebACL"),
    collect=collect,
    description="WAF Classic (global) web ACLs, inventory only",
)
"""The global (CloudFront) WAF Classic collector."""

REGIONAL_SPEC = CollectorSpec(
    id="waf-regional",
    service="waf-regional",
    scope="regional",
    actions=(
        "waf-regional:ListWebACLs",
        "waf-regional:GetWebACL",
        "waf-regional:ListResourcesForWebACL",
    ),
    collect=collect,
    description="WAF Classic (regional) web ACLs and their ALB / API Gateway associations",
)
"""The regional WAF Classic collector."""
