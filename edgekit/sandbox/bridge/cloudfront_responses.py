"""CloudFront operations moto lacks, as methods of a ``CloudFrontResponse`` subclass (policies).

moto resolves the operation of a REST request from botocore's service model, calls the
method named after it (``ListCachePolicies`` -> ``list_cache_policies``) and serialises the
returned dict with botocore's output shape. So each operation below is one method plus the
storage functions in :mod:`~edgekit.sandbox.bridge.cloudfront_policies`; the operations on other
resources come from
:class:`~edgekit.sandbox.bridge.cloudfront_resource_responses.ResourceResponses`.
:data:`ROUTES` lists the URL patterns that must reach this class (``install`` adds them to
moto's ``url_paths``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from moto.core.responses import ActionResult, EmptyResult

from edgekit.sandbox.bridge import cloudfront_policies as policies
from edgekit.sandbox.bridge.cloudfront_resource_responses import (
    API,
    ResourceResponses,
    list_body,
)
from edgekit.sandbox.bridge.cloudwatch_monitoring import MonitoringSubscriptionResponses
from edgekit.sandbox.bridge.state import drop_empty_items, page

ROUTES: tuple[str, ...] = (
    *(
        route
        for kind in policies.KINDS
        for route in (
            f"{{0}}/2020-05-31/{kind.path}$",
            f"{{0}}/2020-05-31/{kind.path}/(?P<Id>[^/]+)$",
            f"{{0}}/2020-05-31/{kind.path}/(?P<Id>[^/]+)/config$",
        )
    ),
    "{0}/2020-05-31/origin-access-identity/cloudfront$",
    "{0}/2020-05-31/origin-access-identity/cloudfront/(?P<Id>[^/]+)$",
    "{0}/2020-05-31/origin-access-identity/cloudfront/(?P<Id>[^/]+)/config$",
    "{0}/2020-05-31/vpc-origin$",
    "{0}/2020-05-31/vpc-origin/(?P<Id>[^/]+)$",
    "{0}/2020-05-31/function/(?P<Name>[^/]+)/publish$",
    "{0}/2020-05-31/realtime-log-config$",
    "{0}/2020-05-31/get-realtime-log-config$",
    "{0}/2020-05-31/delete-realtime-log-config$",
)
"""URL patterns (moto ``url_paths`` syntax) of the operations added here."""


class BridgedCloudFrontResponse(ResourceResponses, MonitoringSubscriptionResponses):
    """moto's CloudFront responses plus every operation the sandbox bridges."""

    # ------------------------------------------------------------------ policies

    def _policy_result(self, kind: policies.PolicyKind, policy: Any, **extra: Any) -> ActionResult:
        return ActionResult(
            {kind.name: policies.as_api(kind, policy), "ETag": policy.etag, **extra}
        )

    def _create_policy(self, kind: policies.PolicyKind) -> ActionResult:
        policy = policies.create_policy(self.backend, kind, self._get_param(kind.config_member))
        return self._policy_result(kind, policy, Location=f"{API}/{kind.path}/{policy.id}")

    def _get_policy(self, kind: policies.PolicyKind) -> ActionResult:
        return self._policy_result(
            kind, policies.get_policy(self.backend, kind, self._get_param("Id"))
        )

    def _get_policy_config(self, kind: policies.PolicyKind) -> ActionResult:
        policy = policies.get_policy(self.backend, kind, self._get_param("Id"))
        return ActionResult(
            {
                kind.config_member: drop_empty_items(policy.config, kind.config_member),
                "ETag": policy.etag,
            }
        )

    def _list_policies(self, kind: policies.PolicyKind) -> ActionResult:
        pairs = policies.list_policies(self.backend, kind, self._get_param("Type"))
        chunk, next_marker, limit = page(
            pairs, self._get_param("Marker"), self._get_param("MaxItems")
        )
        items = [{"Type": t, kind.name: policies.as_api(kind, p)} for t, p in chunk]
        return ActionResult({kind.list_member: list_body(items, next_marker, limit)})

    def _update_policy(self, kind: policies.PolicyKind) -> ActionResult:
        policy = policies.update_policy(
            self.backend,
            kind,
            self._get_param("Id"),
            self._get_param(kind.config_member),
            self._get_param("IfMatch"),
        )
        return self._policy_result(kind, policy)

    def _delete_policy(self, kind: policies.PolicyKind) -> ActionResult:
        policies.delete_policy(
            self.backend, kind, self._get_param("Id"), self._get_param("IfMatch")
        )
        return EmptyResult()


def _policy_methods(kind: policies.PolicyKind) -> dict[str, Callable[..., ActionResult]]:
    snake = "".join(f"_{c.lower()}" if c.isupper() else c for c in kind.name).lstrip("_")
    plural = snake[: -len("policy")] + "policies"

    def create(self: BridgedCloudFrontResponse) -> ActionResult:
        return self._create_policy(kind)

    def get(self: BridgedCloudFrontResponse) -> ActionResult:
        return self._get_policy(kind)

    def get_config(self: BridgedCloudFrontResponse) -> ActionResult:
        return self._get_policy_config(kind)

    def list_(self: BridgedCloudFrontResponse) -> ActionResult:
        return self._list_policies(kind)

    def update(self: BridgedCloudFrontResponse) -> ActionResult:
        return self._update_policy(kind)

    def delete(self: BridgedCloudFrontResponse) -> ActionResult:
        return self._delete_policy(kind)

    return {
        f"create_{snake}": create,
        f"get_{snake}": get,
        f"get_{snake}_config": get_config,
        f"list_{plural}": list_,
        f"update_{snake}": update,
        f"delete_{snake}": delete,
    }


for _kind in policies.KINDS:
    for _name, _method in _policy_methods(_kind).items():
        _method.__name__ = _name
        _method.__doc__ = f"{_name} for {_kind.words}s (managed ones included)."
        setattr(BridgedCloudFrontResponse, _name, _method)
