"""Text for terminals: names from AWS must not move the cursor, recolour or reorder output.

:func:`clean` removes ANSI escape sequences (CSI, OSC, other ESC sequences), every other C0 and
C1 control character and the Unicode bidirectional controls (the "Trojan source" overrides), and
turns tabs and line breaks into spaces so a value stays on its table row. Markup of the rich
library is a separate matter: pass cleaned text to rich as ``Text`` objects, never as markup.
"""

from __future__ import annotations

import re
from typing import Final

_ANSI: Final = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]            # CSI ... final byte
  | \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)? # OSC ... BEL or ST (or unterminated)
  | \x1b[PX^_][^\x1b]*(?:\x1b\\)?      # DCS, SOS, PM, APC ... ST
  | \x1b[ -/]*[0-~]                    # other two- or three-byte ESC sequences
  | \x9b[0-?]*[ -/]*[@-~]              # 8-bit CSI
  | \x9d[^\x07\x9c]*[\x07\x9c]?        # 8-bit OSC
    """,
    re.VERBOSE,
)
_BREAKS: Final = re.compile(r"[\t\n\r\v\f\x85\u2028\u2029]")
_CONTROLS: Final = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""C0, DEL, C1, and the bidi marks / embeddings / overrides / isolates."""


def clean(value: object) -> str:
    """``value`` as one line of plain, inert text for a terminal."""
    text = _ANSI.sub("", str(value))
    text = _BREAKS.sub(" ", text)
    return _CONTROLS.sub("", text)
