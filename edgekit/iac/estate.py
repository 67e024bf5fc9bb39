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

from edgekit.iac.intrinsics import Unknown

IAC_KEY = "_iac"
"""The side key on every translated item: where it is defined (the model ignores it)."""

GAP_CODE = "IacUnresolved"


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
            item[IAC_KEY] = res.origin.to_json()
        self.unit(res.account, region, collector).setdefault(key, []).append(item)
        return item

    def items(self, account: str, region: str, collector: str, key: str) -> list[Any]:
        """Items of one payload list (empty when none)."""
        found: list[Any] = self.data.get((account, region, collector), {}).get(key, [])
        return found

    def unresolved(self, res: Resource, where: str, value: Unknown, collector: str) -> None:
        """Record an unresolved property: the member is left out (= not collected)."""
        region = "global" if collector in ("cloudfront", "route53", "s3") else res.region
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
        """Run the fix-ups (in the order they were registered)."""
        while self._later:
            self._later.pop(0)()


def token(*parts: str, length: int = 13) -> str:
    """A stable lower-case hex token from ``parts`` (synthetic ids that never collide)."""
    return hashlib.sha256("/".join(parts).encode()).hexdigest()[:length]
