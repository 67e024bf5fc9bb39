"""Golden files of the graph tests (tests/goldens/graph/).

Regenerate after an intended change with ``EDGEKIT_UPDATE_GOLDENS=1 pytest tests/graph`` and
review the diff. Without that variable a missing golden fails the test (never silently created).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from edgekit.graph import Estate

GOLDENS = Path(__file__).resolve().parents[1] / "goldens" / "graph"
ENV = "EDGEKIT_UPDATE_GOLDENS"


def updating() -> bool:
    """Whether goldens are being regenerated."""
    return os.environ.get(ENV) == "1"


def check(name: str, text: str, directory: Path = GOLDENS) -> None:
    """Compare ``text`` with golden ``name``; write it instead when regenerating."""
    path = directory / name
    if updating():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(f"golden {path} is missing: regenerate with {ENV}=1 pytest tests/graph")
    assert text == path.read_text(encoding="utf-8"), (
        f"{path} differs; if the change is intended, regenerate with {ENV}=1 and review the diff"
    )


def lineage_document(estate: Estate) -> str:
    """The entrypoints table and the lineage of every entrypoint, as sorted JSON."""
    frame = estate.entrypoints()
    doc: dict[str, Any] = {
        "entrypoints": json.loads(frame.to_json(orient="records")),
        "lineages": {
            host: estate.lineage(host).to_records() for host in frame["hostname"].tolist()
        },
    }
    return json.dumps(doc, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
