"""From deviation to fix: the change as a CDK and a Terraform snippet, where the planner's
snippet conventions can express it (issue 17).

Snippets follow the migration plans' rules: every value goes through the planner's literal
encoders (:mod:`edgekit.plan.literals`), what the snapshot cannot know is an input (a CDK
``const`` / a Terraform ``var.``), CDK changes are property overrides on the distribution's
``CfnDistribution`` (each in its own block), Terraform ones the attributes to set in the
distribution's resource. They are validated like the plans' (``tsc`` in tools/cdk-harness, the
AWS provider schema). Deviations of a path, an origin lock or a load balancer are design
changes, not a property: they get no snippet (``fix_for`` returns None).
"""

from __future__ import annotations

from typing import Final

from edgekit.conform.facts import LEGACY_CACHE, EntryFacts, Route
from edgekit.conform.items import Deviation
from edgekit.plan.inputs import DISTRIBUTION
from edgekit.plan.literals import hcl, hcl_comment, tf_name, ts
from edgekit.plan.model import Input, Step

WEB_ACL_ARN: Final = Input("web_acl_arn", "the ARN of the house web ACL (CLOUDFRONT scope)")
LOG_BUCKET: Final = Input(
    "log_bucket", "the standard-logging bucket's domain name (<bucket>.s3.amazonaws.com)"
)
CACHE_POLICY_ID: Final = Input("cache_policy_id", "the id of the house cache policy to use")
RESPONSE_HEADERS_POLICY_ID: Final = Input(
    "response_headers_policy_id", "the id of the house response headers policy"
)
ORIGIN_REQUEST_POLICY_ID: Final = Input(
    "origin_request_policy_id", "the id of the house origin request policy"
)

_DIST_SETTINGS: Final = {
    "cloudfront.viewer_tls_min": ("ViewerCertificate.MinimumProtocolVersion", "viewer_certificate",
                                  "minimum_protocol_version"),
    "cloudfront.http_versions": ("HttpVersion", None, "http_version"),
    "cloudfront.ipv6": ("IsIPV6Enabled", None, "is_ipv6_enabled"),
    "cloudfront.price_class": ("PriceClass", None, "price_class"),
}  # fmt: skip
"""Distribution settings set to the pattern's (first) value: CloudFormation path, Terraform
block (None: top level) and argument."""

_BEHAVIOR_POLICIES: Final = {
    "cloudfront.cache_policies": ("CachePolicyId", "cache_policy_id", CACHE_POLICY_ID),
    "cloudfront.response_headers_policy": (
        "ResponseHeadersPolicyId", "response_headers_policy_id", RESPONSE_HEADERS_POLICY_ID),
    "cloudfront.origin_request_policies": (
        "OriginRequestPolicyId", "origin_request_policy_id", ORIGIN_REQUEST_POLICY_ID),
}  # fmt: skip


def _value(d: Deviation) -> object:
    wanted = d.expected[0]
    return {"true": True, "false": False}.get(wanted, wanted)


def _cdk(lines: list[str]) -> str:
    body = "\n".join(f"  {line}" for line in lines)
    return (
        "{\n  const cfn = distribution.node.defaultChild as cloudfront.CfnDistribution;\n"
        f"{body}\n}}"
    )


def _set(path: str, code: str) -> str:
    """A CDK property override of ``DistributionConfig.<path>`` (``code`` already encoded)."""
    return f'cfn.addPropertyOverride("DistributionConfig.{path}", {code});'


def _tf(dist_id: str, lines: list[str]) -> str:
    body = "\n".join(f"  {line}" for line in lines)
    return f'resource "aws_cloudfront_distribution" "{tf_name(dist_id)}" {{\n{body}\n}}'


def _behavior(facts: EntryFacts, where: str) -> tuple[str, Route] | None:
    """The CloudFormation path of the behavior a deviation names, and its route."""
    ordered = [r for r in facts.routes if r.behavior not in ("default", "-")]
    if where == "default behavior":
        route = next((r for r in facts.routes if r.behavior == "default"), None)
        return ("DefaultCacheBehavior", route) if route else None
    pattern = where.removeprefix("behavior ")
    for i, r in enumerate(ordered):
        if r.behavior == pattern:
            return (f"CacheBehaviors.{i}", r)
    return None


def fix_for(d: Deviation, facts: EntryFacts) -> Step | None:
    """The change that removes deviation ``d`` of ``facts``' distribution, or None."""
    cf = facts.cloudfront
    if cf is None:
        return None
    title = f"{d.key}: {d.message}"
    if d.key in _DIST_SETTINGS:
        path, block, arg = _DIST_SETTINGS[d.key]
        value = _value(d)
        setting = f"{arg} = {hcl(value)}"
        tf = [f"{block} {{", f"  {setting}", "}"] if block else [setting]
        return Step(title, f"set {path} to {d.expected[0]}",
                    cdk=_cdk([_set(path, ts(value))]),
                    terraform=_tf(cf.id, tf), inputs=(DISTRIBUTION,))  # fmt: skip
    if d.key == "cloudfront.web_acl":
        return Step(title, "associate the house web ACL",
                    cdk=_cdk([_set("WebACLId", "webAclArn")]),
                    terraform=_tf(cf.id, ["web_acl_id = var.web_acl_arn"]),
                    inputs=(DISTRIBUTION, WEB_ACL_ARN))  # fmt: skip
    if d.key == "cloudfront.logging" and _value(d) is True:
        cdk = [
            'cfn.addPropertyOverride("DistributionConfig.Logging", {',
            f"  Bucket: logBucket, IncludeCookies: false, Prefix: {ts(cf.id + '/')},",
            "});",
        ]
        tf = [
            "logging_config {",
            "  bucket          = var.log_bucket",
            "  include_cookies = false",
            f"  prefix          = {hcl(cf.id + '/')}",
            "}",
        ]
        return Step(title, "turn standard logging on", cdk=_cdk(cdk), terraform=_tf(cf.id, tf),
                    inputs=(DISTRIBUTION, LOG_BUCKET))  # fmt: skip
    found = _behavior(facts, d.where)
    if found is None:
        return None
    path, route = found
    tf_head = (
        ["default_cache_behavior {"]
        if path == "DefaultCacheBehavior"
        else ["ordered_cache_behavior {", f"  path_pattern = {hcl(route.behavior)}"]
    )
    prefix = f"DistributionConfig.{path}"
    if d.key == "cloudfront.viewer_protocol":
        value = d.expected[0]
        tf = [*tf_head, f"  viewer_protocol_policy = {hcl(value)}", "}"]
        return Step(title, f"{d.where}: viewer protocol policy {value}",
                    cdk=_cdk([_set(f"{path}.ViewerProtocolPolicy", ts(value))]),
                    terraform=_tf(cf.id, tf), inputs=(DISTRIBUTION,))  # fmt: skip
    if d.key in _BEHAVIOR_POLICIES:
        prop, arg, given = _BEHAVIOR_POLICIES[d.key]
        if d.key == "cloudfront.origin_request_policies" and not d.expected:
            return Step(title, f"{d.where}: no origin request policy",
                        cdk=_cdk([f'cfn.addPropertyDeletionOverride("{prefix}.{prop}");']),
                        terraform=_tf(cf.id, [*tf_head, f"  {arg} = null", "}"]),
                        inputs=(DISTRIBUTION,))  # fmt: skip
        const = "".join(w.title() if i else w for i, w in enumerate(given.name.split("_")))
        cdk = [_set(f"{path}.{prop}", const)]
        tf = [*tf_head, f"  {arg} = var.{given.name}", "}"]
        if d.key == "cloudfront.cache_policies" and route.cache_policy == LEGACY_CACHE:
            cdk += [f'cfn.addPropertyDeletionOverride("{prefix}.{k}");'
                    for k in ("ForwardedValues", "MinTTL", "DefaultTTL", "MaxTTL")]  # fmt: skip
            tf.insert(-1, "  # and remove this behavior's forwarded_values block and TTLs")
        note = hcl_comment(f"{d.where}: the house policy")
        return Step(title, note, cdk=_cdk(cdk), terraform=_tf(cf.id, tf),
                    inputs=(DISTRIBUTION, given))  # fmt: skip
    if d.key == "cloudfront.lambda_at_edge":
        return Step(title, f"{d.where}: remove the Lambda@Edge associations",
                    cdk=_cdk([f'cfn.addPropertyDeletionOverride("{prefix}.LambdaFunctionAssociations");']),
                    inputs=(DISTRIBUTION,))  # fmt: skip
    return None
