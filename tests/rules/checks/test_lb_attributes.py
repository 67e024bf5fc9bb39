"""lb.* attribute checks: drop_invalid_headers_disabled, desync_monitor_mode, access_logs_disabled,
deletion_protection_disabled, single_az, cross_zone_disabled, waf_fail_open."""

from __future__ import annotations

from typing import Any

import pytest

from edgekit.snapshot import Snapshot
from tests.model import factories as f
from tests.model.factories import OMIT
from tests.rules.checks import lb_snapshots as lbs
from tests.rules.checks.helpers import fails, run_check, unknowns
from tests.rules.checks.lb_snapshots import elbv2, entry, https_listener, lb, snap

ALB = lb()
NLB = lb("net", "network")
GWLB = lb("gw", "gateway")


def alb(**changes: str) -> Any:
    return snap(elbv2(entry(ALB, attrs=f.attributes(f.ALB_DEFAULT_ATTRIBUTES, **changes))))


def nlb(attrs: Any) -> Any:
    """The NLB with a TLS listener (NLB access logs record TLS connections only)."""
    return snap(elbv2(entry(NLB, [https_listener(NLB, protocol="TLS")], attrs=attrs)))


def without(base: dict[str, str] | Any, key: str) -> list[dict[str, str]]:
    return [a for a in f.attributes(base) if a["Key"] != key]


# -- drop_invalid_headers_disabled -------------------------------------------------------------
def test_drop_invalid_headers_disabled_fires_on_false() -> None:
    s = alb(routing__http__drop_invalid_header_fields__enabled="false")
    [finding] = fails("lb.drop_invalid_headers_disabled", s)
    assert finding.message == "routing.http.drop_invalid_header_fields.enabled is false"


def test_drop_invalid_headers_disabled_fires_on_absent_key_aws_default() -> None:
    attrs = without(f.ALB_DEFAULT_ATTRIBUTES, "routing.http.drop_invalid_header_fields.enabled")
    [finding] = fails("lb.drop_invalid_headers_disabled", snap(elbv2(entry(ALB, attrs=attrs))))
    assert finding.evidence["aws_default"] == "false"
    assert "absent" in finding.message


def test_drop_invalid_headers_disabled_passes_true_and_non_alb() -> None:
    assert run_check("lb.drop_invalid_headers_disabled", alb()) == []
    assert (
        run_check("lb.drop_invalid_headers_disabled", nlb(f.attributes(f.NLB_DEFAULT_ATTRIBUTES)))
        == []
    )


def test_drop_invalid_headers_disabled_passes_moto_style_nlb_arn() -> None:
    # moto gives NLBs an app/ ARN: the Type field decides.
    fake = lb("net", "network", arn=f.lb_arn("net").replace("/net/", "/app/"))
    assert run_check("lb.drop_invalid_headers_disabled", snap(elbv2(entry(fake, attrs=[])))) == []


def test_drop_invalid_headers_disabled_unknown_without_attributes() -> None:
    assert unknowns("lb.drop_invalid_headers_disabled", snap(elbv2(entry(ALB, attrs=OMIT))))


# -- desync_monitor_mode -----------------------------------------------------------------------
def test_desync_monitor_mode_fires_on_monitor() -> None:
    [finding] = fails(
        "lb.desync_monitor_mode", alb(routing__http__desync_mitigation_mode="monitor")
    )
    assert finding.evidence["value"] == "monitor"


@pytest.mark.parametrize("mode", ["defensive", "strictest"])
def test_desync_monitor_mode_passes_other_modes_and_absent(mode: str) -> None:
    assert (
        run_check("lb.desync_monitor_mode", alb(routing__http__desync_mitigation_mode=mode)) == []
    )
    attrs = without(f.ALB_DEFAULT_ATTRIBUTES, "routing.http.desync_mitigation_mode")
    assert run_check("lb.desync_monitor_mode", snap(elbv2(entry(ALB, attrs=attrs)))) == []


def test_desync_monitor_mode_unknown_without_attributes() -> None:
    assert unknowns("lb.desync_monitor_mode", snap(elbv2(entry(ALB, attrs=OMIT))))


# -- access_logs_disabled ----------------------------------------------------------------------
def test_access_logs_disabled_fires_on_nlb_default() -> None:
    [finding] = fails("lb.access_logs_disabled", nlb(f.attributes(f.NLB_DEFAULT_ATTRIBUTES)))
    assert finding.message == "access_logs.s3.enabled is false"


def test_access_logs_disabled_fires_on_absent_key() -> None:
    [finding] = fails("lb.access_logs_disabled", nlb([]))
    assert finding.evidence["value"] is None


def test_access_logs_disabled_passes_enabled_alb_and_gwlb() -> None:
    assert run_check("lb.access_logs_disabled", alb()) == []
    assert run_check("lb.access_logs_disabled", snap(elbv2(entry(GWLB, attrs=[])))) == []


def test_access_logs_disabled_unknown_without_attributes() -> None:
    assert unknowns("lb.access_logs_disabled", nlb(OMIT))


# -- deletion_protection_disabled --------------------------------------------------------------
def test_deletion_protection_disabled_fires_on_every_type() -> None:
    s = snap(
        elbv2(
            entry(NLB, attrs=[]),
            entry(GWLB, attrs=[]),
            entry(
                ALB,
                attrs=f.attributes(f.ALB_DEFAULT_ATTRIBUTES, deletion_protection__enabled="false"),
            ),
        )
    )
    assert len(fails("lb.deletion_protection_disabled", s)) == 3


def test_deletion_protection_disabled_passes_when_enabled() -> None:
    assert run_check("lb.deletion_protection_disabled", alb()) == []


def test_deletion_protection_disabled_unknown_without_attributes() -> None:
    assert unknowns("lb.deletion_protection_disabled", nlb(OMIT))


# -- single_az ---------------------------------------------------------------------------------
def test_single_az_fires_on_one_zone() -> None:
    one = lb("solo", "network", zones=("a",))
    [finding] = fails("lb.single_az", snap(elbv2(entry(one))))
    assert finding.message == "network load balancer solo is in us-east-1a only"
    assert finding.evidence == {"zones": ["us-east-1a"]}


def test_single_az_passes_two_zones() -> None:
    assert run_check("lb.single_az", alb()) == []


# -- cross_zone_disabled -----------------------------------------------------------------------
def test_cross_zone_disabled_fires_on_nlb_default() -> None:
    [finding] = fails("lb.cross_zone_disabled", nlb(f.attributes(f.NLB_DEFAULT_ATTRIBUTES)))
    assert finding.evidence["attribute"] == "load_balancing.cross_zone.enabled"


def test_cross_zone_disabled_fires_on_absent_key() -> None:
    assert fails("lb.cross_zone_disabled", nlb([]))


def test_cross_zone_disabled_passes_enabled_nlb_and_albs() -> None:
    on = f.attributes(f.NLB_DEFAULT_ATTRIBUTES, load_balancing__cross_zone__enabled="true")
    assert run_check("lb.cross_zone_disabled", nlb(on)) == []
    assert (
        run_check("lb.cross_zone_disabled", alb(load_balancing__cross_zone__enabled="false")) == []
    )


def test_cross_zone_disabled_unknown_without_attributes() -> None:
    assert unknowns("lb.cross_zone_disabled", nlb(OMIT))


# -- waf_fail_open -----------------------------------------------------------------------------
def test_waf_fail_open_fires_when_true() -> None:
    [finding] = fails("lb.waf_fail_open", alb(waf__fail_open__enabled="true"))
    assert finding.message == "waf.fail_open.enabled is true"


def test_waf_fail_open_passes_false_and_absent() -> None:
    assert run_check("lb.waf_fail_open", alb()) == []
    assert run_check("lb.waf_fail_open", snap(elbv2(entry(ALB, attrs=[])))) == []


def test_waf_fail_open_unknown_without_attributes() -> None:
    assert unknowns("lb.waf_fail_open", snap(elbv2(entry(ALB, attrs=OMIT))))


# -- realistic-but-unusual estates (reviewed, judged correct, locked) -----------------------------
# -- lb.access_logs_disabled ------------------------------------------------------------------
def nlb_with(*listeners: tuple[int, str]) -> Snapshot:
    nlb = lbs.lb("net", "network", security_groups=())
    items = [
        lbs.https_listener(nlb, port=port, protocol=protocol, policy=None, default=None)
        if protocol != "TLS"
        else lbs.https_listener(nlb, port=port, protocol="TLS")
        for port, protocol in listeners
    ]
    attrs = f.attributes(f.NLB_DEFAULT_ATTRIBUTES)
    return lbs.snap(lbs.elbv2(lbs.entry(nlb, items, attrs=attrs)))


# -- lb.cross_zone_disabled -------------------------------------------------------------------
def nlb_groups(*tg_cross_zone: str | None) -> Snapshot:
    """An NLB with the attribute off and one target group per value (None: its attributes
    were not collected; "" : the attribute absent)."""
    nlb = lbs.lb("net", "network", security_groups=())
    groups = []
    for i, value in enumerate(tg_cross_zone):
        tg = f.target_group(f"tg{i}", protocol="TCP", lb_arns=[nlb["LoadBalancerArn"]])
        if value is None:
            attrs: Any = f.OMIT
        elif value == "":
            attrs = []
        else:
            attrs = [{"Key": "load_balancing.cross_zone.enabled", "Value": value}]
        groups.append(f.tg_entry(tg, attrs=attrs, health=[]))
    attrs_lb = f.attributes(f.NLB_DEFAULT_ATTRIBUTES)
    return lbs.snap(lbs.elbv2(lbs.entry(nlb, [], attrs=attrs_lb), target_groups=groups))


def test_access_logs_disabled_passes_an_nlb_without_a_tls_listener() -> None:
    # NLB access logs are written only for TLS listeners: enabling them on a TCP/UDP-only
    # NLB records nothing.
    assert run_check("lb.access_logs_disabled", nlb_with((80, "TCP"), (53, "UDP"))) == []


def test_access_logs_disabled_fires_for_an_nlb_with_a_tls_listener() -> None:
    [finding] = fails("lb.access_logs_disabled", nlb_with((80, "TCP"), (443, "TLS")))
    assert finding.evidence["attribute"] == "access_logs.s3.enabled"


def test_access_logs_disabled_unknown_when_an_nlb_listeners_were_not_collected() -> None:
    nlb = lbs.lb("net", "network", security_groups=())
    attrs = f.attributes(f.NLB_DEFAULT_ATTRIBUTES)
    s = lbs.snap(lbs.elbv2(lbs.entry(nlb, f.OMIT, attrs=attrs)))
    [finding] = unknowns("lb.access_logs_disabled", s)
    assert "listeners" in finding.message


def test_cross_zone_disabled_passes_when_every_target_group_turns_it_on() -> None:
    # Since 2022 a target group can override the NLB's setting (true / false /
    # use_load_balancer_configuration).
    assert run_check("lb.cross_zone_disabled", nlb_groups("true", "true")) == []


def test_cross_zone_disabled_fires_when_a_target_group_follows_the_nlb() -> None:
    for other in ("use_load_balancer_configuration", "false", ""):
        [finding] = fails("lb.cross_zone_disabled", nlb_groups("true", other))
        assert finding.evidence["target_groups_off"] == ["tg1"], other


def test_cross_zone_disabled_unknown_when_target_group_attributes_were_not_collected() -> None:
    [finding] = unknowns("lb.cross_zone_disabled", nlb_groups("true", None))
    assert finding.evidence["target_groups_not_collected"] == ["tg1"]
