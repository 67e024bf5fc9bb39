"""The CLI contract of the other commands (DESIGN §2): exit codes and one-line errors of
plan, lineage, diagram and report, and collect's summary table when not --quiet."""

from __future__ import annotations

from pathlib import Path

import pytest

from edgekit.cli import main
from edgekit.plan import planner
from edgekit.rules import catalogue
from edgekit.rules.registry import Check, Registry

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "snapshots"
RICH = str(FIXTURES / "rich.json")


def _one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip()
    assert "Traceback" not in err
    assert err.count("\n") == 0, err
    return err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["lineage", RICH, "--entrypoint", "nope.example.com"], "nope.example.com"),
        (["diagram", RICH, "--entrypoint", "nope.example.com"], "nope.example.com"),
        (["plan", "/nonexistent/s.json"], "no such snapshot file"),
        (["lineage", "/nonexistent/s.json"], "no such snapshot file"),
        (["diagram", "/nonexistent/s.json"], "no such snapshot file"),
        (["report", "no_such_notebook", RICH], "no_such_notebook"),
        (["report", "edge_report", RICH, "-p", "nope", "1"], "-p nope"),
        (["report", "edge_report", RICH, "-p", "top_n", "-5"], "top_n"),
    ],
)
def test_input_errors_exit_2_with_one_line(
    argv: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*argv]) == 2
    assert message in _one_line_error(capsys)
    assert not (tmp_path / "reports").exists()


def test_plan_exits_3_when_a_check_raised_and_still_writes_the_plan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = catalogue.load()

    def broken(resource: object, ctx: object) -> None:
        raise RuntimeError("boom")

    def load() -> Registry:
        return Registry(
            tuple(
                Check(c.meta, broken) if c.meta.id == "redundancy.nlb_to_alb" else c for c in real
            )
        )

    monkeypatch.setattr(planner, "load", load)
    out = tmp_path / "plan.json"
    assert main(["plan", RICH, "--format", "json", "-o", str(out)]) == 3
    assert "redundancy.nlb_to_alb" in capsys.readouterr().err
    assert '"schema": "edgekit.proposals/1"' in out.read_text(encoding="utf-8")


def test_collect_prints_its_summary_table_unless_quiet(
    sandbox_aws: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from edgekit.sandbox.seed import seed

    seed()
    out = tmp_path / "s.json.gz"
    argv = ["collect", "--regions", "us-east-1", "--collectors", "cloudfront,elbv2", "-o", str(out)]
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert "collected" in err
    for row in ("cloudfront", "distributions", "elbv2", "load_balancers"):
        assert row in err, row
    assert main([*argv, "--quiet"]) == 0
    assert "load_balancers" not in capsys.readouterr().err
