"""S3 collector (global, per account): only the buckets the edge uses.

Runs after ``cloudfront``, ``elbv2`` and ``elb``. The buckets are those named by CloudFront
origins (S3 REST endpoints in every regional form, website endpoints in dash and dot form),
CloudFront standard logging, and ALB/NLB/Classic ELB access logs — of **every** collected account,
because a distribution in account A may use a bucket owned by account B, and the owner cannot be
told from the name. Each account's unit therefore lists its own buckets once (ListBuckets) and:

* reads the details of every used bucket it **owns**;
* probes (HeadBucket) the used buckets that **its own** resources reference but it does not own:
  404 means the bucket does not exist (takeover risk), 403/301 mean it exists and belongs to
  someone else (or cannot be read).

Payload ``data`` (absent key = not collected):

* ``buckets``: one item per bucket, sorted by name:
  ``{"Name", "exists": true|false|null, "owned": true|false|null, "BucketRegion", ...}``.
  ``exists``/``owned`` are edgekit's own (lower-case) facts: ``owned`` comes from ListBuckets
  (null when that was denied), ``exists`` from ListBuckets or HeadBucket (false = NoSuchBucket,
  null = could not be told). ``BucketRegion`` is HeadBucket's output member (or its
  ``x-amz-bucket-region`` header on 403/301), absent when unknown. Owned buckets also carry:
  ``"Policy"`` (GetBucketPolicy.Policy JSON string, null = none), ``"PolicyStatus"``
  (GetBucketPolicyStatus.PolicyStatus, null without a policy), ``"PublicAccessBlockConfiguration"``
  (GetPublicAccessBlock, null = none), ``"OwnershipControls"`` (GetBucketOwnershipControls, null =
  none) and, for buckets used through a website endpoint only, ``"WebsiteConfiguration"``
  (GetBucketWebsite output: IndexDocument, ErrorDocument, RedirectAllRequestsTo, RoutingRules;
  null = no website) and, only where ACLs can be in effect (ownership not
  ``BucketOwnerEnforced``: another setting, none set, or not read), ``"Acl"`` (GetBucketAcl
  output: Owner, Grants). A denied read leaves its key out (and a gap).
* ``account_public_access_block``: s3control GetPublicAccessBlock
  ``PublicAccessBlockConfiguration`` of the account, null when none is set; only read when the
  account owns a used bucket.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from botocore.exceptions import ClientError

from edgekit.collect import refs
from edgekit.collect.base import CollectorSpec, Outcome, UnitContext

ACTIONS = (
    "s3:ListAllMyBuckets",
    "s3:ListBucket",
    "s3:GetBucketPolicy",
    "s3:GetBucketPolicyStatus",
    "s3:GetBucketPublicAccessBlock",
    "s3:GetBucketOwnershipControls",
    "s3:GetBucketWebsite",
    "s3:GetBucketAcl",
    "s3:GetAccountPublicAccessBlock",
)

MISSING = frozenset({"404", "NoSuchBucket"})
EXISTS_ELSEWHERE = frozenset({"403", "AccessDenied", "301", "PermanentRedirect"})
"""HeadBucket codes: S3 answers 403/301 only for a bucket that exists."""

Wanted = tuple[tuple[str, tuple[str, ...], bool], ...]
"""``(bucket, uses, referenced by this account)`` for every bucket the edge uses."""


def select_inputs(prior: Sequence[dict[str, Any]], account_id: str, region: str) -> Any:
    """Every used bucket (all accounts), flagged when this account references it."""
    used = refs.buckets_used(prior)
    if not used:
        return None
    wanted: Wanted = tuple(
        (bucket, tuple(sorted(set().union(*by_account.values()))), account_id in by_account)
        for bucket, by_account in sorted(used.items())
    )
    return wanted


def collect(ctx: UnitContext) -> dict[str, Any]:
    """Collect the used buckets this account owns, and probe the ones it references."""
    s3 = ctx.client("s3")
    wanted: Wanted = ctx.inputs or ()
    listed = ctx.paginate(s3, "list_buckets", "Buckets")
    owned = None if isinstance(listed, Outcome) else {b["Name"]: b for b in listed}
    items: list[dict[str, Any]] = []
    for bucket, uses, mine in wanted:
        if owned is not None and bucket in owned:
            items.append(_owned(ctx, bucket, uses, owned[bucket]))
        elif mine:
            items.append(_probe(ctx, s3, bucket, owned=None if owned is None else False))
    data: dict[str, Any] = {"buckets": items}
    if any(i.get("owned") for i in items):
        control = ctx.client("s3control")
        control.meta.events.register("before-sign.s3-control.*", strip_account_label)
        got = ctx.call(
            control,
            "get_public_access_block",
            not_found=("NoSuchPublicAccessBlockConfiguration",),
            AccountId=ctx.account_id,
        )
        if got is Outcome.NOT_FOUND:
            data["account_public_access_block"] = None
        elif not isinstance(got, Outcome):
            data["account_public_access_block"] = got.get("PublicAccessBlockConfiguration")
    return data


def strip_account_label(request: Any, **_: Any) -> None:
    """botocore handler: undo the ``<account>.`` host label on an IP-address endpoint.

    botocore's s3control endpoint rules prefix every endpoint, a custom one included, with the
    account id; ``123456789012.127.0.0.1`` (the sandbox) cannot resolve, while the endpoint
    serves s3control by path. Real AWS host names are left alone.
    """
    parts = urlsplit(request.url)
    label, _, rest = parts.netloc.partition(".")
    host = urlsplit(f"//{rest}").hostname or ""
    if label.isdigit() and _is_ip(host):
        request.url = urlunsplit(parts._replace(netloc=rest))


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _probe(ctx: UnitContext, s3: Any, bucket: str, *, owned: bool | None) -> dict[str, Any]:
    """Existence (and region) of a bucket this account may not own: one HeadBucket."""
    item: dict[str, Any] = {"Name": bucket, "owned": owned}
    try:
        got = s3.head_bucket(Bucket=bucket)
    except ClientError as err:
        code = str(err.response.get("Error", {}).get("Code", ""))
        if code in MISSING:
            return {**item, "exists": False}
        if code not in EXISTS_ELSEWHERE:
            raise
        item["exists"] = True
        headers = err.response.get("ResponseMetadata", {}).get("HTTPHeaders", {})
        if headers.get("x-amz-bucket-region"):
            item["BucketRegion"] = headers["x-amz-bucket-region"]
        return item
    item["exists"] = True
    if got.get("BucketRegion"):
        item["BucketRegion"] = got["BucketRegion"]
    return item


def _owned(
    ctx: UnitContext, bucket: str, uses: tuple[str, ...], listed: dict[str, Any]
) -> dict[str, Any]:
    """Everything the checks read about a bucket this account owns."""
    item: dict[str, Any] = {"Name": bucket, "exists": True, "owned": True}
    region = listed.get("BucketRegion")
    if not region:
        probe = _probe(ctx, ctx.client("s3"), bucket, owned=True)
        if not probe["exists"]:
            return probe  # deleted since ListBuckets
        region = probe.get("BucketRegion")
    if region:
        item["BucketRegion"] = region
    s3 = ctx.client("s3", region or None)
    reads: list[tuple[str, str, str | None, tuple[str, ...]]] = [
        # (item key, operation, response member (None = whole response), "there is none" codes)
        ("Policy", "get_bucket_policy", "Policy", ("NoSuchBucketPolicy",)),
        (
            "PublicAccessBlockConfiguration",
            "get_public_access_block",
            "PublicAccessBlockConfiguration",
            ("NoSuchPublicAccessBlockConfiguration",),
        ),
        (
            "OwnershipControls",
            "get_bucket_ownership_controls",
            "OwnershipControls",
            ("OwnershipControlsNotFoundError",),
        ),
    ]
    if "website" in uses:
        reads.append(
            ("WebsiteConfiguration", "get_bucket_website", None, ("NoSuchWebsiteConfiguration",))
        )
    for key, operation, member, none_codes in reads:
        got = ctx.call(s3, operation, not_found=none_codes, Bucket=bucket)
        if got is Outcome.NOT_FOUND:
            item[key] = None
        elif not isinstance(got, Outcome):
            item[key] = got if member is None else got.get(member)
    if "Policy" in item and item["Policy"] is None:
        item["PolicyStatus"] = None  # S3 would answer NoSuchBucketPolicy: spare the call
    else:
        got = ctx.call(
            s3, "get_bucket_policy_status", not_found=("NoSuchBucketPolicy",), Bucket=bucket
        )
        if got is Outcome.NOT_FOUND:
            item["PolicyStatus"] = None
        elif not isinstance(got, Outcome):
            item["PolicyStatus"] = got.get("PolicyStatus")
    if _acls_may_apply(item):
        got = ctx.call(s3, "get_bucket_acl", Bucket=bucket)
        if not isinstance(got, Outcome):
            item["Acl"] = got
    return item


def _acls_may_apply(item: dict[str, Any]) -> bool:
    """Whether the bucket ACL can grant access: ownership is not known to be BucketOwnerEnforced.

    With ``BucketOwnerEnforced`` S3 ignores every ACL, so reading it would cost a call for
    nothing; with any other setting, none set (ACLs enabled) or a denied read, it can matter.
    """
    if "OwnershipControls" not in item or item["OwnershipControls"] is None:
        return True
    rules = item["OwnershipControls"].get("Rules") or []
    return not any(r.get("ObjectOwnership") == "BucketOwnerEnforced" for r in rules)


SPEC = CollectorSpec(
    id="s3",
    service="s3",
    scope="global",
    actions=ACTIONS,
    collect=collect,
    description="S3 buckets used as CloudFront origins or log destinations: policies, ACLs",
    depends_on=("cloudfront", "elbv2", "elb", "route53"),
    select_inputs=select_inputs,
)
