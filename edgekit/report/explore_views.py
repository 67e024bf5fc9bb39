"""What the ``explore`` notebook shows for a selection: the panel and the views that follow it.

A :class:`Selection` is one entrypoint and the findings filters. :func:`initial` makes it from
the notebook's parameters, resolving the entrypoint once (any name ``edgekit lineage
--entrypoint`` accepts: a hostname in any case, a distribution id, an ARN, a load balancer
name) to its hostname, which every view then uses. Each view is one HTML output, so the
controls of :mod:`edgekit.report.explore_widgets` redraw it in place:

* :class:`Panel`: the entrypoint's lineage, the failing findings on its paths, its diagram;
* :class:`TrafficView`: how the entrypoint behaves (``show.traffic(rep, entrypoint=...)``);
* :class:`FindingsView`: the estate's findings of the selected severities, areas, accounts.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Final

import pandas as pd

from edgekit.report import filters, migration, pictures, tables
from edgekit.report.display import interactive_html
from edgekit.report.interactive import html_bundle
from edgekit.report.param_values import entrypoint_hostname
from edgekit.report.svgview import Diagram
from edgekit.report.traffic_show import entrypoint_items
from edgekit.rules.finding import Severity

if TYPE_CHECKING:
    from edgekit.report.data import Report

MAX_FINDINGS: Final = 200
"""Findings rows in the panel's table (the run's ``findings.csv`` holds every one)."""
MAX_HOPS: Final = 60
MAX_ESTATE_FINDINGS: Final = 25
"""Rows of the estate's filtered findings (:class:`FindingsView`)."""
FIELDS: Final = ("hostname", "severities", "areas", "accounts")


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
    """The selection the notebook's parameters make (the worst entrypoint by default).

    ``hostname`` is resolved once to the entrypoint's hostname
    (:func:`~edgekit.report.param_values.entrypoint_hostname`); a name, area, severity or
    account that names nothing raises with the closest ones, never an empty panel.
    """
    known = {*rep.snapshot.accounts(), *accounts(rep)}
    filters.validate(
        rep.registry.ids(), known, area=area, min_severity=min_severity, account=account
    )
    host = entrypoint_hostname(rep.estate, hostname) if hostname else None
    floor = Severity.parse(min_severity)
    sev = tuple(s for s in filters.SEVERITIES if Severity.parse(s) >= floor)
    return Selection(
        host or pictures.most_affected(rep, 1)[0],
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


def estate_findings(rep: Report, sel: Selection) -> pd.DataFrame:
    """Every finding of the estate (failing and unknown, worst first) of the selected
    severities, areas and accounts (findings of no account kept, as in the panel)."""
    frame = rep.findings_frame()
    area = frame["check"].str.split(".", n=1).str[0]
    account = frame["account"].fillna("")
    keep = (
        frame["severity"].isin(sel.severities)
        & area.isin(sel.areas)
        & ((account == "") | account.isin(sel.accounts))
    )
    return frame[keep].drop(columns=["resource id"]).reset_index(drop=True)


def filters_text(rep: Report, sel: Selection) -> str:
    """``area waf, severity ≥ high``: the selection's filters in words (``any`` for every
    area; ``, account …`` only when not every account is selected)."""
    every_area = not set(areas(rep)) - set(sel.areas)
    area = "any" if every_area else ", ".join(sel.areas) or "none"
    chosen = [s for s in filters.SEVERITIES if s in sel.severities]
    top = list(filters.SEVERITIES[: len(chosen)])
    severity = f"≥ {chosen[-1]}" if chosen and chosen == top else ", ".join(chosen) or "none"
    text = f"area {area}, severity {severity}"
    if set(accounts(rep)) - set(sel.accounts):
        text += f", account {', '.join(sel.accounts) or 'none'}"
    return text


def html_of(item: Any) -> str:
    """A display object (a table, a picture, IPython ``HTML`` or ``Markdown``) as HTML; Markdown
    is rendered as CommonMark with raw HTML escaped (the texts escape AWS values already)."""
    if hasattr(item, "_repr_html_"):
        return str(item._repr_html_())
    if hasattr(item, "_repr_markdown_"):
        from markdown_it import MarkdownIt

        text = str(item._repr_markdown_())
        return str(MarkdownIt("commonmark", {"html": False}).render(text))
    raise TypeError(f"cannot show {type(item).__name__} as HTML")


@dataclass(frozen=True)
class View:
    """One HTML output of the explore notebook, drawn for a selection (a subclass says how)."""

    rep: Report
    selection: Selection
    follows: ClassVar[tuple[str, ...]] = FIELDS
    """The :class:`Selection` fields it depends on (a change of another one keeps it)."""
    label: ClassVar[str] = "view"
    """Its name in the plain-text form of the output."""

    def parts(self) -> list[str]:
        """The view's HTML pieces."""
        raise NotImplementedError

    def _repr_html_(self) -> str:
        return "".join(self.parts())

    def _repr_mimebundle_(
        self, include: Any = None, exclude: Any = None
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        text = f"<explore {self.label}: {self.selection.hostname}>"
        return html_bundle(self._repr_html_(), text)


@dataclass(frozen=True)
class Panel(View):
    """One entrypoint's lineage, findings and diagram, as one HTML output."""

    label: ClassVar[str] = "panel"

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


@dataclass(frozen=True)
class TrafficView(View):
    """How the selected entrypoint behaves: requests and errors at its metered hops, hourly."""

    follows: ClassVar[tuple[str, ...]] = ("hostname",)
    label: ClassVar[str] = "traffic"

    def parts(self) -> list[str]:
        """The pieces ``show.traffic(rep, entrypoint=...)`` shows, as HTML."""
        return [html_of(item) for item in entrypoint_items(self.rep, self.selection.hostname)]


@dataclass(frozen=True)
class FindingsView(View):
    """The estate's findings of the selected severities, areas and accounts."""

    follows: ClassVar[tuple[str, ...]] = ("severities", "areas", "accounts")
    label: ClassVar[str] = "findings"

    def parts(self) -> list[str]:
        """The bounded table, its caption naming the filters."""
        frame = estate_findings(self.rep, self.selection)
        caption = filters_text(self.rep, self.selection)
        return [interactive_html(frame, MAX_ESTATE_FINDINGS, caption=caption)]


def key(view: type[View], sel: Selection) -> tuple[Any, ...]:
    """What of ``sel`` a view of this class depends on (equal keys: no redraw needed)."""
    return tuple(getattr(sel, name) for name in view.follows)
