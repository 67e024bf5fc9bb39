"""Notebook sections: each function displays one section of a report and returns nothing.

The notebooks are thin: a Markdown heading, then one call such as ``show.waf(rep)``. Each
section writes its full table as CSV into the run folder and shows a bounded excerpt that
links to it, so the HTML stays readable and the data stays in files. ``show.table``, ``show.facts``,
``show.markdown`` and ``show.picture`` (from :mod:`edgekit.report.display`) are at hand for
notebooks' own cells.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from edgekit.escape.mdtext import code as md_code
from edgekit.escape.mdtext import text as md
from edgekit.report import hostnames, migration, pictures, plots, posture
from edgekit.report import proposals as prop
from edgekit.report import tables as tb
from edgekit.report.compare import compare
from edgekit.report.display import facts, markdown, picture, table
from edgekit.report.show_review import before_after as before_after
from edgekit.report.show_review import current_lineage as current_lineage
from edgekit.report.show_review import pre_checks as pre_checks
from edgekit.report.show_review import review as review
from edgekit.report.show_review import risks as risks
from edgekit.report.show_review import savings as savings
from edgekit.report.show_review import steps as steps
from edgekit.report.traffic_show import traffic as traffic
from edgekit.rules.finding import Severity

if TYPE_CHECKING:
    from edgekit.report.data import Report


def _display(*items: Any) -> None:
    from IPython.display import display

    for item in items:
        display(item)  # type: ignore[no-untyped-call]


def interactive_tables() -> None:
    """Load the sortable, searchable tables' library into the notebook (offline: embedded from
    the itables package, nothing fetched). Call it once, in the first cell."""
    from edgekit.report.interactive import Library

    _display(Library())


def headline(rep: Report) -> None:
    """One paragraph: what the snapshot covers and the headline numbers."""
    s = rep.summary()
    snap = rep.snapshot
    sev = ", ".join(f"{n} {k}" for k, n in _worst_first(s["by_severity"]) if n) or "none"
    text = (
        f"Snapshot collected **{md(snap.collected_at)}** ({md(snap.source)}) from "
        f"**{len(snap.accounts())} account(s)** ({md(', '.join(snap.accounts()))}) in "
        f"{md(', '.join(snap.regions()))}. **{hostnames.summary_text(rep)}**; "
        f"**{s['failing']} failing findings** ({sev}) and {s['unknown']} undecided for lack of "
        f"data; **{s['proposals']} simplification proposals** worth "
        f"**${s['monthly_savings_usd']:,.2f}/month** (list prices, fixed parts)."
    )
    notes = [
        *rep.notes,
        *(f"check error: {e.check_id} on {e.resource_id}" for e in rep.scan.errors),
    ]
    _display(markdown(text + "".join(f"\n\n> {md(n)}" for n in notes)))


def _worst_first(counts: dict[str, int]) -> list[tuple[str, int]]:
    return [(s.label, counts.get(s.label, 0)) for s in sorted(Severity, reverse=True)]


def coverage(rep: Report, max_rows: int = 15) -> None:
    """Coverage facts, the gaps, and the checks that could not decide because of them."""
    _display(facts(dict(tb.coverage(rep).itertuples(index=False, name=None))))
    gaps = tb.gaps(rep)
    if len(gaps):
        rep.write_frame(gaps, "gaps.csv")
        _display(markdown("**Gaps** — reads that were denied or unavailable:"))
        _display(table(gaps, max_rows, source="gaps.csv"))
    else:
        _display(markdown("No gaps: every collector read everything it asked for."))
    unknown = tb.unknown_by_check(rep)
    if len(unknown):
        _display(markdown("**Undecided checks** — data the check needs was not collected:"))
        _display(table(unknown, max_rows))


def inventory(rep: Report, max_rows: int = 30) -> None:
    """Entrypoints by front door (a distribution's aliases with its generated name), then one
    row per hostname (all rows in ``front_doors.csv`` and ``entrypoints.csv``)."""
    doors = hostnames.front_doors(rep)
    rep.write_frame(doors, "front_doors.csv")
    _display(
        markdown(f"**By front door** — {md(hostnames.summary_text(rep))}:"),
        table(doors, max_rows, source="front_doors.csv"),
    )
    frame = tb.entrypoints(rep)
    rep.write_frame(frame, "entrypoints.csv")
    _display(markdown("**Every hostname**:"), table(frame, max_rows, source="entrypoints.csv"))


def findings_overview(rep: Report) -> None:
    """Charts: findings by severity, by area and by account."""
    run = rep.run_dir
    _display(picture(plots.severity_bars(tb.severity_counts(rep), run / "severity.png")))
    by_area = tb.findings_by(rep, "area")
    _display(picture(plots.stacked_bars(by_area, "area", run / "by_area.png", "Findings by area")))
    by_account = tb.findings_by(rep, "account")
    path = run / "by_account.png"
    _display(picture(plots.stacked_bars(by_account, "account", path, "Findings by account")))
    _display(table(by_area, caption="failing findings by area and severity"))


def findings(rep: Report, min_severity: str = "low", max_rows: int = 25, **filters: Any) -> None:
    """Failing findings at or above ``min_severity`` (every finding in ``findings.csv``)."""
    frame = rep.findings_frame(min_severity=min_severity, status="fail", **filters)
    frame = frame.drop(columns=["resource id", "title", "status"])
    _display(table(frame, max_rows, caption=f"severity ≥ {min_severity}", source="findings.csv"))


def top_risks(rep: Report, n: int = 10) -> None:
    """The worst failing checks and the entrypoints they reach."""
    _display(table(tb.top_risks(rep, n), n))


def waf(rep: Report, max_rows: int = 40) -> None:
    """The WAF coverage matrix (entrypoint × protection)."""
    frame = posture.waf_matrix(rep)
    rep.write_frame(frame, "waf_coverage.csv")
    _display(table(frame, max_rows, source="waf_coverage.csv"))
    _legend()


def _legend() -> None:
    _display(
        markdown(
            "✓ in place, no check fails · ✗ missing or a check fails · ? undecided (data not "
            "collected) · — does not apply (no CloudFront or no web ACL on the path)"
        )
    )


def tls(rep: Report, max_rows: int = 40) -> None:
    """TLS per entrypoint, then the certificates closest to expiry."""
    frame = posture.tls_matrix(rep)
    rep.write_frame(frame, "tls_posture.csv")
    _display(table(frame, max_rows, source="tls_posture.csv"))
    _legend()
    certs = posture.certificates(rep)
    rep.write_frame(certs, "certificates.csv")
    _display(markdown("**Certificates**, soonest expiry first (days counted from the snapshot):"))
    _display(table(certs, 10, source="certificates.csv"))


def caching(rep: Report, max_rows: int = 20) -> None:
    """Cache behaviors with failing ``cache.*`` checks first."""
    frame = posture.caching(rep)
    rep.write_frame(frame, "caching_posture.csv")
    flagged = frame[frame["findings"] != ""]
    note = f"{len(flagged)} of {len(frame)} cache behaviors have a failing cache check"
    _display(table(flagged if len(flagged) else frame, max_rows, note, "caching_posture.csv"))


def proposals(rep: Report, max_rows: int = 20) -> None:
    """Savings per redundancy pattern, then every proposal (plan in ``proposals.md``)."""
    if not rep.proposals:
        _display(markdown("No redundant intermediaries found: nothing to simplify."))
        return
    _display(table(prop.savings_by_check(rep).drop(columns=[*prop.NUMBERS]), caption="per pattern"))
    frame = prop.proposals_frame(rep)
    rep.write_frame(frame, "proposals.csv")
    _display(table(frame.drop(columns=[*prop.NUMBERS, "basis"]), max_rows, source="proposals.csv"))


def diagrams(rep: Report, n: int = 4, overviews: bool = True, max_overviews: int = 6) -> None:
    """The account overviews (at most ``max_overviews`` pictures: those with the worst cards)
    and the ``n`` entrypoints with the worst findings, embedded in the report."""
    chosen, total = pictures.chosen_overviews(rep, max_overviews) if overviews else ([], 0)
    hosts = pictures.most_affected(rep, n)
    specs = [*chosen, *(pictures.entrypoint_picture(rep, host) for host in hosts)]
    drawn = pictures.draw_many(rep, specs)  # every picture at once: one dot process each
    paths = drawn[: len(chosen)]
    if overviews:
        for path in paths:
            _display(picture(path))
        if total > len(paths):
            _display(
                markdown(
                    f"*Showing {len(paths)} of {total} overview pictures (those with the worst "
                    "cards); draw them all with `edgekit diagram SNAPSHOT --overview`.*"
                )
            )
    for host, path in zip(hosts, drawn[len(chosen) :], strict=True):
        _display(markdown(f"**{md(host)}**"), picture(path))
    folder = md_code(rep.diagrams_dir)
    if rep.link_base is not None:
        rel = Path(os.path.relpath(rep.diagrams_dir, rep.link_base)).as_posix()
        folder = f"[{md(rel)}/](<{md(rel)}/>)"
    _display(
        markdown(
            f"All pictures are in {folder}; draw any entrypoint with "
            "`edgekit diagram SNAPSHOT --entrypoint HOST`."
        )
    )


def comparison(rep: Report, previous: str | None, max_rows: int = 20) -> None:
    """New and fixed findings, added, removed and changed entrypoints since ``previous``."""
    if not previous:
        _display(markdown("*No previous snapshot given (parameter `previous_snapshot`).*"))
        return
    cmp = compare(rep, rep.previous(previous))
    from edgekit.report.cache import write_json

    write_json(rep.file("comparison.json"), cmp.to_json())
    if cmp.warning:
        _display(markdown(f"> **Warning:** {md(cmp.warning)}"))
    summary = cmp.summary()
    if not summary["count"].any():
        _display(markdown(f"No change since the snapshot collected **{md(cmp.previous)}**."))
        return
    _display(markdown(f"Compared with the snapshot collected **{md(cmp.previous)}**."))
    _display(table(summary))
    parts: Iterable[tuple[str, Any]] = (
        ("New findings", cmp.new_findings.drop(columns=["resource id", "title"])),
        ("Fixed findings", cmp.fixed_findings.drop(columns=["resource id", "title"])),
        ("Entrypoints added", cmp.added_entrypoints),
        ("Entrypoints removed", cmp.removed_entrypoints),
        ("Changed paths (origin, WAF, TLS ...)", cmp.changed_paths),
    )
    for title, frame in parts:
        if len(frame):
            _display(markdown(f"**{title}**"), table(frame, max_rows, source="comparison.json"))
        else:
            _display(markdown(f"**{title}**: none."))


def lineage(rep: Report, hostname: str | None = None, max_rows: int = 60) -> str:
    """One entrypoint's hops (default: the first with the worst findings); returns its name."""
    host = hostname or pictures.most_affected(rep, 1)[0]
    rv = migration.review(rep, host)
    _display(
        markdown(f"**{md(rv.hostname)}** ({md_code(rv.entry)})"),
        table(migration.lineage(rep, rv), max_rows),
    )
    return rv.hostname


def diagram(rep: Report, hostname: str) -> None:
    """One entrypoint's picture, inline: fitted to the width, zoomable, boxes' findings on
    hover (:mod:`edgekit.report.svgview`)."""
    from edgekit.report.svgview import diagram as inline

    _display(inline(pictures.entrypoint(rep, hostname)))
