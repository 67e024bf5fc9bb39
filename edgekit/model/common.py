"""Shared model building blocks: the not-collected sentinel, frozen maps, DNS names, ARNs.

Nothing here knows a service.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Final, TypeAlias, TypeVar

T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")

GLOBAL: Final = "global"
"""The region recorded for global services (CloudFront, Route 53, CLOUDFRONT-scope WAF)."""


class NotCollected(enum.Enum):
    """Type of :data:`NOT_COLLECTED`: the value was not read (denied, or not attempted).

    It has no truth value on purpose: ``if dist.tags:`` raises ``TypeError`` instead of silently
    treating "unknown" as "none". Test ``value is NOT_COLLECTED`` first.
    """

    NOT_COLLECTED = "not collected"

    def __bool__(self) -> bool:
        raise TypeError(
            "NOT_COLLECTED has no truth value: test `value is NOT_COLLECTED` before using it"
        )

    def __repr__(self) -> str:
        return "NOT_COLLECTED"

    def __str__(self) -> str:
        return "NOT_COLLECTED"


NOT_COLLECTED: Final = NotCollected.NOT_COLLECTED
"""The one not-collected marker (the payload key was absent)."""

Collected: TypeAlias = T | NotCollected
"""``Collected[X]``: an ``X`` when the collector read it, :data:`NOT_COLLECTED` otherwise.

``Collected[X | None]`` keeps AWS's own "there is none" (``None`` / empty tuple) distinct from
"we do not know".
"""


def is_collected(value: object) -> bool:
    """True unless ``value`` is :data:`NOT_COLLECTED`."""
    return value is not NOT_COLLECTED


class FrozenMap(Mapping[K, V]):
    """An immutable, hashable mapping (tags, attributes, small raw sub-structures)."""

    __slots__ = ("_d", "_h")

    def __init__(self, data: Mapping[K, V] | None = None) -> None:
        self._d: dict[K, V] = dict(data) if data else {}
        self._h: int | None = None

    def __getitem__(self, key: K) -> V:
        return self._d[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._d)

    def __len__(self) -> int:
        return len(self._d)

    def __hash__(self) -> int:
        if self._h is None:
            self._h = hash(frozenset(self._d.items()))
        return self._h

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return dict(self._d.items()) == dict(other.items())
        return NotImplemented

    def __repr__(self) -> str:
        return f"FrozenMap({self._d!r})"


EMPTY_MAP: Final[FrozenMap[Any, Any]] = FrozenMap()


def freeze(value: Any) -> Any:
    """Deep-freeze a small JSON value (dict → FrozenMap, list → tuple). Not for huge trees."""
    if isinstance(value, dict):
        return FrozenMap({k: freeze(v) for k, v in value.items()})
    if isinstance(value, list | tuple):
        return tuple(freeze(v) for v in value)
    return value


class ReadOnlyView(Mapping[str, Any]):
    """A read-only view of a raw payload item, without copying it (the ``raw`` escape hatch).

    Unlike ``types.MappingProxyType`` it pickles, so inventories can cross process boundaries.
    Nested values are the payload's own objects: treat them as read-only too.
    """

    __slots__ = ("_d",)

    def __init__(self, data: Mapping[str, Any]) -> None:
        self._d = data

    def __getitem__(self, key: str) -> Any:
        return self._d[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._d)

    def __len__(self) -> int:
        return len(self._d)

    def __repr__(self) -> str:
        return f"ReadOnlyView({len(self._d)} keys)"


def readonly(data: Mapping[str, Any]) -> Mapping[str, Any]:
    """Wrap a raw payload item in a :class:`ReadOnlyView` (no copy)."""
    return ReadOnlyView(data)


_OCTAL = re.compile(r"\\(\d{3})")


def normalize_dns_name(name: str) -> str:
    """Lower-case, without the trailing dot, Route 53 octal escapes decoded (``\\052`` → ``*``)."""
    if "\\" in name:
        name = _OCTAL.sub(lambda m: chr(int(m.group(1), 8)), name)
    return name.rstrip(".").lower()


def parse_datetime(value: str) -> dt.datetime:
    """An ISO 8601 string as an aware datetime (naive values are taken as UTC)."""
    parsed = dt.datetime.fromisoformat(value)
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=dt.UTC)


@dataclass(frozen=True, slots=True)
class Arn:
    """The parts of an ARN. ``region`` is ``global`` for CloudFront and CLOUDFRONT-scope WAF."""

    partition: str
    service: str
    region: str
    account_id: str
    resource: str

    @classmethod
    def parse(cls, arn: str) -> Arn | None:
        """Split an ARN; None when ``arn`` is not one."""
        parts = arn.split(":", 5)
        if len(parts) != 6 or parts[0] != "arn":
            return None
        _, partition, service, region, account, resource = parts
        if service == "cloudfront" or (service == "wafv2" and resource.startswith("global/")):
            region = GLOBAL
        return cls(partition, service, region or GLOBAL, account, resource)
