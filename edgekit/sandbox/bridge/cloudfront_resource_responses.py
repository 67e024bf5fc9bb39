"""CloudFront OAI, VPC origin, real-time log config and function operations for the bridge.

Methods of :class:`ResourceResponses`, the base of
:class:`~edgekit.sandbox.bridge.cloudfront_responses.BridgedCloudFrontResponse`; the storage is
in :mod:`~edgekit.sandbox.bridge.cloudfront_resources` and
:mod:`~edgekit.sandbox.bridge.cloudfront_realtime`.
"""

from __future__ import annotations

from typing import Any

from moto.cloudfront.exceptions import CloudFrontException
from moto.cloudfront.responses import CloudFrontResponse
from moto.core.responses import ActionResult, EmptyResult

from edgekit.sandbox.bridge import cloudfront_realtime as realtime
from edgekit.sandbox.bridge import cloudfront_resources as resources
from edgekit.sandbox.bridge.state import page, state

API = "https://cloudfront.amazonaws.com/2020-05-31"


def list_body(
    items: list[Any], next_marker: str | None, max_items: int, **extra: Any
) -> dict[str, Any]:
    """A CloudFront list structure: MaxItems, Quantity, NextMarker and Items when present."""
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
    return list_body(
        items, next_marker, max_items, Marker=marker or "", IsTruncated=next_marker is not None
    )


class ResourceResponses(CloudFrontResponse):
    """moto's CloudFront responses plus OAIs, VPC origins, real-time logs and function stages."""

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
        return ActionResult({"FunctionList": list_body(chunk, next_marker, limit)})

    def delete_function(self) -> ActionResult:
        """DeleteFunction, refused while a distribution associates it (FunctionInUse)."""
        name = self._get_param("Name")
        if resources.function_in_use(self.backend, name):
            raise CloudFrontException("FunctionInUse", f"The function {name} is in use.")
        result: ActionResult = super().delete_function()
        state(self.backend).live_functions.pop(name, None)
        return result

    # ------------------------------------------------------------------ real-time log configs

    def create_realtime_log_config(self) -> ActionResult:
        """CreateRealtimeLogConfig (201)."""
        return ActionResult({"RealtimeLogConfig": realtime.create(self.backend, self._params())})

    def get_realtime_log_config(self) -> ActionResult:
        """GetRealtimeLogConfig by Name or ARN."""
        found = realtime.find(self.backend, self._get_param("Name"), self._get_param("ARN"))
        return ActionResult({"RealtimeLogConfig": found})

    def update_realtime_log_config(self) -> ActionResult:
        """UpdateRealtimeLogConfig by Name or ARN."""
        return ActionResult({"RealtimeLogConfig": realtime.update(self.backend, self._params())})

    def delete_realtime_log_config(self) -> ActionResult:
        """DeleteRealtimeLogConfig, refused while a cache behavior uses it."""
        realtime.delete(self.backend, self._get_param("Name"), self._get_param("ARN"))
        return EmptyResult()

    def list_realtime_log_configs(self) -> ActionResult:
        """ListRealtimeLogConfigs (this shape has Marker and IsTruncated but no Quantity)."""
        marker = self._get_param("Marker")
        chunk, next_marker, limit = page(
            realtime.listed(self.backend), marker, self._get_param("MaxItems"), key="Name"
        )
        body: dict[str, Any] = {
            "MaxItems": limit,
            "IsTruncated": next_marker is not None,
            "Marker": marker or "",
        }
        if chunk:
            body["Items"] = chunk
        if next_marker:
            body["NextMarker"] = next_marker
        return ActionResult({"RealtimeLogConfigs": body})

    def _params(self) -> dict[str, Any]:
        names = ("Name", "ARN", "SamplingRate", "EndPoints", "Fields")
        return {n: self._get_param(n) for n in names if self._get_param(n) is not None}
