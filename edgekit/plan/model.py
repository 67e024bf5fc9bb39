"""Proposals (DESIGN.md §2, ``edgekit.proposals/1``) and their migration steps."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

SCHEMA = "edgekit.proposals/1"


@dataclass(frozen=True)
class Step:
    """One ordered migration step, with the CDK (TypeScript) and Terraform change it implies."""

    title: str
    detail: str
    cdk: str = ""
    terraform: str = ""

    def to_json(self, order: int) -> dict[str, Any]:
        """JSON form (``order`` from 1)."""
        return {
            "order": order,
            "title": self.title,
            "detail": self.detail,
            "cdk": self.cdk,
            "terraform": self.terraform,
        }


@dataclass(frozen=True)
class Proposal:
    """A simplification proposal for one redundancy finding.

    ``current_path`` / ``proposed_path`` are traffic paths (node ids, entry first) in the
    before / after graphs; ``removed`` the nodes :func:`edgekit.plan.apply` deletes;
    ``hops_saved`` the network intermediaries (distributions, load balancers, API Gateway
    stages, accelerators, the hidden CloudFront layer of an edge-optimized API) fewer on the
    path; ``monthly_savings_usd`` the priced parts (fixed always, usage when metrics exist).
    """

    id: str
    check_id: str
    resource: str
    entrypoint: str
    current_path: tuple[str, ...]
    proposed_path: tuple[str, ...]
    removed: tuple[str, ...]
    monthly_savings_usd: float
    savings_basis: str
    hops_saved: int
    risks: tuple[str, ...]
    steps: tuple[Step, ...]
    title: str = ""

    def to_json(self) -> dict[str, Any]:
        """The §2 JSON form (plus ``resource`` and ``title``, for readers of the document)."""
        return {
            "id": self.id,
            "check_id": self.check_id,
            "resource": self.resource,
            "title": self.title,
            "entrypoint": self.entrypoint,
            "current_path": list(self.current_path),
            "proposed_path": list(self.proposed_path),
            "removed": list(self.removed),
            "monthly_savings_usd": self.monthly_savings_usd,
            "savings_basis": self.savings_basis,
            "hops_saved": self.hops_saved,
            "risks": list(self.risks),
            "steps": [s.to_json(i) for i, s in enumerate(self.steps, 1)],
        }

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> Proposal:
        """Back from JSON (``apply`` works on proposals read from a file too)."""
        return cls(
            id=doc["id"],
            check_id=doc["check_id"],
            resource=doc.get("resource", ""),
            entrypoint=doc["entrypoint"],
            current_path=tuple(doc["current_path"]),
            proposed_path=tuple(doc["proposed_path"]),
            removed=tuple(doc["removed"]),
            monthly_savings_usd=float(doc["monthly_savings_usd"]),
            savings_basis=doc["savings_basis"],
            hops_saved=int(doc["hops_saved"]),
            risks=tuple(doc["risks"]),
            steps=tuple(
                Step(s["title"], s["detail"], s.get("cdk", ""), s.get("terraform", ""))
                for s in doc["steps"]
            ),
            title=doc.get("title", ""),
        )


def proposal_id(check_id: str, resource: str) -> str:
    """Stable id: the check's short name and a digest of (check, resource)."""
    digest = hashlib.sha256(f"{check_id}|{resource}".encode()).hexdigest()[:10]
    return f"{check_id.rpartition('.')[2]}-{digest}"
