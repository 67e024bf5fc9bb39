"""Terraform WAFv2, Route 53, ACM, S3 and security group types (onto the CloudFormation
translators; S3's separate per-setting resources amend their bucket's record)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from edgekit.iac import cfn_dns, cfn_net, cfn_waf
from edgekit.iac.estate import Estate, Resource, mark_set
from edgekit.iac.intrinsics import Unknown
from edgekit.iac.tf_common import COMPUTED, TfType, tags, to_cfn, without
from edgekit.iac.translate import api, known


def _web_acl(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    body = without(values, *COMPUTED, "capacity", "lock_token", "application_integration_url")
    return {**to_cfn(body), "Tags": tags(values)}


def _plain(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    return dict(to_cfn(without(values, *COMPUTED)))


def _association(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    return {"WebACLArn": values.get("web_acl_arn"), "ResourceArn": values.get("resource_arn")}


def _zone(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    props: dict[str, Any] = {"Name": values.get("name")}
    if values.get("comment"):
        props["HostedZoneConfig"] = {"Comment": values["comment"]}
    if values.get("vpc"):
        props["VPCs"] = values["vpc"]
    return props


def _record(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    name = values.get("fqdn")
    props: dict[str, Any] = {
        "HostedZoneId": values.get("zone_id"),
        "Name": name if isinstance(name, str) else values.get("name"),
        "Type": values.get("type"),
    }
    if values.get("ttl") is not None:
        props["TTL"] = values["ttl"]
    if values.get("records"):
        props["ResourceRecords"] = values["records"]
    alias = (values.get("alias") or [None])[0]
    if isinstance(alias, dict):
        props["AliasTarget"] = {
            "DNSName": alias.get("name"),
            "HostedZoneId": alias.get("zone_id"),
            "EvaluateTargetHealth": alias.get("evaluate_target_health", False),
        }
    if values.get("set_identifier"):
        props["SetIdentifier"] = values["set_identifier"]
    for block, key, name in (
        ("weighted_routing_policy", "weight", "Weight"),
        ("latency_routing_policy", "region", "Region"),
        ("failover_routing_policy", "type", "Failover"),
    ):
        policy = (values.get(block) or [None])[0]
        if isinstance(policy, dict) and policy.get(key) is not None:
            props[name] = policy[key]
    return props


def _certificate(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    props: dict[str, Any] = {
        "DomainName": values.get("domain_name"),
        "SubjectAlternativeNames": values.get("subject_alternative_names") or [],
        "KeyAlgorithm": values.get("key_algorithm") or "RSA_2048",
        "ValidationMethod": values.get("validation_method"),
    }
    options = (values.get("options") or [None])[0]
    if isinstance(options, dict) and "certificate_transparency_logging_preference" in options:
        pref = options["certificate_transparency_logging_preference"]
        props["CertificateTransparencyLoggingPreference"] = pref
    return props


def _bucket(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    return {"BucketName": values.get("bucket")}


def _bucket_policy(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    return {"Bucket": values.get("bucket"), "PolicyDocument": values.get("policy")}


def _setting(key: str, build: Callable[[dict[str, Any]], Any]) -> Any:
    """A per-setting S3 resource: amends ``key`` of its bucket's record (or leaves it out,
    = not collected, when the setting is only known after apply)."""

    def translate(res: Resource, estate: Estate) -> None:
        name = known(estate, res, "s3", "bucket")
        value = build(res.props)
        if isinstance(value, Unknown):
            estate.unresolved(res, f".{key}", value, "s3")

        def attach() -> None:
            for item in estate.items(res.account, "global", "s3", "buckets"):
                if item["Name"] == name:
                    mark_set(item, key)
                    if isinstance(value, Unknown):
                        item.pop(key, None)
                    else:
                        item[key] = value
                    return
            estate.notes.append(f"{res.origin.logical_id}: bucket {name} not in the IaC set")

        estate.later(attach)

    return translate


def _first_unknown(values: dict[str, Any], keys: tuple[str, ...]) -> Unknown | None:
    return next((values[k] for k in keys if isinstance(values.get(k), Unknown)), None)


_BLOCK_KEYS = (
    "block_public_acls",
    "ignore_public_acls",
    "block_public_policy",
    "restrict_public_buckets",
)


def _public_access_block(values: dict[str, Any]) -> Any:
    return _first_unknown(values, _BLOCK_KEYS) or {
        "BlockPublicAcls": bool(values.get("block_public_acls")),
        "IgnorePublicAcls": bool(values.get("ignore_public_acls")),
        "BlockPublicPolicy": bool(values.get("block_public_policy")),
        "RestrictPublicBuckets": bool(values.get("restrict_public_buckets")),
    }


def _ownership(values: dict[str, Any]) -> Any:
    rule = (values.get("rule") or [None])[0]
    owner = rule.get("object_ownership") if isinstance(rule, dict) else None
    if isinstance(owner, Unknown):
        return owner
    return {"Rules": [{"ObjectOwnership": owner}]} if isinstance(owner, str) else None


def _account_block(res: Resource, estate: Estate) -> None:
    """aws_s3_account_public_access_block -> the account's ``account_public_access_block``."""
    value = _public_access_block(res.props)
    data = estate.unit(res.account, "global", "s3")
    data.setdefault("buckets", [])
    if isinstance(value, Unknown):  # only known after apply: not collected
        estate.unresolved(res, ".account_public_access_block", value, "s3")
        return
    data["account_public_access_block"] = value


def _website(res_values: dict[str, Any]) -> Any:
    body = without(res_values, *COMPUTED, "bucket", "expected_bucket_owner", "website_endpoint")
    return to_cfn(body, {"index_document": "IndexDocument", "error_document": "ErrorDocument"})


def _website_translate(res: Resource, estate: Estate) -> None:
    value = api(estate, res, "s3", _website(res.props), "s3", "GetBucketWebsiteOutput", "")
    _setting("WebsiteConfiguration", lambda v: value)(res, estate)


def _group(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    rules = [r for block in values.get("ingress") or [] for r in _rules(block, ident.get("id"))]
    return {
        "GroupName": values.get("name"),
        "GroupDescription": values.get("description"),
        "VpcId": values.get("vpc_id"),
        "SecurityGroupIngress": rules,
    }


def _rules(block: Any, own_id: Any) -> list[dict[str, Any]]:
    """One Terraform ingress block (lists of sources) -> CloudFormation rules (one source each)."""
    if not isinstance(block, dict):
        return []
    base = {
        "IpProtocol": str(block.get("protocol", block.get("ip_protocol", "-1"))),
        "FromPort": block.get("from_port"),
        "ToPort": block.get("to_port"),
    }
    if block.get("description"):
        base["Description"] = block["description"]
    sources = [("CidrIp", c) for c in block.get("cidr_blocks") or []]
    sources += [("CidrIpv6", c) for c in block.get("ipv6_cidr_blocks") or []]
    sources += [("SourcePrefixListId", p) for p in block.get("prefix_list_ids") or []]
    sources += [("SourceSecurityGroupId", g) for g in block.get("security_groups") or []]
    if block.get("self"):
        sources.append(("SourceSecurityGroupId", own_id))
    for single, key in (
        ("cidr_ipv4", "CidrIp"),
        ("cidr_ipv6", "CidrIpv6"),
        ("prefix_list_id", "SourcePrefixListId"),
        ("referenced_security_group_id", "SourceSecurityGroupId"),
        ("source_security_group_id", "SourceSecurityGroupId"),
    ):
        if block.get(single):
            sources.append((key, block[single]))
    if base["IpProtocol"] in ("-1", "all"):
        base = {
            "IpProtocol": "-1",
            **({"Description": base["Description"]} if "Description" in base else {}),
        }
    return [{**base, key: value} for key, value in sources]


def _group_rule(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    return {"GroupId": values.get("security_group_id"), "Rules": _rules(values, None)}


def _ingress(res: Resource, estate: Estate) -> None:
    """aws_security_group_rule (type ingress) / aws_vpc_security_group_ingress_rule."""
    if res.origin.type == "aws_security_group_rule" and res.props.get("_type") != "ingress":
        return
    for rule in res.props.get("Rules") or []:
        one = Resource(
            res.origin,
            {"GroupId": res.props.get("GroupId"), **rule},
            res.account,
            res.region,
            res.partition,
            res.ident,
        )
        cfn_net.ingress(one, estate)


def _group_rule_typed(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    return {**_group_rule(values, ident), "_type": values.get("type")}


_WAF = {"Arn": "arn", "Id": "id", "Name": "name"}
_ID = {"Ref": "id"}
TYPES: dict[str, TfType] = {
    "aws_wafv2_web_acl": TfType("AWS::WAFv2::WebACL", cfn_waf.web_acl, _web_acl, _WAF),
    "aws_wafv2_web_acl_association": TfType("", cfn_waf.association, _association),
    "aws_wafv2_ip_set": TfType(
        "AWS::WAFv2::IPSet", cfn_waf.TRANSLATORS["AWS::WAFv2::IPSet"], _plain, _WAF
    ),
    "aws_route53_zone": TfType(
        "AWS::Route53::HostedZone",
        cfn_dns.hosted_zone,
        _zone,
        {"Ref": "zone_id|id", "Id": "zone_id", "NameServers": "name_servers"},
    ),
    "aws_route53_record": TfType("AWS::Route53::RecordSet", cfn_dns.record_set, _record),
    "aws_acm_certificate": TfType(
        "AWS::CertificateManager::Certificate", cfn_dns.certificate, _certificate, {"Ref": "arn|id"}
    ),
    "aws_s3_bucket": TfType(
        "AWS::S3::Bucket",
        cfn_net.bucket,
        _bucket,
        {
            "Ref": "bucket|id",
            "Arn": "arn",
            "DomainName": "bucket_domain_name",
            "RegionalDomainName": "bucket_regional_domain_name",
        },
        {"BucketName": "bucket"},
    ),
    "aws_s3_bucket_policy": TfType("", cfn_net.bucket_policy, _bucket_policy),
    "aws_s3_bucket_public_access_block": TfType(
        "",
        _setting("PublicAccessBlockConfiguration", _public_access_block),
        lambda v, i: v,
    ),
    "aws_s3_account_public_access_block": TfType("", _account_block, lambda v, i: v),
    "aws_s3_bucket_ownership_controls": TfType(
        "", _setting("OwnershipControls", _ownership), lambda v, i: v
    ),
    "aws_s3_bucket_website_configuration": TfType("", _website_translate, lambda v, i: v),
    "aws_security_group": TfType(
        "AWS::EC2::SecurityGroup", cfn_net.security_group, _group, {"Ref": "id", "GroupId": "id"}
    ),
    "aws_security_group_rule": TfType("", _ingress, _group_rule_typed),
    "aws_vpc_security_group_ingress_rule": TfType("", _ingress, _group_rule),
}
