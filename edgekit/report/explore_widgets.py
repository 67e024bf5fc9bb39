"""The ``explore`` notebook's controls: pick an entrypoint, filter, and every view follows.

:func:`explore` shows, for one entrypoint, its lineage (hops, protections), the failing
findings on its paths and its diagram together in one output (:class:`Panel`), and returns an
:class:`Explorer` whose :meth:`Explorer.traffic` and :meth:`Explorer.findings` show the
entrypoint's traffic and the estate's filtered findings further down the notebook. In
JupyterLab it also shows controls (ipywidgets): a search box over the hostnames and the list it
filters, and multi-selects for severity, area and account; changing one redraws, in place,
every view that depends on it. Run headless (papermill, ``edgekit report explore``) the
controls do nothing and the views show the selection the notebook's parameters made, so the
HTML export holds the same content.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from edgekit.report.explore_views import MAX_FINDINGS as MAX_FINDINGS
from edgekit.report.explore_views import MAX_HOPS as MAX_HOPS
from edgekit.report.explore_views import FindingsView as FindingsView
from edgekit.report.explore_views import Panel as Panel
from edgekit.report.explore_views import Selection as Selection
from edgekit.report.explore_views import TrafficView as TrafficView
from edgekit.report.explore_views import View as View
from edgekit.report.explore_views import accounts as accounts
from edgekit.report.explore_views import areas as areas
from edgekit.report.explore_views import findings as findings
from edgekit.report.explore_views import hostnames as hostnames
from edgekit.report.explore_views import initial as initial
from edgekit.report.explore_views import key
from edgekit.report.filters import SEVERITIES

if TYPE_CHECKING:
    from edgekit.report.data import Report


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


class Explorer:
    """The controls' selection and the views drawn for it (each redrawn when the part of the
    selection it depends on changes)."""

    def __init__(self, rep: Report, selection: Selection, parts: dict[str, Any]) -> None:
        """Prefer :func:`explore`."""
        self.rep = rep
        self.selection = selection
        """What the controls select now."""
        self.parts = parts
        self._shown: list[tuple[type[View], Any, tuple[Any, ...]]] = []

    @property
    def hostname(self) -> str:
        """The selected entrypoint's hostname."""
        return self.selection.hostname

    def show(self, view: type[View]) -> None:
        """Display a view of the current selection, redrawn as the selection changes."""
        from IPython.display import display

        handle = display(view(self.rep, self.selection), display_id=True)  # type: ignore[no-untyped-call]
        self._shown.append((view, handle, key(view, self.selection)))

    def traffic(self) -> None:
        """How the selected entrypoint behaves (:class:`TrafficView`)."""
        self.show(TrafficView)

    def findings(self) -> None:
        """The estate's findings of the selected severities, areas, accounts
        (:class:`FindingsView`)."""
        self.show(FindingsView)

    def redraw(self, _: Any = None) -> None:
        """Read the controls; redraw the views whose part of the selection changed."""
        self.selection = selection_of(self.parts, self.selection)
        for i, (view, handle, drawn) in enumerate(self._shown):
            now = key(view, self.selection)
            if now != drawn:
                handle.update(view(self.rep, self.selection))
                self._shown[i] = (view, handle, now)

    def refilter(self, _: Any = None) -> None:
        """Narrow the entrypoint list to the search text and the selected accounts."""
        names = hostnames(self.rep, self.parts["search"].value, self.parts["account"].value)
        picker = self.parts["entrypoint"]
        keep = picker.value if picker.value in names else None
        picker.options = names
        picker.value = keep


def explore(
    rep: Report,
    hostname: str | None = None,
    area: str | None = None,
    min_severity: str = "high",
    account: str | None = None,
) -> Explorer:
    """Show the controls and the panel (see the module docstring); returns the
    :class:`Explorer` whose further views follow the controls too."""
    from IPython.display import display

    sel = initial(rep, hostname, area, min_severity, account)
    box, parts = controls(rep, sel)
    display(box)  # type: ignore[no-untyped-call]
    explorer = Explorer(rep, sel, parts)
    explorer.show(Panel)
    parts["search"].observe(explorer.refilter, names="value")
    parts["account"].observe(explorer.refilter, names="value")
    for name in ("entrypoint", "severity", "area", "account"):
        parts[name].observe(explorer.redraw, names="value")
    return explorer
