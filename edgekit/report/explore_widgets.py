"""The ``explore`` notebook's panel: pick an entrypoint, filter its findings, see it whole.

:func:`explore` shows, for one entrypoint, its lineage (hops, protections), the failing
findings on its paths and its diagram together in one output (:class:`Panel`). In JupyterLab it
also shows controls (ipywidgets): a search box over the hostnames and the list it filters,
and multi-selects for severity, area and account; changing one redraws the panel in place.
Run headless (papermill, ``edgekit report explore``) the controls do nothing and the panel
shows the selection the notebook's parameters made, so the HTML export holds the same content.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

import pandas as pd

from edgekit.report import migration, pictures, tables
from edgekit.report.display import interactive_html
from edgekit.report.interactive import with_hashes
from edgekit.report.svgview import Diagram
from edgekit.rules.finding import Severity

if TYPE_CHECKING:
    from edgekit.report.data import Report

MAX_FINDINGS: Final = 200
"""Findings rows in the panel's table (the run's ``findings.csv`` holds every one)."""
MAX_HOPS: Final = 60
SEVERITIES: Final = tuple(s.label for s in sorted(Severity, reverse=True))


@dataclass(frozen=True)
class Selection:
    """What the panel shows: one entrypoint and the findings filters."""

    hostname: str
    severities: tuple[str, ...]
    areas: tuple[str, ...]
    accounts: tuple[str, ...]


def areas(rep: Report) -> list[str]:
    """The areas (check id prefixes) of the report's findings, sorted."""
    return sorted({f.check_id.split(".", 1)[0] for f in rep.findings})


def accounts(rep: Report) -> list[str]:
    """The accounts of the report's entrypoints and findings, sorted."""
    found = {str(a) for a in tables.entrypoints(rep)["account"] if a}
    found |= {f.resource.account_id for f in rep.findings if f.resource.account_id}
    return sorted(found)


def hostnames(rep: Report, search: str = "", accounts: Iterable[str] = ()) -> list[str]:
    """Entrypoint hostnames containing ``search`` (any case), of ``accounts`` (all when empty)."""
    frame = tables.entrypoints(rep)
    wanted = set(accounts)
    needle = search.strip().lower()
    return [
        str(h)
        for h, a in zip(frame["hostname"], frame["account"], strict=True)
        if needle in str(h).lower() and (not wanted or str(a) in wanted)
    ]


def initial(
    rep: Report,
    hostname: str | None = None,
    area: str | None = None,
    min_severity: str = "high",
    account: str | None = None,
) -> Selection:
    """The selection the notebook's parameters make (the worst entrypoint by default)."""
    host = hostname or pictures.most_affected(rep, 1)[0]
    floor = Severity.parse(min_severity)
    sev = tuple(s.label for s in sorted(Severity, reverse=True) if s >= floor)
    return Selection(
        host,
        sev,
        (area,) if area else tuple(areas(rep)),
        (account,) if account else tuple(accounts(rep)),
    )


def findings(rep: Report, sel: Selection) -> pd.DataFrame:
    """Failing findings on the selected entrypoint's paths, filtered, worst first."""
    wanted_sev, wanted_area, wanted_acct = set(sel.severities), set(sel.areas), set(sel.accounts)
    rows = [
        {
            "severity": f.severity.label,
            "check": f.check_id,
            "resource": rep.resource_name(f.resource.id),
            "account": f.resource.account_id,
            "message": f.message,
        }
        for f in sorted(rep.findings_on(sel.hostname), key=lambda f: (-int(f.severity), f.check_id))
        if f.status.value == "fail"
        and f.severity.label in wanted_sev
        and f.check_id.split(".", 1)[0] in wanted_area
        and (not f.resource.account_id or f.resource.account_id in wanted_acct)
    ]
    return pd.DataFrame(rows, columns=["severity", "check", "resource", "account", "message"])


@dataclass(frozen=True)
class Panel:
    """One entrypoint's lineage, findings and diagram, as one HTML output."""

    rep: Report
    selection: Selection

    def parts(self) -> list[str]:
        """The panel's HTML pieces: heading, lineage, findings, diagram."""
        rep, sel = self.rep, self.selection
        rv = migration.review(rep, sel.hostname)
        frame = findings(rep, sel)
        sev = ", ".join(sel.severities) or "no severity"
        caption = f"severity {sev}; areas {', '.join(sel.areas) or 'none'}"
        return [
            f"<h3>{html.escape(rv.hostname)}</h3>",
            "<h4>Lineage</h4>",
            interactive_html(migration.lineage(rep, rv), MAX_HOPS, max_chars=200),
            f"<h4>Findings on its paths ({len(frame)})</h4>",
            interactive_html(frame, MAX_FINDINGS, caption=caption),
            "<h4>Diagram</h4>",
            Diagram(pictures.entrypoint(rep, rv.hostname))._repr_html_(),
        ]

    def _repr_html_(self) -> str:
        return "".join(self.parts())

    def _repr_mimebundle_(
        self, include: Any = None, exclude: Any = None
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        page, meta = with_hashes(self._repr_html_())
        text = f"<explore panel: {self.selection.hostname}>"
        return {"text/html": page, "text/plain": text}, {"text/html": meta}


def _multi(label: str, options: Sequence[str], chosen: Sequence[str]) -> Any:
    import ipywidgets as w

    return w.SelectMultiple(
        options=list(options),
        value=[c for c in chosen if c in options],
        description=label,
        rows=min(6, max(2, len(options))),
        layout=w.Layout(width="auto"),
    )


def controls(rep: Report, sel: Selection) -> tuple[Any, dict[str, Any]]:
    """The widgets (a box to display, and the named controls)."""
    import ipywidgets as w

    names = hostnames(rep)
    search = w.Text(placeholder="search hostnames", description="search")
    picker = w.Select(
        options=names,
        value=sel.hostname if sel.hostname in names else None,
        description="entrypoint",
        rows=8,
        layout=w.Layout(width="auto", min_width="24em"),
    )
    parts = {
        "search": search,
        "entrypoint": picker,
        "severity": _multi("severity", SEVERITIES, sel.severities),
        "area": _multi("area", areas(rep), sel.areas),
        "account": _multi("account", accounts(rep), sel.accounts),
    }
    box = w.HBox(
        [
            w.VBox([search, picker]),
            w.VBox([parts["severity"], parts["area"], parts["account"]]),
        ]
    )
    return box, parts


def selection_of(parts: dict[str, Any], current: Selection) -> Selection:
    """The selection the controls show now (the entrypoint kept when the list has none)."""
    return Selection(
        parts["entrypoint"].value or current.hostname,
        tuple(parts["severity"].value),
        tuple(parts["area"].value),
        tuple(parts["account"].value),
    )


def explore(
    rep: Report,
    hostname: str | None = None,
    area: str | None = None,
    min_severity: str = "high",
    account: str | None = None,
) -> Selection:
    """Show the controls and the panel (see the module docstring); returns the selection."""
    from IPython.display import display

    sel = initial(rep, hostname, area, min_severity, account)
    box, parts = controls(rep, sel)
    display(box)  # type: ignore[no-untyped-call]
    handle = display(Panel(rep, sel), display_id=True)  # type: ignore[no-untyped-call]
    state = {"selection": sel}

    def redraw(_: Any = None) -> None:
        chosen = selection_of(parts, state["selection"])
        state["selection"] = chosen
        handle.update(Panel(rep, chosen))

    def refilter(_: Any = None) -> None:
        names = hostnames(rep, parts["search"].value, parts["account"].value)
        picker = parts["entrypoint"]
        keep = picker.value if picker.value in names else None
        picker.options = names
        picker.value = keep

    parts["search"].observe(refilter, names="value")
    parts["account"].observe(refilter, names="value")
    for key in ("entrypoint", "severity", "area", "account"):
        parts[key].observe(redraw, names="value")
    return sel
