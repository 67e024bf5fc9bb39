"""One evaluator per pattern key: the deviations and unknowns of an entrypoint for that key.

An evaluator returns None when the key does not apply to the entrypoint (no CloudFront, no
origin of that sort, no load balancer on the path); a key that does not apply is not counted.

An evaluator decides on configuration only: the names of an entrypoint (hostname, node ids,
account, region, distribution id, load balancer names) may appear in an item's text but never
decide it, since :mod:`edgekit.conform.batch` matches each configuration once up to its names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from edgekit.conform.facts import LEGACY_CACHE, EntryFacts, Route, Unknown, glob_any
from edgekit.conform.items import Deviation, UnknownItem
from edgekit.conform.vocabulary import CF, LB, ORIGIN, tls_rank


def route_where(route: Route) -> str:
    """How a deviation names a route: ``default behavior``, ``behavior /api/*`` or ``path``."""
    if route.behavior == "-":
        return "path"
    return "default behavior" if route.behavior == "default" else f"behavior {route.behavior}"


Items = list[Deviation | UnknownItem]
Evaluator = Callable[[EntryFacts, object], Items | None]
"""An evaluator returns the key's deviations and unknowns, or None when the key does not apply
to the entrypoint (no CloudFront, no origin of that sort, no load balancer on the path)."""


def _strs(value: object) -> tuple[str, ...]:
    return tuple(str(v) for v in value) if isinstance(value, tuple) else (str(value),)


def _either(value: object) -> str:
    vals = _strs(value)
    return vals[0] if len(vals) == 1 else "one of " + ", ".join(vals)


def _cf_fact(attr: str, key: str, noun: str) -> Evaluator:
    """A distribution-level fact compared with a value (bool) or a set of values (enum list)."""

    def evaluate(facts: EntryFacts, expected: object) -> Items | None:
        cf = facts.cloudfront
        if cf is None:
            return None
        actual = getattr(cf, attr)
        if isinstance(actual, Unknown):
            return [UnknownItem(f"{CF}.{key}", "distribution", actual.reason)]
        if isinstance(expected, bool):
            if actual == expected:
                return []
            text = f"{noun} is {'on' if actual else 'off'} (pattern: {'on' if expected else 'off'})"
            return [Deviation(f"{CF}.{key}", "distribution", text, (str(expected).lower(),),
                              str(actual).lower())]  # fmt: skip
        if str(actual) in _strs(expected):
            return []
        text = f"{noun} {actual} is not {_either(expected)}"
        return [Deviation(f"{CF}.{key}", "distribution", text, _strs(expected), str(actual))]

    return evaluate


def _web_acl(facts: EntryFacts, expected: object) -> Items | None:
    cf = facts.cloudfront
    if cf is None:
        return None
    key, globs = f"{CF}.web_acl", _strs(expected)
    acl = cf.web_acl
    if isinstance(acl, Unknown):
        return [UnknownItem(key, "distribution", acl.reason)]
    if acl is None:
        return [
            Deviation(key, "distribution", f"no web ACL (pattern: {_either(globs)})", globs, "")
        ]
    if glob_any(acl.name, globs):
        return []
    text = f"web ACL {acl.name} is not {_either(globs)}"
    return [Deviation(key, "distribution", text, globs, acl.name)]


def _managed_groups(facts: EntryFacts, expected: object) -> Items | None:
    cf = facts.cloudfront
    if cf is None:
        return None
    key, wanted = f"{CF}.web_acl_managed_groups", _strs(expected)
    acl = cf.web_acl
    if isinstance(acl, Unknown):
        return [UnknownItem(key, "distribution", acl.reason)]
    if acl is None:
        return [Deviation(key, "distribution", "no web ACL, so no managed rule group", wanted, "")]
    if isinstance(acl.managed_groups, Unknown):
        return [UnknownItem(key, "distribution", acl.managed_groups.reason)]
    have = set(acl.managed_groups)
    out: Items = []
    for name in wanted:
        if name not in have and f"AWS/{name}" not in have:
            text = f"web ACL {acl.name} does not enforce managed group {name}"
            out.append(Deviation(key, "distribution", text, wanted, ", ".join(sorted(have))))
    return out


def _rate_limit(facts: EntryFacts, expected: object) -> Items | None:
    cf = facts.cloudfront
    if cf is None:
        return None
    key = f"{CF}.web_acl_rate_limit"
    acl = cf.web_acl
    if isinstance(acl, Unknown):
        return [UnknownItem(key, "distribution", acl.reason)]
    actual = False if acl is None else acl.rate_limit
    if isinstance(actual, Unknown):
        return [UnknownItem(key, "distribution", actual.reason)]
    if actual == expected:
        return []
    text = "no rate-based rule" if expected else "a rate-based rule the pattern does not have"
    return [Deviation(key, "distribution", text, (str(expected).lower(),), str(actual).lower())]


def _viewer_tls(facts: EntryFacts, expected: object) -> Items | None:
    cf = facts.cloudfront
    if cf is None:
        return None
    key, floor = f"{CF}.viewer_tls_min", str(expected)
    actual = cf.viewer_tls.split(" (")[0]
    rank, want = tls_rank(actual), tls_rank(floor)
    if rank is None or want is None:
        return [UnknownItem(key, "distribution", f"TLS policy {cf.viewer_tls!r} is not known")]
    if rank >= want:
        return []
    return [Deviation(key, "distribution", f"viewer TLS floor {cf.viewer_tls} is below {floor}",
                      (floor,), cf.viewer_tls)]  # fmt: skip


def _behavior_names(attr: str, key: str, noun: str, *, required: bool) -> Evaluator:
    """A per-behavior policy name matched against globs (None: none set)."""

    def evaluate(facts: EntryFacts, expected: object) -> Items | None:
        if facts.cloudfront is None:
            return None
        globs = _strs(expected)
        out: Items = []
        for route in facts.routes:
            where, value = route_where(route), getattr(route, attr)
            if isinstance(value, Unknown):
                out.append(UnknownItem(f"{CF}.{key}", where, value.reason))
            elif value is None:
                if required:
                    out.append(Deviation(f"{CF}.{key}", where, f"no {noun}", globs, ""))
            elif not glob_any(value, globs):
                text = (
                    "legacy cache settings (ForwardedValues), no cache policy"
                    if value == LEGACY_CACHE
                    else f"{noun} {value} not in the house set"
                )
                out.append(Deviation(f"{CF}.{key}", where, text, globs, value))
        return out

    return evaluate


def _viewer_protocol(facts: EntryFacts, expected: object) -> Items | None:
    if facts.cloudfront is None:
        return None
    allowed = _strs(expected)
    return [
        Deviation(f"{CF}.viewer_protocol", route_where(r),
                  f"viewer protocol policy {r.viewer_protocol} is not {_either(allowed)}",
                  allowed, str(r.viewer_protocol))
        for r in facts.routes
        if r.viewer_protocol not in allowed
    ]  # fmt: skip


def _functions(facts: EntryFacts, expected: object) -> Items | None:
    if facts.cloudfront is None:
        return None
    globs = _strs(expected)
    return [
        Deviation(f"{CF}.functions", route_where(r),
                  f"CloudFront Function {name} is not a house function", globs, name)
        for r in facts.routes
        for name in r.functions
        if not glob_any(name, globs)
    ]  # fmt: skip


def _lambda_at_edge(facts: EntryFacts, expected: object) -> Items | None:
    if facts.cloudfront is None:
        return None
    if expected is True:
        return []
    return [
        Deviation(f"{CF}.lambda_at_edge", route_where(r),
                  f"Lambda@Edge function {arn.rpartition(':function:')[2].partition(':')[0]} "
                  "associated",
                  ("false",), arn)
        for r in facts.routes
        for arn in r.lambda_at_edge
    ]  # fmt: skip


LOCK_TEXT = {
    "none": "not locked: reachable around CloudFront",
    "secret-header": "locked by the secret header only, its security groups admit more than "
    "CloudFront",
    "prefix-list": "locked by security group only, no secret header",
    "prefix-list+secret-header": "locked by security group and secret header",
    "oac": "locked by origin access control",
    "oai": "locked by a legacy origin access identity",
    "vpc-origin": "private, behind a VPC origin",
}


def _origins(facts: EntryFacts) -> Iterator[Route]:
    seen: set[str] = set()
    for r in facts.routes:
        if r.origin is not None and r.origin not in seen:
            seen.add(r.origin)
            yield r


def _lockdown(facts: EntryFacts, expected: object) -> Items | None:
    routes = list(_origins(facts))
    if not routes:
        return None
    allowed = _strs(expected)
    out: Items = []
    for r in routes:
        where = f"origin {r.origin}"
        if isinstance(r.lock, Unknown):
            out.append(UnknownItem(f"{ORIGIN}.lockdown", where, r.lock.reason))
        elif r.lock is not None and r.lock not in allowed:
            text = f"{r.origin_kind} origin {LOCK_TEXT.get(r.lock, r.lock)}"
            out.append(Deviation(f"{ORIGIN}.lockdown", where, text, allowed, r.lock))
    return out


def _protocol(facts: EntryFacts, expected: object) -> Items | None:
    routes = [r for r in _origins(facts) if r.protocol is not None]
    if not routes:
        return None
    allowed = _strs(expected)
    return [
        Deviation(f"{ORIGIN}.protocol", f"origin {r.origin}",
                  f"origin protocol {r.protocol} is not {_either(allowed)}",
                  allowed, str(r.protocol))
        for r in routes
        if r.protocol not in allowed
    ]  # fmt: skip


def _lb_tls(facts: EntryFacts, expected: object) -> Items | None:
    if not facts.load_balancers:
        return None
    globs = _strs(expected)
    out: Items = []
    for lb in facts.load_balancers:
        where = f"load balancer {lb.name}"
        if isinstance(lb.tls_policies, Unknown):
            out.append(UnknownItem(f"{LB}.tls_policy", where, lb.tls_policies.reason))
            continue
        for policy in lb.tls_policies:
            if not glob_any(policy, globs):
                text = f"listener TLS policy {policy} is not {_either(globs)}"
                out.append(Deviation(f"{LB}.tls_policy", where, text, globs, policy))
    return out


def _lb_acl(facts: EntryFacts, expected: object) -> Items | None:
    albs = [lb for lb in facts.load_balancers if lb.lb_type == "alb" and lb.internet_facing]
    if not albs:
        return None
    globs = _strs(expected)
    out: Items = []
    for lb in albs:
        where = f"load balancer {lb.name}"
        if isinstance(lb.web_acl, Unknown):
            out.append(UnknownItem(f"{LB}.web_acl", where, lb.web_acl.reason))
        elif lb.web_acl is None:
            out.append(Deviation(f"{LB}.web_acl", where, "internet-facing ALB without a web ACL",
                                 globs, ""))  # fmt: skip
        elif not glob_any(lb.web_acl, globs):
            text = f"ALB web ACL {lb.web_acl} is not {_either(globs)}"
            out.append(Deviation(f"{LB}.web_acl", where, text, globs, lb.web_acl))
    return out


def _lb_shield(facts: EntryFacts, expected: object) -> Items | None:
    public = [lb for lb in facts.load_balancers if lb.internet_facing]
    if not public:
        return None
    out: Items = []
    for lb in public:
        where = f"load balancer {lb.name}"
        if isinstance(lb.shield, Unknown):
            out.append(UnknownItem(f"{LB}.shield", where, lb.shield.reason))
        elif lb.shield != expected:
            text = f"load balancer Shield Advanced protection is {'on' if lb.shield else 'off'}"
            out.append(Deviation(f"{LB}.shield", where, text, (str(expected).lower(),),
                                 str(lb.shield).lower()))  # fmt: skip
    return out


EVALUATORS: dict[tuple[str, str], Evaluator] = {
    (CF, "web_acl"): _web_acl,
    (CF, "web_acl_managed_groups"): _managed_groups,
    (CF, "web_acl_rate_limit"): _rate_limit,
    (CF, "viewer_tls_min"): _viewer_tls,
    (CF, "certificate_source"): _cf_fact("certificate_source", "certificate_source",
                                         "certificate source"),
    (CF, "viewer_protocol"): _viewer_protocol,
    (CF, "cache_policies"): _behavior_names("cache_policy", "cache_policies", "cache policy",
                                            required=True),
    (CF, "origin_request_policies"): _behavior_names(
        "origin_request_policy", "origin_request_policies", "origin request policy",
        required=False),
    (CF, "response_headers_policy"): _behavior_names(
        "response_headers_policy", "response_headers_policy", "response headers policy",
        required=True),
    (CF, "functions"): _functions,
    (CF, "lambda_at_edge"): _lambda_at_edge,
    (CF, "logging"): _cf_fact("logging", "logging", "logging"),
    (CF, "http_versions"): _cf_fact("http_version", "http_versions", "HTTP version"),
    (CF, "ipv6"): _cf_fact("ipv6", "ipv6", "IPv6"),
    (CF, "price_class"): _cf_fact("price_class", "price_class", "price class"),
    (CF, "shield"): _cf_fact("shield", "shield", "Shield Advanced protection"),
    (ORIGIN, "protocol"): _protocol,
    (ORIGIN, "lockdown"): _lockdown,
    (LB, "tls_policy"): _lb_tls,
    (LB, "web_acl"): _lb_acl,
    (LB, "shield"): _lb_shield,
}  # fmt: skip
"""One evaluator per key of :data:`~edgekit.conform.vocabulary.KEYS` (a test keeps them equal)."""
