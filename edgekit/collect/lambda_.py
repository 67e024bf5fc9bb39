"""Lambda collector (regional): function URLs behind the edge, and Lambda@Edge metadata.

Runs after ``cloudfront`` and ``elbv2``, and only where those reference a function of the
unit's account and region (also in the partition's global region, where Lambda@Edge lives).

Payload ``data`` (absent key = not collected):

* ``function_urls``: ``[{"FunctionArn": arn, "FunctionUrlConfig": GetFunctionUrlConfig output
  (FunctionUrl, AuthType, InvokeMode, Cors ...) or null = the function has no URL}]`` for
  (a) every function an ALB ``lambda`` target group of the same account targets, and (b) the
  functions whose URL (``<url-id>.lambda-url.<region>.on.aws``) is a CloudFront origin of the
  same account. A denied read leaves ``FunctionUrlConfig`` out.
* ``unresolved_url_ids``: URL ids of CloudFront origins in this region that none of the
  account's functions serves (a URL of another account, or a deleted function). Absent when the
  search could not be completed (denied).
* ``edge_functions``: ``[{"FunctionArn": qualified arn, "Configuration":
  GetFunctionConfiguration output or null = the version no longer exists}]`` for every
  ``LambdaFunctionAssociations`` ARN of the account's distributions (us-east-1).

Finding a URL's function: a URL id cannot be mapped to its function without listing, and
ListFunctionUrlConfigs is per function too (and not served by moto 5.2.5). So the unit lists
the functions once (ListFunctions, 50 per page) and reads GetFunctionUrlConfig function by
function until every wanted URL id is found: ``ceil(N/50) + up to N`` calls for N functions,
only in account/regions that have a Lambda URL origin. URLs of aliases are not searched. ALB
targets and Lambda@Edge ARNs are read directly: 1 call each.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from edgekit import endpoints
from edgekit.collect import refs
from edgekit.collect.base import CollectorSpec, Outcome, UnitContext

ACTIONS = (
    "lambda:ListFunctions",
    "lambda:GetFunctionUrlConfig",
    "lambda:GetFunctionConfiguration",
)

NONE = ("ResourceNotFoundException",)


def _arn_place(arn: str) -> tuple[str, str]:
    """``(account, region)`` of a Lambda ARN (empty strings when it is not one)."""
    parts = arn.split(":")
    return (parts[4], parts[3]) if len(parts) >= 7 and parts[2] == "lambda" else ("", "")


def select_inputs(prior: Sequence[dict[str, Any]], account_id: str, region: str) -> Any:
    """URL ids, ALB target functions and Lambda@Edge ARNs of this account and region."""
    url_ids: set[str] = set()
    edge: set[str] = set()
    for data in refs.records(prior, "cloudfront", account_id):
        for config in refs.distribution_configs(data):
            for domain in refs.origin_domains(config):
                url = endpoints.lambda_url(domain)
                if url is not None and url.region == region:
                    url_ids.add(url.url_id)
            for behavior in refs.behaviors(config):
                assoc = (behavior.get("LambdaFunctionAssociations") or {}).get("Items") or []
                edge.update(
                    str(a["LambdaFunctionARN"]) for a in assoc if a.get("LambdaFunctionARN")
                )
    targets: set[str] = set()
    for data in refs.records(prior, "elbv2"):
        for tg in data.get("target_groups") or []:
            if (tg.get("TargetGroup") or {}).get("TargetType") != "lambda":
                continue
            for desc in tg.get("TargetHealthDescriptions") or []:
                targets.add(str((desc.get("Target") or {}).get("Id") or ""))
    here = (account_id, region)
    chosen = {
        "url_ids": sorted(url_ids),
        "targets": sorted(t for t in targets if _arn_place(t) == here),
        "edge_functions": sorted(a for a in edge if _arn_place(a) == here),
    }
    return chosen if any(chosen.values()) else None


def collect(ctx: UnitContext) -> dict[str, Any]:
    """Read the function URLs and Lambda@Edge versions named in ``ctx.inputs``."""
    lam = ctx.client("lambda")
    inputs: dict[str, list[str]] = ctx.inputs or {}
    data: dict[str, Any] = {}
    urls = {arn: _url_entry(ctx, lam, arn) for arn in inputs.get("targets", [])}
    if inputs.get("url_ids"):
        found, unresolved = _search_urls(ctx, lam, set(inputs["url_ids"]))
        urls.update(found)
        if unresolved is not None:
            data["unresolved_url_ids"] = unresolved
    if inputs.get("targets") or inputs.get("url_ids"):
        data["function_urls"] = [urls[arn] for arn in sorted(urls)]
    if inputs.get("edge_functions"):
        data["edge_functions"] = [_edge(ctx, lam, arn) for arn in inputs["edge_functions"]]
    return data


def _url_entry(ctx: UnitContext, lam: Any, arn: str) -> dict[str, Any]:
    """The URL config of a function ARN; an alias qualifier is passed as ``Qualifier``."""
    parts = arn.split(":")
    function, qualifier = (":".join(parts[:7]), parts[7]) if len(parts) > 7 else (arn, "")
    kwargs = {"Qualifier": qualifier} if qualifier and not qualifier.isdigit() else {}
    entry: dict[str, Any] = {"FunctionArn": arn}
    got = ctx.call(lam, "get_function_url_config", not_found=NONE, FunctionName=function, **kwargs)
    if got is Outcome.NOT_FOUND:
        entry["FunctionUrlConfig"] = None
    elif not isinstance(got, Outcome):
        entry["FunctionUrlConfig"] = got
    return entry


def _search_urls(
    ctx: UnitContext, lam: Any, wanted: set[str]
) -> tuple[dict[str, dict[str, Any]], list[str] | None]:
    """Find the functions serving ``wanted`` URL ids; unresolved ids (None: search incomplete)."""
    functions = ctx.paginate(lam, "list_functions", "Functions", PaginationConfig={"PageSize": 50})
    if isinstance(functions, Outcome):
        return {}, None
    found: dict[str, dict[str, Any]] = {}
    complete = True
    remaining = set(wanted)
    for fn in functions:
        if not remaining:
            break
        arn = str(fn["FunctionArn"])
        got = ctx.call(lam, "get_function_url_config", not_found=NONE, FunctionName=arn)
        if got is Outcome.DENIED:
            complete = False
        if isinstance(got, Outcome):
            continue
        url = endpoints.lambda_url(endpoints.url_host(str(got.get("FunctionUrl", ""))))
        if url is not None and url.url_id in remaining:
            remaining.discard(url.url_id)
            found[arn] = {"FunctionArn": arn, "FunctionUrlConfig": got}
    return found, (sorted(remaining) if complete else None)


def _edge(ctx: UnitContext, lam: Any, arn: str) -> dict[str, Any]:
    entry: dict[str, Any] = {"FunctionArn": arn}
    got = ctx.call(lam, "get_function_configuration", not_found=NONE, FunctionName=arn)
    if got is Outcome.NOT_FOUND:
        entry["Configuration"] = None
    elif not isinstance(got, Outcome):
        entry["Configuration"] = got
    return entry


SPEC = CollectorSpec(
    id="lambda",
    service="lambda",
    scope="regional",
    actions=ACTIONS,
    collect=collect,
    description="Lambda function URLs behind CloudFront/ALB; Lambda@Edge function versions",
    extra_global_region=True,
    depends_on=("cloudfront", "elbv2"),
    select_inputs=select_inputs,
)
