"""Parameter values that must name something of the snapshot (an entrypoint, an account, a
proposal, a check area): refused with "did you mean" before any kernel or folder exists."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from edgekit import cli
from edgekit.errors import InputError
from edgekit.graph import Estate, UnknownEntrypointError
from edgekit.report import Report
from edgekit.report import param_values as pv
from edgekit.report import params as prm
from edgekit.report import run as rr
from edgekit.rules.catalogue import load
from tests.report.conftest import SAMPLE

PARAMETERS = (
    'snapshot: str = ""  # snapshot\nrun_dir: str = ""  # run\ndiagrams_dir: str = ""  # pictures\n'
)


@pytest.fixture(scope="module")
def estate() -> Estate:
    return Estate.load(SAMPLE)


@pytest.fixture(scope="module")
def proposal_ids(tmp_path_factory: pytest.TempPathFactory, fake_aws: None) -> list[str]:
    """The proposal ids of the sample, as the report (the migration review) reads them."""
    rep = Report.open(SAMPLE, tmp_path_factory.mktemp("plan"))
    return [str(p["id"]) for p in rep.proposals]


def _notebook(tmp_path: Path, source: str, kinds: Any) -> Path:
    cell = new_code_cell(PARAMETERS + source)
    cell.metadata["tags"] = ["parameters"]
    nb = new_notebook(cells=[cell], metadata={"edgekit": {pv.METADATA_KEY: kinds}})
    path = tmp_path / "kinds.ipynb"
    nbformat.write(nb, path)
    return path


@pytest.fixture
def nothing_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """No kernel, no writer process: a test using it fails if the run gets that far."""
    import papermill

    from edgekit.report import ahead

    def refuse(*_: Any, **__: Any) -> Any:
        raise AssertionError("the run must stop before the kernel and the writer")

    monkeypatch.setattr(papermill, "execute_notebook", refuse)
    monkeypatch.setattr(rr, "choose_kernel", refuse)
    monkeypatch.setattr(ahead, "results_ahead", refuse)


# -- the area list: one, the catalogue's ------------------------------------------------------
def test_explore_areas_are_the_catalogue_areas_traffic_included() -> None:
    area = rr.declared_parameters("explore")["area"]
    every = tuple(dict.fromkeys(i.split(".", 1)[0] for i in load().ids()))
    assert area.choices == every and "traffic" in area.choices and area.optional
    assert area.parse("traffic") == "traffic"
    assert area.annotation.startswith("Literal['cloudfront'")


def test_a_value_outside_the_choices_suggests_the_closest() -> None:
    spec = rr.declared_parameters("explore")
    with pytest.raises(prm.ParameterError, match=r"got 'wafx' \(did you mean waf\?\)"):
        spec["area"].parse("wafx")
    with pytest.raises(prm.ParameterError, match=r"got 'hgh' \(did you mean high\?\)"):
        spec["min_severity"].parse("hgh")
    with pytest.raises(prm.ParameterError, match=r"got 'zzzzzz'$"):  # nothing close: no hint
        spec["min_severity"].parse("zzzzzz")


def test_the_cli_suggests_a_misspelt_parameter_name(tmp_path: Path) -> None:
    err = io.StringIO()
    args = ["report", "explore", str(SAMPLE), "-o", str(tmp_path), "-p", "hostnme", "x"]
    with contextlib.redirect_stderr(err):
        assert cli.main(args) == 2
    line = err.getvalue().strip()
    assert "-p hostnme: the notebook declares no such parameter (did you mean hostname?)" in line
    assert "\n" not in line and not (tmp_path / "reports").exists()
    spec = rr.declared_parameters("explore")  # the hint is the one validate() gives
    assert prm.name_hint("hostnme", spec) == " (did you mean hostname?)"
    with pytest.raises(prm.ParameterError, match=r"hostnme \(did you mean hostname\?\)"):
        prm.validate(spec, {"hostnme": "x"})


# -- values checked against the snapshot, before anything runs ---------------------------------
@pytest.mark.parametrize(
    ("notebook", "given", "expected"),
    [
        (
            "explore",
            {"hostname": "shp.northwind.example"},
            "parameter 'hostname': unknown entrypoint 'shp.northwind.example': no such "
            "hostname, ARN, name or node (did you mean shop.northwind.example",
        ),
        (
            "explore",
            {"account": "99999999999"},
            "parameter 'account': '99999999999' is not an account of the snapshot "
            "(111111111111, 222222222222, 333333333333)",
        ),
        (
            "explore",
            {"account": "11111111111"},
            "(did you mean 111111111111?)",
        ),
        (
            "explore",
            {"hostname": "nw-old-blue"},  # a target group: no hostname enters there
            "which is not an entrypoint",
        ),
        (
            "migration_review",
            {"target": "alb_single_lambda-a45108d5"},
            "no proposal 'alb_single_lambda-a45108d5' in the snapshot's plan (did you mean "
            "alb_single_lambda-a45108d54d?)",
        ),
    ],
)
def test_values_naming_nothing_stop_the_run_first(
    notebook: str,
    given: dict[str, Any],
    expected: str,
    tmp_path: Path,
    fake_aws: None,
    nothing_runs: None,
) -> None:
    with pytest.raises(prm.ParameterError) as err:
        rr.run_report(notebook, SAMPLE, given, tmp_path, progress=False)
    text = str(err.value)
    assert text.startswith(f"{notebook}.ipynb: ") and expected in text and "\n" not in text
    assert not list(tmp_path.iterdir())  # no reports/, no diagrams/


def test_the_cli_exits_2_with_one_line(tmp_path: Path, nothing_runs: None) -> None:
    err = io.StringIO()
    args = ["report", "migration_review", str(SAMPLE), "-o", str(tmp_path), "--quiet"]
    with contextlib.redirect_stderr(err):
        assert cli.main([*args, "-p", "target", "alb_single_lambda-a45108d5"]) == 2
    lines = err.getvalue().splitlines()
    assert len(lines) == 1 and lines[0].startswith("edgekit: error: migration_review.ipynb: ")
    assert "did you mean alb_single_lambda-a45108d54d?" in lines[0]
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize(
    ("notebook", "name", "value"),
    [
        ("explore", "hostname", "shop.northwind.example"),
        ("explore", "hostname", "SHOP.northwind.example."),  # any case, trailing dot
        ("explore", "hostname", "P046KYTWIRV7U"),  # a distribution id
        ("explore", "hostname", "nw-shop"),  # a load balancer name
        ("explore", "account", "222222222222"),
        ("migration_review", "target", "shop.northwind.example"),
        ("migration_review", "target", "alb_single_lambda-a45108d54d"),
    ],
)
def test_values_that_name_something_pass(notebook: str, name: str, value: str) -> None:
    import edgekit.snapshot as snap
    from edgekit.model import parse

    loaded = snap.load(SAMPLE)
    spec = rr.declared_parameters(notebook)
    pv.check(spec, {"snapshot": str(SAMPLE), name: value}, loaded, parse(loaded), notebook)


def test_the_plan_is_built_only_for_a_proposal_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    import edgekit.snapshot as snap
    from edgekit.model import parse

    def refuse(*_: Any, **__: Any) -> Any:
        raise AssertionError("no plan needed")

    monkeypatch.setattr("edgekit.report.results.plan_documents", refuse)
    loaded = snap.load(SAMPLE)
    spec = rr.declared_parameters("explore")
    given = {"hostname": "shop.northwind.example", "account": "111111111111", "area": "waf"}
    pv.check(spec, given, loaded, parse(loaded), "explore")


def test_proposal_ids_are_the_report_plan_ids(proposal_ids: list[str]) -> None:
    """The redundancy checks alone, planned, give the ids of the whole scan's plan."""
    import edgekit.snapshot as snap
    from edgekit.model import parse

    loaded = snap.load(SAMPLE)
    assert pv._Subject(loaded, parse(loaded)).proposal_ids == proposal_ids
    assert "alb_single_lambda-a45108d54d" in proposal_ids


# -- one resolver: the hostname a value names ---------------------------------------------------
def test_entrypoint_hostname_resolves_as_lineage_does(estate: Estate) -> None:
    assert pv.entrypoint_hostname(estate, "SHOP.northwind.example.") == "shop.northwind.example"
    assert pv.entrypoint_hostname(estate, "P046KYTWIRV7U") == "nvufck1icin06.cloudfront.net"
    assert pv.entrypoint_hostname(estate, "nw-shop") == "nw-shop-1.us-east-1.elb.amazonaws.com"
    node = estate.entry_node("P046KYTWIRV7U")  # the lineage resolver, reused
    assert estate.entrypoint_index.entry_nodes["nvufck1icin06.cloudfront.net"] == node
    with pytest.raises(
        UnknownEntrypointError, match=re.escape("did you mean shop.northwind.example")
    ):
        pv.entrypoint_hostname(estate, "shp.northwind.example")
    with pytest.raises(InputError, match=re.escape("in front of it: partners-api.nwpay.example")):
        pv.entrypoint_hostname(estate, "nw-pay-core")  # an internal load balancer


# -- the notebook's declaration ------------------------------------------------------------------
def test_bundled_notebooks_declare_what_their_values_name() -> None:
    explore = rr.declared_parameters("explore")
    assert explore["hostname"].names == ("entrypoint",)
    assert explore["account"].names == ("account",)
    assert explore["area"].names == ("area",)
    assert rr.declared_parameters("migration_review")["target"].names == ("proposal", "node")
    assert rr.declared_parameters("edge_report")["min_severity"].names == ()


@pytest.mark.parametrize(
    ("source", "kinds", "message"),
    [
        ('host: str = ""  # h\n', {"host": "entrypiont"}, "kinds are area, account"),
        ('host: str = ""  # h\n', {"host": []}, "got none"),
        ('host: str = ""  # h\n', {"host": 3}, "got none"),
        ("n: int = 1  # n\n", {"n": "account"}, "'n', which is not a declared str parameter"),
        ('host: str = ""  # h\n', {"other": "node"}, "'other', which is not a declared str"),
        ('host: str = ""  # h\n', ["host"], "must be an object"),
        ('area: str = "wafx"  # a\n', {"area": "area"}, "got 'wafx' (did you mean waf?)"),
    ],
)
def test_malformed_declarations_are_clear_errors(
    source: str, kinds: Any, message: str, tmp_path: Path
) -> None:
    path = _notebook(tmp_path, source, kinds)
    with pytest.raises(prm.ParameterError, match=re.escape(message)):
        rr.declared_parameters(path)


def test_a_declared_list_of_kinds_accepts_any_of_them(tmp_path: Path) -> None:
    import edgekit.snapshot as snap
    from edgekit.model import parse

    path = _notebook(tmp_path, "x: str | None = None  # x\n", {"x": ["account", "node"]})
    spec = rr.declared_parameters(path)
    loaded = snap.load(SAMPLE)
    model = parse(loaded)
    for value in ("111111111111", "nw-old-blue", None):
        pv.check(spec, {"x": value}, loaded, model)
    with pytest.raises(prm.ParameterError, match=r"not an account .*; unknown entrypoint 'zz'"):
        pv.check(spec, {"x": "zz"}, loaded, model)
