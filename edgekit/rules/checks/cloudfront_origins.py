"""CloudFront: origins — transport to the origin, S3 access control, failover, unused origins."""

from __future__ import annotations

from typing import Final

from edgekit.model import NOT_COLLECTED, Distribution, Origin
from edgekit.rules.analysis.cloudfront_resolve import label, targets
from edgekit.rules.context import CheckContext
from edgekit.rules.finding import Fail, Unknown
from edgekit.rules.registry import check

OUTDATED_ORIGIN_PROTOCOLS: Final = ("SSLv3", "TLSv1", "TLSv1.1")


def _custom(origin: Origin) -> bool:
    """A custom origin other than an S3 static-website endpoint (which only speaks HTTP)."""
    return origin.custom_origin_config is not None and not origin.is_s3_website


@check(
    "cloudfront.origin_http_only",
    title="Traffic to a custom origin can travel over plain HTTP",
    severity="high",
    category="tls",
    applies_to="distribution",
    remediation="Set OriginProtocolPolicy to https-only (or match-viewer with HTTPS-only "
    "behaviors).",
    references=("SH CloudFront.9", "P", "SS", "CK2_72"),
)
def origin_http_only(dist: Distribution, ctx: CheckContext) -> Fail | None:
    """A custom origin — load balancers included, S3 static-website endpoints (HTTP only by
    nature, in any regional form ``b.s3-website-<region>`` / ``b.s3-website.<region>``)
    excluded — has OriginProtocolPolicy ``http-only``, or ``match-viewer`` while a behavior
    routed to it (directly or through an origin group) allows viewers on HTTP
    (``allow-all``). Evidence per origin: its policy, and for match-viewer the path patterns
    whose HTTP requests reach it in clear."""
    bad: dict[str, dict[str, object]] = {}
    for origin in sorted(dist.origins, key=lambda o: o.id):
        cfg = origin.custom_origin_config
        if cfg is None or not _custom(origin):
            continue
        if cfg.origin_protocol_policy == "http-only":
            bad[origin.id] = {"domain_name": origin.domain_name, "policy": "http-only"}
        elif cfg.origin_protocol_policy == "match-viewer":
            http = [
                label(b)
                for b in dist.behaviors_to(origin.id)
                if b.viewer_protocol_policy == "allow-all"
            ]
            if http:
                bad[origin.id] = {
                    "domain_name": origin.domain_name,
                    "policy": "match-viewer",
                    "http_path_patterns": http,
                }
    if not bad:
        return None
    return Fail(f"origin(s) reached over HTTP: {', '.join(bad)}", {"origins": bad})


@check(
    "cloudfront.origin_tls_outdated",
    title="Origin TLS protocols include SSLv3, TLS 1.0 or 1.1",
    severity="medium",
    category="tls",
    applies_to="distribution",
    remediation="Set OriginSslProtocols to TLSv1.2 only.",
    references=("SH CloudFront.10", "P"),
)
def origin_tls_outdated(dist: Distribution, ctx: CheckContext) -> Fail | None:
    """A custom origin's OriginSslProtocols contains SSLv3, TLSv1 or TLSv1.1, so CloudFront
    may negotiate them with the origin. The list is judged whatever the OriginProtocolPolicy
    (an ``http-only`` origin switched to HTTPS later inherits it); evidence names the outdated
    protocols per origin."""
    bad: dict[str, list[str]] = {}
    for origin in sorted(dist.origins, key=lambda o: o.id):
        cfg = origin.custom_origin_config
        if cfg is None:
            continue
        old = sorted(p for p in cfg.origin_ssl_protocols if p in OUTDATED_ORIGIN_PROTOCOLS)
        if old:
            bad[origin.id] = old
    if not bad:
        return None
    return Fail(f"origin(s) accept outdated TLS: {', '.join(bad)}", {"origin_ssl_protocols": bad})


@check(
    "cloudfront.s3_origin_unrestricted",
    title="S3 origin without origin access control or identity",
    severity="high",
    category="security",
    applies_to="distribution",
    remediation="Attach an origin access control (OAC) and allow only this distribution in the "
    "bucket policy.",
    references=("SH CloudFront.13", "P"),
)
def s3_origin_unrestricted(dist: Distribution, ctx: CheckContext) -> Fail | None:
    """An S3 REST origin (S3OriginConfig, or a custom origin on an S3 REST domain:
    ``b.s3.amazonaws.com``, ``b.s3.<region>.amazonaws.com``, ``b.s3-<region>.amazonaws.com``,
    dualstack, ``.amazonaws.com.cn``) with neither an origin access control
    (OriginAccessControlId) nor an origin access identity (S3OriginConfig.OriginAccessIdentity
    non-empty): CloudFront sends unsigned requests, so the bucket must be readable by anyone."""
    bad = {
        o.id: o.domain_name
        for o in sorted(dist.origins, key=lambda o: o.id)
        if o.is_s3_rest and not o.origin_access_control_id and not o.origin_access_identity_id
    }
    if not bad:
        return None
    return Fail(f"S3 origin(s) without OAC or OAI: {', '.join(bad)}", {"origins": bad})


@check(
    "cloudfront.s3_origin_legacy_oai",
    title="S3 origin uses a legacy origin access identity",
    severity="low",
    category="security",
    applies_to="distribution",
    remediation="Migrate from the origin access identity to an origin access control (OAC).",
    references=("SH CloudFront.13", "P"),
)
def s3_origin_legacy_oai(dist: Distribution, ctx: CheckContext) -> Fail | None:
    """An S3 origin authenticates with an origin access identity (OAI) instead of an origin
    access control: OAIs do not support SSE-KMS, PUT/POST with SigV4, or the newer regions."""
    bad = {
        o.id: o.origin_access_identity_id
        for o in sorted(dist.origins, key=lambda o: o.id)
        if o.origin_access_identity_id and not o.origin_access_control_id
    }
    if not bad:
        return None
    return Fail(f"S3 origin(s) use an OAI: {', '.join(bad)}", {"origins": bad})


@check(
    "cloudfront.s3_origin_missing_bucket",
    title="S3 origin bucket does not exist (takeover risk)",
    severity="critical",
    category="security",
    applies_to="distribution",
    remediation="Create the bucket in your account now (or remove the origin), then lock it "
    "to the distribution with OAC.",
    references=("SH CloudFront.12", "P"),
)
def s3_origin_missing_bucket(dist: Distribution, ctx: CheckContext) -> Fail | Unknown | None:
    """An S3 origin — REST or website endpoint, the bucket named by its domain — points at a
    bucket that does not exist: anyone can create a bucket with that name and serve content
    (or collect requests) under this distribution's domain. Existence comes from the s3
    collector (docs/snapshot.md): some account's record ``exists: false`` (NoSuchBucket) fails;
    ``exists: true`` passes; no record, or only ``exists: null``, is unknown. The distribution
    fails when any origin's bucket is missing, else is unknown when any is undetermined. S3
    access point aliases (``-s3alias``, ``--ol-s3``), directory buckets and Multi-Region Access
    Points name no general-purpose bucket (and cannot be claimed by others): not judged."""
    missing: dict[str, str] = {}
    undetermined: dict[str, str] = {}
    for origin in sorted(dist.origins, key=lambda o: o.id):
        name = origin.s3_bucket_name
        if name is None:
            continue
        found = ctx.model.s3.bucket(name)
        if found is NOT_COLLECTED:
            undetermined[origin.id] = name
        elif found is None:
            missing[origin.id] = name
    if missing:
        names = ", ".join(sorted(set(missing.values())))
        return Fail(
            f"S3 origin bucket(s) do not exist: {names}",
            {"missing": missing, "undetermined": undetermined},
        )
    if undetermined:
        names = ", ".join(sorted(set(undetermined.values())))
        return Unknown(
            f"existence of bucket(s) not collected: {names}",
            {"undetermined": undetermined},
        )
    return None


@check(
    "cloudfront.no_default_root_object",
    title="Default behavior serves an S3 origin without a default root object",
    severity="low",
    category="security",
    applies_to="distribution",
    remediation="Set DefaultRootObject (for example index.html).",
    references=("SH CloudFront.1", "P", "CK_305"),
)
def no_default_root_object(dist: Distribution, ctx: CheckContext) -> Fail | Unknown | None:
    """The default behavior targets an S3 REST origin (directly or through an origin group with
    an S3 member) and DefaultRootObject is empty: a request for ``/`` goes to the bucket root,
    which may list objects. Website endpoints serve their own index document and are exempt.
    Unknown when GetDistribution was denied (the summary has no DefaultRootObject)."""
    s3 = [o.id for o in targets(dist, dist.default_cache_behavior) if o.is_s3_rest]
    if not s3:
        return None
    if dist.default_root_object is NOT_COLLECTED:
        return Unknown("DefaultRootObject was not collected", {"origins": sorted(s3)})
    if dist.default_root_object:
        return None
    return Fail(
        "default behavior targets S3 and DefaultRootObject is empty", {"origins": sorted(s3)}
    )


@check(
    "cloudfront.no_origin_failover",
    title="No origin group with a failover origin",
    severity="low",
    category="resilience",
    applies_to="distribution",
    remediation="Create an origin group with a primary and a secondary origin and route "
    "behaviors to it.",
    references=("SH CloudFront.4", "P"),
)
def no_origin_failover(dist: Distribution, ctx: CheckContext) -> Fail | None:
    """No origin group has two or more distinct members, so an origin outage is not failed
    over. A distribution without any origin group fires (Prowler passes an empty list by
    mistake), as does one whose groups have a single member."""
    sizes = {g.id: len(set(g.member_origin_ids)) for g in dist.origin_groups}
    if any(n >= 2 for n in sizes.values()):
        return None
    return Fail(
        "no origin group with two or more origins",
        {"origin_groups": dict(sorted(sizes.items()))},
    )


@check(
    "cloudfront.unused_origin",
    title="Origin referenced by no behavior and no origin group",
    severity="low",
    category="hygiene",
    applies_to="distribution",
    remediation="Remove the origin (and what only it served).",
)
def unused_origin(dist: Distribution, ctx: CheckContext) -> Fail | None:
    """An origin is neither the target of a behavior (default or ordered) nor a member of an
    origin group: dead configuration that hides what really serves traffic and may keep a
    backend (and its exposure) alive for nothing."""
    used = {b.target_origin_id for b in dist.behaviors}
    used.update(m for g in dist.origin_groups for m in g.member_origin_ids)
    unused = sorted(o.id for o in dist.origins if o.id not in used)
    if not unused:
        return None
    return Fail(f"unused origin(s): {', '.join(unused)}", {"origins": unused})
