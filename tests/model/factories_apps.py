"""Payload factories for s3, apigateway (v1), apigatewayv2 and lambda items, shaped like
botocore's output (validated in test_shapes_context.py)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from tests.model.factories_cf import ACCOUNT, OMIT, TS

REGION = "us-east-1"


# -- s3 --------------------------------------------------------------------------------------------
def statement(
    effect: str = "Allow",
    principal: Any = "*",
    actions: Any = "s3:GetObject",
    resources: Any = "arn:aws:s3:::b/*",
    conditions: Mapping[str, Mapping[str, Any]] | None = None,
    sid: str | None = None,
) -> dict[str, Any]:
    """A policy statement (single values stay strings, as IAM allows)."""
    st: dict[str, Any] = {"Effect": effect, "Principal": principal, "Action": actions}
    st["Resource"] = resources
    if sid:
        st["Sid"] = sid
    if conditions:
        st["Condition"] = {op: dict(keys) for op, keys in conditions.items()}
    return st


def oac_statement(bucket: str, distribution_arn: str | None) -> dict[str, Any]:
    """The statement CloudFront's console writes for OAC (``None``: without SourceArn)."""
    cond = {"StringEquals": {"AWS:SourceArn": distribution_arn}} if distribution_arn else None
    return statement(
        principal={"Service": "cloudfront.amazonaws.com"},
        resources=f"arn:aws:s3:::{bucket}/*",
        conditions=cond,
        sid="AllowCloudFrontServicePrincipal",
    )


def policy_json(*statements: dict[str, Any], policy_id: str | None = "p1") -> str:
    """A bucket policy document as the JSON string GetBucketPolicy returns."""
    doc: dict[str, Any] = {"Version": "2012-10-17", "Statement": list(statements)}
    if policy_id:
        doc["Id"] = policy_id
    return json.dumps(doc)


def public_access_block(on: bool = True, **overrides: bool) -> dict[str, bool]:
    """A PublicAccessBlockConfiguration (all four settings ``on``, unless overridden)."""
    pab = {
        "BlockPublicAcls": on,
        "IgnorePublicAcls": on,
        "BlockPublicPolicy": on,
        "RestrictPublicBuckets": on,
    }
    pab.update(overrides)
    return pab


def website(
    index: str | None = "index.html",
    error: str | None = "error.html",
    redirect: str | None = None,
) -> dict[str, Any]:
    """A GetBucketWebsite output."""
    out: dict[str, Any] = {}
    if redirect:
        out["RedirectAllRequestsTo"] = {"HostName": redirect, "Protocol": "https"}
        return out
    if index:
        out["IndexDocument"] = {"Suffix": index}
    if error:
        out["ErrorDocument"] = {"Key": error}
    out["RoutingRules"] = [
        {
            "Condition": {"KeyPrefixEquals": "docs/"},
            "Redirect": {"ReplaceKeyPrefixWith": "documents/", "HttpRedirectCode": "301"},
        }
    ]
    return out


def bucket_record(
    name: str,
    *,
    exists: bool | None = True,
    owned: bool | None = True,
    region: str | None = REGION,
    policy: Any = OMIT,
    status: Any = OMIT,
    pab: Any = OMIT,
    ownership: Any = OMIT,
    site: Any = OMIT,
) -> dict[str, Any]:
    """A ``buckets`` item; OMIT = not read. ``status`` defaults from the policy when given."""
    item: dict[str, Any] = {"Name": name, "exists": exists, "owned": owned}
    if region:
        item["BucketRegion"] = region
    if policy is not OMIT:
        item["Policy"] = policy
        if status is OMIT:
            status = None if policy is None else {"IsPublic": False}
    for key, value in (
        ("PolicyStatus", status),
        ("PublicAccessBlockConfiguration", pab),
        ("OwnershipControls", ownership),
        ("WebsiteConfiguration", site),
    ):
        if value is not OMIT:
            item[key] = value
    return item


def bucket_acl(*grants: tuple[str, str]) -> dict[str, Any]:
    """A GetBucketAcl output: the owner's FULL_CONTROL plus (group URI, permission) grants."""
    owner = {"ID": "owner-canonical-id", "Type": "CanonicalUser"}
    return {
        "Owner": {"ID": "owner-canonical-id"},
        "Grants": [
            {"Grantee": owner, "Permission": "FULL_CONTROL"},
            *({"Grantee": {"Type": "Group", "URI": u}, "Permission": p} for u, p in grants),
        ],
    }


def ownership(mode: str = "BucketOwnerEnforced") -> dict[str, Any]:
    """GetBucketOwnershipControls.OwnershipControls."""
    return {"Rules": [{"ObjectOwnership": mode}]}


# -- apigateway (v1) -------------------------------------------------------------------------------
def rest_api(
    api_id: str,
    name: str = "api",
    *,
    types: Sequence[str] = ("REGIONAL",),
    disable_default: bool = False,
    policy: str | None = None,
) -> dict[str, Any]:
    """A GetRestApis item (``policy`` as API Gateway returns it: a JSON string)."""
    api: dict[str, Any] = {
        "id": api_id,
        "name": name,
        "createdDate": TS,
        "apiKeySource": "HEADER",
        "endpointConfiguration": {"types": list(types)},
        "disableExecuteApiEndpoint": disable_default,
        "rootResourceId": "root0",
        "tags": {"env": "prod"},
    }
    if "PRIVATE" in types:
        api["endpointConfiguration"]["vpcEndpointIds"] = ["vpce-0abc"]
    if policy is not None:
        api["policy"] = policy
    return api


def escaped(policy: str) -> str:
    """A policy string as API Gateway's GetRestApis returns it (quotes backslash-escaped)."""
    return policy.replace('"', '\\"')


def rest_stage(
    name: str,
    *,
    web_acl: str | None = None,
    cache: bool = False,
    settings: Mapping[str, Mapping[str, Any]] | None = None,
) -> dict[str, Any]:
    """A GetStages item."""
    stage: dict[str, Any] = {
        "deploymentId": "dep1",
        "stageName": name,
        "cacheClusterEnabled": cache,
        "cacheClusterStatus": "AVAILABLE" if cache else "NOT_AVAILABLE",
        "methodSettings": {k: dict(v) for k, v in (settings or {}).items()},
        "tracingEnabled": True,
        "accessLogSettings": {
            "format": "$context.requestId",
            "destinationArn": f"arn:aws:logs:{REGION}:{ACCOUNT}:log-group:api",
        },
        "tags": {"stage": name},
        "createdDate": TS,
        "lastUpdatedDate": TS,
    }
    if cache:
        stage["cacheClusterSize"] = "0.5"
    if web_acl:
        stage["webAclArn"] = web_acl
    return stage


def integration(
    kind: str = "HTTP_PROXY",
    uri: str = "https://backend.example.com/{proxy}",
    *,
    vpc_link: str | None = None,
) -> dict[str, Any]:
    """A methodIntegration."""
    out: dict[str, Any] = {
        "type": kind,
        "httpMethod": "ANY",
        "uri": uri,
        "connectionType": "VPC_LINK" if vpc_link else "INTERNET",
        "timeoutInMillis": 29000,
    }
    if vpc_link:
        out["connectionId"] = vpc_link
    return out


def method(
    verb: str,
    *,
    auth: str = "NONE",
    api_key: bool = False,
    integ: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A Method (as embedded by GetResources ``embed=methods``)."""
    m: dict[str, Any] = {"httpMethod": verb, "authorizationType": auth, "apiKeyRequired": api_key}
    if auth == "CUSTOM":
        m["authorizerId"] = "auth1"
    if integ is not None:
        m["methodIntegration"] = integ
    return m


def rest_resource(
    res_id: str, path: str, methods: Sequence[dict[str, Any]] = (), parent: str | None = "root0"
) -> dict[str, Any]:
    """A GetResources item."""
    res: dict[str, Any] = {"id": res_id, "path": path}
    if parent and path != "/":
        res["parentId"] = parent
        res["pathPart"] = path.rsplit("/", 1)[-1]
    if methods:
        res["resourceMethods"] = {m["httpMethod"]: m for m in methods}
    return res


def rest_api_entry(
    api: dict[str, Any], *, stages: Any = OMIT, resources: Any = OMIT
) -> dict[str, Any]:
    """A ``rest_apis`` item; OMIT = that read was denied."""
    entry: dict[str, Any] = {"RestApi": api}
    if stages is not OMIT:
        entry["Stages"] = list(stages)
    if resources is not OMIT:
        entry["Resources"] = list(resources)
    return entry


def domain_v1(
    name: str,
    *,
    endpoint: str = "REGIONAL",
    security: str = "TLS_1_2",
    target: str | None = None,
    region: str = REGION,
    account: str = ACCOUNT,
) -> dict[str, Any]:
    """A v1 GetDomainNames item (EDGE: distributionDomainName; else regionalDomainName)."""
    cert = f"arn:aws:acm:us-east-1:{account}:certificate/api-cert"
    d: dict[str, Any] = {
        "domainName": name,
        "endpointConfiguration": {"types": [endpoint]},
        "domainNameStatus": "AVAILABLE",
        "securityPolicy": security,
    }
    if endpoint == "EDGE":
        d["certificateArn"] = cert
        d["distributionDomainName"] = target or "d111111abcdef8.cloudfront.net"
        d["distributionHostedZoneId"] = "Z2FDTNDATAQYW2"
    else:
        d["regionalCertificateArn"] = cert.replace("us-east-1", region)
        d["regionalDomainName"] = target or f"d-abc123.execute-api.{region}.amazonaws.com"
        d["regionalHostedZoneId"] = "Z1UJRXOUMOOFQ8"
    return d


def base_path_mapping(api_id: str, stage: str = "prod", path: str = "(none)") -> dict[str, str]:
    """A GetBasePathMappings item."""
    return {"basePath": path, "restApiId": api_id, "stage": stage}


def domain_v1_entry(domain: dict[str, Any], mappings: Any = OMIT) -> dict[str, Any]:
    """A v1 ``domain_names`` item; OMIT = GetBasePathMappings denied."""
    entry: dict[str, Any] = {"DomainName": domain}
    if mappings is not OMIT:
        entry["BasePathMappings"] = list(mappings)
    return entry


def usage_plan(plan_id: str, stages: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """A GetUsagePlans item."""
    return {
        "id": plan_id,
        "name": f"plan-{plan_id}",
        "apiStages": [{"apiId": a, "stage": s} for a, s in stages],
        "throttle": {"burstLimit": 100, "rateLimit": 50.0},
        "quota": {"limit": 10000, "offset": 0, "period": "MONTH"},
    }


def vpc_link_v1(link_id: str, targets: Sequence[str]) -> dict[str, Any]:
    """A v1 GetVpcLinks item."""
    return {
        "id": link_id,
        "name": f"link-{link_id}",
        "targetArns": list(targets),
        "status": "AVAILABLE",
    }


# -- apigatewayv2 ----------------------------------------------------------------------------------
def api_v2(
    api_id: str,
    name: str = "http-api",
    *,
    protocol: str = "HTTP",
    disable_default: bool = False,
    region: str = REGION,
) -> dict[str, Any]:
    """A v2 GetApis item."""
    scheme = "https" if protocol == "HTTP" else "wss"
    return {
        "ApiEndpoint": f"{scheme}://{api_id}.execute-api.{region}.amazonaws.com",
        "ApiId": api_id,
        "ApiKeySelectionExpression": "$request.header.x-api-key",
        "CreatedDate": TS,
        "DisableExecuteApiEndpoint": disable_default,
        "Name": name,
        "ProtocolType": protocol,
        "RouteSelectionExpression": "$request.method $request.path",
        "Tags": {"env": "prod"},
    }


def stage_v2(name: str = "$default") -> dict[str, Any]:
    """A v2 GetStages item."""
    return {
        "StageName": name,
        "AutoDeploy": True,
        "DeploymentId": "dep2",
        "DefaultRouteSettings": {"ThrottlingBurstLimit": 200, "ThrottlingRateLimit": 100.0},
        "AccessLogSettings": {
            "DestinationArn": f"arn:aws:logs:{REGION}:{ACCOUNT}:log-group:http",
            "Format": "$context.requestId",
        },
        "CreatedDate": TS,
        "Tags": {},
    }


def integration_v2(
    integ_id: str,
    kind: str = "HTTP_PROXY",
    uri: str = "https://backend.example.com",
    *,
    vpc_link: str | None = None,
) -> dict[str, Any]:
    """A v2 GetIntegrations item (``vpc_link``: URI is an ALB listener ARN)."""
    out: dict[str, Any] = {
        "IntegrationId": integ_id,
        "IntegrationType": kind,
        "IntegrationUri": uri,
        "IntegrationMethod": "ANY",
        "ConnectionType": "VPC_LINK" if vpc_link else "INTERNET",
        "PayloadFormatVersion": "1.0" if kind == "HTTP_PROXY" else "2.0",
        "TimeoutInMillis": 30000,
    }
    if vpc_link:
        out["ConnectionId"] = vpc_link
    return out


def route_v2(
    route_id: str, key: str, integ_id: str | None, *, auth: str = "NONE"
) -> dict[str, Any]:
    """A v2 GetRoutes item."""
    out: dict[str, Any] = {
        "RouteId": route_id,
        "RouteKey": key,
        "AuthorizationType": auth,
        "ApiKeyRequired": False,
    }
    if auth == "JWT":
        out["AuthorizerId"] = "jwt1"
    if integ_id:
        out["Target"] = f"integrations/{integ_id}"
    return out


def api_v2_entry(
    api: dict[str, Any], *, stages: Any = OMIT, integrations: Any = OMIT, routes: Any = OMIT
) -> dict[str, Any]:
    """A v2 ``apis`` item; OMIT = that read was denied."""
    entry: dict[str, Any] = {"Api": api}
    for key, value in (("Stages", stages), ("Integrations", integrations), ("Routes", routes)):
        if value is not OMIT:
            entry[key] = list(value)
    return entry


def domain_v2(
    name: str,
    *,
    endpoint: str = "REGIONAL",
    target: str | None = None,
    security: str = "TLS_1_2",
    region: str = REGION,
    account: str = ACCOUNT,
) -> dict[str, Any]:
    """A v2 GetDomainNames item with one configuration."""
    return {
        "DomainName": name,
        "DomainNameArn": f"arn:aws:apigateway:{region}::/domainnames/{name}",
        "DomainNameConfigurations": [
            {
                "ApiGatewayDomainName": target or f"d-abc123.execute-api.{region}.amazonaws.com",
                "CertificateArn": f"arn:aws:acm:{region}:{account}:certificate/v2-cert",
                "DomainNameStatus": "AVAILABLE",
                "EndpointType": endpoint,
                "HostedZoneId": "Z1UJRXOUMOOFQ8",
                "SecurityPolicy": security,
            }
        ],
        "Tags": {},
    }


def api_mapping(api_id: str, stage: str = "$default", key: str = "") -> dict[str, str]:
    """A GetApiMappings item."""
    mapping = {"ApiId": api_id, "ApiMappingId": f"m-{api_id}", "Stage": stage}
    if key:
        mapping["ApiMappingKey"] = key
    return mapping


def domain_v2_entry(domain: dict[str, Any], mappings: Any = OMIT) -> dict[str, Any]:
    """A v2 ``domain_names`` item; OMIT = GetApiMappings denied."""
    entry: dict[str, Any] = {"DomainName": domain}
    if mappings is not OMIT:
        entry["ApiMappings"] = list(mappings)
    return entry


def vpc_link_v2(link_id: str, name: str = "http-link") -> dict[str, Any]:
    """A v2 GetVpcLinks item."""
    return {
        "VpcLinkId": link_id,
        "Name": name,
        "SecurityGroupIds": ["sg-0link"],
        "SubnetIds": ["subnet-a", "subnet-b"],
        "VpcLinkStatus": "AVAILABLE",
        "VpcLinkVersion": "V2",
        "CreatedDate": TS,
        "Tags": {},
    }


# -- lambda ----------------------------------------------------------------------------------------
def function_arn(name: str, region: str = REGION, account: str = ACCOUNT) -> str:
    """An unqualified function ARN."""
    return f"arn:aws:lambda:{region}:{account}:function:{name}"


def url_config(
    arn: str, url_id: str, *, auth: str = "NONE", region: str = REGION
) -> dict[str, Any]:
    """A GetFunctionUrlConfig output (without ResponseMetadata)."""
    return {
        "FunctionUrl": f"https://{url_id}.lambda-url.{region}.on.aws/",
        "FunctionArn": arn,
        "AuthType": auth,
        "Cors": {"AllowOrigins": ["https://www.example.com"], "MaxAge": 300},
        "CreationTime": "2025-06-01T09:00:00.000+0000",
        "LastModifiedTime": "2025-06-02T09:00:00.000+0000",
        "InvokeMode": "BUFFERED",
    }


def function_url_entry(arn: str, config: Any = OMIT) -> dict[str, Any]:
    """A ``function_urls`` item (None: no URL; OMIT: GetFunctionUrlConfig denied)."""
    entry: dict[str, Any] = {"FunctionArn": arn}
    if config is not OMIT:
        entry["FunctionUrlConfig"] = config
    return entry


def function_configuration(qualified_arn: str) -> dict[str, Any]:
    """A GetFunctionConfiguration output."""
    name = qualified_arn.split(":")[6]
    return {
        "FunctionName": name,
        "FunctionArn": qualified_arn,
        "Runtime": "nodejs20.x",
        "Role": f"arn:aws:iam::{ACCOUNT}:role/edge",
        "Handler": "index.handler",
        "CodeSize": 1024,
        "Timeout": 5,
        "MemorySize": 128,
        "LastModified": "2025-06-01T09:00:00.000+0000",
        "Version": qualified_arn.rsplit(":", 1)[-1],
        "State": "Active",
        "PackageType": "Zip",
        "Architectures": ["x86_64"],
    }


def edge_function_entry(qualified_arn: str, config: Any = OMIT) -> dict[str, Any]:
    """An ``edge_functions`` item (None: version gone; OMIT: denied)."""
    entry: dict[str, Any] = {"FunctionArn": qualified_arn}
    if config is not OMIT:
        entry["Configuration"] = config
    return entry
