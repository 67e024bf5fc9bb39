"""lb.http_not_redirected, tls_policy_outdated, tls_policy_not_pq, no_listeners."""

from __future__ import annotations

import pytest

from tests.model import factories as f
from tests.model.factories import OMIT
from tests.rules.checks.helpers import fails, run_check, unknowns
from tests.rules.checks.lb_snapshots import (
    TG,
    elbv2,
    entry,
    http_listener,
    https_listener,
    lb,
    rule,
    snap,
    with_rules,
)

ALB = lb()
NLB = lb("net", "network")


# -- http_not_redirected ---------------------------------------------------------------------
def test_http_not_redirected_fires_when_default_action_forwards() -> None:
    li = http_listener(ALB, [f.forward(TG)])
    [finding] = fails("lb.http_not_redirected", snap(elbv2(entry(ALB, [li]))))
    assert (
        finding.message == "HTTP:80 forwards to targets (default) instead of redirecting to HTTPS"
    )
    assert finding.evidence["forwarding"] == ["default"]
    assert finding.evidence["target_group_arns"] == [TG]
    assert finding.resource.type == "AWS::ElasticLoadBalancingV2::Listener"


def test_http_not_redirected_fires_on_a_forwarding_rule_after_authentication() -> None:
    li = http_listener(ALB)
    li = with_rules(
        li,
        rule(
            li,
            10,
            [f.condition("path-pattern", ["/health"])],
            [f.authenticate_oidc(1), {**f.forward(TG), "Order": 2}],
        ),
        rule(li, 20, [f.condition("path-pattern", ["/old"])], [f.fixed_response()]),
    )
    [finding] = fails("lb.http_not_redirected", snap(elbv2(entry(ALB, [li]))))
    assert finding.evidence["forwarding"] == ["rule 10"]


def test_http_not_redirected_fires_on_default_forward_even_without_rules() -> None:
    li = http_listener(ALB, [f.forward(TG)], rules=OMIT)
    assert fails("lb.http_not_redirected", snap(elbv2(entry(ALB, [li]))))


def test_http_not_redirected_passes_redirects_and_fixed_responses() -> None:
    li = http_listener(ALB)
    li = with_rules(li, rule(li, 5, [f.condition("path-pattern", ["/x"])], [f.fixed_response()]))
    https = https_listener(ALB)
    assert run_check("lb.http_not_redirected", snap(elbv2(entry(ALB, [li, https])))) == []


def test_http_not_redirected_unknown_when_rules_not_collected() -> None:
    li = http_listener(ALB, rules=OMIT)
    [finding] = unknowns("lb.http_not_redirected", snap(elbv2(entry(ALB, [li]))))
    assert "rules were not collected" in finding.message


# -- tls_policy_outdated ---------------------------------------------------------------------
def test_tls_policy_outdated_fires_from_the_described_protocols() -> None:
    li = https_listener(ALB, policy="Custom-Or-Future-Policy")
    policy = f.ssl_policy("Custom-Or-Future-Policy", ["TLSv1.1", "TLSv1.2"])
    [finding] = fails(
        "lb.tls_policy_outdated", snap(elbv2(entry(ALB, [li]), ssl_policies=[policy]))
    )
    assert finding.message == "HTTPS:443 SslPolicy Custom-Or-Future-Policy allows TLSv1.1"
    assert finding.evidence["protocols_source"] == "collected"
    assert finding.evidence["outdated"] == ["TLSv1.1"]


def test_tls_policy_outdated_fires_from_the_table_when_not_described() -> None:
    li = https_listener(NLB, protocol="TLS", policy=f.LEGACY_TLS)
    [finding] = fails("lb.tls_policy_outdated", snap(elbv2(entry(NLB, [li]), ssl_policies=OMIT)))
    assert finding.evidence["protocols_source"] == "table"
    assert finding.evidence["outdated"] == ["TLSv1", "TLSv1.1"]
    assert finding.message.startswith("TLS:443 SslPolicy ELBSecurityPolicy-2016-08 allows")


def test_tls_policy_outdated_passes_when_described_protocols_are_modern() -> None:
    # The description wins over the table (a name is not a verdict).
    li = https_listener(ALB, policy=f.LEGACY_TLS)
    policy = f.ssl_policy(f.LEGACY_TLS, ["TLSv1.2"])
    assert (
        run_check("lb.tls_policy_outdated", snap(elbv2(entry(ALB, [li]), ssl_policies=[policy])))
        == []
    )


@pytest.mark.parametrize("policy", [f.TLS13, "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09"])
def test_tls_policy_outdated_passes_modern_table_policies(policy: str) -> None:
    li = https_listener(ALB, policy=policy)
    assert (
        run_check("lb.tls_policy_outdated", snap(elbv2(entry(ALB, [li]), ssl_policies=OMIT))) == []
    )


def test_tls_policy_outdated_passes_plain_listeners() -> None:
    li = http_listener(ALB)
    tcp = https_listener(NLB, protocol="TCP", policy=None)
    snapshot = snap(elbv2(entry(ALB, [li]), entry(NLB, [tcp])))
    assert run_check("lb.tls_policy_outdated", snapshot) == []


def test_tls_policy_outdated_unknown_for_a_new_policy_name_never_a_false_alarm() -> None:
    li = https_listener(ALB, policy="ELBSecurityPolicy-TLS13-1-2-CNSA2-FIPS-PQ-2026-07")
    [finding] = unknowns("lb.tls_policy_outdated", snap(elbv2(entry(ALB, [li]), ssl_policies=OMIT)))
    assert finding.evidence["ssl_policy"] == "ELBSecurityPolicy-TLS13-1-2-CNSA2-FIPS-PQ-2026-07"
    assert not fails("lb.tls_policy_outdated", snap(elbv2(entry(ALB, [li]), ssl_policies=[])))


def test_tls_policy_outdated_unknown_without_a_policy() -> None:
    li = https_listener(ALB, policy=None)
    assert unknowns("lb.tls_policy_outdated", snap(elbv2(entry(ALB, [li]))))


# -- tls_policy_not_pq -------------------------------------------------------------------------
def test_tls_policy_not_pq_fires_on_classical_policies() -> None:
    li = https_listener(ALB, policy=f.TLS13)
    [finding] = fails("lb.tls_policy_not_pq", snap(elbv2(entry(ALB, [li]))))
    assert finding.evidence["ssl_policy"] == f.TLS13


@pytest.mark.parametrize(
    "policy",
    ["ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09", "ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09"],
)
def test_tls_policy_not_pq_passes_pq_policies(policy: str) -> None:
    li = https_listener(NLB, protocol="TLS", policy=policy)
    assert run_check("lb.tls_policy_not_pq", snap(elbv2(entry(NLB, [li])))) == []


def test_tls_policy_not_pq_unknown_without_a_policy() -> None:
    li = https_listener(ALB, policy=None)
    assert unknowns("lb.tls_policy_not_pq", snap(elbv2(entry(ALB, [li]))))


# -- no_listeners ------------------------------------------------------------------------------
def test_no_listeners_fires() -> None:
    [finding] = fails("lb.no_listeners", snap(elbv2(entry(NLB, []))))
    assert finding.message == "network load balancer net has no listener"


def test_no_listeners_passes_with_a_listener() -> None:
    assert run_check("lb.no_listeners", snap(elbv2(entry(ALB, [http_listener(ALB)])))) == []


def test_no_listeners_unknown_when_not_collected() -> None:
    assert unknowns("lb.no_listeners", snap(elbv2(entry(ALB, OMIT))))
