"""API Gateway REST and HTTP APIs of the sample estate."""

from __future__ import annotations

from edgekit.sandbox.sample.accounts import Account
from edgekit.sandbox.sample.state import Estate

STAGE = "prod"


def rest_api(
    estate: Estate,
    account: Account,
    region: str,
    name: str,
    *,
    endpoint: str,
    api_key: bool = False,
    backend: str = "",
) -> str:
    """A REST API proxying ``/{proxy+}`` to an HTTP backend, deployed to ``prod``; its id.

    With ``api_key`` every method requires an API key, issued through a usage plan (the key is
    what CloudFront sends). The API's default endpoint host is recorded under ``name``.
    """
    apigw = account.client("apigateway", region)
    api_id = str(
        apigw.create_rest_api(
            name=name,
            description=f"Northwind {name}",
            endpointConfiguration={"types": [endpoint]},
            tags={"Name": name},
        )["id"]
    )
    root = apigw.get_resources(restApiId=api_id)["items"][0]["id"]
    proxy = apigw.create_resource(restApiId=api_id, parentId=root, pathPart="{proxy+}")["id"]
    apigw.put_method(
        restApiId=api_id,
        resourceId=proxy,
        httpMethod="ANY",
        authorizationType="NONE",
        apiKeyRequired=api_key,
        requestParameters={"method.request.path.proxy": True},
    )
    target = backend or f"https://{name.removeprefix('nw-')}.internal.northwind.example"
    apigw.put_integration(
        restApiId=api_id,
        resourceId=proxy,
        httpMethod="ANY",
        type="HTTP_PROXY",
        integrationHttpMethod="ANY",
        uri=f"{target}/{{proxy}}",
        requestParameters={"integration.request.path.proxy": "method.request.path.proxy"},
    )
    apigw.create_deployment(restApiId=api_id, stageName=STAGE, description="release")
    if api_key:
        plan = apigw.create_usage_plan(
            name=f"{name}-cloudfront",
            apiStages=[{"apiId": api_id, "stage": STAGE}],
            throttle={"burstLimit": 500, "rateLimit": 200.0},
        )["id"]
        key = apigw.create_api_key(
            name=f"{name}-cloudfront", enabled=True, value=f"{name}-cloudfront-key-6b1d94e0a7"
        )["id"]
        apigw.create_usage_plan_key(usagePlanId=plan, keyId=key, keyType="API_KEY")
        estate.extra[f"{name}/api-key"] = f"{name}-cloudfront-key-6b1d94e0a7"
    estate.apis[name] = f"{api_id}.execute-api.{region}.amazonaws.com"
    return api_id


def custom_domain(
    estate: Estate,
    account: Account,
    region: str,
    domain: str,
    api_id: str,
    certificate: str,
    *,
    security_policy: str = "TLS_1_2",
) -> None:
    """A regional custom domain name mapped to the API's ``prod`` stage (recorded for DNS)."""
    apigw = account.client("apigateway", region)
    created = apigw.create_domain_name(
        domainName=domain,
        regionalCertificateArn=certificate,
        endpointConfiguration={"types": ["REGIONAL"]},
        securityPolicy=security_policy,
    )
    apigw.create_base_path_mapping(domainName=domain, restApiId=api_id, stage=STAGE)
    estate.api_domains[domain] = (
        str(created["regionalDomainName"]),
        str(created["regionalHostedZoneId"]),
    )


def http_api_to_alb(
    estate: Estate,
    account: Account,
    region: str,
    name: str,
    *,
    listener_arn: str,
    subnets: tuple[str, ...],
    security_group: str,
) -> str:
    """An HTTP API whose only route proxies everything to an ALB listener via a VPC link."""
    apigw = account.client("apigatewayv2", region)
    api_id = str(apigw.create_api(Name=name, ProtocolType="HTTP", Tags={"Name": name})["ApiId"])
    link = apigw.create_vpc_link(
        Name=f"{name}-link", SubnetIds=list(subnets), SecurityGroupIds=[security_group]
    )["VpcLinkId"]
    integration = apigw.create_integration(
        ApiId=api_id,
        IntegrationType="HTTP_PROXY",
        IntegrationMethod="ANY",
        ConnectionType="VPC_LINK",
        ConnectionId=link,
        IntegrationUri=listener_arn,
        PayloadFormatVersion="1.0",
    )["IntegrationId"]
    apigw.create_route(ApiId=api_id, RouteKey="ANY /{proxy+}", Target=f"integrations/{integration}")
    apigw.create_stage(ApiId=api_id, StageName="$default", AutoDeploy=True)
    estate.apis[name] = f"{api_id}.execute-api.{region}.amazonaws.com"
    return api_id
