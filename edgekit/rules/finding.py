"""Findings and the values checks return."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


class Severity(enum.IntEnum):
    """Severity, ordered: critical > high > medium > low > info."""

    INFO = 0
    LOW = 1
    MEDIUM = 2
    HIGH = 3
    CRITICAL = 4

    @classmethod
    def parse(cls, value: str) -> Severity:
        """Parse a severity name (case-insensitive); a clear ValueError otherwise."""
        try:
            return cls[value.strip().upper()]
        except KeyError:
            names = ", ".join(s.label for s in sorted(cls, reverse=True))
            raise ValueError(f"unknown severity {value!r} (one of: {names})") from None

    @property
    def label(self) -> str:
        """Lower-case name as used in JSON and the catalogue."""
        return self.name.lower()


class Status(enum.StrEnum):
    """A finding's status. Passing resources produce no finding."""

    FAIL = "fail"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class ResourceRef:
    """How a finding names its resource."""

    id: str
    """ARN where the resource has one, else a stable graph node id."""
    type: str
    account_id: str
    region: str


@dataclass(frozen=True)
class Fail:
    """A check's verdict: the resource fails. ``resource`` overrides the evaluated resource
    (for sub-resources such as one listener rule of a load balancer)."""

    message: str
    evidence: Mapping[str, Any] = field(default_factory=dict)
    resource: ResourceRef | None = None


@dataclass(frozen=True)
class Unknown:
    """A check's verdict: the data it needs was not collected (a gap, or not asked)."""

    message: str
    evidence: Mapping[str, Any] = field(default_factory=dict)
    resource: ResourceRef | None = None


Verdict = Fail | Unknown


@dataclass(frozen=True)
class Finding:
    """One failed or unknown (check, resource) pair, as in ``edgekit.findings/1``."""

    check_id: str
    status: Status
    severity: Severity
    category: str
    resource: ResourceRef
    title: str
    message: str
    evidence: Mapping[str, Any]
    remediation: str
    entrypoints: tuple[str, ...] = ()
    """Hostnames whose traffic path crosses the resource (people's names first, then the
    names AWS generated); empty when no entrypoint reaches it or it is no graph node."""

    def sort_key(self) -> tuple[int, int, str, str, str]:
        """Severity (worst first), then fail before unknown, check id, resource, message."""
        return (
            -int(self.severity),
            0 if self.status is Status.FAIL else 1,
            self.check_id,
            self.resource.id,
            self.message,
        )

    def to_json(self) -> dict[str, Any]:
        """The JSON form of DESIGN.md §2."""
        return {
            "check_id": self.check_id,
            "status": self.status.value,
            "severity": self.severity.label,
            "category": self.category,
            "resource_arn": self.resource.id,
            "resource_type": self.resource.type,
            "account_id": self.resource.account_id,
            "region": self.resource.region,
            "title": self.title,
            "message": self.message,
            "evidence": dict(self.evidence),
            "remediation": self.remediation,
            "entrypoints": list(self.entrypoints),
        }
