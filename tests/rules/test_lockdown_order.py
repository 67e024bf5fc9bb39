"""Header paths of one listener in rule priority order (lockdown.listener_gaps)."""

from __future__ import annotations

from edgekit.model import NOT_COLLECTED, Listener, ListenerRule
from edgekit.model.elbv2.actions import Action, ForwardConfig, RuleCondition, WeightedTargetGroup
from edgekit.rules.analysis.lb_lockdown import State, header_facet, listener_gaps

SECRET = ("x-origin-verify", "sha256:" + "a" * 64)
FWD = Action("forward", forward=ForwardConfig((WeightedTargetGroup("arn:tg"),)))
DENY = Action("fixed-response")


def rule(priority: int, actions: tuple[Action, ...], *conds: RuleCondition) -> ListenerRule:
    return ListenerRule("1", "r", f"arn:rule/{priority}", "arn:l", priority, False, conds, actions)


def listener(default: Action, *rules: ListenerRule, protocol: str = "HTTPS") -> Listener:
    return Listener("1", "r", "arn:l", "arn:lb", 443, protocol, (default,), rules, ())


def secret() -> RuleCondition:
    return RuleCondition("http-header", values=(SECRET[1],), http_header_name="X-Origin-Verify")


def path(*values: str) -> RuleCondition:
    return RuleCondition("path-pattern", values=values)


def test_catch_all_deny_hides_later_forwards_and_the_default() -> None:
    li = listener(
        FWD,
        rule(30, (FWD,), path("/api/*")),  # listed out of order: priority decides
        rule(10, (FWD,), secret()),
        rule(20, (DENY,), path("/*")),
    )
    assert listener_gaps(li, {SECRET}) == ([], [])
    assert header_facet([li], {SECRET}).state is State.LOCKED


def test_forward_before_the_catch_all_is_a_gap() -> None:
    li = listener(FWD, rule(5, (FWD,), path("/health")), rule(20, (DENY,), path("*")))
    assert listener_gaps(li, {SECRET}) == (["HTTPS:443 rule 5"], [])


def test_catch_all_forward_ends_the_walk() -> None:
    li = listener(FWD, rule(1, (FWD,), RuleCondition("host-header", values=("*",))))
    assert listener_gaps(li, {SECRET}) == (["HTTPS:443 rule 1"], [])


def test_not_catch_all_deny_leaves_the_default_reachable() -> None:
    li = listener(FWD, rule(1, (DENY,), path("/admin/*")))
    assert listener_gaps(li, {SECRET}) == (["HTTPS:443 default action"], [])
    regex = RuleCondition("path-pattern", regex_values=(".*",))
    assert listener_gaps(listener(FWD, rule(1, (DENY,), regex)), {SECRET})[0]


def test_internal_source_rules_are_not_internet_paths() -> None:
    internal = RuleCondition("source-ip", values=("10.0.0.0/8", "fd00::/8"))
    public = RuleCondition("source-ip", values=("10.0.0.0/8", "8.8.8.0/24"))
    li = listener(DENY, rule(1, (FWD,), internal), rule(2, (FWD,), public))
    assert listener_gaps(li, {SECRET}) == (["HTTPS:443 rule 2"], [])
    everyone = RuleCondition("source-ip", values=("0.0.0.0/0", "::/0"))
    li = listener(FWD, rule(1, (DENY,), everyone))
    assert listener_gaps(li, {SECRET}) == ([], [])


def test_rules_not_collected() -> None:
    li = Listener("1", "r", "arn:l", "arn:lb", 443, "HTTPS", (DENY,), NOT_COLLECTED, ())
    assert listener_gaps(li, {SECRET}) == ([], ["HTTPS:443 rules"])
    li = Listener("1", "r", "arn:l", "arn:lb", 443, "HTTPS", (FWD,), NOT_COLLECTED, ())
    assert listener_gaps(li, {SECRET}) == (["HTTPS:443 default action"], [])
