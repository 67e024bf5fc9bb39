"""apigw.* checks: public API stages without WAF or logging, custom domains allowing TLS 1.0."""

from __future__ import annotations

from typing import Any

from edgekit.model import NOT_COLLECTED
from edgekit.model.apigateway.domains import DomainName
from edgekit.model.apigateway.types import RestApi, RestApiStage
from edgekit.model.apigatewayv2.types import Api, ApiStage
from edgekit.rules.analysis.api_default_endpoint import direct_access_reason
from edgekit.rules.analysis.exposure import distributions_in_front
from edgekit.rules.context import CheckContext
from edgekit.rules.finding import Fail, ResourceRef, Unknown
from edgekit.rules.registry import check

STAGE_TYPE = "AWS::ApiGateway::Stage"
STAGE_V2_TYPE = "AWS::ApiGatewayV2::Stage"
EXECUTION_LOGGING = frozenset({"ERROR", "INFO"})
"""Execution logging levels that write logs (OFF writes none)."""
OUTDATED_POLICIES = frozenset({"TLS_1_0"})
"""Security policies accepting TLS 1.0/1.1. Every other name (TLS_1_2, the enhanced
``SecurityPolicy_TLS12_*`` / ``SecurityPolicy_TLS13_*``) requires TLS 1.2 or newer."""


def _stage_ref(stage: RestApiStage) -> ResourceRef:
    return ResourceRef(stage.arn, STAGE_TYPE, stage.account_id, stage.region)


def _stage_node(stage: RestApiStage, ctx: CheckContext) -> str:
    """The stage's graph node; the API's when the graph has no stage nodes (the API's DNS name
    is what an origin names, so a distribution in front of the API is in front of its stages)."""
    from edgekit.graph import nodes as gn

    node = gn.api_stage_id(stage.region, stage.rest_api_id, stage.name)
    return node if node in ctx.estate.graph else gn.api_id(stage.region, stage.rest_api_id)


def _has_waf(stage: RestApiStage, ctx: CheckContext) -> bool:
    if stage.web_acl_arn:
        return True
    found = ctx.model.waf.web_acl_for_resource(stage.arn)
    return found is not None and found is not NOT_COLLECTED


@check(
    "apigw.stage_no_waf",
    title="Public REST API stage without WAF",
    severity="medium",
    category="security",
    applies_to="rest_api",
    remediation=(
        "Associate a regional WAF web ACL with the stage, or serve the API only through a "
        "CloudFront distribution with a web ACL."
    ),
    references=("SH APIGateway.4", "P"),
)
def stage_no_waf(api: RestApi, ctx: CheckContext) -> list[Fail | Unknown] | Unknown | None:
    """Fails for each stage of a public REST API (endpoint type EDGE or REGIONAL, not PRIVATE)
    that has no WAF web ACL (the stage's webAclArn, WAFv2 or Classic, or a WAFv2 association)
    and is reachable other than through CloudFront: not behind CloudFront (no distribution of
    the snapshot has the API, the stage or a custom domain mapped to it as origin), or behind
    CloudFront while its default ``execute-api`` endpoint stays callable around it (enabled,
    no restricting resource policy, methods without an API key:
    :mod:`edgekit.rules.analysis.api_default_endpoint`,
    the same reasoning as ``lb.no_waf`` with origin lockdown). Edge-optimized APIs count as
    unprotected: API Gateway's own distribution runs no web ACL of yours. Unknown when the
    stages were not collected, when the distributions were not collected so "not behind
    CloudFront" cannot be shown, or when the methods needed to tell whether the default
    endpoint is callable were not collected."""
    if api.is_private:
        return None
    if api.stages is NOT_COLLECTED:
        return Unknown("the API's stages were not collected (GetStages)", {"api": api.id})
    out: list[Fail | Unknown] = []
    for stage in api.stages:
        if _has_waf(stage, ctx):
            continue
        verdict = _stage_reachable(api, stage, ctx)
        if verdict is not None:
            out.append(verdict)
    return out


def _stage_reachable(api: RestApi, stage: RestApiStage, ctx: CheckContext) -> Fail | Unknown | None:
    """A WAF-less stage: is it reachable other than through CloudFront?"""
    evidence: dict[str, Any] = {
        "api": api.id,
        "stage": stage.name,
        "endpoint_types": list(api.endpoint_types),
    }
    behind = distributions_in_front(_stage_node(stage, ctx), ctx)
    ref = _stage_ref(stage)
    if behind.value is None:
        return Unknown(
            "stage has no WAF; whether it is behind CloudFront is not known "
            "(distributions not collected)",
            evidence,
            ref,
        )
    if behind.value is False:
        return Fail("public stage has no WAF and is not behind CloudFront", evidence, ref)
    evidence["distributions"] = list(behind.resources)
    why = direct_access_reason(api)
    if why is None:
        return None
    if why is NOT_COLLECTED:
        return Unknown(
            "stage has no WAF; behind CloudFront, but whether its default execute-api endpoint "
            "is callable around it is not known (methods not collected)",
            evidence,
            ref,
        )
    evidence["default_endpoint"] = api.execute_api_domain
    return Fail(
        "public stage has no WAF; behind CloudFront, but its default execute-api endpoint "
        f"{api.execute_api_domain} is callable around it ({why})",
        evidence,
        ref,
    )


@check(
    "apigw.stage_logging_disabled",
    title="Public API stage without access or execution logging",
    severity="low",
    category="logging",
    applies_to="api",
    remediation=(
        "Turn on access logging (accessLogSettings / AccessLogSettings to a CloudWatch Logs "
        "group or Firehose) on the stage; for REST and WebSocket APIs, execution logging "
        "(loggingLevel ERROR or INFO) helps too."
    ),
    references=("SH APIGateway.1", "P"),
)
def stage_logging_disabled(api: RestApi | Api, ctx: CheckContext) -> list[Fail] | Unknown | None:
    """Fails for each stage of a public API — a REST API that is not PRIVATE, or any HTTP or
    WebSocket API (they have no private endpoint type) — with neither access logging (an
    access log destination) nor execution logging (REST: a method setting, ``*/*`` or a single
    method, with loggingLevel ERROR or INFO; WebSocket: the default route settings or a route's
    settings with LoggingLevel ERROR or INFO; HTTP APIs have access logging only). Without
    either there is no record of who called the API. Unknown when the stages were not
    collected."""
    if isinstance(api, RestApi) and api.is_private:
        return None
    if api.stages is NOT_COLLECTED:
        return Unknown("the API's stages were not collected", {"api": api.id})
    out: list[Fail] = []
    for stage in api.stages:
        if stage.access_log_destination_arn or _execution_logging(stage):
            continue
        ref = _stage_ref(stage) if isinstance(stage, RestApiStage) else _v2_stage_ref(api, stage)
        kind = "REST" if isinstance(api, RestApi) else api.protocol_type
        out.append(
            Fail(
                f"{kind} API stage {stage.name} logs nothing (no access log destination, "
                "execution logging off)",
                {"api": api.id, "stage": stage.name, "protocol": kind},
                ref,
            )
        )
    return out


def _v2_stage_ref(api: RestApi | Api, stage: ApiStage) -> ResourceRef:
    assert isinstance(api, Api), "an HTTP / WebSocket stage belongs to an HTTP / WebSocket API"
    return ResourceRef(api.stage_arn(stage.name), STAGE_V2_TYPE, api.account_id, api.region)


def _execution_logging(stage: RestApiStage | ApiStage) -> bool:
    if isinstance(stage, RestApiStage):
        levels = [s.logging_level for s in stage.method_settings.values()]
    else:
        levels = [stage.logging_level, *stage.route_logging_levels]
    return any(level in EXECUTION_LOGGING for level in levels)


@check(
    "apigw.domain_tls_outdated",
    title="API custom domain allows TLS 1.0",
    severity="medium",
    category="tls",
    applies_to="api_domain",
    remediation="Set the security policy to TLS_1_2 or an enhanced SecurityPolicy_TLS13_*.",
    references=("P",),
)
def domain_tls_outdated(domain: DomainName, ctx: CheckContext) -> Fail | Unknown | None:
    """Fails when an API Gateway custom domain name's securityPolicy is TLS_1_0 (it then
    accepts TLS 1.0 and 1.1), in its v1 record or any of its v2 endpoint configurations. Any
    other policy name (TLS_1_2, the enhanced SecurityPolicy_* policies, future names) passes.
    Unknown when no security policy was reported for the domain."""
    policies = {domain.security_policy} if domain.security_policy else set()
    if domain.v2 is not None:
        policies.update(c.security_policy for c in domain.v2.configurations if c.security_policy)
    if not policies:
        return Unknown("no security policy reported for the domain", {"domain": domain.name})
    outdated = sorted(policies & OUTDATED_POLICIES)
    if not outdated:
        return None
    return Fail(
        f"custom domain security policy {outdated[0]} accepts TLS 1.0/1.1",
        {"domain": domain.name, "security_policies": sorted(policies)},
    )
