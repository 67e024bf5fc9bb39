"""The estate being built: payload items per unit, unresolved-value gaps, late fix-ups.

Translators add items with :meth:`Estate.add`; resources that attach to another one (a listener
to its load balancer, a record set to its zone, an ingress rule to its group) register a
fix-up with :meth:`Estate.later`, run by :meth:`Estate.payloads` once every item exists.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from edgekit.iac.apishape import Pending
from edgekit.iac.intrinsics import Unknown
from edgekit.iac.paths import template_paths

IAC_KEY = "_iac"
"""The side key on every translated item: where it is defined (the model ignores it)."""
UNRESOLVED = "unresolved"
"""``_iac.unresolved``: the item's members only known at deploy time (docs/iac.md)."""

GAP_CODE = "IacUnresolved"
GLOBAL_COLLECTORS = ("cloudfront", "route53", "s3", "globalaccelerator")
"""Collectors whose payloads are recorded under region ``global``."""


@dataclass(frozen=True)
class Origin:
    """Where a resource is defined: file, stack and logical id, or Terraform address."""

    file: str
    logical_id: str
    type: str
    stack: str = ""

    def to_json(self) -> dict[str, str]:
        """The ``_iac`` side key."""
        out = {"file": self.file, "logical_id": self.logical_id, "type": self.type}
        if self.stack:
            out["stack"] = self.stack
        return out


@dataclass
class Resource:
    """One IaC resource, its properties resolved (Unknown where deploy-time)."""

    origin: Origin
    props: dict[str, Any]
    account: str
    region: str
    partition: str
    ident: dict[str, Any]
    """Synthetic identity: ``Ref`` and the attributes ``Fn::GetAtt`` can read."""

    def side(self, props: Any = None) -> dict[str, Any]:
        """The ``_iac`` side key: the origin, and ``set``, the canonical paths of the
        properties the template sets (:mod:`.paths`; what drift compares)."""
        return {
            **self.origin.to_json(),
            "set": template_paths(self.props if props is None else props),
        }


Unit = tuple[str, str, str]


@dataclass
class Estate:
    """Payload data being assembled, keyed by (account, region, collector)."""

    timestamp: str = "1970-01-01T00:00:00Z"
    """The import time, used where the API has a modification time."""
    data: dict[Unit, dict[str, Any]] = field(default_factory=dict)
    gaps: list[dict[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Resources or properties the importer does not translate (informational)."""
    _later: list[Callable[[], None]] = field(default_factory=list)

    def unit(self, account: str, region: str, collector: str) -> dict[str, Any]:
        """The ``data`` of one payload, created on first use."""
        return self.data.setdefault((account, region, collector), {})

    def add(self, res: Resource, region: str, collector: str, key: str, item: Any) -> Any:
        """Append ``item`` (tagged with its origin) to a payload list; returns it."""
        if isinstance(item, dict):
            item[IAC_KEY] = res.side()
        self.unit(res.account, region, collector).setdefault(key, []).append(item)
        return item

    def items(self, account: str, region: str, collector: str, key: str) -> list[Any]:
        """Items of one payload list (empty when none)."""
        found: list[Any] = self.data.get((account, region, collector), {}).get(key, [])
        return found

    def unresolved(self, res: Resource, where: str, value: Unknown, collector: str) -> None:
        """Record an unresolved property: the member is left out (= not collected)."""
        region = "global" if collector in GLOBAL_COLLECTORS else res.region
        self.gaps.append(
            {
                "account_id": res.account,
                "region": region,
                "collector": collector,
                "operation": f"iac:{res.origin.logical_id}{where}",
                "error_code": GAP_CODE,
                "message": f"{res.origin.file}: {res.origin.logical_id}{where}: {value.reason}",
            }
        )

    def later(self, fix: Callable[[], None]) -> None:
        """Run ``fix`` once every resource has been added."""
        self._later.append(fix)

    def finish(self) -> None:
        """Run the fix-ups (in the order they were registered), then :meth:`settle`."""
        while self._later:
            self._later.pop(0)()
        self.settle()

    def settle(self) -> None:
        """Replace every :class:`Pending` member and list it in its item's ``_iac.unresolved``.

        The snapshot keeps a string member as a reserved ``.invalid`` placeholder, leaves an
        optional member of another type out, and gives a required one its first allowed value;
        each entry names the member, its path from the item and the values a scan tries
        (edgekit.rules.deploytime): ``values``, plus the placeholder itself when ``keep`` (a
        free-form string: it stands for "some value"), plus leaving it out when ``absent``.
        ``member`` is the property as the template spells it.
        """
        for data in self.data.values():
            for items in data.values():
                if isinstance(items, list):
                    for item in items:
                        _settle(item, None, [])


def token(*parts: str, length: int = 13) -> str:
    """A stable lower-case hex token from ``parts`` (synthetic ids that never collide)."""
    return hashlib.sha256("/".join(parts).encode()).hexdigest()[:length]


def mark_set(item: dict[str, Any], member: str) -> None:
    """Record that the IaC sets ``member`` of ``item`` (a resource attached to it later, such
    as a bucket policy, sets a member of its bucket)."""
    side = item.get(IAC_KEY)
    if isinstance(side, dict):
        side["set"] = sorted({*side.get("set", []), *template_paths({member: None})})


def _settle(value: Any, holder: dict[str, Any] | None, path: list[str | int]) -> None:
    if isinstance(value, dict):
        if isinstance(value.get(IAC_KEY), dict):
            holder, path = value, []
        for key in list(value):
            if isinstance(value[key], Pending) and holder is not None:
                _place(value, key, holder, [*path, key])
            elif key != IAC_KEY:
                _settle(value[key], holder, [*path, key])
    elif isinstance(value, list):
        for i, v in enumerate(value):
            if isinstance(v, Pending) and holder is not None:
                _place(value, i, holder, [*path, i])
            else:
                _settle(v, holder, [*path, i])


def _place(container: Any, key: str | int, holder: dict[str, Any], path: list[str | int]) -> None:
    p: Pending = container[key]
    member = p.prop or "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in path)[1:]
    if p.text:
        lid = holder[IAC_KEY].get("logical_id", "")
        container[key] = f"unresolved.{lid}.{path[-1]}.iac.invalid".lower()
    elif p.absent and isinstance(container, dict):
        del container[key]
    else:
        container[key] = p.values[0]
    if key == "Items" and isinstance(container, dict) and "Quantity" in container:
        items = container.get("Items")
        container["Quantity"] = len(items) if isinstance(items, list) else 0
    holder[IAC_KEY].setdefault(UNRESOLVED, []).append(
        {
            "member": member,
            "path": path,
            "values": p.values,
            "keep": p.text and not p.values,
            "absent": p.absent,
            "reason": p.unknown.reason,
        }
    )
