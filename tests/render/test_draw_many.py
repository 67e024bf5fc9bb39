"""Pictures drawn side by side: the same files byte for byte as the ``diagrams`` package's own
rendering, one ``dot`` process each, bounded, and a failure named per picture."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest

from edgekit.errors import EdgekitError
from edgekit.render import before_after_spec, entrypoint_spec, graphviz_run, overview_specs
from edgekit.render import draw as dr
from edgekit.render.beforeafter import after_graph
from edgekit.render.spec import DiagramSpec
from tests.render.helpers import fixed_findings, rich


@pytest.fixture(scope="module")
def specs() -> list[DiagramSpec]:
    from edgekit.plan import plan

    estate, findings = rich(), fixed_findings()
    proposal = plan(estate).proposals[0]
    return [
        entrypoint_spec(estate, findings, "www.example.com"),
        entrypoint_spec(estate, findings, "geo.example.com"),
        *overview_specs(estate, findings, cap=2),  # parts too
        before_after_spec(estate, proposal, after_graph(estate, proposal), findings=findings),
    ]


def reference(spec: DiagramSpec, out: Path, formats: list[str]) -> list[Path]:
    """The former drawing: ``diagrams`` runs Graphviz itself when its block ends."""
    stem = out / spec.name
    with dr.Diagram(**dr._diagram_args(spec, stem, formats)) as diagram:
        dr._draw_body(spec, diagram)
    paths = [out / f"{spec.name}.{f}" for f in formats]
    dr._finish(spec, paths)
    return paths


def test_same_files_as_the_diagrams_package_draws(specs: list[DiagramSpec], tmp_path: Path) -> None:
    assert len(specs) >= 5
    formats = ["svg", "png"]
    drawn = dr.render_many(specs, tmp_path / "new", formats, workers=3)
    for spec, paths in zip(specs, drawn, strict=True):
        expected = reference(spec, tmp_path / "old", formats)
        assert [p.name for p in paths] == [p.name for p in expected]
        for new, old in zip(paths, expected, strict=True):
            assert new.read_bytes() == old.read_bytes(), new.name
    assert sorted(p.name for p in (tmp_path / "new").iterdir()) == sorted(
        p.name for group in drawn for p in group
    )  # no DOT file left


FAIL_BAD = (
    'case "$3" in bad*) echo "Error: syntax error in line 1" >&2; exit 1;; esac; '
    'exec dot -Kdot "$@"'
)


def test_a_failing_picture_is_named_and_the_others_drawn(
    specs: list[DiagramSpec], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dr, "DOT", ("sh", "-c", FAIL_BAD, "dot"))
    good, other = specs[0], specs[1]
    bad = dataclasses.replace(specs[2], name="bad-picture")
    with pytest.raises(dr.PictureError) as err:
        dr.render_many([good, bad, other], tmp_path, ["svg"], workers=2)
    assert err.value.failed == {"bad-picture": "exit status 1: Error: syntax error in line 1"}
    assert "picture 'bad-picture': exit status 1" in str(err.value)
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted([f"{good.name}.svg", f"{other.name}.svg"])
    assert "data:image/png;base64," in (tmp_path / f"{good.name}.svg").read_text("utf-8")


def test_no_graphviz_is_a_clear_error(
    specs: list[DiagramSpec], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dr, "DOT", ("edgekit-no-such-dot",))
    with pytest.raises(EdgekitError, match="Graphviz 'dot' not found"):
        dr.render_many(specs[:2], tmp_path, ["svg"])
    assert list(tmp_path.iterdir()) == []


def test_two_specs_of_one_name_are_refused(specs: list[DiagramSpec], tmp_path: Path) -> None:
    with pytest.raises(EdgekitError, match="one name"):
        dr.render_many([specs[0], specs[0]], tmp_path, ["svg"])


RECORD = (
    "import sys, time\n"
    "log = sys.argv[1]\n"
    "open(log, 'a').write('+')\n"
    "time.sleep(0.3)\n"
    "open(log, 'a').write('-')\n"
    "sys.exit(int(sys.argv[2]))\n"
)


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_at_most_workers_processes_at_once(tmp_path: Path, workers: int) -> None:
    log = tmp_path / "log"
    codes = [0, 2, 0, 0, 5, 0]
    commands = [[sys.executable, "-c", RECORD, str(log), str(c)] for c in codes]
    failed = graphviz_run.run_all(commands, tmp_path, workers)
    assert failed == {1: "exit status 2", 4: "exit status 5"}
    events = log.read_text()
    assert events.count("+") == events.count("-") == len(codes)
    depth, deepest = 0, 0
    for event in events:
        depth += 1 if event == "+" else -1
        deepest = max(deepest, depth)
    assert deepest <= workers
    if workers > 1:
        assert deepest > 1  # they did run side by side
