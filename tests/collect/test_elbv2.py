"""The elbv2 collector against in-process moto: layout, values, shapes, gaps and call counts."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boto3
import pytest

from edgekit.collect.runner import assemble
from edgekit.snapshot import Target, dumps
from tests.collect import shapes
from tests.collect.builders import (
    ACCOUNT,
    assert_calls_declared,
    fail,
    load_balancer,
    network,
    run,
    shared_moto,
)

R = "eu-west-1"
MANY = "eu-central-1"
"""Region holding 21 bare ALBs (tag batching)."""
EMPTY = "us-west-2"
SECRET = "s3cret-origin-verify"


@pytest.fixture(scope="module")
def estate() -> Iterator[dict[str, Any]]:
    """Built once per module; tests only read it."""
    with shared_moto():
        yield {**build_estate(), "many": build_many()}


def build_many() -> list[str]:
    """21 ALBs in MANY, the last one tagged."""
    _, subnets = network(MANY)
    arns = [load_balancer(MANY, f"lb{i}", subnets) for i in range(21)]
    boto3.client("elbv2", region_name=MANY).add_tags(
        ResourceArns=[arns[-1]], Tags=[{"Key": "last", "Value": "yes"}]
    )
    return arns


def build_estate() -> dict[str, Any]:
    """ALB (HTTP + HTTPS with an extra cert and a header rule), NLB (TLS), GWLB, 4 TGs."""
    vpc, subnets = network(R)
    acm = boto3.client("acm", region_name=R)
    cert = acm.request_certificate(DomainName="example.com")["CertificateArn"]
    extra = acm.request_certificate(DomainName="www.example.com")["CertificateArn"]
    elb = boto3.client("elbv2", region_name=R)
    alb = load_balancer(R, "alb", subnets)
    nlb = load_balancer(R, "nlb", subnets, "network")
    gwlb = load_balancer(R, "gwlb", subnets, "gateway")
    elb.add_tags(ResourceArns=[alb], Tags=[{"Key": "team", "Value": "edge"}])

    def tg(name: str, protocol: str, port: int) -> str:
        return str(
            elb.create_target_group(
                Name=name, Protocol=protocol, Port=port, VpcId=vpc, TargetType="ip"
            )["TargetGroups"][0]["TargetGroupArn"]
        )

    web, tcp, geneve = tg("web", "HTTP", 80), tg("tcp", "TCP", 80), tg("geneve", "GENEVE", 6081)
    unused = tg("idle", "HTTP", 8080)
    elb.register_targets(TargetGroupArn=web, Targets=[{"Id": "10.0.0.5", "Port": 80}])
    fwd = [{"Type": "forward", "TargetGroupArn": web}]
    http = elb.create_listener(LoadBalancerArn=alb, Protocol="HTTP", Port=80, DefaultActions=fwd)
    https = elb.create_listener(
        LoadBalancerArn=alb,
        Protocol="HTTPS",
        Port=443,
        Certificates=[{"CertificateArn": cert}],
        SslPolicy="ELBSecurityPolicy-TLS13-1-2-2021-06",
        DefaultActions=fwd,
    )["Listeners"][0]["ListenerArn"]
    elb.add_listener_certificates(ListenerArn=https, Certificates=[{"CertificateArn": extra}])
    header = {"HttpHeaderName": "X-Origin-Verify", "Values": [SECRET]}
    elb.create_rule(
        ListenerArn=https,
        Priority=10,
        Conditions=[{"Field": "http-header", "HttpHeaderConfig": header}],
        Actions=fwd,
    )
    tls = elb.create_listener(
        LoadBalancerArn=nlb,
        Protocol="TLS",
        Port=443,
        Certificates=[{"CertificateArn": cert}],
        DefaultActions=[{"Type": "forward", "TargetGroupArn": tcp}],
    )["Listeners"][0]["ListenerArn"]
    elb.create_listener(
        LoadBalancerArn=gwlb, DefaultActions=[{"Type": "forward", "TargetGroupArn": geneve}]
    )
    return {
        "alb": alb,
        "nlb": nlb,
        "gwlb": gwlb,
        "http": http["Listeners"][0]["ListenerArn"],
        "https": https,
        "tls": tls,
        "cert": cert,
        "extra": extra,
        "web": web,
        "unused": unused,
    }


def _by(items: list[dict[str, Any]], key: str, field: str) -> dict[str, dict[str, Any]]:
    return {item[key][field]: item for item in items}


def _listeners(data: dict[str, Any], lb_arn: str) -> dict[str, dict[str, Any]]:
    lb = _by(data["load_balancers"], "LoadBalancer", "LoadBalancerArn")[lb_arn]
    return _by(lb["Listeners"], "Listener", "ListenerArn")


def test_collects_load_balancers_listeners_rules_and_certificates(estate: dict[str, Any]) -> None:
    res = run("elbv2", R)
    assert res.error is None and res.gaps == []
    assert res.data is not None
    lbs = _by(res.data["load_balancers"], "LoadBalancer", "LoadBalancerArn")
    assert {lb["LoadBalancer"]["Type"] for lb in lbs.values()} == {
        "application",
        "network",
        "gateway",
    }
    alb = lbs[estate["alb"]]
    assert alb["Tags"] == [{"Key": "team", "Value": "edge"}]
    assert {"Key": "deletion_protection.enabled", "Value": "false"} in alb["Attributes"]
    listeners = _listeners(res.data, estate["alb"])
    https = listeners[estate["https"]]
    conditions = [c for rule in https["Rules"] for c in rule["Conditions"]]
    (value,) = conditions[0]["HttpHeaderConfig"]["Values"]
    assert value.startswith("hmac-sha256:") and SECRET not in value  # redacted in the unit
    assert conditions == [
        {
            "Field": "http-header",
            "HttpHeaderConfig": {"HttpHeaderName": "X-Origin-Verify", "Values": [value]},
        }
    ]
    assert sorted(r["IsDefault"] for r in https["Rules"]) == [False, True]
    certs = {c["CertificateArn"]: c["IsDefault"] for c in https["Certificates"]}
    assert certs == {estate["cert"]: True, estate["extra"]: False}
    assert listeners[estate["http"]]["Certificates"] == []  # not TLS: none, without a call
    assert _listeners(res.data, estate["nlb"])[estate["tls"]]["Certificates"] == [
        {"CertificateArn": estate["cert"], "IsDefault": True}
    ]


def test_collects_every_target_group_and_ssl_policies(estate: dict[str, Any]) -> None:
    res = run("elbv2", R)
    assert res.data is not None
    tgs = _by(res.data["target_groups"], "TargetGroup", "TargetGroupArn")
    assert len(tgs) == 4 and estate["unused"] in tgs  # unattached target groups too
    web = tgs[estate["web"]]
    assert [d["Target"]["Id"] for d in web["TargetHealthDescriptions"]] == ["10.0.0.5"]
    assert web["TargetHealthDescriptions"][0]["TargetHealth"]["State"] == "healthy"  # moto
    assert any(a["Key"] == "deregistration_delay.timeout_seconds" for a in web["Attributes"])
    assert tgs[estate["unused"]]["TargetHealthDescriptions"] == []
    named = {
        li["Listener"]["SslPolicy"]
        for lb in res.data["load_balancers"]
        for li in lb["Listeners"]
        if "SslPolicy" in li["Listener"]
    }
    assert sorted(p["Name"] for p in res.data["ssl_policies"]) == sorted(named)
    assert "ELBSecurityPolicy-TLS13-1-2-2021-06" in named


def test_items_conform_to_botocore_output_shapes(estate: dict[str, Any]) -> None:
    res = run("elbv2", R)
    assert res.data is not None
    for lb in res.data["load_balancers"]:
        shapes.assert_conforms(
            lb["LoadBalancer"], "elbv2", "DescribeLoadBalancers", "LoadBalancers[]"
        )
        shapes.assert_conforms(
            lb["Attributes"], "elbv2", "DescribeLoadBalancerAttributes", "Attributes"
        )
        shapes.assert_conforms(lb["Tags"], "elbv2", "DescribeTags", "TagDescriptions[].Tags")
        for li in lb["Listeners"]:
            gwlb = lb["LoadBalancer"]["Type"] == "gateway"
            listener = dict(li["Listener"])
            if gwlb:  # moto quirk: GWLB listeners report Protocol "" (real AWS: GENEVE/absent)
                assert listener.pop("Protocol") == ""
            shapes.assert_conforms(listener, "elbv2", "DescribeListeners", "Listeners[]")
            shapes.assert_conforms(li["Rules"], "elbv2", "DescribeRules", "Rules")
            shapes.assert_conforms(
                li["Certificates"], "elbv2", "DescribeListenerCertificates", "Certificates"
            )
    for tg in res.data["target_groups"]:
        shapes.assert_conforms(tg["TargetGroup"], "elbv2", "DescribeTargetGroups", "TargetGroups[]")
        shapes.assert_conforms(
            tg["Attributes"], "elbv2", "DescribeTargetGroupAttributes", "Attributes"
        )
        shapes.assert_conforms(
            tg["TargetHealthDescriptions"],
            "elbv2",
            "DescribeTargetHealth",
            "TargetHealthDescriptions",
        )
    shapes.assert_conforms(res.data["ssl_policies"], "elbv2", "DescribeSSLPolicies", "SslPolicies")


def test_moto_quirks_are_kept_raw(estate: dict[str, Any]) -> None:
    """DESIGN §4: NLB/GWLB ARNs say app/, HTTP listeners carry an SslPolicy (canary)."""
    res = run("elbv2", R)
    assert res.data is not None
    assert "/app/nlb/" in estate["nlb"] and "/app/gwlb/" in estate["gwlb"]
    assert "SslPolicy" in _listeners(res.data, estate["alb"])[estate["http"]]["Listener"]


def test_calls_per_resource(estate: dict[str, Any]) -> None:
    res = run("elbv2", R)
    assert_calls_declared(res, exact=True)
    calls = {op: n for (_, op), n in res.calls.items()}
    assert calls == {
        "DescribeLoadBalancers": 1,
        "DescribeLoadBalancerAttributes": 3,
        "DescribeTags": 1,
        "DescribeListeners": 3,
        "DescribeRules": 4,  # one per listener
        "DescribeListenerCertificates": 2,  # HTTPS + TLS only
        "DescribeSSLPolicies": 1,
        "DescribeTargetGroups": 1,
        "DescribeTargetGroupAttributes": 4,
        "DescribeTargetHealth": 4,
    }


def test_tags_are_read_in_batches_of_20(estate: dict[str, Any]) -> None:
    arns = estate["many"]
    res = run("elbv2", MANY)
    assert res.data is not None
    assert res.calls[("elbv2", "DescribeTags")] == 2
    lbs = _by(res.data["load_balancers"], "LoadBalancer", "LoadBalancerArn")
    assert lbs[arns[-1]]["Tags"] == [{"Key": "last", "Value": "yes"}]
    assert all("Tags" in lb for lb in lbs.values())


def test_empty_region_makes_no_per_resource_calls(estate: dict[str, Any]) -> None:
    res = run("elbv2", EMPTY)
    assert res.data == {"load_balancers": [], "ssl_policies": [], "target_groups": []}
    assert {op for _, op in res.calls} == {"DescribeLoadBalancers", "DescribeTargetGroups"}


def test_denied_listener_certificates_is_a_gap(estate: dict[str, Any]) -> None:
    res = run("elbv2", R, fail("DescribeListenerCertificates"))
    assert res.error is None and res.data is not None
    assert (
        res.gaps
        == [
            {
                "account_id": ACCOUNT,
                "region": R,
                "collector": "elbv2",
                "operation": "DescribeListenerCertificates",
                "error_code": "AccessDenied",
                "message": "injected",
            }
        ]
        * 2
    )
    listeners = _listeners(res.data, estate["alb"])
    assert "Certificates" not in listeners[estate["https"]]
    assert listeners[estate["http"]]["Certificates"] == []
    assert "Rules" in listeners[estate["https"]]


def test_denied_describe_load_balancers_drops_dependent_keys(estate: dict[str, Any]) -> None:
    res = run("elbv2", R, fail("DescribeLoadBalancers", "UnauthorizedOperation"))
    assert res.error is None and res.data is not None
    assert set(res.data) == {"target_groups"}  # no listeners read, so no SSL policies either
    assert [g["operation"] for g in res.gaps] == ["DescribeLoadBalancers"]


def test_denied_tags_and_attributes_leave_keys_absent(estate: dict[str, Any]) -> None:
    res = run(
        "elbv2",
        R,
        fail("DescribeTags"),
        fail(
            "DescribeLoadBalancerAttributes", when=lambda p: p["LoadBalancerArn"] == estate["alb"]
        ),
    )
    assert res.data is not None
    lbs = _by(res.data["load_balancers"], "LoadBalancer", "LoadBalancerArn")
    assert all("Tags" not in lb for lb in lbs.values())
    assert "Attributes" not in lbs[estate["alb"]] and "Attributes" in lbs[estate["nlb"]]
    assert sorted(g["operation"] for g in res.gaps) == [
        "DescribeLoadBalancerAttributes",
        "DescribeTags",
    ]


def test_load_balancer_deleted_during_collection_is_left_out(estate: dict[str, Any]) -> None:
    gone = fail(
        "DescribeListeners",
        "LoadBalancerNotFound",
        when=lambda p: p["LoadBalancerArn"] == estate["nlb"],
    )
    res = run("elbv2", R, gone)
    assert res.error is None and res.gaps == [] and res.data is not None
    arns = {lb["LoadBalancer"]["LoadBalancerArn"] for lb in res.data["load_balancers"]}
    assert arns == {estate["alb"], estate["gwlb"]}


def test_unknown_ssl_policy_name_falls_back_to_listing(estate: dict[str, Any]) -> None:
    res = run(
        "elbv2", R, fail("DescribeSSLPolicies", "SSLPolicyNotFound", when=lambda p: "Names" in p)
    )
    assert res.error is None and res.data is not None
    names = {p["Name"] for p in res.data["ssl_policies"]}
    assert names == {"ELBSecurityPolicy-2016-08", "ELBSecurityPolicy-TLS13-1-2-2021-06"}
    assert res.calls[("elbv2", "DescribeSSLPolicies")] == 2


def _header_rule(data: dict[str, Any], estate: dict[str, Any]) -> dict[str, Any]:
    """The HTTPS listener's one non-default rule (the X-Origin-Verify check)."""
    rules = _listeners(data, estate["alb"])[estate["https"]]["Rules"]
    (rule,) = [r for r in rules if not r["IsDefault"]]
    return rule


def test_rule_header_values_are_digested_without_any_distribution(
    estate: dict[str, Any],
) -> None:
    """Redaction does not depend on what else was collected: elbv2 alone digests every value."""
    alb = run("elbv2", R)
    assert alb.data is not None
    result = assemble([alb], targets=[Target(ACCOUNT, R)], partition="aws")
    elbv2 = result.snapshot.payload(ACCOUNT, R, "elbv2")
    assert elbv2 is not None
    (value,) = _header_rule(elbv2, estate)["Conditions"][0]["HttpHeaderConfig"]["Values"]
    assert value.startswith("hmac-sha256:") and value.endswith(f";len={len(SECRET)}")
    assert SECRET not in dumps(result.snapshot)
