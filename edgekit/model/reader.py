"""The payload reader: typed, path-tracking access to raw JSON items.

:class:`Fields` reads one raw payload item and turns every missing or mistyped required field
into a :class:`~edgekit.errors.ModelError` whose message names the collector, the unit, the
resource and the dotted field path, e.g. ``cloudfront payload (123456789012/global):
distribution E123: missing field 'DistributionConfig.Origins'``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final, NoReturn, TypeVar

from edgekit.errors import ModelError
from edgekit.model.common import NOT_COLLECTED, Collected, FrozenMap, parse_datetime
from edgekit.model.enums import Vocabulary

T = TypeVar("T")


def tags_map(items: list[Fields]) -> FrozenMap[str, str]:
    """``[{"Key", "Value"}]`` as a frozen ``{key: value}``."""
    return FrozenMap({t.req_str("Key"): t.str_or("Value", "") for t in items})


class FieldError(ModelError):
    """A ModelError about one field of one payload item, with its parts kept apart."""

    def __init__(self, message: str, resource: str, field_path: str) -> None:
        super().__init__(message)
        self.resource = resource
        """How the item is named (``distribution E123``, ``distributions[3]``)."""
        self.field_path = field_path
        """The dotted path of the offending field inside the item."""


@dataclass(frozen=True, slots=True)
class ItemIssue:
    """One payload item the model could not read and left out (a *model error*).

    ``key`` is the payload ``data`` key the item was listed under (``""`` when the whole unit
    could not be read); ``resource`` names the item, ``field`` the offending field path.
    """

    account_id: str
    region: str
    collector: str
    key: str
    resource: str
    field: str
    message: str

    def line(self) -> str:
        """One terminal-safe line for stderr (control characters from the payload escaped)."""
        text = f"model error, item left out: {self.message}"
        return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)

    def to_json(self) -> dict[str, str]:
        """The ``model_errors`` record of the findings JSON (and of lineage / plan output)."""
        return {
            "account_id": self.account_id,
            "region": self.region,
            "collector": self.collector,
            "unit": f"{self.account_id}/{self.region}/{self.collector}",
            "key": self.key,
            "resource": self.resource,
            "field": self.field,
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class UnitKey:
    """One collection unit: (account, region, collector).

    ``issues`` collects the items :func:`parse_items` had to leave out (not part of the key).
    """

    account_id: str
    region: str
    collector: str
    issues: list[ItemIssue] = field(default_factory=list, compare=False, hash=False, repr=False)
    strict: bool = field(default=False, compare=False, hash=False, repr=False)
    """Raise on the first malformed item instead of leaving it out (``parse(strict=True)``)."""

    @property
    def label(self) -> str:
        """How error messages name the unit: ``cloudfront payload (123456789012/global)``."""
        return f"{self.collector} payload ({self.account_id}/{self.region})"

    def item(self, data: Any, resource: str) -> Fields:
        """A reader for one payload item named ``resource`` in error messages."""
        return Fields.root(data, self.label, resource)

    def named_item(self, data: Any, resource: str, label: str, ident: str, *within: str) -> Fields:
        """:meth:`item`, named ``<label> <id>`` in error messages once its id is readable.

        The id is the item's member ``ident``, or that member of the first object in ``within``
        the item has (its detail, else its summary, say).
        """
        f = self.item(data, resource)
        inner = next((f.get(w) for w in within if f.get(w)), None) if within else f.raw
        value = inner.get(ident) if isinstance(inner, dict) else None
        return f.renamed(f"{label} {value}", self.label) if isinstance(value, str) else f


def parse_items(
    unit: UnitKey,
    data: Mapping[str, Any],
    key: str,
    parse: Callable[[UnitKey, object, int], T],
) -> list[T]:
    """Parse every item of the list ``data[key]`` (absent or null → nothing).

    An item that raises :class:`ModelError` is left out and recorded in ``unit.issues``; a
    ``data[key]`` that is not a list raises (the whole unit is then unreadable).
    """
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise ModelError(f"{unit.label}: field '{key}' must be a list, got {type(value).__name__}")
    out: list[T] = []
    for i, item in enumerate(value):
        try:
            out.append(parse(unit, item, i))
        except ModelError as err:
            if unit.strict:
                raise
            # One malformed item must not hide the others: it is left out and reported.
            resource = err.resource if isinstance(err, FieldError) else f"{key}[{i}]"
            where = err.field_path if isinstance(err, FieldError) else ""
            unit.issues.append(
                ItemIssue(
                    unit.account_id, unit.region, unit.collector, key, resource, where, str(err)
                )
            )
    return out


_TYPE_NAMES: Final = {str: "a string", int: "an integer", bool: "a boolean", list: "a list"}


class Fields:
    """Typed, path-tracking access to one raw payload object.

    ``req_*`` raise :class:`ModelError` when the field is absent or null; ``opt_*`` return None;
    ``*_or`` return the given AWS default. Type mismatches always raise.
    """

    __slots__ = ("_d", "_path", "_prefix", "_resource")

    def __init__(
        self, data: Mapping[str, Any], prefix: str, path: str = "", resource: str = ""
    ) -> None:
        self._d = data
        self._prefix = prefix
        self._path = path
        self._resource = resource

    @classmethod
    def root(cls, data: Any, unit_label: str, resource: str) -> Fields:
        """A reader for one item of a payload; ``resource`` names it in error messages."""
        prefix = f"{unit_label}: {resource}"
        if not isinstance(data, dict):
            raise FieldError(
                f"{prefix}: must be an object, got {type(data).__name__}", resource, ""
            )
        return cls(data, prefix, "", resource)

    def renamed(self, resource: str, unit_label: str) -> Fields:
        """The same object, named ``resource`` in error messages from now on."""
        return Fields(self._d, f"{unit_label}: {resource}", self._path, resource)

    @property
    def raw(self) -> Mapping[str, Any]:
        """The underlying JSON object (not copied)."""
        return self._d

    # -- errors ----------------------------------------------------------------------------------
    def error(self, key: str, problem: str) -> ModelError:
        """A ModelError about field ``key`` of this object."""
        return FieldError(
            f"{self._prefix}: {problem} '{self._path}{key}'", self._resource, f"{self._path}{key}"
        )

    def invalid(self, key: str, problem: str) -> ModelError:
        """A ModelError saying field ``key`` ``problem`` (e.g. "is not base64")."""
        return FieldError(
            f"{self._prefix}: field '{self._path}{key}' {problem}",
            self._resource,
            f"{self._path}{key}",
        )

    def _missing(self, key: str) -> ModelError:
        return self.error(key, "missing field")

    def _typed(self, key: str, value: Any, kind: type) -> Any:
        if type(value) is kind or (
            isinstance(value, kind) and (kind is not int or not isinstance(value, bool))
        ):
            return value
        name = _TYPE_NAMES.get(kind, kind.__name__)
        self._bad(key, f"must be {name}, got {type(value).__name__}")

    def _bad(self, key: str, problem: str) -> NoReturn:
        raise self.invalid(key, problem)

    # -- scalars ---------------------------------------------------------------------------------
    def has(self, key: str) -> bool:
        """True when the key is present (even with a null value)."""
        return key in self._d

    def get(self, key: str) -> Any:
        """The raw value, or None."""
        return self._d.get(key)

    def req(self, key: str) -> Any:
        """The raw value; absent or null raises."""
        value = self._d.get(key)
        if value is None:
            raise self._missing(key)
        return value

    def req_str(self, key: str) -> str:
        """A required string."""
        value = self._d.get(key)
        if type(value) is str:  # the common case first: parsing is the hot path of a scan
            return value
        checked: str = self._typed(key, self.req(key), str)
        return checked

    def opt_str(self, key: str) -> str | None:
        """An optional string; empty strings are kept (use :meth:`nonempty` to drop them)."""
        value = self._d.get(key)
        if value is None or type(value) is str:
            return value
        checked: str = self._typed(key, value, str)
        return checked

    def nonempty(self, key: str) -> str | None:
        """An optional string where AWS's ``""`` also means "none"."""
        value = self.opt_str(key)
        return value or None

    def str_or(self, key: str, default: str) -> str:
        """An optional string with a default."""
        value = self.opt_str(key)
        return default if value is None else value

    # -- enums (every spelling AWS returns, read as the canonical one: model/enums.py) ---------
    def req_enum(self, key: str, vocabulary: Vocabulary) -> str:
        """A required enum string, in its canonical spelling (unknown members kept as sent)."""
        return vocabulary.canonical(self.req_str(key))

    def enum(self, key: str, vocabulary: Vocabulary) -> str | None:
        """An optional enum string (``""`` reads as absent), in its canonical spelling."""
        value = self.nonempty(key)
        return None if value is None else vocabulary.canonical(value)

    def enum_or(self, key: str, vocabulary: Vocabulary, default: str) -> str:
        """An optional enum string with a default, in its canonical spelling."""
        value = self.enum(key, vocabulary)
        return default if value is None else value

    def enums(self, key: str, vocabulary: Vocabulary) -> tuple[str, ...]:
        """An optional list of enum strings, each in its canonical spelling."""
        return tuple(vocabulary.canonical(v) for v in self.strs(key))

    def wrapped_enums(self, key: str, vocabulary: Vocabulary) -> tuple[str, ...]:
        """Enum strings of a CloudFront ``{"Quantity", "Items"}`` wrapper, canonical."""
        return tuple(vocabulary.canonical(v) for v in self.wrapped_strs(key))

    def req_int(self, key: str) -> int:
        """A required integer."""
        value: int = self._typed(key, self.req(key), int)
        return value

    def opt_int(self, key: str) -> int | None:
        """An optional integer."""
        value = self._d.get(key)
        if value is None or type(value) is int:
            return value
        checked: int = self._typed(key, value, int)
        return checked

    def int_or(self, key: str, default: int) -> int:
        """An optional integer with a default."""
        value = self.opt_int(key)
        return default if value is None else value

    def req_bool(self, key: str) -> bool:
        """A required boolean."""
        value: bool = self._typed(key, self.req(key), bool)
        return value

    def opt_bool(self, key: str) -> bool | None:
        """An optional boolean."""
        value = self._d.get(key)
        if value is None or type(value) is bool:
            return value
        checked: bool = self._typed(key, value, bool)
        return checked

    def bool_or(self, key: str, default: bool) -> bool:
        """An optional boolean with a default."""
        value = self.opt_bool(key)
        return default if value is None else value

    def opt_datetime(self, key: str) -> dt.datetime | None:
        """An optional ISO 8601 timestamp as an aware datetime."""
        value = self.opt_str(key)
        if value is None:
            return None
        try:
            return parse_datetime(value)
        except ValueError:
            raise self.invalid(key, f"is not an ISO 8601 timestamp: {value!r}") from None

    # -- structures ------------------------------------------------------------------------------
    def _child(self, key: str, value: Any) -> Fields:
        if type(value) is not dict and not isinstance(value, dict):
            self._bad(key, f"must be an object, got {type(value).__name__}")
        return Fields(value, self._prefix, f"{self._path}{key}.", self._resource)

    def sub(self, key: str) -> Fields:
        """A required nested object."""
        return self._child(key, self.req(key))

    def opt_sub(self, key: str) -> Fields | None:
        """An optional nested object."""
        value = self._d.get(key)
        return None if value is None else self._child(key, value)

    def _list(self, key: str, value: Any) -> list[Any]:
        checked: list[Any] = self._typed(key, value, list)
        return checked

    def subs(self, key: str) -> list[Fields]:
        """An optional list of objects (absent or null → empty)."""
        value = self._d.get(key)
        if value is None:
            return []
        return [self._child(f"{key}[{i}]", v) for i, v in enumerate(self._list(key, value))]

    def req_subs(self, key: str) -> list[Fields]:
        """A required list of objects (may be empty, must be present)."""
        self.req(key)
        return self.subs(key)

    def collected_sub(self, key: str, parse: Callable[[Fields], T]) -> Collected[T | None]:
        """An object where an absent key means "not collected" and null means "none", parsed."""
        if key not in self._d:
            return NOT_COLLECTED
        sub = self.opt_sub(key)
        return None if sub is None else parse(sub)

    def collected_subs(self, key: str, parse: Callable[[Fields], T]) -> Collected[tuple[T, ...]]:
        """A list of objects where an absent key means "not collected" and null means "none",
        parsed."""
        if key not in self._d:
            return NOT_COLLECTED
        return tuple(parse(s) for s in self.subs(key))

    def strs(self, key: str) -> tuple[str, ...]:
        """An optional list of strings (absent or null → empty)."""
        value = self._d.get(key)
        if value is None:
            return ()
        items = self._list(key, value)
        for i, item in enumerate(items):
            if type(item) is not str:  # the item's path is only built for the error
                self._typed(f"{key}[{i}]", item, str)
        return tuple(items)

    def ints(self, key: str) -> tuple[int, ...]:
        """An optional list of integers (absent or null → empty)."""
        value = self._d.get(key)
        if value is None:
            return ()
        items = self._list(key, value)
        for i, item in enumerate(items):
            self._typed(f"{key}[{i}]", item, int)
        return tuple(items)

    def wrapped(self, key: str) -> list[Fields]:
        """Objects of a CloudFront ``{"Quantity", "Items"}`` wrapper (absent → empty)."""
        inner = self.opt_sub(key)
        return [] if inner is None else inner.subs("Items")

    def wrapped_strs(self, key: str) -> tuple[str, ...]:
        """Strings of a CloudFront ``{"Quantity", "Items"}`` wrapper (absent → empty)."""
        inner = self.opt_sub(key)
        return () if inner is None else inner.strs("Items")
