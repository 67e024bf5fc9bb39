"""WAFv2 collector: web ACLs (with logging and associations), IP sets, regex sets, rule groups.

Runs once for the CLOUDFRONT scope (``region: "global"``, API in the partition's global region)
and once per region for the REGIONAL scope. Payload ``data`` (absent key = not collected):

* ``scope``: ``"CLOUDFRONT"`` or ``"REGIONAL"``
* ``web_acls``: ``[{"WebACL": GetWebACL.WebACL, "LoggingConfiguration":
  GetLoggingConfiguration.LoggingConfiguration or null, "ResourceArns": [arn]}]``.
  ``LoggingConfiguration`` is ``null`` when the ACL has none; ``ResourceArns`` (REGIONAL only)
  lists the associated ALBs and API Gateway stages. When GetWebACL is denied the item carries
  ``{"WebACLSummary": ListWebACLs item}`` instead of ``WebACL``.
* ``ip_sets``: GetIPSet.IPSet items
* ``regex_pattern_sets``: GetRegexPatternSet.RegexPatternSet items
* ``rule_groups``: GetRuleGroup.RuleGroup items (the account's own rule groups)

A set key is dropped entirely when any of its Get calls is denied, so a present list is always
complete. Associations come from ListResourcesForWebACL; where the endpoint does not implement
that operation (moto 5.2.5) they are derived from GetWebACLForResource per ALB and per API
Gateway REST stage, which yields the same data with more calls.
"""

from __future__ import annotations

from typing import Any

from botocore.exceptions import ClientError

from edgekit.collect.base import CollectorSpec, Outcome, UnitContext

ACTIONS = (
    "wafv2:ListWebACLs",
    "wafv2:GetWebACL",
    "wafv2:GetLoggingConfiguration",
    "wafv2:ListIPSets",
    "wafv2:GetIPSet",
    "wafv2:ListRegexPatternSets",
    "wafv2:GetRegexPatternSet",
    "wafv2:ListRuleGroups",
    "wafv2:GetRuleGroup",
    "wafv2:ListResourcesForWebACL",
    # Fallback when ListResourcesForWebACL is unavailable (see module docstring):
    "wafv2:GetWebACLForResource",
    "elasticloadbalancing:DescribeLoadBalancers",
    "apigateway:GET",
)

NOT_FOUND = ("WAFNonexistentItemException",)
"""The item vanished between listing and reading it (or, for logging, there is none)."""

FALLBACK_RESOURCE_TYPES = ("APPLICATION_LOAD_BALANCER", "API_GATEWAY")
"""Resource types the GetWebACLForResource fallback can look up (ALBs and REST API stages)."""


def resource_types(client: Any) -> tuple[str, ...]:
    """Every regional resource type WAFv2 associates, read from botocore's model (ALB, API
    Gateway, AppSync, Cognito user pool, App Runner, Verified Access, Amplify ...), so an ACL
    attached only to a newer kind of resource is never read as "associated with nothing"."""
    shape = client.meta.service_model.shape_for("ResourceType")
    return tuple(shape.enum)


PAGE_LIMIT = 100
"""WAFv2's maximum ``Limit`` for list operations (fewest pages)."""

_SETS: tuple[tuple[str, str, str, str, str], ...] = (
    # (data key, list operation, list member, get operation, get member)
    ("ip_sets", "list_ip_sets", "IPSets", "get_ip_set", "IPSet"),
    (
        "regex_pattern_sets",
        "list_regex_pattern_sets",
        "RegexPatternSets",
        "get_regex_pattern_set",
        "RegexPatternSet",
    ),
    ("rule_groups", "list_rule_groups", "RuleGroups", "get_rule_group", "RuleGroup"),
)


class OperationUnavailableError(Exception):
    """The endpoint does not implement an operation (moto 5.2.5: ListResourcesForWebACL)."""


def collect(ctx: UnitContext) -> dict[str, Any]:
    """Collect the WAFv2 resources of one scope: CLOUDFRONT for the global unit, else REGIONAL."""
    scope = "CLOUDFRONT" if ctx.is_global else "REGIONAL"
    waf = ctx.client("wafv2")
    data: dict[str, Any] = {"scope": scope}
    summaries = list_all(ctx, waf, "list_web_acls", "WebACLs", scope)
    if summaries is not None:
        acls = [(s["ARN"], e) for s in summaries if (e := _web_acl(ctx, waf, scope, s)) is not None]
        if scope == "REGIONAL" and acls:
            resources = _associations(ctx, waf, [arn for arn, _ in acls])
            for arn, entry in acls:
                if arn in resources:
                    entry["ResourceArns"] = resources[arn]
        data["web_acls"] = [entry for _, entry in acls]
    for key, list_op, list_member, get_op, get_member in _SETS:
        listed = list_all(ctx, waf, list_op, list_member, scope)
        if listed is None:
            continue
        items = _get_each(ctx, waf, scope, listed, get_op, get_member)
        if items is not None:
            data[key] = items
    return data


def list_all(
    ctx: UnitContext, waf: Any, operation: str, member: str, scope: str
) -> list[dict[str, Any]] | None:
    """Every summary of a NextMarker-paginated WAFv2 list; None when denied."""
    pages = ctx.pages(
        waf,
        operation,
        input_token="NextMarker",
        output_token="NextMarker",
        Scope=scope,
        Limit=PAGE_LIMIT,
    )
    if isinstance(pages, Outcome):
        return None
    return [item for page in pages for item in page.get(member) or []]


def _web_acl(
    ctx: UnitContext, waf: Any, scope: str, summary: dict[str, Any]
) -> dict[str, Any] | None:
    got = ctx.call(
        waf, "get_web_acl", not_found=NOT_FOUND, Name=summary["Name"], Scope=scope, Id=summary["Id"]
    )
    if got is Outcome.NOT_FOUND:
        return None
    entry: dict[str, Any] = {}
    if isinstance(got, Outcome):
        entry["WebACLSummary"] = summary
    else:
        entry["WebACL"] = got["WebACL"]
    log = ctx.call(
        waf, "get_logging_configuration", not_found=NOT_FOUND, ResourceArn=summary["ARN"]
    )
    if log is Outcome.NOT_FOUND:
        entry["LoggingConfiguration"] = None
    elif not isinstance(log, Outcome):
        entry["LoggingConfiguration"] = log.get("LoggingConfiguration")
    return entry


def _get_each(
    ctx: UnitContext,
    waf: Any,
    scope: str,
    summaries: list[dict[str, Any]],
    operation: str,
    member: str,
) -> list[Any] | None:
    """Get every listed item; None (key dropped) as soon as one read is denied."""
    items: list[Any] = []
    for s in summaries:
        got = ctx.call(waf, operation, not_found=NOT_FOUND, Name=s["Name"], Scope=scope, Id=s["Id"])
        if got is Outcome.DENIED:
            return None
        if not isinstance(got, Outcome):
            items.append(got[member])
    return items


def _associations(ctx: UnitContext, waf: Any, acl_arns: list[str]) -> dict[str, list[str]]:
    """ACL ARN → associated resource ARNs; ACLs whose associations are unknown are left out."""
    try:
        return _listed_resources(ctx, waf, acl_arns)
    except OperationUnavailableError:
        return _looked_up_resources(ctx, waf, acl_arns)


def _listed_resources(ctx: UnitContext, waf: Any, acl_arns: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for arn in acl_arns:
        found: list[str] = []
        for rtype in resource_types(waf):
            got = _call_or_unavailable(
                ctx,
                waf,
                "list_resources_for_web_acl",
                not_found=(*NOT_FOUND, "WAFInvalidParameterException"),
                WebACLArn=arn,
                ResourceType=rtype,
            )
            if got is Outcome.NOT_FOUND and rtype not in FALLBACK_RESOURCE_TYPES:
                continue  # a type this region does not offer: nothing of it can be attached
            if isinstance(got, Outcome):
                break
            found.extend(got.get("ResourceArns") or [])
        else:
            out[arn] = found
    return out


def _call_or_unavailable(
    ctx: UnitContext,
    client: Any,
    operation: str,
    *,
    not_found: tuple[str, ...] = NOT_FOUND,
    **kwargs: Any,
) -> dict[str, Any] | Outcome:
    """:meth:`UnitContext.call`; raises :class:`OperationUnavailableError` if unimplemented."""
    try:
        return ctx.call(client, operation, not_found=not_found, **kwargs)
    except NotImplementedError as err:  # in-process moto raises this through botocore
        raise OperationUnavailableError(str(err)) from err
    except ClientError as err:
        if is_unimplemented(err):
            raise OperationUnavailableError(str(err)) from err
        raise


def is_unimplemented(err: ClientError) -> bool:
    """True for moto server's answer to an unimplemented action.

    It is a bare HTTP 404/500/501 whose body is not an AWS error document, so botocore can only
    report the status number as the error code. Real AWS errors always carry a named code.
    """
    status = err.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
    code = err.response.get("Error", {}).get("Code")
    return status in (404, 500, 501) and code == str(status)


def _looked_up_resources(ctx: UnitContext, waf: Any, acl_arns: list[str]) -> dict[str, list[str]]:
    """Associations via GetWebACLForResource per ALB and REST API stage ({} when denied)."""
    albs = _application_load_balancers(ctx)
    stages = _rest_api_stages(ctx) if albs is not None else None
    if albs is None or stages is None:
        return {}
    out: dict[str, list[str]] = {arn: [] for arn in acl_arns}
    for resource in albs + stages:
        got = ctx.call(waf, "get_web_acl_for_resource", not_found=NOT_FOUND, ResourceArn=resource)
        if got is Outcome.DENIED:
            return {}
        acl = None if isinstance(got, Outcome) else got.get("WebACL")
        if acl and acl.get("ARN") in out:
            out[acl["ARN"]].append(resource)
    return out


def _application_load_balancers(ctx: UnitContext) -> list[str] | None:
    lbs = ctx.paginate(
        ctx.client("elbv2"),
        "describe_load_balancers",
        "LoadBalancers",
        PaginationConfig={"PageSize": 400},
    )
    if isinstance(lbs, Outcome):
        return None
    return [lb["LoadBalancerArn"] for lb in lbs if lb.get("Type") == "application"]


def _rest_api_stages(ctx: UnitContext) -> list[str] | None:
    apigw = ctx.client("apigateway")
    apis = ctx.paginate(apigw, "get_rest_apis", "items", PaginationConfig={"PageSize": 500})
    if isinstance(apis, Outcome):
        return None
    arns: list[str] = []
    for api in apis:
        got = ctx.call(apigw, "get_stages", not_found=("NotFoundException",), restApiId=api["id"])
        if got is Outcome.DENIED:
            return None
        for stage in [] if isinstance(got, Outcome) else got.get("item") or []:
            arns.append(
                f"arn:{ctx.partition}:apigateway:{ctx.region}::/restapis/{api['id']}"
                f"/stages/{stage['stageName']}"
            )
    return arns


SPEC = CollectorSpec(
    id="wafv2",
    service="wafv2",
    scope="global",
    also_regional=True,
    actions=ACTIONS,
    collect=collect,
    description="WAFv2 web ACLs (logging, associations), IP sets, regex sets, rule groups",
)
