"""A :class:`~edgekit.report.diff.SnapshotDiff` as Markdown fit for a pull-request comment.

Every value that comes from AWS or a template (names, ids, hostnames, messages, field values)
is escaped so it renders literally: HTML-significant characters as entities, Markdown
punctuation backslash-escaped, line breaks as spaces. Lists are capped (a comment has a size
limit); the counts always say how many there were.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from edgekit.escape.mdtext import text
from edgekit.report.diff import ResourceDiff, SnapshotDiff
from edgekit.rules.finding import Finding

MAX_ROWS: Final = 50


def table(header: Sequence[str], rows: Sequence[Sequence[object]], total: int) -> list[str]:
    """Markdown table lines (cells escaped, at most :data:`MAX_ROWS` rows, a count beyond)."""
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(text(c) for c in row) + " |" for row in rows[:MAX_ROWS]]
    if total > MAX_ROWS:
        out.append(f"\n… and {total - MAX_ROWS} more (see `--format json`)")
    return [*out, ""]


def _findings(title: str, findings: Sequence[Finding]) -> list[str]:
    if not findings:
        return []
    rows = [
        (f.severity.label, f.status.value, f.check_id, f.resource.id, f.message) for f in findings
    ]
    head = ["severity", "status", "check", "resource", "message"]
    return [f"### {title} ({len(findings)})", "", *table(head, rows, len(rows))]


def _resources(title: str, items: Sequence[ResourceDiff]) -> list[str]:
    if not items:
        return []
    rows = [(r.kind, r.id, r.account_id, r.region) for r in items]
    head = ["kind", "id", "account", "region"]
    return [f"### {title} ({len(items)})", "", *table(head, rows, len(rows))]


def _changed(items: Sequence[ResourceDiff]) -> list[str]:
    if not items:
        return []
    out = [f"### Resources changed ({len(items)})", ""]
    for r in items[:MAX_ROWS]:
        count = len(r.changes) + r.more
        out += [
            f"<details><summary>{text(r.kind)} {text(r.id)} ({count} fields)</summary>",
            "",
            *table(
                ["field", "before", "after"],
                [(c.field, c.before, c.after) for c in r.changes],
                len(r.changes),
            ),
        ]
        if r.more:
            out.append(f"… and {r.more} more fields")
        out += ["</details>", ""]
    if len(items) > MAX_ROWS:
        out.append(f"… and {len(items) - MAX_ROWS} more resources")
    return out


def markdown(d: SnapshotDiff) -> str:
    """The diff as a Markdown document (summary first, details after)."""
    s = d.summary()
    base = f"{text(d.base.get('source', '?'))} {text(d.base.get('collected_at', '?'))}"
    new = f"{text(d.new.get('source', '?'))} {text(d.new.get('collected_at', '?'))}"
    out = [
        "## edgekit diff",
        "",
        f"base: {base} → new: {new}",
        "",
        "| change | count |",
        "|---|---|",
        *(f"| {k.replace('_', ' ')} | {v} |" for k, v in s.items()),
        "",
    ]
    out += _findings("New findings", d.new_findings)
    out += _findings("Fixed findings", d.fixed_findings)
    if d.paths_changed:
        rows = [(p.hostname, p.field, p.before, p.after) for p in d.paths_changed]
        out += [f"### Paths changed ({s['paths_changed']} hostnames)", ""]
        out += table(["hostname", "what", "before", "after"], rows, len(rows))
    for title, hosts in (
        ("Entrypoints added", d.entrypoints_added),
        ("Entrypoints removed", d.entrypoints_removed),
    ):
        if hosts:
            out += [f"### {title} ({len(hosts)})", ""]
            out += table(["hostname"], [(h,) for h in hosts], len(hosts))
    out += _resources("Resources added", d.added)
    out += _resources("Resources removed", d.removed)
    out += _changed(d.changed)
    if not any(s.values()):
        out.append("No change.")
    return "\n".join(out).rstrip("\n") + "\n"
