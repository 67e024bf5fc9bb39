"""The planner's proposals in a report: the tables shown and the rows a review is about.

The report reads the proposals back from ``proposals.json`` as plain rows
(:attr:`Report.proposals <edgekit.report.data.Report.proposals>`; the file is written by
:mod:`edgekit.report.results`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

import pandas as pd

from edgekit.errors import did_you_mean
from edgekit.graph import UnknownEntrypointError
from edgekit.plan.prices import savings_text

if TYPE_CHECKING:
    from edgekit.plan import Proposal
    from edgekit.report.data import Report


def to_proposal(row: Mapping[str, Any]) -> Proposal:
    """A proposal row back as a :class:`~edgekit.plan.Proposal` (for ``apply`` and diagrams)."""
    from edgekit.plan import Proposal

    return Proposal.from_json(dict(row))


CERTAIN: Final = "certain $/month"
"""The priced part of a saving, a number (CSV); never the whole saving when usage is unknown."""
USAGE_UNKNOWN: Final = "usage unknown"
"""The usage-priced items whose amount is unknown (``item (saving|cost)``; empty when none)."""
SAVINGS: Final = "savings"
"""Reviewer text (:func:`edgekit.plan.prices.savings_text`): ``≥ $16.43/month + usage
(unknown)``, never ``$0.00`` for an unknown."""
NUMBERS: Final = (CERTAIN, USAGE_UNKNOWN)
"""The column pair behind ``savings``: kept in the CSV, left out of the displayed tables."""


def proposals_frame(rep: Report) -> pd.DataFrame:
    """One row per proposal, largest certain monthly savings first.

    ``savings`` is the reviewer text; ``certain $/month`` and ``usage unknown`` are the column
    pair behind it (the certain part is a lower or upper bound when usage is unknown)."""
    rows = [
        {
            "id": p["id"],
            "what": p.get("title") or p["check_id"],
            "entrypoint": _label(rep, p["entrypoint"]),
            "removes": ", ".join(_label(rep, n) for n in significant(rep, p["removed"])) or "—",
            "hops saved": p["hops_saved"],
            SAVINGS: _savings(float(p["monthly_savings_usd"]), _unknown(p)),
            CERTAIN: round(float(p["monthly_savings_usd"]), 2),
            USAGE_UNKNOWN: "; ".join(_unknown_text(u) for u in _unknown(p)),
            "basis": p["savings_basis"],
        }
        for p in rep.proposals
    ]
    columns = ["id", "what", "entrypoint", "removes", "hops saved", SAVINGS, *NUMBERS, "basis"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values([CERTAIN, "hops saved", "id"], ascending=[False, False, True])


def savings_by_check(rep: Report) -> pd.DataFrame:
    """Proposals, hops saved and monthly savings per redundancy pattern (the same column
    pair as :func:`proposals_frame`: an unknown usage part is never summed as 0)."""
    by: dict[str, list[Mapping[str, Any]]] = {}
    for p in rep.proposals:
        by.setdefault(p["check_id"], []).append(p)
    rows = []
    for cid, ps in by.items():
        certain = sum(float(p["monthly_savings_usd"]) for p in ps)
        unknown = [u for p in ps for u in _unknown(p)]
        rows.append(
            {
                "pattern": cid.removeprefix("redundancy."),
                "proposals": len(ps),
                "hops saved": sum(int(p["hops_saved"]) for p in ps),
                SAVINGS: _savings(certain, unknown),
                CERTAIN: round(certain, 2),
                USAGE_UNKNOWN: "; ".join(dict.fromkeys(_unknown_text(u) for u in unknown)),
            }
        )
    frame = pd.DataFrame(rows, columns=["pattern", "proposals", "hops saved", SAVINGS, *NUMBERS])
    return frame.sort_values([CERTAIN, "pattern"], ascending=[False, True]).reset_index(drop=True)


def _unknown(p: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The proposal's usage parts priced at list price with usage unknown (JSON rows)."""
    return list(p.get("usage_unknown") or [])


def _savings(certain: float, unknown: Sequence[Mapping[str, Any]]) -> str:
    return savings_text(certain, tuple(unknown))


def _unknown_text(u: Mapping[str, Any]) -> str:
    return f"{u.get('item', '?')} ({u.get('effect', '?')})"


SIGNIFICANT: Final = frozenset(
    {
        "distribution",
        "load-balancer",
        "accelerator",
        "api",
        "api-stage",
        "api-domain",
        "web-acl",
        "web-acl-classic",
        "lambda-url",
        "dns",
    }
)
"""Node kinds a reader counts as "a thing removed" (listeners, rules, behaviors and origins go
with them)."""


def significant(rep: Report, nodes: Sequence[str]) -> list[str]:
    """The nodes of ``nodes`` that are resources in their own right (all of them when none
    is, so a list never comes out empty)."""
    kept = [n for n in nodes if (rep.node_attrs(n) or {}).get("kind") in SIGNIFICANT]
    return kept or list(nodes)


def _label(rep: Report, node: str) -> str:
    """A node's label (its id when the graph does not know it, e.g. a node a proposal adds)."""
    attrs = rep.node_attrs(node)
    return str(attrs.get("label") or node) if attrs is not None else node


DETAIL: Final = frozenset(
    {"behavior", "origin", "origin-group", "listener", "listener-rule", "target", "vpc-origin"}
)
"""Node kinds left out of a path as text (configuration between the hops that matter)."""


def path_text(rep: Report, nodes: Sequence[str]) -> str:
    """``a → b → c`` with node labels, configuration hops (behaviors, origins, listeners,
    rules, targets) left out; ``(removed entirely)`` for an empty path."""
    if not nodes:
        return "(removed entirely)"
    kept = [n for n in nodes if (rep.node_attrs(n) or {}).get("kind") not in DETAIL]
    return " → ".join(_label(rep, n) for n in kept or nodes)


def for_target(rep: Report, target: str) -> list[Mapping[str, Any]]:
    """The proposals a migration review is about: the one with this id, else those whose
    entrypoint or current path touches this entrypoint's traffic (hostname or node id)."""
    by_id: list[Mapping[str, Any]] = [p for p in rep.proposals if p["id"] == target]
    if by_id:
        return by_id
    try:
        entry = rep.estate.entry_node(target)
    except UnknownEntrypointError as err:
        hint = did_you_mean(target, [str(p["id"]) for p in rep.proposals])
        if not hint:
            raise
        raise UnknownEntrypointError(f"{err}; no proposal {target!r} either{hint}") from None
    reach = {h.node for h in rep.estate.lineage(entry)}
    return [
        p
        for p in rep.proposals
        if p["entrypoint"] in (entry, target) or reach & set(p["current_path"])
    ]
