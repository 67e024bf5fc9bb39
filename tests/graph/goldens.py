"""Golden files of the graph tests (tests/goldens/graph/).

Regenerate after an intended change with ``EDGEKIT_UPDATE_GOLDENS=1 pytest tests/graph`` (the
rewritten tests fail once, naming the files), review the diff and run again.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from edgekit.graph import Estate
from tests import golden

GOLDENS = Path(__file__).resolve().parents[1] / "goldens" / "graph"
ENV = golden.ENV


def check(name: str, text: str, directory: Path = GOLDENS) -> None:
    """Compare ``text`` with golden ``name`` (tests/golden.py: loud when rewritten)."""
    golden.check(name, text, directory)


def _dumps(doc: Any) -> str:
    return json.dumps(doc, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def file_name(host: str) -> str:
    """A golden file name for a hostname (``*`` of a wildcard record spelled out)."""
    return re.sub(r"[^a-z0-9.-]", "_", host.lower().replace("*", "wildcard"))


def graph_parts(estate: Estate) -> dict[str, str]:
    """The node-link graph split by node kind, so a change is reviewable: ``graph/<kind>.json``
    holds the nodes of that kind and the links leaving them; ``graph/_graph.json`` the rest."""
    doc = estate.to_node_link()
    kind_of = {node["id"]: str(node.get("kind")) for node in doc["nodes"]}
    parts: dict[str, dict[str, list[Any]]] = {}
    for node in doc["nodes"]:
        parts.setdefault(kind_of[node["id"]], {"nodes": [], "links": []})["nodes"].append(node)
    for link in doc["links"]:
        parts[kind_of[link["source"]]]["links"].append(link)
    head = {k: v for k, v in doc.items() if k not in ("nodes", "links")}
    out = {f"graph/{kind}.json": _dumps(part) for kind, part in parts.items()}
    out["graph/_graph.json"] = _dumps({**head, "kinds": sorted(parts)})
    return out


def lineage_parts(estate: Estate) -> dict[str, str]:
    """The entrypoints table and one file per entrypoint's lineage."""
    frame = estate.entrypoints()
    out = {"lineage/_entrypoints.json": _dumps(json.loads(frame.to_json(orient="records")))}
    for host in frame["hostname"].tolist():
        out[f"lineage/{file_name(host)}.json"] = _dumps(estate.lineage(host).to_records())
    return out


def check_parts(name: str, parts: dict[str, str], subfolder: str) -> None:
    """Check every part under ``GOLDENS/<name>/``; a golden file no part produces fails too."""
    base = GOLDENS / name
    for rel, text in sorted(parts.items()):
        check(rel, text, base)
    stale = sorted(
        str(p.relative_to(base))
        for p in (base / subfolder).glob("*.json")
        if str(p.relative_to(base)) not in parts
    )
    if stale and golden.updating():
        for rel in stale:
            (base / rel).unlink()
        pytest.fail(f"stale goldens removed from {base}: {stale}; review `git status`")
    assert not stale, f"goldens no longer produced (regenerate with {ENV}=1): {stale}"
