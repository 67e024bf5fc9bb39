"""The explore notebook's selection and views, without a kernel: the entrypoint resolved once,
and every view (panel, traffic, the estate's findings) following the controls."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from edgekit.escape.mdtext import text as md
from edgekit.graph import UnknownEntrypointError
from edgekit.report import Report
from edgekit.report import explore_views as ev
from edgekit.report import explore_widgets as ew
from edgekit.report.display import markdown
from edgekit.report.filters import FilterError
from edgekit.report.interactive import SCRIPT_HASHES, script_hashes
from edgekit.report.traffic_show import entrypoint_items
from edgekit.rules.finding import Severity
from tests.report.conftest import SAMPLE

HOSTILE = '</script><script>window.__xss=1</script><img src=x onerror="alert(1)">'


@pytest.fixture(scope="module")
def rep(tmp_path_factory: pytest.TempPathFactory, fake_aws: None) -> Report:
    return Report.open(SAMPLE, tmp_path_factory.mktemp("views"))


def _heading_and_count(page: str) -> tuple[str, int]:
    heading = re.search(r"<h3>([^<]*)</h3>", page)
    count = re.search(r"Findings on its paths \((\d+)\)", page)
    assert heading and count
    return heading.group(1), int(count.group(1))


# -- the entrypoint, resolved once ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("given", "hostname"),
    [
        ("shop.northwind.example", "shop.northwind.example"),
        ("SHOP.northwind.example.", "shop.northwind.example"),  # any case, trailing dot
        ("P046KYTWIRV7U", "nvufck1icin06.cloudfront.net"),  # a distribution id
        ("nw-shop", "nw-shop-1.us-east-1.elb.amazonaws.com"),  # a load balancer name
    ],
)
def test_the_panel_uses_the_resolved_hostname(rep: Report, given: str, hostname: str) -> None:
    sel = ew.initial(rep, given, None, "info", None)
    assert sel.hostname == hostname
    failing = [f for f in rep.findings_on(hostname) if f.status.value == "fail"]
    assert failing  # each of these has findings on its paths: 0 would be the bug
    assert len(ew.findings(rep, sel)) == len(failing)
    assert _heading_and_count(ew.Panel(rep, sel)._repr_html_()) == (hostname, len(failing))
    _, parts = ew.controls(rep, sel)
    assert parts["entrypoint"].value == hostname  # the picker shows it selected


def test_the_exact_name_and_the_sloppy_one_show_the_same_panel(rep: Report) -> None:
    exact = ew.initial(rep, "shop.northwind.example", None, "info", None)
    sloppy = ew.initial(rep, "SHOP.northwind.example.", None, "info", None)
    assert sloppy == exact
    assert _heading_and_count(ew.Panel(rep, sloppy)._repr_html_()) == (exact.hostname, 25)


@pytest.mark.parametrize(
    ("args", "error", "message"),
    [
        (("shp.northwind.example",), UnknownEntrypointError, "did you mean shop.northwind"),
        ((None, "wafx"), FilterError, "did you mean waf?"),
        ((None, None, "hgh"), FilterError, "did you mean high?"),
        ((None, None, "high", "11111111111"), FilterError, "did you mean 111111111111?"),
    ],
)
def test_a_parameter_naming_nothing_is_an_error_not_an_empty_panel(
    rep: Report, args: tuple[Any, ...], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=re.escape(message)):
        ew.initial(rep, *args)


def test_traffic_is_an_area(rep: Report) -> None:
    sel = ew.initial(rep, None, "traffic", "info", None)
    assert sel.areas == ("traffic",)
    frame = ev.estate_findings(rep, sel)
    assert len(frame) and {c.split(".")[0] for c in frame["check"]} == {"traffic"}


# -- the views ---------------------------------------------------------------------------------
def test_the_traffic_view_is_what_show_traffic_shows(rep: Report) -> None:
    sel = ew.initial(rep, "shop.northwind.example")
    view = ev.TrafficView(rep, sel)
    page, meta = view._repr_mimebundle_()
    html = page["text/html"]
    assert html.startswith("<p><strong>shop.northwind.example</strong> — requests at each")
    items = entrypoint_items(rep, "shop.northwind.example")
    assert len(items) == 4 and html.count("new ITable(") == 2  # hops and errors tables
    assert "data:image/png;base64," in html  # the hourly requests chart, embedded
    assert meta["text/html"][SCRIPT_HASHES] == script_hashes(html)
    assert page["text/plain"] == "<explore traffic: shop.northwind.example>"


def test_markdown_in_a_view_renders_literally() -> None:
    html = ev.html_of(markdown(f"*{md(HOSTILE)}*"))
    assert "<script" not in html and "<img" not in html and "&lt;script&gt;" in html
    raw = ev.html_of(markdown(HOSTILE))  # even unescaped Markdown: raw HTML is text
    assert "<script" not in raw and "<img" not in raw


def test_the_findings_view_follows_every_filter(rep: Report) -> None:
    every = rep.findings_frame()
    sel = ew.initial(rep, "shop.northwind.example", "waf", "high", None)
    frame = ev.estate_findings(rep, sel)
    expected = rep.findings_frame(area="waf", min_severity="high")
    assert len(frame) == len(expected) and len(frame) < len(every)
    assert list(frame.columns) == [c for c in every.columns if c != "resource id"]
    page = ev.FindingsView(rep, sel)._repr_html_()
    assert "area waf, severity ≥ high" in page
    account = sorted(set(every["account"]) - {""})[0]
    one = ew.Selection(sel.hostname, ("medium",), tuple(ew.areas(rep)), (account,))
    mine = ev.estate_findings(rep, one)
    assert set(mine["severity"]) == {"medium"} and set(mine["account"]) <= {account, ""}
    assert ev.filters_text(rep, one) == f"area any, severity medium, account {account}"
    none = ew.Selection(sel.hostname, (), sel.areas, sel.accounts)
    assert ev.estate_findings(rep, none).empty


class _Handle:
    def __init__(self, shown: Any) -> None:
        self.shown = [shown]

    def update(self, obj: Any) -> None:
        self.shown.append(obj)


@pytest.fixture
def displayed(monkeypatch: pytest.MonkeyPatch) -> list[_Handle]:
    """``IPython.display.display`` recording what each display handle shows."""
    import IPython.display

    handles: list[_Handle] = []

    def display(obj: Any, display_id: Any = None) -> _Handle | None:
        if display_id is None:
            return None
        handles.append(_Handle(obj))
        return handles[-1]

    monkeypatch.setattr(IPython.display, "display", display)
    return handles


def test_every_view_follows_the_controls(rep: Report, displayed: list[_Handle]) -> None:
    view = ew.explore(rep, "SHOP.northwind.example.", "waf", "high", None)
    view.traffic()
    view.findings()
    panel, traffic, findings = displayed
    assert [type(h.shown[0]) for h in displayed] == [ew.Panel, ew.TrafficView, ew.FindingsView]
    assert {h.shown[0].selection.hostname for h in displayed} == {"shop.northwind.example"}
    assert view.hostname == "shop.northwind.example"
    other = next(h for h in view.parts["entrypoint"].options if h != view.hostname)
    view.parts["entrypoint"].value = other  # pick another entrypoint
    assert panel.shown[-1].selection.hostname == traffic.shown[-1].selection.hostname == other
    assert len(findings.shown) == 1  # the estate's findings do not depend on the entrypoint
    view.parts["severity"].value = ("medium",)
    assert findings.shown[-1].selection.severities == ("medium",)
    assert panel.shown[-1].selection.severities == ("medium",)
    assert len(traffic.shown) == 2  # nor does the traffic on the severities
    page = findings.shown[-1]._repr_html_()
    assert "area waf, severity medium" in page


def test_severity_floor_of_the_parameters(rep: Report) -> None:
    sel = ew.initial(rep, None, None, "medium", None)
    assert sel.severities == tuple(
        s.label for s in sorted(Severity, reverse=True) if s >= Severity.MEDIUM
    )
    assert ev.filters_text(rep, sel) == "area any, severity ≥ medium"


def test_views_write_into_the_run_folder(rep: Report) -> None:
    ev.TrafficView(rep, ew.initial(rep, "shop.northwind.example"))._repr_html_()
    assert Path(rep.run_dir / "traffic_shop-northwind-example.png").is_file()
