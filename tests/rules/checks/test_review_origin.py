"""Review: origin.* checks on realistic-but-unusual estates (redirect listeners open to the
world beside a CloudFront-only HTTPS listener, ...)."""

from __future__ import annotations

from typing import Any

from tests.rules.checks import lb_snapshots as lbs
from tests.rules.checks import origin_snapshots as o
from tests.rules.checks.helpers import fails, run_check


def redirect_80(b: dict[str, Any]) -> dict[str, Any]:
    """HTTP:80 that only redirects to HTTPS."""
    return lbs.http_listener(b)


# -- origin.prefix_list_only ------------------------------------------------------------------
def test_prefix_list_only_fires_beside_a_redirect_listener_open_to_the_internet() -> None:
    # The common shape: HTTP:80 redirect open to 0.0.0.0/0, HTTPS:443 forwarding, admitted only
    # from the CloudFront prefix list, no secret header. The redirect reaches no target.
    s = o.alb_estate(
        o.open_listener, redirect_80, perms=[o.cloudfront_only(443), o.anywhere(80)], headers={}
    )
    [finding] = fails("origin.prefix_list_only", s)
    assert finding.evidence["network"]["cloudfront_prefix_list_ports"] == [443]
    assert finding.evidence["network"]["ports"] == [443]


def test_prefix_list_only_passes_when_a_forwarding_port_admits_the_internet() -> None:
    s = o.alb_estate(o.open_listener, perms=[o.cloudfront_only(443), o.anywhere(443)], headers={})
    assert run_check("origin.prefix_list_only", s) == []
