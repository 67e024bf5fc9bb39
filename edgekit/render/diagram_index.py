"""A diagrams folder's ``index.json``: every picture drawn into it, across runs.

Each ``edgekit diagram`` run *merges* its pictures into the index: entries of earlier runs are
kept, an entry of the same name (the same picture drawn again) is replaced. The index is read,
merged and rewritten under a lock file and written atomically (a temporary file renamed over
it), so two runs into one folder cannot lose each other's entries and a reader never sees half
a file. An index that exists but cannot be read is an error that names it: it is never
overwritten (it may hold what a user wants to keep).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Final

from edgekit.errors import InputError

SCHEMA: Final = "edgekit.diagrams-index/1"
INDEX_JSON: Final = "index.json"
LOCK: Final = ".index.lock"
LOCK_SECONDS: Final = 60.0


def read(folder: Path) -> list[dict[str, Any]]:
    """The pictures listed in ``folder/index.json`` (empty when there is none yet)."""
    path = folder / INDEX_JSON
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, ValueError) as err:
        raise InputError(f"{path}: unreadable ({err}); move it aside to draw here") from None
    if not isinstance(doc, dict) or doc.get("schema") != SCHEMA:
        raise InputError(f"{path}: not an {SCHEMA} document; move it aside to draw here")
    pictures = doc.get("pictures")
    if not isinstance(pictures, list) or not all(
        isinstance(p, dict) and isinstance(p.get("name"), str) for p in pictures
    ):
        raise InputError(f"{path}: 'pictures' must be a list of objects with a 'name'")
    return pictures


def merge(
    existing: Sequence[Mapping[str, Any]], drawn: Sequence[Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """``existing`` with ``drawn`` merged in: same name replaced, others kept, sorted by name."""
    by_name = {str(p["name"]): dict(p) for p in existing}
    by_name.update({str(p["name"]): dict(p) for p in drawn})
    return [by_name[name] for name in sorted(by_name)]


def text(pictures: Sequence[Mapping[str, Any]]) -> str:
    """The ``index.json`` document of ``pictures``."""
    doc = {"schema": SCHEMA, "pictures": list(pictures)}
    return json.dumps(doc, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


@contextmanager
def locked(folder: Path) -> Iterator[list[dict[str, Any]]]:
    """Hold the folder's index lock; yields the current entries (read first, so an unreadable
    index stops a run before anything is drawn)."""
    from filelock import FileLock

    folder.mkdir(parents=True, exist_ok=True)
    with FileLock(str(folder / LOCK), timeout=LOCK_SECONDS):
        yield read(folder)


def write(
    folder: Path, existing: Sequence[Mapping[str, Any]], drawn: Sequence[Mapping[str, Any]]
) -> Path:
    """Merge ``drawn`` into ``existing`` and write ``index.json`` atomically (under the lock)."""
    path = folder / INDEX_JSON
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text(merge(existing, drawn)), encoding="utf-8")
    tmp.replace(path)
    return path
