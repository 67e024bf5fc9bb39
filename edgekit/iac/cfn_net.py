"""S3 Bucket / BucketPolicy and EC2 SecurityGroup / SecurityGroupIngress."""

from __future__ import annotations

from typing import Any

from edgekit.iac.cfn_dns import bucket_policy_document
from edgekit.iac.estate import Estate, Resource, mark_set
from edgekit.iac.translate import Translator, api, known

# Applied by S3 to every bucket created since April 2023 when the template says nothing.
_DEFAULT_BLOCK = {
    "BlockPublicAcls": True,
    "IgnorePublicAcls": True,
    "BlockPublicPolicy": True,
    "RestrictPublicBuckets": True,
}


def bucket(res: Resource, estate: Estate) -> None:
    """AWS::S3::Bucket -> s3 ``buckets`` record (owned, exists; policy from BucketPolicy).

    A setting only known at deploy time leaves its key out: the model reads it as not
    collected (docs/snapshot.md), so the checks that need it say unknown.
    """
    item: dict[str, Any] = {
        "Name": res.ident["Ref"],
        "exists": True,
        "owned": True,
        "BucketRegion": res.region,
        "Policy": None,
        "PolicyStatus": None,
    }
    block = known(estate, res, "s3", "PublicAccessBlockConfiguration", _DEFAULT_BLOCK)
    if isinstance(block, dict):
        item["PublicAccessBlockConfiguration"] = {**{k: False for k in _DEFAULT_BLOCK}, **block}
    if "OwnershipControls" not in res.props:
        item["OwnershipControls"] = {"Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]}
    elif isinstance(ownership := known(estate, res, "s3", "OwnershipControls"), dict):
        item["OwnershipControls"] = ownership
    website = known(estate, res, "s3", "WebsiteConfiguration")
    if isinstance(website, dict):
        item["WebsiteConfiguration"] = api(
            estate, res, "s3", website, "s3", "GetBucketWebsiteOutput", ".WebsiteConfiguration"
        )
    estate.add(res, "global", "s3", "buckets", item)


def bucket_policy(res: Resource, estate: Estate) -> None:
    """AWS::S3::BucketPolicy -> its bucket's ``Policy`` (public status: deploy-time)."""
    name = known(estate, res, "s3", "Bucket")
    doc = bucket_policy_document(known(estate, res, "s3", "PolicyDocument"))

    def attach() -> None:
        for item in estate.items(res.account, "global", "s3", "buckets"):
            if item["Name"] == name:
                item["Policy"] = doc
                mark_set(item, "Policy")
                if doc is None:  # only known at deploy time: not collected
                    item.pop("Policy")
                item.pop("PolicyStatus", None)  # computed by S3: not known before deploy
                return
        estate.notes.append(f"{res.origin.logical_id}: bucket {name} not in the IaC set")

    estate.later(attach)


def _permission(rule: dict[str, Any]) -> dict[str, Any]:
    perm: dict[str, Any] = {"IpProtocol": str(rule.get("IpProtocol", "-1"))}
    for key in ("FromPort", "ToPort"):
        if key in rule:
            perm[key] = rule[key]
    desc = {"Description": rule["Description"]} if "Description" in rule else {}
    perm["IpRanges"] = [{"CidrIp": rule["CidrIp"], **desc}] if "CidrIp" in rule else []
    perm["Ipv6Ranges"] = [{"CidrIpv6": rule["CidrIpv6"], **desc}] if "CidrIpv6" in rule else []
    perm["PrefixListIds"] = (
        [{"PrefixListId": rule["SourcePrefixListId"], **desc}]
        if "SourcePrefixListId" in rule
        else []
    )
    perm["UserIdGroupPairs"] = (
        [{"GroupId": rule["SourceSecurityGroupId"], **desc}]
        if "SourceSecurityGroupId" in rule
        else []
    )
    return perm


def security_group(res: Resource, estate: Estate) -> None:
    """AWS::EC2::SecurityGroup -> ec2 ``security_groups`` item."""
    ingress = known(estate, res, "ec2", "SecurityGroupIngress", []) or []
    group = {
        "GroupId": res.ident["GroupId"],
        "GroupName": known(estate, res, "ec2", "GroupName") or res.origin.logical_id,
        "Description": known(estate, res, "ec2", "GroupDescription") or "",
        "OwnerId": res.account,
        "IpPermissions": [_permission(r) for r in ingress if isinstance(r, dict)],
    }
    vpc = known(estate, res, "ec2", "VpcId")
    if isinstance(vpc, str):
        group["VpcId"] = vpc
    item = api(estate, res, "ec2", group, "ec2", "SecurityGroup", "")
    estate.add(res, res.region, "ec2", "security_groups", item)


def ingress(res: Resource, estate: Estate) -> None:
    """AWS::EC2::SecurityGroupIngress -> a permission of its group."""
    gid = known(estate, res, "ec2", "GroupId")
    perm = api(estate, res, "ec2", _permission(res.props), "ec2", "IpPermission", "")

    def attach() -> None:
        for item in estate.items(res.account, res.region, "ec2", "security_groups"):
            if item["GroupId"] == gid:
                item.setdefault("IpPermissions", []).append(perm)
                return
        estate.notes.append(f"{res.origin.logical_id}: security group {gid} not in the IaC set")

    estate.later(attach)


TRANSLATORS: dict[str, Translator] = {
    "AWS::S3::Bucket": bucket,
    "AWS::S3::BucketPolicy": bucket_policy,
    "AWS::EC2::SecurityGroup": security_group,
    "AWS::EC2::SecurityGroupIngress": ingress,
}
