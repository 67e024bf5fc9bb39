"""Diagrams for reports, drawn into the run's diagrams folder (``diagrams/<run-id>/``).

A picture already in the folder is reused: the run id covers the snapshot, so a file of the
same name holds the same picture (``edgekit demo`` draws every picture first; the report then
only reads them). :func:`draw_many` draws the missing ones side by side (one ``dot`` process
each, :func:`edgekit.render.draw.render_many`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from edgekit.render import DiagramSpec, entrypoint_spec, overview_specs, render_spec
from edgekit.render.findings import worst
from edgekit.rules.finding import Severity

LABELS = frozenset(s.label for s in Severity)

if TYPE_CHECKING:
    from edgekit.report.data import Report


def draw(rep: Report, spec: DiagramSpec, fmt: str = "svg") -> Path:
    """The picture of ``spec`` in the run's diagrams folder (drawn unless already there)."""
    target = rep.diagrams_dir / f"{spec.name}.{fmt}"
    if target.is_file() and target.stat().st_size:
        return target
    rep.diagrams_dir.mkdir(parents=True, exist_ok=True)
    return render_spec(spec, rep.diagrams_dir, fmt)


def draw_many(rep: Report, specs: Sequence[DiagramSpec], fmt: str = "svg") -> list[Path]:
    """The pictures of ``specs`` (in that order) in the run's diagrams folder, as :func:`draw`
    gives them one by one: those not there yet are drawn side by side. Specs of one name are
    one picture (the first spec's, as drawing them in turn would reuse it)."""
    from edgekit.render.draw import render_many

    targets = [rep.diagrams_dir / f"{spec.name}.{fmt}" for spec in specs]
    missing = {
        spec.name: spec
        for spec, target in zip(specs, targets, strict=True)
        if not (target.is_file() and target.stat().st_size)
    }
    if missing:
        rep.diagrams_dir.mkdir(parents=True, exist_ok=True)
        drawn = render_many(list(missing.values()), rep.diagrams_dir, [fmt])
        paths = {name: group[0] for name, group in zip(missing, drawn, strict=True)}
        targets = [paths.get(s.name, t) for s, t in zip(specs, targets, strict=True)]
    return targets


def entrypoint(rep: Report, hostname: str, fmt: str = "svg") -> Path:
    """One entrypoint's picture, coloured by the report's findings."""
    return draw(rep, entrypoint_picture(rep, hostname), fmt)


def entrypoint_picture(rep: Report, hostname: str) -> DiagramSpec:
    """The spec of one entrypoint's picture, coloured by the report's findings."""
    return entrypoint_spec(rep.estate, rep.index, hostname)


def overviews(rep: Report, fmt: str = "svg", limit: int | None = None) -> tuple[list[Path], int]:
    """The per-account overview pictures (parts included) and how many there are in all.

    With ``limit``, only that many are drawn: the parts holding the worst cards first (then in
    account order), so a report on a large estate stays bounded in size and time; the rest are
    drawn by ``edgekit diagram SNAPSHOT --overview``.
    """
    shown, total = chosen_overviews(rep, limit)
    return draw_many(rep, shown, fmt), total


def chosen_overviews(rep: Report, limit: int | None = None) -> tuple[list[DiagramSpec], int]:
    """The overview specs :func:`overviews` draws (in account order) and how many there are."""
    specs = overview_specs(rep.estate, rep.index)
    chosen = specs if limit is None or len(specs) <= limit else _worst_first(specs)[:limit]
    return sorted(chosen, key=specs.index), len(specs)


def _worst_first(specs: list[DiagramSpec]) -> list[DiagramSpec]:
    def rank(spec: DiagramSpec) -> tuple[int, ...]:
        levels = [int(Severity.parse(n.severity)) for n in spec.nodes if n.severity in LABELS]
        return tuple(-levels.count(int(s)) for s in sorted(Severity, reverse=True))

    return sorted(specs, key=rank)


def before_after(rep: Report, proposal: Mapping[str, Any], fmt: str = "svg") -> Path:
    """A proposal's before / after picture (:func:`edgekit.plan.apply` on its neighbourhood)."""
    from edgekit.render.beforeafter import after_graph, before_after_spec
    from edgekit.report.proposals import to_proposal

    chosen = to_proposal(proposal)
    after = after_graph(rep.estate, chosen)
    return draw(rep, before_after_spec(rep.estate, chosen, after, findings=rep.index), fmt)


def draw_all(rep: Report, fmt: str = "svg") -> list[Path]:
    """Every picture of the run: each entrypoint (up to the renderer's cap), the account
    overviews and each proposal's before / after, drawn in parallel (``edgekit demo``)."""
    from edgekit.render import batch

    selection = batch.select(rep.estate, rep.index, after=True)
    rep.notes.extend(selection.notes)
    return batch.write(selection.specs, rep.diagrams_dir, [fmt])


def most_affected(rep: Report, n: int) -> list[str]:
    """The ``n`` entrypoints with the worst findings on their paths (then the most findings),
    one per first hop past DNS: names of one distribution or load balancer show it once."""
    ranked: list[tuple[int, int, str]] = []
    seen: set[str] = set()
    for host, lineage in rep.lineages.items():
        first = next((h.node for h in lineage if h.kind != "dns"), lineage.entry)
        if first in seen:
            continue
        seen.add(first)
        fs = rep.findings_on(host)
        label = worst({f.severity.label: 1 for f in fs if f.status.value == "fail"})
        level = int(Severity.parse(label)) if label else -1
        ranked.append((-level, -len(fs), host))
    return [host for _, _, host in sorted(ranked)[:n]]
