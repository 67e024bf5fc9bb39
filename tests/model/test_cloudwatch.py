"""The cloudwatch payload in the model: series, absence read as zero, windows, subscriptions."""

from __future__ import annotations

import pytest

from edgekit.errors import ModelError
from edgekit.model import parse
from edgekit.model.cloudwatch.reading import Traffic, metered
from tests.model import factories as f
from tests.model.factories import parse_strict
from tests.rules.checks.test_traffic import ALB, ALB_ARN, _lb_snap, cloudwatch, series


def test_series_totals_read_missing_periods_as_zero_only_for_sums() -> None:
    inv = parse(
        _lb_snap(
            cloudwatch(
                [
                    series(ALB_ARN, "RequestCount", [3.0, 4.0]),
                    series(ALB_ARN, "TargetResponseTime", [0.2], stat="p99"),
                ]
            )
        )
    )
    t = Traffic(inv)
    [lb] = [m for m in metered(inv) if m.arn == ALB_ARN]
    reading = t.requests(lb)
    assert reading.value == 7.0
    assert reading.evidence()["missing_periods_read_as_zero"] == 22
    p99 = t.find(ALB_ARN, "TargetResponseTime", "p99")
    assert p99 is not None and p99.total() is None and p99.mean() == 0.2
    assert [w.collected for w in inv.metric_windows] == [True]


def test_metered_resources_carry_their_metrics_region() -> None:
    inv = parse(
        f.snapshot(
            f.payload("cloudfront", {"distributions": [f.distribution_entry(f.distribution("E1"))]})
        )
    )
    [dist] = metered(inv)
    assert (dist.type, dist.region, dist.public) == ("distribution", "global", True)
    assert ALB["Type"] == "application"


def test_a_malformed_metric_item_is_a_model_error() -> None:
    broken = cloudwatch([{"resource": ALB_ARN, "MetricDataQuery": {}}])
    with pytest.raises(ModelError, match="malformed metric item"):
        parse_strict(_lb_snap(broken))
    tolerant = parse(_lb_snap(broken))  # the default: the item is left out and named
    assert [e.message for e in tolerant.coverage.model_errors if "metric" in e.message]
