"""Cells for CSV files opened in spreadsheet tools: no formula injection.

A cell whose text starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read
as a formula (or a DDE command) by Excel, LibreOffice and Google Sheets. :func:`cell` prefixes
such text with a single quote (OWASP's recommendation), which spreadsheets show as text; numbers
are left alone (a negative number is data, not a formula).
"""

from __future__ import annotations

from typing import Final

FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> object:
    """``value`` itself, or the quoted text when a string would start a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value
