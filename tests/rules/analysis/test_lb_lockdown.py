"""edgekit.rules.analysis.lb_lockdown: the network (security groups) and header (listener rules)
facets of an origin's lockdown, tri-state, and the header paths of one listener in rule
priority order."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from edgekit.model import NOT_COLLECTED, Listener, ListenerRule, parse
from edgekit.model.elbv2.actions import Action, ForwardConfig, RuleCondition, WeightedTargetGroup
from edgekit.rules.analysis.lb_lockdown import (
    State,
    combine,
    header_facet,
    listener_gaps,
    lockdown,
    lockdown_for,
    network_facet,
)
from edgekit.rules.context import CheckContext
from tests.model import factories as f
from tests.rules.checks.lb_snapshots import elbv2, entry, https_listener, lb

CF_PL = "pl-3b927c52"


@dataclass(frozen=True)
class Perm:
    cidrs: tuple[str, ...] = ()
    prefix_lists: tuple[str, ...] = ()
    ports: tuple[int, int] = (0, 65535)

    def allows_tcp_port(self, port: int) -> bool:
        return self.ports[0] <= port <= self.ports[1]


@dataclass(frozen=True)
class Group:
    id: str
    ingress: tuple[Perm, ...] = field(default_factory=tuple)


def test_network_prefix_list_only_is_locked() -> None:
    sg = Group("sg-1", (Perm(prefix_lists=(CF_PL,), ports=(443, 443)),))
    facet = network_facet([443], [sg], {CF_PL})
    assert facet.state is State.LOCKED
    assert facet.evidence["cloudfront_prefix_list_ports"] == [443]


def test_network_anywhere_on_a_listener_port_is_open() -> None:
    sg = Group("sg-1", (Perm(prefix_lists=(CF_PL,)), Perm(cidrs=("::/0",), ports=(80, 80))))
    facet = network_facet([443, 80], [sg], {CF_PL})
    assert facet.state is State.OPEN
    assert facet.evidence["open_sources"] == {"80": ["sg-1:::/0"]}
    assert facet.reasons == ("port 80 admits sg-1:::/0",)


def test_network_anywhere_on_another_port_does_not_count() -> None:
    sg = Group("sg-1", (Perm(prefix_lists=(CF_PL,)), Perm(cidrs=("0.0.0.0/0",), ports=(22, 22))))
    assert network_facet([443], [sg], {CF_PL}).state is State.LOCKED


def test_network_public_cidr_is_open_private_is_internal() -> None:
    public = Group("sg-1", (Perm(cidrs=("52.94.0.0/16",)),))
    private = Group("sg-2", (Perm(cidrs=("10.0.0.0/8", "100.64.0.0/10", "fd00::/8")),))
    assert network_facet([443], [public], {CF_PL}).state is State.OPEN
    assert network_facet([443], [private], {CF_PL}).state is State.LOCKED


def test_network_unknown_cases() -> None:
    other_pl = Group("sg-1", (Perm(prefix_lists=("pl-custom",)),))
    cf = Group("sg-1", (Perm(prefix_lists=(CF_PL,)),))
    bogus = Group("sg-1", (Perm(cidrs=("not-a-cidr",)),))
    assert network_facet([443], NOT_COLLECTED, {CF_PL}).state is State.UNKNOWN
    assert network_facet([443], [other_pl], {CF_PL}).state is State.UNKNOWN
    assert network_facet([443], [cf], NOT_COLLECTED).state is State.UNKNOWN
    assert network_facet([443], [bogus], {CF_PL}).state is State.UNKNOWN


def test_network_open_beats_unknown_and_no_group_is_open() -> None:
    sg = Group("sg-1", (Perm(prefix_lists=("pl-custom",)), Perm(cidrs=("0.0.0.0/0",))))
    assert network_facet([443], [sg], {CF_PL}).state is State.OPEN
    assert network_facet([443], [], {CF_PL}).state is State.OPEN


SECRET = ("x-origin-verify", "sha256:" + "a" * 64)
FWD = Action("forward", forward=ForwardConfig((WeightedTargetGroup("arn:tg"),)))
DENY = Action("fixed-response")


def rule(priority: int | None, actions: tuple[Action, ...], *conds: RuleCondition) -> ListenerRule:
    return ListenerRule(
        "1", "r", f"arn:rule/{priority}", "arn:l", priority, priority is None, tuple(conds), actions
    )


def listener(default: Action, rules: object, protocol: str = "HTTPS") -> Listener:
    return Listener("1", "r", "arn:l", "arn:lb", 443, protocol, (default,), rules, ())  # type: ignore[arg-type]


def secret_cond(value: str = SECRET[1], name: str = "X-Origin-Verify") -> RuleCondition:
    return RuleCondition("http-header", values=(value,), http_header_name=name)


def test_header_required_on_every_forward_is_locked() -> None:
    li = listener(DENY, (rule(10, (FWD,), secret_cond()), rule(None, (DENY,))))
    facet = header_facet([li], {SECRET})
    assert facet.state is State.LOCKED


def test_header_default_forward_is_open() -> None:
    li = listener(FWD, NOT_COLLECTED)
    facet = header_facet([li], {SECRET})
    assert facet.state is State.OPEN
    assert facet.evidence["forwards_without_header"] == ["HTTPS:443 default action"]


def test_header_rule_without_secret_is_open() -> None:
    li = listener(
        DENY, (rule(5, (Action("authenticate-oidc"), FWD)), rule(10, (FWD,), secret_cond()))
    )
    facet = header_facet([li], {SECRET})
    assert facet.state is State.OPEN
    assert "HTTPS:443 rule 5" in facet.evidence["forwards_without_header"]


def test_header_wrong_value_or_name_is_open() -> None:
    for cond in (secret_cond("sha256:" + "b" * 64), secret_cond(name="X-Other"), secret_cond("*")):
        li = listener(DENY, (rule(1, (FWD,), cond),))
        assert header_facet([li], {SECRET}).state is State.OPEN


def test_header_unknown_when_rules_not_collected_and_default_does_not_forward() -> None:
    assert header_facet([listener(DENY, NOT_COLLECTED)], {SECRET}).state is State.UNKNOWN
    assert header_facet(NOT_COLLECTED, {SECRET}).state is State.UNKNOWN


def test_header_no_secret_or_layer4_is_open() -> None:
    li = listener(DENY, ())
    assert header_facet([li], set()).state is State.OPEN
    assert header_facet([listener(FWD, (), "TCP")], {SECRET}).state is State.OPEN


def test_combination() -> None:
    assert combine(State.LOCKED, State.LOCKED) is State.LOCKED
    assert combine(State.LOCKED, State.UNKNOWN) is State.UNKNOWN
    assert combine(State.UNKNOWN, State.OPEN) is State.OPEN
    sg = Group("sg-1", (Perm(prefix_lists=(CF_PL,)),))
    li = listener(FWD, ())
    lock = lockdown(network_facet([443], [sg], {CF_PL}), header_facet([li], {SECRET}))
    assert lock.state is State.OPEN
    assert lock.reasons == ("HTTPS:443 default action forwards without the secret header",)
    assert lock.evidence()["network"]["state"] == "locked"


# -- lockdown_for (inputs gathered from the model) ---------------------------------------------
def _context(*payloads: Any) -> CheckContext:
    return CheckContext(parse(f.snapshot(*payloads)))


def test_lockdown_for_nlb_without_security_groups_is_open() -> None:
    nlb = lb("net", "network", security_groups=())
    ctx = _context(elbv2(entry(nlb, [https_listener(nlb, protocol="TLS")])))
    [model_lb] = ctx.model.load_balancers
    lock = lockdown_for(ctx, model_lb, [])
    assert lock.network.state is State.OPEN
    assert lock.header.state is State.OPEN
    assert lock.state is State.OPEN


def test_lockdown_for_unknown_without_listeners() -> None:
    ctx = _context(elbv2(entry(lb(), f.OMIT)))
    [model_lb] = ctx.model.load_balancers
    assert model_lb.listeners is NOT_COLLECTED
    lock = lockdown_for(ctx, model_lb, [])
    assert (lock.network.state, lock.header.state) == (State.UNKNOWN, State.UNKNOWN)


# -- header paths of one listener in rule priority order (listener_gaps) ------------------------


def ordered_listener(default: Action, *rules: ListenerRule, protocol: str = "HTTPS") -> Listener:
    return listener(default, rules, protocol)


def path(*values: str) -> RuleCondition:
    return RuleCondition("path-pattern", values=values)


def test_catch_all_deny_hides_later_forwards_and_the_default() -> None:
    li = ordered_listener(
        FWD,
        rule(30, (FWD,), path("/api/*")),  # listed out of order: priority decides
        rule(10, (FWD,), secret_cond()),
        rule(20, (DENY,), path("/*")),
    )
    assert listener_gaps(li, {SECRET}) == ([], [])
    assert header_facet([li], {SECRET}).state is State.LOCKED


def test_forward_before_the_catch_all_is_a_gap() -> None:
    li = ordered_listener(FWD, rule(5, (FWD,), path("/health")), rule(20, (DENY,), path("*")))
    assert listener_gaps(li, {SECRET}) == (["HTTPS:443 rule 5"], [])


def test_catch_all_forward_ends_the_walk() -> None:
    li = ordered_listener(FWD, rule(1, (FWD,), RuleCondition("host-header", values=("*",))))
    assert listener_gaps(li, {SECRET}) == (["HTTPS:443 rule 1"], [])


def test_not_catch_all_deny_leaves_the_default_reachable() -> None:
    li = ordered_listener(FWD, rule(1, (DENY,), path("/admin/*")))
    assert listener_gaps(li, {SECRET}) == (["HTTPS:443 default action"], [])
    regex = RuleCondition("path-pattern", regex_values=(".*",))
    assert listener_gaps(ordered_listener(FWD, rule(1, (DENY,), regex)), {SECRET})[0]


def test_internal_source_rules_are_not_internet_paths() -> None:
    internal = RuleCondition("source-ip", values=("10.0.0.0/8", "fd00::/8"))
    public = RuleCondition("source-ip", values=("10.0.0.0/8", "8.8.8.0/24"))
    li = ordered_listener(DENY, rule(1, (FWD,), internal), rule(2, (FWD,), public))
    assert listener_gaps(li, {SECRET}) == (["HTTPS:443 rule 2"], [])
    everyone = RuleCondition("source-ip", values=("0.0.0.0/0", "::/0"))
    li = ordered_listener(FWD, rule(1, (DENY,), everyone))
    assert listener_gaps(li, {SECRET}) == ([], [])


def test_rules_not_collected() -> None:
    li = Listener("1", "r", "arn:l", "arn:lb", 443, "HTTPS", (DENY,), NOT_COLLECTED, ())
    assert listener_gaps(li, {SECRET}) == ([], ["HTTPS:443 rules"])
    li = Listener("1", "r", "arn:l", "arn:lb", 443, "HTTPS", (FWD,), NOT_COLLECTED, ())
    assert listener_gaps(li, {SECRET}) == (["HTTPS:443 default action"], [])
