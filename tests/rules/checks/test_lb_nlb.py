"""lb.nlb_cleartext_listener: internet-facing NLB TCP listeners that carry clear-text HTTP."""

from __future__ import annotations

from typing import Any

from edgekit.snapshot import Snapshot
from tests.model import factories as f
from tests.model.factories import OMIT
from tests.rules.checks.helpers import fails, run_check, unknowns
from tests.rules.checks.lb_snapshots import elbv2, entry, http_listener, https_listener, lb

ALB = lb("inner", scheme="internal")
ALB_ARN = ALB["LoadBalancerArn"]
TG_ARN = f.tg_arn("to-inner")


def nlb_snap(
    *,
    port: int = 80,
    protocol: str = "TCP",
    scheme: str = "internet-facing",
    target_type: str = "alb",
    tg_port: int | None = None,
    alb_listeners: Any = None,
    targets: Any = None,
    target_groups: Any = None,
) -> Snapshot:
    """NLB listener → one target group (alb-type by default → the internal ALB)."""
    nlb = lb("edge", "network", scheme=scheme)
    li = f.listener(nlb, port, protocol, [f.forward(TG_ARN)])
    tg = f.target_group(
        "to-inner",
        protocol="TCP",
        port=tg_port or port,
        target_type=target_type,
        lb_arns=[nlb["LoadBalancerArn"]],
    )
    if targets is None:
        targets = [ALB_ARN] if target_type == "alb" else ["i-1"]
    health = OMIT if targets is OMIT else [f.target_health(t, tg_port or port) for t in targets]
    groups = [f.tg_entry(tg, attrs=[], health=health)] if target_groups is None else target_groups
    inner = entry(
        ALB,
        [http_listener(ALB, [f.forward(f.tg_arn("app"))])]
        if alb_listeners is None
        else alb_listeners,
    )
    return f.snapshot(
        elbv2(entry(nlb, [f.listener_entry(li, certificates=[])]), inner, target_groups=groups)
    )


def test_nlb_cleartext_listener_fires_for_tcp_80_to_an_alb_http_listener() -> None:
    [finding] = fails("lb.nlb_cleartext_listener", nlb_snap())
    assert finding.message == "TCP:80 carries clear-text HTTP to to-inner, no HTTPS redirect"
    assert finding.evidence["target_groups"] == [
        {"name": "to-inner", "verdict": "cleartext", "why": "ALB inner HTTP:80 forwards"}
    ]


def test_nlb_cleartext_listener_fires_for_instances_on_an_http_port() -> None:
    snap = nlb_snap(port=8080, target_type="instance")
    [finding] = fails("lb.nlb_cleartext_listener", snap)
    assert finding.evidence["listener"] == "TCP:8080"


def test_nlb_cleartext_listener_passes_when_the_alb_redirects_to_https() -> None:
    redirecting = [http_listener(ALB), https_listener(ALB)]
    assert run_check("lb.nlb_cleartext_listener", nlb_snap(alb_listeners=redirecting)) == []


def test_nlb_cleartext_listener_passes_tls_internal_and_https_targets() -> None:
    assert run_check("lb.nlb_cleartext_listener", nlb_snap(protocol="TLS", port=443)) == []
    assert run_check("lb.nlb_cleartext_listener", nlb_snap(scheme="internal")) == []
    https = nlb_snap(port=443, alb_listeners=[https_listener(ALB)])
    assert run_check("lb.nlb_cleartext_listener", https) == []
    # TCP 5432 to instances on 5432 carries no HTTP
    assert run_check("lb.nlb_cleartext_listener", nlb_snap(port=5432, target_type="ip")) == []


def test_nlb_cleartext_listener_unknown_when_the_path_was_not_collected() -> None:
    [finding] = unknowns("lb.nlb_cleartext_listener", nlb_snap(targets=OMIT))
    assert finding.evidence["target_groups"][0]["verdict"] == "unknown"
    assert len(unknowns("lb.nlb_cleartext_listener", nlb_snap(alb_listeners=OMIT))) == 1
    assert len(unknowns("lb.nlb_cleartext_listener", nlb_snap(target_groups=OMIT))) == 1
