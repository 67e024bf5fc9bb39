"""The migration review's sections (``show.review``, ``show.steps`` ... in the notebook).

Each function displays one section for the proposals a :class:`~edgekit.report.migration.Review`
is about; ``review`` resolves the notebook's ``target`` parameter first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from edgekit.escape.mdtext import code as md_code
from edgekit.escape.mdtext import text as md
from edgekit.report import migration, pictures
from edgekit.report.display import facts, markdown, picture, table

if TYPE_CHECKING:
    from edgekit.report.data import Report


def _display(*items: Any) -> None:
    from IPython.display import display

    for item in items:
        display(item)  # type: ignore[no-untyped-call]


def review(rep: Report, target: str | None) -> migration.Review:
    """The migration review's subject (shown), for the sections below."""
    if not target:
        raise ValueError("set the `target` parameter: a proposal id or an entrypoint hostname")
    rv = migration.review(rep, target)
    count = len(rv.proposals)
    _display(
        markdown(f"Entrypoint **{md(rv.hostname)}** ({md_code(rv.entry)}): {count} proposal(s).")
    )
    notes = migration.group_notes(rep, rv)
    if notes:
        _display(
            markdown(
                "**Proposals on the same resource:**\n\n" + "\n".join(f"- {md(n)}" for n in notes)
            )
        )
    return rv


def _each(rv: migration.Review) -> list[tuple[str, Any]]:
    """(sub-heading, proposal) per proposal; no sub-heading when there is one."""
    if len(rv.proposals) == 1:
        return [("", rv.proposals[0])]
    return [
        (f"**{md(p.get('title') or p['check_id'])}** ({md_code(p['id'])})", p) for p in rv.proposals
    ]


def _none(rv: migration.Review) -> bool:
    if rv.proposals:
        return False
    _display(markdown("*No simplification proposal concerns this entrypoint.*"))
    return True


def current_lineage(rep: Report, rv: migration.Review, max_rows: int = 60) -> None:
    """The entrypoint's hops today, and the failing findings on them."""
    _display(table(migration.lineage(rep, rv), max_rows))
    found = migration.path_findings(rep, rv)
    _display(markdown(f"**Failing findings on these hops** ({len(found)}):"))
    _display(table(found, 15))


def before_after(rep: Report, rv: migration.Review) -> None:
    """Each proposal's before / after picture (the current entrypoint picture without one)."""
    if not rv.proposals:
        _display(picture(pictures.entrypoint(rep, rv.hostname)))
    for heading, p in _each(rv):
        _display(
            *([markdown(heading)] if heading else []),
            picture(pictures.before_after(rep, p)),
        )


def risks(rv: migration.Review) -> None:
    """Each proposal's risks."""
    if _none(rv):
        return
    for heading, p in _each(rv):
        text = migration.checklist(migration.risks(p), "no specific risk recorded")
        _display(markdown(f"{heading}\n\n{text}" if heading else text))


def pre_checks(rep: Report, rv: migration.Review) -> None:
    """What to verify first: the proposal's pre-checks, then high findings on the path."""
    for heading, p in _each(rv) if rv.proposals else []:
        text = migration.checklist(migration.pre_checks(p), "no pattern-specific pre-check")
        _display(markdown(f"{heading}\n\n{text}" if heading else text))
    found = migration.path_findings(rep, rv)
    serious = found[found["severity"].isin(["critical", "high"])]
    lines = [f"{r.severity}: {r.check} on {r.resource}" for r in serious.itertuples()]
    _display(
        markdown(
            "Resolve or accept the critical and high findings on the current path first:\n\n"
            + migration.checklist(lines, "none")
        )
    )


def steps(rv: migration.Review) -> None:
    """Each proposal's ordered steps with CDK and Terraform snippets."""
    if _none(rv):
        return
    from IPython.display import HTML

    for heading, p in _each(rv):
        page = HTML(migration.steps_html(p))  # type: ignore[no-untyped-call]
        _display(*([markdown(heading)] if heading else []), page)


def savings(rep: Report, rv: migration.Review) -> None:
    """What each proposal removes and saves."""
    if _none(rv):
        return
    for heading, p in _each(rv):
        _display(*([markdown(heading)] if heading else []), facts(migration.summary(rep, p)))
