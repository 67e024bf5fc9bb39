"""The committed notebooks: no outputs, one typed parameters cell, thin cells, shipped in the
package."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from edgekit.report import bundled, find_notebook
from edgekit.report.notebooks import BUNDLED_DIR
from edgekit.report.run import MANAGED, declared_parameters

REPO = Path(__file__).resolve().parents[2]
NAMES = ("conformance", "edge_report", "explore", "migration_review")


def test_the_notebooks_are_bundled_and_not_opened_from_the_checkout() -> None:
    """The templates live in the package only; notebooks/ says how to open a copy."""
    assert set(bundled()) == set(NAMES)
    top = REPO / "notebooks"
    assert not top.is_symlink() and not list(top.glob("*.ipynb"))
    assert "edgekit notebook" in (top / "README.md").read_text(encoding="utf-8")
    for name in NAMES:
        assert find_notebook(name) == BUNDLED_DIR / f"{name}.ipynb"
        assert find_notebook(f"{name}.ipynb") == find_notebook(name)


@pytest.mark.parametrize("name", NAMES)
def test_committed_without_outputs(name: str) -> None:
    doc = json.loads((BUNDLED_DIR / f"{name}.ipynb").read_text(encoding="utf-8"))
    code = [c for c in doc["cells"] if c["cell_type"] == "code"]
    assert code, name
    for cell in code:
        assert cell["outputs"] == [], f"{name}: a cell has outputs"
        assert cell["execution_count"] is None, f"{name}: a cell has an execution count"
    assert "papermill" not in doc["metadata"], f"{name}: an executed copy was committed"
    assert doc["metadata"]["kernelspec"]["name"] == "edgekit"


@pytest.mark.parametrize("name", NAMES)
def test_one_parameters_cell_with_the_managed_parameters(name: str) -> None:
    doc = json.loads((BUNDLED_DIR / f"{name}.ipynb").read_text(encoding="utf-8"))
    tagged = [c for c in doc["cells"] if "parameters" in c["metadata"].get("tags", [])]
    assert len(tagged) == 1
    spec = declared_parameters(name)
    assert set(MANAGED) <= set(spec)
    assert all(p.help for p in spec.values()), "every parameter has a comment"


@pytest.mark.parametrize("name", NAMES)
def test_thin_cells(name: str) -> None:
    """Logic lives in edgekit.report: code cells are a few lines (the explore notebook's
    commented collection example aside)."""
    doc = json.loads((BUNDLED_DIR / f"{name}.ipynb").read_text(encoding="utf-8"))
    for cell in doc["cells"]:
        if cell["cell_type"] != "code" or "parameters" in cell["metadata"].get("tags", []):
            continue
        lines = [ln for ln in "".join(cell["source"]).splitlines() if ln.strip()]
        code = [ln for ln in lines if not ln.lstrip().startswith("#")]
        assert len(code) <= 8, f"{name}: a code cell has {len(code)} lines"


def test_cli_help_lists_every_bundled_parameter() -> None:
    from edgekit.commands.report import BUNDLED_HELP

    assert set(BUNDLED_HELP) == set(NAMES)
    for name, text in BUNDLED_HELP.items():
        listed = {w.strip(" ,") for w in text.split("(")[0].split(",")}
        expected = set(declared_parameters(name)) - set(MANAGED)
        assert listed == expected, name
