"""CloudFront: what each behavior (default and ordered) allows and whether it is reachable."""

from __future__ import annotations

from typing import Final

from edgekit.model import Distribution
from edgekit.rules.analysis.cloudfront_resolve import is_s3, label, targets
from edgekit.rules.analysis.path_patterns import PatternTooComplexError, covers, overlaps
from edgekit.rules.context import CheckContext
from edgekit.rules.finding import Fail
from edgekit.rules.registry import check

WRITE_METHODS: Final = frozenset({"PUT", "POST", "PATCH", "DELETE"})
VIEWER_EVENTS: Final = frozenset({"viewer-request", "viewer-response"})


def _shadowing(earlier: list[str], pattern: str) -> list[str] | None:
    """The earlier patterns that make ``pattern`` unreachable, or None if it is reachable.

    One earlier pattern covering it on its own is named alone (the first such); otherwise,
    when only several together cover it, every earlier pattern overlapping it is named.
    """
    if not earlier or not covers(earlier, pattern):
        return None
    single = next((p for p in earlier if covers(p, pattern)), None)
    if single is not None:
        return [single]
    return [p for p in earlier if overlaps(p, pattern)]


@check(
    "cloudfront.behavior_unreachable",
    title="An ordered behavior can never match",
    severity="medium",
    category="hygiene",
    applies_to="distribution",
    remediation="Move the more specific behavior before the one that covers it, or delete it.",
)
def behavior_unreachable(dist: Distribution, ctx: CheckContext) -> Fail | None:
    """An ordered behavior's path pattern can never be the first match because earlier
    patterns already match every path it matches (e.g. ``/api*`` before ``/api/v2/*``, ``*``
    first, ``/a/*.jpg`` before ``/a/x.jpg``, or ``images/*`` before ``/images/*``).

    Decided with CloudFront's real semantics (:mod:`edgekit.rules.analysis.path_patterns`): ``*``
    matches any
    sequence including ``/``, ``?`` exactly one character, case-sensitive, leading ``/``
    optional, first match wins — and an exact language-inclusion test, including the rare case
    where only several earlier patterns together cover a later one. Evidence lists, in
    evaluation order, each unreachable pattern, its position (1 = first ordered behavior) and
    the earlier pattern(s) shadowing it."""
    found: list[tuple[int, str, list[str]]] = []
    patterns = [b.path_pattern for b in dist.cache_behaviors]
    for i, pattern in enumerate(patterns):
        try:
            shadow = _shadowing(patterns[:i], pattern)
        except PatternTooComplexError:
            continue  # undecidable within budget: never claim unreachability on a guess
        if shadow is not None:
            found.append((i + 1, pattern, shadow))
    if not found:
        return None
    names = ", ".join(f"{p} (by {', '.join(by)})" for _, p, by in found)
    return Fail(
        f"unreachable behavior(s): {names}",
        {
            "unreachable": [
                {"path_pattern": p, "position": i, "shadowed_by": by} for i, p, by in found
            ]
        },
    )


@check(
    "cloudfront.s3_write_methods",
    title="A behavior to an S3 origin allows write methods",
    severity="high",
    category="security",
    applies_to="distribution",
    remediation="Allow only GET, HEAD (and OPTIONS) on behaviors that reach S3.",
)
def s3_write_methods(dist: Distribution, ctx: CheckContext) -> Fail | None:
    """A behavior (default or ordered) that reaches an S3 REST origin — directly or through an
    origin group — allows PUT, POST, PATCH or DELETE. With OAC, CloudFront signs those requests
    with its own identity, so whatever the bucket policy grants the distribution (often more
    than reads) becomes writable by anyone. Evidence: the path patterns and their write
    methods."""
    bad: dict[str, list[str]] = {}
    for b in dist.behaviors:
        writes = sorted(WRITE_METHODS.intersection(m.upper() for m in b.allowed_methods))
        if writes and any(o.is_s3_rest for o in targets(dist, b)):
            bad[label(b)] = writes
    if not bad:
        return None
    return Fail(f"write methods to S3 on: {', '.join(bad)}", {"behaviors": bad})


@check(
    "cloudfront.no_field_level_encryption",
    title="POST to a custom origin without field-level encryption",
    severity="info",
    category="security",
    applies_to="distribution",
    remediation="Consider a field-level encryption configuration for sensitive form fields.",
    references=("P",),
)
def no_field_level_encryption(dist: Distribution, ctx: CheckContext) -> Fail | None:
    """A behavior (default or ordered) that reaches a non-S3 origin accepts POST and has no
    FieldLevelEncryptionId: sensitive form fields reach the origin (and every system behind it)
    in clear. Evidence: the path patterns."""
    bad = [
        label(b)
        for b in dist.behaviors
        if "POST" in (m.upper() for m in b.allowed_methods)
        and not b.field_level_encryption_id
        and any(not is_s3(o) for o in targets(dist, b))
    ]
    if not bad:
        return None
    return Fail(f"POST without field-level encryption on: {', '.join(bad)}", {"path_patterns": bad})


@check(
    "cloudfront.legacy_trusted_signers",
    title="Signed URLs verified with trusted signers instead of key groups",
    severity="medium",
    category="security",
    applies_to="distribution",
    remediation="Replace TrustedSigners with TrustedKeyGroups (public keys managed in "
    "CloudFront, no root-account key pairs).",
    references=("Config rule",),
)
def legacy_trusted_signers(dist: Distribution, ctx: CheckContext) -> Fail | None:
    """A behavior (default or ordered) restricts viewers with TrustedSigners — CloudFront key
    pairs that only the AWS account root user can create and rotate — instead of
    TrustedKeyGroups. Evidence: the path patterns."""
    bad = [label(b) for b in dist.behaviors if b.uses_trusted_signers]
    if not bad:
        return None
    return Fail(f"trusted signers on: {', '.join(bad)}", {"path_patterns": bad})


@check(
    "cloudfront.lambda_edge_viewer",
    title="Lambda@Edge on a viewer event",
    severity="info",
    category="cost",
    applies_to="distribution",
    remediation="Move header and URL manipulation to CloudFront Functions; keep Lambda@Edge for "
    "origin events or work that needs its runtime.",
)
def lambda_edge_viewer(dist: Distribution, ctx: CheckContext) -> Fail | None:
    """A behavior (default or ordered) runs Lambda@Edge on viewer-request or viewer-response.
    It runs on every request, cache hits included; CloudFront Functions do header and URL work
    at a fraction of the price and latency. Evidence: per path pattern, the event types and
    function ARNs."""
    bad: dict[str, list[str]] = {}
    for b in dist.behaviors:
        events = sorted(
            f"{a.event_type}: {a.lambda_function_arn}"
            for a in b.lambda_function_associations
            if a.event_type in VIEWER_EVENTS
        )
        if events:
            bad[label(b)] = events
    if not bad:
        return None
    return Fail(f"Lambda@Edge on viewer events: {', '.join(bad)}", {"behaviors": bad})
