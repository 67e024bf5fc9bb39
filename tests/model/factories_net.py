"""Payload factories for ec2, elb (Classic), WAF Classic, Shield and Global Accelerator items,
shaped like botocore's output (validated in test_shapes_context.py)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from tests.model.factories_cf import ACCOUNT, OMIT, TS

REGION = "us-east-1"
CF_PREFIX_LIST = "pl-3b927c52"
CF_PREFIX_LIST_NAME = "com.amazonaws.global.cloudfront.origin-facing"


# -- ec2 -------------------------------------------------------------------------------------------
def permission(
    from_port: int | None = 443,
    to_port: int | None = None,
    *,
    protocol: str = "tcp",
    cidrs: Sequence[str] = (),
    ipv6: Sequence[str] = (),
    prefix_lists: Sequence[str] = (),
    groups: Sequence[str] = (),
    account: str = ACCOUNT,
) -> dict[str, Any]:
    """An IpPermission (``protocol`` "-1" = all traffic, no ports)."""
    perm: dict[str, Any] = {"IpProtocol": protocol}
    if protocol != "-1" and from_port is not None:
        perm["FromPort"] = from_port
        perm["ToPort"] = to_port if to_port is not None else from_port
    perm["UserIdGroupPairs"] = [
        {"UserId": account, "GroupId": g, "Description": "from peer group"} for g in groups
    ]
    perm["IpRanges"] = [{"CidrIp": c, "Description": f"v4 {c}"} for c in cidrs]
    perm["Ipv6Ranges"] = [{"CidrIpv6": c} for c in ipv6]
    perm["PrefixListIds"] = [{"PrefixListId": p, "Description": "CloudFront"} for p in prefix_lists]
    return perm


def security_group(
    group_id: str,
    ingress: Sequence[dict[str, Any]] = (),
    *,
    name: str | None = None,
    egress: Sequence[dict[str, Any]] | None = None,
    account: str = ACCOUNT,
    region: str = REGION,
    tags: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """A DescribeSecurityGroups item (egress defaults to all traffic anywhere)."""
    return {
        "GroupId": group_id,
        "IpPermissionsEgress": list(
            egress if egress is not None else [permission(protocol="-1", cidrs=["0.0.0.0/0"])]
        ),
        "Tags": [{"Key": k, "Value": v} for k, v in (tags or {}).items()],
        "VpcId": "vpc-0abc",
        "SecurityGroupArn": f"arn:aws:ec2:{region}:{account}:security-group/{group_id}",
        "OwnerId": account,
        "GroupName": name or group_id,
        "Description": f"group {name or group_id}",
        "IpPermissions": list(ingress),
    }


def prefix_list(
    pl_id: str = CF_PREFIX_LIST, name: str = CF_PREFIX_LIST_NAME, *, region: str = REGION
) -> dict[str, Any]:
    """A DescribeManagedPrefixLists item (AWS-owned)."""
    return {
        "PrefixListId": pl_id,
        "AddressFamily": "IPv4",
        "State": "create-complete",
        "PrefixListArn": f"arn:aws:ec2:{region}:aws:prefix-list/{pl_id}",
        "PrefixListName": name,
        "MaxEntries": 55,
        "Version": 42,
        "Tags": [],
        "OwnerId": "AWS",
    }


# -- elb (Classic) ---------------------------------------------------------------------------------
def classic_listener(
    protocol: str,
    port: int,
    instance_port: int = 80,
    *,
    instance_protocol: str = "HTTP",
    certificate: str | None = None,
    policies: Sequence[str] = (),
) -> dict[str, Any]:
    """A ListenerDescription."""
    li: dict[str, Any] = {
        "Protocol": protocol,
        "LoadBalancerPort": port,
        "InstanceProtocol": instance_protocol,
        "InstancePort": instance_port,
    }
    if certificate:
        li["SSLCertificateId"] = certificate
    return {"Listener": li, "PolicyNames": list(policies)}


def classic_lb(
    name: str,
    listeners: Sequence[dict[str, Any]],
    *,
    scheme: str = "internet-facing",
    region: str = REGION,
    security_groups: Sequence[str] = ("sg-0c1a551c",),
    instances: Sequence[str] = ("i-0c1",),
    other_policies: Sequence[str] = (),
) -> dict[str, Any]:
    """A Classic DescribeLoadBalancers item."""
    prefix = "internal-" if scheme == "internal" else ""
    dns = f"{prefix}{name}-1234567890.{region}.elb.amazonaws.com"
    return {
        "LoadBalancerName": name,
        "DNSName": dns,
        "CanonicalHostedZoneName": dns,
        "CanonicalHostedZoneNameID": "Z35SXDOTRQ7X7K",
        "ListenerDescriptions": list(listeners),
        "Policies": {
            "AppCookieStickinessPolicies": [],
            "LBCookieStickinessPolicies": [],
            "OtherPolicies": list(other_policies),
        },
        "BackendServerDescriptions": [{"InstancePort": 8443, "PolicyNames": ["backend-auth"]}],
        "AvailabilityZones": [f"{region}a", f"{region}b"],
        "Subnets": ["subnet-a", "subnet-b"],
        "VPCId": "vpc-0abc",
        "Instances": [{"InstanceId": i} for i in instances],
        "HealthCheck": {
            "Target": "HTTP:80/health",
            "Interval": 30,
            "Timeout": 5,
            "UnhealthyThreshold": 2,
            "HealthyThreshold": 10,
        },
        "SourceSecurityGroup": {"OwnerAlias": ACCOUNT, "GroupName": "clb-sg"},
        "SecurityGroups": list(security_groups),
        "CreatedTime": TS,
        "Scheme": scheme,
    }


def classic_attributes(
    *,
    access_log: tuple[bool, str | None] = (True, "clb-logs"),
    draining: tuple[bool, int] = (True, 300),
    cross_zone: bool = True,
    idle: int = 60,
) -> dict[str, Any]:
    """DescribeLoadBalancerAttributes.LoadBalancerAttributes."""
    log: dict[str, Any] = {"Enabled": access_log[0]}
    if access_log[1]:
        log.update({"S3BucketName": access_log[1], "EmitInterval": 5, "S3BucketPrefix": "clb"})
    return {
        "CrossZoneLoadBalancing": {"Enabled": cross_zone},
        "AccessLog": log,
        "ConnectionDraining": {"Enabled": draining[0], "Timeout": draining[1]},
        "ConnectionSettings": {"IdleTimeout": idle},
        "AdditionalAttributes": [{"Key": "elb.http.desyncmitigationmode", "Value": "defensive"}],
    }


def elb_policy(name: str, type_name: str, attrs: Mapping[str, str]) -> dict[str, Any]:
    """A PolicyDescription."""
    return {
        "PolicyName": name,
        "PolicyTypeName": type_name,
        "PolicyAttributeDescriptions": [
            {"AttributeName": k, "AttributeValue": v} for k, v in attrs.items()
        ],
    }


ALL_PROTOCOLS = ("SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2")


def ssl_negotiation_policy(
    name: str, *, reference: str | None = None, protocols: Sequence[str] | None = None
) -> dict[str, Any]:
    """An SSLNegotiationPolicyType policy: ``protocols`` None = only the reference (moto)."""
    attrs: dict[str, str] = {}
    if reference:
        attrs["Reference-Security-Policy"] = reference
    if protocols is not None:
        attrs.update({f"Protocol-{p}": str(p in protocols).lower() for p in ALL_PROTOCOLS})
        attrs["Server-Defined-Cipher-Order"] = "true"
        attrs["ECDHE-RSA-AES128-GCM-SHA256"] = "true"
        attrs["DES-CBC3-SHA"] = "false"
    return elb_policy(name, "SSLNegotiationPolicyType", attrs)


def classic_entry(
    desc: dict[str, Any], *, attrs: Any = OMIT, policies: Any = OMIT, tags: Any = OMIT
) -> dict[str, Any]:
    """An elb ``load_balancers`` item; OMIT = that read was denied."""
    entry: dict[str, Any] = {"LoadBalancerDescription": desc}
    for key, value in (
        ("LoadBalancerAttributes", attrs),
        ("PolicyDescriptions", policies),
        ("Tags", tags),
    ):
        if value is not OMIT:
            entry[key] = value
    return entry


# -- WAF Classic -----------------------------------------------------------------------------------
def classic_rule(
    rule_id: str, priority: int, action: str = "BLOCK", *, kind: str = "REGULAR"
) -> dict[str, Any]:
    """An ActivatedRule (``kind`` GROUP uses OverrideAction and excludes a rule)."""
    rule: dict[str, Any] = {"Priority": priority, "RuleId": rule_id, "Type": kind}
    if kind == "GROUP":
        rule["OverrideAction"] = {"Type": action}
        rule["ExcludedRules"] = [{"RuleId": "excluded-1"}]
    else:
        rule["Action"] = {"Type": action}
    return rule


def classic_acl(
    acl_id: str,
    name: str = "classic-acl",
    *,
    default: str = "ALLOW",
    rules: Sequence[dict[str, Any]] = (),
    regional: bool = False,
    account: str = ACCOUNT,
    region: str = REGION,
) -> dict[str, Any]:
    """A WAF Classic GetWebACL.WebACL."""
    arn = (
        f"arn:aws:waf-regional:{region}:{account}:webacl/{acl_id}"
        if regional
        else f"arn:aws:waf::{account}:webacl/{acl_id}"
    )
    return {
        "WebACLId": acl_id,
        "Name": name,
        "MetricName": name.replace("-", ""),
        "DefaultAction": {"Type": default},
        "Rules": list(rules),
        "WebACLArn": arn,
    }


def classic_acl_entry(acl: dict[str, Any], *, resources: Any = OMIT) -> dict[str, Any]:
    """A ``web_acls`` item (``resources``: waf-regional ResourceArns; OMIT = denied)."""
    entry: dict[str, Any] = {"WebACL": acl}
    if resources is not OMIT:
        entry["ResourceArns"] = list(resources)
    return entry


def classic_acl_summary_entry(acl: dict[str, Any], *, resources: Any = OMIT) -> dict[str, Any]:
    """A ``web_acls`` item when GetWebACL was denied (ListWebACLs summary)."""
    entry: dict[str, Any] = {"WebACLSummary": {"WebACLId": acl["WebACLId"], "Name": acl["Name"]}}
    if resources is not OMIT:
        entry["ResourceArns"] = list(resources)
    return entry


# -- Shield ----------------------------------------------------------------------------------------
def subscription(account: str = ACCOUNT) -> dict[str, Any]:
    """DescribeSubscription.Subscription."""
    return {
        "StartTime": "2025-01-01T00:00:00Z",
        "EndTime": "2026-01-01T00:00:00Z",
        "TimeCommitmentInSeconds": 31536000,
        "AutoRenew": "ENABLED",
        "Limits": [{"Type": "GLOBAL_ACCELERATOR", "Max": 1000}],
        "ProactiveEngagementStatus": "ENABLED",
        "SubscriptionLimits": {
            "ProtectionLimits": {"ProtectedResourceTypeLimits": []},
            "ProtectionGroupLimits": {
                "MaxProtectionGroups": 100,
                "PatternTypeLimits": {"ArbitraryPatternLimits": {"MaxMembers": 100}},
            },
        },
        "SubscriptionArn": f"arn:aws:shield::{account}:subscription/sub-1",
    }


def protection(
    prot_id: str, resource_arn: str, *, account: str = ACCOUNT, l7: str | None = "ENABLED"
) -> dict[str, Any]:
    """A ListProtections item."""
    item: dict[str, Any] = {
        "Id": prot_id,
        "Name": f"protect-{prot_id}",
        "ResourceArn": resource_arn,
        "HealthCheckIds": ["hc-1"],
        "ProtectionArn": f"arn:aws:shield::{account}:protection/{prot_id}",
    }
    if l7:
        item["ApplicationLayerAutomaticResponseConfiguration"] = {
            "Status": l7,
            "Action": {"Block": {}},
        }
    return item


def protection_group(
    group_id: str,
    members: Sequence[str] = (),
    *,
    pattern: str = "ARBITRARY",
    resource_type: str | None = None,
    account: str = ACCOUNT,
) -> dict[str, Any]:
    """A ListProtectionGroups item."""
    item: dict[str, Any] = {
        "ProtectionGroupId": group_id,
        "Aggregation": "MAX",
        "Pattern": pattern,
        "Members": list(members),
        "ProtectionGroupArn": f"arn:aws:shield::{account}:protection-group/{group_id}",
    }
    if resource_type:
        item["ResourceType"] = resource_type
    return item


# -- Global Accelerator ----------------------------------------------------------------------------
def accelerator(
    name: str, ident: str = "5f2a0c6e-1b2c-4d3e-8f90-000000000001", *, account: str = ACCOUNT
) -> dict[str, Any]:
    """A ListAccelerators item."""
    host = f"a{ident[:12]}"
    return {
        "AcceleratorArn": f"arn:aws:globalaccelerator::{account}:accelerator/{ident}",
        "Name": name,
        "IpAddressType": "DUAL_STACK",
        "Enabled": True,
        "IpSets": [
            {"IpAddressFamily": "IPv4", "IpAddresses": ["75.2.10.1", "99.83.10.1"]},
            {"IpAddressFamily": "IPv6", "IpAddresses": ["2600:9000:a400::1"]},
        ],
        "DnsName": f"{host}.awsglobalaccelerator.com",
        "Status": "DEPLOYED",
        "CreatedTime": TS,
        "LastModifiedTime": TS,
        "DualStackDnsName": f"{host}.dualstack.awsglobalaccelerator.com",
        "Events": [],
    }


def ga_listener(
    acc: dict[str, Any], suffix: str = "0a1b2c3d", ports: Sequence[int] = (443,)
) -> dict[str, Any]:
    """A ListListeners item."""
    return {
        "ListenerArn": f"{acc['AcceleratorArn']}/listener/{suffix}",
        "PortRanges": [{"FromPort": p, "ToPort": p} for p in ports],
        "Protocol": "TCP",
        "ClientAffinity": "NONE",
    }


def ga_endpoint(endpoint_id: str, weight: int = 128, *, preserve_ip: bool = True) -> dict[str, Any]:
    """An EndpointDescription."""
    return {
        "EndpointId": endpoint_id,
        "Weight": weight,
        "HealthState": "HEALTHY",
        "ClientIPPreservationEnabled": preserve_ip,
    }


def endpoint_group(
    listener: dict[str, Any], region: str, endpoints: Sequence[dict[str, Any]]
) -> dict[str, Any]:
    """A ListEndpointGroups item."""
    return {
        "EndpointGroupArn": f"{listener['ListenerArn']}/endpoint-group/{region}",
        "EndpointGroupRegion": region,
        "EndpointDescriptions": list(endpoints),
        "TrafficDialPercentage": 100.0,
        "HealthCheckPort": 443,
        "HealthCheckProtocol": "HTTPS",
        "HealthCheckPath": "/health",
        "HealthCheckIntervalSeconds": 30,
        "ThresholdCount": 3,
        "PortOverrides": [{"ListenerPort": 443, "EndpointPort": 8443}],
    }


def ga_listener_entry(li: dict[str, Any], groups: Any = OMIT) -> dict[str, Any]:
    """A ``Listeners`` item (OMIT: ListEndpointGroups denied)."""
    entry: dict[str, Any] = {"Listener": li}
    if groups is not OMIT:
        entry["EndpointGroups"] = list(groups)
    return entry


def accelerator_entry(acc: dict[str, Any], listeners: Any = OMIT) -> dict[str, Any]:
    """An ``accelerators`` item (OMIT: ListListeners denied)."""
    entry: dict[str, Any] = {"Accelerator": acc}
    if listeners is not OMIT:
        entry["Listeners"] = list(listeners)
    return entry
