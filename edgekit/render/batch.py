"""A run's pictures: which specs to draw for a snapshot, and drawing them into one folder.

``select`` picks the specs (one entrypoint, every entrypoint up to a cap, the account
overviews, the before/after of proposals); ``write`` draws them (one ``dot`` process per picture,
several at once: :func:`edgekit.render.draw.render_many`) and writes ``index.json`` describing
every picture.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Final

from edgekit.graph import Estate
from edgekit.render.beforeafter import after_graph, before_after_spec
from edgekit.render.common import unique
from edgekit.render.entrypoint import entrypoint_spec, spec_for_entry
from edgekit.render.findings import FindingIndex
from edgekit.render.overview import overview_specs
from edgekit.render.project import reach
from edgekit.render.spec import NODE_CAP, DiagramSpec

MAX_ENTRYPOINT_PICTURES: Final = 100
"""Entrypoint pictures drawn by default in one run (the overviews list every entrypoint)."""


@dataclass
class Selection:
    """The specs of a run and what was left out (said to the user)."""

    specs: list[DiagramSpec] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def select(
    estate: Estate,
    index: FindingIndex,
    *,
    entrypoint: str | None = None,
    overview: bool = False,
    after: bool = False,
    max_pictures: int = MAX_ENTRYPOINT_PICTURES,
    cap: int = NODE_CAP,
) -> Selection:
    """The pictures to draw.

    With ``entrypoint``: that entrypoint (plus the overviews with ``overview``). With only
    ``overview``: the overviews. With neither: every entrypoint (the first ``max_pictures`` by
    hostname) and the overviews. ``after`` adds the before/after pictures of the simplification
    proposals (those on the entrypoint's paths, or all).
    """
    out = Selection()
    if entrypoint is not None:
        out.specs.append(entrypoint_spec(estate, index, entrypoint, cap=cap))
    elif not overview:
        found = estate.entries()
        if len(found) > max_pictures:
            out.notes.append(
                f"drew {max_pictures} of {len(found):,} entrypoint pictures (cap); the overviews "
                "list every entrypoint; draw one with --entrypoint HOST or raise --max-pictures"
            )
        out.specs += [
            spec_for_entry(estate, index, e.node, e.hostname, cap=cap) for e in found[:max_pictures]
        ]
    if overview or entrypoint is None:
        out.specs += overview_specs(estate, index, cap=cap)
    if after:
        out.specs += after_specs(estate, index, entrypoint)
    names = unique(
        (s.name for s in out.specs), (f"{s.kind}:{s.subject}:{s.part}" for s in out.specs)
    )
    out.specs = [replace(s, name=n) for s, n in zip(out.specs, names, strict=True)]
    return out


def after_specs(estate: Estate, index: FindingIndex, entrypoint: str | None) -> list[DiagramSpec]:
    """Before/after pictures of the planner's proposals (on ``entrypoint``'s paths, or all).

    Each proposal is applied alone, so each picture shows one change.
    """
    from edgekit.plan import plan

    proposals = plan(estate).proposals
    if entrypoint is not None:
        reached = set(reach(estate.graph, estate.entry_node(entrypoint)))
        proposals = [p for p in proposals if p.entrypoint in reached]
    return [before_after_spec(estate, p, after_graph(estate, p), findings=index) for p in proposals]


def write(
    specs: Sequence[DiagramSpec],
    out_dir: str | Path,
    formats: Sequence[str] = ("png",),
    *,
    workers: int | None = None,
) -> list[Path]:
    """Draw every spec in every format into ``out_dir``; merge them into its ``index.json``
    (:mod:`edgekit.render.diagram_index`: pictures of earlier runs kept, same names replaced);
    return the paths.

    Paths are in spec order, formats in the given order, then ``index.json``.
    """
    from edgekit.render import diagram_index
    from edgekit.render.draw import render_many

    out = Path(out_dir)
    processes = workers or min(8, os.cpu_count() or 1)
    with diagram_index.locked(out) as existing:
        drawn = render_many(specs, out, formats, workers=processes)
        paths = [out / p.name for group in drawn for p in group]  # as the caller named the folder
        index = diagram_index.write(out, existing, index_entries(specs, formats))
    return [*paths, out / index.name]


def index_entries(specs: Sequence[DiagramSpec], formats: Sequence[str]) -> list[dict[str, Any]]:
    """The ``index.json`` entries of ``specs`` drawn in ``formats``."""
    return [
        {
            "name": s.name,
            "kind": s.kind,
            "subject": s.subject,
            "title": s.title,
            "part": s.part,
            "parts": s.parts,
            "nodes": len(s.nodes),
            "notes": list(s.notes),
            "files": [f"{s.name}.{f}" for f in formats],
        }
        for s in specs
    ]
