"""Bounded, validated reading of snapshot files (the input side of :mod:`edgekit.snapshot`).

A snapshot is untrusted input (a file someone sent, an artefact of another pipeline), so
reading one is bounded before anything is analysed:

* **size**: at most ``max_bytes`` of JSON text after decompression (a small gzip can expand
  a thousandfold); the read stops at the limit;
* **values**: at most ``max_items`` JSON values (objects, arrays, strings, numbers ...) in all;
* **nesting**: at most ``max_depth`` levels (AWS payloads nest about 15 deep; a deeper document
  is refused before anything recurses into it);
* **numbers**: integers of at most ``MAX_INT_DIGITS`` digits; no ``NaN`` or ``Infinity``.

The limits come from ``EDGEKIT_MAX_SNAPSHOT_BYTES`` (``512M``, ``2G``, or a number of bytes)
and ``EDGEKIT_MAX_SNAPSHOT_ITEMS``, else the defaults below; ``scan`` and the other commands
take ``--max-snapshot-bytes`` / ``--max-snapshot-items`` too. The envelope is then checked
against the JSON Schema shipped in the package (``snapshot.schema.json``).
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import re
import sys
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from edgekit.errors import SnapshotError

DEFAULT_MAX_BYTES: Final = 512 * 1024 * 1024
"""512 MiB of JSON text: several times a 50k-resource estate, a few GB of memory at most."""
DEFAULT_MAX_ITEMS: Final = 20_000_000
"""JSON values in the whole document (the 69-entrypoint sample estate has about 10,000)."""
MAX_DEPTH: Final = 64
MAX_INT_DIGITS: Final = 20
ENV_MAX_BYTES: Final = "EDGEKIT_MAX_SNAPSHOT_BYTES"
ENV_MAX_ITEMS: Final = "EDGEKIT_MAX_SNAPSHOT_ITEMS"
GZIP_MAGIC: Final = b"\x1f\x8b"
FORMAT_GRAMMARS: Final = ("rfc3987_syntax",)
"""Optional packages ``jsonschema`` imports for its format checkers only; ``rfc3987_syntax``
compiles 39 grammars at import (1.5 s, in the CLI and again in every report kernel)."""
SCHEMA_FILE: Final = Path(__file__).resolve().parent / "snapshot.schema.json"
_SIZE: Final = re.compile(r"\s*(\d{1,15})\s*([kmgt]?)i?b?\s*", re.IGNORECASE)
_UNITS: Final = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}


@dataclass(frozen=True)
class ReadLimits:
    """How much of a snapshot file edgekit is willing to read (see the module docstring)."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_items: int = DEFAULT_MAX_ITEMS
    max_depth: int = MAX_DEPTH

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> ReadLimits:
        """Limits from ``EDGEKIT_MAX_SNAPSHOT_BYTES`` / ``_ITEMS`` (defaults when unset)."""
        env = os.environ if environ is None else environ
        size = env.get(ENV_MAX_BYTES, "").strip()
        items = env.get(ENV_MAX_ITEMS, "").strip()
        return cls(
            max_bytes=parse_size(size, ENV_MAX_BYTES) if size else DEFAULT_MAX_BYTES,
            max_items=parse_count(items, ENV_MAX_ITEMS) if items else DEFAULT_MAX_ITEMS,
        )

    def with_overrides(self, max_bytes: int | None, max_items: int | None) -> ReadLimits:
        """These limits with the given ones replaced (None keeps the current value)."""
        return ReadLimits(
            max_bytes if max_bytes is not None else self.max_bytes,
            max_items if max_items is not None else self.max_items,
            self.max_depth,
        )


def parse_size(text: str, where: str) -> int:
    """``512M``, ``2G``, ``1000000`` → bytes (a positive number); a clear error otherwise."""
    m = _SIZE.fullmatch(text)
    if m is None or int(m.group(1)) <= 0:
        raise SnapshotError(f"{where}: not a size: {text!r} (e.g. 512M, 2G or a byte count)")
    return int(m.group(1)) * _UNITS[m.group(2).lower()]


def parse_count(text: str, where: str) -> int:
    """A positive count; a clear error otherwise."""
    if not text.strip().isdigit() or len(text.strip()) > 15 or int(text) <= 0:
        raise SnapshotError(f"{where}: not a positive count: {text!r}")
    return int(text)


def _human(n: int) -> str:
    for unit, size in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= size:
            return f"{n / size:.0f} {unit}"
    return f"{n} bytes"


def _too_big(src: Path, what: str, limits: ReadLimits) -> SnapshotError:
    return SnapshotError(
        f"{src}: {what} more than the limit of {_human(limits.max_bytes)} of JSON; raise it "
        f"with --max-snapshot-bytes or {ENV_MAX_BYTES} if the file is trusted"
    )


def read_text_bytes(src: Path, limits: ReadLimits) -> bytes:
    """The file's JSON bytes (gunzipped when it is gzip), never more than ``max_bytes``."""
    try:
        with src.open("rb") as fh:
            magic = fh.read(2)
            fh.seek(0)
            if magic == GZIP_MAGIC:
                return _gunzip(fh, src, limits)
            data = fh.read(limits.max_bytes + 1)
    except FileNotFoundError:
        raise SnapshotError(f"{src}: no such snapshot file") from None
    except IsADirectoryError:
        raise SnapshotError(f"{src}: is a directory, not a snapshot file") from None
    except OSError as err:
        raise SnapshotError(f"{src}: cannot read ({err.strerror or err})") from None
    if len(data) > limits.max_bytes:
        raise _too_big(src, "holds", limits)
    return data


def _gunzip(fh: Any, src: Path, limits: ReadLimits) -> bytes:
    chunks: list[bytes] = []
    total = 0
    try:
        with gzip.GzipFile(fileobj=fh, mode="rb") as gz:
            while chunk := gz.read(1 << 20):
                total += len(chunk)
                if total > limits.max_bytes:
                    raise _too_big(src, "decompresses to", limits)
                chunks.append(chunk)
    except (EOFError, zlib.error, gzip.BadGzipFile):
        raise SnapshotError(f"{src}: truncated or corrupt gzip data") from None
    return b"".join(chunks)


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise _NumberError(f"an integer of {len(text.lstrip('-'))} digits")
    return int(text)


def _no_constant(text: str) -> Any:
    raise _NumberError(f"the non-JSON number {text}")


class _NumberError(ValueError):
    """A number edgekit refuses (raised inside ``json.loads``)."""


def parse_json(raw: bytes, src: str, limits: ReadLimits) -> Any:
    """Parse, then check nesting and size; every failure is one :class:`SnapshotError`."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise SnapshotError(f"{src}: not UTF-8 text (is it a snapshot?)") from None
    try:
        doc = json.loads(text, parse_int=_bounded_int, parse_constant=_no_constant)
    except RecursionError:
        raise SnapshotError(f"{src}: JSON nested too deeply") from None
    except _NumberError as err:
        raise SnapshotError(f"{src}: refused {err} (numbers in a snapshot are small)") from None
    except json.JSONDecodeError as err:
        raise SnapshotError(
            f"{src}: not valid JSON (line {err.lineno}, column {err.colno}: {err.msg})"
        ) from None
    except ValueError as err:  # e.g. a float literal Python cannot represent
        raise SnapshotError(f"{src}: not valid JSON ({err})") from None
    check_shape(doc, src, limits)
    return doc


def check_shape(doc: Any, src: str, limits: ReadLimits) -> None:
    """Refuse a document nested deeper than ``max_depth`` or of more than ``max_items`` values
    (iterative, one nesting level at a time: no recursion, whatever the input; the values of
    a level are counted before the next level is built, so memory stays within the bound)."""
    level: list[Any] = [doc]
    depth = count = 0
    while level:
        depth += 1
        if depth > limits.max_depth:
            raise SnapshotError(f"{src}: JSON nested more than {limits.max_depth} levels deep")
        count += len(level)
        if count > limits.max_items:
            raise SnapshotError(
                f"{src}: more than {limits.max_items:,} JSON values; raise the limit with "
                f"--max-snapshot-items or {ENV_MAX_ITEMS} if the file is trusted"
            )
        below: list[Any] = []
        extend = below.extend
        for value in level:
            if isinstance(value, dict):
                extend(value.values())
            elif isinstance(value, list):
                extend(value)
        level = below


def validate_envelope(doc: Any, src: str) -> None:
    """Check the envelope against ``snapshot.schema.json``; the first error, in one line."""
    import_jsonschema()
    import jsonschema

    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    error = jsonschema.exceptions.best_match(validator.iter_errors(doc))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "top level"
        message = error.message if len(error.message) <= 200 else error.message[:200] + "…"
        raise SnapshotError(f"{src}: malformed snapshot at {where}: {message}")


def import_jsonschema() -> None:
    """Import ``jsonschema`` (once per process) without the grammars of its format checkers
    (see :func:`_format_grammars_left_out`). A process that imports another package importing
    ``jsonschema`` (``nbformat``, ``papermill``) calls this first."""
    with _format_grammars_left_out():
        import jsonschema  # noqa: F401


@contextlib.contextmanager
def _format_grammars_left_out() -> Iterator[None]:
    """Import ``jsonschema`` without the optional grammars of its format checkers.

    The envelope is validated without a format checker (the schema's ``format`` keywords, if
    any, are annotations under draft 2020-12), so the ``iri`` checker that ``rfc3987_syntax``
    provides is never used here; ``jsonschema`` leaves a checker out when its package cannot
    be imported. Only while ``jsonschema`` is first imported: a later import of
    ``rfc3987_syntax`` itself works as usual.
    """
    if "jsonschema" in sys.modules:
        yield
        return
    blocked = [name for name in FORMAT_GRAMMARS if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]  # import raises ImportError
    try:
        yield
    finally:
        for name in blocked:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]
