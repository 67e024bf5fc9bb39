"""edgekit's HTML exporter writes the page nbconvert's writes, without re-parsing it: both,
parsed by the same HTML parser, are the same document (on an executed report, and on pages
holding images with and without ``alt`` and AWS-like strings that spell the touched tags)."""

from __future__ import annotations

import html
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup
from nbconvert import HTMLExporter
from nbformat.v4 import new_code_cell, new_notebook, new_output

from edgekit.report import exporter
from edgekit.report.interactive import script_src
from edgekit.report.run import TEMPLATES, run_report
from tests.hostile import SCRIPT_NAME, write_hostile


def _pages(nb: nbformat.NotebookNode) -> tuple[str, str]:
    options = {
        "template_name": "lab",
        "template_file": str(TEMPLATES / "report.html.j2"),
        "exclude_input": True,
        "exclude_input_prompt": True,
        "exclude_output_prompt": True,
    }
    resources = {"metadata": {"name": "t"}, "edgekit_script_src": script_src(nb)}
    theirs, _ = HTMLExporter(**options).from_notebook_node(nb, resources=dict(resources))
    ours, _ = exporter.ReportExporter(**options).from_notebook_node(nb, resources=dict(resources))
    return theirs, ours


def _parsed(page: str) -> str:
    return str(BeautifulSoup(page, features="html.parser"))


def _notebook(*outputs: nbformat.NotebookNode, with_input: bool = False) -> nbformat.NotebookNode:
    cell = new_code_cell("x = 1", outputs=list(outputs), execution_count=1)
    return new_notebook(cells=[cell], metadata={"language_info": {"name": "python"}})


@pytest.mark.parametrize(
    "outputs",
    [
        [new_output("display_data", {"text/html": '<img src="data:image/png;base64,AA==">'})],
        [new_output("display_data", {"text/html": '<p><img alt="chart" src="x.png"/></p>'})],
        [new_output("display_data", {"image/png": "iVBORw0KGgo="})],
        [new_output("stream", name="stdout", text='<div class="jp-OutputArea-output"> <img x>')],
        [
            new_output(
                "display_data",
                {"text/html": "<b>arn:aws:elb:&lt;div class=&quot;x&quot;&gt;</b>"},
            )
        ],
    ],
)
def test_the_page_parses_as_nbconvert_s(outputs: list[nbformat.NotebookNode]) -> None:
    theirs, ours = _pages(_notebook(*outputs))
    assert _parsed(ours) == _parsed(theirs)


@pytest.mark.slow
def test_an_executed_report_exports_as_with_nbconvert(tmp_path: Path, fake_aws: None) -> None:
    """The edge report of the hostile estate (every section, tables, pictures, names made of
    markup) exports to the page nbconvert writes, parsed."""
    snapshot = write_hostile(tmp_path / "hostile.json")
    result = run_report("edge_report", snapshot, {}, tmp_path, progress=False, html=False)
    nb = nbformat.read(result.notebook, as_version=4)
    theirs, ours = _pages(nb)
    assert ours.count('tabindex="0"') == theirs.count('tabindex="0"') > 10
    assert html.escape(SCRIPT_NAME, quote=False) in ours  # the names made of markup, escaped
    assert _parsed(ours) == _parsed(theirs)


def test_focusable_and_alt_touch_only_the_template_s_tags() -> None:
    page = (
        '<div class="jp-OutputArea-output jp-RenderedHTML">'
        '&lt;div class="jp-OutputArea-output"&gt; <img src="a"><img alt="b" src="c">'
        "<imgx></div>"
    )
    assert exporter.accessible(page) == (
        '<div class="jp-OutputArea-output jp-RenderedHTML" tabindex="0">'
        '&lt;div class="jp-OutputArea-output"&gt; '
        f'<img alt="{exporter.NO_ALT}" src="a"><img alt="b" src="c"><imgx></div>'
    )
