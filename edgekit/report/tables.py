"""Report tables: coverage and gaps, the entrypoint inventory, findings, top risks.

Every function takes a :class:`~edgekit.report.data.Report` and returns a DataFrame with
readable column names (the notebooks show them as they are). Resource ids are shortened to the
name a person would use (``alb web-alb``, ``E1MAINDIST``, :meth:`Report.resource_name
<edgekit.report.data.Report.resource_name>`); the full ids stay in the CSV/JSON files of the
run folder. The findings list itself is :meth:`Report.findings_frame
<edgekit.report.data.Report.findings_frame>`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pandas as pd

from edgekit.render.findings import count, worst
from edgekit.rules.finding import Finding, Severity, Status

if TYPE_CHECKING:
    from edgekit.report.data import Report

SEVERITIES = [s.label for s in sorted(Severity, reverse=True)]
"""Severity labels, worst first."""


def coverage(rep: Report) -> pd.DataFrame:
    """What the snapshot covers: time, source, accounts, regions, units, gaps, failed units."""
    snap = rep.snapshot
    cov = rep.estate.model.coverage
    rows: list[tuple[str, Any]] = [
        ("collected at", snap.collected_at),
        ("source", snap.source),
        ("accounts", ", ".join(snap.accounts())),
        ("regions", ", ".join(snap.regions())),
        ("collection units (account × region × collector)", len(cov.units)),
        ("gaps (reads denied or not available)", len(cov.gaps)),
        ("failed units", len(cov.errors)),
        ("checks evaluated", len(rep.scan.evaluated)),
        ("findings with status unknown (data missing)", sum(1 for f in rep.findings if _unk(f))),
        (
            "entrypoints with an unresolved hop",
            sum(1 for ln in rep.lineages.values() if ln.unresolved),
        ),
    ]
    return pd.DataFrame(rows, columns=["", "value"]).astype({"value": str})


def _unk(f: Finding) -> bool:
    return f.status is Status.UNKNOWN


def gaps(rep: Report) -> pd.DataFrame:
    """One row per gap and failed unit: account, region, collector, operation, error."""
    cov = rep.estate.model.coverage
    rows = [
        {
            "account": g.account_id,
            "region": g.region,
            "collector": g.collector,
            "operation": g.operation,
            "error": g.error_code,
            "kind": kind,
            "message": g.message,
        }
        for kind, items in (("gap", cov.gaps), ("failed unit", cov.errors))
        for g in items
    ]
    columns = ["account", "region", "collector", "operation", "error", "kind", "message"]
    return pd.DataFrame(rows, columns=columns)


def unknown_by_check(rep: Report) -> pd.DataFrame:
    """Checks that could not decide somewhere (status unknown), with how often and why."""
    by: dict[str, list[Finding]] = {}
    for f in rep.findings:
        if _unk(f):
            by.setdefault(f.check_id, []).append(f)
    rows = [
        {"check": cid, "resources": len(fs), "example reason": fs[0].message}
        for cid, fs in sorted(by.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    ]
    return pd.DataFrame(rows, columns=["check", "resources", "example reason"])


def entrypoints(rep: Report) -> pd.DataFrame:
    """The entrypoint inventory with the findings on each entrypoint's paths."""
    order = {host: i for i, host in enumerate(rep.lineages)}
    frame = rep.estate.entrypoints()
    frame = frame.iloc[frame["hostname"].map(order).argsort()]
    counts = {host: count(rep.findings_on(host)) for host in frame["hostname"]}
    out = pd.DataFrame(
        {
            "hostname": frame["hostname"],
            "kind": frame["entry_kind"],
            "account": frame["account_id"],
            "web ACLs": frame["web_acls"],
            "TLS policy": frame["tls_policy"],
            "path": frame["origin_chain"],
            "hops": frame["hops"],
            "worst": [worst(counts[h]) or "—" for h in frame["hostname"]],
            "findings": [_counts_text(counts[h]) for h in frame["hostname"]],
            "unresolved": frame["unresolved"].map({True: "yes", False: ""}),
        }
    )
    return out.reset_index(drop=True)


def _counts_text(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {k}" for k, n in counts.items() if n)


def findings_by(rep: Report, by: str) -> pd.DataFrame:
    """Failing findings counted by ``area``, ``account`` or ``category`` (rows) and severity
    (columns, worst first), plus ``unknown``; sorted by total."""
    keys: dict[str, Callable[[Finding], str]] = {
        "area": lambda f: f.check_id.split(".", 1)[0],
        "account": lambda f: f.resource.account_id or "(none)",
        "category": lambda f: f.category,
        "region": lambda f: f.resource.region or "(none)",
    }
    if by not in keys:
        raise ValueError(f"findings_by: {by!r} is not one of {', '.join(keys)}")
    table: dict[str, Counter[str]] = {}
    for f in rep.findings:
        col = f.severity.label if f.status is Status.FAIL else "unknown"
        table.setdefault(keys[by](f), Counter())[col] += 1
    columns = [*SEVERITIES, "unknown"]
    frame = pd.DataFrame(
        [[table[k][c] for c in columns] for k in table], index=list(table), columns=columns
    )
    frame["total"] = frame[SEVERITIES].sum(axis=1)
    frame = frame.sort_values(["total", *SEVERITIES], ascending=False)
    frame.index.name = by
    return frame.reset_index()


def severity_counts(rep: Report) -> pd.DataFrame:
    """Failing findings per severity (worst first) and the unknown count."""
    c = Counter(f.severity.label if f.status is Status.FAIL else "unknown" for f in rep.findings)
    return pd.DataFrame(
        [{"severity": s, "findings": c[s]} for s in [*SEVERITIES, "unknown"]],
        columns=["severity", "findings"],
    )


def top_risks(rep: Report, n: int = 10, min_severity: str = "medium") -> pd.DataFrame:
    """The worst failing checks, one row each: severity, resources, entrypoints affected and
    the requests they serve.

    Ranked by severity, then by the requests the affected entrypoints served over the metrics
    window (each entry resource once; unknown ranks as none), then by how many entrypoints
    reach a failing resource, then by how many resources fail. ``requests`` reads
    ``not collected`` when the snapshot has no request metrics for any of them, — when none
    of them enters at a metered resource.
    """
    from edgekit.report.traffic import requests_served, view

    floor = Severity.parse(min_severity)
    by_check: dict[str, list[Finding]] = {}
    for f in rep.findings:
        if f.status is Status.FAIL and f.severity >= floor:
            by_check.setdefault(f.check_id, []).append(f)
    exposed = _entrypoints_by_finding(rep)
    traffic = view(rep)
    ranked: list[tuple[tuple[int, float, int, int, str], dict[str, Any]]] = []
    for cid, fs in by_check.items():
        hosts = sorted({h for f in fs for h in exposed.get(id(f), ())})
        served = requests_served(rep, hosts, traffic)
        rank = (-int(fs[0].severity), -(served or 0.0), -len(hosts), -len(fs), cid)
        ranked.append(
            (
                rank,
                {
                    "severity": fs[0].severity.label,
                    "check": cid,
                    "title": fs[0].title,
                    "resources": len({f.resource.id for f in fs}),
                    "entrypoints": len(hosts),
                    "requests": _requests_text(served, hosts, traffic.hostnames),
                    "for example": ", ".join(hosts[:3]) or rep.resource_name(fs[0].resource.id),
                    "fix": fs[0].remediation,
                },
            )
        )
    rows = [row for _, row in sorted(ranked, key=lambda r: r[0])]
    columns = ["severity", "check", "title", "resources", "entrypoints", "requests"]
    return pd.DataFrame(rows[:n], columns=[*columns, "for example", "fix"])


def _requests_text(
    served: float | None, hosts: list[str], entered: dict[str, list[str]]
) -> int | str:
    """The requests cell of a top risk: a count, ``not collected`` (metered, not known) or —
    (no affected entrypoint enters at a metered resource, e.g. a dangling record)."""
    if served is not None:
        return int(served)
    metered = any(set(hosts).intersection(h) for h in entered.values())
    return "not collected" if metered else "—"


def _entrypoints_by_finding(rep: Report) -> dict[int, set[str]]:
    """``id(finding)`` → hostnames whose paths reach the finding's node."""
    out: dict[int, set[str]] = {}
    for host in rep.lineages:
        for f in rep.findings_on(host):
            out.setdefault(id(f), set()).add(host)
    return out
