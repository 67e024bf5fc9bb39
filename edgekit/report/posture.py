"""Posture matrices: WAF coverage and TLS per entrypoint, caching per cache behavior.

A matrix cell reads the checks of the catalogue on the nodes an entrypoint's traffic reaches
(and the web ACLs protecting them): ``✓`` the protection is there and no check of that column
fails, ``✗`` a check fails (or the protection is absent), ``?`` a check could not decide (data
not collected), ``—`` the column does not apply (no CloudFront on the path, no web ACL) and
nothing in it fails.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

import pandas as pd

from edgekit.graph.nodes import behavior_node_id
from edgekit.model import NOT_COLLECTED, CacheBehavior, CachePolicy, Distribution, Inventory
from edgekit.rules.context import iter_behaviors
from edgekit.rules.finding import Finding, Status

if TYPE_CHECKING:
    from edgekit.graph.lineage import Lineage
    from edgekit.report.data import Report

OK: Final = "✓"
FAIL: Final = "✗"
UNDECIDED: Final = "?"
NOT_APPLICABLE: Final = "—"
EDGE_KINDS: Final = frozenset({"distribution"})
ORIGIN_KINDS: Final = frozenset({"load-balancer", "api", "api-stage", "api-domain"})
EDGE_WAF_CHECKS: Final = ("cloudfront.no_waf",)
ORIGIN_WAF_CHECKS: Final = ("lb.no_waf", "apigw.stage_no_waf")


@dataclass(frozen=True)
class Column:
    """A matrix column: the checks that break it, and when it applies."""

    label: str
    checks: tuple[str, ...]
    applies: str = "always"
    """``always``, ``cloudfront`` (a distribution on the path), ``waf`` (a web ACL on it)."""


WAF_COLUMNS: Final = (
    Column("core rules", ("waf.missing_common_rules",), "waf"),
    Column("bad inputs", ("waf.missing_known_bad_inputs",), "waf"),
    Column("rate limit", ("waf.no_rate_based_rule",), "waf"),
    Column(
        "enforcing",
        ("waf.acl_empty", "waf.enforces_nothing", "waf.managed_group_count_only"),
        "waf",
    ),
    Column(
        "origin locked",
        (
            "origin.alb_bypass",
            "origin.secret_header_not_enforced",
            "origin.s3_bucket_public",
            "origin.s3_website_public",
            "origin.lambda_url_public",
            "origin.apigw_direct_access",
            "cloudfront.s3_origin_unrestricted",
        ),
        "cloudfront",
    ),
)
TLS_COLUMNS: Final = (
    Column(
        "HTTPS only",
        ("cloudfront.viewer_http_allowed", "lb.http_not_redirected", "lb.classic_http_listener"),
    ),
    Column(
        "TLS ≥ 1.2",
        (
            "cloudfront.viewer_tls_outdated",
            "lb.tls_policy_outdated",
            "lb.classic_tls_policy_outdated",
            "apigw.domain_tls_outdated",
        ),
    ),
    Column(
        "certificate",
        (
            "tls.cert_expired",
            "tls.cert_expiring",
            "tls.alias_not_covered",
            "tls.weak_key",
            "tls.cert_renewal_at_risk",
        ),
    ),
    Column("HSTS", ("cloudfront.no_security_headers", "cloudfront.weak_hsts"), "cloudfront"),
    Column(
        "TLS to origin",
        (
            "cloudfront.origin_http_only",
            "cloudfront.origin_tls_outdated",
            "lb.target_plaintext",
            "origin.https_port_without_listener",
        ),
    ),
)


def mark(findings: Iterable[Finding], column: Column, applies: bool = True) -> str:
    """One cell: ✓, ✗, ? or — (see the module docstring). A failing check is ✗ even where
    the column would not apply (an origin hostname that bypasses CloudFront)."""
    hits = [f for f in findings if f.check_id in column.checks]
    if any(f.status is Status.FAIL for f in hits):
        return FAIL
    if not applies:
        return NOT_APPLICABLE
    return UNDECIDED if hits else OK


def _acls(lineage: Lineage, kinds: frozenset[str] | None = None) -> list[str]:
    names = [a for h in lineage if kinds is None or h.kind in kinds for a in h.web_acls]
    return sorted(set(names))


def _present(lineage: Lineage, kinds: frozenset[str]) -> bool:
    return any(h.kind in kinds for h in lineage)


def _acl_cell(
    lineage: Lineage, kinds: frozenset[str], fs: Sequence[Finding], checks: tuple[str, ...]
) -> str:
    """Web ACL names at these hops; ✗ when a "no web ACL" check fails on the path; — when
    no hop needs one (none of these kinds, or an ALB reachable only through CloudFront)."""
    names = _acls(lineage, kinds)
    if names:
        return f"{OK} {', '.join(names)}"
    hits = [f for f in fs if f.check_id in checks]
    if any(f.status is Status.FAIL for f in hits):
        return FAIL
    return UNDECIDED if hits else NOT_APPLICABLE


def _applies(column: Column, lineage: Lineage) -> bool:
    if column.applies == "cloudfront":
        return _present(lineage, EDGE_KINDS)
    if column.applies == "waf":
        return bool(_acls(lineage))
    return True


def _shield(rep: Report, lineage: Lineage) -> str:
    """✓ protected; ✗ the entry's account subscribes to Shield Advanced but the path is not
    protected; ? not collected; — the account does not subscribe."""
    values = {h.shield for h in lineage if h.shield}
    if values - {"unknown"}:
        return OK
    if values:
        return UNDECIDED
    account = lineage[0].account_id if len(lineage) else None
    if not account:
        return NOT_APPLICABLE
    subscription = rep.estate.model.shield.shield_subscription(account)
    if subscription is NOT_COLLECTED:
        return UNDECIDED
    return FAIL if subscription is not None else NOT_APPLICABLE


def waf_matrix(rep: Report) -> pd.DataFrame:
    """Entrypoint × protection: web ACLs at CloudFront and at the origin, what they enforce,
    whether the origin is locked to CloudFront, Shield Advanced."""
    rows = []
    for host, lineage in rep.lineages.items():
        fs = rep.findings_on(host)
        row = {
            "entrypoint": host,
            "at CloudFront": _acl_cell(lineage, EDGE_KINDS, fs, EDGE_WAF_CHECKS),
            "at origin": _acl_cell(lineage, ORIGIN_KINDS, fs, ORIGIN_WAF_CHECKS),
        }
        row |= {c.label: mark(fs, c, _applies(c, lineage)) for c in WAF_COLUMNS}
        row["Shield Advanced"] = _shield(rep, lineage)
        rows.append(row)
    columns = ["entrypoint", "at CloudFront", "at origin", *(c.label for c in WAF_COLUMNS)]
    return pd.DataFrame(rows, columns=[*columns, "Shield Advanced"])


def tls_matrix(rep: Report) -> pd.DataFrame:
    """Entrypoint × TLS property: viewer policy, HTTPS only, TLS ≥ 1.2, certificate, HSTS,
    TLS between CloudFront / load balancer and the origin."""
    policies = dict(
        zip(*(rep.estate.entrypoints()[c] for c in ("hostname", "tls_policy")), strict=True)
    )
    rows = []
    for host, lineage in rep.lineages.items():
        fs = rep.findings_on(host)
        row = {"entrypoint": host, "viewer TLS policy": policies.get(host) or NOT_APPLICABLE}
        row |= {c.label: mark(fs, c, _applies(c, lineage)) for c in TLS_COLUMNS}
        rows.append(row)
    return pd.DataFrame(
        rows, columns=["entrypoint", "viewer TLS policy", *(c.label for c in TLS_COLUMNS)]
    )


def certificates(rep: Report) -> pd.DataFrame:
    """ACM certificates by days left (as of the snapshot): domain, status, expiry, use."""
    today = rep.today
    rows = []
    for c in rep.estate.model.certificates:
        left = (c.not_after.date() - today).days if c.not_after else None
        used = c.in_use_by if c.in_use_by is not NOT_COLLECTED else ()
        rows.append(
            {
                "domain": c.domain_name,
                "account": c.account_id,
                "region": c.region,
                "status": c.status or "",
                "type": c.type or "",
                "expires": c.not_after.date().isoformat() if c.not_after else "",
                "days left": left,
                "in use by": len(used) if isinstance(used, tuple) else "not collected",
                "findings": _checks(rep.index.findings([f"cert:{c.arn}"]), "tls."),
            }
        )
    frame = pd.DataFrame(
        rows,
        columns=[
            "domain",
            "account",
            "region",
            "status",
            "type",
            "expires",
            "days left",
            "in use by",
            "findings",
        ],
    )
    return frame.sort_values("days left", na_position="last").reset_index(drop=True)


def _checks(findings: Sequence[Finding], prefix: str = "") -> str:
    """Failing check names (without the area) of the given findings."""
    names = sorted({f.check_id.split(".", 1)[1] for f in findings if f.check_id.startswith(prefix)})
    return ", ".join(names)


def _cache_key(model: Inventory, dist: Distribution, b: CacheBehavior) -> tuple[str, int | None]:
    """(what the cache key comes from, default TTL) of a behavior."""
    if b.cache_policy_id is None:
        return "legacy ForwardedValues", b.default_ttl
    policy = model.cloudfront.cache_policy(b.cache_policy_id, dist.account_id)
    if isinstance(policy, CachePolicy):
        return policy.name, policy.default_ttl
    return f"policy {b.cache_policy_id[:8]}… (not collected)", None


CACHING_COLUMNS: Final = [
    "distribution",
    "alias",
    "path",
    "origin",
    "cache key",
    "default TTL",
    "compress",
    "viewer protocol",
    "findings",
]


def caching(rep: Report) -> pd.DataFrame:
    """One row per cache behavior of every distribution: cache key source, TTL, compression,
    viewer protocol, and the ``cache.*`` checks that fail on it (behaviors with findings
    first)."""
    model = rep.estate.model
    rows = []
    for dist in model.distributions:
        for subject in iter_behaviors(dist):
            b = subject.behavior
            key, ttl = _cache_key(model, dist, b)
            fs = rep.index.findings([behavior_node_id(dist.id, b)])
            rows.append(
                {
                    "distribution": dist.id,
                    "alias": dist.aliases[0] if dist.aliases else dist.domain_name,
                    "path": subject.path,
                    "origin": b.target_origin_id,
                    "cache key": key,
                    "default TTL": ttl,
                    "compress": "yes" if b.compress else "no",
                    "viewer protocol": b.viewer_protocol_policy,
                    "findings": _checks(fs, "cache."),
                }
            )
    frame = pd.DataFrame(rows, columns=CACHING_COLUMNS).astype({"default TTL": "Int64"})
    frame["_clean"] = frame["findings"].eq("")
    frame = frame.sort_values(["_clean", "distribution"], kind="stable")
    return frame.drop(columns="_clean").reset_index(drop=True)
