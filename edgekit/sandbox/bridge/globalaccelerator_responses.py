"""Global Accelerator responses (JSON protocol) and the service's moto URL routes.

This module is the service's ``urls`` module for moto (``url_bases`` / ``url_paths``), like
``moto/<service>/urls.py``. Every request is a POST to ``/`` with ``X-Amz-Target:
GlobalAccelerator_V20180706.<Operation>``; moto's ``BaseResponse`` calls the method named after
the operation.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from moto.core.responses import BaseResponse

from edgekit.sandbox.bridge.globalaccelerator import (
    SERVICE,
    URL_PATTERN,
    GlobalAcceleratorBackend,
    error,
    globalaccelerator_backends,
)


def dumps(value: Any) -> str:
    """JSON with timestamps as epoch seconds (how the JSON protocol sends them)."""

    def default(obj: Any) -> Any:
        if isinstance(obj, datetime):
            return obj.timestamp()
        raise TypeError(f"cannot serialise {type(obj).__name__}")

    return json.dumps(value, default=default)


def paged(items: list[Any], params: dict[str, Any]) -> tuple[list[Any], dict[str, str]]:
    """One page of ``items`` (MaxResults / NextToken = the index of the next item)."""
    limit = int(params.get("MaxResults") or 100)
    token = params.get("NextToken")
    start = 0
    if token:
        if not str(token).isdigit() or int(token) > len(items):
            raise error("InvalidNextTokenException", "The token is not valid")
        start = int(token)
    end = start + limit
    return items[start:end], ({"NextToken": str(end)} if end < len(items) else {})


class GlobalAcceleratorResponse(BaseResponse):
    """The Global Accelerator operations the sandbox serves."""

    def __init__(self) -> None:
        super().__init__(service_name=SERVICE)

    @property
    def backend(self) -> GlobalAcceleratorBackend:
        """The account's Global Accelerator state."""
        return globalaccelerator_backends[self.current_account][self.partition]

    @property
    def params(self) -> dict[str, Any]:
        """The JSON request body."""
        body: dict[str, Any] = json.loads(self.body or "{}")
        return body

    def create_accelerator(self) -> str:
        """CreateAccelerator."""
        return dumps({"Accelerator": self.backend.create_accelerator(self.params).describe()})

    def describe_accelerator(self) -> str:
        """DescribeAccelerator."""
        found = self.backend.accelerator(self.params["AcceleratorArn"])
        return dumps({"Accelerator": found.describe()})

    def list_accelerators(self) -> str:
        """ListAccelerators."""
        items = [a.describe() for a in self.backend.accelerators.values()]
        page, more = paged(items, self.params)
        return dumps({"Accelerators": page, **more})

    def update_accelerator(self) -> str:
        """UpdateAccelerator."""
        return dumps({"Accelerator": self.backend.update_accelerator(self.params).describe()})

    def delete_accelerator(self) -> str:
        """DeleteAccelerator."""
        self.backend.delete_accelerator(self.params["AcceleratorArn"])
        return "{}"

    def describe_accelerator_attributes(self) -> str:
        """DescribeAcceleratorAttributes: flow logs are never enabled in the sandbox."""
        self.backend.accelerator(self.params["AcceleratorArn"])
        return dumps({"AcceleratorAttributes": {"FlowLogsEnabled": False}})

    def create_listener(self) -> str:
        """CreateListener."""
        return dumps({"Listener": self.backend.create_listener(self.params).data})

    def describe_listener(self) -> str:
        """DescribeListener."""
        return dumps({"Listener": self.backend.listener(self.params["ListenerArn"]).data})

    def list_listeners(self) -> str:
        """ListListeners."""
        items = [li.data for li in self.backend.listeners_of(self.params["AcceleratorArn"])]
        page, more = paged(items, self.params)
        return dumps({"Listeners": page, **more})

    def delete_listener(self) -> str:
        """DeleteListener."""
        self.backend.delete_listener(self.params["ListenerArn"])
        return "{}"

    def create_endpoint_group(self) -> str:
        """CreateEndpointGroup."""
        return dumps({"EndpointGroup": self.backend.create_endpoint_group(self.params).data})

    def describe_endpoint_group(self) -> str:
        """DescribeEndpointGroup."""
        group = self.backend.endpoint_group(self.params["EndpointGroupArn"])
        return dumps({"EndpointGroup": group.data})

    def list_endpoint_groups(self) -> str:
        """ListEndpointGroups."""
        groups = self.backend.endpoint_groups_of(self.params["ListenerArn"])
        page, more = paged([g.data for g in groups], self.params)
        return dumps({"EndpointGroups": page, **more})

    def delete_endpoint_group(self) -> str:
        """DeleteEndpointGroup."""
        self.backend.delete_endpoint_group(self.params["EndpointGroupArn"])
        return "{}"

    def list_tags_for_resource(self) -> str:
        """ListTagsForResource (accelerators carry tags)."""
        found = self.backend.accelerator(self.params["ResourceArn"])
        return dumps({"Tags": [{"Key": k, "Value": v} for k, v in sorted(found.tags.items())]})

    def tag_resource(self) -> str:
        """TagResource."""
        found = self.backend.accelerator(self.params["ResourceArn"])
        found.tags.update({t["Key"]: t["Value"] for t in self.params.get("Tags") or []})
        return "{}"


url_bases = [URL_PATTERN]
url_paths = {"{0}/$": GlobalAcceleratorResponse.dispatch}
