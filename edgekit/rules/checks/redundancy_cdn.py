"""redundancy.* about CloudFront layers: an edge API or a distribution behind a distribution,
S3 website origins, and duplicate distributions."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from edgekit.graph import nodes as gn
from edgekit.graph.nodes import NodeKind
from edgekit.model import NOT_COLLECTED, Distribution, ViewerCertificate
from edgekit.rules.checks.redundancy_paths import other_users, through
from edgekit.rules.context import CheckContext, OriginSubject
from edgekit.rules.finding import Fail, Unknown
from edgekit.rules.registry import check


@check(
    "redundancy.cdn_before_edge_api",
    title="CloudFront in front of an edge-optimized API (two CloudFront layers)",
    severity="medium",
    category="cost",
    applies_to="origin",
    remediation=(
        "Switch the API (or its custom domain) to a REGIONAL endpoint and keep the one "
        "distribution in front of it; forward only the headers the API needs."
    ),
)
def cdn_before_edge_api(s: OriginSubject, ctx: CheckContext) -> Fail | Unknown | None:
    """An enabled distribution whose origin reaches an **edge-optimized** API Gateway REST API
    (its default ``execute-api`` endpoint) or an EDGE custom domain (directly, by its
    ``*.cloudfront.net`` target, or through Route 53 records). API Gateway runs a CloudFront
    distribution of its own for edge-optimized endpoints, so requests cross two CloudFront
    layers: added latency, double TLS and caching semantics nobody configured. Unknown when the
    origin names an API whose configuration was not collected (endpoint type unknown).
    Evidence: the path and the API or domain."""
    if not s.distribution.enabled:
        return None
    est = ctx.estate
    target = est.resolve_origin(s.distribution, s.origin)
    attrs = est.graph.nodes[target]
    if attrs["kind"] == NodeKind.API:
        if attrs.get("ref") is None:
            found = ctx.model.apigateway.api_by_execute_domain(s.origin.domain_name)
            if found is NOT_COLLECTED:
                return Unknown(
                    "origin is an API whose endpoint type was not collected",
                    {"path": through(ctx, s.distribution, s.origin)},
                )
            return None
        if not attrs.get("edge_optimized"):
            return None
        what = {"api": attrs["api_id"], "endpoint_type": "EDGE"}
    elif attrs["kind"] == NodeKind.API_DOMAIN and attrs.get("endpoint_type") == "EDGE":
        what = {"api_domain": attrs["domain_name"], "endpoint_type": "EDGE"}
    else:
        return None
    name = what.get("api") or what.get("api_domain")
    return Fail(
        f"origin {s.origin.id} is edge-optimized API {name}: two CloudFront layers",
        {"path": through(ctx, s.distribution, s.origin), **what},
    )


@check(
    "redundancy.cdn_chain",
    title="CloudFront distribution in front of another distribution",
    severity="medium",
    category="cost",
    applies_to="origin",
    remediation=(
        "Merge the inner distribution's behaviors and origins into the outer one and point "
        "the outer behaviors at the inner origins directly."
    ),
)
def cdn_chain(s: OriginSubject, ctx: CheckContext) -> Fail | Unknown | None:
    """An enabled distribution whose origin is another CloudFront distribution of the snapshot
    (by its ``*.cloudfront.net`` name, an alias, or a Route 53 chain): every miss crosses two
    CloudFront layers, each with its own cache keys, TTLs, WAF and logs. Unknown when the
    origin has the ``*.cloudfront.net`` form but the distributions of some account were not
    collected; a third party's distribution (absent while all were collected) is not ours to
    merge. Evidence: the path, the inner distribution and what else uses it."""
    if not s.distribution.enabled:
        return None
    est = ctx.estate
    target = est.resolve_origin(s.distribution, s.origin)
    attrs = est.graph.nodes[target]
    if attrs["kind"] == NodeKind.EXTERNAL and attrs.get("hint") == "cloudfront":
        if attrs.get("missing") == "not-collected":
            return Unknown(
                f"origin {s.origin.id} is a CloudFront name whose distribution was not collected",
                {"origin_domain": s.origin.domain_name},
            )
        return None
    if attrs["kind"] != NodeKind.DISTRIBUTION or attrs.get("ref") is None:
        return None
    inner: Distribution = attrs["ref"]
    if inner.id == s.distribution.id:
        return None
    return Fail(
        f"origin {s.origin.id} is distribution {inner.id}: two CloudFront layers",
        {
            "path": through(ctx, s.distribution, s.origin),
            "inner_distribution": inner.id,
            "inner_behaviors": len(inner.behaviors),
            "inner_also_used_by": other_users(ctx, [target]),
        },
    )


@check(
    "redundancy.s3_website_origin",
    title="CloudFront origin is an S3 website endpoint",
    severity="medium",
    category="security",
    applies_to="origin",
    remediation=(
        "Use the bucket's REST endpoint with origin access control; serve index documents and "
        "redirects with a CloudFront Function; then block public access on the bucket."
    ),
)
def s3_website_origin(s: OriginSubject, ctx: CheckContext) -> Fail | None:
    """An enabled distribution with an S3 **website** endpoint origin. Website endpoints speak
    HTTP only and need a public bucket, so the bucket is reachable around CloudFront; the REST
    endpoint with OAC keeps it private (index documents and redirects move to a CloudFront
    Function). Evidence: the path, the bucket and what its website configuration does
    (index, redirect-all, routing rules; "not collected" when unknown)."""
    if not s.distribution.enabled or not s.origin.is_s3_website:
        return None
    bucket = s.origin.s3_bucket_name or ""
    return Fail(
        f"origin {s.origin.id} is the S3 website endpoint of {bucket}",
        {
            "path": through(ctx, s.distribution, s.origin),
            "bucket": bucket,
            "website": _website(ctx, bucket),
        },
    )


def _website(ctx: CheckContext, bucket: str) -> dict[str, Any] | str:
    """What the bucket's website configuration does ("not collected" when unknown)."""
    found = ctx.model.s3.bucket(bucket)
    site: Any = NOT_COLLECTED
    if found is not None and found is not NOT_COLLECTED:
        site = found.website
    if site is NOT_COLLECTED:
        return "not collected"
    if site is None:
        return "none (the bucket has no website configuration)"
    redirect = site.redirect_all_requests_to
    return {
        "index_document": site.index_document_suffix,
        "redirect_all_to": redirect.host_name if redirect else None,
        "routing_rules": len(site.routing_rules),
    }


_BLANK_CERT = ViewerCertificate(cloudfront_default_certificate=True)


def _signature(d: Distribution, *, loose: bool = False) -> Distribution:
    """The distribution with what may differ between duplicates blanked."""
    blank = dataclasses.replace(
        d,
        account_id="",
        id="",
        arn="",
        domain_name="",
        status="",
        aliases=(),
        viewer_certificate=_BLANK_CERT,
        comment="",
        tags=NOT_COLLECTED,
        logging=NOT_COLLECTED,
        price_class="",
        last_modified_time=None,
        from_summary=False,
    )
    if loose:
        blank = dataclasses.replace(blank, default_root_object="")
    return blank


def _logging(d: Distribution) -> str:
    log = d.logging
    if log is NOT_COLLECTED:
        return "not collected"
    if not log.enabled:
        return "off"
    return f"{log.bucket}/{log.prefix}" + (" (cookies)" if log.include_cookies else "")


_MERGE_FIELDS: dict[str, Callable[[Distribution], object]] = {
    "logging": _logging,
    "price_class": lambda d: d.price_class,
    "comment": lambda d: d.comment,
    "tags": lambda d: "not collected" if d.tags is NOT_COLLECTED else dict(sorted(d.tags.items())),
}
"""Settings duplicates may differ in (CHECKS.md v2): what merging them has to settle."""


def merge_differences(group: list[Distribution]) -> dict[str, dict[str, object]]:
    """For each setting that differs inside ``group``: distribution id → its value.

    ``logging`` values read ``<bucket>/<prefix>``, ``off`` or ``not collected``; the merge
    keeps one standard-logging destination ("choose one log prefix")."""
    out: dict[str, dict[str, object]] = {}
    for name, read in _MERGE_FIELDS.items():
        values = {x.id: read(x) for x in group}
        if len({repr(v) for v in values.values()}) > 1:
            out[name] = values
    return out


def _eligible(d: Distribution) -> bool:
    return d.enabled and not d.staging and not d.continuous_deployment_policy_id


@dataclasses.dataclass(frozen=True)
class _DuplicateIndex:
    exact: dict[Distribution, list[Distribution]]
    loose: dict[Distribution, list[Distribution]]


def _duplicate_index(ctx: CheckContext) -> _DuplicateIndex:
    """Eligible distributions grouped by signature (one pass: the scan stays linear)."""
    exact: dict[Distribution, list[Distribution]] = {}
    loose: dict[Distribution, list[Distribution]] = {}
    for o in ctx.model.distributions:
        if _eligible(o):
            exact.setdefault(_signature(o), []).append(o)
            loose.setdefault(_signature(o, loose=True), []).append(o)
    return _DuplicateIndex(exact, loose)


@check(
    "redundancy.duplicate_distributions",
    title="Distributions identical but for aliases, certificate, logging and price class",
    severity="low",
    category="cost",
    applies_to="distribution",
    remediation=(
        "Keep one distribution, add the other distributions' aliases to it (with a certificate "
        "covering them all), repoint their DNS records, then delete the others."
    ),
)
def duplicate_distributions(d: Distribution, ctx: CheckContext) -> Fail | Unknown | None:
    """Two or more enabled distributions whose configuration is identical except aliases,
    viewer certificate, comment, tags, standard logging (destination, prefix, on/off) and
    price class: origins, behaviors, cache/origin-request/response-headers policies,
    functions, WAF, geo restrictions, error responses, HTTP version and IPv6 still make them
    different services (CHECKS.md v2). Reported once per group, on the lowest id; the ignored
    settings that do differ are in the evidence under ``merge_differences`` (id → value per
    setting), for the merge's "choose one log prefix" step. A continuous-deployment staging
    distribution and its primary are meant to be alike and are left out. Unknown when the
    configurations match except fields a summary fallback (GetDistribution denied) could not
    show (the default root object)."""
    if not _eligible(d):
        return None
    index = ctx.memo("redundancy.duplicate_distributions", lambda: _duplicate_index(ctx))
    exact = [o for o in index.exact[_signature(d)] if o.id != d.id]
    loose = [
        o
        for o in index.loose[_signature(d, loose=True)]
        if o.id != d.id and o not in exact and (o.from_summary or d.from_summary)
    ]
    group = sorted([d, *exact], key=lambda x: x.id)
    if exact and group[0].id == d.id:
        differences = merge_differences(group)
        also = f" (also differ in {', '.join(differences)})" if differences else ""
        return Fail(
            f"{len(group)} distributions serve the same configuration: "
            + ", ".join(x.id for x in group)
            + also,
            {
                "duplicates": [x.id for x in group],
                "aliases": {x.id: list(x.aliases) for x in group},
                "path": [gn.distribution_id(x.id) for x in group],
                "merge_differences": differences,
            },
        )
    if loose and not exact and min(x.id for x in [d, *loose]) == d.id:
        return Unknown(
            "identical to " + ", ".join(sorted(x.id for x in loose)) + " except fields a "
            "summary fallback could not show (default root object)",
            {"candidates": sorted(x.id for x in loose)},
        )
    return None
