"""CloudFront operations moto lacks, as methods of a ``CloudFrontResponse`` subclass.

moto resolves the operation of a REST request from botocore's service model, calls the
method named after it (``ListCachePolicies`` -> ``list_cache_policies``) and serialises the
returned dict with botocore's output shape. So each operation below is one method plus the
storage functions in :mod:`~edgekit.sandbox.bridge.cloudfront_policies` and
:mod:`~edgekit.sandbox.bridge.cloudfront_resources`; :data:`ROUTES` lists the URL patterns
that must reach this class (see :mod:`edgekit.sandbox.bridge.routes`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from moto.cloudfront.exceptions import CloudFrontException
from moto.cloudfront.responses import CloudFrontResponse
from moto.core.responses import ActionResult, EmptyResult

from edgekit.sandbox.bridge import cloudfront_policies as policies
from edgekit.sandbox.bridge import cloudfront_resources as resources
from edgekit.sandbox.bridge.state import drop_empty_items, page, state

API = "https://cloudfront.amazonaws.com/2020-05-31"

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
)
"""URL patterns (moto ``url_paths`` syntax) of the operations added here."""


def _list(
    items: list[Any], next_marker: str | None, max_items: int, **extra: Any
) -> dict[str, Any]:
    body: dict[str, Any] = {**extra, "MaxItems": max_items, "Quantity": len(items)}
    if next_marker:
        body["NextMarker"] = next_marker
    if items:
        body["Items"] = items
    return body


def _marker_list(
    items: list[Any], marker: str | None, next_marker: str | None, max_items: int
) -> dict[str, Any]:
    """The Marker / IsTruncated list form (OAIs, VPC origins)."""
    return _list(
        items, next_marker, max_items, Marker=marker or "", IsTruncated=next_marker is not None
    )


class BridgedCloudFrontResponse(CloudFrontResponse):
    """moto's CloudFront responses plus the operations the sandbox bridges."""

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
        return ActionResult({kind.list_member: _list(items, next_marker, limit)})

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

    # ------------------------------------------------------------------ origin access identities

    def create_cloud_front_origin_access_identity(self) -> ActionResult:
        """CreateCloudFrontOriginAccessIdentity (201, Location, ETag)."""
        oai, _ = resources.create_oai(
            self.backend, self._get_param("CloudFrontOriginAccessIdentityConfig") or {}
        )
        return ActionResult(
            {
                "CloudFrontOriginAccessIdentity": resources.oai_as_api(oai),
                "Location": f"{API}/origin-access-identity/cloudfront/{oai.id}",
                "ETag": oai.etag,
            }
        )

    def get_cloud_front_origin_access_identity(self) -> ActionResult:
        """GetCloudFrontOriginAccessIdentity."""
        oai = resources.get_oai(self.backend, self._get_param("Id"))
        return ActionResult(
            {"CloudFrontOriginAccessIdentity": resources.oai_as_api(oai), "ETag": oai.etag}
        )

    def get_cloud_front_origin_access_identity_config(self) -> ActionResult:
        """GetCloudFrontOriginAccessIdentityConfig."""
        oai = resources.get_oai(self.backend, self._get_param("Id"))
        return ActionResult(
            {"CloudFrontOriginAccessIdentityConfig": dict(oai.config), "ETag": oai.etag}
        )

    def list_cloud_front_origin_access_identities(self) -> ActionResult:
        """ListCloudFrontOriginAccessIdentities (Marker pagination)."""
        marker = self._get_param("Marker")
        chunk, next_marker, limit = page(
            list(state(self.backend).origin_access_identities.values()),
            marker,
            self._get_param("MaxItems"),
        )
        items = [resources.oai_summary(o) for o in chunk]
        return ActionResult(
            {"CloudFrontOriginAccessIdentityList": _marker_list(items, marker, next_marker, limit)}
        )

    def update_cloud_front_origin_access_identity(self) -> ActionResult:
        """UpdateCloudFrontOriginAccessIdentity (comment only)."""
        oai = resources.update_oai(
            self.backend,
            self._get_param("Id"),
            self._get_param("CloudFrontOriginAccessIdentityConfig") or {},
            self._get_param("IfMatch"),
        )
        return ActionResult(
            {"CloudFrontOriginAccessIdentity": resources.oai_as_api(oai), "ETag": oai.etag}
        )

    def delete_cloud_front_origin_access_identity(self) -> ActionResult:
        """DeleteCloudFrontOriginAccessIdentity (refused while an origin uses it)."""
        resources.delete_oai(self.backend, self._get_param("Id"), self._get_param("IfMatch"))
        return EmptyResult()

    # ------------------------------------------------------------------ VPC origins

    def create_vpc_origin(self) -> ActionResult:
        """CreateVpcOrigin (202, status Deploying)."""
        origin = resources.create_vpc_origin(
            self.backend,
            self._get_param("VpcOriginEndpointConfig") or {},
            self._get_param("Tags.Items", []) or [],
        )
        return ActionResult(
            {
                "VpcOrigin": resources.vpc_origin_as_api(self.backend, origin),
                "Location": f"{API}/vpc-origin/{origin.id}",
                "ETag": origin.etag,
            }
        )

    def get_vpc_origin(self) -> ActionResult:
        """GetVpcOrigin."""
        origin = resources.get_vpc_origin(self.backend, self._get_param("Id"))
        return ActionResult(
            {"VpcOrigin": resources.vpc_origin_as_api(self.backend, origin), "ETag": origin.etag}
        )

    def list_vpc_origins(self) -> ActionResult:
        """ListVpcOrigins: summaries carry OriginEndpointArn."""
        marker = self._get_param("Marker")
        chunk, next_marker, limit = page(
            list(state(self.backend).vpc_origins.values()),
            marker,
            self._get_param("MaxItems"),
        )
        items = [resources.vpc_origin_summary(self.backend, o) for o in chunk]
        return ActionResult({"VpcOriginList": _marker_list(items, marker, next_marker, limit)})

    def update_vpc_origin(self) -> ActionResult:
        """UpdateVpcOrigin (202)."""
        origin = resources.update_vpc_origin(
            self.backend,
            self._get_param("Id"),
            self._get_param("VpcOriginEndpointConfig") or {},
            self._get_param("IfMatch"),
        )
        body = resources.vpc_origin_as_api(self.backend, origin, status="Deploying")
        return ActionResult({"VpcOrigin": body, "ETag": origin.etag})

    def delete_vpc_origin(self) -> ActionResult:
        """DeleteVpcOrigin (202, status Deleting)."""
        origin = resources.delete_vpc_origin(
            self.backend, self._get_param("Id"), self._get_param("IfMatch")
        )
        body = resources.vpc_origin_as_api(self.backend, origin, status="Deleting")
        return ActionResult({"VpcOrigin": body, "ETag": origin.etag})

    # ------------------------------------------------------------------ functions

    def publish_function(self) -> ActionResult:
        """PublishFunction: the function's LIVE stage."""
        summary = resources.publish_function(
            self.backend, self._get_param("Name"), self._get_param("IfMatch")
        )
        return ActionResult({"FunctionSummary": summary})

    def describe_function(self) -> ActionResult:
        """DescribeFunction honouring ``Stage``."""
        name = self._get_param("Name")
        summary = resources.describe_function(self.backend, name, self._get_param("Stage"))
        return ActionResult({"FunctionSummary": summary, "ETag": self.backend.functions[name].etag})

    def list_functions(self) -> ActionResult:
        """ListFunctions: both stages unless ``Stage`` filters one."""
        summaries = resources.function_summaries(self.backend, self._get_param("Stage"))
        chunk, next_marker, limit = page(
            summaries, self._get_param("Marker"), self._get_param("MaxItems"), key="Name"
        )
        return ActionResult({"FunctionList": _list(chunk, next_marker, limit)})

    def delete_function(self) -> ActionResult:
        """DeleteFunction, refused while a distribution associates it (FunctionInUse)."""
        name = self._get_param("Name")
        if resources.function_in_use(self.backend, name):
            raise CloudFrontException("FunctionInUse", f"The function {name} is in use.")
        result: ActionResult = super().delete_function()
        state(self.backend).live_functions.pop(name, None)
        return result


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
