"""Graph parts for ELBv2 (load balancers → listeners → rules → target groups → targets), and the
web ACL and certificate nodes of the inventory."""

from __future__ import annotations

import networkx as nx

from edgekit.graph import nodes as n
from edgekit.graph.nodes import EdgeKind, NodeKind
from edgekit.graph.refs import arn_place, certificate_node, placeholder
from edgekit.model import (
    NOT_COLLECTED,
    Action,
    Certificate,
    Inventory,
    Listener,
    ListenerRule,
    LoadBalancer,
    TargetGroup,
    TargetHealth,
    WebACL,
)


def add_certificate(graph: nx.DiGraph, cert: Certificate) -> None:
    """A certificate node."""
    n.add_resource(
        graph,
        n.certificate_id(cert.arn),
        NodeKind.CERTIFICATE,
        cert.domain_name,
        cert,
        domain_name=cert.domain_name,
        status=cert.status,
        cert_type=cert.type,
        not_after=cert.not_after.isoformat() if cert.not_after else None,
    )


def add_web_acl(graph: nx.DiGraph, acl: WebACL) -> None:
    """A WAFv2 web ACL node."""
    n.add_resource(
        graph,
        n.web_acl_id(acl.arn),
        NodeKind.WEB_ACL,
        acl.name,
        acl,
        name=acl.name,
        scope=acl.scope,
    )


def add_load_balancer(graph: nx.DiGraph, inv: Inventory, lb: LoadBalancer) -> None:
    """A load balancer with its listeners, rules and the target groups they forward to."""
    node = n.add_resource(
        graph,
        n.lb_id(lb.arn),
        NodeKind.LOAD_BALANCER,
        f"{n.LB_TYPES.get(lb.type, lb.type)} {lb.name}",
        lb,
        name=lb.name,
        lb_type=n.LB_TYPES.get(lb.type, lb.type),
        scheme=lb.scheme,
        internet_facing=lb.internet_facing,
        dns_name=lb.dns_name,
        listeners_collected=lb.listeners is not NOT_COLLECTED,
    )
    if lb.listeners is NOT_COLLECTED:
        return
    for listener in lb.listeners:
        li = _add_listener(graph, inv, listener)
        n.add_edge(graph, node, li, EdgeKind.HAS_LISTENER, port=listener.port)


def _add_listener(graph: nx.DiGraph, inv: Inventory, listener: Listener) -> str:
    node = n.add_resource(
        graph,
        n.listener_id(listener.arn),
        NodeKind.LISTENER,
        f"{listener.protocol}:{listener.port}",
        listener,
        protocol=listener.protocol,
        port=listener.port,
        ssl_policy=listener.ssl_policy,
        rules_collected=listener.rules is not NOT_COLLECTED,
    )
    arns = listener.certificate_arns
    default = listener.default_certificate_arn
    for arn in arns if arns is not NOT_COLLECTED else ((default,) if default else ()):
        cert = certificate_node(graph, inv, arn)
        n.add_edge(graph, node, cert, EdgeKind.SERVES_CERTIFICATE, default=arn == default)
    if listener.rules is NOT_COLLECTED:
        _forwards(graph, inv, node, listener.default_actions, via="default-action")
        return node
    for rule in sorted(listener.rules, key=lambda r: r.sort_key):
        r = _add_rule(graph, inv, rule)
        n.add_edge(graph, node, r, EdgeKind.HAS_RULE, priority=rule.priority)
    return node


def _add_rule(graph: nx.DiGraph, inv: Inventory, rule: ListenerRule) -> str:
    final = rule.actions[-1] if rule.actions else None
    node = n.add_resource(
        graph,
        n.rule_id(rule.arn),
        NodeKind.LISTENER_RULE,
        "default" if rule.is_default else f"priority {rule.priority}",
        rule,
        priority=rule.priority,
        is_default=rule.is_default,
        action=final.type if final else None,
        conditions=[
            _condition_text(c.field, c.http_header_name, c.values) for c in rule.conditions
        ],
        requires_headers=sorted(
            c.http_header_name or "" for c in rule.conditions if c.field == "http-header"
        ),
        authenticate=any(a.type.startswith("authenticate") for a in rule.actions),
    )
    _forwards(graph, inv, node, rule.actions)
    return node


def _digest_label(value: str) -> str:
    """A secret's digest (keyed ``hmac-sha256:`` or legacy ``sha256:``) shortened for display."""
    for prefix in ("hmac-sha256:glob:", "hmac-sha256:", "sha256:"):
        if value.startswith(prefix):
            return prefix + "…"
    return value


def _condition_text(field: str, header: str | None, values: tuple[str, ...]) -> str:
    shown = [_digest_label(v) for v in values]
    name = f"{field}[{header}]" if header else field
    return f"{name}={','.join(shown)}"


def _forwards(
    graph: nx.DiGraph, inv: Inventory, source: str, actions: tuple[Action, ...], **attrs: str
) -> None:
    for action in actions:
        if action.forward is None:
            continue
        for wtg in action.forward.target_groups:
            tg = n.target_group_id(wtg.arn)
            if tg not in graph:
                placeholder(graph, tg, NodeKind.TARGET_GROUP, wtg.arn, inv.elbv2.target_group)
            n.add_edge(graph, source, tg, EdgeKind.FORWARDS, weight=wtg.weight, **attrs)


def add_target_group(graph: nx.DiGraph, inv: Inventory, tg: TargetGroup) -> None:
    """A target group and its registered targets (lambda → function, alb → that ALB)."""
    node = n.add_resource(
        graph,
        n.target_group_id(tg.arn),
        NodeKind.TARGET_GROUP,
        f"tg {tg.name}",
        tg,
        name=tg.name,
        target_type=tg.target_type,
        protocol=tg.protocol,
        port=tg.port,
        targets_collected=tg.targets is not NOT_COLLECTED,
    )
    if tg.targets is NOT_COLLECTED:
        return
    for target in tg.targets:
        t = _add_target(graph, inv, tg, target)
        n.add_edge(graph, node, t, EdgeKind.TARGETS, port=target.port)


def _add_target(graph: nx.DiGraph, inv: Inventory, tg: TargetGroup, target: TargetHealth) -> str:
    node = n.add_node(
        graph,
        n.target_id(tg.arn, target.target_id, target.port),
        NodeKind.TARGET,
        target.target_id if target.port is None else f"{target.target_id}:{target.port}",
        account_id=tg.account_id,
        region=tg.region,
        ref=target,
        target_type=tg.target_type,
        target_id=target.target_id,
        port=target.port,
        health=target.state,
    )
    if tg.target_type == "lambda":
        fn = n.lambda_id(target.target_id)
        account, region = arn_place(target.target_id)
        n.add_node(
            graph,
            fn,
            NodeKind.LAMBDA_FUNCTION,
            target.target_id.split(":")[6] if target.target_id.count(":") >= 6 else fn,
            account_id=account,
            region=region,
            arn=target.target_id,
        )
        n.add_edge(graph, node, fn, EdgeKind.RESOLVES_TO, rule="lambda-target")
    elif tg.target_type == "alb":
        lb = n.lb_id(target.target_id)
        placeholder(graph, lb, NodeKind.LOAD_BALANCER, target.target_id, inv.elbv2.load_balancer)
        n.add_edge(graph, node, lb, EdgeKind.RESOLVES_TO, rule="alb-target")
    return node
