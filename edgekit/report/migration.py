"""A migration review: one entrypoint or one proposal, everything a reviewer needs to decide.

:func:`review` resolves the target (a proposal id, an entrypoint hostname or a node id) to the
entrypoint and the proposals concerning it; the notebook then shows the current lineage, the
before / after pictures, risks, pre-migration checks, steps with their CDK and Terraform
snippets, and savings.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

import pandas as pd

from edgekit.escape.mdtext import text as md
from edgekit.plan.paths import label as plan_label
from edgekit.plan.prices import savings_text
from edgekit.report import proposals as prop

if TYPE_CHECKING:
    from edgekit.report.data import Report

PRE_CHECK: Final = "Pre-check: "
LINEAGE_COLUMNS: Final = ["hop", "kind", "via", "web ACLs", "TLS policy", "origin lock", "shield"]


@dataclass(frozen=True)
class Review:
    """What a migration review is about."""

    target: str
    hostname: str
    """The entrypoint's hostname (the first public name of the entry node)."""
    entry: str
    """The entry node id."""
    proposals: Sequence[Mapping[str, Any]]


def review(rep: Report, target: str) -> Review:
    """Resolve a proposal id, hostname or node id (clear error when it names nothing)."""
    found = prop.for_target(rep, target)
    by_id = len(found) == 1 and found[0]["id"] == target
    entry = str(found[0]["entrypoint"]) if by_id else rep.estate.entry_node(target)
    if entry not in rep.estate.graph:
        entry = rep.estate.entry_node(entry)
    hosts = [e.hostname for e in rep.estate.entries() if e.node == entry]
    hostname = target if not by_id and target in rep.lineages else (hosts[0] if hosts else entry)
    return Review(target, hostname, entry, found)


def lineage(rep: Report, rv: Review) -> pd.DataFrame:
    """The current hops of the entrypoint, indented by depth, with protections at each."""
    frame = rep.estate.lineage(rv.entry).to_frame()
    return pd.DataFrame(
        {
            "hop": [
                "\u00a0\u00a0" * int(d) + ("↳ " if d else "") + str(lbl)
                for d, lbl in zip(frame["depth"], frame["label"], strict=True)
            ],
            "kind": frame["kind"],
            "via": frame["via"].fillna("").astype(str)
            + " "
            + frame["detail"].fillna("").astype(str),
            "web ACLs": frame["web_acls"],
            "TLS policy": frame["tls_policy"].fillna(""),
            "origin lock": frame["origin_lock"],
            "shield": frame["shield"].fillna(""),
        },
        columns=LINEAGE_COLUMNS,
    )


def path_findings(rep: Report, rv: Review) -> pd.DataFrame:
    """Failing findings on the entrypoint's current paths, worst first."""
    reach = {h.node for h in rep.estate.lineage(rv.entry)}
    reach |= {a for h in rep.estate.lineage(rv.entry) for a in h.web_acl_ids}
    rows = [
        {
            "severity": f.severity.label,
            "check": f.check_id,
            "resource": rep.resource_name(f.resource.id),
            "message": f.message,
        }
        for f in rep.index.findings(reach)
        if f.status.value == "fail"
    ]
    return pd.DataFrame(rows, columns=["severity", "check", "resource", "message"])


def summary(rep: Report, p: Mapping[str, Any]) -> dict[str, Any]:
    """What a proposal changes and saves. "removed" is the proposal's whole ``removed`` list
    (the same list and count as ``edgekit plan``); unknown usage is said, never $0."""
    hidden = set(p.get("hidden_hops") or ())
    current = [n for n in p["current_path"] if n not in hidden]
    out = {
        "proposal": f"{p['id']} ({p['check_id']})",
        "what": p.get("title") or p["check_id"],
        "current path": prop.path_text(rep, current)
        + "".join(f" (+ {plan_label(rep.estate.graph, n)})" for n in sorted(hidden)),
        "proposed path": prop.path_text(rep, p["proposed_path"]),
        "removed": (
            f"{len(p['removed'])}: " + ", ".join(prop.path_text(rep, [n]) for n in p["removed"])
            if p["removed"]
            else "nothing"
        ),
        "hops saved": p["hops_saved"],
        "monthly savings": savings_text(
            float(p["monthly_savings_usd"]), tuple(p.get("usage_unknown") or ())
        )
        + (
            f" ({p['price_region']} prices)"
            if p.get("price_region") not in (None, "", "global")
            else ""
        ),
        "savings basis": p["savings_basis"],
    }
    if p.get("usage_unknown"):
        out["usage unknown"] = "; ".join(
            f"{u['item']} ({u['effect']}, {u['price']})" for u in p["usage_unknown"]
        )
    if p.get("variants"):
        out["variants"] = "; ".join(
            f"{v['name']}{' (default)' if v['default'] else ''}: "
            + savings_text(float(v["monthly_savings_usd"]), tuple(v["usage_unknown"]))
            for v in p["variants"]
        )
    return out


def risks(p: Mapping[str, Any]) -> list[str]:
    """The proposal's risks (pre-migration checks left out)."""
    return [r for r in p["risks"] if not r.startswith(PRE_CHECK)]


def pre_checks(p: Mapping[str, Any]) -> list[str]:
    """What to verify before migrating (the redundancy check's pre-checks)."""
    return [r.removeprefix(PRE_CHECK) for r in p["risks"] if r.startswith(PRE_CHECK)]


def checklist(items: Sequence[str], empty: str) -> str:
    """Markdown check-list (``- [ ] item``, each item escaped: texts quote AWS names), or
    ``empty`` in italics."""
    return "\n".join(f"- [ ] {md(i)}" for i in items) if items else f"*{md(empty)}*"


STEP_CSS: Final = (
    "<style>.edgekit-step{margin:0 0 18px 0}.edgekit-step h4{margin:14px 0 4px 0}"
    ".edgekit-snippets{display:grid;grid-template-columns:repeat(auto-fit,minmax(26em,1fr));"
    "gap:10px}.edgekit-snippets pre{background:#f6f8fa;border:1px solid #e1e4e8;"
    "border-radius:4px;padding:8px 10px;margin:2px 0 0 0;font-size:12px;overflow-x:auto;"
    "white-space:pre}.edgekit-label{color:#5f6b7a;font-size:12px}</style>"
)


def _snippet(label: str, code: str, language: str) -> str:
    """A labelled, highlighted code block (inline styles: the HTML export stands alone)."""
    from pygments import highlight  # type: ignore[import-untyped]
    from pygments.formatters import HtmlFormatter  # type: ignore[import-untyped]
    from pygments.lexers import get_lexer_by_name  # type: ignore[import-untyped]

    body = highlight(
        code.rstrip(), get_lexer_by_name(language), HtmlFormatter(nowrap=True, noclasses=True)
    )
    return f'<div><div class="edgekit-label">{html.escape(label)}</div><pre>{body}</pre></div>'


def steps_html(p: Mapping[str, Any]) -> str:
    """The ordered steps, each with its CDK (TypeScript) and Terraform snippets side by side."""
    out = [STEP_CSS]
    for s in p["steps"]:
        snippets = []
        if s.get("cdk"):
            snippets.append(_snippet("CDK (TypeScript)", s["cdk"], "typescript"))
        if s.get("terraform"):
            snippets.append(_snippet("Terraform", s["terraform"], "terraform"))
        out.append(
            f'<div class="edgekit-step"><h4>{s["order"]}. {html.escape(str(s["title"]))}</h4>'
            f"<p>{html.escape(str(s['detail']))}</p>"
            f'<div class="edgekit-snippets">{"".join(snippets)}</div></div>'
        )
    return "".join(out) if p["steps"] else "<p><em>no steps</em></p>"


def group_notes(rep: Report, rv: Review) -> list[str]:
    """For the proposals under review, the other proposals on the same resource: the order to
    apply them in, or that they are alternatives, and why (:mod:`edgekit.plan.groups`)."""
    from edgekit.plan.groups import groups
    from edgekit.plan.model import Proposal

    mine = {p["id"] for p in rv.proposals}
    every = [Proposal.from_json(dict(p)) for p in rep.proposals]
    titles = {p.id: p.title or p.check_id for p in every}
    return [
        f"{g.relation}: " + " → ".join(f"{titles[i]} ({i})" for i in g.proposals) + f". {g.reason}"
        for g in groups(every)
        if mine & set(g.proposals)
    ]
