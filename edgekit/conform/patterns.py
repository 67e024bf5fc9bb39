"""House patterns as data: a TOML file of ``[[pattern]]`` tables, strictly validated.

>>> load_patterns("examples/edge-patterns.toml")          # doctest: +SKIP

Every problem of a file (unknown key or value, wrong type, duplicate name) is collected and
raised as one :class:`PatternError` naming the place (``pattern[2].cloudfront.cache_policy``)
and, where a close word exists, the one that was probably meant.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from edgekit.conform.vocabulary import (
    KEY_INDEX,
    KEYS,
    SECTIONS,
    TOP_KEYS,
    Key,
    ValueType,
    path_terms,
)
from edgekit.errors import InputError, close_matches


class PatternError(InputError):
    """A patterns file that is not valid (every problem in one message)."""


@dataclass(frozen=True, slots=True)
class PathStep:
    """One item of a pattern's path: the hop kinds accepted there."""

    kinds: tuple[str, ...]

    def __str__(self) -> str:
        return "|".join(self.kinds)


@dataclass(frozen=True, slots=True)
class Pattern:
    """A house pattern: a path of hop kinds and the settings each section must carry."""

    name: str
    description: str = ""
    path: tuple[PathStep, ...] = ()
    settings: Mapping[tuple[str, str], object] = field(default_factory=dict)
    """``(section, key)`` → validated value (tuples for lists)."""

    def get(self, section: str, key: str) -> object | None:
        """A setting's value (None: the pattern does not constrain it)."""
        return self.settings.get((section, key))


def _suggest(word: str, options: Sequence[str]) -> str:
    close = close_matches(word, options, 1)  # the project's one matcher (edgekit.errors)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _unknown(where: str, word: str, options: Sequence[str], what: str) -> str:
    return f"{where}: unknown {what} {word!r}{_suggest(word, options)}"


def _parse_path(where: str, raw: object, errors: list[str]) -> tuple[PathStep, ...]:
    if not isinstance(raw, list) or not raw or not all(isinstance(s, str) for s in raw):
        errors.append(f"{where}: a non-empty list of hop kinds is required")
        return ()
    terms = path_terms()
    steps: list[PathStep] = []
    for i, item in enumerate(raw):
        kinds: list[str] = []
        origin = item.startswith("origin:")
        for alt in item.split("|"):
            word = alt.strip()
            if origin and not word.startswith("origin:"):
                word = f"origin:{word}"
            if word not in terms:
                errors.append(_unknown(f"{where}[{i}]", word, terms, "hop kind"))
            kinds.append(word)
        steps.append(PathStep(tuple(kinds)))
    return tuple(steps)


def _value(where: str, key: Key, raw: object, errors: list[str]) -> object | None:
    if key.type is ValueType.BOOL:
        if not isinstance(raw, bool):
            errors.append(f"{where}: true or false expected")
            return None
        return raw
    if key.type is ValueType.ENUM:
        if not isinstance(raw, str):
            errors.append(f"{where}: one of {', '.join(key.choices)} expected")
            return None
        if raw not in key.choices:
            errors.append(_unknown(where, raw, key.choices, "value"))
            return None
        return raw
    if isinstance(raw, str) and key.type is not ValueType.NAMES:
        raw = [raw]  # a single value for a list key
    if not isinstance(raw, list) or not all(isinstance(v, str) for v in raw):
        errors.append(f"{where}: a list of strings expected")
        return None
    if key.type is ValueType.ENUM_LIST:
        bad = [v for v in raw if v not in key.choices]
        for v in bad:
            errors.append(_unknown(where, v, key.choices, "value"))
        if not raw:
            errors.append(f"{where}: at least one of {', '.join(key.choices)} expected")
        return None if bad or not raw else tuple(raw)
    if key.type is ValueType.NAMES and not raw:
        errors.append(f"{where}: at least one name expected")
        return None
    return tuple(raw)


def _parse_pattern(where: str, raw: object, errors: list[str]) -> Pattern | None:
    if not isinstance(raw, dict):
        errors.append(f"{where}: a table expected")
        return None
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        errors.append(f"{where}.name: a non-empty string is required")
        name = ""
    description = raw.get("description", "")
    if not isinstance(description, str):
        errors.append(f"{where}.description: a string expected")
        description = ""
    path = _parse_path(f"{where}.path", raw["path"], errors) if "path" in raw else ()
    if "path" not in raw:
        errors.append(f"{where}.path: a non-empty list of hop kinds is required")
    settings: dict[tuple[str, str], object] = {}
    for top, body in raw.items():
        if top in TOP_KEYS:
            continue
        if top not in SECTIONS:
            errors.append(_unknown(where, top, (*TOP_KEYS, *SECTIONS), "key"))
            continue
        if not isinstance(body, dict):
            errors.append(f"{where}.{top}: a table expected")
            continue
        names = [k.name for k in KEYS if k.section == top]
        for key_name, value in body.items():
            key = KEY_INDEX.get((top, key_name))
            if key is None:
                errors.append(_unknown(f"{where}.{top}", key_name, names, "key"))
                continue
            parsed = _value(f"{where}.{top}.{key_name}", key, value, errors)
            if parsed is not None:
                settings[(top, key_name)] = parsed
    return Pattern(name=name, description=description, path=path, settings=settings)


def parse_patterns(data: Mapping[str, Any], source: str = "patterns") -> tuple[Pattern, ...]:
    """Validate a parsed TOML document; raise :class:`PatternError` listing every problem."""
    errors: list[str] = []
    for top in data:
        if top != "pattern":
            errors.append(_unknown(source, top, ("pattern",), "top-level key"))
    raw = data.get("pattern")
    if not isinstance(raw, list) or not raw:
        errors.append(f"{source}: at least one [[pattern]] table is required")
        raw = []
    found: list[Pattern] = []
    for i, item in enumerate(raw):
        parsed = _parse_pattern(f"pattern[{i}]", item, errors)
        if parsed is not None:
            found.append(parsed)
    seen: set[str] = set()
    for p in found:
        if p.name and p.name in seen:
            errors.append(f"pattern {p.name!r}: the name is used twice")
        seen.add(p.name)
    if errors:
        raise PatternError(f"{source}: invalid patterns: " + "; ".join(errors))
    return tuple(found)


def load_patterns(path: str | os.PathLike[str]) -> tuple[Pattern, ...]:
    """Read and validate a patterns TOML file."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise PatternError(f"cannot read patterns file {file}: {exc.strerror or exc}") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PatternError(f"{file}: not valid TOML: {exc}") from exc
    return parse_patterns(data, str(file))
