"""WAFv2 ``ListResourcesForWebACL``, served from the associations moto already stores.

moto records ``AssociateWebACL`` calls in ``FakeWebACL.associated_resources`` but has no
``ListResourcesForWebACL``. AWS answers it per resource type (default
``APPLICATION_LOAD_BALANCER``); CloudFront distributions are never listed (AWS documents
``ListDistributionsByWebACLId`` for them), so a CLOUDFRONT-scope web ACL lists nothing.
"""

from __future__ import annotations

import json
import re
from typing import Any

from moto.core.common_types import TYPE_RESPONSE
from moto.wafv2.exceptions import WAFNonexistentItemException
from moto.wafv2.models import GLOBAL_REGION, wafv2_backends
from moto.wafv2.responses import WAFV2Response

RESOURCE_TYPE_PATTERNS: dict[str, re.Pattern[str]] = {
    "APPLICATION_LOAD_BALANCER": re.compile(
        r"^arn:[^:]+:elasticloadbalancing:.*:loadbalancer/app/"
    ),
    "API_GATEWAY": re.compile(r"^arn:[^:]+:apigateway:[^:]*::/restapis/[^/]+/stages/"),
    "APPSYNC": re.compile(r"^arn:[^:]+:appsync:.*:apis/"),
    "COGNITO_USER_POOL": re.compile(r"^arn:[^:]+:cognito-idp:.*:userpool/"),
    "APP_RUNNER_SERVICE": re.compile(r"^arn:[^:]+:apprunner:.*:service/"),
    "VERIFIED_ACCESS_INSTANCE": re.compile(r"^arn:[^:]+:ec2:.*:verified-access-instance/"),
    "AMPLIFY": re.compile(r"^arn:[^:]+:amplify:.*:apps/"),
    "AGENTCORE_GATEWAY": re.compile(r"^arn:[^:]+:bedrock-agentcore:.*:gateway/"),
}
"""Which associated resource ARNs each ``ResourceType`` selects."""


def resources_for_web_acl(account_id: str, web_acl_arn: str, resource_type: str) -> list[str]:
    """ARNs associated with the web ACL whose type is ``resource_type``."""
    parts = web_acl_arn.split(":")
    if len(parts) < 6 or parts[2] != "wafv2":
        raise WAFNonexistentItemException
    scope = parts[5].split("/", 1)[0]
    region = GLOBAL_REGION if scope == "global" else parts[3]
    web_acl = wafv2_backends[account_id][region].wacls.get(web_acl_arn)
    if web_acl is None:
        raise WAFNonexistentItemException
    if scope == "global":
        return []
    pattern = RESOURCE_TYPE_PATTERNS.get(resource_type)
    if pattern is None:
        return []
    return [arn for arn in web_acl.associated_resources if pattern.match(arn)]


class BridgedWAFV2Response(WAFV2Response):
    """moto's WAFv2 responses plus ``ListResourcesForWebACL``."""

    def list_resources_for_web_acl(self) -> TYPE_RESPONSE:
        """ListResourcesForWebACL (ResourceType defaults to APPLICATION_LOAD_BALANCER)."""
        body: dict[str, Any] = json.loads(self.body or "{}")
        arns = resources_for_web_acl(
            self.current_account,
            str(body.get("WebACLArn", "")),
            str(body.get("ResourceType") or "APPLICATION_LOAD_BALANCER"),
        )
        return (
            200,
            {"Content-Type": "application/x-amz-json-1.1"},
            json.dumps({"ResourceArns": arns}),
        )
