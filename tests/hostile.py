"""A hostile estate: the sample estate with attacker-chosen names planted in it.

Names in a snapshot are data an attacker may control (a CNAME someone else created, a load
balancer named by a compromised pipeline). The sample estate is copied with a few names replaced
everywhere they occur (so every reference still resolves) by strings that try HTML/script
injection, Markdown link injection, table breaking, rich markup, terminal control sequences and
spreadsheet formulas.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Final

SAMPLE: Final = Path(__file__).resolve().parent / "fixtures" / "snapshots" / "sample.json.gz"

SCRIPT_NAME: Final = "nw-forms<script>window.__xss=1</script>"
"""The ALB and function names of the forms app (they reach proposal titles and risks)."""
HTML_HOST: Final = (
    "forms<img src=x onerror=window.__xss=2>[c](javascript:window.__xss=3)|`t`.northwind.example"
)
"""A public hostname: an HTML event handler, a Markdown javascript: link, a pipe, backticks."""
TERMINAL_NAME: Final = "nw-reports[/x][bold red]\x1b[31m\x1b]0;pwned\x07\u202eevil"
"""A load balancer name: rich markup (a closing tag crashes rich), ANSI colour, an OSC title
change and a right-to-left override."""
FORMULA_HOST: Final = "=1+2@old.northwind.example"
"""A hostname that a spreadsheet would run as a formula."""

REPLACEMENTS: Final = (
    ("forms.northwind.example", HTML_HOST),
    ("nw-forms", SCRIPT_NAME),
    ("nw-reports", TERMINAL_NAME),
    ("d930b28be6c5927595552b219965053e.old.northwind.example", "d930b28be6c5.old.northwind.ex"),
    ("old.northwind.example", FORMULA_HOST),
)


def write_hostile(target: Path) -> Path:
    """Write the hostile estate to ``target`` (plain JSON) and return it."""
    text = gzip.decompress(SAMPLE.read_bytes()).decode("utf-8")
    for plain, hostile in REPLACEMENTS:
        assert plain in text, plain
        text = text.replace(plain, json.dumps(hostile)[1:-1])
    target.write_text(text, encoding="utf-8")
    return target
