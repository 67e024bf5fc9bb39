"""Parse an elb payload (docs/snapshot.md): Classic Load Balancers and their policies."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from edgekit.model import enums
from edgekit.model.common import NOT_COLLECTED, Collected, FrozenMap, normalize_dns_name, readonly
from edgekit.model.elb.types import (
    SSL_NEGOTIATION,
    ClassicHealthCheck,
    ClassicListener,
    ClassicLoadBalancer,
    ClassicLoadBalancerAttributes,
    ElbPolicy,
    classic_arn,
)
from edgekit.model.reader import Fields, UnitKey, parse_items, tags_map

KIND_KEYS: Mapping[str, str] = {"classic_load_balancers": "load_balancers"}
"""Inventory kind → payload key."""

References = Mapping[str, ElbPolicy] | None
"""Predefined policies by name (None: ``reference_policies`` not collected)."""


def parse_unit(unit: UnitKey, data: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Every Classic Load Balancer of one elb payload (predefined policies resolved)."""
    refs: References = None
    if "reference_policies" in data:
        described = parse_items(unit, data, "reference_policies", _reference_policy)
        refs = {p.name: p for p in described}
    return {
        "classic_load_balancers": parse_items(
            unit, data, "load_balancers", lambda u, i, n: _load_balancer(u, i, n, refs)
        )
    }


def _reference_policy(unit: UnitKey, item: object, index: int) -> ElbPolicy:
    return _policy(
        unit.named_item(item, f"reference_policies[{index}]", "policy", "PolicyName"), None
    )


def _policy(p: Fields, refs: References) -> ElbPolicy:
    attrs = FrozenMap(
        {
            a.req_str("AttributeName"): a.str_or("AttributeValue", "")
            for a in p.subs("PolicyAttributeDescriptions")
        }
    )
    reference = attrs.get("Reference-Security-Policy")
    predefined: Collected[ElbPolicy | None] = None
    if reference:
        predefined = NOT_COLLECTED if refs is None else refs.get(reference)
    return ElbPolicy(
        name=p.req_str("PolicyName"),
        type_name=p.opt_str("PolicyTypeName"),
        attributes=attrs,
        predefined=predefined,
    )


def _attributes(a: Fields) -> ClassicLoadBalancerAttributes:
    log = a.opt_sub("AccessLog")
    draining = a.opt_sub("ConnectionDraining")
    cross = a.opt_sub("CrossZoneLoadBalancing")
    settings = a.opt_sub("ConnectionSettings")
    return ClassicLoadBalancerAttributes(
        access_log_enabled=log.req_bool("Enabled") if log else None,
        access_log_bucket=log.nonempty("S3BucketName") if log else None,
        access_log_prefix=log.opt_str("S3BucketPrefix") if log else None,
        access_log_emit_interval=log.opt_int("EmitInterval") if log else None,
        connection_draining_enabled=draining.req_bool("Enabled") if draining else None,
        connection_draining_timeout=draining.opt_int("Timeout") if draining else None,
        cross_zone_enabled=cross.req_bool("Enabled") if cross else None,
        idle_timeout=settings.req_int("IdleTimeout") if settings else None,
        additional=FrozenMap(
            {x.req_str("Key"): x.str_or("Value", "") for x in a.subs("AdditionalAttributes")}
        ),
    )


def _ssl_policy(
    names: tuple[str, ...], policies: Collected[tuple[ElbPolicy, ...]], refs: References
) -> Collected[ElbPolicy | None]:
    """The listener's SSL negotiation policy: among the load balancer's own policies, else a
    described predefined one of that name; NOT_COLLECTED when a named policy is not known."""
    if not names:
        return None
    if policies is NOT_COLLECTED:
        return NOT_COLLECTED
    own = {p.name: p for p in policies}
    found = [own.get(n) or (refs or {}).get(n) for n in names]
    ssl = next((p for p in found if p is not None and p.type_name == SSL_NEGOTIATION), None)
    return NOT_COLLECTED if ssl is None and None in found else ssl


def _listener(
    d: Fields, policies: Collected[tuple[ElbPolicy, ...]], refs: References
) -> ClassicListener:
    li = d.sub("Listener")
    names = d.strs("PolicyNames")
    ssl = _ssl_policy(names, policies, refs)
    return ClassicListener(
        protocol=li.req_enum("Protocol", enums.CLASSIC_PROTOCOL),
        load_balancer_port=li.req_int("LoadBalancerPort"),
        instance_port=li.req_int("InstancePort"),
        instance_protocol=li.enum("InstanceProtocol", enums.CLASSIC_PROTOCOL),
        ssl_certificate_id=li.nonempty("SSLCertificateId"),
        policy_names=names,
        ssl_policy=ssl,
    )


def _health_check(d: Fields) -> ClassicHealthCheck | None:
    h = d.opt_sub("HealthCheck")
    if h is None:
        return None
    return ClassicHealthCheck(
        target=h.req_str("Target"),
        interval=h.req_int("Interval"),
        timeout=h.req_int("Timeout"),
        unhealthy_threshold=h.req_int("UnhealthyThreshold"),
        healthy_threshold=h.req_int("HealthyThreshold"),
    )


def _load_balancer(
    unit: UnitKey, item: object, index: int, refs: References
) -> ClassicLoadBalancer:
    entry = unit.named_item(
        item,
        f"load_balancers[{index}]",
        "classic load balancer",
        "LoadBalancerName",
        "LoadBalancerDescription",
    )
    d = entry.sub("LoadBalancerDescription")
    name = d.req_str("LoadBalancerName")
    policies = entry.collected_subs("PolicyDescriptions", lambda p: _policy(p, refs))
    attrs = entry.opt_sub("LoadBalancerAttributes")
    dns = d.opt_str("DNSName")
    source = d.opt_sub("SourceSecurityGroup")
    in_use = d.opt_sub("Policies")
    return ClassicLoadBalancer(
        account_id=unit.account_id,
        region=unit.region,
        arn=classic_arn(name, unit.account_id, unit.region),
        name=name,
        scheme=d.enum("Scheme", enums.LB_SCHEME),
        listeners=tuple(_listener(x, policies, refs) for x in d.subs("ListenerDescriptions")),
        attributes=NOT_COLLECTED if attrs is None else _attributes(attrs),
        policies=policies,
        tags=tags_map(entry.subs("Tags")) if entry.has("Tags") else NOT_COLLECTED,
        dns_name=normalize_dns_name(dns) if dns else None,
        canonical_hosted_zone_name=d.opt_str("CanonicalHostedZoneName"),
        canonical_hosted_zone_id=d.opt_str("CanonicalHostedZoneNameID"),
        vpc_id=d.opt_str("VPCId"),
        availability_zones=d.strs("AvailabilityZones"),
        subnets=d.strs("Subnets"),
        security_groups=d.strs("SecurityGroups"),
        instances=tuple(i.req_str("InstanceId") for i in d.subs("Instances")),
        health_check=_health_check(d),
        source_security_group=(
            f"{source.str_or('OwnerAlias', '')}/{source.str_or('GroupName', '')}"
            if source is not None
            else None
        ),
        backend_policies=FrozenMap(
            {
                b.req_int("InstancePort"): b.strs("PolicyNames")
                for b in d.subs("BackendServerDescriptions")
            }
        ),
        other_policies=in_use.strs("OtherPolicies") if in_use is not None else (),
        created_time=d.opt_datetime("CreatedTime"),
        raw=readonly(entry.raw),
    )
