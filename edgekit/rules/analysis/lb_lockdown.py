"""Is a load balancer behind CloudFront locked down (reachable only through the edge)?

Two independent facets, each tri-state (``locked`` / ``open`` / ``unknown``) with reasons:

* **network** — the security groups admit, on every port of a listener that can reach targets
  (:func:`forwarding_ports`: a listener that only redirects or returns fixed responses reaches
  nothing around CloudFront), no internet source but the CloudFront origin-facing managed
  prefix list: ``0.0.0.0/0`` / ``::/0`` or another public CIDR is ``open``; a customer prefix
  list (contents unknown) or an unreadable group is ``unknown``; non-global CIDRs (RFC 1918,
  CGNAT, ULA ...) and security-group references are internal and ignored, and so are CIDRs of
  an IP version the load balancer has no public address in (``::/0`` on an ``ipv4`` ALB,
  :func:`public_families`). A load balancer without security groups (an NLB may have none)
  admits everyone: ``open``.
* **header** — every listener path that *forwards* (default action or rule, judged by the
  terminal action, after any ``authenticate-*``) requires the secret origin header CloudFront
  sends: an ``http-header`` condition on one of those header names whose every value is the
  digested secret (``hmac-sha256:``, ``sha256:`` in older snapshots). Rules are taken in
  priority order: paths behind a catch-all rule that does not forward are unreachable, and
  rules admitting only internal ``source-ip`` CIDRs are not internet paths
  (:func:`listener_gaps`). Layer-4 listeners (TCP/TLS/UDP) cannot check headers: ``open``.
  Rules not collected: ``unknown`` (unless the default action already forwards).

:func:`combine`: ``open`` if either facet is open, ``unknown`` if either is unknown, else
``locked``. ``lb.no_waf`` uses the combination; the ``origin.*`` checks read the facets.
The facet functions are pure (inputs: listener ports, security groups, the origin-facing
prefix list ids, the secret headers of the origins that target the load balancer);
:func:`lockdown_for` gathers those inputs from the model.
"""

from __future__ import annotations

import enum
import ipaddress
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final, Protocol

from edgekit.model import (
    NOT_COLLECTED,
    Action,
    Collected,
    Listener,
    LoadBalancer,
    Origin,
    RuleCondition,
    final_action,
)

if TYPE_CHECKING:
    from edgekit.rules.context import CheckContext

ANYWHERE: Final = frozenset({"0.0.0.0/0", "::/0"})
HEADER_PROTOCOLS: Final = frozenset({"HTTP", "HTTPS"})


class State(enum.StrEnum):
    """A facet's (or the combination's) verdict."""

    LOCKED = "locked"
    OPEN = "open"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Facet:
    """One facet's verdict, why, and small JSON evidence."""

    state: State
    reasons: tuple[str, ...] = ()
    evidence: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Lockdown:
    """Both facets and their combination."""

    network: Facet
    header: Facet

    @property
    def state(self) -> State:
        """:func:`combine` of the two facets."""
        return combine(self.network.state, self.header.state)

    @property
    def reasons(self) -> tuple[str, ...]:
        """Reasons of the facets that are not locked (all reasons when locked)."""
        facets = (self.network, self.header)
        picked = [f for f in facets if f.state is not State.LOCKED] or list(facets)
        return tuple(r for f in picked for r in f.reasons)

    def evidence(self) -> dict[str, Any]:
        """JSON evidence of both facets."""
        return {
            "lockdown": self.state.value,
            "network": {"state": self.network.state.value, **self.network.evidence},
            "header": {"state": self.header.state.value, **self.header.evidence},
        }


def combine(*states: State) -> State:
    """``open`` beats ``unknown`` beats ``locked``."""
    if State.OPEN in states:
        return State.OPEN
    if State.UNKNOWN in states:
        return State.UNKNOWN
    return State.LOCKED


# -- network facet ----------------------------------------------------------------------------


class PermissionLike(Protocol):
    """What the network facet reads of an ingress permission (``edgekit.model`` ec2)."""

    @property
    def cidrs(self) -> tuple[str, ...]: ...

    @property
    def prefix_lists(self) -> tuple[str, ...]: ...

    def allows_tcp_port(self, port: int) -> bool: ...


class GroupLike(Protocol):
    """What the network facet reads of a security group."""

    @property
    def id(self) -> str: ...

    @property
    def ingress(self) -> Sequence[PermissionLike]: ...


NO_PUBLIC_IPV4: Final = "dualstack-without-public-ipv4"


def public_families(lb: LoadBalancer) -> frozenset[int]:
    """IP versions the load balancer has public addresses in (``IpAddressType``: ``ipv4``
    → IPv4 only, ``dualstack-without-public-ipv4`` → IPv6 only; dualstack or unknown: both).
    A source of another family cannot reach it."""
    kind = (lb.ip_address_type or "").lower()
    if kind == "ipv4":
        return frozenset({4})
    if kind == NO_PUBLIC_IPV4:
        return frozenset({6})
    return frozenset({4, 6})


def _version(cidr: str) -> int | None:
    try:
        return ipaddress.ip_network(cidr.strip(), strict=False).version
    except ValueError:
        return None


def _is_internal(cidr: str) -> bool | None:
    try:
        net = ipaddress.ip_network(cidr.strip(), strict=False)
    except ValueError:
        return None
    return not net.is_global


def network_facet(
    ports: Iterable[int],
    groups: Collected[Sequence[GroupLike]],
    cloudfront_prefix_lists: Collected[Collection[str]],
    families: Collection[int] = (4, 6),
) -> Facet:
    """Which sources the security groups admit on the listener ports.

    ``groups`` NOT_COLLECTED: unknown. ``cloudfront_prefix_lists``: ids of the CloudFront
    origin-facing prefix list in the load balancer's region (NOT_COLLECTED when that lookup
    was not read; then a prefix-list source is unknown). ``families``: the IP versions the
    load balancer is reachable in (:func:`public_families`); CIDRs of others are ignored.
    """
    if groups is NOT_COLLECTED:
        return Facet(State.UNKNOWN, ("security groups were not collected",))
    port_list = sorted(set(ports))
    if not groups:
        return Facet(
            State.OPEN,
            ("no security group: every source reaches the listeners",),
            {"ports": port_list, "security_groups": []},
        )
    open_ports: dict[int, set[str]] = {}
    unknown: dict[int, set[str]] = {}
    cloudfront_ports: set[int] = set()
    for port in port_list:
        for group in groups:
            for perm in group.ingress:
                if not perm.allows_tcp_port(port):
                    continue
                for cidr in perm.cidrs:
                    if _version(cidr) not in (None, *families):
                        continue
                    internal = _is_internal(cidr)
                    if cidr.strip() in ANYWHERE or internal is False:
                        open_ports.setdefault(port, set()).add(f"{group.id}:{cidr}")
                    elif internal is None:
                        unknown.setdefault(port, set()).add(f"{group.id}:{cidr}")
                for pl in perm.prefix_lists:
                    if cloudfront_prefix_lists is NOT_COLLECTED:
                        unknown.setdefault(port, set()).add(f"{group.id}:{pl}")
                    elif pl in cloudfront_prefix_lists:
                        cloudfront_ports.add(port)
                    else:
                        unknown.setdefault(port, set()).add(f"{group.id}:{pl}")
    evidence: dict[str, Any] = {
        "ports": port_list,
        "security_groups": sorted(g.id for g in groups),
        "cloudfront_prefix_list_ports": sorted(cloudfront_ports),
    }
    if open_ports:
        evidence["open_sources"] = {str(p): sorted(s) for p, s in sorted(open_ports.items())}
        reasons = tuple(
            f"port {p} admits {', '.join(sorted(s))}" for p, s in sorted(open_ports.items())
        )
        return Facet(State.OPEN, reasons, evidence)
    if unknown:
        evidence["unresolved_sources"] = {str(p): sorted(s) for p, s in sorted(unknown.items())}
        reasons = tuple(
            f"port {p}: cannot tell what {', '.join(sorted(s))} admits"
            for p, s in sorted(unknown.items())
        )
        return Facet(State.UNKNOWN, reasons, evidence)
    return Facet(
        State.LOCKED,
        ("listener ports admit no internet source but the CloudFront origin-facing prefix list",),
        evidence,
    )


def forwarding_ports(listeners: Iterable[Listener]) -> list[int]:
    """Ports (sorted, unique) of the listeners through which a request can reach targets: a
    layer-4 listener, a ``forward`` as the terminal action of the default action or of a rule,
    or rules not collected (a rule may forward). Listeners that only redirect or answer with
    fixed responses are left out: admitting the internet there bypasses nothing."""
    ports: set[int] = set()
    for li in listeners:
        if li.port is None:
            continue
        if (li.protocol or "").upper() not in HEADER_PROTOCOLS or li.rules is NOT_COLLECTED:
            ports.add(li.port)
            continue
        paths = [li.default_actions, *(r.actions for r in li.rules if not r.is_default)]
        if any(_forwards(actions) for actions in paths):
            ports.add(li.port)
    return sorted(ports)


def _forwards(actions: Sequence[Action]) -> bool:
    last = final_action(tuple(actions))
    return last is not None and last.type == "forward"


# -- header facet -----------------------------------------------------------------------------


def _requires_secret(
    conditions: Sequence[RuleCondition], secrets: Collection[tuple[str, str]]
) -> bool:
    names = {name for name, _ in secrets}
    for c in conditions:
        if c.field != "http-header" or c.regex_values or not c.values:
            continue
        name = (c.http_header_name or "").lower()
        if name in names and all((name, v) in secrets for v in c.values):
            return True
    return False


_EVERY_PATH: Final = frozenset({"*", "/*"})


def _matches_everything(conditions: Sequence[RuleCondition]) -> bool:
    """Every request matches: each condition is a catch-all (path ``*`` or ``/*``, host ``*``,
    source ``0.0.0.0/0`` and ``::/0``). Sound, not complete; no condition is not a catch-all."""

    def universal(c: RuleCondition) -> bool:
        if c.regex_values:
            return False
        if c.field == "path-pattern":
            return bool(_EVERY_PATH.intersection(c.values))
        if c.field == "host-header":
            return "*" in c.values
        if c.field == "source-ip":
            return {v.strip() for v in c.values} >= ANYWHERE
        return False

    return bool(conditions) and all(universal(c) for c in conditions)


def _internal_sources_only(conditions: Sequence[RuleCondition]) -> bool:
    """A ``source-ip`` condition admits only non-global CIDRs: no internet client matches."""
    return any(
        c.field == "source-ip" and bool(c.values) and all(_is_internal(v) is True for v in c.values)
        for c in conditions
    )


def listener_gaps(
    li: Listener, secrets: Collection[tuple[str, str]]
) -> tuple[list[str], list[str]]:
    """``(unguarded, not_collected)`` for one listener: the forwarding paths (``PROTO:port
    rule N`` / ``default action``) an internet request *without* the secret header reaches,
    and the parts that could not be read.

    Rules are walked in priority order as ALB evaluates them, for a request that lacks the
    secret: a rule requiring the secret (``http-header`` condition on a secret header name,
    every value a secret digest) does not match it; a rule whose ``source-ip`` condition admits
    only non-global CIDRs is not reachable from the internet; any other rule that forwards is
    a gap; a catch-all rule (path ``*`` / ``/*``, host ``*``) ends the walk — later rules and
    the default action are never reached. Layer-4 listeners cannot check headers.
    """
    where = f"{li.protocol or '?'}:{li.port}"
    if (li.protocol or "").upper() not in HEADER_PROTOCOLS:
        return [f"{where} (layer 4: cannot check headers)"], []
    default = final_action(li.default_actions)
    default_forwards = default is not None and default.type == "forward"
    if li.rules is NOT_COLLECTED:
        if default_forwards:
            return [f"{where} default action"], []
        return [], [f"{where} rules"]
    unguarded: list[str] = []
    for rule in sorted((r for r in li.rules if not r.is_default), key=lambda r: r.sort_key):
        if _requires_secret(rule.conditions, secrets) or _internal_sources_only(rule.conditions):
            continue
        last = final_action(rule.actions)
        if last is not None and last.type == "forward":
            unguarded.append(f"{where} rule {rule.priority}")
        if _matches_everything(rule.conditions):
            return unguarded, []
    if default_forwards:
        unguarded.append(f"{where} default action")
    return unguarded, []


def header_facet(
    listeners: Collected[Sequence[Listener]], secrets: Collection[tuple[str, str]]
) -> Facet:
    """Whether every forwarding path of the listeners requires a secret origin header
    (:func:`listener_gaps`, rule priority order honoured).

    ``secrets``: ``(header name lower-cased, sha256 digest)`` pairs CloudFront sends to this
    load balancer (origin custom headers).
    """
    if listeners is NOT_COLLECTED:
        return Facet(State.UNKNOWN, ("listeners were not collected",))
    secret_names = sorted({n for n, _ in secrets})
    evidence: dict[str, Any] = {"secret_headers": secret_names}
    if not secrets:
        return Facet(State.OPEN, ("CloudFront sends no custom origin header",), evidence)
    unguarded: list[str] = []
    unknown: list[str] = []
    for li in sorted(listeners, key=lambda x: (x.port or 0, x.arn)):
        gaps, missing = listener_gaps(li, secrets)
        unguarded += gaps
        unknown += missing
    if unguarded:
        evidence["forwards_without_header"] = unguarded
        return Facet(
            State.OPEN,
            tuple(f"{u} forwards without the secret header" for u in unguarded),
            evidence,
        )
    if unknown:
        evidence["not_collected"] = unknown
        return Facet(State.UNKNOWN, tuple(f"{u} not collected" for u in unknown), evidence)
    return Facet(State.LOCKED, ("every forward requires the secret origin header",), evidence)


def lockdown(network: Facet, header: Facet) -> Lockdown:
    """Both facets together."""
    return Lockdown(network, header)


def secret_headers(origins: Iterable[Origin]) -> frozenset[tuple[str, str]]:
    """``(name lower-cased, digest)`` of the custom headers the origins send."""
    return frozenset((h.name.lower(), h.value) for o in origins for h in o.custom_headers)


def lockdown_for(ctx: CheckContext, lb: LoadBalancer, origins: Iterable[Origin]) -> Lockdown:
    """The lockdown of ``lb`` as the CloudFront ``origins`` (those targeting it) reach it.

    Listener ports and rules come from the load balancer, security groups and the region's
    CloudFront origin-facing prefix list from the ec2 payloads, secrets from the origins.
    """
    model = ctx.model
    if lb.listeners is NOT_COLLECTED:
        network = Facet(State.UNKNOWN, ("listeners (ports) were not collected",))
    else:
        ports = forwarding_ports(lb.listeners)
        lists = model.ec2.cloudfront_origin_facing_prefix_lists(lb.account_id, lb.region)
        cf_ids: Collected[frozenset[str]] = (
            NOT_COLLECTED if lists is NOT_COLLECTED else frozenset(p.id for p in lists)
        )
        groups = model.ec2.security_groups_for(lb)
        network = network_facet(ports, groups, cf_ids, public_families(lb))
    return Lockdown(network, header_facet(lb.listeners, secret_headers(origins)))
