"""Proposals touching the same resource (issue 12 item 7): grouped, with an order or the
statement that they are alternatives, and why.

Two proposals touch the same resource when they are about the same resource (the finding's
resource) or remove a node in common. In a group, a proposal that *removes* the shared
resource excludes the others (alternatives: choose one); otherwise the proposals apply in the
order of :data:`ORDER` (configuration moves before re-creations), each after the previous one is
done.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from edgekit.plan.model import Proposal

ORDER: Final = (
    "redundancy.double_waf",
    "redundancy.s3_website_origin",
    "redundancy.cdn_before_edge_api",
    "redundancy.apigw_proxy_to_alb",
    "redundancy.cdn_chain",
    "redundancy.duplicate_distributions",
    "redundancy.accelerator_and_cdn",
    "redundancy.public_alb_behind_cdn",
    "redundancy.nlb_to_alb",
    "redundancy.redirect_only_lb",
    "redundancy.alb_single_lambda",
    "redundancy.unreferenced_entrypoint",
)
"""Apply order within a group: rule and configuration moves first, then changes that
re-create or remove the resource (a web ACL is moved off an ALB before the ALB is re-created
internal, so the new ALB is created without it)."""


@dataclass(frozen=True)
class Group:
    """Proposals touching the same resource."""

    resource: str
    proposals: tuple[str, ...]
    """Proposal ids, in apply order (alternatives: in the same order, pick one)."""
    relation: str
    """``order`` or ``alternatives``."""
    reason: str

    def to_json(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "resource": self.resource,
            "proposals": list(self.proposals),
            "relation": self.relation,
            "reason": self.reason,
        }


def _rank(p: Proposal) -> tuple[int, str]:
    return (ORDER.index(p.check_id) if p.check_id in ORDER else len(ORDER), p.id)


def _removes(p: Proposal, resource: str) -> bool:
    return any(n.endswith(resource) for n in p.removed)


def groups(proposals: Sequence[Proposal]) -> list[Group]:
    """Groups of two or more proposals touching a common resource (sorted by resource)."""
    parent = {p.id: p.id for p in proposals}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    owner: dict[str, str] = {}
    for p in proposals:
        for key in {p.resource, *p.removed}:
            if key in owner:
                parent[find(p.id)] = find(owner[key])
            else:
                owner[key] = p.id
    members: dict[str, list[Proposal]] = {}
    for p in proposals:
        members.setdefault(find(p.id), []).append(p)
    out = []
    for items in members.values():
        if len(items) < 2:
            continue
        items.sort(key=_rank)
        shared = sorted({p.resource for p in items})[0]
        removing = [p for p in items if _removes(p, shared)]
        if removing:
            relation = "alternatives"
            reason = (
                f"{removing[0].check_id} removes the resource the others change: "
                "choose one of them."
            )
        else:
            relation = "order"
            reason = (
                "Apply in this order, each after the previous one is done and watched: "
                + " → ".join(p.check_id.removeprefix("redundancy.") for p in items)
                + " (rule and configuration moves before changes that re-create the "
                "resource, so nothing is moved onto a resource about to be replaced)."
            )
        out.append(Group(shared, tuple(p.id for p in items), relation, reason))
    return sorted(out, key=lambda g: g.resource)
