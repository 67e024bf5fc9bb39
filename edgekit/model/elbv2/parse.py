"""Parse an elbv2 payload (docs/snapshot.md): load balancers (with listeners), target groups."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from edgekit.model import enums
from edgekit.model.common import NOT_COLLECTED, Collected, FrozenMap, normalize_dns_name, readonly
from edgekit.model.elbv2.actions import (
    Action,
    AuthenticateConfig,
    FixedResponseConfig,
    ForwardConfig,
    QueryStringPair,
    RedirectConfig,
    RuleCondition,
    WeightedTargetGroup,
)
from edgekit.model.elbv2.types import (
    Attributes,
    AvailabilityZone,
    Cipher,
    HealthCheck,
    Listener,
    ListenerCertificate,
    ListenerRule,
    LoadBalancer,
    LoadBalancerAttributes,
    SslPolicy,
    TargetGroup,
    TargetHealth,
)
from edgekit.model.reader import Fields, UnitKey, parse_items, tags_map

KIND_KEYS: Mapping[str, str] = {
    "load_balancers": "load_balancers",
    "listeners": "load_balancers",
    "listener_rules": "load_balancers",
    "target_groups": "target_groups",
    "ssl_policies": "ssl_policies",
}
"""Inventory kind → payload key."""


def parse_unit(unit: UnitKey, data: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Every resource of one elbv2 payload, by inventory kind (listeners and rules flattened)."""
    lbs = parse_items(unit, data, "load_balancers", _load_balancer)
    listeners = [
        listener for lb in lbs if lb.listeners is not NOT_COLLECTED for listener in lb.listeners
    ]
    rules = [r for li in listeners if li.rules is not NOT_COLLECTED for r in li.rules]
    return {
        "load_balancers": lbs,
        "listeners": listeners,
        "listener_rules": rules,
        "target_groups": parse_items(unit, data, "target_groups", _target_group),
        "ssl_policies": parse_items(unit, data, "ssl_policies", _ssl_policy),
    }


def _attrs(entry: Fields) -> FrozenMap[str, str] | None:
    if not entry.has("Attributes"):
        return None
    return FrozenMap({a.req_str("Key"): a.str_or("Value", "") for a in entry.subs("Attributes")})


def _load_balancer(unit: UnitKey, item: object, index: int) -> LoadBalancer:
    entry = unit.named_item(
        item, f"load_balancers[{index}]", "load balancer", "LoadBalancerArn", "LoadBalancer"
    )
    lb = entry.sub("LoadBalancer")
    arn = lb.req_str("LoadBalancerArn")
    attrs = _attrs(entry)
    listeners: Collected[tuple[Listener, ...]] = NOT_COLLECTED
    if entry.has("Listeners"):
        listeners = tuple(_listener(unit, li) for li in entry.subs("Listeners"))
    dns = lb.opt_str("DNSName")
    state = lb.opt_sub("State")
    return LoadBalancer(
        account_id=unit.account_id,
        region=unit.region,
        arn=arn,
        name=lb.req_str("LoadBalancerName"),
        type=lb.req_enum("Type", enums.LB_TYPE),
        scheme=lb.enum("Scheme", enums.LB_SCHEME),
        attributes=NOT_COLLECTED if attrs is None else LoadBalancerAttributes(attrs),
        tags=tags_map(entry.subs("Tags")) if entry.has("Tags") else NOT_COLLECTED,
        listeners=listeners,
        dns_name=normalize_dns_name(dns) if dns else None,
        canonical_hosted_zone_id=lb.opt_str("CanonicalHostedZoneId"),
        vpc_id=lb.opt_str("VpcId"),
        state=state.enum("Code", enums.LB_STATE) if state is not None else None,
        availability_zones=tuple(
            AvailabilityZone(
                zone_name=z.req_str("ZoneName"),
                subnet_id=z.opt_str("SubnetId"),
                addresses=tuple(
                    addr
                    for a in z.subs("LoadBalancerAddresses")
                    for addr in (
                        a.opt_str("IpAddress"),
                        a.opt_str("PrivateIPv4Address"),
                        a.opt_str("IPv6Address"),
                    )
                    if addr
                ),
            )
            for z in lb.subs("AvailabilityZones")
        ),
        security_groups=lb.strs("SecurityGroups"),
        ip_address_type=lb.opt_str("IpAddressType"),
        created_time=lb.opt_datetime("CreatedTime"),
        raw=readonly(entry.raw),
    )


def _cert(c: Fields) -> ListenerCertificate:
    return ListenerCertificate(c.req_str("CertificateArn"), c.bool_or("IsDefault", False))


def _listener(unit: UnitKey, entry: Fields) -> Listener:
    li = entry.sub("Listener")
    arn = li.req_str("ListenerArn")
    rules: Collected[tuple[ListenerRule, ...]] = NOT_COLLECTED
    if entry.has("Rules"):
        parsed = [_rule(unit, arn, r) for r in entry.subs("Rules")]
        rules = tuple(sorted(parsed, key=lambda r: r.sort_key))
    mtls = li.opt_sub("MutualAuthentication")
    defaults = tuple(_cert(c) for c in li.subs("Certificates"))
    return Listener(
        account_id=unit.account_id,
        region=unit.region,
        arn=arn,
        load_balancer_arn=li.req_str("LoadBalancerArn"),
        port=li.opt_int("Port"),
        protocol=li.enum("Protocol", enums.ELBV2_PROTOCOL),
        default_actions=parse_actions(li, "DefaultActions"),
        rules=rules,
        certificates=entry.collected_subs("Certificates", _cert),
        ssl_policy=li.nonempty("SslPolicy"),
        default_certificates=tuple(ListenerCertificate(c.certificate_arn, True) for c in defaults),
        alpn_policy=li.strs("AlpnPolicy"),
        mutual_authentication_mode=mtls.opt_str("Mode") if mtls is not None else None,
    )


def _rule(unit: UnitKey, listener_arn: str, r: Fields) -> ListenerRule:
    is_default = r.bool_or("IsDefault", False)
    priority_raw = r.req_str("Priority")
    is_default = is_default or priority_raw == "default"
    if not is_default and not priority_raw.isdigit():
        raise r.invalid("Priority", f"must be a number or 'default', got {priority_raw!r}")
    return ListenerRule(
        account_id=unit.account_id,
        region=unit.region,
        arn=r.req_str("RuleArn"),
        listener_arn=listener_arn,
        priority=None if is_default else int(priority_raw),
        is_default=is_default,
        conditions=tuple(parse_condition(c) for c in r.subs("Conditions")),
        actions=parse_actions(r, "Actions"),
    )


def _target_group(unit: UnitKey, item: object, index: int) -> TargetGroup:
    entry = unit.named_item(
        item, f"target_groups[{index}]", "target group", "TargetGroupArn", "TargetGroup"
    )
    tg = entry.sub("TargetGroup")
    attrs = _attrs(entry)
    matcher = tg.opt_sub("Matcher")
    return TargetGroup(
        account_id=unit.account_id,
        region=unit.region,
        arn=tg.req_str("TargetGroupArn"),
        name=tg.req_str("TargetGroupName"),
        target_type=tg.enum_or("TargetType", enums.TARGET_TYPE, "instance"),
        attributes=NOT_COLLECTED if attrs is None else Attributes(attrs),
        targets=entry.collected_subs("TargetHealthDescriptions", _health),
        health_check=HealthCheck(
            enabled=tg.bool_or("HealthCheckEnabled", True),
            protocol=tg.enum("HealthCheckProtocol", enums.ELBV2_PROTOCOL),
            port=tg.opt_str("HealthCheckPort"),
            path=tg.opt_str("HealthCheckPath"),
            interval_seconds=tg.opt_int("HealthCheckIntervalSeconds"),
            timeout_seconds=tg.opt_int("HealthCheckTimeoutSeconds"),
            healthy_threshold=tg.opt_int("HealthyThresholdCount"),
            unhealthy_threshold=tg.opt_int("UnhealthyThresholdCount"),
            matcher_http_code=matcher.opt_str("HttpCode") if matcher else None,
            matcher_grpc_code=matcher.opt_str("GrpcCode") if matcher else None,
        ),
        protocol=tg.enum("Protocol", enums.ELBV2_PROTOCOL),
        port=tg.opt_int("Port"),
        vpc_id=tg.opt_str("VpcId"),
        protocol_version=tg.opt_str("ProtocolVersion"),
        ip_address_type=tg.opt_str("IpAddressType"),
        load_balancer_arns=tg.strs("LoadBalancerArns"),
        raw=readonly(entry.raw),
    )


def _health(h: Fields) -> TargetHealth:
    target = h.sub("Target")
    state = h.opt_sub("TargetHealth")
    return TargetHealth(
        target_id=target.req_str("Id"),
        port=target.opt_int("Port"),
        availability_zone=target.opt_str("AvailabilityZone"),
        state=state.opt_str("State") if state else None,
        reason=state.opt_str("Reason") if state else None,
        description=state.opt_str("Description") if state else None,
        health_check_port=h.opt_str("HealthCheckPort"),
    )


def _ssl_policy(unit: UnitKey, item: object, index: int) -> SslPolicy:
    f = unit.named_item(item, f"ssl_policies[{index}]", "SSL policy", "Name")
    return SslPolicy(
        account_id=unit.account_id,
        region=unit.region,
        name=f.req_str("Name"),
        ssl_protocols=f.strs("SslProtocols"),
        ciphers=tuple(Cipher(c.req_str("Name"), c.opt_int("Priority")) for c in f.subs("Ciphers")),
        supported_load_balancer_types=f.strs("SupportedLoadBalancerTypes"),
    )


_CONFIG_KEYS = {
    "host-header": "HostHeaderConfig",
    "path-pattern": "PathPatternConfig",
    "http-header": "HttpHeaderConfig",
    "http-request-method": "HttpRequestMethodConfig",
    "source-ip": "SourceIpConfig",
    "query-string": "QueryStringConfig",
}


def parse_condition(c: Fields) -> RuleCondition:
    """One rule condition, new (``*Config``) or legacy (``Values``) form."""
    field_name = c.req_str("Field")
    cfg = c.opt_sub(_CONFIG_KEYS.get(field_name, ""))
    pairs: tuple[QueryStringPair, ...] = ()
    values: tuple[str, ...] = ()
    regex: tuple[str, ...] = c.strs("RegexValues")
    if field_name == "query-string":
        if cfg is not None:
            pairs = tuple(
                QueryStringPair(p.opt_str("Key"), p.req_str("Value")) for p in cfg.subs("Values")
            )
        else:
            pairs = tuple(QueryStringPair(None, v) for v in c.strs("Values"))
    else:
        if cfg is not None:
            values = cfg.strs("Values")
            regex = cfg.strs("RegexValues") or regex
        values = values or c.strs("Values")
    return RuleCondition(
        field=field_name,
        values=values,
        regex_values=regex,
        http_header_name=cfg.opt_str("HttpHeaderName")
        if field_name == "http-header" and cfg
        else None,
        query_strings=pairs,
        source_ip_address_type=cfg.opt_str("IpAddressType")
        if field_name == "source-ip" and cfg
        else None,
    )


def _forward(a: Fields) -> ForwardConfig | None:
    fc = a.opt_sub("ForwardConfig")
    if fc is not None:
        sticky = fc.opt_sub("TargetGroupStickinessConfig")
        groups = tuple(
            WeightedTargetGroup(t.req_str("TargetGroupArn"), t.opt_int("Weight"))
            for t in fc.subs("TargetGroups")
        )
        if groups or a.opt_str("TargetGroupArn") is None:
            return ForwardConfig(
                groups,
                stickiness_enabled=sticky is not None and sticky.bool_or("Enabled", False),
                stickiness_duration_seconds=sticky.opt_int("DurationSeconds") if sticky else None,
            )
    arn = a.opt_str("TargetGroupArn")
    return None if arn is None else ForwardConfig((WeightedTargetGroup(arn),))


def _authenticate(a: Fields) -> AuthenticateConfig | None:
    oidc, cognito = a.opt_sub("AuthenticateOidcConfig"), a.opt_sub("AuthenticateCognitoConfig")
    cfg = oidc or cognito
    if cfg is None:
        return None
    return AuthenticateConfig(
        on_unauthenticated_request=cfg.str_or("OnUnauthenticatedRequest", "authenticate"),
        issuer=oidc.req_str("Issuer") if oidc is not None else None,
        user_pool_arn=cognito.req_str("UserPoolArn") if cognito is not None else None,
        scope=cfg.opt_str("Scope"),
        session_timeout=cfg.opt_int("SessionTimeout"),
    )


def parse_action(a: Fields) -> Action:
    """One Action object."""
    kind = a.req_enum("Type", enums.ACTION_TYPE)
    redirect, fixed = a.opt_sub("RedirectConfig"), a.opt_sub("FixedResponseConfig")
    return Action(
        type=kind,
        order=a.opt_int("Order"),
        forward=_forward(a) if kind == "forward" else None,
        redirect=(
            None
            if redirect is None
            else RedirectConfig(
                status_code=redirect.req_enum("StatusCode", enums.REDIRECT_STATUS),
                protocol=redirect.enum("Protocol", enums.REDIRECT_PROTOCOL),
                port=redirect.opt_str("Port"),
                host=redirect.opt_str("Host"),
                path=redirect.opt_str("Path"),
                query=redirect.opt_str("Query"),
            )
        ),
        fixed_response=(
            None
            if fixed is None
            else FixedResponseConfig(
                status_code=fixed.req_str("StatusCode"),
                content_type=fixed.opt_str("ContentType"),
                message_body=fixed.opt_str("MessageBody"),
            )
        ),
        authenticate=_authenticate(a),
    )


def parse_actions(parent: Fields, key: str) -> tuple[Action, ...]:
    """An action list, in execution order (by ``Order``, then as listed)."""
    actions = [parse_action(a) for a in parent.subs(key)]
    return tuple(
        a
        for _, a in sorted(
            enumerate(actions), key=lambda p: (p[1].order if p[1].order is not None else 0, p[0])
        )
    )
