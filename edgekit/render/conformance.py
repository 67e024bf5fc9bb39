"""Boxes coloured by conformance to the house patterns instead of by findings (issue 17).

:func:`colour_by_conformance` restyles already built pictures: in an entrypoint picture every
traffic box takes the entrypoint's status (its deviations are listed in the picture's notes);
in an account overview each entrypoint card takes its own status, the rest stays neutral. Web
ACLs, certificates and unresolved nodes keep their look.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Final

from edgekit.conform import Conformance, EntryConformance
from edgekit.render.spec import SEVERITY_STYLES, DiagramSpec, LegendEntry, SpecNode, Style

CONFORMANCE_STYLES: Final[dict[str, Style]] = {
    "conforms": Style(fill="#dff3e4", border="#1b7f3b", penwidth=2.5),
    "unknown": Style(fill="#eef1f4", border="#5f6b7a", penwidth=2.0, line="dotted"),
    "near-miss": Style(fill="#fff8c4", border="#b59a00", penwidth=2.5),
    "deviates": Style(fill="#fbe0dc", border="#d32f2f", penwidth=3.0),
}
"""Status → style (a near miss is one deviation)."""
LABELS: Final = {
    "conforms": "conforms to its pattern",
    "unknown": "conforms where known (data not collected)",
    "near-miss": "near miss (one deviation)",
    "deviates": "deviates",
}
KEEP: Final = frozenset({"web-acl", "web-acl-classic", "certificate"})


def status_of(entry: EntryConformance) -> str:
    """``conforms`` | ``unknown`` | ``near-miss`` | ``deviates``."""
    m = entry.match
    if m is None or not m.deviations:
        return "unknown" if m is None or m.unknowns else "conforms"
    return "near-miss" if len(m.deviations) == 1 else "deviates"


def _restyle(node: SpecNode, status: str | None) -> SpecNode:
    if node.kind in KEEP or node.unresolved:
        return node
    style = CONFORMANCE_STYLES[status] if status else SEVERITY_STYLES["none"]
    return replace(node, style=style)


def colour_by_conformance(specs: Sequence[DiagramSpec], found: Conformance) -> list[DiagramSpec]:
    """The pictures with boxes coloured by conformance (before/after pictures unchanged)."""
    by_host = found.by_hostname()
    legend = tuple(
        LegendEntry(key, LABELS[key], style, "node") for key, style in CONFORMANCE_STYLES.items()
    )
    out: list[DiagramSpec] = []
    for spec in specs:
        if spec.kind == "entrypoint" and spec.subject in by_host:
            entry = by_host[spec.subject]
            status = status_of(entry)
            m = entry.match
            notes = [f"coloured by conformance to pattern {m.pattern}: {status}"] if m else []
            if m is not None:
                notes += [f"deviation — {d.where}: {d.message}" for d in m.deviations]
                notes += [f"unknown — {u.key}: {u.reason}" for u in m.unknowns]
            nodes = tuple(_restyle(n, status) for n in spec.nodes)
            out.append(replace(spec, nodes=nodes, legend=legend, notes=(*spec.notes, *notes)))
        elif spec.kind == "overview":
            nodes = tuple(
                _restyle(n, status_of(by_host[n.id[6:]]) if n.id[6:] in by_host else None)
                if n.id.startswith("entry:")
                else n
                for n in spec.nodes
            )
            note = "entrypoint cards coloured by conformance to the house patterns"
            out.append(replace(spec, nodes=nodes, legend=legend, notes=(*spec.notes, note)))
        else:
            out.append(spec)
    return out
