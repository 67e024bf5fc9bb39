"""Escaping of untrusted text (every string from AWS is data), one module per medium.

* :mod:`edgekit.escape.terminal` — control sequences (ANSI, C0/C1, bidi overrides) removed;
* :mod:`edgekit.escape.htmltext` — HTML text and attribute values;
* :mod:`edgekit.escape.mdtext` — Markdown inline text, table cells and code spans;
* :mod:`edgekit.escape.csvcell` — spreadsheet formula injection neutralised.

A base package: standard library only, importable from every layer (tests/test_layers.py).
"""
