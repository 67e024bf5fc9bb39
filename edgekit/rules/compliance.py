"""Compliance view: which framework requirements each check evidences, and their status.

Frameworks:

* ``pci-dss-4.0`` -- PCI DSS v4.0, a reviewed mapping shipped as package data
  (``compliance_pci_dss_4_0.json``; reasoning per row in docs/compliance.md).
* ``aws-fsbp`` -- AWS Security Hub Foundational Security Best Practices, derived from the
  ``SH <control>`` entries of the checks' references (the catalogue names no CIS control).

A requirement's status over a scan: **fail** when a mapped check failed on some resource,
**unknown** when none failed but one could not be evaluated somewhere, **pass** when the mapped
checks evaluated at least one resource and found nothing, **not evaluated** otherwise. This is
evidence for an assessor, never a certification: a pass covers only what the snapshot holds.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from edgekit.rules.finding import Finding, Status
from edgekit.rules.registry import Registry

FRAMEWORKS = ("pci-dss-4.0", "aws-fsbp")
_DATA = {"pci-dss-4.0": "compliance_pci_dss_4_0.json"}
_FSBP_REF = re.compile(r"^SH ([A-Za-z0-9]+\.\d+)$")
REQUIREMENT_PREFIX = {"pci-dss-4.0": "PCI DSS v4.0", "aws-fsbp": "AWS FSBP"}
"""How exported findings (ASFF ``RelatedRequirements``, OCSF ``types``) name a requirement."""


@dataclass(frozen=True)
class CheckMapping:
    """One check's mapping: the requirements it evidences and why."""

    check_id: str
    requirements: tuple[str, ...]
    why: str


@dataclass(frozen=True)
class Framework:
    """A framework's requirements (id → text) and the checks mapped to them."""

    id: str
    title: str
    note: str
    requirements: Mapping[str, str]
    checks: Mapping[str, CheckMapping]

    def checks_for(self, requirement: str) -> list[str]:
        """The check ids evidencing ``requirement``, sorted."""
        return sorted(c for c, m in self.checks.items() if requirement in m.requirements)


def framework(name: str, registry: Registry) -> Framework:
    """The framework called ``name`` (one of :data:`FRAMEWORKS`), restricted to ``registry``.

    A mapped check id the registry does not know is a ValueError (the mapping is stale).
    """
    if name == "aws-fsbp":
        return _fsbp(registry)
    if name not in _DATA:
        raise ValueError(f"unknown framework {name!r} (one of: {', '.join(FRAMEWORKS)})")
    raw = _load(_DATA[name])
    known = set(registry.ids())
    unknown = sorted(set(raw["checks"]) - known)
    if unknown:
        raise ValueError(f"{name} mapping names unknown checks: {', '.join(unknown)}")
    return Framework(
        id=name,
        title=raw["title"],
        note=raw["note"],
        requirements=dict(raw["requirements"]),
        checks={
            cid: CheckMapping(cid, tuple(m["requirements"]), m["why"])
            for cid, m in raw["checks"].items()
        },
    )


@cache
def _load(filename: str) -> dict[str, Any]:
    text = resources.files("edgekit.rules").joinpath(filename).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _fsbp(registry: Registry) -> Framework:
    checks: dict[str, CheckMapping] = {}
    requirements: dict[str, str] = {}
    for c in registry:
        controls = [m.group(1) for r in c.meta.references if (m := _FSBP_REF.match(r.strip()))]
        if controls:
            checks[c.meta.id] = CheckMapping(c.meta.id, tuple(controls), "same intent (references)")
            for control in controls:
                requirements.setdefault(control, f"Security Hub control {control}")
    return Framework(
        id="aws-fsbp",
        title="AWS Foundational Security Best Practices",
        note="Checks whose references name a Security Hub control with the same intent.",
        requirements=dict(sorted(requirements.items(), key=lambda kv: _req_key(kv[0]))),
        checks=checks,
    )


def _req_key(req: str) -> tuple[Any, ...]:
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"\.", req))


def requirements_by_check(registry: Registry, name: str = "pci-dss-4.0") -> dict[str, list[str]]:
    """Check id → requirement labels (``PCI DSS v4.0 4.2.1``) for exported findings."""
    fw = framework(name, registry)
    prefix = REQUIREMENT_PREFIX[name]
    return {cid: [f"{prefix} {r}" for r in m.requirements] for cid, m in fw.checks.items()}


@dataclass(frozen=True)
class RequirementStatus:
    """One requirement over one scan."""

    requirement: str
    text: str
    checks: tuple[str, ...]
    status: str
    """fail, unknown, pass or not evaluated."""
    failing_resources: tuple[str, ...]
    unknown_resources: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "requirement": self.requirement,
            "text": self.text,
            "checks": list(self.checks),
            "status": self.status,
            "failing_resources": list(self.failing_resources),
            "unknown_resources": list(self.unknown_resources),
        }


def requirement_statuses(
    fw: Framework, findings: Iterable[Finding], evaluated: Mapping[str, int]
) -> list[RequirementStatus]:
    """Every requirement of ``fw`` with its status over a scan (findings + evaluated counts)."""
    by_check: dict[str, list[Finding]] = {}
    for f in findings:
        by_check.setdefault(f.check_id, []).append(f)
    out: list[RequirementStatus] = []
    for req in sorted(fw.requirements, key=_req_key):
        checks = fw.checks_for(req)
        hits = [f for c in checks for f in by_check.get(c, [])]
        fails = sorted({f.resource.id for f in hits if f.status is Status.FAIL})
        unknowns = sorted({f.resource.id for f in hits if f.status is Status.UNKNOWN})
        if fails:
            status = "fail"
        elif unknowns:
            status = "unknown"
        elif any(evaluated.get(c, 0) > 0 for c in checks):
            status = "pass"
        else:
            status = "not evaluated"
        out.append(
            RequirementStatus(
                req, fw.requirements[req], tuple(checks), status, tuple(fails), tuple(unknowns)
            )
        )
    return out
