"""A seeded, bounded mutation fuzzer over snapshot documents (issue #11, "Done when").

Each case copies a fixture snapshot and applies one to three mutations at random places of the
JSON tree: a member deleted or renamed, a value replaced by one of another type (null, empty,
negative, a 30-digit integer, a float, a long or hostile string, a list, an object), a list item
duplicated or dropped, a list emptied. Everything is driven by ``random.Random(seed)``, so a
failing case is reproduced by its seed alone.
"""

from __future__ import annotations

import copy
import json
import random
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from edgekit.errors import EdgekitError

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "snapshots"

REPLACEMENTS: tuple[Any, ...] = (
    None,
    "",
    0,
    -1,
    10**30,
    1.5,
    True,
    "x" * 3000,
    "<script>alert(1)</script>[x](javascript:1)|`\x1b[31m",
    [],
    {},
    [None],
    {"": None},
    "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/x/1",
    "2026-02-30T25:61:00Z",
)

Path_ = tuple[Any, ...]


def _paths(doc: Any, prefix: Path_ = ()) -> Iterator[Path_]:
    """Every path to a value inside ``doc`` (iteratively, so depth never matters)."""
    stack: list[tuple[Any, Path_]] = [(doc, prefix)]
    while stack:
        value, path = stack.pop()
        if path:
            yield path
        if isinstance(value, dict):
            stack.extend((v, (*path, k)) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((v, (*path, i)) for i, v in enumerate(value))


def _parent(doc: Any, path: Path_) -> Any:
    node = doc
    for key in path[:-1]:
        node = node[key]
    return node


def mutate(doc: Any, rng: random.Random) -> str:
    """Apply one mutation in place; returns what was done (for the failure message)."""
    paths = list(_paths(doc))
    path = rng.choice(paths)
    parent, key = _parent(doc, path), path[-1]
    op = rng.choice(("replace", "replace", "replace", "delete", "rename", "duplicate", "empty"))
    if op == "delete":
        del parent[key]
    elif op == "rename" and isinstance(parent, dict):
        parent[key + "_renamed"] = parent.pop(key)
    elif op == "duplicate" and isinstance(parent, list):
        parent.insert(key, copy.deepcopy(parent[key]))
    elif op == "empty" and isinstance(parent[key], list | dict | str):
        parent[key] = type(parent[key])()
    else:
        op = "replace"
        parent[key] = copy.deepcopy(rng.choice(REPLACEMENTS))
    return f"{op} at {'/'.join(map(str, path))}"


@dataclass(frozen=True)
class Case:
    """One fuzz case: its seed, the mutations applied and the mutated document."""

    seed: int
    steps: tuple[str, ...]
    doc: Any


def cases(base: Any, seeds: range) -> Iterator[Case]:
    """One case per seed: 1-3 mutations of a copy of ``base``."""
    for seed in seeds:
        rng = random.Random(seed)
        doc = copy.deepcopy(base)
        steps = tuple(mutate(doc, rng) for _ in range(rng.randint(1, 3)))
        yield Case(seed, steps, doc)


def uncaught(run: Callable[[Any], object], found: list[Case]) -> list[str]:
    """Run every case; return a report line for each one that raised anything other than an
    :class:`~edgekit.errors.EdgekitError` (a clean input error)."""
    failures = []
    for case in found:
        try:
            run(case.doc)
        except EdgekitError:
            continue
        except Exception as err:  # noqa: BLE001 - the point: anything else is a bug
            where = traceback.extract_tb(err.__traceback__)[-1]
            failures.append(
                f"seed {case.seed} ({'; '.join(case.steps)}): {type(err).__name__}: "
                f"{str(err)[:120]} at {Path(where.filename).name}:{where.lineno}"
            )
    return failures


def fixture(name: str) -> Any:
    """A fixture snapshot document."""
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))
