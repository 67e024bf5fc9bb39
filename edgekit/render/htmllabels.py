"""Graphviz HTML-like labels: a box (icon, name, caption, facts) and the title block.

Text only (no ``diagrams`` import): :mod:`edgekit.render.draw` puts these on the picture.
"""

from __future__ import annotations

from edgekit.escape.htmltext import xml_text
from edgekit.render import labels
from edgekit.render.spec import DiagramSpec, LegendEntry, SpecNode


def node_label(n: SpecNode, icon: str | None, icon_pt: int) -> str:
    """A box's HTML label: the icon (``icon_pt`` square) left of name, caption, facts."""
    rows = [f"<B>{_esc(line)}</B>" for line in labels.wrap(n.label, 28, 2)]
    rows += [
        f'<FONT POINT-SIZE="10" COLOR="#5f6b7a">{_esc(line)}</FONT>'
        for line in labels.wrap(n.caption, 34, 2)
    ]
    findings = labels.findings_line(n.findings)
    for extra in n.lines:
        finding = bool(findings) and extra == findings
        colour = n.style.border if finding and n.severity else "#3e4c59"
        wrapped = labels.wrap_items(extra, 44) if finding else labels.wrap(extra, 44, 2)
        for line in wrapped:
            text = f"<B>{_esc(line)}</B>" if finding else _esc(line)
            rows.append(f'<FONT POINT-SIZE="10" COLOR="{colour}">{text}</FONT>')
    cells = [f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{r}</TD></TR>' for r in rows]
    if icon is not None:
        img = (
            f'<TD ROWSPAN="{len(rows)}" FIXEDSIZE="TRUE" WIDTH="{icon_pt}" HEIGHT="{icon_pt}" '
            f'VALIGN="MIDDLE"><IMG SRC="{_esc(icon)}" SCALE="TRUE"/></TD>'
        )
        cells[0] = cells[0].replace("<TR>", "<TR>" + img, 1)
    table = '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="1" CELLPADDING="1">'
    return f"<{table}{''.join(cells)}</TABLE>>"


def title_block(spec: DiagramSpec) -> str:
    """The picture's label: title, part, coverage footer, notes, legend (top left)."""
    rows = [f'<FONT POINT-SIZE="20"><B>{_esc(spec.title)}</B></FONT>']
    if spec.parts > 1:
        rows.append(
            f'<FONT POINT-SIZE="12" COLOR="#8e0000">part {spec.part} of {spec.parts}</FONT>'
        )
    rows.append(f'<FONT POINT-SIZE="11" COLOR="#3e4c59">{_esc(spec.footer.text)}</FONT>')
    rows += [
        f'<FONT POINT-SIZE="11" COLOR="#3e4c59">{_esc(line)}</FONT>'
        for note in spec.notes
        for line in labels.wrap(note, 150, 3)
    ]
    rows.append(legend(spec.legend))
    body = "".join(f'<TR><TD ALIGN="LEFT">{r}</TD></TR>' for r in rows)
    return f'<<TABLE BORDER="0" CELLSPACING="3" CELLPADDING="1">{body}</TABLE>>'


def legend(entries: tuple[LegendEntry, ...]) -> str:
    """One line of coloured glyphs and words (one cell: a table of cells would be stretched to
    the width of the title block, pulling swatches away from their words)."""
    parts = ['<FONT POINT-SIZE="11"><B>Legend:</B></FONT>']
    for e in entries:
        if e.shape == "node":
            glyph = "▢" if e.style.line == "dashed" else "■"
        else:
            glyph = {"dashed": "╌╌", "dotted": "┈┈"}.get(e.style.line, "━━")
        parts.append(
            f'<FONT POINT-SIZE="13" COLOR="{e.style.border}"><B>{glyph}</B></FONT>'
            f'<FONT POINT-SIZE="10"> {_esc(e.label)}</FONT>'
        )
    return "   ".join(parts)


def _esc(text: str) -> str:
    return xml_text(text)
