"""origin.* for S3 origins: website endpoints, unscoped CloudFront grants, public buckets and
buckets one edit away from public."""

from __future__ import annotations

from edgekit.model import NOT_COLLECTED, Bucket, Collected, WebsiteConfiguration
from edgekit.rules.analysis.resource_policies import unscoped_cloudfront_statements
from edgekit.rules.analysis.s3_public_access import assess, hardening
from edgekit.rules.context import CheckContext, OriginSubject
from edgekit.rules.finding import Fail, Unknown
from edgekit.rules.registry import check


def _bucket(s: OriginSubject, ctx: CheckContext) -> tuple[str, Collected[Bucket | None]] | None:
    """(name, merged bucket view) of an S3 REST or website origin, None for other origins."""
    name = s.origin.s3_bucket_name
    if name is None or not (s.origin.is_s3_rest or s.origin.is_s3_website):
        return None
    return name, ctx.model.s3.bucket(name)


def _existing_bucket(s: OriginSubject, ctx: CheckContext) -> tuple[str, Bucket] | Unknown | None:
    """(name, bucket) of an S3 origin whose bucket exists; Unknown when existence was not
    collected; None for other origins and missing buckets (``s3_origin_missing_bucket``'s)."""
    got = _bucket(s, ctx)
    if got is None:
        return None
    name, found = got
    if found is NOT_COLLECTED:
        return unknown_bucket(name, None, "existence")
    return None if found is None else (name, found)


def unknown_bucket(name: str, found: Bucket | None, what: str) -> Unknown:
    """The bucket's existence or details were not collected."""
    if found is None:
        return Unknown(f"bucket {name}: existence not collected", {"bucket": name})
    owner = "no collected account owns it" if found.owner is None else "read denied"
    return Unknown(f"bucket {name}: {what} not collected ({owner})", {"bucket": name})


@check(
    "origin.s3_website_public",
    title="S3 website endpoint used as origin (bucket must be public)",
    severity="high",
    category="security",
    applies_to="origin",
    remediation=(
        "Use the bucket's REST endpoint with origin access control and a bucket policy scoped "
        "to the distribution; do index documents with a CloudFront Function, redirects with "
        "CloudFront or the website bucket kept empty."
    ),
)
def s3_website_public(s: OriginSubject, ctx: CheckContext) -> Fail | None:
    """An origin whose domain is an S3 static-website endpoint (``<bucket>.s3-website-<region>``
    or ``.s3-website.<region>``, served as a custom origin). Website endpoints support neither
    OAC nor OAI and serve only objects anyone may read, so the bucket's content is reachable
    directly, bypassing CloudFront. A website configured only to redirect every request
    (``RedirectAllRequestsTo``, when collected) serves no object and passes."""
    if not s.origin.is_s3_website or s.origin.s3_bucket_name is None:
        return None
    name = s.origin.s3_bucket_name
    found = ctx.model.s3.bucket(name)
    site = found.website if isinstance(found, Bucket) else None
    if isinstance(site, WebsiteConfiguration) and site.redirect_all_requests_to is not None:
        return None
    return Fail(
        f"origin {s.origin.id} is the S3 website endpoint of bucket {name}: its objects must "
        "be public and can be fetched without CloudFront",
        {"origin": s.origin.id, "domain": s.origin.domain_name, "bucket": name},
    )


@check(
    "origin.s3_policy_unscoped",
    title="Bucket policy grants CloudFront without naming the distribution",
    severity="high",
    category="security",
    applies_to="origin",
    remediation=(
        'Add "Condition": {"StringEquals": {"AWS:SourceArn": "<distribution ARN>"}} to every '
        "statement that allows cloudfront.amazonaws.com (one ARN per distribution that "
        "should read the bucket)."
    ),
)
def s3_policy_unscoped(s: OriginSubject, ctx: CheckContext) -> Fail | Unknown | None:
    """An S3 REST origin whose bucket policy allows the ``cloudfront.amazonaws.com`` service
    principal in a statement not scoped by an ``AWS:SourceArn`` condition naming specific
    distributions (``StringEquals``/``StringLike``/``ArnEquals``/``ArnLike`` on the exact
    distribution ARN): with OAC, *any* distribution of *any* AWS account could then read the
    bucket. A wildcard (``distribution/*``), ``AWS:SourceAccount`` alone, or a negated
    operator does not scope it; a Deny refusing every other distribution ARN does
    (:mod:`edgekit.rules.analysis.resource_policies`). Statements scoped to other named
    distributions are not
    this distribution's concern. Unknown when the bucket's existence or policy was not
    collected (e.g. a bucket of an account outside the snapshot); a missing bucket is
    ``cloudfront.s3_origin_missing_bucket``'s finding."""
    got = _bucket(s, ctx)
    if got is None or not s.origin.is_s3_rest:
        return None
    name, found = got
    if found is NOT_COLLECTED:
        return unknown_bucket(name, None, "existence")
    if found is None:
        return None
    policy = found.policy
    if policy is NOT_COLLECTED:
        return unknown_bucket(name, found, "policy")
    if policy is None:
        return None
    unscoped = unscoped_cloudfront_statements(policy)
    if not unscoped:
        return None
    return Fail(
        f"bucket {name} policy allows cloudfront.amazonaws.com without an AWS:SourceArn "
        f"naming the distribution (statements {', '.join(unscoped)}): any distribution can "
        "read it",
        {"bucket": name, "statements": unscoped, "distribution": s.distribution.arn},
    )


@check(
    "origin.s3_bucket_public",
    title="Origin bucket is public",
    severity="high",
    category="security",
    applies_to="origin",
    remediation=(
        "Remove the public policy statements or ACL grants, turn on all four S3 Block Public "
        "Access settings (account-wide where possible), set object ownership to "
        "BucketOwnerEnforced, and grant reads only to CloudFront (OAC, AWS:SourceArn condition)."
    ),
)
def s3_bucket_public(s: OriginSubject, ctx: CheckContext) -> Fail | Unknown | None:
    """An origin's bucket (REST or website endpoint) whose objects anyone can read **now**
    (:func:`edgekit.rules.analysis.s3_public_access.assess`), with each S3 Block Public Access
    setting taken as
    the bucket's **or** the owner account's:

    * a public bucket policy is in effect — PolicyStatus ``IsPublic`` when collected, else an
      Allow for Principal ``*``/``{"AWS": "*"}`` without a restricting condition (source /
      principal account, ARN, VPC, VPC endpoint, org, non-``/0`` IP) — and
      ``RestrictPublicBuckets`` is off; or
    * a public ACL grant is in effect — the bucket ACL grants AllUsers or AuthenticatedUsers
      while ACLs are enabled (ownership not ``BucketOwnerEnforced``) and ``IgnorePublicAcls``
      is off.

    A bucket that is only *not protected* (Block Public Access off, nothing public) is
    ``origin.s3_public_access_block_off``'s finding, never "public". Unknown when an input
    that could make it public was not collected (a bucket owned outside the snapshot, a denied
    read of its PAB, the account PAB, ownership or policy, or the bucket ACL while ACLs are
    enabled and IgnorePublicAcls is off); the message then names the missing inputs only."""
    got = _existing_bucket(s, ctx)
    if not isinstance(got, tuple):
        return got
    name, found = got
    result = assess(found)
    evidence = {"origin": s.origin.id, **result.evidence}
    if result.public is None:
        return Unknown(
            f"bucket {name}: whether anyone can read its objects is not known "
            f"({'; '.join(result.reasons)})",
            evidence,
        )
    if result.public:
        return Fail(f"bucket {name} is public: {'; '.join(result.reasons)}", evidence)
    return None


@check(
    "origin.s3_public_access_block_off",
    title="Origin bucket not protected by Block Public Access",
    severity="low",
    category="security",
    applies_to="origin",
    remediation=(
        "Turn on all four S3 Block Public Access settings (account-wide where possible) and "
        "set object ownership to BucketOwnerEnforced (ACLs disabled)."
    ),
    references=("P", "SH S3.8"),
)
def s3_public_access_block_off(s: OriginSubject, ctx: CheckContext) -> Fail | Unknown | None:
    """An origin's bucket that nothing public exposes now but that is one edit away from it:
    one of the four Block Public Access settings is off at both bucket and account level, or
    ACLs are enabled (object ownership not ``BucketOwnerEnforced``)
    (:func:`edgekit.rules.analysis.s3_public_access.hardening`). A hardening finding: a bucket that
    *is*
    public is ``origin.s3_bucket_public``'s (not reported twice). When whether it is public
    now is unknown, the finding still names the settings that are off, without claiming that
    nothing is public. Unknown when the bucket, its or its account's public access block, or
    its ownership was not collected and no setting is known to be off."""
    got = _existing_bucket(s, ctx)
    if not isinstance(got, tuple):
        return got
    name, found = got
    exposed = assess(found).public
    if exposed is True:
        return None
    result = hardening(found)
    evidence = {"origin": s.origin.id, **result.evidence, "off": list(result.reasons)}
    if result.public is None:
        return Unknown(
            f"bucket {name}: Block Public Access not known ({'; '.join(result.reasons)})",
            evidence,
        )
    if not result.public:
        return None
    now = "; nothing is public now" if exposed is False else ""
    return Fail(
        f"bucket {name} is not protected from becoming public: {', '.join(result.reasons)}{now}",
        evidence,
    )
