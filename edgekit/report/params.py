"""A notebook's ``parameters`` cell, read without running it, and strict parameter validation.

papermill injects whatever it is given and only *warns* about names the notebook does not
declare; edgekit refuses before anything runs instead. The ``parameters`` cell (the one code
cell tagged ``parameters``) declares each parameter as a typed, commented assignment::

    snapshot: str = "../snapshots/sample.json.gz"  # snapshot file to report on
    previous_snapshot: str | None = None  # an older snapshot to compare with (optional)
    top_n: int = 10  # rows in ranked tables
    target: str = None  # required: an entrypoint hostname or a proposal id

Types are ``str``, ``int``, ``float`` and ``bool``, optionally ``| None`` (or
``Optional[...]``). A parameter whose default is ``None`` while its type does not allow None is
**required**: the caller must give it. The trailing comment is the parameter's help text.
"""

from __future__ import annotations

import ast
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from edgekit.errors import InputError

if TYPE_CHECKING:
    import nbformat

PARAMETERS_TAG: Final = "parameters"
SCALARS: Final[dict[str, type]] = {"str": str, "int": int, "float": float, "bool": bool}
TRUE: Final = frozenset({"true", "yes", "on", "1"})
FALSE: Final = frozenset({"false", "no", "off", "0"})
NONE: Final = frozenset({"none", "null"})


class ParameterError(InputError):
    """Parameters that do not fit a notebook's ``parameters`` cell (raised before execution)."""


@dataclass(frozen=True)
class Parameter:
    """One declared parameter."""

    name: str
    type_name: str
    """The scalar type: ``str``, ``int``, ``float`` or ``bool``."""
    optional: bool
    """The type allows None (``str | None``)."""
    default: Any
    help: str

    @property
    def required(self) -> bool:
        """Default None on a type that does not allow it: the caller must give a value."""
        return self.default is None and not self.optional

    @property
    def annotation(self) -> str:
        """The type as written: ``int``, ``str | None``."""
        return f"{self.type_name} | None" if self.optional else self.type_name

    def check(self, value: Any) -> Any:
        """``value`` if it has this parameter's type (an int is accepted for a float)."""
        if value is None:
            if self.optional:
                return None
            raise ParameterError(f"parameter {self.name!r} ({self.annotation}) must not be None")
        expected = SCALARS[self.type_name]
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if isinstance(value, bool) and expected is not bool:
            ok = False
        else:
            ok = isinstance(value, expected)
        if not ok:
            raise ParameterError(
                f"parameter {self.name!r} expects {self.annotation}, "
                f"got {type(value).__name__} {value!r}"
            )
        return value

    def parse(self, text: str) -> Any:
        """Convert a command-line string (``-p NAME VALUE``) to this parameter's type."""
        raw = text.strip()
        if self.optional and raw.lower() in NONE:
            return None
        try:
            if self.type_name == "str":
                return text
            if self.type_name == "bool":
                if raw.lower() in TRUE | FALSE:
                    return raw.lower() in TRUE
                raise ValueError(raw)
            if self.type_name == "int":
                return int(raw)
            number = float(raw)
            if not math.isfinite(number):
                raise ValueError(raw)
            return number
        except ValueError:
            hint = " (true/false)" if self.type_name == "bool" else ""
            raise ParameterError(
                f"parameter {self.name!r} expects {self.annotation}{hint}, got {text!r}"
            ) from None


def parameters_cell(nb: nbformat.NotebookNode, origin: str = "notebook") -> int:
    """Index of the one code cell tagged ``parameters``; a clear error otherwise."""
    found = [
        i
        for i, cell in enumerate(nb.cells)
        if cell.get("cell_type") == "code"
        and PARAMETERS_TAG in cell.get("metadata", {}).get("tags", [])
    ]
    if len(found) != 1:
        what = "no code cell" if not found else f"{len(found)} code cells"
        raise ParameterError(f"{origin}: {what} tagged {PARAMETERS_TAG!r} (expected exactly one)")
    return found[0]


def declared(nb: nbformat.NotebookNode, origin: str = "notebook") -> dict[str, Parameter]:
    """The parameters declared by a notebook's ``parameters`` cell, in declaration order."""
    cell = nb.cells[parameters_cell(nb, origin)]
    source = cell.source if isinstance(cell.source, str) else "".join(cell.source)
    try:
        tree = ast.parse(source)
    except SyntaxError as err:
        raise ParameterError(f"{origin}: parameters cell is not valid Python: {err}") from None
    lines = source.splitlines()
    out: dict[str, Parameter] = {}
    for stmt in tree.body:
        if not isinstance(stmt, ast.AnnAssign) or not isinstance(stmt.target, ast.Name):
            raise ParameterError(
                f"{origin}: parameters cell line {stmt.lineno}: expected `name: type = value  "
                "# help`"
            )
        name = stmt.target.id
        type_name, optional = _annotation(stmt.annotation, origin, name)
        if stmt.value is None:
            raise ParameterError(f"{origin}: parameter {name!r} has no default value")
        try:
            default = ast.literal_eval(stmt.value)
        except ValueError:
            raise ParameterError(
                f"{origin}: parameter {name!r}: default is not a literal"
            ) from None
        param = Parameter(name, type_name, optional, default, _comment(lines[stmt.lineno - 1]))
        if default is not None:
            param.check(default)
        out[name] = param
    return out


def _annotation(node: ast.expr, origin: str, name: str) -> tuple[str, bool]:
    """``(scalar type name, allows None)`` of an annotation."""
    text = ast.unparse(node).replace(" ", "")
    optional = False
    if text.startswith("Optional[") and text.endswith("]"):
        text, optional = text[len("Optional[") : -1], True
    parts = text.split("|")
    if len(parts) == 2 and "None" in parts:
        parts.remove("None")
        optional = True
    if len(parts) != 1 or parts[0] not in SCALARS:
        raise ParameterError(
            f"{origin}: parameter {name!r}: type {ast.unparse(node)!r} is not one of "
            "str, int, float, bool (optionally `| None`)"
        )
    return parts[0], optional


def _comment(line: str) -> str:
    """The trailing ``# comment`` of a source line (``#`` inside strings ignored)."""
    quote: str | None = None
    for i, ch in enumerate(line):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
        elif ch == "#":
            return line[i + 1 :].strip()
    return ""


def validate(
    spec: Mapping[str, Parameter], given: Mapping[str, Any], origin: str = "notebook"
) -> dict[str, Any]:
    """Check ``given`` against the declared parameters; return the values to inject.

    Unknown names, missing required parameters and wrong types are one :class:`ParameterError`
    naming every problem (and the declared parameters), raised before anything runs.
    """
    problems: list[str] = []
    unknown = sorted(set(given) - set(spec))
    if unknown:
        problems.append(f"unknown parameter(s) {', '.join(unknown)}")
    missing = [p.name for p in spec.values() if p.required and given.get(p.name) is None]
    if missing:
        problems.append(f"missing required parameter(s) {', '.join(missing)}")
    values: dict[str, Any] = {}
    for name, value in given.items():
        if name in spec and name not in missing:
            try:
                values[name] = spec[name].check(value)
            except ParameterError as err:
                problems.append(str(err))
    if problems:
        accepted = ", ".join(f"{p.name}: {p.annotation}" for p in spec.values())
        raise ParameterError(f"{origin}: {'; '.join(problems)} (declared: {accepted})")
    return values


def describe(spec: Mapping[str, Parameter]) -> list[dict[str, Any]]:
    """The declared parameters as rows (name, type, default, required, help)."""
    return [
        {
            "name": p.name,
            "type": p.annotation,
            "default": p.default,
            "required": p.required,
            "help": p.help,
        }
        for p in spec.values()
    ]
