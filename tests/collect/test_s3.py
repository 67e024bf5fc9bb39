"""The s3 collector: used buckets only, across accounts; missing buckets are data, not errors."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import boto3
import pytest

from edgekit.aws.session import SessionSpec
from edgekit.collect import refs, s3, targets
from edgekit.collect.execution import execute
from edgekit.collect.runner import CollectionResult, assemble, plan_units
from edgekit.rules.finding import Finding, Status
from edgekit.sandbox.bridge import bridged
from edgekit.snapshot import jsonable
from tests.collect import shapes
from tests.collect.builders import ACCOUNT, fail, shared_moto
from tests.rules.checks.helpers import run_check

OTHER = "111111111111"
R = "eu-west-1"
CF_POLICY = "658327ea-f89d-4fab-a63d-7e88639e58f6"  # managed CachingOptimized


def _bucket(client: Any, name: str) -> None:
    client.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": R})


@pytest.fixture(scope="module")
def estate() -> Iterator[dict[str, Any]]:
    """Own account: a distribution with 4 S3 origins and a log bucket; OTHER owns one origin.

    Served by the sandbox (bridged moto), so the distribution keeps its S3OriginConfig.
    """
    with bridged(), shared_moto():
        yield build()


def build() -> dict[str, Any]:
    own = boto3.client("s3", region_name=R)
    for name in ("site-origin", "www-web", "cf-logs"):
        _bucket(own, name)
    policy = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": {"Service": "cloudfront.amazonaws.com"},
                "Action": "s3:GetObject",
                "Resource": "arn:aws:s3:::site-origin/*",
            }
        ],
    }
    own.put_bucket_policy(Bucket="site-origin", Policy=json.dumps(policy))
    own.put_public_access_block(
        Bucket="site-origin",
        PublicAccessBlockConfiguration={k: True for k in PAB_KEYS},
    )
    own.put_bucket_ownership_controls(
        Bucket="site-origin",
        OwnershipControls={"Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]},
    )
    own.put_bucket_website(
        Bucket="www-web", WebsiteConfiguration={"IndexDocument": {"Suffix": "index.html"}}
    )
    own.put_bucket_acl(Bucket="www-web", ACL="public-read")  # ACLs enabled: no ownership set
    boto3.client("s3control", region_name="us-east-1").put_public_access_block(
        AccountId=ACCOUNT, PublicAccessBlockConfiguration={k: False for k in PAB_KEYS}
    )
    creds = boto3.client("sts").assume_role(
        RoleArn=f"arn:aws:iam::{OTHER}:role/R", RoleSessionName="build"
    )["Credentials"]
    theirs = boto3.client(
        "s3",
        region_name=R,
        aws_access_key_id=creds["AccessKeyId"],
        aws_secret_access_key=creds["SecretAccessKey"],
        aws_session_token=creds["SessionToken"],
    )
    _bucket(theirs, "shared-assets")
    _bucket(theirs, "their-unrelated")
    origins = [
        ("site", "site-origin.s3.eu-west-1.amazonaws.com"),
        ("web", "www-web.s3-website-eu-west-1.amazonaws.com"),
        ("gone", "gone-bucket-xyz.s3.amazonaws.com"),
        ("shared", "shared-assets.s3-eu-west-1.amazonaws.com"),
    ]
    dist = boto3.client("cloudfront", region_name="us-east-1").create_distribution(
        DistributionConfig={
            "CallerReference": "s3-test",
            "Comment": "",
            "Enabled": True,
            "Origins": {
                "Quantity": len(origins),
                "Items": [
                    {"Id": i, "DomainName": d, "S3OriginConfig": {"OriginAccessIdentity": ""}}
                    for i, d in origins
                ],
            },
            "DefaultCacheBehavior": {
                "TargetOriginId": "site",
                "ViewerProtocolPolicy": "https-only",
                "CachePolicyId": CF_POLICY,
            },
            "Logging": {
                "Enabled": True,
                "IncludeCookies": False,
                "Bucket": "cf-logs.s3.amazonaws.com",
                "Prefix": "cf/",
            },
        }
    )["Distribution"]
    return {"distribution": dist}


ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"
PAB_KEYS = ("BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets")


def _collect(estate: dict[str, Any], *hooks: Any) -> CollectionResult:
    """The s3 phase of a two-account run, after the given cloudfront payload.

    The cloudfront payload is the distribution moto created (plain moto serves distributions
    faithfully enough for origins and logging); the s3 units then run as the runner runs them.
    """
    accounts = targets.resolve_accounts(SessionSpec(), accounts=[ACCOUNT, OTHER], role_name="R")
    prior = [
        {
            "account_id": ACCOUNT,
            "region": "global",
            "collector": "cloudfront",
            "data": jsonable({"distributions": [{"Distribution": estate["distribution"]}]}),
        }
    ]
    units = plan_units(accounts.accounts, lambda _: [R], [s3.SPEC], tuple(hooks), prior)
    assert len(units) == 2
    return assemble(execute(units, progress=False), targets=[], partition="aws")


def _buckets(result: CollectionResult, account: str) -> dict[str, dict[str, Any]]:
    data = result.snapshot.payload(account, "global", "s3")
    assert data is not None
    return {b["Name"]: b for b in data["buckets"]}


def test_owned_buckets_details_and_probes(estate: dict[str, Any]) -> None:
    result = _collect(estate)
    assert result.failed_units == 0 and result.snapshot.gaps == []
    own = _buckets(result, ACCOUNT)
    assert sorted(own) == ["cf-logs", "gone-bucket-xyz", "shared-assets", "site-origin", "www-web"]
    site = own["site-origin"]
    assert (site["exists"], site["owned"], site["BucketRegion"]) == (True, True, R)
    assert (
        json.loads(site["Policy"])["Statement"][0]["Principal"]["Service"]
        == "cloudfront.amazonaws.com"
    )
    assert site["PolicyStatus"] == {"IsPublic": False}
    assert site["PublicAccessBlockConfiguration"] == {k: True for k in PAB_KEYS}
    assert site["OwnershipControls"]["Rules"] == [{"ObjectOwnership": "BucketOwnerEnforced"}]
    assert "WebsiteConfiguration" not in site  # a REST origin: not asked
    assert "Acl" not in site  # BucketOwnerEnforced: S3 ignores ACLs, not asked
    web = own["www-web"]
    assert web["WebsiteConfiguration"]["IndexDocument"] == {"Suffix": "index.html"}
    assert {(g["Grantee"].get("URI"), g["Permission"]) for g in web["Acl"]["Grants"]} >= {
        (ALL_USERS, "READ")
    }
    logs = own["cf-logs"]
    assert (logs["Policy"], logs["PolicyStatus"], logs["PublicAccessBlockConfiguration"]) == (
        None,
        None,
        None,
    )
    assert logs["OwnershipControls"] is None
    # no ownership controls: ACLs are enabled, so the ACL is read (the owner's grant only)
    assert [g["Grantee"]["Type"] for g in logs["Acl"]["Grants"]] == ["CanonicalUser"]
    # a bucket nobody owns: the takeover risk, recorded as data
    assert own["gone-bucket-xyz"] == {"Name": "gone-bucket-xyz", "owned": False, "exists": False}
    # another account's bucket: exists, not ours (moto answers 200 where AWS answers 403)
    shared = own["shared-assets"]
    assert (shared["exists"], shared["owned"]) == (True, False)
    assert "Policy" not in shared
    data = result.snapshot.payload(ACCOUNT, "global", "s3")
    assert data is not None
    assert data["account_public_access_block"] == {k: False for k in PAB_KEYS}
    for b in own.values():
        _conforms(b)
    shapes.assert_conforms(
        data["account_public_access_block"],
        "s3control",
        "GetPublicAccessBlock",
        "PublicAccessBlockConfiguration",
    )


def _conforms(bucket: dict[str, Any]) -> None:
    for key, operation, path in (
        ("PolicyStatus", "GetBucketPolicyStatus", "PolicyStatus"),
        (
            "PublicAccessBlockConfiguration",
            "GetPublicAccessBlock",
            "PublicAccessBlockConfiguration",
        ),
        ("OwnershipControls", "GetBucketOwnershipControls", "OwnershipControls"),
        ("WebsiteConfiguration", "GetBucketWebsite", ""),
        ("Policy", "GetBucketPolicy", "Policy"),
        ("BucketRegion", "HeadBucket", "BucketRegion"),
        ("Acl", "GetBucketAcl", ""),
    ):
        if bucket.get(key) is not None:
            shapes.assert_conforms(bucket[key], "s3", operation, path)


def test_other_account_reads_its_bucket_used_by_our_distribution(estate: dict[str, Any]) -> None:
    result = _collect(estate)
    theirs = _buckets(result, OTHER)
    assert sorted(theirs) == ["shared-assets"]  # owned and used; nothing else probed there
    shared = theirs["shared-assets"]
    assert (shared["exists"], shared["owned"], shared["Policy"]) == (True, True, None)
    data = result.snapshot.payload(OTHER, "global", "s3")
    assert data is not None and data["account_public_access_block"] is None


def test_call_counts(estate: dict[str, Any]) -> None:
    result = _collect(estate)
    calls = {k: v for k, v in result.calls.items() if k[0] in ("s3", "s3control")}
    assert calls == {
        ("s3", "ListBuckets"): 2,  # once per account
        ("s3", "HeadBucket"): 6,  # region of 4 owned buckets (moto lists none) + 2 probes
        ("s3", "GetBucketPolicy"): 4,
        ("s3", "GetBucketPolicyStatus"): 1,  # only where a policy exists
        ("s3", "GetPublicAccessBlock"): 4,
        ("s3", "GetBucketOwnershipControls"): 4,
        ("s3", "GetBucketWebsite"): 1,  # only the website-endpoint origin
        ("s3", "GetBucketAcl"): 3,  # only where ACLs can apply (not BucketOwnerEnforced)
        ("s3control", "GetPublicAccessBlock"): 2,
    }
    from edgekit.aws.iam import iam_action

    made = {iam_action(s, o) for s, o in calls}
    assert made <= set(s3.ACTIONS)


def test_list_buckets_denied_probes_referenced_buckets(estate: dict[str, Any]) -> None:
    result = _collect(estate, fail("ListBuckets"))
    own = _buckets(result, ACCOUNT)
    assert sorted(own) == ["cf-logs", "gone-bucket-xyz", "shared-assets", "site-origin", "www-web"]
    assert own["site-origin"] == {
        "Name": "site-origin",
        "owned": None,
        "exists": True,
        "BucketRegion": R,
    }
    assert own["gone-bucket-xyz"]["exists"] is False
    assert _buckets(result, OTHER) == {}
    data = result.snapshot.payload(ACCOUNT, "global", "s3")
    assert data is not None and "account_public_access_block" not in data
    assert {(g["account_id"], g["operation"]) for g in result.snapshot.gaps} == {
        (ACCOUNT, "ListBuckets"),
        (OTHER, "ListBuckets"),
    }


def test_denied_policy_is_absent_and_a_gap(estate: dict[str, Any]) -> None:
    result = _collect(estate, fail("GetBucketPolicy"))
    own = _buckets(result, ACCOUNT)
    assert "Policy" not in own["site-origin"]
    assert own["site-origin"]["PolicyStatus"] == {"IsPublic": False}  # still read
    assert own["cf-logs"]["PolicyStatus"] is None
    assert {g["operation"] for g in result.snapshot.gaps} == {"GetBucketPolicy"}


def _scan_public(estate: dict[str, Any], result: CollectionResult) -> dict[str, Finding]:
    """origin.s3_bucket_public over the collected s3 payloads and the cloudfront payload."""
    cloudfront = {
        "account_id": ACCOUNT,
        "region": "global",
        "collector": "cloudfront",
        "data": jsonable({"distributions": [{"Distribution": estate["distribution"]}]}),
    }
    snap = replace(result.snapshot, payloads=[cloudfront, *result.snapshot.payloads])
    return {f.evidence["bucket"]: f for f in run_check("origin.s3_bucket_public", snap)}


def test_a_public_acl_grant_collected_makes_the_bucket_public(estate: dict[str, Any]) -> None:
    found = _scan_public(estate, _collect(estate))
    web = found["www-web"]
    assert web.status is Status.FAIL
    assert web.evidence["public_acl_grants"] == ["AllUsers:READ"]
    assert "its ACL grants AllUsers:READ and IgnorePublicAcls is off" in web.message
    assert "site-origin" not in found  # BucketOwnerEnforced, all four settings on


def test_denied_acl_is_absent_a_gap_and_unknown_never_no_grant(estate: dict[str, Any]) -> None:
    result = _collect(estate, fail("GetBucketAcl"))
    own = _buckets(result, ACCOUNT)
    assert "Acl" not in own["www-web"] and "Acl" not in own["cf-logs"]
    assert {(g["account_id"], g["operation"]) for g in result.snapshot.gaps} == {
        (ACCOUNT, "GetBucketAcl"),
        (OTHER, "GetBucketAcl"),
    }
    web = _scan_public(estate, result)["www-web"]
    assert web.status is Status.UNKNOWN
    assert web.message == (
        "bucket www-web: whether anyone can read its objects is not known "
        "(bucket ACL not collected)"
    )


def test_unit_skipped_when_the_edge_uses_no_bucket() -> None:
    assert s3.select_inputs([], ACCOUNT, "global") is None


def test_select_inputs_flags_the_referencing_account() -> None:
    prior = [
        {
            "account_id": "A",
            "region": "global",
            "collector": "cloudfront",
            "data": {
                "distributions": [
                    {
                        "DistributionSummary": {
                            "Origins": {"Items": [{"DomainName": "bk1.s3.amazonaws.com"}]}
                        }
                    }
                ]
            },
        },
        {
            "account_id": "B",
            "region": R,
            "collector": "elbv2",
            "data": {
                "load_balancers": [
                    {
                        "Attributes": [
                            {"Key": "access_logs.s3.enabled", "Value": "true"},
                            {"Key": "access_logs.s3.bucket", "Value": "alb-logs"},
                        ]
                    },
                    {
                        "Attributes": [
                            {"Key": "access_logs.s3.enabled", "Value": "false"},
                            {"Key": "access_logs.s3.bucket", "Value": "old-logs"},
                        ]
                    },
                ]
            },
        },
        {
            "account_id": "B",
            "region": R,
            "collector": "elb",
            "data": {
                "load_balancers": [
                    {
                        "LoadBalancerAttributes": {
                            "AccessLog": {"Enabled": True, "S3BucketName": "clb-logs"}
                        }
                    }
                ]
            },
        },
    ]
    assert s3.select_inputs(prior, "A", "global") == (
        ("alb-logs", ("log",), False),
        ("bk1", ("origin",), True),
        ("clb-logs", ("log",), False),
    )
    assert [w[2] for w in s3.select_inputs(prior, "B", "global")] == [True, False, True]


@pytest.mark.parametrize(
    ("domain", "expected"),
    [
        ("my-bucket.s3.amazonaws.com", ("my-bucket", "origin")),
        ("my.dotted.bucket.s3.eu-west-1.amazonaws.com", ("my.dotted.bucket", "origin")),
        ("bkt.s3-eu-west-1.amazonaws.com", ("bkt", "origin")),
        ("bkt.s3.dualstack.us-east-2.amazonaws.com", ("bkt", "origin")),
        ("bkt.s3-external-1.amazonaws.com", ("bkt", "origin")),
        ("bkt.s3.cn-north-1.amazonaws.com.cn", ("bkt", "origin")),
        ("BKT.S3.AMAZONAWS.COM.", ("bkt", "origin")),
        ("site.s3-website-us-east-1.amazonaws.com", ("site", "website")),
        ("site.s3-website.eu-central-1.amazonaws.com", ("site", "website")),
        ("ap-alias-abc123-s3alias.s3.eu-west-1.amazonaws.com", None),
        ("origin.example.com", None),
        ("d111.cloudfront.net", None),
        ("abc.lambda-url.eu-west-1.on.aws", None),
    ],
)
def test_s3_endpoint_forms(domain: str, expected: tuple[str, str] | None) -> None:
    assert refs.s3_bucket(domain) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://123456789012.127.0.0.1:5000/v20180820/x", "http://127.0.0.1:5000/v20180820/x"),
        ("http://123456789012.[::1]:5000/v20180820/x", "http://[::1]:5000/v20180820/x"),
        (
            "https://123456789012.s3-control.us-east-1.amazonaws.com/v20180820/x",
            "https://123456789012.s3-control.us-east-1.amazonaws.com/v20180820/x",
        ),
    ],
)
def test_account_label_stripped_only_on_ip_endpoints(url: str, expected: str) -> None:
    class Request:
        pass

    request = Request()
    request.url = url  # type: ignore[attr-defined]
    s3.strip_account_label(request)
    assert request.url == expected  # type: ignore[attr-defined]
