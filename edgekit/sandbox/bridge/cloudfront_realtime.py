"""CloudFront real-time log configurations: storage and API semantics (moto has none)."""

from __future__ import annotations

import copy
from typing import Any

from moto.cloudfront.models import CloudFrontBackend
from moto.utilities.utils import get_partition

from edgekit.sandbox.bridge import cloudfront_errors as errors
from edgekit.sandbox.bridge.state import behaviors_of, distribution_configs, state


def _store(backend: CloudFrontBackend) -> dict[str, dict[str, Any]]:
    return state(backend).realtime_log_configs


def _config(backend: CloudFrontBackend, params: dict[str, Any]) -> dict[str, Any]:
    name = params.get("Name")
    if not name:
        raise errors.invalid_argument("Name is required.")
    partition = get_partition(backend.region_name)
    return {
        "ARN": f"arn:{partition}:cloudfront::{backend.account_id}:realtime-log-config/{name}",
        "Name": name,
        "SamplingRate": int(params.get("SamplingRate") or 0),
        "EndPoints": copy.deepcopy(params.get("EndPoints") or []),
        "Fields": list(params.get("Fields") or []),
    }


def create(backend: CloudFrontBackend, params: dict[str, Any]) -> dict[str, Any]:
    """Create a real-time log configuration (names are unique per account)."""
    config = _config(backend, params)
    if config["Name"] in _store(backend):
        raise errors.already_exists("RealtimeLogConfigAlreadyExists", "real-time log config")
    _store(backend)[config["Name"]] = config
    return config


def find(backend: CloudFrontBackend, name: str | None, arn: str | None) -> dict[str, Any]:
    """A configuration by name or ARN, or ``NoSuchRealtimeLogConfig``."""
    for config in _store(backend).values():
        if (name and config["Name"] == name) or (arn and config["ARN"] == arn):
            return config
    raise errors.no_such("NoSuchRealtimeLogConfig", "real-time log config")


def update(backend: CloudFrontBackend, params: dict[str, Any]) -> dict[str, Any]:
    """Replace the endpoints, fields or sampling rate of an existing configuration."""
    current = find(backend, params.get("Name"), params.get("ARN"))
    merged = {**current, **{k: v for k, v in params.items() if k != "ARN" and v is not None}}
    config = _config(backend, merged)
    _store(backend)[config["Name"]] = config
    return config


def delete(backend: CloudFrontBackend, name: str | None, arn: str | None) -> None:
    """Delete a configuration no cache behavior references."""
    config = find(backend, name, arn)
    for distribution in distribution_configs(backend):
        if any(b.get("RealtimeLogConfigArn") == config["ARN"] for b in behaviors_of(distribution)):
            raise errors.in_use("RealtimeLogConfigInUse", "real-time log config")
    del _store(backend)[config["Name"]]


def listed(backend: CloudFrontBackend) -> list[dict[str, Any]]:
    """Every configuration, in creation order."""
    return [copy.deepcopy(c) for c in _store(backend).values()]
