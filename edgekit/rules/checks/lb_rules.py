"""lb.rule_shadowed: ALB listener rules that can never match (priority shadowing)."""

from __future__ import annotations

from edgekit.model import Listener, ListenerRule, RuleCondition
from edgekit.rules.analysis.alb_rule_match import rule_covers
from edgekit.rules.context import CheckContext
from edgekit.rules.finding import Fail
from edgekit.rules.registry import check


def describe(condition: RuleCondition) -> str:
    """``path-pattern=/api/*|/v2/*``-style text of a condition (evidence)."""
    field = condition.field
    if condition.http_header_name:
        field = f"{field}[{condition.http_header_name}]"
    if condition.query_strings:
        values = [f"{p.key}={p.value}" if p.key else p.value for p in condition.query_strings]
    else:
        values = list(condition.values or condition.regex_values)
    return f"{field}={'|'.join(values)}"


@check(
    "lb.rule_shadowed",
    title="Listener rule can never match (shadowed by an earlier rule)",
    severity="medium",
    category="hygiene",
    applies_to="listener_rule",
    remediation=(
        "Give the rule a lower priority number than the broader rule that shadows it, narrow "
        "the earlier rule, or delete the dead rule."
    ),
)
def rule_shadowed(rule: ListenerRule, ctx: CheckContext) -> Fail | None:
    """ALB evaluates a listener's rules by priority and the first match wins. A rule is dead
    when an earlier-priority rule's conditions are a subset of its own, each covering one of
    its conditions: every request it would match was taken already (e.g. ``/api/*`` at
    priority 10 before ``/api/v2/*`` + ``Host: api.example.com`` at 20). Coverage follows ALB's
    matching (``edgekit.rules.analysis.alb_rule_match``): ``*``/``?`` wildcards, host-header, HTTP
    header and
    query-string values case-insensitive, path patterns case-sensitive, methods exact,
    source-IP CIDR containment. Only certain shadowing is reported: regex conditions and
    unknown fields never count as covering."""
    if rule.is_default or rule.priority is None:
        return None
    listener = ctx.model.elbv2.listener(rule.listener_arn)
    if not isinstance(listener, Listener) or not isinstance(listener.rules, tuple):
        return None  # the rule came from this listener's rules: both are there
    for earlier in listener.rules:
        if earlier.is_default or earlier.priority is None or earlier.priority >= rule.priority:
            continue
        if rule_covers(earlier.conditions, rule.conditions):
            return Fail(
                f"rule {rule.priority} can never match: rule {earlier.priority} takes every "
                "request it matches",
                {
                    "listener_arn": rule.listener_arn,
                    "priority": rule.priority,
                    "conditions": sorted(describe(c) for c in rule.conditions),
                    "shadowed_by_priority": earlier.priority,
                    "shadowed_by_rule": earlier.arn,
                    "shadowed_by_conditions": sorted(describe(c) for c in earlier.conditions),
                },
            )
    return None
