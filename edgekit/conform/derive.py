"""Dialects: the entrypoints clustered by their configuration fingerprint along the path.

Two entrypoints are in one **family** when every fact of :func:`fingerprint` is equal (hop
kinds, web ACL, TLS floor, certificate source, policies, functions, logging, HTTP version,
origin protocol and lock method, load balancer TLS policy and ACL ...). Clustering by equality is
deterministic and linear. Families are named A, B, C ... by size (then by fingerprint); an
entrypoint alone with its fingerprint is a **one-off**, described by how it differs from its
nearest family. :func:`emit_patterns` turns the families into a starting patterns file.
"""

from __future__ import annotations

import json
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from edgekit.conform.facts import LEGACY_CACHE, EntryFacts, Unknown
from edgekit.conform.vocabulary import tls_rank

UNKNOWN_TEXT = "unknown"

FACT_LABELS: Mapping[str, str] = {
    "path": "path",
    "web_acl": "web ACL",
    "managed_groups": "managed rule groups",
    "rate_limit": "rate-based rule",
    "viewer_tls": "viewer TLS floor",
    "certificate_source": "certificate source",
    "viewer_protocol": "viewer protocol",
    "cache_policies": "cache policies",
    "origin_request_policies": "origin request policies",
    "response_headers_policies": "response headers policies",
    "functions": "CloudFront Functions",
    "lambda_at_edge": "Lambda@Edge",
    "logging": "logging",
    "http_version": "HTTP version",
    "ipv6": "IPv6",
    "price_class": "price class",
    "shield": "Shield Advanced",
    "origin_protocol": "origin protocol",
    "lockdown": "origin lock",
    "lb_tls_policies": "load balancer TLS policies",
    "lb_web_acls": "load balancer web ACLs",
    "lb_shield": "load balancer Shield Advanced",
}
"""Fingerprint facts and how a person names them."""

Fingerprint = tuple[tuple[str, str], ...]


def _text(value: object) -> str:
    if isinstance(value, Unknown):
        return UNKNOWN_TEXT
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "on" if value else "off"
    return str(value)


def _set(values: Sequence[object]) -> str:
    if any(isinstance(v, Unknown) for v in values):
        return UNKNOWN_TEXT
    texts = sorted({_text(v) for v in values})
    return ", ".join(texts) if texts else "none"


def fingerprint(facts: EntryFacts) -> Fingerprint:
    """The entrypoint's configuration along its path, as ordered ``(fact, text)`` pairs."""
    routes = facts.routes
    origins = {r.origin: r for r in routes if r.origin is not None}.values()
    out: dict[str, str] = {"path": _set([" > ".join(r.kinds) for r in routes])}
    cf = facts.cloudfront
    if cf is not None:
        acl = cf.web_acl
        out["web_acl"] = _text(acl if acl is None or isinstance(acl, Unknown) else acl.name)
        groups = acl.managed_groups if acl is not None and not isinstance(acl, Unknown) else acl
        out["managed_groups"] = _set(list(groups) if isinstance(groups, tuple) else [groups])
        rate = acl.rate_limit if acl is not None and not isinstance(acl, Unknown) else acl
        out["rate_limit"] = _text(False if rate is None else rate)
        out["viewer_tls"] = cf.viewer_tls
        out["certificate_source"] = cf.certificate_source
        out["viewer_protocol"] = _set([r.viewer_protocol for r in routes])
        out["cache_policies"] = _set([r.cache_policy for r in routes])
        out["origin_request_policies"] = _set([r.origin_request_policy for r in routes])
        out["response_headers_policies"] = _set([r.response_headers_policy for r in routes])
        out["functions"] = _set([f for r in routes for f in r.functions])
        out["lambda_at_edge"] = _text(any(r.lambda_at_edge for r in routes))
        out["logging"] = _text(cf.logging)
        out["http_version"] = cf.http_version
        out["ipv6"] = _text(cf.ipv6)
        out["price_class"] = cf.price_class
        out["shield"] = _text(cf.shield)
        out["origin_protocol"] = _set([r.protocol for r in origins if r.protocol is not None])
        out["lockdown"] = _set([r.lock for r in origins])
    if facts.load_balancers:
        lbs = facts.load_balancers
        out["lb_tls_policies"] = _set(
            [p for lb in lbs for p in (lb.tls_policies if isinstance(lb.tls_policies, tuple)
                                       else [lb.tls_policies])]
        )  # fmt: skip
        public = [lb for lb in lbs if lb.internet_facing]
        out["lb_web_acls"] = _set([lb.web_acl for lb in public if lb.lb_type == "alb"])
        out["lb_shield"] = _set([lb.shield for lb in public])
    return tuple((k, out[k]) for k in FACT_LABELS if k in out)


@dataclass(frozen=True, slots=True)
class Family:
    """Entrypoints sharing one fingerprint."""

    id: str
    """``A``, ``B`` ... (most entrypoints first); one-offs are ``one-off-<n>`` (one service,
    perhaps several hostnames)."""
    fingerprint: Fingerprint
    members: tuple[EntryFacts, ...]
    distinct: tuple[tuple[str, str, str], ...]
    """``(fact, this family's value, the compared family's value)`` for every fact that
    differs from the compared family (the largest other family)."""
    compared_with: str | None

    @property
    def size(self) -> int:
        """How many entrypoints share it."""
        return len(self.members)

    @property
    def hostnames(self) -> tuple[str, ...]:
        """Member hostnames, sorted."""
        return tuple(m.hostname for m in self.members)


@dataclass(frozen=True, slots=True)
class Dialects:
    """The families (two or more members) and the one-offs of an estate."""

    families: tuple[Family, ...]
    one_offs: tuple[Family, ...]

    def summary(self) -> str:
        """``23 entrypoints share configuration A, 5 share B, 9 are one-offs``."""
        parts = [
            f"{f.size} entrypoints share configuration {f.id}"
            if i == 0
            else f"{f.size} share {f.id}"
            for i, f in enumerate(self.families)
        ]
        n = len(self.one_offs)
        parts.append(f"{n} {'is a one-off' if n == 1 else 'are one-offs'}")
        return ", ".join(parts)


def _letters(i: int) -> str:
    letters = string.ascii_uppercase
    return letters[i] if i < 26 else _letters(i // 26 - 1) + letters[i % 26]


def _diff(a: Fingerprint, b: Fingerprint) -> tuple[tuple[str, str, str], ...]:
    """Facts that differ; a fact only one side has counts once, as the path that differs."""
    da, db = dict(a), dict(b)
    keys = [k for k in FACT_LABELS if k in da and k in db]
    return tuple((k, da[k], db[k]) for k in keys if da[k] != db[k])


def _services(members: Sequence[EntryFacts]) -> int:
    """Distinct services (distribution, load balancer ...) among the members."""
    return len({m.service for m in members})


def _distance(a: Fingerprint, b: Fingerprint) -> int:
    """How many facts differ (a fact one side lacks counts as different)."""
    da, db = dict(a), dict(b)
    return sum(1 for k in FACT_LABELS if da.get(k) != db.get(k))


def derive(facts: Sequence[EntryFacts], min_size: int = 2) -> Dialects:
    """Cluster ``facts`` by fingerprint: families (at least ``min_size`` distinct services:
    hostnames of one distribution are one service) and one-offs."""
    groups: dict[Fingerprint, list[EntryFacts]] = {}
    for f in facts:
        groups.setdefault(fingerprint(f), []).append(f)
    ordered = sorted(groups.items(), key=lambda g: (-len(g[1]), json.dumps(g[0]), g[1][0].hostname))
    big = [
        (fp, sorted(m, key=lambda e: e.hostname)) for fp, m in ordered if _services(m) >= min_size
    ]
    small = [
        (fp, sorted(m, key=lambda e: e.hostname)) for fp, m in ordered if _services(m) < min_size
    ]
    families: list[Family] = []
    for i, (fp, members) in enumerate(big):
        others = [(j, o) for j, (o, _) in enumerate(big) if j != i]
        near = min(others, key=lambda jo: (_distance(fp, jo[1]), jo[0]), default=None)
        families.append(
            Family(_letters(i), fp, tuple(members),
                   _diff(fp, near[1]) if near else (), _letters(near[0]) if near else None)
        )  # fmt: skip
    one_offs: list[Family] = []
    small.sort(key=lambda g: g[1][0].hostname)
    for n, (fp, members) in enumerate(small, 1):
        nearest = min(families, key=lambda f: _distance(fp, f.fingerprint), default=None)
        one_offs.append(
            Family(f"one-off-{n}", fp, tuple(members),
                   _diff(fp, nearest.fingerprint) if nearest else (),
                   nearest.id if nearest else None)
        )  # fmt: skip
    return Dialects(tuple(families), tuple(one_offs))


# -- emitting patterns ---------------------------------------------------------------------------
def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)


def _pattern_settings(members: Sequence[EntryFacts]) -> dict[str, dict[str, object]]:
    """Settings every member shares, from the first member's facts (the family's own)."""
    f = members[0]
    routes = f.routes
    origins = list({r.origin: r for r in routes if r.origin is not None}.values())
    cf_section: dict[str, object] = {}
    cf = f.cloudfront
    if cf is not None:
        acl = cf.web_acl
        if acl is not None and not isinstance(acl, Unknown):
            cf_section["web_acl"] = [acl.name]
            if isinstance(acl.managed_groups, tuple) and acl.managed_groups:
                cf_section["web_acl_managed_groups"] = list(acl.managed_groups)
            if isinstance(acl.rate_limit, bool):
                cf_section["web_acl_rate_limit"] = acl.rate_limit
        tls = cf.viewer_tls.split(" (")[0]
        if tls_rank(tls) is not None:
            cf_section["viewer_tls_min"] = tls
        cf_section["certificate_source"] = [cf.certificate_source]
        cf_section["viewer_protocol"] = sorted({str(r.viewer_protocol) for r in routes})
        caches = [r.cache_policy for r in routes]
        if all(isinstance(c, str) and c != LEGACY_CACHE for c in caches):
            cf_section["cache_policies"] = sorted({str(c) for c in caches})
        orps = [r.origin_request_policy for r in routes]
        if not any(isinstance(o, Unknown) for o in orps):
            cf_section["origin_request_policies"] = sorted({str(o) for o in orps if o})
        rhps = [r.response_headers_policy for r in routes]
        if all(isinstance(h, str) for h in rhps):
            cf_section["response_headers_policy"] = sorted({str(h) for h in rhps})
        cf_section["functions"] = sorted({fn for r in routes for fn in r.functions})
        cf_section["lambda_at_edge"] = any(r.lambda_at_edge for r in routes)
        for key, value in (("logging", cf.logging), ("shield", cf.shield)):
            if isinstance(value, bool):
                cf_section[key] = value
        cf_section["http_versions"] = [cf.http_version]
        cf_section["ipv6"] = cf.ipv6
        cf_section["price_class"] = [cf.price_class]
    origin_section: dict[str, object] = {}
    protocols = sorted({r.protocol for r in origins if r.protocol is not None})
    if protocols:
        origin_section["protocol"] = protocols
    locks = [r.lock for r in origins]
    if locks and all(isinstance(lock, str) for lock in locks):
        origin_section["lockdown"] = sorted({str(lock) for lock in locks})
    lb_section: dict[str, object] = {}
    lbs = f.load_balancers
    if lbs and all(isinstance(lb.tls_policies, tuple) for lb in lbs):
        policies = sorted({p for lb in lbs if isinstance(lb.tls_policies, tuple)
                           for p in lb.tls_policies})  # fmt: skip
        if policies:
            lb_section["tls_policy"] = policies
    acls = [lb.web_acl for lb in lbs if lb.lb_type == "alb" and lb.internet_facing]
    if acls and all(isinstance(a, str) for a in acls):
        lb_section["web_acl"] = sorted({str(a) for a in acls})
    shields = [lb.shield for lb in lbs if lb.internet_facing]
    if shields and all(isinstance(s, bool) for s in shields) and len(set(shields)) == 1:
        lb_section["shield"] = shields[0]
    return {"cloudfront": cf_section, "origin": origin_section, "load_balancer": lb_section}


def _path(members: Sequence[EntryFacts]) -> list[str]:
    """One path item per position, alternatives where the routes' hop kinds differ."""
    routes = members[0].routes
    length = len(routes[-1].kinds)
    same = [r.kinds for r in routes if len(r.kinds) == length]
    items: list[str] = []
    for i in range(length):
        kinds = list(dict.fromkeys(k[i] for k in same))
        if all(k.startswith("origin:") for k in kinds):
            items.append("origin:" + "|".join(k.removeprefix("origin:") for k in kinds))
        else:
            items.append("|".join(kinds))
    return items


def emit_patterns(dialects: Dialects, limit: int | None = None) -> str:
    """The families (most common first, at most ``limit``) as a patterns TOML document."""
    lines = [
        "# House patterns derived by `edgekit conform --derive --emit-patterns`: one per family",
        "# of entrypoints that share a configuration. A starting point: rename, widen the globs,",
        "# drop what need not be standard. Keys: docs/conform.md.",
    ]
    for family in dialects.families[:limit]:
        hosts = ", ".join(family.hostnames[:5]) + (" ..." if family.size > 5 else "")
        lines += [
            "",
            "[[pattern]]",
            f"name = {_toml(f'family-{family.id.lower()}')}",
            f"description = {_toml(f'{family.size} entrypoints, e.g. {hosts}')}",
            f"path = {_toml(_path(family.members))}",
        ]
        for section, body in _pattern_settings(family.members).items():
            if body:
                lines.append(f"[pattern.{section}]")
                lines += [f"{k} = {_toml(v)}" for k, v in body.items()]
    return "\n".join(lines) + "\n"
