"""Literal encoders for generated code (issue 11 item 13): every value a snippet carries goes
through one of these, never pasted raw.

* TypeScript: :func:`ts` is ``JSON.stringify`` (a double-quoted string literal; JSON text is
  valid JavaScript since ES2019), with U+2028/U+2029 escaped for older parsers too. Never a
  template literal: `` ` `` and ``${`` have no special meaning inside ``"..."``.
* Terraform HCL: :func:`hcl` is a JSON-style escaped string in which the template sequences
  ``${`` and ``%{`` are escaped as ``$${`` and ``%%{``, so Terraform reads the literal value and
  never interpolates it. Never a heredoc.
* Identifiers (a Terraform resource name, a CDK construct-local ``const``) are not quoted: they
  are built by :func:`tf_name` / :func:`ts_name` from the value, keeping only safe characters.

The functions are registered as Jinja2 filters by :mod:`edgekit.plan.steps` (``{{ x|hcl }}``,
``{{ x|ts }}``, ``{{ xs|hcl_list }}``, ``{{ xs|ts_list }}``, ``{{ x|tf_name }}``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Final

_TS_EXTRA: Final = {"\u2028": "\\u2028", "\u2029": "\\u2029"}


def ts(value: object) -> str:
    """A TypeScript literal for a string, number, boolean or None (``JSON.stringify``)."""
    text = json.dumps(value, ensure_ascii=False)
    for raw, escaped in _TS_EXTRA.items():
        text = text.replace(raw, escaped)
    return text


def hcl(value: object) -> str:
    """A Terraform HCL literal: a JSON-style quoted string with ``${`` / ``%{`` escaped."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return json.dumps(value)
    text = json.dumps(str(value), ensure_ascii=False)
    return text.replace("${", "$${").replace("%{", "%%{")


def ts_list(values: Iterable[object]) -> str:
    """A TypeScript array literal (``["a", "b"]``)."""
    return "[" + ", ".join(ts(v) for v in values) + "]"


def hcl_list(values: Iterable[object]) -> str:
    """A Terraform list literal (``["a", "b"]``)."""
    return "[" + ", ".join(hcl(v) for v in values) + "]"


_UNSAFE: Final = re.compile(r"[^A-Za-z0-9_]+")


def tf_name(value: object) -> str:
    """A Terraform block label / reference name (``[A-Za-z_][A-Za-z0-9_-]*``) from a value."""
    name = _UNSAFE.sub("_", str(value)).strip("_").lower() or "resource"
    return name if not name[0].isdigit() else f"r_{name}"


def ts_name(value: object) -> str:
    """A camelCase TypeScript identifier from a value (never a reserved word: suffixed)."""
    parts = [p for p in _UNSAFE.sub(" ", str(value)).replace("_", " ").split() if p]
    if not parts:
        return "resource"
    name = parts[0].lower() + "".join(p[:1].upper() + p[1:].lower() for p in parts[1:])
    return f"r{name[:1].upper()}{name[1:]}" if name[0].isdigit() else f"{name}Ref"


def hcl_comment(value: object) -> str:
    """A value fit for a ``#`` comment line (newlines and control characters removed)."""
    return "".join(c if c.isprintable() else " " for c in str(value))


ts_comment = hcl_comment
"""A value fit for a ``//`` comment (same rule: one printable line)."""
