"""Is an API Gateway API callable on its default ``execute-api`` endpoint, around CloudFront?

Shared by ``origin.apigw_direct_access`` (the API as a CloudFront origin) and
``apigw.stage_no_waf`` ("behind CloudFront" excuses a stage only when this says no).
"""

from __future__ import annotations

from edgekit.model import NOT_COLLECTED, Api, Collected, RestApi
from edgekit.rules.analysis.resource_policies import unconditional_public_allows


def direct_access_reason(api: RestApi | Api) -> Collected[str | None]:
    """Why the API's default ``execute-api`` endpoint admits direct calls (None: it does not;
    NOT_COLLECTED: the methods or routes needed to tell were not collected).

    REST APIs: not when the endpoint is disabled, the API is PRIVATE, a resource policy
    restricts (any Deny, or no unconditional Allow for ``*``), or every method but OPTIONS
    requires an API key. HTTP/WebSocket APIs have no resource policy: not when the endpoint is
    disabled or every route requires an API key."""
    if api.disable_execute_api_endpoint:
        return None
    if isinstance(api, RestApi):
        if api.is_private:
            return None
        if api.policy is not None and (
            any(not st.allows for st in api.policy.statements)
            or not unconditional_public_allows(api.policy)
        ):
            return None
        methods = api.methods
        if methods is NOT_COLLECTED:
            return NOT_COLLECTED
        open_methods = [m for m in methods if m.http_method != "OPTIONS" and not m.api_key_required]
        if not open_methods:
            return None
        policy = "a resource policy allowing anyone" if api.policy else "no resource policy"
        return f"{policy}, {len(open_methods)} method(s) without an API key"
    routes = api.routes
    if routes is NOT_COLLECTED:
        return NOT_COLLECTED
    if all(r.api_key_required for r in routes):  # no route at all: nothing to call
        return None
    return f"{api.protocol_type} API: no resource policy, routes without an API key"
