"""Golden files of the graph tests (tests/goldens/graph/).

Regenerate after an intended change with ``EDGEKIT_UPDATE_GOLDENS=1 pytest tests/graph`` (the
rewritten tests fail once, naming the files), review the diff and run again.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from edgekit.graph import Estate
from tests import golden

GOLDENS = Path(__file__).resolve().parents[1] / "goldens" / "graph"
ENV = golden.ENV


def check(name: str, text: str, directory: Path = GOLDENS) -> None:
    """Compare ``text`` with golden ``name`` (tests/golden.py: loud when rewritten)."""
    golden.check(name, text, directory)


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
