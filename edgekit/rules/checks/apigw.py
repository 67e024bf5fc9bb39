"""apigw.* checks: REST API stages without WAF, custom domains with a TLS 1.0 security policy."""

from __future__ import annotations

from edgekit.model import NOT_COLLECTED
from edgekit.model.apigateway import RestApi, RestApiStage
from edgekit.model.apigateway_domains import DomainName
from edgekit.rules.context import CheckContext
from edgekit.rules.exposure import distributions_in_front
from edgekit.rules.finding import Fail, ResourceRef, Unknown
from edgekit.rules.registry import check

STAGE_TYPE = "AWS::ApiGateway::Stage"
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
    found = ctx.model.web_acl_for_resource(stage.arn)
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
    and is not behind CloudFront (no distribution of the snapshot has the API, the stage or a
    custom domain mapped to it as origin). Edge-optimized APIs count as unprotected: API
    Gateway's own distribution runs no web ACL of yours. Unknown when the stages were not
    collected, or when the distributions were not collected so "not behind CloudFront" cannot
    be shown."""
    if api.is_private:
        return None
    if api.stages is NOT_COLLECTED:
        return Unknown("the API's stages were not collected (GetStages)", {"api": api.id})
    out: list[Fail | Unknown] = []
    for stage in api.stages:
        if _has_waf(stage, ctx):
            continue
        behind = distributions_in_front(_stage_node(stage, ctx), ctx)
        if behind.value is True:
            continue
        evidence = {"api": api.id, "stage": stage.name, "endpoint_types": list(api.endpoint_types)}
        if behind.value is None:
            out.append(
                Unknown(
                    "stage has no WAF; whether it is behind CloudFront is not known "
                    "(distributions not collected)",
                    evidence,
                    _stage_ref(stage),
                )
            )
        else:
            out.append(
                Fail(
                    "public stage has no WAF and is not behind CloudFront",
                    evidence,
                    _stage_ref(stage),
                )
            )
    return out


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
