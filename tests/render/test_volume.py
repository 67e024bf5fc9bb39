"""Arrow width by request volume: the scale, and entrypoint pictures with and without metrics."""

from __future__ import annotations

import pytest

from edgekit.graph import Estate
from edgekit.model import parse
from edgekit.render import entrypoint_spec
from edgekit.render.findings import FindingIndex
from edgekit.render.volume import LEGEND_KEY, width
from tests.model import factories as f
from tests.rules.checks.test_traffic import cloudwatch, series

R = "us-east-1"
WEB = f.load_balancer("web")
ELB = f.payload(
    "elbv2",
    {"load_balancers": [f.lb_entry(WEB, listeners=[])], "target_groups": [], "ssl_policies": []},
    region=R,
)


@pytest.mark.parametrize(
    ("per_day", "expected"),
    [(0.0, 1.2), (1.0, 1.2), (10.0, 2.1), (1000.0, 3.9), (1e6, 6.6), (1e7, 7.0), (1e12, 7.0)],
)
def test_width_is_log_scaled_and_bounded(per_day: float, expected: float) -> None:
    assert width(per_day) == expected


def _host_edge(estate: Estate) -> tuple[float, set[str]]:
    spec = entrypoint_spec(estate, FindingIndex(), WEB["DNSName"])
    [edge] = [e for e in spec.edges if e.src.startswith("host:")]
    return edge.style.penwidth, {entry.key for entry in spec.legend}


def test_arrow_into_a_metered_alb_is_as_wide_as_its_requests_per_day() -> None:
    items = [series(WEB["LoadBalancerArn"], "RequestCount", [100.0, 300.0])]  # 400 in 1 day
    pen, legend = _host_edge(Estate.from_model(parse(f.snapshot(ELB, cloudwatch(items)))))
    assert pen == 3.54  # 1.2 + 0.9 × log10(400)
    assert LEGEND_KEY in legend


def test_without_metrics_or_without_a_known_count_nothing_changes() -> None:
    bare = _host_edge(Estate.from_model(parse(f.snapshot(ELB))))
    assert bare[0] == 1.2 and LEGEND_KEY not in bare[1]
    denied = _host_edge(Estate.from_model(parse(f.snapshot(ELB, cloudwatch(None)))))
    assert denied == bare
