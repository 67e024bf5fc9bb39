"""lb.nlb_cleartext_listener: an internet-facing NLB passing clear-text HTTP to its targets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from edgekit.model import NOT_COLLECTED, Action, Listener, LoadBalancer, TargetGroup, final_action
from edgekit.rules.context import CheckContext
from edgekit.rules.finding import Fail, Unknown
from edgekit.rules.registry import check

CLEAR_TCP: Final = frozenset({"TCP", "TCP_UDP"})
"""NLB listener protocols that pass the client's bytes through untouched (TLS terminates)."""
HTTP_PORTS: Final = frozenset({80, 8000, 8008, 8080, 8888})
"""Ports that carry plain HTTP by convention (IANA http / http-alt and their usual twins)."""


@dataclass(frozen=True)
class _Leg:
    """What one target group makes of the listener's traffic."""

    target_group: str
    verdict: str
    """cleartext | redirects | tls | other | unknown"""
    why: str

    def to_json(self) -> dict[str, str]:
        """Evidence form."""
        return {"name": self.target_group, "verdict": self.verdict, "why": self.why}


def _alb_listener_leg(alb: LoadBalancer, port: int | None) -> tuple[str, str]:
    """(verdict, why) for traffic arriving on ``alb``'s listener at ``port``."""
    if alb.listeners is NOT_COLLECTED:
        return "unknown", f"listeners of ALB {alb.name} not collected"
    li = next((x for x in alb.listeners if x.port == port), None)
    if li is None:
        return "other", f"ALB {alb.name} has no listener on port {port}"
    if li.protocol != "HTTP":
        return "tls", f"ALB {alb.name} {li.protocol}:{port}"
    if not _redirects_to_https(li):
        return "cleartext", f"ALB {alb.name} HTTP:{port} forwards"
    if li.rules is NOT_COLLECTED:
        return "unknown", f"ALB {alb.name} HTTP:{port} rules not collected"
    if any(_forwards(r.actions) for r in li.rules if not r.is_default):
        return "cleartext", f"ALB {alb.name} HTTP:{port}: a rule forwards"
    return "redirects", f"ALB {alb.name} HTTP:{port} redirects to HTTPS"


def _forwards(actions: tuple[Action, ...]) -> bool:
    last = final_action(actions)
    return last is not None and last.type == "forward"


def _redirects_to_https(li: Listener) -> bool:
    last = final_action(li.default_actions)
    return (
        last is not None
        and last.type == "redirect"
        and last.redirect is not None
        and last.redirect.protocol == "HTTPS"
    )


def _leg(tg: TargetGroup, listener_port: int | None, ctx: CheckContext) -> _Leg:
    port = tg.port
    if tg.target_type != "alb":
        if listener_port == 80 or port in HTTP_PORTS:
            return _Leg(tg.name, "cleartext", f"{tg.target_type} targets on port {port}")
        return _Leg(tg.name, "other", f"{tg.target_type} targets on port {port}")
    if tg.targets is NOT_COLLECTED:
        return _Leg(tg.name, "unknown", "registered ALB not collected (DescribeTargetHealth)")
    legs = []
    for target in tg.targets:
        alb = ctx.model.elbv2.load_balancer(target.target_id)
        if not isinstance(alb, LoadBalancer):
            legs.append(("unknown", f"ALB {target.target_id} not collected"))
        else:
            legs.append(_alb_listener_leg(alb, target.port or port))
    for verdict in ("cleartext", "unknown", "redirects", "tls", "other"):
        found = [why for v, why in legs if v == verdict]
        if found:
            return _Leg(tg.name, verdict, "; ".join(sorted(found)))
    return _Leg(tg.name, "other", "no registered ALB")


@check(
    "lb.nlb_cleartext_listener",
    title="Internet-facing NLB carries clear-text HTTP",
    severity="medium",
    category="security",
    applies_to="listener",
    remediation=(
        "Terminate TLS on the NLB (a TLS listener with a certificate) or forward to the ALB's "
        "HTTPS listener; if port 80 must stay open, make the ALB's HTTP listener redirect to "
        "HTTPS."
    ),
    references=("P (NLB TLS)",),
)
def nlb_cleartext_listener(li: Listener, ctx: CheckContext) -> Fail | Unknown | None:
    """A TCP (or TCP_UDP) listener of an internet-facing NLB — it passes the client's bytes
    through — that carries clear-text HTTP: it listens on port 80, or a target group it
    forwards to is an ``alb``-type group whose ALB listener on that port is plain HTTP, or
    instance/IP targets on an HTTP port (80, 8000, 8008, 8080, 8888). A path whose ALB HTTP
    listener redirects to HTTPS (default action and every rule) is not clear-text traffic to
    the application and passes; an instance or IP target's redirect cannot be seen, so it
    counts as clear text. TLS listeners pass. Unknown when the target group, the registered
    ALB or its listeners and rules were not collected. Evidence: each target group's verdict."""
    lb = ctx.model.elbv2.load_balancer(li.load_balancer_arn)
    if not isinstance(lb, LoadBalancer) or lb.type != "network" or not lb.internet_facing:
        return None
    if li.protocol not in CLEAR_TCP:
        return None
    last = final_action(li.default_actions)
    legs: list[_Leg] = []
    for arn in last.target_group_arns if last is not None else ():
        tg = ctx.model.elbv2.target_group(arn)
        if isinstance(tg, TargetGroup):
            legs.append(_leg(tg, li.port, ctx))
        elif tg is NOT_COLLECTED:
            legs.append(_Leg(arn.rpartition(":")[2], "unknown", "target group not collected"))
    where = f"{li.protocol}:{li.port}"
    evidence = {
        "listener": where,
        "load_balancer_arn": lb.arn,
        "target_groups": [
            {"name": x.target_group, "verdict": x.verdict, "why": x.why} for x in legs
        ],
    }
    clear = [x for x in legs if x.verdict == "cleartext"]
    if clear:
        names = ", ".join(sorted(x.target_group for x in clear))
        return Fail(f"{where} carries clear-text HTTP to {names}, no HTTPS redirect", evidence)
    if any(x.verdict == "unknown" for x in legs):
        return Unknown(f"{where}: whether it carries clear-text HTTP is unknown", evidence)
    return None
