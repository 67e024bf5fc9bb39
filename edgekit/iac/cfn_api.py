"""API Gateway: REST APIs (v1: RestApi / Resource / Method / Deployment / Stage / DomainName /
BasePathMapping / UsagePlan / VpcLink) and HTTP/WebSocket APIs (v2: Api / Stage / Integration /
Route / DomainName / ApiMapping / VpcLink), in the apigateway and apigatewayv2 collectors' layouts.

Child resources attach to their API by id once every resource exists (:meth:`Estate.later`);
a REST API's resource paths, and the web ACL of each stage a WAFv2 association names, are
filled in by :func:`finish_apigateway`.
"""

from __future__ import annotations

import json
from typing import Any

from edgekit.iac.estate import Estate, Resource
from edgekit.iac.intrinsics import Unknown
from edgekit.iac.translate import Translator, api, known

V1 = "apigateway"
V2 = "apigatewayv2"
_INDEX = "_index"
"""Unit key of the id -> item index while the estate is built (dropped by the finish step)."""


def _index(estate: Estate, res: Resource, collector: str) -> dict[str, Any]:
    index: dict[str, Any] = estate.unit(res.account, res.region, collector).setdefault(_INDEX, {})
    return index


def _tag_map(value: Any) -> dict[str, str]:
    """CloudFormation's ``[{Key, Value}]`` (v1) or ``{key: value}`` (v2) as the API's map."""
    if isinstance(value, dict):
        return {str(k): str(v) for k, v in value.items() if not isinstance(v, Unknown)}
    listed = value if isinstance(value, list) else []
    return {
        str(t["Key"]): str(t["Value"])
        for t in listed
        if isinstance(t, dict) and "Key" in t and isinstance(t.get("Value"), str | int | bool)
    }


def api_item(estate: Estate, res: Resource, collector: str, api_id: Any) -> Any:
    """The ``rest_apis`` / ``apis`` item of API ``api_id`` while the estate is built (None
    when the set does not define it)."""
    return _index(estate, res, collector).get(api_id) if isinstance(api_id, str) else None


def _later_on(estate: Estate, res: Resource, collector: str, parent: Any, put: Any) -> None:
    """Run ``put(item)`` on the API ``parent`` once every resource exists (a note if absent)."""

    def attach() -> None:
        item = api_item(estate, res, collector, parent)
        if item is None:
            estate.notes.append(f"{res.origin.logical_id}: API {parent} not in the IaC set")
            return
        put(item)

    estate.later(attach)


# -- REST APIs (v1) ----------------------------------------------------------------------------
def rest_api(res: Resource, estate: Estate) -> None:
    """AWS::ApiGateway::RestApi -> ``rest_apis`` item (with its root resource ``/``)."""
    body = {k: v for k, v in res.props.items() if k not in ("Policy", "Tags")}
    body.update(id=res.ident["RestApiId"], createdDate=estate.timestamp)
    body["rootResourceId"] = res.ident["RootResourceId"]
    body.setdefault("Name", res.origin.logical_id)
    body.setdefault("EndpointConfiguration", {"Types": ["EDGE"]})
    body.setdefault("DisableExecuteApiEndpoint", False)
    body.setdefault("ApiKeySourceType", "HEADER")
    renames = {"ApiKeySourceType": "apiKeySource"}
    rest = api(estate, res, V1, body, V1, "RestApi", "", renames=renames)
    policy = known(estate, res, V1, "Policy")
    if isinstance(policy, dict):
        rest["policy"] = json.dumps(policy, separators=(",", ":"))
    elif isinstance(policy, str) and policy:
        rest["policy"] = policy
    rest["tags"] = _tag_map(res.props.get("Tags"))
    root = {"id": res.ident["RootResourceId"], "path": "/", "resourceMethods": {}}
    item = {"RestApi": rest, "Stages": [], "Resources": [root]}
    estate.add(res, res.region, V1, "rest_apis", item)
    _index(estate, res, V1)[rest["id"]] = item
    _v1_unit(estate, res)


def _v1_unit(estate: Estate, res: Resource) -> None:
    """The IaC set is complete for what it defines: its lists exist, if empty."""
    unit = estate.unit(res.account, res.region, V1)
    for key in ("rest_apis", "domain_names", "usage_plans", "vpc_links"):
        unit.setdefault(key, [])


def resource(res: Resource, estate: Estate) -> None:
    """AWS::ApiGateway::Resource -> a resource of its API (path set by the finish step)."""
    node = {
        "id": res.ident["Ref"],
        "parentId": known(estate, res, V1, "ParentId"),
        "pathPart": known(estate, res, V1, "PathPart"),
        "resourceMethods": {},
        "_iac": res.side(),
    }
    _later_on(
        estate, res, V1, known(estate, res, V1, "RestApiId"), lambda i: i["Resources"].append(node)
    )


def method(res: Resource, estate: Estate) -> None:
    """AWS::ApiGateway::Method -> an entry of its resource's ``resourceMethods``."""
    body = {"AuthorizationType": "NONE", "ApiKeyRequired": False, **res.props}
    converted = api(
        estate,
        res,
        V1,
        body,
        V1,
        "Method",
        "",
        renames={"Integration": "methodIntegration", "IntegrationHttpMethod": "httpMethod"},
    )
    verb = converted.get("httpMethod")
    parent = known(estate, res, V1, "ResourceId")
    converted["_iac"] = res.side()

    def put(item: dict[str, Any]) -> None:
        def attach() -> None:  # after every Resource of the set has attached
            for node in item["Resources"]:
                if node["id"] == parent and isinstance(verb, str):
                    node["resourceMethods"][verb] = converted
                    return
            estate.notes.append(f"{res.origin.logical_id}: resource {parent} not in the IaC set")

        estate.later(attach)

    _later_on(estate, res, V1, known(estate, res, V1, "RestApiId"), put)


def _method_settings(res: Resource, estate: Estate, settings: Any) -> dict[str, Any]:
    """CloudFormation's MethodSettings list as GetStages' map (``*/*``, ``~1pets/GET``)."""
    out: dict[str, Any] = {}
    for i, s in enumerate(settings if isinstance(settings, list) else []):
        if not isinstance(s, dict):
            continue
        path, verb = s.get("ResourcePath", "/*"), s.get("HttpMethod", "*")
        if not isinstance(path, str) or not isinstance(verb, str):
            estate.unresolved(res, f".MethodSettings[{i}]", Unknown("its method path"), V1)
            continue
        where = f".MethodSettings[{i}]"
        out[f"{path.removeprefix('/')}/{verb}"] = api(
            estate, res, V1, s, V1, "MethodSetting", where
        )
    return out


def _stage_item(res: Resource, estate: Estate, props: dict[str, Any]) -> dict[str, Any]:
    body = {k: v for k, v in props.items() if k not in ("MethodSettings", "Tags", "Variables")}
    body.setdefault("CacheClusterEnabled", False)
    body.setdefault("TracingEnabled", False)
    body.update(createdDate=estate.timestamp, lastUpdatedDate=estate.timestamp)
    stage: dict[str, Any] = api(estate, res, V1, body, V1, "Stage", "")
    stage["methodSettings"] = _method_settings(res, estate, props.get("MethodSettings"))
    if isinstance(props.get("Variables"), dict):
        stage["variables"] = _tag_map(props["Variables"])
    stage["tags"] = _tag_map(props.get("Tags"))
    stage["_iac"] = res.side(props)
    return stage


def stage(res: Resource, estate: Estate) -> None:
    """AWS::ApiGateway::Stage -> an entry of its API's ``Stages``."""
    item = _stage_item(res, estate, res.props)
    _later_on(
        estate, res, V1, known(estate, res, V1, "RestApiId"), lambda i: i["Stages"].append(item)
    )


def deployment(res: Resource, estate: Estate) -> None:
    """AWS::ApiGateway::Deployment with a StageName: the stage it creates (StageDescription
    settings; its logging/metrics/throttling/caching apply to every method, ``*/*``)."""
    name = known(estate, res, V1, "StageName")
    if not isinstance(name, str) or not name:
        return
    desc = known(estate, res, V1, "StageDescription", {}) or {}
    desc = desc if isinstance(desc, dict) else {}
    every = {
        k: v
        for k, v in desc.items()
        if k
        in (
            "LoggingLevel",
            "MetricsEnabled",
            "DataTraceEnabled",
            "ThrottlingBurstLimit",
            "ThrottlingRateLimit",
            "CachingEnabled",
            "CacheTtlInSeconds",
            "CacheDataEncrypted",
        )
    }
    settings = list(desc.get("MethodSettings") or [])
    if every:
        settings.insert(0, {"ResourcePath": "/*", "HttpMethod": "*", **every})
    props = {
        **{k: v for k, v in desc.items() if k not in every},
        "StageName": name,
        "DeploymentId": res.ident["Ref"],
        "MethodSettings": settings,
    }
    if "AccessLogSetting" in props:
        props["AccessLogSettings"] = props.pop("AccessLogSetting")
    item = _stage_item(res, estate, props)
    _later_on(
        estate, res, V1, known(estate, res, V1, "RestApiId"), lambda i: i["Stages"].append(item)
    )


def domain_name(res: Resource, estate: Estate) -> None:
    """AWS::ApiGateway::DomainName -> ``domain_names`` item (mappings from BasePathMapping)."""
    body = {k: v for k, v in res.props.items() if k != "Tags"}
    body.setdefault("EndpointConfiguration", {"Types": ["EDGE"]})
    body.setdefault("SecurityPolicy", "TLS_1_2")
    edge = "EDGE" in ((body.get("EndpointConfiguration") or {}).get("Types") or [])
    if edge:
        body["DistributionDomainName"] = res.ident["DistributionDomainName"]
        body["DistributionHostedZoneId"] = res.ident["DistributionHostedZoneId"]
    else:
        body["RegionalDomainName"] = res.ident["RegionalDomainName"]
        body["RegionalHostedZoneId"] = res.ident["RegionalHostedZoneId"]
    body["DomainNameStatus"] = "AVAILABLE"
    domain = api(estate, res, V1, body, V1, "DomainName", "")
    domain["tags"] = _tag_map(res.props.get("Tags"))
    estate.add(res, res.region, V1, "domain_names", {"DomainName": domain, "BasePathMappings": []})
    _v1_unit(estate, res)


def base_path_mapping(res: Resource, estate: Estate) -> None:
    """AWS::ApiGateway::BasePathMapping -> a mapping of its domain name."""
    name = known(estate, res, V1, "DomainName")
    body = {"BasePath": "(none)", **res.props}
    mapping = api(estate, res, V1, body, V1, "BasePathMapping", "")
    mapping["_iac"] = res.side()
    _attach_domain(res, estate, V1, name, "BasePathMappings", mapping)


def _attach_domain(
    res: Resource, estate: Estate, collector: str, name: Any, key: str, entry: Any
) -> None:
    def attach() -> None:
        for item in estate.items(res.account, res.region, collector, "domain_names"):
            domain = item["DomainName"]
            if isinstance(name, str) and name in (
                domain.get("domainName"),
                domain.get("DomainName"),
            ):
                item[key].append(entry)
                return
        estate.notes.append(f"{res.origin.logical_id}: domain name {name} not in the IaC set")

    estate.later(attach)


def usage_plan(res: Resource, estate: Estate) -> None:
    """AWS::ApiGateway::UsagePlan -> ``usage_plans`` item."""
    body = {**res.props, "Id": res.ident["Ref"]}
    plan = api(estate, res, V1, body, V1, "UsagePlan", "", renames={"UsagePlanName": "name"})
    estate.add(res, res.region, V1, "usage_plans", plan)
    _v1_unit(estate, res)


def vpc_link(res: Resource, estate: Estate) -> None:
    """AWS::ApiGateway::VpcLink -> ``vpc_links`` item."""
    body = {**res.props, "Id": res.ident["Ref"], "Status": "AVAILABLE"}
    estate.add(res, res.region, V1, "vpc_links", api(estate, res, V1, body, V1, "VpcLink", ""))
    _v1_unit(estate, res)


# -- HTTP and WebSocket APIs (v2) --------------------------------------------------------------
def http_api(res: Resource, estate: Estate) -> None:
    """AWS::ApiGatewayV2::Api -> ``apis`` item; quick create (``Target``) adds the integration,
    route and ``$default`` stage API Gateway creates with it."""
    protocol = res.props.get("ProtocolType", "HTTP")
    body = {k: v for k, v in res.props.items() if k not in ("Tags", "Target", "RouteKey")}
    body.update(
        ApiId=res.ident["ApiId"],
        ApiEndpoint=res.ident["ApiEndpoint"],
        CreatedDate=estate.timestamp,
        ProtocolType=protocol,
    )
    body.setdefault("Name", res.origin.logical_id)
    body.setdefault("DisableExecuteApiEndpoint", False)
    body.setdefault(
        "RouteSelectionExpression",
        "$request.body.action" if protocol == "WEBSOCKET" else "$request.method $request.path",
    )
    converted = api(estate, res, V2, body, V2, "Api", "")
    converted["Tags"] = _tag_map(res.props.get("Tags"))
    item: dict[str, Any] = {"Api": converted, "Stages": [], "Integrations": [], "Routes": []}
    target = known(estate, res, V2, "Target")
    if isinstance(target, str):
        lam = ":lambda:" in target or ":function:" in target
        integration_id = res.ident["ApiId"][:7]
        item["Integrations"].append(
            {
                "IntegrationId": integration_id,
                "IntegrationType": "AWS_PROXY" if lam else "HTTP_PROXY",
                "IntegrationUri": target,
                "IntegrationMethod": "POST" if lam else "ANY",
                "ConnectionType": "INTERNET",
                "PayloadFormatVersion": "2.0" if lam else "1.0",
                "ApiGatewayManaged": True,
            }
        )
        item["Routes"].append(
            {
                "RouteId": integration_id[::-1],
                "RouteKey": known(estate, res, V2, "RouteKey") or "$default",
                "Target": f"integrations/{integration_id}",
                "AuthorizationType": "NONE",
                "ApiKeyRequired": False,
                "ApiGatewayManaged": True,
            }
        )
        item["Stages"].append(
            {"StageName": "$default", "AutoDeploy": True, "ApiGatewayManaged": True}
        )
    estate.add(res, res.region, V2, "apis", item)
    _index(estate, res, V2)[converted["ApiId"]] = item
    unit = estate.unit(res.account, res.region, V2)
    unit.setdefault("domain_names", [])
    unit.setdefault("vpc_links", [])


def _v2_child(key: str, shape_name: str, ident_key: str, defaults: dict[str, Any]) -> Translator:
    def translate(res: Resource, estate: Estate) -> None:
        body = {**defaults, **res.props}
        if ident_key:
            body[ident_key] = res.ident["Ref"]
        if key == "Stages":
            body.update(CreatedDate=estate.timestamp, LastUpdatedDate=estate.timestamp)
        child = api(estate, res, V2, body, V2, shape_name, "")
        if "Tags" in child:
            child["Tags"] = _tag_map(res.props.get("Tags"))
        if key == "Stages" and isinstance(res.props.get("RouteSettings"), dict):
            child["RouteSettings"] = {
                rk: api(estate, res, V2, rs, V2, "RouteSettings", f".RouteSettings.{rk}")
                for rk, rs in res.props["RouteSettings"].items()
            }
        child["_iac"] = res.side()
        _later_on(estate, res, V2, known(estate, res, V2, "ApiId"), lambda i: i[key].append(child))

    return translate


def domain_name_v2(res: Resource, estate: Estate) -> None:
    """AWS::ApiGatewayV2::DomainName -> ``domain_names`` item (mappings from ApiMapping)."""
    configs = known(estate, res, V2, "DomainNameConfigurations", []) or []
    filled = [
        {
            "EndpointType": "REGIONAL",
            "SecurityPolicy": "TLS_1_2",
            "ApiGatewayDomainName": res.ident["RegionalDomainName"],
            "HostedZoneId": res.ident["RegionalHostedZoneId"],
            "DomainNameStatus": "AVAILABLE",
            **c,
        }
        for c in configs
        if isinstance(c, dict)
    ]
    body = {"DomainName": res.props.get("DomainName"), "DomainNameConfigurations": filled}
    domain = api(estate, res, V2, body, V2, "DomainName", "")
    domain["Tags"] = _tag_map(res.props.get("Tags"))
    estate.add(res, res.region, V2, "domain_names", {"DomainName": domain, "ApiMappings": []})
    unit = estate.unit(res.account, res.region, V2)
    unit.setdefault("apis", [])
    unit.setdefault("vpc_links", [])


def api_mapping(res: Resource, estate: Estate) -> None:
    """AWS::ApiGatewayV2::ApiMapping -> a mapping of its domain name."""
    body = {**res.props, "ApiMappingId": res.ident["Ref"]}
    mapping = api(estate, res, V2, body, V2, "ApiMapping", "")
    mapping["_iac"] = res.side()
    _attach_domain(res, estate, V2, known(estate, res, V2, "DomainName"), "ApiMappings", mapping)


def vpc_link_v2(res: Resource, estate: Estate) -> None:
    """AWS::ApiGatewayV2::VpcLink -> ``vpc_links`` item."""
    body = {**res.props, "VpcLinkId": res.ident["Ref"], "VpcLinkStatus": "AVAILABLE"}
    body.setdefault("SecurityGroupIds", [])
    link = api(estate, res, V2, body, V2, "VpcLink", "")
    link["Tags"] = _tag_map(res.props.get("Tags"))
    estate.add(res, res.region, V2, "vpc_links", link)


def finish_apigateway(estate: Estate) -> None:
    """Resource paths from their parents, stages' ``webAclArn`` from WAFv2 associations, and
    the build indexes dropped."""
    associated: dict[str, str] = {}
    for (_a, _r, collector), data in estate.data.items():
        if collector == "wafv2":
            for acl in data.get("web_acls", []):
                for arn in acl.get("ResourceArns") or []:
                    associated[arn.split(":", 2)[-1]] = acl["WebACL"]["ARN"]  # without partition
    for (_a, region, collector), data in estate.data.items():
        if collector not in (V1, V2):
            continue
        data.pop(_INDEX, None)
        for item in data.get("rest_apis", []) if collector == V1 else []:
            _paths(item["Resources"])
            api_id = item["RestApi"]["id"]
            for st in item["Stages"]:
                arn = f"apigateway:{region}::/restapis/{api_id}/stages/{st.get('stageName')}"
                if arn in associated:
                    st["webAclArn"] = associated[arn]


def _paths(resources: list[dict[str, Any]]) -> None:
    by_id = {r["id"]: r for r in resources}

    def path(node: dict[str, Any], depth: int = 0) -> str:
        if node.get("path"):
            return str(node["path"])
        parent = by_id.get(node.get("parentId"))
        part = node.get("pathPart")
        if parent is None or not isinstance(part, str) or depth > 64:
            return f"/unresolved.{node['id']}.iac.invalid"
        base = path(parent, depth + 1)
        node["path"] = f"{base.rstrip('/')}/{part}"
        return str(node["path"])

    for node in resources:
        path(node)
        for key in ("parentId", "pathPart"):
            if node.get(key) is None:
                node.pop(key, None)


TRANSLATORS: dict[str, Translator] = {
    "AWS::ApiGateway::RestApi": rest_api,
    "AWS::ApiGateway::Resource": resource,
    "AWS::ApiGateway::Method": method,
    "AWS::ApiGateway::Stage": stage,
    "AWS::ApiGateway::Deployment": deployment,
    "AWS::ApiGateway::DomainName": domain_name,
    "AWS::ApiGateway::BasePathMapping": base_path_mapping,
    "AWS::ApiGateway::UsagePlan": usage_plan,
    "AWS::ApiGateway::VpcLink": vpc_link,
    "AWS::ApiGatewayV2::Api": http_api,
    "AWS::ApiGatewayV2::Stage": _v2_child(
        "Stages", "Stage", "", {"AutoDeploy": False, "ApiGatewayManaged": False}
    ),
    "AWS::ApiGatewayV2::Integration": _v2_child(
        "Integrations", "Integration", "IntegrationId", {"ConnectionType": "INTERNET"}
    ),
    "AWS::ApiGatewayV2::Route": _v2_child(
        "Routes", "Route", "RouteId", {"AuthorizationType": "NONE", "ApiKeyRequired": False}
    ),
    "AWS::ApiGatewayV2::DomainName": domain_name_v2,
    "AWS::ApiGatewayV2::ApiMapping": api_mapping,
    "AWS::ApiGatewayV2::VpcLink": vpc_link_v2,
}
