"""Storage for bridged CloudFront resources, kept on moto's own backend objects.

State lives in the ``__dict__`` of the account's ``CloudFrontBackend`` (never in edgekit module
globals), so it is per account, shared by the in-process mock and the server, and cleared by
moto's own reset (``BaseBackend.reset`` replaces the backend's ``__dict__``).
"""

from __future__ import annotations

import copy
import functools
import string
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import botocore.session
from botocore.model import ListShape, ServiceModel, Shape, StructureShape
from moto.cloudfront.models import CloudFrontBackend
from moto.core.utils import utcnow
from moto.moto_api._internal import mock_random

from edgekit.sandbox.bridge import cloudfront_errors as errors

STATE_ATTRIBUTE = "edgekit_sandbox_bridge"
"""Name of the attribute holding :class:`BridgeState` on a CloudFront backend."""


@dataclass
class Stored:
    """One bridged resource: its id, current ETag, timestamps and raw API fields."""

    id: str
    etag: str
    config: dict[str, Any]
    created: datetime = field(default_factory=utcnow)
    last_modified: datetime = field(default_factory=utcnow)
    extra: dict[str, Any] = field(default_factory=dict)

    def touch(self, config: dict[str, Any]) -> None:
        """Replace the configuration after an update: new ETag and modification time."""
        self.config = config
        self.etag = new_etag()
        self.last_modified = utcnow()


@dataclass
class BridgeState:
    """Everything the bridge stores for one account, keyed by resource id (or name)."""

    policies: dict[str, dict[str, Stored]] = field(default_factory=dict)
    origin_access_identities: dict[str, Stored] = field(default_factory=dict)
    vpc_origins: dict[str, Stored] = field(default_factory=dict)
    live_functions: dict[str, dict[str, Any]] = field(default_factory=dict)
    realtime_log_configs: dict[str, dict[str, Any]] = field(default_factory=dict)
    monitoring_subscriptions: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Distribution id → MonitoringSubscription (:mod:`.cloudwatch_monitoring`)."""


def state(backend: CloudFrontBackend) -> BridgeState:
    """The bridge state of ``backend``, created on first use."""
    found = backend.__dict__.get(STATE_ATTRIBUTE)
    if not isinstance(found, BridgeState):
        found = BridgeState()
        backend.__dict__[STATE_ATTRIBUTE] = found
    return found


def random_chars(length: int, alphabet: str = string.ascii_uppercase + string.digits) -> str:
    """Random characters from moto's seedable generator."""
    return "".join(mock_random.choice(alphabet) for _ in range(length))


def new_etag() -> str:
    """An ETag in CloudFront's format (``E`` + 13 upper-case alphanumerics)."""
    return "E" + random_chars(13)


def new_uuid() -> str:
    """A policy id (a UUID, like the ids of AWS-managed policies)."""
    return str(mock_random.uuid4())


def check_quantities(value: Any, path: str = "") -> None:
    """Raise ``InconsistentQuantities`` where a ``Quantity`` disagrees with its ``Items``."""
    if isinstance(value, dict):
        if "Quantity" in value:
            items = value.get("Items") or []
            if int(value["Quantity"]) != len(items):
                raise errors.inconsistent_quantities(path or "<root>")
        for key, child in value.items():
            check_quantities(child, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            check_quantities(child, f"{path}[{index}]")


@functools.cache
def cloudfront_model() -> ServiceModel:
    """botocore's CloudFront service model (the one moto serialises with)."""
    return botocore.session.get_session().get_service_model("cloudfront")


def drop_empty_items(value: Any, shape: Shape | str) -> Any:
    """A deep copy without the empty ``Items`` lists AWS omits.

    ``{Quantity: 0, Items: []}`` becomes ``{Quantity: 0}`` wherever ``Items`` is optional in
    the botocore ``shape`` (a shape or a CloudFront shape name); required ones stay.
    """
    if isinstance(shape, str):
        shape = cloudfront_model().shape_for(shape)
    if isinstance(shape, StructureShape) and isinstance(value, dict):
        out = {
            key: drop_empty_items(child, shape.members[key]) if key in shape.members else child
            for key, child in value.items()
        }
        if out.get("Items") == [] and "Items" not in shape.required_members:
            del out["Items"]
        return out
    if isinstance(shape, ListShape) and isinstance(value, list):
        return [drop_empty_items(child, shape.member) for child in value]
    return copy.deepcopy(value)


def page(
    items: list[Any], marker: str | None, max_items: str | int | None, key: str = "Id"
) -> tuple[list[Any], str | None, int]:
    """Marker pagination: (this page, NextMarker or None, MaxItems)."""
    limit = int(max_items) if max_items not in (None, "") else 100
    start = 0
    if marker:
        ids = [_key(item, key) for item in items]
        if marker not in ids:
            raise errors.invalid_argument(f"Invalid marker: {marker}")
        start = ids.index(marker)
    chunk = items[start : start + limit]
    following = items[start + limit : start + limit + 1]
    return chunk, (_key(following[0], key) if following else None), limit


def _key(item: Any, key: str) -> str:
    if isinstance(item, Stored):
        return item.id
    if isinstance(item, tuple):
        return _key(item[-1], key)
    return str(item[key])


def distribution_configs(backend: CloudFrontBackend) -> list[dict[str, Any]]:
    """The normalised DistributionConfig (as a dict) of every distribution of the account."""
    configs = []
    for dist in backend.distributions.values():
        config = dist.distribution_config
        configs.append(
            {
                "Origins": getattr(config, "Origins", {}),
                "DefaultCacheBehavior": getattr(config, "DefaultCacheBehavior", {}),
                "CacheBehaviors": getattr(config, "CacheBehaviors", {}),
            }
        )
    return configs


def behaviors_of(config: dict[str, Any]) -> list[dict[str, Any]]:
    """Default and ordered behaviors of a (normalised) DistributionConfig dict."""
    default = config.get("DefaultCacheBehavior")
    ordered = (config.get("CacheBehaviors") or {}).get("Items") or []
    return [b for b in [default, *ordered] if isinstance(b, dict)]
