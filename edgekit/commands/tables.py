"""Terminal tables (rich) for scan results."""

from __future__ import annotations

import io
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from edgekit.commands.outputs import write_output
from edgekit.escape.terminal import clean
from edgekit.rules.finding import Finding, Severity, Status
from edgekit.rules.runner import ScanResult
from edgekit.rules.suppress import Applied

FIRST_SHOWN = 3
"""At most this many asked-for hostnames in a findings row's ``hostname`` cell."""

SEVERITY_STYLE = {
    Severity.CRITICAL: "bold white on red",
    Severity.HIGH: "bold red",
    Severity.MEDIUM: "yellow",
    Severity.LOW: "cyan",
    Severity.INFO: "dim",
}


def print_findings(
    findings: Sequence[Finding],
    result: ScanResult,
    applied: Applied,
    meta: Mapping[str, Any],
    *,
    output: str | None = None,
    label: Callable[[str], str] | None = None,
    hosts_first: Collection[str] = (),
) -> None:
    """A findings table plus a one-line summary (to ``output`` as plain text if given).

    ``label`` names a resource id the way a person does (a distribution's id and first alias, a
    load balancer's name); without it the id is shown. The ``hostname`` column lists the first
    entrypoint whose path crosses the resource, with how many more; the hostnames in
    ``hosts_first`` (those ``scan --entrypoint`` matched) come first (:func:`hostnames_cell`).
    """
    buffer = io.StringIO()
    con = Console(file=buffer, width=160) if output else console()
    table = Table(title=cell(f"findings — snapshot {meta.get('collected_at', '?')}"))
    for col in ("severity", "status", "check", "hostname", "resource", "message"):
        table.add_column(col, overflow="fold")
    for f in findings:
        table.add_row(
            Text(f.severity.label, style=SEVERITY_STYLE[f.severity]),
            Text(f.status.value, style="" if f.status is Status.FAIL else "magenta"),
            cell(f.check_id),
            hostnames_cell(f.entrypoints, hosts_first),
            cell(label(f.resource.id) if label is not None else f.resource.id),
            cell(f.message),
        )
    con.print(table)
    s = result.summary(findings)
    con.print(
        cell(
            f"{s['total']} findings ({s['by_status']}), {s['checks_evaluated']} checks on "
            f"{s['resources_evaluated']} resources; {len(applied.suppressed)} suppressed; "
            f"{len(result.errors)} check errors; gaps in snapshot: {meta.get('gaps', 0)}"
        )
    )
    if output:
        write_output(output, buffer.getvalue())


def hostnames_cell(hosts: Sequence[str], first: Collection[str] = ()) -> Text:
    """The first hostname and ``+N`` more; ``—`` (dim) when no entrypoint reaches it.

    Hostnames in ``first`` (the ones a filter asked for) lead, up to :data:`FIRST_SHOWN` of
    them, so the host asked for is visible; ``+N`` counts the rest.
    """
    if not hosts:
        return Text("—", style="dim")
    asked = [h for h in hosts if h in first]
    shown = asked[:FIRST_SHOWN] or [hosts[0]]
    text = cell(", ".join(shown))
    if len(hosts) > len(shown):
        text.append(f" +{len(hosts) - len(shown)}", style="dim")
    return text


def console(*, stderr: bool = False, min_width: int = 140) -> Console:
    """A rich console for tables: the terminal's width, but never narrower than ``min_width``
    when output is not a terminal (pipes and CI logs would otherwise get 80 columns)."""
    con = Console(stderr=stderr)
    if not con.is_terminal and con.width < min_width:
        con = Console(stderr=stderr, width=min_width)
    return con


def cell(value: object, style: str = "") -> Text:
    """Untrusted text (a name from AWS) for a rich table or print: terminal control sequences
    removed (:mod:`edgekit.escape.terminal`), and a ``Text``, so rich never parses it as
    markup (``[bold red]`` or ``[/x]`` in a name would restyle output or raise)."""
    return Text(clean(value), style=style)
