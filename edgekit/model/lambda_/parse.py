"""Lambda: function URLs (resolved and unresolved) and Lambda@Edge function versions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from edgekit.model import enums
from edgekit.model.common import freeze, readonly
from edgekit.model.lambda_.types import (
    EdgeFunction,
    FunctionConfiguration,
    FunctionUrl,
    FunctionUrlConfig,
    UnresolvedFunctionUrl,
)
from edgekit.model.reader import Fields, UnitKey, parse_items

KIND_KEYS: Mapping[str, str] = {
    "function_urls": "function_urls",
    "unresolved_function_urls": "unresolved_url_ids",
    "edge_functions": "edge_functions",
}
"""Inventory kind → payload key."""


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
