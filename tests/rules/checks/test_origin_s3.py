"""origin.s3_website_public, origin.s3_policy_unscoped, origin.s3_bucket_public."""

from __future__ import annotations

from typing import Any

from edgekit.snapshot import Snapshot
from tests.model import factories as f
from tests.model.factories import OMIT
from tests.rules.checks import origin_snapshots as o
from tests.rules.checks.helpers import fails, run_check, unknowns

WEBSITE = "origin.s3_website_public"
UNSCOPED = "origin.s3_policy_unscoped"
PUBLIC = "origin.s3_bucket_public"
BUCKET = "assets-bucket"
ALL_ON = f.public_access_block()


def s3(*records: dict[str, Any], account_block: Any = ALL_ON) -> dict[str, Any]:
    """An s3 payload; ``account_block`` OMIT = not read, None = none set."""
    data: dict[str, Any] = {"buckets": list(records)}
    if account_block is not OMIT:
        data["account_public_access_block"] = account_block
    return f.payload("s3", data)


def private(**overrides: Any) -> dict[str, Any]:
    """The owner's record of BUCKET: OAC policy scoped to E1CDN, PAB on, ACLs disabled."""
    kwargs: dict[str, Any] = {
        "policy": f.policy_json(f.oac_statement(BUCKET, o.DIST_ARN)),
        "pab": ALL_ON,
        "ownership": f.ownership(),
    }
    kwargs.update(overrides)
    return f.bucket_record(BUCKET, **kwargs)


def estate(
    *records: dict[str, Any], origin: dict[str, Any] | None = None, **s3_kw: Any
) -> Snapshot:
    """Distribution E1CDN with an S3 REST origin on BUCKET (OAC), and the s3 payload."""
    dist = o.distribution(origin or f.s3_origin(bucket=BUCKET))
    return o.snap(o.cloudfront(dist), s3(*records, **s3_kw))


def website_origin(bucket: str = BUCKET) -> dict[str, Any]:
    """A custom origin on the bucket's website endpoint."""
    return f.custom_origin(
        "site", f"{bucket}.s3-website-us-east-1.amazonaws.com", policy="http-only"
    )


# -- origin.s3_website_public -----------------------------------------------------------------
def test_s3_website_public_fires_for_website_endpoint_origin() -> None:
    snap = estate(private(site=f.website()), origin=website_origin())
    [finding] = fails(WEBSITE, snap)
    assert finding.evidence == {
        "origin": "site",
        "domain": f"{BUCKET}.s3-website-us-east-1.amazonaws.com",
        "bucket": BUCKET,
    }
    assert finding.resource.id == "origin:E1CDN:site"


def test_s3_website_public_fires_for_dot_form_without_bucket_data() -> None:
    origin = f.custom_origin("site", f"{BUCKET}.s3-website.eu-central-1.amazonaws.com")
    assert len(fails(WEBSITE, o.snap(o.cloudfront(o.distribution(origin))))) == 1


def test_s3_website_public_passes_for_rest_origin_and_redirect_only_website() -> None:
    assert run_check(WEBSITE, estate(private())) == []
    redirect = private(site=f.website(redirect="www.example.com"))
    assert run_check(WEBSITE, estate(redirect, origin=website_origin())) == []


# -- origin.s3_policy_unscoped ----------------------------------------------------------------
def _policy(*statements: dict[str, Any]) -> dict[str, Any]:
    return private(policy=f.policy_json(*statements))


def _cf(cond: dict[str, Any] | None, sid: str = "cf") -> dict[str, Any]:
    return f.statement(
        principal={"Service": "cloudfront.amazonaws.com"},
        resources=f"arn:aws:s3:::{BUCKET}/*",
        conditions=cond,
        sid=sid,
    )


def test_s3_policy_unscoped_fires_without_source_arn() -> None:
    [finding] = fails(UNSCOPED, estate(_policy(_cf(None))))
    assert finding.evidence == {"bucket": BUCKET, "statements": ["cf"], "distribution": o.DIST_ARN}


def test_s3_policy_unscoped_fires_for_wildcards_account_only_and_negations() -> None:
    account = "arn:aws:cloudfront::111111111111:distribution/*"
    for cond in (
        {"ArnLike": {"AWS:SourceArn": account}},
        {"StringLike": {"aws:sourcearn": "arn:aws:cloudfront::111111111111:distribution/E1*"}},
        {"StringEquals": {"AWS:SourceAccount": "111111111111"}},
        {"StringNotEquals": {"AWS:SourceArn": "arn:aws:cloudfront::111111111111:distribution/EX"}},
        {"ForAllValues:StringEquals": {"AWS:SourceArn": o.DIST_ARN}},
    ):
        assert len(fails(UNSCOPED, estate(_policy(_cf(cond))))) == 1, cond


def test_s3_policy_unscoped_fires_when_one_of_two_statements_is_unscoped() -> None:
    scoped = _cf({"StringEquals": {"AWS:SourceArn": o.DIST_ARN}}, sid="scoped")
    [finding] = fails(UNSCOPED, estate(_policy(scoped, _cf(None, sid="loose"))))
    assert finding.evidence["statements"] == ["loose"]


def test_s3_policy_unscoped_passes_when_scoped_to_distributions() -> None:
    other = "arn:aws:cloudfront::222222222222:distribution/E9OTHER"
    for cond in (
        {"StringEquals": {"AWS:SourceArn": o.DIST_ARN}},
        {"ArnLike": {"AWS:SourceArn": [o.DIST_ARN, other]}},
        {"ArnEqualsIfExists": {"aws:SourceArn": o.DIST_ARN}},
        {"StringEquals": {"AWS:SourceArn": other}},  # another distribution's grant: not ours
    ):
        assert run_check(UNSCOPED, estate(_policy(_cf(cond)))) == [], cond


def test_s3_policy_unscoped_passes_when_a_deny_scopes_the_grant() -> None:
    deny = f.statement(
        effect="Deny",
        principal={"Service": "cloudfront.amazonaws.com"},
        actions="s3:*",
        resources=f"arn:aws:s3:::{BUCKET}/*",
        conditions={"StringNotEquals": {"AWS:SourceArn": o.DIST_ARN}},
    )
    assert run_check(UNSCOPED, estate(_policy(_cf(None), deny))) == []


def test_s3_policy_unscoped_passes_without_policy_or_for_oai_principal() -> None:
    assert run_check(UNSCOPED, estate(private(policy=None))) == []
    oai = f.statement(
        principal={"AWS": "arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E3"}
    )
    assert run_check(UNSCOPED, estate(_policy(oai))) == []


def test_s3_policy_unscoped_passes_for_missing_bucket() -> None:
    gone = f.bucket_record(BUCKET, exists=False, owned=False, region=None)
    assert run_check(UNSCOPED, estate(gone)) == []


def test_s3_policy_unscoped_unknown_when_policy_or_bucket_not_collected() -> None:
    [finding] = unknowns(UNSCOPED, estate(private(policy=OMIT)))
    assert "policy not collected" in finding.message
    probe = f.bucket_record(BUCKET, exists=True, owned=False)
    [finding] = unknowns(UNSCOPED, estate(probe))
    assert "no collected account owns it" in finding.message
    [finding] = unknowns(UNSCOPED, o.snap(o.cloudfront(o.distribution(f.s3_origin(bucket=BUCKET)))))
    assert "existence not collected" in finding.message


# -- origin.s3_bucket_public ------------------------------------------------------------------
ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"


def with_acl(record: dict[str, Any], *grants: tuple[str, str]) -> dict[str, Any]:
    record["Acl"] = f.bucket_acl(*grants)
    return record


def test_s3_bucket_public_fires_for_public_policy_without_restrict() -> None:
    public = f.statement(resources=f"arn:aws:s3:::{BUCKET}/*", sid="anyone")
    record = private(
        policy=f.policy_json(public),
        status={"IsPublic": True},
        pab=f.public_access_block(RestrictPublicBuckets=False),
    )
    [finding] = fails(PUBLIC, estate(record, account_block=None))
    assert finding.evidence["public_statements"] == ["anyone"]
    assert finding.evidence["policy_is_public"] is True
    assert finding.message == (
        f"bucket {BUCKET} is public: its bucket policy allows anyone (statements anyone) and "
        "RestrictPublicBuckets is off"
    )


def test_s3_bucket_public_fires_for_a_public_acl_grant_in_effect() -> None:
    open_acls = f.public_access_block(BlockPublicAcls=False, IgnorePublicAcls=False)
    record = with_acl(private(pab=open_acls, ownership=None), (ALL_USERS, "READ"))
    [finding] = fails(PUBLIC, estate(record, account_block=None))
    assert finding.evidence["public_acl_grants"] == ["AllUsers:READ"]
    assert "its ACL grants AllUsers:READ and IgnorePublicAcls is off" in finding.message


def test_s3_bucket_public_fires_from_own_policy_reading_when_status_not_collected() -> None:
    public = f.statement(principal={"AWS": "*"}, resources=f"arn:aws:s3:::{BUCKET}/*")
    record = private(policy=f.policy_json(public), pab=None)
    del record["PolicyStatus"]
    block = f.public_access_block(RestrictPublicBuckets=False)
    [finding] = fails(PUBLIC, estate(record, account_block=block))
    assert finding.evidence["policy_is_public"] is True
    assert "its bucket policy allows anyone" in finding.message


def test_s3_bucket_public_passes_when_block_public_access_is_off_but_nothing_is_public() -> None:
    # v2: "could become public" is origin.s3_public_access_block_off, not "is public"
    assert run_check(PUBLIC, estate(private(pab=None), account_block=None)) == []
    open_acls = f.public_access_block(on=False)
    record = with_acl(private(pab=open_acls, ownership=None))  # the owner's grant only
    assert run_check(PUBLIC, estate(record, account_block=None)) == []


def test_s3_bucket_public_passes_when_only_ignore_public_acls_neutralises_the_grant() -> None:
    # near-miss of the ACL path: the same AllUsers READ grant, ACLs enabled, every other
    # setting off, but IgnorePublicAcls on (bucket level, then account level only)
    only_ignore = f.public_access_block(on=False, IgnorePublicAcls=True)
    granted = with_acl(private(pab=only_ignore, ownership=None), (ALL_USERS, "READ"))
    assert run_check(PUBLIC, estate(granted, account_block=None)) == []
    granted = with_acl(private(pab=None, ownership=None), (ALL_USERS, "READ"))
    assert run_check(PUBLIC, estate(granted, account_block=only_ignore)) == []


def test_s3_bucket_public_passes_when_account_block_neutralises() -> None:
    public = f.statement(resources=f"arn:aws:s3:::{BUCKET}/*")
    record = private(policy=f.policy_json(public), status={"IsPublic": True}, pab=None)
    assert run_check(PUBLIC, estate(record, account_block=ALL_ON)) == []
    granted = with_acl(private(pab=None, ownership=None), (ALL_USERS, "READ"))
    assert run_check(PUBLIC, estate(granted, account_block=ALL_ON)) == []


def test_s3_bucket_public_passes_for_restricted_conditions() -> None:
    vpce = f.statement(
        resources=f"arn:aws:s3:::{BUCKET}/*",
        conditions={"StringEquals": {"aws:SourceVpce": "vpce-1"}},
    )
    record = private(policy=f.policy_json(vpce), pab=None)
    del record["PolicyStatus"]
    block = f.public_access_block(RestrictPublicBuckets=False)
    assert run_check(PUBLIC, estate(record, account_block=block)) == []


def test_s3_bucket_public_unknown_when_acl_or_details_not_collected() -> None:
    # ACLs enabled, IgnorePublicAcls off, ACL not read: a public grant can be neither seen
    # nor excluded; the message names the missing input, not a condition
    [finding] = unknowns(PUBLIC, estate(private(pab=None, ownership=None), account_block=None))
    assert finding.message == (
        f"bucket {BUCKET}: whether anyone can read its objects is not known "
        "(bucket ACL not collected)"
    )
    snap = estate(private(pab=None, ownership=None), account_block=OMIT)
    [finding] = unknowns(PUBLIC, snap)
    assert "public access block (ignore_public_acls) not collected" in finding.message
    assert finding.evidence["public_access_block"]["restrict_public_buckets"] is None
    probe = f.bucket_record(BUCKET, exists=True, owned=False)
    assert len(unknowns(PUBLIC, estate(probe))) == 1
    assert (
        len(unknowns(PUBLIC, o.snap(o.cloudfront(o.distribution(f.s3_origin(bucket=BUCKET)))))) == 1
    )


def test_s3_bucket_public_passes_when_known_block_neutralises_despite_unknown_part() -> None:
    assert run_check(PUBLIC, estate(private(pab=ALL_ON), account_block=OMIT)) == []


# -- origin.s3_public_access_block_off --------------------------------------------------------
BPA_OFF = "origin.s3_public_access_block_off"


def test_s3_public_access_block_off_fires_when_nothing_is_public_but_bpa_is_off() -> None:
    [finding] = fails(BPA_OFF, estate(private(pab=None), account_block=None))
    assert finding.message == (
        f"bucket {BUCKET} is not protected from becoming public: BlockPublicAcls, "
        "IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets; nothing is public now"
    )
    assert f"{BUCKET} is public" not in finding.message


def test_s3_public_access_block_off_fires_for_acls_enabled_without_claiming_nothing_public() -> (
    None
):
    record = private(ownership=None)  # all four on at bucket level, ACLs enabled
    [finding] = fails(BPA_OFF, estate(record, account_block=None))
    assert finding.evidence["off"] == ["ACLs enabled (object ownership not BucketOwnerEnforced)"]
    assert finding.message.endswith("; nothing is public now")
    # public now unknown (ACL unread, IgnorePublicAcls off): the settings, no "nothing public"
    open_acls = private(
        pab=f.public_access_block(on=False, BlockPublicPolicy=True, RestrictPublicBuckets=True),
        ownership=None,
    )
    [finding] = fails(BPA_OFF, estate(open_acls, account_block=None))
    assert "nothing is public" not in finding.message


def test_s3_public_access_block_off_passes_when_hardened_or_already_public() -> None:
    assert run_check(BPA_OFF, estate(private(), account_block=None)) == []
    # the account level turns the settings on
    assert run_check(BPA_OFF, estate(private(pab=None), account_block=ALL_ON)) == []
    public = f.statement(resources=f"arn:aws:s3:::{BUCKET}/*")
    record = private(policy=f.policy_json(public), status={"IsPublic": True}, pab=None)
    assert run_check(BPA_OFF, estate(record, account_block=None)) == []  # s3_bucket_public's


def test_s3_public_access_block_off_unknown_when_settings_not_collected() -> None:
    record = private(pab=OMIT)
    [finding] = unknowns(BPA_OFF, estate(record, account_block=OMIT))
    assert finding.message.startswith(f"bucket {BUCKET}: Block Public Access not known (")
    assert len(unknowns(BPA_OFF, estate(f.bucket_record(BUCKET, exists=True, owned=False)))) == 1
