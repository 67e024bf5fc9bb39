"""Proposal documents: JSON (``edgekit.proposals/1``, byte-stable) and a Markdown migration
plan. Pure: no wall-clock time, sorted keys and lists."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from edgekit.escape.mdtext import cell as md_cell
from edgekit.escape.mdtext import code as md_code
from edgekit.escape.mdtext import text as md
from edgekit.plan import prices
from edgekit.plan.model import SCHEMA, Proposal
from edgekit.plan.planner import Plan


def document(result: Plan, snapshot_meta: Mapping[str, Any]) -> dict[str, Any]:
    """The ``edgekit.proposals/1`` document."""
    table = prices.load()
    return {
        "schema": SCHEMA,
        "snapshot": dict(snapshot_meta),
        "prices": {"source_date": table.source_date, "region": table.region},
        "summary": summary(result),
        "proposals": [p.to_json() for p in result.proposals],
        "undecided": [
            {"check_id": f.check_id, "resource": f.resource.id, "message": f.message}
            for f in result.undecided
        ],
        "errors": [e.to_json() for e in result.errors],
    }


def summary(result: Plan) -> dict[str, Any]:
    """Counts and totals."""
    return {
        "proposals": len(result.proposals),
        "monthly_savings_usd": round(sum(p.monthly_savings_usd for p in result.proposals), 2),
        "hops_saved": sum(p.hops_saved for p in result.proposals),
        "nodes_removed": sum(len(p.removed) for p in result.proposals),
        "undecided": len(result.undecided),
    }


def to_json(doc: Mapping[str, Any]) -> str:
    """Byte-stable JSON text."""
    return json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _path(nodes: tuple[str, ...]) -> str:
    return " → ".join(md_code(n) for n in nodes) if nodes else "(nothing: removed)"


def _proposal_md(p: Proposal) -> list[str]:
    out = [
        f"## {md(p.title or p.check_id)}",
        "",
        f"{md_code(p.id)} · {md_code(p.check_id)} · resource {md_code(p.resource)}",
        "",
        f"* **Entrypoint:** {md_code(p.entrypoint)}",
        f"* **Current path:** {_path(p.current_path)}",
        f"* **Proposed path:** {_path(p.proposed_path)}",
        f"* **Removed:** {', '.join(md_code(n) for n in p.removed) or 'nothing'}",
        f"* **Hops saved:** {p.hops_saved}",
        f"* **Monthly savings:** ${p.monthly_savings_usd:.2f} — {md(p.savings_basis)}",
        "",
        "### Risks and pre-migration checks",
        "",
        *[f"- [ ] {md(r)}" for r in p.risks],
        "",
        "### Migration steps",
        "",
    ]
    for i, s in enumerate(p.steps, 1):
        out += [f"{i}. **{md(s.title)}** — {md(s.detail)}", ""]
        if s.cdk:
            out += ["   CDK (TypeScript):", "", *_fenced(s.cdk, "ts"), ""]
        if s.terraform:
            out += ["   Terraform:", "", *_fenced(s.terraform, "hcl"), ""]
    return out


def _fenced(code: str, language: str) -> list[str]:
    """A fenced code block (indented under a list item) its content cannot close early."""
    longest = max((len(run) for run in re.findall(r"`{3,}", code)), default=0)
    fence = "`" * max(3, longest + 1)
    return [f"   {fence}{language}", *_indent(code), f"   {fence}"]


def _indent(text: str) -> list[str]:
    return [f"   {line}" if line else "" for line in text.splitlines()]


def markdown(result: Plan, snapshot_meta: Mapping[str, Any]) -> str:
    """The migration plan document."""
    s = summary(result)
    table = prices.load()
    lines = [
        "# Simplification plan",
        "",
        f"Snapshot collected {md(snapshot_meta.get('collected_at', '?'))} "
        f"(accounts {md(', '.join(snapshot_meta.get('accounts', [])) or '?')}). "
        f"{s['proposals']} proposals, {s['hops_saved']} hops saved, "
        f"${s['monthly_savings_usd']:.2f}/month priced (fixed parts; usage parts need "
        f"CloudWatch metrics). Prices: {table.region} list prices as of {table.source_date}.",
        "",
        "| # | proposal | entrypoint | hops saved | removed | $/month |",
        "|---|---|---|---|---|---|",
    ]
    for i, p in enumerate(result.proposals, 1):
        lines.append(
            f"| {i} | {md_cell(p.title or p.check_id)} ({md_cell(p.id)}) "
            f"| {md_cell(p.entrypoint)} "
            f"| {p.hops_saved} "
            f"| {len(p.removed)} | {p.monthly_savings_usd:.2f} |"
        )
    lines.append("")
    for p in result.proposals:
        lines += _proposal_md(p)
    if result.undecided:
        lines += ["## Undecided (data not collected)", ""]
        lines += [
            f"- {md_code(f.check_id)} {md_code(f.resource.id)}: {md(f.message)}"
            for f in result.undecided
        ]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
