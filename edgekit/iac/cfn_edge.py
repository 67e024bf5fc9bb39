"""Other entry points: Classic Load Balancer, Lambda function URL, Global Accelerator.

Laid out as the elb, lambda and globalaccelerator collectors lay them out (docs/snapshot.md).
"""

from __future__ import annotations

from typing import Any

from edgekit.iac.estate import Estate, Resource
from edgekit.iac.translate import Translator, api, cfn_tags, known

CLB = "elb"
GA = "globalaccelerator"


# -- Classic Load Balancer ---------------------------------------------------------------------
def _clb_listener(li: dict[str, Any], policies: list[dict[str, Any]]) -> dict[str, Any]:
    names = li.get("PolicyNames")
    if not isinstance(names, list):  # policies that name this listener's port
        port = li.get("LoadBalancerPort")
        names = [
            p["PolicyName"]
            for p in policies
            if str(port) in [str(x) for x in p.get("LoadBalancerPorts") or []]
        ]
    listener = {k: v for k, v in li.items() if k != "PolicyNames"}
    listener.setdefault("InstanceProtocol", li.get("Protocol"))
    return {"Listener": listener, "PolicyNames": names}


def classic_load_balancer(res: Resource, estate: Estate) -> None:
    """AWS::ElasticLoadBalancing::LoadBalancer -> elb ``load_balancers`` item: description,
    attributes (the API's defaults where the template sets none), its own policies, tags."""
    policies = [p for p in known(estate, res, CLB, "Policies", []) or [] if isinstance(p, dict)]
    listeners = [
        _clb_listener(li, policies)
        for li in known(estate, res, CLB, "Listeners", []) or []
        if isinstance(li, dict)
    ]
    instances = known(estate, res, CLB, "Instances", []) or []
    subnets = known(estate, res, CLB, "Subnets", []) or []
    zones = known(estate, res, CLB, "AvailabilityZones", None)
    if zones is None:  # one zone per subnet; which one is only known at deploy time
        zones = [f"zone-of-{s}.iac.invalid" for s in subnets if isinstance(s, str)]
    body = {
        "LoadBalancerName": res.ident["Ref"],
        "DNSName": res.ident["DNSName"],
        "CanonicalHostedZoneName": res.ident.get("CanonicalHostedZoneName", res.ident["DNSName"]),
        "CanonicalHostedZoneNameID": res.ident.get("CanonicalHostedZoneNameID"),
        "ListenerDescriptions": listeners,
        "Policies": {
            "AppCookieStickinessPolicies": res.props.get("AppCookieStickinessPolicy") or [],
            "LBCookieStickinessPolicies": res.props.get("LBCookieStickinessPolicy") or [],
            "OtherPolicies": [p["PolicyName"] for p in policies if "PolicyName" in p],
        },
        "BackendServerDescriptions": [
            {"InstancePort": port, "PolicyNames": [p["PolicyName"]]}
            for p in policies
            for port in p.get("InstancePorts") or []
        ],
        "AvailabilityZones": zones,
        "Subnets": subnets,
        "Instances": [{"InstanceId": i} for i in instances],
        "SecurityGroups": known(estate, res, CLB, "SecurityGroups", []) or [],
        "CreatedTime": estate.timestamp,
        "Scheme": res.props.get("Scheme", "internet-facing"),
    }
    if "SourceSecurityGroup.GroupName" in res.ident:
        body["SourceSecurityGroup"] = {
            "OwnerAlias": res.ident.get("SourceSecurityGroup.OwnerAlias", res.account),
            "GroupName": res.ident["SourceSecurityGroup.GroupName"],
        }
    if "HealthCheck" in res.props:
        body["HealthCheck"] = res.props["HealthCheck"]
    description = api(estate, res, CLB, body, CLB, "LoadBalancerDescription", "")
    attributes = {
        "CrossZoneLoadBalancing": {"Enabled": res.props.get("CrossZone", False)},
        "AccessLog": res.props.get("AccessLoggingPolicy", {"Enabled": False}),
        "ConnectionDraining": res.props.get(
            "ConnectionDrainingPolicy", {"Enabled": False, "Timeout": 300}
        ),
        "ConnectionSettings": res.props.get("ConnectionSettings", {"IdleTimeout": 60}),
    }
    item = {
        "LoadBalancerDescription": description,
        "LoadBalancerAttributes": api(
            estate, res, CLB, attributes, CLB, "LoadBalancerAttributes", ""
        ),
        "PolicyDescriptions": [
            api(
                estate,
                res,
                CLB,
                {
                    "PolicyName": p.get("PolicyName"),
                    "PolicyTypeName": p.get("PolicyType"),
                    "PolicyAttributeDescriptions": [
                        {"AttributeName": a.get("Name"), "AttributeValue": a.get("Value")}
                        for a in p.get("Attributes") or []
                        if isinstance(a, dict)
                    ],
                },
                CLB,
                "PolicyDescription",
                f".Policies[{i}]",
            )
            for i, p in enumerate(policies)
        ],
        "Tags": cfn_tags(res, res.props.get("Tags")),
    }
    estate.add(res, res.region, CLB, "load_balancers", item)


# -- Lambda function URL -----------------------------------------------------------------------
def function_url(res: Resource, estate: Estate) -> None:
    """AWS::Lambda::Url -> lambda ``function_urls`` entry (the function, qualified by an alias
    when the URL names one, and its URL config). ``TargetFunctionArn`` may name the function
    by name too (as CloudFormation accepts)."""
    target = known(estate, res, "lambda", "TargetFunctionArn")
    qualifier = known(estate, res, "lambda", "Qualifier")
    if not isinstance(target, str) or not target:
        return
    if not target.startswith("arn:"):
        target = f"arn:{res.partition}:lambda:{res.region}:{res.account}:function:{target}"
    if isinstance(qualifier, str) and qualifier and target.count(":") == 6:
        target = f"{target}:{qualifier}"
    body = {
        **res.props,
        "FunctionUrl": res.ident["FunctionUrl"],
        "FunctionArn": target,
        "CreationTime": estate.timestamp,
        "LastModifiedTime": estate.timestamp,
        "InvokeMode": res.props.get("InvokeMode", "BUFFERED"),
    }
    config = api(estate, res, "lambda", body, "lambda", "GetFunctionUrlConfigResponse", "")
    item = {"FunctionArn": target, "FunctionUrlConfig": config}
    estate.add(res, res.region, "lambda", "function_urls", item)


# -- Global Accelerator --------------------------------------------------------------------------
def _ga_index(res: Resource, estate: Estate) -> dict[str, Any]:
    index: dict[str, Any] = estate.unit(res.account, "global", GA).setdefault("_index", {})
    return index


def accelerator(res: Resource, estate: Estate) -> None:
    """AWS::GlobalAccelerator::Accelerator -> ``accelerators`` item (static IPs: deploy time,
    left out unless the template brings its own)."""
    body: dict[str, Any] = {
        "AcceleratorArn": res.ident["AcceleratorArn"],
        "Name": res.props.get("Name"),
        "IpAddressType": res.props.get("IpAddressType", "IPV4"),
        "Enabled": res.props.get("Enabled", True),
        "DnsName": res.ident["DnsName"],
        "Status": "DEPLOYED",
        "CreatedTime": estate.timestamp,
        "LastModifiedTime": estate.timestamp,
    }
    if body["IpAddressType"] == "DUAL_STACK":
        body["DualStackDnsName"] = res.ident["DualStackDnsName"]
    addresses = known(estate, res, GA, "IpAddresses")
    if isinstance(addresses, list) and addresses:
        body["IpSets"] = [{"IpFamily": "IPv4", "IpAddresses": addresses}]
    item = {"Accelerator": api(estate, res, GA, body, GA, "Accelerator", ""), "Listeners": []}
    estate.add(res, "global", GA, "accelerators", item)
    _ga_index(res, estate)[body["AcceleratorArn"]] = item


def ga_listener(res: Resource, estate: Estate) -> None:
    """AWS::GlobalAccelerator::Listener -> a listener of its accelerator."""
    body = {"ClientAffinity": "NONE", **res.props, "ListenerArn": res.ident["ListenerArn"]}
    entry = {"Listener": api(estate, res, GA, body, GA, "Listener", ""), "EndpointGroups": []}
    entry["_iac"] = res.side()
    parent = known(estate, res, GA, "AcceleratorArn")

    def attach() -> None:
        item = _ga_index(res, estate).get(parent) if isinstance(parent, str) else None
        if item is None:
            estate.notes.append(f"{res.origin.logical_id}: accelerator {parent} not in the IaC set")
            return
        item["Listeners"].append(entry)

    estate.later(attach)
    _ga_index(res, estate)[res.ident["ListenerArn"]] = entry


def endpoint_group(res: Resource, estate: Estate) -> None:
    """AWS::GlobalAccelerator::EndpointGroup -> an endpoint group of its listener (endpoint
    health is only known once deployed: left out)."""
    body = {
        "TrafficDialPercentage": 100,
        "HealthCheckProtocol": "TCP",
        "HealthCheckIntervalSeconds": 30,
        "ThresholdCount": 3,
        **res.props,
        "EndpointGroupArn": res.ident["EndpointGroupArn"],
    }
    endpoints = body.pop("EndpointConfigurations", None) or []
    group = api(estate, res, GA, body, GA, "EndpointGroup", "")
    group["EndpointDescriptions"] = [
        api(
            estate,
            res,
            GA,
            {"Weight": 128, **e},
            GA,
            "EndpointDescription",
            f".EndpointConfigurations[{i}]",
        )
        for i, e in enumerate(endpoints if isinstance(endpoints, list) else [])
        if isinstance(e, dict)
    ]
    group.setdefault("PortOverrides", [])
    group["_iac"] = res.side()
    parent = known(estate, res, GA, "ListenerArn")

    def attach() -> None:
        def put() -> None:  # after every listener has attached
            entry = _ga_index(res, estate).get(parent) if isinstance(parent, str) else None
            if entry is None:
                estate.notes.append(
                    f"{res.origin.logical_id}: listener {parent} not in the IaC set"
                )
                return
            entry["EndpointGroups"].append(group)

        estate.later(put)

    estate.later(attach)


def finish_edge(estate: Estate) -> None:
    """Drop the Global Accelerator build index."""
    for (_a, _r, collector), data in estate.data.items():
        if collector == GA:
            data.pop("_index", None)


TRANSLATORS: dict[str, Translator] = {
    "AWS::ElasticLoadBalancing::LoadBalancer": classic_load_balancer,
    "AWS::Lambda::Url": function_url,
    "AWS::GlobalAccelerator::Accelerator": accelerator,
    "AWS::GlobalAccelerator::Listener": ga_listener,
    "AWS::GlobalAccelerator::EndpointGroup": endpoint_group,
}
