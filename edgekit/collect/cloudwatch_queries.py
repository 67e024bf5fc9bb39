"""Which CloudWatch metrics the ``cloudwatch`` collector asks for, resource by resource (pure).

Built from the payload records of earlier phases (``select_inputs``). Each request names its
resource and the metric in AWS's own terms (namespace, metric name, dimensions, statistic),
with the dimension names and values AWS publishes under:

* ``AWS/CloudFront`` — ``DistributionId`` + ``Region=Global``, in the partition's global region.
  ``CacheHitRate`` / ``OriginLatency`` exist only with additional metrics enabled; the collector
  adds them after reading ``GetMonitoringSubscription`` (:func:`cloudfront_additional`).
* ``AWS/ApplicationELB`` / ``AWS/NetworkELB`` — ``LoadBalancer`` = ``app|net/<name>/<id>``
  (the ARN suffix; the type is read from ``Type``, never from the ARN). Gateway LBs: none.
* ``AWS/ELB`` — ``LoadBalancerName``.
* ``AWS/ApiGateway`` — REST stages ``ApiName`` + ``Stage`` (``4XXError``/``5XXError``); HTTP API
  stages ``ApiId`` + ``Stage`` (HTTP APIs publish ``4xx``/``5xx``). WebSocket APIs: none.
* ``AWS/Lambda`` function URLs — ``FunctionName`` (+ ``Resource`` = ``name:alias`` for an alias
  URL).
* ``AWS/GlobalAccelerator`` — ``Accelerator`` = the accelerator id (metrics live in us-west-2).
* ``AWS/WAFV2`` — dimension values are ``VisibilityConfig.MetricName``s, never resource names.
  Web ACL totals: ``WebACL`` + ``Rule=ALL``; a rule: ``WebACL`` + ``Rule`` (the metric its
  action produces; every action metric for a rule group reference without a Count override);
  Count-action rules inside the account's own rule groups publish only ``Rule`` + ``RuleGroup``.
  ``Region`` is added for REGIONAL scope only (AWS: required for every protected resource type
  except CloudFront distributions; CLOUDFRONT-scope metrics are in us-east-1). A web ACL or rule
  with ``CloudWatchMetricsEnabled: false`` publishes nothing: it is listed as disabled instead.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from edgekit.collect import refs

Request = dict[str, Any]
"""``{"resource", "resource_type", "created"?, "rule"?, "Namespace", "MetricName",
"Dimensions": [{"Name", "Value"}], "Stat"}``."""

WAF_ACTION_METRICS: dict[str, str] = {
    "Allow": "AllowedRequests",
    "Block": "BlockedRequests",
    "Count": "CountedRequests",
    "Captcha": "CaptchaRequests",
    "Challenge": "ChallengeRequests",
}
"""Rule action → the AWS/WAFV2 metric its matches are counted in."""

WAF_METRICS: tuple[str, ...] = tuple(WAF_ACTION_METRICS.values())

CLOUDFRONT = (
    ("Requests", "Sum"),
    ("BytesDownloaded", "Sum"),
    ("4xxErrorRate", "Average"),
    ("5xxErrorRate", "Average"),
    ("TotalErrorRate", "Average"),
)
CLOUDFRONT_ADDITIONAL = (("CacheHitRate", "Average"), ("OriginLatency", "p99"))
ALB = (
    ("RequestCount", "Sum"),
    ("ConsumedLCUs", "Average"),
    ("ProcessedBytes", "Sum"),
    ("HTTPCode_ELB_5XX_Count", "Sum"),
    ("HTTPCode_Target_5XX_Count", "Sum"),
    ("TargetResponseTime", "p50"),
    ("TargetResponseTime", "p99"),
    ("ActiveConnectionCount", "Sum"),
)
NLB = (
    ("NewFlowCount", "Sum"),
    ("ActiveFlowCount", "Average"),
    ("ProcessedBytes", "Sum"),
    ("ConsumedLCUs", "Average"),
)
CLB = (
    ("RequestCount", "Sum"),
    ("Latency", "Average"),
    ("HTTPCode_Backend_5XX", "Sum"),
    ("EstimatedProcessedBytes", "Sum"),
)
REST_STAGE = (("Count", "Sum"), ("4XXError", "Sum"), ("5XXError", "Sum"), ("Latency", "Average"))
HTTP_STAGE = (("Count", "Sum"), ("4xx", "Sum"), ("5xx", "Sum"), ("Latency", "Average"))
FUNCTION_URL = (
    ("UrlRequestCount", "Sum"),
    ("Url4xxCount", "Sum"),
    ("Url5xxCount", "Sum"),
    ("UrlRequestLatency", "Average"),
)
LB_TYPES: dict[str, tuple[str, str, tuple[tuple[str, str], ...]]] = {
    "application": ("alb", "AWS/ApplicationELB", ALB),
    "network": ("nlb", "AWS/NetworkELB", NLB),
}
"""ELBv2 ``Type`` → (resource type, namespace, metrics); gateway LBs publish no traffic here."""
ACCELERATOR = (("NewFlowCount", "Sum"), ("ProcessedBytesIn", "Sum"), ("ProcessedBytesOut", "Sum"))


def _dims(**dims: str) -> list[dict[str, str]]:
    return [{"Name": k, "Value": v} for k, v in dims.items()]


def _requests(
    resource: str,
    rtype: str,
    namespace: str,
    metrics: Sequence[tuple[str, str]],
    dims: list[dict[str, str]],
    created: Any = None,
    **extra: str,
) -> list[Request]:
    out: list[Request] = []
    for name, stat in metrics:
        req: Request = {"resource": resource, "resource_type": rtype, **extra}
        if created is not None:
            req["created"] = str(created)
        req.update(Namespace=namespace, MetricName=name, Dimensions=dims, Stat=stat)
        out.append(req)
    return out


def distributions(prior: Sequence[dict[str, Any]], account_id: str) -> list[dict[str, str]]:
    """``{"Id", "ARN"}`` of the account's collected distributions (full or summary)."""
    found: dict[str, dict[str, str]] = {}
    for data in refs.records(prior, "cloudfront", account_id):
        for entry in data.get("distributions") or []:
            dist = entry.get("Distribution") or entry.get("DistributionSummary") or {}
            if dist.get("Id"):
                found[str(dist["Id"])] = {"Id": str(dist["Id"]), "ARN": str(dist.get("ARN", ""))}
    return [found[k] for k in sorted(found)]


def cloudfront(dist: dict[str, str], additional: bool) -> list[Request]:
    """The standard metrics of a distribution, plus the additional ones when enabled."""
    metrics = CLOUDFRONT + (CLOUDFRONT_ADDITIONAL if additional else ())
    dims = _dims(DistributionId=dist["Id"], Region="Global")
    return _requests(dist["ARN"], "distribution", "AWS/CloudFront", metrics, dims)


def load_balancers(prior: Sequence[dict[str, Any]], account_id: str, region: str) -> list[Request]:
    """ALB, NLB and Classic ELB requests of one account/region."""
    out: list[Request] = []
    for data in refs.records(prior, "elbv2", account_id, region):
        for entry in data.get("load_balancers") or []:
            lb = entry.get("LoadBalancer") or {}
            arn = str(lb.get("LoadBalancerArn", ""))
            dim = arn.partition(":loadbalancer/")[2]
            kind = LB_TYPES.get(str(lb.get("Type")))
            if kind is None or not dim:
                continue
            dims = _dims(LoadBalancer=dim)
            out += _requests(arn, kind[0], kind[1], kind[2], dims, lb.get("CreatedTime"))
    for data in refs.records(prior, "elb", account_id, region):
        for entry in data.get("load_balancers") or []:
            desc = entry.get("LoadBalancerDescription") or {}
            name = str(desc.get("LoadBalancerName", ""))
            if name:
                arn = f"arn:{_partition(region)}:elasticloadbalancing:{region}:{account_id}:"
                arn += f"loadbalancer/{name}"
                dims = _dims(LoadBalancerName=name)
                out += _requests(arn, "clb", "AWS/ELB", CLB, dims, desc.get("CreatedTime"))
    return out


def _partition(region: str) -> str:
    if region.startswith("cn-"):
        return "aws-cn"
    return "aws-us-gov" if region.startswith("us-gov-") else "aws"


def api_stages(prior: Sequence[dict[str, Any]], account_id: str, region: str) -> list[Request]:
    """REST API stages and HTTP API stages of one account/region."""
    out: list[Request] = []
    base = f"arn:{_partition(region)}:apigateway:{region}::"
    for data in refs.records(prior, "apigateway", account_id, region):
        for entry in data.get("rest_apis") or []:
            api = entry.get("RestApi") or {}
            for stage in entry.get("Stages") or []:
                name = str(stage.get("stageName", ""))
                arn = f"{base}/restapis/{api.get('id')}/stages/{name}"
                dims = _dims(ApiName=str(api.get("name", "")), Stage=name)
                created = stage.get("createdDate")
                out += _requests(arn, "rest_stage", "AWS/ApiGateway", REST_STAGE, dims, created)
    for data in refs.records(prior, "apigatewayv2", account_id, region):
        for entry in data.get("apis") or []:
            api = entry.get("Api") or {}
            if api.get("ProtocolType") != "HTTP":
                continue
            for stage in entry.get("Stages") or []:
                name = str(stage.get("StageName", ""))
                arn = f"{base}/apis/{api.get('ApiId')}/stages/{name}"
                dims = _dims(ApiId=str(api.get("ApiId", "")), Stage=name)
                created = stage.get("CreatedDate")
                out += _requests(arn, "http_stage", "AWS/ApiGateway", HTTP_STAGE, dims, created)
    return out


def function_urls(prior: Sequence[dict[str, Any]], account_id: str, region: str) -> list[Request]:
    """Lambda function URLs (collected by the lambda collector) of one account/region."""
    out: list[Request] = []
    seen: set[str] = set()
    for data in refs.records(prior, "lambda", account_id, region):
        for entry in data.get("function_urls") or []:
            config = entry.get("FunctionUrlConfig")
            arn = str((config or {}).get("FunctionArn") or entry.get("FunctionArn") or "")
            if not config or arn in seen:
                continue
            seen.add(arn)
            parts = arn.split(":")
            if len(parts) < 7:
                continue
            name = parts[6]
            dims = _dims(FunctionName=name)
            if len(parts) > 7:
                dims += _dims(Resource=f"{name}:{parts[7]}")
            created = config.get("CreationTime")
            out += _requests(arn, "function_url", "AWS/Lambda", FUNCTION_URL, dims, created)
    return out


def accelerators(prior: Sequence[dict[str, Any]], account_id: str) -> list[Request]:
    """Standard accelerators of the account (their metrics are in us-west-2)."""
    out: list[Request] = []
    for data in refs.records(prior, "globalaccelerator", account_id):
        for entry in data.get("accelerators") or []:
            acc = entry.get("Accelerator") or {}
            arn = str(acc.get("AcceleratorArn", ""))
            if arn:
                dims = _dims(Accelerator=arn.rpartition("/")[2])
                created = acc.get("CreatedTime")
                out += _requests(
                    arn, "accelerator", "AWS/GlobalAccelerator", ACCELERATOR, dims, created
                )
    return out


def web_acls(
    prior: Sequence[dict[str, Any]], account_id: str, region: str
) -> tuple[list[Request], list[dict[str, str]]]:
    """WAFv2 requests of one account and scope (region ``global`` = CLOUDFRONT), and the web
    ACLs / rules whose metrics are disabled."""
    requests: list[Request] = []
    disabled: list[dict[str, str]] = []
    for data in refs.records(prior, "wafv2", account_id, region):
        regional = data.get("scope") == "REGIONAL"
        where = {"Region": region} if regional else {}
        groups = {str(g.get("ARN")): g for g in data.get("rule_groups") or []}
        counted: set[tuple[str, str]] = set()
        for entry in data.get("web_acls") or []:
            acl = entry.get("WebACL")
            if not acl:
                continue
            reqs, off = _web_acl(acl, where, groups, counted)
            requests += reqs
            disabled += off
    return requests, disabled


def _enabled(thing: dict[str, Any]) -> bool:
    return bool((thing.get("VisibilityConfig") or {}).get("CloudWatchMetricsEnabled"))


def _metric_name(thing: dict[str, Any]) -> str:
    return str((thing.get("VisibilityConfig") or {}).get("MetricName") or "")


def _off(arn: str, rtype: str, rule: str | None = None) -> dict[str, str]:
    entry = {"resource": arn, "resource_type": rtype, "reason": "CloudWatchMetricsEnabled false"}
    if rule is not None:
        entry["rule"] = rule
    return entry


def _web_acl(
    acl: dict[str, Any],
    where: dict[str, str],
    groups: dict[str, dict[str, Any]],
    counted: set[tuple[str, str]],
) -> tuple[list[Request], list[dict[str, str]]]:
    arn = str(acl.get("ARN", ""))
    if not _enabled(acl):
        return [], [_off(arn, "web_acl")]
    reqs: list[Request] = []
    off: list[dict[str, str]] = []
    acl_metric = _metric_name(acl)
    dims = _dims(WebACL=acl_metric, Rule="ALL", **where)
    reqs += _requests(arn, "web_acl", "AWS/WAFV2", [(m, "Sum") for m in WAF_METRICS], dims)
    for rule in acl.get("Rules") or []:
        name = str(rule.get("Name", ""))
        if not _enabled(rule):
            off.append(_off(arn, "web_acl_rule", name))
            continue
        metrics = [(m, "Sum") for m in rule_metrics(rule)]
        dims = _dims(WebACL=acl_metric, Rule=_metric_name(rule), **where)
        reqs += _requests(arn, "web_acl_rule", "AWS/WAFV2", metrics, dims, rule=name)
        ref = (rule.get("Statement") or {}).get("RuleGroupReferenceStatement") or {}
        group = groups.get(str(ref.get("ARN")))
        if group is not None:
            reqs += _group_count_rules(group, where, counted)
    return reqs, off


def rule_metrics(rule: dict[str, Any]) -> list[str]:
    """The AWS/WAFV2 metrics a web ACL rule can publish under its own ``Rule`` dimension."""
    action = rule.get("Action") or {}
    for key, metric in WAF_ACTION_METRICS.items():
        if key in action:
            return [metric]
    override = rule.get("OverrideAction") or {}
    if "Count" in override:
        return ["CountedRequests"]
    return list(WAF_METRICS)


def _group_count_rules(
    group: dict[str, Any], where: dict[str, str], counted: set[tuple[str, str]]
) -> Iterator[Request]:
    """Count-action rules of an own rule group: ``Rule`` + ``RuleGroup`` (+ ``Region``)."""
    arn = str(group.get("ARN", ""))
    for rule in group.get("Rules") or []:
        if "Count" not in (rule.get("Action") or {}) or not _enabled(rule):
            continue
        key = (arn, str(rule.get("Name", "")))
        if key in counted:
            continue
        counted.add(key)
        dims = _dims(Rule=_metric_name(rule), RuleGroup=_metric_name(group), **where)
        yield from _requests(
            arn, "rule_group_rule", "AWS/WAFV2", [("CountedRequests", "Sum")], dims, rule=key[1]
        )
