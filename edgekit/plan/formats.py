"""Proposal documents: JSON (``edgekit.proposals/1``, byte-stable) and a Markdown migration
plan. Pure: no wall-clock time, sorted keys and lists.

Every string that comes from AWS is escaped for Markdown (:func:`md`) in running text and table
cells, and fenced safely in code blocks (:func:`fence`). These are local to the planner for now;
the shared escaping modules of ``edgekit.rules.formats`` / ``edgekit.report`` are expected to take
them over.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from edgekit.escape.mdtext import text as md
from edgekit.plan.model import SCHEMA, Proposal, Step
from edgekit.plan.planner import Plan
from edgekit.plan.prices import savings_text


def fence(code: str) -> str:
    """A code fence longer than any backtick run inside ``code`` (so it cannot be closed)."""
    longest = max((len(m) for m in re.findall(r"`+", code)), default=0)
    return "`" * max(3, longest + 1)


def document(result: Plan, snapshot_meta: Mapping[str, Any]) -> dict[str, Any]:
    """The ``edgekit.proposals/1`` document."""
    table = result.prices
    return {
        "schema": SCHEMA,
        "snapshot": dict(snapshot_meta),
        "prices": {
            "source_date": table.source_date,
            "base_region": table.region,
            "live_date": table.live_date,
            "regional": True,
        },
        "summary": summary(result),
        "proposals": [p.to_json() for p in result.proposals],
        "groups": [g.to_json() for g in result.groups],
        "labels": dict(sorted(result.labels.items())),
        "undecided": [
            {"check_id": f.check_id, "resource": f.resource.id, "message": f.message}
            for f in result.undecided
        ],
        "errors": [e.to_json() for e in result.errors],
    }


def summary(result: Plan) -> dict[str, Any]:
    """Counts and totals (the certain savings; unknown usage parts counted apart)."""
    return {
        "proposals": len(result.proposals),
        "monthly_savings_usd": round(sum(p.monthly_savings_usd for p in result.proposals), 2),
        "proposals_with_usage_unknown": sum(1 for p in result.proposals if p.usage_unknown),
        "hops_saved": sum(p.hops_saved for p in result.proposals),
        "nodes_removed": sum(len(p.removed) for p in result.proposals),
        "undecided": len(result.undecided),
    }


def total_text(result: Plan) -> str:
    """The plan's total as reviewer text (``≥ $X/month + usage (unknown)`` ...)."""
    unknown = [u for p in result.proposals for u in p.usage_unknown]
    return savings_text(summary(result)["monthly_savings_usd"], tuple(unknown))


def to_json(doc: Mapping[str, Any]) -> str:
    """Byte-stable JSON text."""
    return json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def path_text(labels: Mapping[str, str], nodes: Sequence[str]) -> str:
    """``a → b → c`` with reviewer labels (Markdown-escaped); a removal says so."""
    if not nodes:
        return "(nothing: the entrypoint is removed)"
    return " → ".join(md(labels.get(n, n)) for n in nodes)


def removed_text(labels: Mapping[str, str], nodes: Sequence[str]) -> str:
    """``N resources: a, b`` — the same list and count in every document."""
    if not nodes:
        return "nothing"
    return f"{len(nodes)}: " + ", ".join(md(labels.get(n, n)) for n in nodes)


def _steps_md(steps: Sequence[Step]) -> list[str]:
    out: list[str] = []
    for i, s in enumerate(steps, 1):
        out += [f"{i}. **{md(s.title)}** ({s.kind}) — {md(s.detail)}", ""]
        if s.inputs:
            out += [
                "   Inputs: "
                + "; ".join(
                    f"`var.{i.name}` / `{_camel(i.name)}`: {md(i.description)}" for i in s.inputs
                ),
                "",
            ]
        for label, code, lang in (
            ("CDK (TypeScript)", s.cdk, "ts"),
            ("Terraform", s.terraform, "hcl"),
        ):
            if code:
                f = fence(code)
                out += [f"   {label}:", "", f"   {f}{lang}", *_indent(code), f"   {f}", ""]
    return out


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(w.title() for w in rest)


def _proposal_md(p: Proposal, labels: Mapping[str, str]) -> list[str]:
    out = [
        f"## {md(p.title or p.check_id)}",
        "",
        f"`{p.id}` · `{p.check_id}` · resource {md(labels.get(p.resource, p.resource))}",
        "",
        f"* **Entrypoint:** {md(labels.get(p.entrypoint, p.entrypoint))}",
        f"* **Current path:** {path_text(labels, p.current_path)}",
        f"* **Proposed path:** {path_text(labels, p.proposed_path)}",
        f"* **Removed:** {removed_text(labels, p.removed)}",
        f"* **Hops saved:** {p.hops_saved}",
        f"* **Monthly savings:** {md(savings_text(p.monthly_savings_usd, p.usage_unknown))}"
        + (f" (prices of {md(p.price_region)})" if p.price_region not in ("", "global") else ""),
        f"* **Savings basis:** {md(p.savings_basis)}",
    ]
    if p.usage_unknown:
        out.append(
            "* **Usage unknown:** "
            + "; ".join(f"{md(u.item)} ({u.effect}, {md(u.price)})" for u in p.usage_unknown)
        )
    if p.variants:
        out += ["", "### Variants", ""]
        for v in p.variants:
            mark = " (default)" if v.name == p.variant else ""
            drops = f"; does not keep {md(', '.join(v.drops))}" if v.drops else ""
            out.append(
                f"- **{md(v.name)}**{mark}: {md(v.summary)} — "
                f"{md(savings_text(v.monthly_savings_usd, v.usage_unknown))}, "
                f"{v.hops_saved} hop(s) saved, path {path_text(labels, v.proposed_path)}{drops}"
            )
    out += ["", "### Risks and pre-migration checks", "", *[f"- [ ] {md(r)}" for r in p.risks]]
    out += ["", "### Migration steps", "", *_steps_md(p.steps)]
    alternatives = [v for v in p.variants if v.name != p.variant]
    for v in alternatives:
        out += [f"### Steps of the {md(v.name)} variant", "", *_steps_md(v.steps)]
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
    table = result.prices
    labels = result.labels
    accounts = ", ".join(md(a) for a in snapshot_meta.get("accounts", [])) or "?"
    prices_line = (
        f"Prices: list prices of each resource's region as of {table.source_date}"
        + (
            f", AWS Price List API figures of {table.live_date} where read"
            if table.live_date
            else ""
        )
        + " (edgekit/plan/prices.json)."
    )
    lines = [
        "# Simplification plan",
        "",
        f"Snapshot collected {md(snapshot_meta.get('collected_at', '?'))} (accounts {accounts}). "
        f"{s['proposals']} proposals, {s['hops_saved']} hops saved, "
        f"{md(total_text(result))} (certain: fixed parts and metered usage; "
        f"{s['proposals_with_usage_unknown']} proposal(s) have usage without metrics). "
        + prices_line,
        "",
        "| # | proposal | entrypoint | hops saved | removed | savings |",
        "|---|---|---|---|---|---|",
    ]
    for i, p in enumerate(result.proposals, 1):
        lines.append(
            f"| {i} | {md(p.title or p.check_id)} ({md(p.id)}) "
            f"| {md(labels.get(p.entrypoint, p.entrypoint))} | {p.hops_saved} "
            f"| {len(p.removed)} | {md(savings_text(p.monthly_savings_usd, p.usage_unknown))} |"
        )
    lines.append("")
    if result.groups:
        lines += ["## Proposals on the same resource", ""]
        for g in result.groups:
            lines.append(
                f"- {md(labels.get(g.resource, g.resource))}: {g.relation} — "
                + ", ".join(f"`{pid}`" for pid in g.proposals)
                + f". {md(g.reason)}"
            )
        lines.append("")
    for p in result.proposals:
        lines += _proposal_md(p, labels)
    if result.undecided:
        lines += ["## Undecided (data not collected)", ""]
        lines += [
            f"- `{f.check_id}` {md(labels.get(f.resource.id, f.resource.id))}: {md(f.message)}"
            for f in result.undecided
        ]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
