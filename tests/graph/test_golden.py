"""Golden graph (node-link JSON) and lineage for the fixture and hand-built estates."""

from __future__ import annotations

import contextvars
import json
from pathlib import Path

import pytest

from edgekit.graph import Estate, dumps_node_link
from tests import golden
from tests.graph import estates as graph_estates
from tests.graph import goldens
from tests.model import estates

BUILDERS = {
    "rich": estates.rich,
    "multi_account": estates.multi_account,
    "partial": estates.partial,
    "rules": graph_estates.rules,
}


@pytest.fixture(scope="module", params=sorted(BUILDERS))
def named(request: pytest.FixtureRequest) -> tuple[str, Estate]:
    name: str = request.param
    return name, Estate.from_snapshot(BUILDERS[name]())


def test_golden_graph(named: tuple[str, Estate]) -> None:
    """tests/goldens/graph/<estate>/graph/<node kind>.json (nodes and the links leaving them)."""
    name, estate = named
    goldens.check_parts(name, goldens.graph_parts(estate), "graph")


def test_golden_lineage(named: tuple[str, Estate]) -> None:
    """tests/goldens/graph/<estate>/lineage/<hostname>.json, one file per entrypoint."""
    name, estate = named
    goldens.check_parts(name, goldens.lineage_parts(estate), "lineage")


def test_graph_parts_hold_the_whole_graph(named: tuple[str, Estate]) -> None:
    _, estate = named
    parts = [json.loads(t) for k, t in goldens.graph_parts(estate).items() if "/_" not in k]
    nodes = sorted(n["id"] for part in parts for n in part["nodes"])
    links = sorted((x["source"], x["target"]) for part in parts for x in part["links"])
    assert nodes == sorted(estate.graph.nodes)
    assert links == sorted(estate.graph.edges)


def test_fixture_files_give_the_same_graph() -> None:
    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "snapshots"
    for name in ("rich", "multi_account"):
        from_file = Estate.load(fixtures / f"{name}.json")
        built = Estate.from_snapshot(BUILDERS[name]())
        assert dumps_node_link(from_file.graph) == dumps_node_link(built.graph)


def test_serialised_graph_has_no_model_refs(named: tuple[str, Estate]) -> None:
    _, estate = named
    doc = estate.to_node_link()
    assert all("ref" not in node for node in doc["nodes"])
    assert [x["id"] for x in doc["nodes"]] == sorted(x["id"] for x in doc["nodes"])
    assert doc["schema"] == "edgekit.graph/1" and doc["directed"] is True


def _outside_a_test_call(name: str, text: str, directory: Path) -> None:
    """``goldens.check`` as called where no test call collects rewritten goldens."""
    contextvars.Context().run(goldens.check, name, text, directory)


def test_missing_golden_fails_instead_of_being_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(goldens.ENV, raising=False)
    with pytest.raises(pytest.fail.Exception, match="is missing"):
        goldens.check("absent.json", "{}\n", tmp_path)
    assert not (tmp_path / "absent.json").exists()
    monkeypatch.setenv(goldens.ENV, "1")
    with pytest.raises(pytest.fail.Exception, match="was rewritten"):
        _outside_a_test_call("absent.json", "{}\n", tmp_path)
    assert (tmp_path / "absent.json").read_text(encoding="utf-8") == "{}\n"
    goldens.check("absent.json", "{}\n", tmp_path)  # unchanged: passes, even while updating


def test_rewritten_golden_fails_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "g.json").write_text("old\n", encoding="utf-8")
    monkeypatch.delenv(goldens.ENV, raising=False)
    with pytest.raises(pytest.fail.Exception, match="differs"):
        goldens.check("g.json", "new\n", tmp_path)
    assert (tmp_path / "g.json").read_text(encoding="utf-8") == "old\n"
    monkeypatch.setenv(goldens.ENV, "1")
    with pytest.raises(pytest.fail.Exception, match="was rewritten"):
        _outside_a_test_call("g.json", "new\n", tmp_path)
    assert (tmp_path / "g.json").read_text(encoding="utf-8") == "new\n"


def test_a_test_call_collects_every_rewritten_golden(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(goldens.ENV, "1")
    with golden.collecting() as rewritten:
        goldens.check("a.json", "a\n", tmp_path)
        goldens.check("b.json", "b\n", tmp_path)
        goldens.check("a.json", "a\n", tmp_path)  # already current: not listed again
    assert rewritten == [tmp_path / "a.json", tmp_path / "b.json"]
