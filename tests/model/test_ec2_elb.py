"""ec2 (security groups, prefix lists) and elb (Classic Load Balancers, policies, attributes)."""

from __future__ import annotations

from typing import Any

import pytest

from edgekit.errors import ModelError
from edgekit.model import (
    NOT_COLLECTED,
    ClassicLoadBalancer,
    ElbPolicy,
    Inventory,
    SecurityGroup,
)
from tests.model import estates_context as ec
from tests.model import factories as f
from tests.model.factories import parse_strict

R = "us-east-1"
A = f.ACCOUNT


def _inv(*payloads: dict[str, Any], **kw: Any) -> Inventory:
    return parse_strict(f.snapshot(*payloads, **kw))


def _sg(inv: Inventory, group_id: str) -> SecurityGroup:
    sg = inv.ec2.security_group(group_id, A, R)
    assert isinstance(sg, SecurityGroup)
    return sg


def _clb(inv: Inventory, name: str = "legacy-clb") -> ClassicLoadBalancer:
    return next(lb for lb in inv.classic_load_balancers if lb.name == name)


# -- ec2 -------------------------------------------------------------------------------------------
def test_security_group_fields_and_permissions(rich: Inventory) -> None:
    sg = _sg(rich, ec.WEB_SG)
    assert (sg.account_id, sg.region, sg.name, sg.vpc_id, sg.owner_id) == (
        A,
        R,
        "web-alb-sg",
        "vpc-0abc",
        A,
    )
    assert sg.description == "group web-alb-sg" and sg.tags == {"Name": "web-alb"}
    assert sg.arn == f"arn:aws:ec2:{R}:{A}:security-group/{ec.WEB_SG}"
    cf, web, peer = sg.ingress
    assert (cf.ip_protocol, cf.from_port, cf.to_port) == ("tcp", 443, 443)
    assert (
        cf.prefix_lists == (f.CF_PREFIX_LIST,) and cf.prefix_list_ids[0].description == "CloudFront"
    )
    assert cf.cidrs == () and not cf.open_to_internet
    assert web.cidrs == ("0.0.0.0/0", "::/0") and web.open_to_internet
    assert web.ip_ranges[0].description == "v4 0.0.0.0/0" and web.ipv6_ranges[0].description is None
    pair = peer.user_id_group_pairs[0]
    assert peer.group_ids == (ec.CLB_SG,) and (pair.user_id, pair.description) == (
        A,
        "from peer group",
    )
    (egress,) = sg.egress
    assert egress.all_traffic and egress.from_port is None and egress.allows_tcp_port(5432)
    assert sg.raw["GroupId"] == ec.WEB_SG


def test_port_matching_and_internet_exposure(rich: Inventory) -> None:
    sg = _sg(rich, ec.WEB_SG)
    assert [p.from_port for p in sg.ingress_for_tcp_port(443)] == [443]
    assert sg.open_to_internet_on(80) and not sg.open_to_internet_on(443)
    clb_sg = _sg(rich, ec.CLB_SG)
    assert clb_sg.open_to_internet_on(8000) and not clb_sg.open_to_internet_on(9000)
    udp = f.permission(53, protocol="udp", cidrs=["0.0.0.0/0"])
    icmp = f.permission(-1, -1, protocol="icmp", cidrs=["0.0.0.0/0"])
    numbered = f.permission(22, protocol="6", cidrs=["10.0.0.0/8"])
    inv = _inv(
        f.payload(
            "ec2", {"security_groups": [f.security_group("sg-x", [udp, icmp, numbered])]}, region=R
        )
    )
    p_udp, p_icmp, p_num = inv.security_groups[0].ingress
    assert not p_udp.allows_tcp_port(53) and not p_icmp.allows_tcp_port(1)
    assert p_num.allows_tcp_port(22) and not p_num.allows_tcp_port(23)
    odd = f.permission(80, cidrs=[])
    del odd["FromPort"], odd["ToPort"]
    inv = _inv(f.payload("ec2", {"security_groups": [f.security_group("sg-y", [odd])]}, region=R))
    assert inv.security_groups[0].ingress[0].allows_tcp_port(12345)  # no range: every port


def test_prefix_list_and_its_lookup(rich: Inventory) -> None:
    pl = rich.ec2.cloudfront_origin_facing_prefix_list(A, R)
    assert pl is not NOT_COLLECTED and pl is not None
    assert (pl.id, pl.name, pl.address_family, pl.state) == (
        f.CF_PREFIX_LIST,
        f.CF_PREFIX_LIST_NAME,
        "IPv4",
        "create-complete",
    )
    assert (pl.max_entries, pl.version, pl.owner_id) == (55, 42, "AWS") and pl.arn
    assert pl.is_cloudfront_origin_facing
    # eu-west-1 had no load balancer with security groups: the ec2 unit was skipped
    assert rich.ec2.cloudfront_origin_facing_prefix_list(A, "eu-west-1") is NOT_COLLECTED
    other = _inv(
        f.payload("ec2", {"security_groups": [], "managed_prefix_lists": []}, region=R),
    )
    assert other.ec2.cloudfront_origin_facing_prefix_list(A, R) is None
    unrelated = _inv(
        f.payload("ec2", {"managed_prefix_lists": [f.prefix_list("pl-1", "my-list")]}, region=R)
    )
    assert unrelated.ec2.cloudfront_origin_facing_prefix_list(A, R) is None
    assert not unrelated.managed_prefix_lists[0].is_cloudfront_origin_facing


def test_security_group_lookup_unknown_versus_deleted(rich: Inventory) -> None:
    alb = next(lb for lb in rich.load_balancers if lb.name == "web-alb")
    groups = rich.ec2.security_groups_for(alb)
    assert groups is not NOT_COLLECTED and [g.id for g in groups] == [ec.WEB_SG]
    clb_groups = rich.ec2.security_groups_for(_clb(rich))
    assert clb_groups is not NOT_COLLECTED and [g.id for g in clb_groups] == [ec.CLB_SG]
    # an id no collected load balancer names was never looked up
    assert rich.ec2.security_group("sg-unrelated", A, R) is NOT_COLLECTED
    assert rich.ec2.security_group(ec.WEB_SG, A, "eu-west-1") is NOT_COLLECTED
    # a group a load balancer names but DescribeSecurityGroups did not return: deleted
    lb = f.load_balancer("x", security_groups=["sg-live", "sg-gone"])
    inv = _inv(
        f.payload("elbv2", {"load_balancers": [f.lb_entry(lb)]}, region=R),
        f.payload("ec2", {"security_groups": [f.security_group("sg-live")]}, region=R),
    )
    assert inv.ec2.security_group("sg-gone", A, R) is None
    found = inv.ec2.security_groups_for(inv.load_balancers[0])
    assert found is not NOT_COLLECTED and [g.id for g in found] == ["sg-live"]
    # the listing was denied: every group of the region is unknown
    denied = _inv(
        f.payload("elbv2", {"load_balancers": [f.lb_entry(lb)]}, region=R),
        f.payload("ec2", {"managed_prefix_lists": []}, region=R),
    )
    assert denied.ec2.security_group("sg-live", A, R) is NOT_COLLECTED
    assert denied.ec2.security_groups_for(denied.load_balancers[0]) is NOT_COLLECTED


def test_ec2_model_errors() -> None:
    with pytest.raises(
        ModelError,
        match=r"ec2 payload \(111111111111/us-east-1\): security group sg-1: missing field "
        r"'IpPermissions\[0\]\.IpProtocol'",
    ):
        _inv(
            f.payload(
                "ec2", {"security_groups": [f.security_group("sg-1", [{"FromPort": 1}])]}, region=R
            )
        )
    with pytest.raises(ModelError, match=r"security_groups\[0\]: missing field 'GroupId'"):
        _inv(f.payload("ec2", {"security_groups": [{"GroupName": "x"}]}, region=R))
    with pytest.raises(ModelError, match=r"prefix list pl-1: missing field 'PrefixListName'"):
        _inv(f.payload("ec2", {"managed_prefix_lists": [{"PrefixListId": "pl-1"}]}, region=R))


# -- elb ------------------------------------------------------------------------------------------
def test_classic_load_balancer_fields(rich: Inventory) -> None:
    lb = _clb(rich)
    assert lb.arn == f"arn:aws:elasticloadbalancing:{R}:{A}:loadbalancer/legacy-clb"
    assert (lb.scheme, lb.internet_facing, lb.vpc_id) == ("internet-facing", True, "vpc-0abc")
    assert lb.dns_name == "legacy-clb-1234567890.us-east-1.elb.amazonaws.com"
    assert lb.canonical_hosted_zone_name == "legacy-clb-1234567890.us-east-1.elb.amazonaws.com"
    assert lb.canonical_hosted_zone_id == "Z35SXDOTRQ7X7K"
    assert lb.availability_zones == ("us-east-1a", "us-east-1b")
    assert lb.subnets == ("subnet-a", "subnet-b") and lb.security_groups == (ec.CLB_SG,)
    assert lb.instances == ("i-0c1",) and lb.source_security_group == f"{A}/clb-sg"
    assert lb.health_check is not None
    hc = lb.health_check
    assert (hc.target, hc.interval, hc.timeout, hc.unhealthy_threshold, hc.healthy_threshold) == (
        "HTTP:80/health",
        30,
        5,
        2,
        10,
    )
    assert lb.backend_policies == {8443: ("backend-auth",)}
    assert lb.other_policies == ("tls-ref", "tls-explicit", "sticky")
    assert lb.tags == {"env": "legacy"} and lb.created_time is not None
    assert lb.raw["LoadBalancerDescription"]["LoadBalancerName"] == "legacy-clb"


def test_classic_attributes(rich: Inventory) -> None:
    attrs = _clb(rich).attributes
    assert attrs is not NOT_COLLECTED
    assert (attrs.access_log_enabled, attrs.access_log_bucket, attrs.access_log_prefix) == (
        True,
        "clb-logs",
        "clb",
    )
    assert attrs.access_log_emit_interval == 5
    assert (attrs.connection_draining_enabled, attrs.connection_draining_timeout) == (False, 300)
    assert (attrs.cross_zone_enabled, attrs.idle_timeout) == (True, 60)
    assert attrs.additional == {"elb.http.desyncmitigationmode": "defensive"}
    bare = _inv(
        f.payload(
            "elb",
            {
                "load_balancers": [
                    f.classic_entry(f.classic_lb("b", []), attrs={}, policies=[], tags=[])
                ]
            },
            region=R,
        )
    )
    empty = bare.classic_load_balancers[0].attributes
    assert empty is not NOT_COLLECTED and empty.access_log_enabled is None
    assert empty.connection_draining_enabled is None and empty.idle_timeout is None
    no_log = _inv(
        f.payload(
            "elb",
            {
                "load_balancers": [
                    f.classic_entry(
                        f.classic_lb("b", []), attrs=f.classic_attributes(access_log=(False, None))
                    )
                ]
            },
            region=R,
        )
    ).classic_load_balancers[0]
    assert no_log.attributes is not NOT_COLLECTED
    assert (no_log.attributes.access_log_enabled, no_log.attributes.access_log_bucket) == (
        False,
        None,
    )


def test_classic_listeners_and_tls_protocols(rich: Inventory) -> None:
    http, https, ssl = _clb(rich).listeners
    assert (http.protocol, http.load_balancer_port, http.instance_protocol, http.instance_port) == (
        "HTTP",
        80,
        "HTTP",
        80,
    )
    assert not http.is_secure and http.ssl_policy is None and http.ssl_protocols is None
    assert http.allows_tls_below_1_2 is None and http.ssl_certificate_id is None
    assert (
        https.is_secure and https.ssl_certificate_id == f"arn:aws:iam::{A}:server-certificate/site"
    )
    assert https.policy_names == ("tls-ref",)
    # moto-style policy: only the reference; the protocols come from the predefined policy
    policy = https.ssl_policy
    assert isinstance(policy, ElbPolicy) and policy.own_ssl_protocols is None
    assert policy.reference_security_policy == "ELBSecurityPolicy-2016-08"
    assert isinstance(policy.predefined, ElbPolicy)
    assert policy.predefined.name == "ELBSecurityPolicy-2016-08"
    assert https.ssl_protocols == ("TLSv1", "TLSv1.1", "TLSv1.2")
    assert https.allows_tls_below_1_2 is True
    # real-AWS style: the policy lists every Protocol-* attribute itself
    assert ssl.policy_names == ("tls-explicit", "sticky") and ssl.instance_protocol == "SSL"
    assert ssl.ssl_protocols == ("TLSv1.2",) and ssl.allows_tls_below_1_2 is False
    assert isinstance(ssl.ssl_policy, ElbPolicy)
    assert ssl.ssl_policy.ciphers == ("ECDHE-RSA-AES128-GCM-SHA256",)
    assert (
        ssl.ssl_policy.predefined is None and ssl.ssl_policy.type_name == "SSLNegotiationPolicyType"
    )


def test_policies_lookup_and_types(rich: Inventory) -> None:
    lb = _clb(rich)
    sticky = lb.policy("sticky")
    assert isinstance(sticky, ElbPolicy) and sticky.type_name == "LBCookieStickinessPolicyType"
    assert sticky.attributes == {"CookieExpirationPeriod": "60"} and sticky.ciphers == ()
    assert sticky.ssl_protocols is NOT_COLLECTED  # not an SSL policy: no protocols known
    assert lb.policy("nope") is None


def _one_lb(policies: Any, refs: Any = None, **entry: Any) -> ClassicLoadBalancer:
    listener = f.classic_listener("HTTPS", 443, certificate="arn:c", policies=["tls"])
    data: dict[str, Any] = {
        "load_balancers": [
            f.classic_entry(f.classic_lb("one", [listener]), policies=policies, **entry)
        ]
    }
    if refs is not None:
        data["reference_policies"] = refs
    return _inv(f.payload("elb", data, region=R)).classic_load_balancers[0]


def test_tls_protocols_unknown_versus_none() -> None:
    ref_only = [f.ssl_negotiation_policy("tls", reference="ELBSecurityPolicy-TLS-1-2-2017-01")]
    # reference_policies not collected (DescribeLoadBalancerPolicies denied for them)
    lb = _one_lb(ref_only)
    (li,) = lb.listeners
    assert isinstance(li.ssl_policy, ElbPolicy) and li.ssl_policy.predefined is NOT_COLLECTED
    assert li.ssl_protocols is NOT_COLLECTED and li.allows_tls_below_1_2 is NOT_COLLECTED
    # collected, but the endpoint did not know the name (moto): left out → None, protocols unknown
    lb = _one_lb(ref_only, refs=[])
    (li,) = lb.listeners
    assert isinstance(li.ssl_policy, ElbPolicy) and li.ssl_policy.predefined is None
    assert li.ssl_protocols is NOT_COLLECTED
    # the load balancer's policies were not read at all
    lb = _one_lb(f.OMIT)
    assert lb.policies is NOT_COLLECTED and lb.policy("tls") is NOT_COLLECTED
    assert lb.listeners[0].ssl_policy is NOT_COLLECTED
    assert lb.listeners[0].ssl_protocols is NOT_COLLECTED
    assert lb.attributes is NOT_COLLECTED and lb.tags is NOT_COLLECTED
    # read, but the listener's policy is not an SSL negotiation policy: there is none
    lb = _one_lb([f.elb_policy("tls", "LBCookieStickinessPolicyType", {})])
    assert lb.listeners[0].ssl_policy is None and lb.listeners[0].ssl_protocols is None
    # the listener names a policy the load balancer's policies do not describe
    assert _one_lb([]).listeners[0].ssl_policy is NOT_COLLECTED
    # ... but the predefined policies do: it is that one
    predefined = f.ssl_negotiation_policy("tls", protocols=["TLSv1.2"])
    (li,) = _one_lb([], refs=[predefined]).listeners
    assert isinstance(li.ssl_policy, ElbPolicy) and li.ssl_protocols == ("TLSv1.2",)


def test_classic_lookups(rich: Inventory) -> None:
    lb = _clb(rich)
    assert rich.elb.classic_load_balancer(lb.arn) == lb
    assert rich.elb.classic_load_balancer(lb.arn.replace("legacy-clb", "gone")) is None
    assert rich.elb.classic_load_balancer(lb.arn.replace(R, "ap-south-1")) is NOT_COLLECTED
    assert rich.elb.classic_load_balancer("not-an-arn") is NOT_COLLECTED
    assert lb.dns_name is not None
    assert rich.elb.classic_load_balancer_by_dns(f"DualStack.{lb.dns_name}.") == lb
    assert rich.elb.classic_load_balancer_by_dns("gone-1.us-east-1.elb.amazonaws.com") is None
    assert (
        rich.elb.classic_load_balancer_by_dns("x-1.ap-south-1.elb.amazonaws.com") is NOT_COLLECTED
    )
    # Classic ELBs are not ALBs/NLBs and vice versa
    assert rich.elbv2.load_balancer_by_dns(lb.dns_name) is None


def test_elb_model_errors() -> None:
    bad_listener = f.classic_lb("bad", [{"Listener": {"Protocol": "HTTP"}, "PolicyNames": []}])
    with pytest.raises(
        ModelError,
        match=r"elb payload \(111111111111/us-east-1\): classic load balancer bad: missing field "
        r"'LoadBalancerDescription\.ListenerDescriptions\[0\]\.Listener\.LoadBalancerPort'",
    ):
        _inv(f.payload("elb", {"load_balancers": [f.classic_entry(bad_listener)]}, region=R))
    with pytest.raises(
        ModelError, match=r"load_balancers\[0\]: missing field 'LoadBalancerDescription'"
    ):
        _inv(f.payload("elb", {"load_balancers": [{"Tags": []}]}, region=R))
    with pytest.raises(
        ModelError,
        match=r"policy P: missing field 'PolicyAttributeDescriptions\[0\]\.AttributeName'",
    ):
        _inv(
            f.payload(
                "elb",
                {
                    "load_balancers": [],
                    "reference_policies": [
                        {
                            "PolicyName": "P",
                            "PolicyAttributeDescriptions": [{"AttributeValue": "x"}],
                        }
                    ],
                },
                region=R,
            )
        )
    with pytest.raises(ModelError, match=r"'LoadBalancerAttributes\.AccessLog\.Enabled'"):
        _inv(
            f.payload(
                "elb",
                {
                    "load_balancers": [
                        f.classic_entry(f.classic_lb("b", []), attrs={"AccessLog": {}})
                    ]
                },
                region=R,
            )
        )


def test_partitions_and_missing_health_check() -> None:
    bare = f.classic_lb("cn", [], region="cn-north-1")
    del bare["HealthCheck"]
    inv = _inv(
        f.payload("elb", {"load_balancers": [f.classic_entry(bare)]}, region="cn-north-1"),
        f.payload(
            "elb",
            {"load_balancers": [f.classic_entry(f.classic_lb("gov", [], region="us-gov-west-1"))]},
            region="us-gov-west-1",
        ),
    )
    cn, gov = inv.classic_load_balancers
    assert cn.arn.startswith("arn:aws-cn:elasticloadbalancing:cn-north-1:")
    assert gov.arn.startswith("arn:aws-us-gov:elasticloadbalancing:us-gov-west-1:")
    assert cn.health_check is None and gov.health_check is not None
