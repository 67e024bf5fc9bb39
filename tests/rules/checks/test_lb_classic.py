"""lb.classic_in_use, classic_http_listener, classic_tls_policy_outdated,
classic_access_logs_disabled, classic_connection_draining_disabled."""

from __future__ import annotations

from typing import Any

from tests.model import factories as f
from tests.model.factories import OMIT
from tests.rules.checks.helpers import fails, run_check, unknowns
from tests.rules.checks.lb_snapshots import snap

CERT = f.cert_arn("clb")
HTTPS = f.classic_listener("HTTPS", 443, certificate=CERT, policies=["tls-policy"])


def elb(
    *listeners: dict[str, Any],
    policies: Any = (),
    attrs: Any = None,
    references: Any = OMIT,
) -> Any:
    desc = f.classic_lb("legacy", list(listeners))
    item = f.classic_entry(
        desc,
        attrs=f.classic_attributes() if attrs is None else attrs,
        policies=list(policies) if policies is not OMIT else OMIT,
        tags=[],
    )
    data: dict[str, Any] = {"load_balancers": [item]}
    if references is not OMIT:
        data["reference_policies"] = list(references)
    return snap(f.payload("elb", data, region=f.REGION))


def tls_policy(**kwargs: Any) -> dict[str, Any]:
    return f.ssl_negotiation_policy("tls-policy", **kwargs)


# -- classic_in_use ----------------------------------------------------------------------------
def test_classic_in_use_fires_for_every_classic_lb() -> None:
    [finding] = fails("lb.classic_in_use", elb(HTTPS, policies=[tls_policy(protocols=["TLSv1.2"])]))
    assert finding.resource.type == "AWS::ElasticLoadBalancing::LoadBalancer"
    assert (
        finding.resource.id
        == f"arn:aws:elasticloadbalancing:{f.REGION}:{f.ACCOUNT}:loadbalancer/legacy"
    )
    assert finding.evidence["listeners"] == ["HTTPS:443"]


def test_classic_in_use_passes_without_classic_lbs() -> None:
    assert (
        run_check(
            "lb.classic_in_use", snap(f.payload("elb", {"load_balancers": []}, region=f.REGION))
        )
        == []
    )


# -- classic_http_listener ---------------------------------------------------------------------
def test_classic_http_listener_fires_on_http_and_tcp() -> None:
    s = elb(
        f.classic_listener("HTTP", 80),
        f.classic_listener("TCP", 8080, instance_protocol="TCP"),
        HTTPS,
    )
    [finding] = fails("lb.classic_http_listener", s)
    assert finding.evidence == {"listeners": ["HTTP:80", "TCP:8080"]}


def test_classic_http_listener_passes_https_and_ssl() -> None:
    ssl = f.classic_listener("SSL", 8443, instance_protocol="TCP", certificate=CERT)
    assert run_check("lb.classic_http_listener", elb(HTTPS, ssl)) == []


# -- classic_tls_policy_outdated ---------------------------------------------------------------
def test_classic_tls_policy_outdated_fires_from_protocol_attributes() -> None:
    s = elb(HTTPS, policies=[tls_policy(protocols=["TLSv1", "TLSv1.1", "TLSv1.2"])])
    [finding] = fails("lb.classic_tls_policy_outdated", s)
    assert finding.message == "HTTPS:443 tls-policy allows TLSv1, TLSv1.1"
    assert finding.evidence["listeners"][0]["protocols_source"] == "collected"


def test_classic_tls_policy_outdated_fires_from_the_described_reference_policy() -> None:
    ref = f.ssl_negotiation_policy(
        "ELBSecurityPolicy-2016-08", protocols=["TLSv1", "TLSv1.1", "TLSv1.2"]
    )
    s = elb(HTTPS, policies=[tls_policy(reference="ELBSecurityPolicy-2016-08")], references=[ref])
    [finding] = fails("lb.classic_tls_policy_outdated", s)
    assert finding.evidence["listeners"][0]["ssl_policy"] == "ELBSecurityPolicy-2016-08"


def test_classic_tls_policy_outdated_fires_from_the_table_as_a_fallback() -> None:
    s = elb(HTTPS, policies=[tls_policy(reference="ELBSecurityPolicy-2016-08")], references=[])
    [finding] = fails("lb.classic_tls_policy_outdated", s)
    assert finding.evidence["listeners"][0]["protocols_source"] == "table"


def test_classic_tls_policy_outdated_passes_tls12_only() -> None:
    custom = tls_policy(reference="ELBSecurityPolicy-2016-08", protocols=["TLSv1.2"])
    assert run_check("lb.classic_tls_policy_outdated", elb(HTTPS, policies=[custom])) == []
    table = tls_policy(reference="ELBSecurityPolicy-TLS-1-2-2017-01")
    assert (
        run_check("lb.classic_tls_policy_outdated", elb(HTTPS, policies=[table], references=[]))
        == []
    )
    assert run_check("lb.classic_tls_policy_outdated", elb(f.classic_listener("HTTP", 80))) == []


def test_classic_tls_policy_outdated_unknown_when_policies_or_names_unknown() -> None:
    [finding] = unknowns("lb.classic_tls_policy_outdated", elb(HTTPS, policies=OMIT))
    assert "policies were not collected" in finding.message
    future = tls_policy(reference="ELBSecurityPolicy-TLS13-2030-01")
    assert unknowns("lb.classic_tls_policy_outdated", elb(HTTPS, policies=[future], references=[]))


# -- classic_access_logs_disabled --------------------------------------------------------------
def test_classic_access_logs_disabled_fires() -> None:
    [finding] = fails(
        "lb.classic_access_logs_disabled",
        elb(HTTPS, attrs=f.classic_attributes(access_log=(False, None))),
    )
    assert finding.message == "access log disabled"


def test_classic_access_logs_disabled_passes_enabled() -> None:
    assert run_check("lb.classic_access_logs_disabled", elb(HTTPS)) == []


def test_classic_access_logs_disabled_unknown_without_attributes() -> None:
    assert unknowns("lb.classic_access_logs_disabled", elb(HTTPS, attrs=OMIT))


# -- classic_connection_draining_disabled ------------------------------------------------------
def test_classic_connection_draining_disabled_fires() -> None:
    s = elb(HTTPS, attrs=f.classic_attributes(draining=(False, 300)))
    [finding] = fails("lb.classic_connection_draining_disabled", s)
    assert finding.evidence == {"connection_draining_enabled": False}


def test_classic_connection_draining_disabled_passes_enabled() -> None:
    assert run_check("lb.classic_connection_draining_disabled", elb(HTTPS)) == []


def test_classic_connection_draining_disabled_unknown_without_attributes() -> None:
    assert unknowns("lb.classic_connection_draining_disabled", elb(HTTPS, attrs=OMIT))
