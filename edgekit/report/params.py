"""A notebook's ``parameters`` cell, read without running it, and strict parameter validation.

papermill injects whatever it is given and only *warns* about names the notebook does not
declare; edgekit refuses before anything runs instead. The ``parameters`` cell (the one code
cell tagged ``parameters``) declares each parameter as a typed, commented assignment::

    from typing import Literal

    snapshot: str = ""  # snapshot file to report on
    previous_snapshot: str | None = None  # an older snapshot to compare with (optional)
    top_n: int = 10  # rows in ranked tables
    min_severity: Literal["high", "medium", "low"] = "medium"  # one of these values only
    target: str = None  # required: an entrypoint hostname or a proposal id

Types are ``str``, ``int``, ``float``, ``bool`` and ``Literal[...]`` of strings or ints (the
allowed values; ``from typing import Literal`` may open the cell), each optionally ``| None``
(or ``Optional[...]``). A parameter whose default is ``None`` while its type does not allow
None is **required**: the caller must give it. The trailing comment is the help text; for an
``int`` or ``float`` it may hold the allowed range as ``[lo..hi]`` (``[1..100]``, ``[0..]``),
and a numeric parameter without one must not be negative (report numbers are counts). A value
outside a ``Literal``'s choices, like an undeclared name, is answered with the closest ones
("did you mean"). What a ``str`` value must name in the snapshot (an entrypoint, an account, a
proposal, a check area) is declared in the notebook's metadata: :mod:`.param_values`.
"""

from __future__ import annotations

import ast
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from edgekit.errors import InputError, did_you_mean

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
    choices: tuple[Any, ...] = ()
    """The allowed values of a ``Literal[...]`` parameter (empty: any value of the type)."""
    minimum: float | None = None
    """Lowest allowed value of an ``int``/``float`` (from ``[lo..hi]`` in the help; 0 when the
    help gives no range: numeric parameters of reports are counts and sizes)."""
    maximum: float | None = None
    """Highest allowed value (``[lo..hi]`` in the help; none when not given)."""
    names: tuple[str, ...] = ()
    """What the value must name (an entrypoint, an account ...): the kinds the notebook's
    metadata declares, checked against the snapshot (:mod:`edgekit.report.param_values`)."""

    @property
    def required(self) -> bool:
        """Default None on a type that does not allow it: the caller must give a value."""
        return self.default is None and not self.optional

    @property
    def annotation(self) -> str:
        """The type as written: ``int``, ``str | None``, ``Literal['a', 'b']``."""
        base = f"Literal[{', '.join(map(repr, self.choices))}]" if self.choices else self.type_name
        return f"{base} | None" if self.optional else base

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
        if not ok or (self.choices and value not in self.choices):
            got = f"{type(value).__name__} {value!r}" if not ok else repr(value)
            hint = did_you_mean(str(value), map(str, self.choices)) if ok else ""
            raise ParameterError(
                f"parameter {self.name!r} expects {self.annotation}, got {got}{hint}"
            )
        if expected in (int, float) and not self.in_range(value):
            raise ParameterError(
                f"parameter {self.name!r} must be in {self.range_text}, got {value!r}"
            )
        return value

    def in_range(self, value: float) -> bool:
        """``value`` within ``minimum`` .. ``maximum`` (each bound optional)."""
        return (self.minimum is None or value >= self.minimum) and (
            self.maximum is None or value <= self.maximum
        )

    @property
    def range_text(self) -> str:
        """``[1..100]``, ``[0..]``: the allowed range as the help writes it."""
        lo = "" if self.minimum is None else f"{self.minimum:g}"
        hi = "" if self.maximum is None else f"{self.maximum:g}"
        return f"[{lo}..{hi}]"

    def parse(self, text: str) -> Any:
        """Convert a command-line string (``-p NAME VALUE``) to this parameter's type."""
        raw = text.strip()
        if self.optional and raw.lower() in NONE:
            return None
        try:
            if self.type_name == "str":
                return self.check(text)
            if self.type_name == "bool":
                if raw.lower() in TRUE | FALSE:
                    return raw.lower() in TRUE
                raise ValueError(raw)
            if self.type_name == "int":
                return self.check(int(raw))
            number = float(raw)
            if not math.isfinite(number):
                raise ValueError(raw)
            return self.check(number)
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
        if isinstance(stmt, ast.ImportFrom) and stmt.module == "typing":
            continue  # `from typing import Literal` for the annotations below
        if not isinstance(stmt, ast.AnnAssign) or not isinstance(stmt.target, ast.Name):
            raise ParameterError(
                f"{origin}: parameters cell line {stmt.lineno}: expected `name: type = value  "
                "# help`"
            )
        name = stmt.target.id
        type_name, optional, choices = _annotation(stmt.annotation, origin, name)
        if stmt.value is None:
            raise ParameterError(f"{origin}: parameter {name!r} has no default value")
        try:
            default = ast.literal_eval(stmt.value)
        except ValueError:
            raise ParameterError(
                f"{origin}: parameter {name!r}: default is not a literal"
            ) from None
        help_text = _comment(lines[stmt.lineno - 1])
        low, high = _range(help_text, type_name, origin, name)
        param = Parameter(name, type_name, optional, default, help_text, choices, low, high)
        if default is not None:
            param.check(default)
        out[name] = param
    return out


def _annotation(node: ast.expr, origin: str, name: str) -> tuple[str, bool, tuple[Any, ...]]:
    """``(scalar type name, allows None, allowed values)`` of an annotation."""
    optional = False
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        sides = [node.left, node.right]
        others = [s for s in sides if not (isinstance(s, ast.Constant) and s.value is None)]
        if len(others) == 1:
            node, optional = others[0], True
    elif isinstance(node, ast.Subscript) and _named(node.value, "Optional"):
        node, optional = node.slice, True
    if isinstance(node, ast.Name) and node.id in SCALARS:
        return node.id, optional, ()
    if isinstance(node, ast.Subscript) and _named(node.value, "Literal"):
        items = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        try:
            values = tuple(ast.literal_eval(item) for item in items)
        except ValueError:
            values = ()
        kinds = {type(v).__name__ for v in values}
        if len(kinds) == 1 and kinds <= {"str", "int"}:
            return kinds.pop(), optional, values
    raise ParameterError(
        f"{origin}: parameter {name!r}: type {ast.unparse(node)!r} is not one of str, int, "
        "float, bool or a Literal[...] of strings or ints (optionally `| None`)"
    )


_RANGE: Final = re.compile(r"\[\s*(-?\d+(?:\.\d+)?)?\s*\.\.\s*(-?\d+(?:\.\d+)?)?\s*\]")


def _range(
    help_text: str, type_name: str, origin: str, name: str
) -> tuple[float | None, float | None]:
    """The ``[lo..hi]`` range of a numeric parameter's help (``[0..]`` when none is given)."""
    if type_name not in ("int", "float"):
        return None, None
    m = _RANGE.search(help_text)
    if m is None:
        return 0, None
    low = float(m.group(1)) if m.group(1) is not None else None
    high = float(m.group(2)) if m.group(2) is not None else None
    if low is not None and high is not None and low > high:
        raise ParameterError(f"{origin}: parameter {name!r}: empty range {m.group(0)}")
    return low, high


def _named(node: ast.expr, name: str) -> bool:
    return (isinstance(node, ast.Name) and node.id == name) or (
        isinstance(node, ast.Attribute) and node.attr == name
    )


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


def name_hint(name: str, spec: Mapping[str, Parameter]) -> str:
    """`` (did you mean top_n?)``: the declared names closest to a name the notebook does not
    declare (empty when none is close); :func:`validate` and ``edgekit report -p`` say it."""
    return did_you_mean(name, spec)


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
        hints = "".join(name_hint(u, spec) for u in unknown)
        problems.append(f"unknown parameter(s) {', '.join(unknown)}{hints}")
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
            "range": p.range_text if p.type_name in ("int", "float") else "",
            "help": p.help,
        }
        for p in spec.values()
    ]
