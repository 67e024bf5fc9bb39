"""Proposals (DESIGN.md §2, ``edgekit.proposals/1``) and their migration steps."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

SCHEMA = "edgekit.proposals/1"


STEP_KINDS = ("check", "change", "destructive", "rollback")
"""``check``: verify, no change; ``change``: creates or repoints, reversible; ``destructive``:
deletes, replaces or detaches (its title says so; it comes after every ``change``);
``rollback``: how to undo the proposal (always the last step)."""


@dataclass(frozen=True)
class Input:
    """A value the snapshot cannot know, named in a step's snippets: ``var.<name>`` in
    Terraform, a ``const`` (camelCase of ``name``) of type ``ts_type`` in CDK."""

    name: str
    description: str
    ts_type: str = "string"
    tf_type: str = "string"

    def to_json(self) -> dict[str, str]:
        """JSON form."""
        return {
            "name": self.name,
            "description": self.description,
            "ts_type": self.ts_type,
            "tf_type": self.tf_type,
        }


@dataclass(frozen=True)
class Step:
    """One ordered migration step, with the CDK (TypeScript) and Terraform change it implies,
    its kind (:data:`STEP_KINDS`) and the inputs its snippets name."""

    title: str
    detail: str
    cdk: str = ""
    terraform: str = ""
    kind: str = "change"
    inputs: tuple[Input, ...] = ()

    def to_json(self, order: int) -> dict[str, Any]:
        """JSON form (``order`` from 1)."""
        return {
            "order": order,
            "kind": self.kind,
            "title": self.title,
            "detail": self.detail,
            "cdk": self.cdk,
            "terraform": self.terraform,
            "inputs": [i.to_json() for i in self.inputs],
        }

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> Step:
        """Back from JSON."""
        return cls(
            doc["title"],
            doc["detail"],
            doc.get("cdk", ""),
            doc.get("terraform", ""),
            doc.get("kind", "change"),
            tuple(
                Input(
                    i["name"],
                    i["description"],
                    i.get("ts_type", "string"),
                    i.get("tf_type", "string"),
                )
                for i in doc.get("inputs") or ()
            ),
        )


@dataclass(frozen=True)
class Unknown:
    """A usage-priced part the snapshot has no metric for: never counted as $0."""

    item: str
    effect: str
    """``saving`` (the proposal removes this usage charge) or ``cost`` (it adds it)."""
    price: str
    """The list price that applies once usage is known (``$0.008/LCU-hour``)."""

    def to_json(self) -> dict[str, str]:
        """JSON form."""
        return {"item": self.item, "effect": self.effect, "price": self.price}


@dataclass(frozen=True)
class Variant:
    """One way to carry out a proposal (with / without an accelerator ...): its own path,
    removals, savings, risks and steps. ``drops`` names stated guarantees it does not keep."""

    name: str
    summary: str
    proposed_path: tuple[str, ...]
    removed: tuple[str, ...]
    monthly_savings_usd: float
    usage_unknown: tuple[Unknown, ...]
    savings_basis: str
    hops_saved: int
    risks: tuple[str, ...]
    steps: tuple[Step, ...]
    drops: tuple[str, ...] = ()

    def to_json(self, default: bool) -> dict[str, Any]:
        """JSON form (``default``: the variant the proposal's top-level fields describe)."""
        return {
            "name": self.name,
            "summary": self.summary,
            "default": default,
            "proposed_path": list(self.proposed_path),
            "removed": list(self.removed),
            "monthly_savings_usd": self.monthly_savings_usd,
            "usage_unknown": [u.to_json() for u in self.usage_unknown],
            "savings_basis": self.savings_basis,
            "hops_saved": self.hops_saved,
            "drops": list(self.drops),
            "risks": list(self.risks),
            "steps": [s.to_json(i) for i, s in enumerate(self.steps, 1)],
        }

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> Variant:
        """Back from JSON."""
        return cls(
            name=doc["name"],
            summary=doc.get("summary", ""),
            proposed_path=tuple(doc["proposed_path"]),
            removed=tuple(doc["removed"]),
            monthly_savings_usd=float(doc["monthly_savings_usd"]),
            usage_unknown=tuple(Unknown(**u) for u in doc.get("usage_unknown") or ()),
            savings_basis=doc.get("savings_basis", ""),
            hops_saved=int(doc["hops_saved"]),
            risks=tuple(doc.get("risks") or ()),
            steps=tuple(Step.from_json(x) for x in doc.get("steps") or ()),
            drops=tuple(doc.get("drops") or ()),
        )


@dataclass(frozen=True)
class Proposal:
    """A simplification proposal for one redundancy finding.

    ``current_path`` / ``proposed_path`` are traffic paths (node ids, entry first) in the
    before / after graphs; ``removed`` the nodes :func:`edgekit.plan.apply` deletes (the one
    meaning of "removed" everywhere); ``hops_saved`` the network intermediaries
    (distributions, load balancers, API Gateway APIs, accelerators, the hidden CloudFront
    layer of an edge-optimized API) fewer on the path; ``monthly_savings_usd`` the certain part
    of the savings (fixed parts, and usage parts with metrics); ``usage_unknown`` the usage
    parts without metrics (never counted as $0). The top-level fields describe the default
    variant; ``variants`` lists every variant (the default included) when there is a choice.
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
    usage_unknown: tuple[Unknown, ...] = ()
    price_region: str = ""
    variant: str = ""
    variants: tuple[Variant, ...] = ()
    hidden: tuple[str, ...] = ()
    """Hops of ``current_path`` the graph does not model (``hidden:`` ids, drawn as such)."""

    def to_json(self) -> dict[str, Any]:
        """The §2 JSON form (plus ``resource``, ``title``, variants and unknown parts)."""
        return {
            "id": self.id,
            "check_id": self.check_id,
            "resource": self.resource,
            "title": self.title,
            "entrypoint": self.entrypoint,
            "current_path": list(self.current_path),
            "proposed_path": list(self.proposed_path),
            "hidden_hops": list(self.hidden),
            "removed": list(self.removed),
            "monthly_savings_usd": self.monthly_savings_usd,
            "usage_unknown": [u.to_json() for u in self.usage_unknown],
            "savings_basis": self.savings_basis,
            "price_region": self.price_region,
            "hops_saved": self.hops_saved,
            "variant": self.variant,
            "variants": [v.to_json(v.name == self.variant) for v in self.variants],
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
            steps=tuple(Step.from_json(s) for s in doc["steps"]),
            title=doc.get("title", ""),
            usage_unknown=tuple(Unknown(**u) for u in doc.get("usage_unknown") or ()),
            price_region=doc.get("price_region", ""),
            variant=doc.get("variant", ""),
            variants=tuple(Variant.from_json(v) for v in doc.get("variants") or ()),
            hidden=tuple(doc.get("hidden_hops") or ()),
        )


def proposal_id(check_id: str, resource: str) -> str:
    """Stable id: the check's short name and a digest of (check, resource)."""
    digest = hashlib.sha256(f"{check_id}|{resource}".encode()).hexdigest()[:10]
    return f"{check_id.rpartition('.')[2]}-{digest}"
