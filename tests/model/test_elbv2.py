"""ELBv2: load balancers, attributes, listeners, rules (conditions, actions), target groups."""

from __future__ import annotations

import pytest

from edgekit.errors import ModelError
from edgekit.model import (
    NOT_COLLECTED,
    Inventory,
    Listener,
    LoadBalancer,
    SslPolicy,
    TargetGroup,
    final_action,
)
from edgekit.model.elbv2.actions import QueryStringPair
from tests.model import estates
from tests.model import factories as f
from tests.model.factories import parse_strict


def _lb(inv: Inventory, name: str) -> LoadBalancer:
    return next(lb for lb in inv.load_balancers if lb.name == name)


def _tg(inv: Inventory, name: str) -> TargetGroup:
    return next(tg for tg in inv.target_groups if tg.name == name)


def _listener(lb: LoadBalancer, port: int) -> Listener:
    assert lb.listeners is not NOT_COLLECTED
    return next(li for li in lb.listeners if li.port == port)


def test_load_balancer_fields(rich: Inventory) -> None:
    alb = _lb(rich, "web-alb")
    assert (alb.type, alb.scheme, alb.internet_facing, alb.region) == (
        "application",
        "internet-facing",
        True,
        "us-east-1",
    )
    assert alb.arn == f.lb_arn("web-alb") and alb.account_id == f.ACCOUNT
    assert alb.dns_name == "web-alb-1234567890.us-east-1.elb.amazonaws.com"
    assert (alb.canonical_hosted_zone_id, alb.vpc_id, alb.state) == (
        f.ALB_ZONE,
        "vpc-0abc",
        "active",
    )
    assert [z.zone_name for z in alb.availability_zones] == ["us-east-1a", "us-east-1b"]
    assert alb.security_groups == ("sg-0123456789abcdef0",) and alb.ip_address_type == "ipv4"
    assert alb.tags == {"env": "prod"} and alb.created_time is not None
    nlb = _lb(rich, "static-nlb")
    assert nlb.type == "network" and nlb.security_groups == ()
    assert nlb.availability_zones[0].addresses == ("203.0.113.10",)
    internal = _lb(rich, "app-internal")
    assert not internal.internet_facing and internal.dns_name is not None
    assert internal.dns_name.startswith("internal-")


def test_type_is_read_not_inferred_from_arn() -> None:
    nlb = f.load_balancer("moto-nlb", "network", arn=f.lb_arn("moto-nlb", "application"))
    inv = parse_strict(
        f.snapshot(f.payload("elbv2", {"load_balancers": [f.lb_entry(nlb)]}, region="us-east-1"))
    )
    assert "/app/" in inv.load_balancers[0].arn and inv.load_balancers[0].type == "network"


def test_attributes_accessors(rich: Inventory) -> None:
    alb = _lb(rich, "web-alb")
    attrs = alb.attributes
    assert attrs is not NOT_COLLECTED
    assert attrs.drop_invalid_header_fields is True
    assert attrs.desync_mitigation_mode == "defensive"
    assert (attrs.access_logs_enabled, attrs.access_logs_bucket) == (True, "alb-logs")
    assert (attrs.deletion_protection, attrs.cross_zone_enabled, attrs.waf_fail_open) == (
        True,
        True,
        False,
    )
    assert (attrs.idle_timeout_seconds, attrs.http2_enabled) == (60, True)
    assert attrs.get("routing.http2.enabled") == "true" and attrs.get("nope") is None
    internal = _lb(rich, "app-internal").attributes
    assert internal is not NOT_COLLECTED
    assert (
        internal.desync_mitigation_mode,
        internal.waf_fail_open,
        internal.access_logs_enabled,
    ) == (
        "monitor",
        True,
        False,
    )
    nlb = _lb(rich, "static-nlb").attributes
    assert nlb is not NOT_COLLECTED
    assert nlb.cross_zone_enabled is False
    # not applicable to an NLB: collected, but None
    assert nlb.drop_invalid_header_fields is None and nlb.idle_timeout_seconds is None


def test_unknown_versus_none_on_load_balancers(rich: Inventory, partial: Inventory) -> None:
    denied = _lb(partial, "denied-alb")
    assert denied.attributes is NOT_COLLECTED and denied.tags is NOT_COLLECTED
    assert _lb(rich, "static-nlb").tags == {}
    lb = f.load_balancer("no-listeners-read")
    inv = parse_strict(
        f.snapshot(f.payload("elbv2", {"load_balancers": [f.lb_entry(lb)]}, region="us-east-1"))
    )
    assert inv.load_balancers[0].listeners is NOT_COLLECTED
    inv = parse_strict(
        f.snapshot(
            f.payload(
                "elbv2", {"load_balancers": [f.lb_entry(lb, listeners=[])]}, region="us-east-1"
            )
        )
    )
    assert inv.load_balancers[0].listeners == ()


def test_listener_fields_and_certificates(rich: Inventory) -> None:
    alb = _lb(rich, "web-alb")
    https = _listener(alb, 443)
    assert (https.protocol, https.ssl_policy, https.load_balancer_arn) == (
        "HTTPS",
        f.TLS13,
        alb.arn,
    )
    assert https.default_certificate_arn == f.cert_arn("11111111-aaaa-4aaa-8aaa-000000000002")
    assert https.certificates is not NOT_COLLECTED
    assert [(c.certificate_arn[-4:], c.is_default) for c in https.certificates] == [
        ("0002", True),
        ("0001", False),
    ]
    assert https.certificate_arns == (
        f.cert_arn("11111111-aaaa-4aaa-8aaa-000000000002"),
        f.cert_arn("11111111-aaaa-4aaa-8aaa-000000000001"),
    )
    http = _listener(alb, 80)
    assert (http.ssl_policy, http.default_certificate_arn, http.certificate_arns) == (
        None,
        None,
        (),
    )
    (redirect,) = http.default_actions
    assert redirect.type == "redirect" and redirect.redirect is not None
    assert (redirect.redirect.protocol, redirect.redirect.port, redirect.redirect.status_code) == (
        "HTTPS",
        "443",
        "HTTP_301",
    )
    assert redirect.target_group_arns == ()
    assert https.default_actions[0].fixed_response is not None
    assert https.default_actions[0].fixed_response.status_code == "403"


def test_listener_rules_unknown_versus_none(partial: Inventory) -> None:
    alb = _lb(partial, "denied-alb")
    https = _listener(alb, 443)
    assert https.rules is NOT_COLLECTED and https.certificates is NOT_COLLECTED
    assert https.certificate_arns is NOT_COLLECTED
    assert https.default_certificate_arn is not None  # from DescribeListeners: always known
    http = _listener(alb, 80)
    assert http.rules is not NOT_COLLECTED and len(http.rules) == 1 and http.rules[0].is_default
    assert http.certificates == ()


def test_rules_conditions_and_actions(rich: Inventory) -> None:
    https = _listener(_lb(rich, "web-alb"), 443)
    assert https.rules is not NOT_COLLECTED
    assert [(r.priority, r.is_default) for r in https.rules] == [
        (10, False),
        (20, False),
        (30, False),
        (40, False),
        (None, True),
    ]
    api, web, admin, debug, default = https.rules
    header, path = api.conditions
    assert (header.field, header.http_header_name, header.values) == (
        "http-header",
        "X-Origin-Verify",
        (estates.SECRET,),
    )
    assert (path.field, path.values) == ("path-pattern", ("/api/*",))
    assert [a.type for a in api.actions] == ["authenticate-oidc", "forward"]
    auth = api.actions[0].authenticate
    assert auth is not None and auth.issuer == "https://idp.example.com"
    assert auth.on_unauthenticated_request == "authenticate" and auth.session_timeout == 604800
    last = final_action(api.actions)
    assert last is not None and last.target_group_arns == (f.tg_arn("api-lambda"),)
    (fwd,) = web.actions
    assert fwd.forward is not None
    assert [(t.arn[-40:].split("/")[1], t.weight) for t in fwd.forward.target_groups] == [
        ("web-instances", 90),
        ("orphan", 10),
    ]
    assert fwd.target_group_arns == (f.tg_arn("web-instances"), f.tg_arn("orphan"))
    host, source = admin.conditions
    assert (host.field, host.values, source.field, source.values) == (
        "host-header",
        ("admin.example.com",),
        "source-ip",
        ("198.51.100.0/24",),
    )
    cognito = admin.actions[0].authenticate
    assert cognito is not None and cognito.user_pool_arn is not None
    assert cognito.on_unauthenticated_request == "deny"
    qs, method = debug.conditions
    assert qs.query_strings == (QueryStringPair("debug", "1"), QueryStringPair(None, "trace"))
    assert (method.field, method.values) == ("http-request-method", ("POST",))
    assert debug.actions[0].fixed_response is not None
    assert debug.actions[0].fixed_response.message_body == "nope"
    assert default.conditions == () and default.actions == https.default_actions
    assert api.listener_arn == https.arn and api.arn.endswith("/r10")
    assert (api.account_id, api.region) == (f.ACCOUNT, "us-east-1")


def test_legacy_condition_values_and_plain_forward() -> None:
    alb = f.load_balancer("legacy")
    li = f.listener(alb, 80, "HTTP", [{"Type": "forward", "TargetGroupArn": "arn:tg"}])
    rule = f.listener_rule(
        li,
        1,
        [
            {"Field": "path-pattern", "Values": ["/old/*"]},
            {"Field": "query-string", "Values": ["x"]},
        ],
        [{"Type": "forward", "TargetGroupArn": "arn:tg"}],
    )
    entry = f.lb_entry(alb, listeners=[f.listener_entry(li, rules=[rule])])
    inv = parse_strict(
        f.snapshot(f.payload("elbv2", {"load_balancers": [entry]}, region="us-east-1"))
    )
    (parsed,) = inv.listener_rules
    assert parsed.conditions[0].values == ("/old/*",)
    assert parsed.conditions[1].query_strings == (QueryStringPair(None, "x"),)
    assert parsed.actions[0].target_group_arns == ("arn:tg",)
    assert inv.listeners[0].default_actions[0].forward is not None


def test_flattened_listeners_and_lookups(rich: Inventory, partial: Inventory) -> None:
    assert len(rich.listeners) == 5 and len(rich.listener_rules) == 9
    https = _listener(_lb(rich, "web-alb"), 443)
    assert rich.elbv2.listener(https.arn) == https
    assert rich.elbv2.listener(https.arn.replace("/l00443", "/l09999")) is None
    assert rich.elbv2.listener(https.arn.replace(f.ACCOUNT, "999999999999")) is NOT_COLLECTED
    # a listener of an LB whose listeners were not read
    lb = f.load_balancer("blind")
    inv = parse_strict(
        f.snapshot(f.payload("elbv2", {"load_balancers": [f.lb_entry(lb)]}, region="us-east-1"))
    )
    assert inv.elbv2.listener(f.listener_arn(lb, 443)) is NOT_COLLECTED
    alb = _lb(rich, "web-alb")
    assert rich.elbv2.load_balancer(alb.arn) == alb
    assert rich.elbv2.load_balancer(f.lb_arn("gone")) is None
    assert rich.elbv2.load_balancer(f.lb_arn("x", region="ap-south-1")) is NOT_COLLECTED
    assert rich.elbv2.load_balancer(f.lb_arn("gone", region="eu-west-1")) is None
    assert (
        partial.elbv2.load_balancer(f.lb_arn("x", region="eu-west-1", account=f.ACCOUNT_B))
        is NOT_COLLECTED
    )


def test_load_balancer_by_dns(rich: Inventory) -> None:
    alb = _lb(rich, "web-alb")
    assert alb.dns_name is not None
    assert rich.elbv2.load_balancer_by_dns(f"dualstack.{alb.dns_name.upper()}.") == alb
    assert rich.elbv2.load_balancer_by_dns("gone-1.us-east-1.elb.amazonaws.com") is None
    assert rich.elbv2.load_balancer_by_dns("x-1.ap-south-1.elb.amazonaws.com") is NOT_COLLECTED
    assert rich.elbv2.load_balancer_by_dns("gone-2.elb.eu-west-1.amazonaws.com") is None


def test_target_groups(rich: Inventory) -> None:
    web = _tg(rich, "web-instances")
    assert (web.protocol, web.port, web.target_type, web.vpc_id) == (
        "HTTP",
        80,
        "instance",
        "vpc-0abc",
    )
    assert web.load_balancer_arns == (f.lb_arn("web-alb"),)
    hc = web.health_check
    assert (hc.enabled, hc.protocol, hc.port, hc.path, hc.matcher_http_code) == (
        True,
        "HTTP",
        "traffic-port",
        "/health",
        "200",
    )
    assert (
        hc.interval_seconds,
        hc.timeout_seconds,
        hc.healthy_threshold,
        hc.unhealthy_threshold,
    ) == (
        30,
        5,
        5,
        2,
    )
    assert web.attributes is not NOT_COLLECTED
    assert web.attributes.number("deregistration_delay.timeout_seconds") == 300
    assert web.targets is not NOT_COLLECTED
    assert [(t.target_id, t.port, t.state, t.reason) for t in web.targets] == [
        ("i-0aaa", 80, "healthy", None),
        ("i-0bbb", 80, "unhealthy", "Target.FailedHealthChecks"),
    ]
    fn = _tg(rich, "api-lambda")
    assert (fn.protocol, fn.port, fn.target_type) == (None, None, "lambda")
    assert fn.targets is not NOT_COLLECTED and fn.targets[0].target_id.startswith("arn:aws:lambda")
    assert _tg(rich, "nlb-to-alb").target_type == "alb"
    orphan = _tg(rich, "orphan")
    assert orphan.load_balancer_arns == () and orphan.targets == ()
    assert not orphan.health_check.enabled
    assert [tg.name for tg in rich.elbv2.target_groups_for(f.lb_arn("web-alb"))] == [
        "web-instances",
        "api-lambda",
    ]
    assert rich.elbv2.target_group(web.arn) == web
    assert rich.elbv2.target_group(f.tg_arn("gone")) is None


def test_target_group_unknowns(partial: Inventory) -> None:
    tg = _tg(partial, "tg-denied")
    assert tg.attributes is NOT_COLLECTED and tg.targets is NOT_COLLECTED


def test_ssl_policies(rich: Inventory, partial: Inventory) -> None:
    modern = rich.elbv2.ssl_policy(f.TLS13, f.ACCOUNT, "us-east-1")
    legacy = rich.elbv2.ssl_policy(f.LEGACY_TLS)
    assert isinstance(modern, SslPolicy) and isinstance(legacy, SslPolicy)
    assert modern.ssl_protocols == ("TLSv1.3", "TLSv1.2") and not modern.allows_tls_below_1_2
    assert legacy.allows_tls_below_1_2 and not legacy.post_quantum
    assert modern.ciphers[0].name.startswith("ECDHE") and modern.ciphers[0].priority == 1
    assert "application" in modern.supported_load_balancer_types
    pq = parse_strict(
        f.snapshot(
            f.payload(
                "elbv2",
                {
                    "ssl_policies": [
                        f.ssl_policy("ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09", ["TLSv1.3"])
                    ]
                },
                region="us-east-1",
            )
        )
    )
    assert pq.ssl_policies[0].post_quantum
    assert rich.elbv2.ssl_policy("ELBSecurityPolicy-Unknown", f.ACCOUNT, "us-east-1") is None
    assert partial.elbv2.ssl_policy(f.TLS13, f.ACCOUNT_B, "us-east-1") is NOT_COLLECTED
    assert rich.elbv2.ssl_policy("ELBSecurityPolicy-Unknown") is NOT_COLLECTED


def test_elbv2_model_errors() -> None:
    lb = f.load_balancer("broken")
    del lb["Type"]
    with pytest.raises(ModelError) as err:
        parse_strict(
            f.snapshot(f.payload("elbv2", {"load_balancers": [f.lb_entry(lb)]}, region="us-east-1"))
        )
    assert str(err.value) == (
        f"elbv2 payload (111111111111/us-east-1): load balancer {lb['LoadBalancerArn']}: "
        "missing field 'LoadBalancer.Type'"
    )
    alb = f.load_balancer("bad-rule")
    li = f.listener(alb, 80, "HTTP", [f.redirect_https()])
    rule = f.listener_rule(li, "high", [], [f.redirect_https()])
    rule["IsDefault"] = False
    entry = f.lb_entry(alb, listeners=[f.listener_entry(li, rules=[rule])])
    with pytest.raises(ModelError, match=r"Listeners\[0\]\.Rules\[0\]\.Priority' must be a number"):
        parse_strict(
            f.snapshot(f.payload("elbv2", {"load_balancers": [entry]}, region="us-east-1"))
        )
    tg = f.target_group("bad")
    tg["Port"] = "80"
    with pytest.raises(ModelError, match=r"field 'TargetGroup\.Port' must be an integer, got str"):
        parse_strict(
            f.snapshot(f.payload("elbv2", {"target_groups": [f.tg_entry(tg)]}, region="us-east-1"))
        )


def test_target_groups_for_unknown_versus_none(rich: Inventory, partial: Inventory) -> None:
    assert rich.elbv2.target_groups_for(f.lb_arn("gone")) == ()
    assert rich.elbv2.target_groups_for(f.lb_arn("x", region="ap-south-1")) is NOT_COLLECTED
    failed_region = f.lb_arn("x", region="eu-west-1", account=f.ACCOUNT_B)
    assert partial.elbv2.target_groups_for(failed_region) is NOT_COLLECTED
