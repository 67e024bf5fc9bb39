"""Lambda: function URLs behind the edge (FunctionUrl), unresolved URL ids, Lambda@Edge versions.

The lambda collector reads only the functions the edge references (ALB ``lambda`` targets,
function-URL origins of the same account, Lambda@Edge associations), so a function missing
from a payload was not looked at: lookups answer NOT_COLLECTED, not "absent".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from edgekit import endpoints
from edgekit.model import enums
from edgekit.model.common import EMPTY_MAP, Collected, FrozenMap, freeze, readonly
from edgekit.model.reader import Fields, UnitKey, parse_items

KIND_KEYS: Mapping[str, str] = {
    "function_urls": "function_urls",
    "unresolved_function_urls": "unresolved_url_ids",
    "edge_functions": "edge_functions",
}
"""Inventory kind → payload key."""


@dataclass(frozen=True, slots=True)
class FunctionUrlConfig:
    """GetFunctionUrlConfig: a function's URL and who may call it."""

    function_url: str
    function_arn: str
    auth_type: str
    """``NONE`` (anyone) | ``AWS_IAM`` (signed requests, e.g. CloudFront OAC)."""
    invoke_mode: str | None = None
    """``BUFFERED`` | ``RESPONSE_STREAM``."""
    cors: FrozenMap[str, Any] | None = None
    creation_time: dt.datetime | None = None
    last_modified_time: dt.datetime | None = None

    @property
    def domain(self) -> str:
        """The URL's host (``<url-id>.lambda-url.<region>.on.aws``)."""
        return endpoints.url_host(self.function_url)

    @property
    def url_id(self) -> str | None:
        """The URL id (first label of the host; None when the host is not a function URL's)."""
        found = endpoints.lambda_url(self.domain)
        return None if found is None else found.url_id


@dataclass(frozen=True, slots=True)
class FunctionUrl:
    """A referenced function and its URL (``config`` None: no URL; NOT_COLLECTED: denied)."""

    account_id: str
    region: str
    function_arn: str
    config: Collected[FunctionUrlConfig | None]
    raw: Mapping[str, Any] = field(default=EMPTY_MAP, compare=False, repr=False)

    @property
    def arn(self) -> str:
        """The function ARN (as listed)."""
        return self.function_arn


@dataclass(frozen=True, slots=True)
class UnresolvedFunctionUrl:
    """A function-URL origin id that none of the account's functions in the region serves."""

    account_id: str
    region: str
    id: str
    """The URL id (``<id>.lambda-url.<region>.on.aws``)."""

    @property
    def domain(self) -> str:
        """The URL host name."""
        return endpoints.lambda_url_host(self.id, self.region)


@dataclass(frozen=True, slots=True)
class FunctionConfiguration:
    """GetFunctionConfiguration of a (Lambda@Edge) function version."""

    function_name: str
    function_arn: str
    runtime: str | None = None
    version: str | None = None
    memory_size: int | None = None
    timeout: int | None = None
    code_size: int | None = None
    handler: str | None = None
    role: str | None = None
    state: str | None = None
    package_type: str | None = None
    last_modified: str | None = None
    architectures: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EdgeFunction:
    """A Lambda@Edge function version a distribution associates.

    ``configuration`` None: the version no longer exists; NOT_COLLECTED: the read was denied.
    """

    account_id: str
    region: str
    function_arn: str
    """The qualified ARN (``...:function:name:3``)."""
    configuration: Collected[FunctionConfiguration | None]
    raw: Mapping[str, Any] = field(default=EMPTY_MAP, compare=False, repr=False)

    @property
    def arn(self) -> str:
        """The qualified function ARN."""
        return self.function_arn


def parse_unit(unit: UnitKey, data: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Every resource of one lambda payload, by inventory kind."""
    unresolved: list[UnresolvedFunctionUrl] = []
    if data.get("unresolved_url_ids") is not None:
        root = Fields.root(data, unit.label, "payload")
        unresolved = [
            UnresolvedFunctionUrl(unit.account_id, unit.region, url_id)
            for url_id in root.strs("unresolved_url_ids")
        ]
    return {
        "function_urls": parse_items(unit, data, "function_urls", _function_url),
        "unresolved_function_urls": unresolved,
        "edge_functions": parse_items(unit, data, "edge_functions", _edge_function),
    }


def _url_config(c: Fields) -> FunctionUrlConfig:
    cors = c.opt_sub("Cors")
    return FunctionUrlConfig(
        function_url=c.req_str("FunctionUrl"),
        function_arn=c.req_str("FunctionArn"),
        auth_type=c.req_enum("AuthType", enums.FUNCTION_URL_AUTH_TYPE),
        invoke_mode=c.opt_str("InvokeMode"),
        cors=freeze(cors.raw) if cors is not None else None,
        creation_time=c.opt_datetime("CreationTime"),
        last_modified_time=c.opt_datetime("LastModifiedTime"),
    )


def _function_url(unit: UnitKey, item: object, index: int) -> FunctionUrl:
    f = unit.named_item(item, f"function_urls[{index}]", "function", "FunctionArn")
    return FunctionUrl(
        account_id=unit.account_id,
        region=unit.region,
        function_arn=f.req_str("FunctionArn"),
        config=f.collected_sub("FunctionUrlConfig", _url_config),
        raw=readonly(f.raw),
    )


def _configuration(c: Fields) -> FunctionConfiguration:
    return FunctionConfiguration(
        function_name=c.req_str("FunctionName"),
        function_arn=c.req_str("FunctionArn"),
        runtime=c.opt_str("Runtime"),
        version=c.opt_str("Version"),
        memory_size=c.opt_int("MemorySize"),
        timeout=c.opt_int("Timeout"),
        code_size=c.opt_int("CodeSize"),
        handler=c.opt_str("Handler"),
        role=c.opt_str("Role"),
        state=c.opt_str("State"),
        package_type=c.opt_str("PackageType"),
        last_modified=c.opt_str("LastModified"),
        architectures=c.strs("Architectures"),
    )


def _edge_function(unit: UnitKey, item: object, index: int) -> EdgeFunction:
    f = unit.named_item(item, f"edge_functions[{index}]", "function", "FunctionArn")
    return EdgeFunction(
        account_id=unit.account_id,
        region=unit.region,
        function_arn=f.req_str("FunctionArn"),
        configuration=f.collected_sub("Configuration", _configuration),
        raw=readonly(f.raw),
    )
