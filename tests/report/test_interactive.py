"""Sortable tables (itables offline), their script hashes, the zoomable SVG, the explore panel
and the notebook workspace, without a kernel."""

from __future__ import annotations

import contextlib
import io
import json
import re
from pathlib import Path
from typing import Any

import nbformat
import pandas as pd
import pytest

from edgekit import cli
from edgekit.report import Report, tables
from edgekit.report import explore_widgets as ew
from edgekit.report.display import table
from edgekit.report.interactive import SCRIPT_HASHES, script_hashes, script_src
from edgekit.report.svgview import natural_width, zoomable_html
from edgekit.report.workspace import copy_template, lab_command
from tests.report.conftest import SAMPLE

HOSTILE = '</script><script>window.__xss=1</script><img src=x onerror="alert(1)">'


def _bundle(obj: Any) -> tuple[str, dict[str, Any]]:
    data, meta = obj._repr_mimebundle_()
    return data["text/html"], meta["text/html"]


def test_a_table_is_an_offline_datatable_with_its_scripts_hashed() -> None:
    frame = pd.DataFrame({"severity": ["high", "low"], "hostname": ["a.example", HOSTILE]})
    page, meta = _bundle(table(frame, caption="two rows"))
    assert "new ITable(" in page and "window._itables_" in page
    assert "unpkg" not in page and "cdn" not in page.lower()  # nothing from the network
    assert meta[SCRIPT_HASHES] == script_hashes(page) and len(meta[SCRIPT_HASHES]) == 2
    # the hostile text is escaped in the cells, and nothing can close the script early
    assert "<script>window.__xss" not in page and 'onerror="alert' not in page
    assert "&lt;/script&gt;&lt;script&gt;window.__xss=1" in page
    scripts = re.findall(r"<script\b[^>]*>(.*?)</script>", page, re.DOTALL)
    assert all("__xss" not in s or "&lt;" in s for s in scripts)
    assert "#fde2cf" in page  # the severity colour survives
    assert "two rows" in page


def test_rows_are_bounded_and_the_note_says_so() -> None:
    frame = pd.DataFrame({"n": range(500)})
    page, _ = _bundle(table(frame, 25))
    assert "showing 25 of 500 rows" in page
    assert "row24" in page and "row25" not in page


def test_the_export_allows_only_declared_hashes() -> None:
    nb = nbformat.v4.new_notebook()
    good = {SCRIPT_HASHES: ["'sha256-AAAA'"]}
    forged = {SCRIPT_HASHES: ["'unsafe-inline'", "* 'unsafe-eval'"]}
    cell = nbformat.v4.new_code_cell(
        outputs=[
            nbformat.v4.new_output(
                "display_data", {"text/html": "x"}, metadata={"text/html": good}
            ),
            nbformat.v4.new_output(
                "display_data", {"text/html": "y"}, metadata={"text/html": forged}
            ),
        ]
    )
    nb.cells.append(cell)
    assert script_src(nb) == "'sha256-AAAA' blob:"
    assert script_src(nbformat.v4.new_notebook()) == "'none'"


SVG = (
    '<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x">'
    '<svg width="300pt" height="100pt" viewBox="0 0 300 100"><g><title>a — findings: 1 high'
    "</title></g></svg>"
)


def test_zoomable_svg_is_inline_fitted_with_zoom_levels() -> None:
    page = zoomable_html(SVG, "pic.svg", uid="u1")
    assert page.count("<svg") == 1 and "<?xml" not in page and "DOCTYPE" not in page
    assert natural_width(SVG) == 400
    assert "width:400px;max-width:100%" in page  # fitted, never upscaled
    for zoom in ("100%", "200%", "300%", "fit width"):
        assert zoom in page
    assert "#ek-u1-2:checked ~ .ek-canvas svg{width:800px;max-width:none}" in page
    assert "<script" not in page


@pytest.mark.parametrize("active", ["<script>x</script>", '<g onload="x"/>', "<foreignObject/>"])
def test_an_active_svg_is_shown_as_an_image(active: str) -> None:
    page = zoomable_html(SVG.replace("<g>", active + "<g>"), "bad.svg")
    assert page.startswith('<img src="data:image/svg+xml;base64,')


@pytest.fixture(scope="module")
def rep(tmp_path_factory: pytest.TempPathFactory, fake_aws: None) -> Report:
    return Report.open(SAMPLE, tmp_path_factory.mktemp("panel"))


def test_initial_selection_follows_the_parameters(rep: Report) -> None:
    sel = ew.initial(rep, "shop.northwind.example", "waf", "high", None)
    assert sel.hostname == "shop.northwind.example"
    assert sel.severities == ("critical", "high") and sel.areas == ("waf",)
    assert set(sel.accounts) == set(ew.accounts(rep)) and len(sel.accounts) >= 2
    default = ew.initial(rep)
    assert default.hostname and set(default.areas) == set(ew.areas(rep))


def test_panel_findings_honour_every_filter(rep: Report) -> None:
    everything = ew.Selection(
        "shop.northwind.example", ew.SEVERITIES, tuple(ew.areas(rep)), tuple(ew.accounts(rep))
    )
    frame = ew.findings(rep, everything)
    failing = [f for f in rep.findings_on("shop.northwind.example") if f.status.value == "fail"]
    assert len(frame) == len(failing) > 0
    high = ew.findings(
        rep, ew.Selection(everything.hostname, ("high",), everything.areas, everything.accounts)
    )
    assert set(high["severity"]) == {"high"}
    area = frame["check"].iloc[0].split(".")[0]
    one = ew.findings(
        rep, ew.Selection(everything.hostname, ew.SEVERITIES, (area,), everything.accounts)
    )
    assert len(one) and all(c.startswith(area + ".") for c in one["check"])
    assert ew.findings(
        rep, ew.Selection(everything.hostname, (), everything.areas, everything.accounts)
    ).empty


def test_hostname_search_and_account_filter(rep: Report) -> None:
    every = ew.hostnames(rep)
    found = ew.hostnames(rep, "SHOP")
    assert found and all("shop" in h for h in found) and len(found) < len(every)
    frame = tables.entrypoints(rep)
    account = str(frame["account"].iloc[0])
    mine = ew.hostnames(rep, accounts=[account])
    assert set(mine) == {
        str(h) for h, a in zip(frame["hostname"], frame["account"], strict=True) if a == account
    }


def test_panel_shows_lineage_findings_and_an_inline_diagram(rep: Report) -> None:
    sel = ew.initial(rep, "shop.northwind.example", None, "low", None)
    page, meta = _bundle(ew.Panel(rep, sel))
    assert "<h3>shop.northwind.example</h3>" in page
    assert ">Lineage<" in page and ">Findings on its paths (" in page and ">Diagram<" in page
    assert page.count("new ITable(") == 2 and "<svg" in page
    titles = re.findall(r"<title>([^<]*)</title>", page)
    assert titles and not [t for t in titles if re.fullmatch(r"n\d+(&#45;&gt;n\d+)?", t)]
    assert any("CloudFront distribution" in t and "findings:" in t for t in titles)
    assert meta[SCRIPT_HASHES] == script_hashes(page)


def test_controls_drive_the_selection(rep: Report) -> None:
    sel = ew.initial(rep, "shop.northwind.example", "waf", "high", None)
    _, parts = ew.controls(rep, sel)
    assert parts["entrypoint"].value == "shop.northwind.example"
    assert tuple(parts["area"].value) == ("waf",)
    parts["severity"].value = ("medium",)
    other = next(h for h in parts["entrypoint"].options if h != sel.hostname)
    parts["entrypoint"].value = other
    now = ew.selection_of(parts, sel)
    assert now.hostname == other and now.severities == ("medium",)


# -- edgekit notebook -------------------------------------------------------------------------


def test_copy_template_never_overwrites_an_edited_copy(tmp_path: Path) -> None:
    first = copy_template("explore", tmp_path)
    assert first.action == "created"
    doc = json.loads(first.path.read_text(encoding="utf-8"))
    assert all(c.get("outputs", []) == [] for c in doc["cells"])
    assert copy_template("explore", tmp_path).action == "unchanged"
    first.path.write_text(first.path.read_text(encoding="utf-8").replace("Explore", "Mine"))
    assert copy_template("explore", tmp_path).action == "kept"
    assert "Mine" in first.path.read_text(encoding="utf-8")
    assert copy_template("explore", tmp_path, force=True).action == "replaced"
    assert "Mine" not in first.path.read_text(encoding="utf-8")


def test_lab_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from edgekit.report import workspace

    monkeypatch.setattr(workspace, "running_as_root", lambda: True)
    cmd = lab_command(tmp_path, "explore.ipynb", "tok", 9999, browser=False)
    assert "--allow-root" in cmd and "--no-browser" in cmd
    assert f"--ServerApp.root_dir={tmp_path.resolve()}" in cmd
    assert "--IdentityProvider.token=tok" in cmd and "--ServerApp.port=9999" in cmd
    monkeypatch.setattr(workspace, "running_as_root", lambda: False)
    assert "--allow-root" not in lab_command(tmp_path, "x.ipynb", "t", browser=True)


def test_cli_print_only_copies_and_prints(tmp_path: Path) -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli.main(["notebook", "edge_report", "-o", str(tmp_path), "--print-only"]) == 0
    command, url = out.getvalue().splitlines()
    assert (tmp_path / "edge_report.ipynb").is_file()
    assert "jupyterlab" in command and f"--ServerApp.root_dir={tmp_path.resolve()}" in command
    token = re.search(r"token=([0-9a-f]{48})$", url)
    assert token and url.startswith("http://127.0.0.1:8888/lab/tree/edge_report.ipynb?")
    assert f"--IdentityProvider.token={token.group(1)}" in command


def test_cli_unknown_notebook_names_the_bundled_ones(tmp_path: Path) -> None:
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        assert cli.main(["notebook", "nope", "-o", str(tmp_path), "--print-only"]) == 2
    assert "explore" in err.getvalue() and not list(tmp_path.iterdir())
