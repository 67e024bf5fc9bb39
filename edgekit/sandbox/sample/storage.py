"""S3 buckets, their policies, and Lambda functions of the sample estate."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

from edgekit.sandbox.sample.accounts import US, Account
from edgekit.sandbox.sample.state import Estate

BLOCK_ALL = {
    "BlockPublicAcls": True,
    "IgnorePublicAcls": True,
    "BlockPublicPolicy": True,
    "RestrictPublicBuckets": True,
}
CLOUDFRONT = {"Service": "cloudfront.amazonaws.com"}


def bucket(
    account: Account,
    region: str,
    name: str,
    *,
    private: bool = True,
    ownership: str = "BucketOwnerEnforced",
) -> str:
    """A bucket (public access fully blocked unless ``private`` is False); its name.

    ``ownership`` is the object ownership setting (``BucketOwnerPreferred`` for buckets that
    receive CloudFront standard logs, which need ACLs).
    """
    s3 = account.client("s3", region)
    params: dict[str, Any] = {"Bucket": name}
    if region != US:
        params["CreateBucketConfiguration"] = {"LocationConstraint": region}
    s3.create_bucket(**params)
    s3.put_bucket_ownership_controls(
        Bucket=name, OwnershipControls={"Rules": [{"ObjectOwnership": ownership}]}
    )
    if private:
        s3.put_public_access_block(Bucket=name, PublicAccessBlockConfiguration=BLOCK_ALL)
    return name


def policy(account: Account, region: str, name: str, statements: list[dict[str, Any]]) -> None:
    """Set the bucket policy."""
    document = {"Version": "2012-10-17", "Statement": statements}
    account.client("s3", region).put_bucket_policy(Bucket=name, Policy=json.dumps(document))


def read_by(name: str, principal: Any, condition: dict[str, Any] | None = None) -> dict[str, Any]:
    """A statement letting ``principal`` read the bucket's objects."""
    statement: dict[str, Any] = {
        "Sid": "AllowRead",
        "Effect": "Allow",
        "Principal": principal,
        "Action": "s3:GetObject",
        "Resource": f"arn:aws:s3:::{name}/*",
    }
    if condition:
        statement["Condition"] = condition
    return statement


def oac_read(name: str, distribution_arns: list[str]) -> dict[str, Any]:
    """Read access for CloudFront, scoped to the given distributions (the OAC pattern)."""
    source = distribution_arns[0] if len(distribution_arns) == 1 else distribution_arns
    return read_by(name, CLOUDFRONT, {"StringEquals": {"AWS:SourceArn": source}})


def website(account: Account, region: str, name: str) -> None:
    """Static website hosting (index and error documents)."""
    account.client("s3", region).put_bucket_website(
        Bucket=name,
        WebsiteConfiguration={
            "IndexDocument": {"Suffix": "index.html"},
            "ErrorDocument": {"Key": "404.html"},
        },
    )


HANDLER = b"def handler(event, context):\n    return {'statusCode': 200, 'body': 'ok'}\n"


def function(
    estate: Estate,
    account: Account,
    region: str,
    name: str,
    *,
    url_auth: str | None = None,
    publish: bool = False,
) -> str:
    """A Python Lambda function (optionally with a URL, or a published version); its ARN.

    With ``publish`` the returned ARN is the qualified ARN of version 1 (Lambda@Edge).
    """
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        # A fixed entry date: the same archive (and CodeSha256) on every run.
        zipped.writestr(zipfile.ZipInfo("index.py", date_time=(2024, 6, 1, 0, 0, 0)), HANDLER)
    lam = account.client("lambda", region)
    created = lam.create_function(
        FunctionName=name,
        Runtime="python3.12",
        Role=account.lambda_role_arn,
        Handler="index.handler",
        Code={"ZipFile": archive.getvalue()},
        Description=f"Northwind {name}",
        Publish=publish,
        Tags={"Name": name},
    )
    arn = str(created["FunctionArn"])
    if publish:
        arn = f"{arn}:{created['Version']}"
    if url_auth:
        url = lam.create_function_url_config(FunctionName=name, AuthType=url_auth)["FunctionUrl"]
        estate.function_urls[name] = str(url).split("//", 1)[-1].rstrip("/")
    estate.functions[name] = arn
    return arn
