"""The entry-points estate built through the sandbox, the live side of ``entrypoints.yaml``.

Created with ordinary boto3 calls from the same description as the template (written by
hand, never derived from the collected data): a REST API behind a TLS 1.0 custom domain, an
HTTP API with an access log, a public Lambda function URL and the REST API as CloudFront
origins, a Classic Load Balancer with an outdated TLS policy, and a Global Accelerator in front
of an ALB. Returns the twin's parameters (the subnets, known only once created).
"""

from __future__ import annotations

import io
import zipfile

from edgekit.sandbox.clients import SandboxClients

REGION = "us-east-1"
ACCOUNT = "123456789012"
LOG_GROUP = f"arn:aws:logs:{REGION}:{ACCOUNT}:log-group:orders-access"


def seed_entrypoints(clients: SandboxClients) -> dict[str, str]:
    """Create the estate of ``fixtures/entrypoints/entrypoints.yaml``; the twin's parameters."""
    ec2 = clients.client("ec2", REGION)
    vpc = ec2.create_vpc(CidrBlock="10.40.0.0/16")["Vpc"]["VpcId"]
    subnets = [
        ec2.create_subnet(VpcId=vpc, CidrBlock=cidr, AvailabilityZone=f"{REGION}{zone}")["Subnet"][
            "SubnetId"
        ]
        for cidr, zone in (("10.40.1.0/24", "a"), ("10.40.2.0/24", "b"))
    ]
    cert = clients.client("acm", REGION).request_certificate(
        DomainName="api.example.com",
        SubjectAlternativeNames=["orders.example.com"],
        ValidationMethod="DNS",
    )["CertificateArn"]
    rest_id = _rest_api(clients, cert)
    _http_api(clients, cert)
    url_host = _function_url(clients)
    _classic(clients, subnets, cert)
    alb = clients.client("elbv2", REGION).create_load_balancer(Name="shop-alb", Subnets=subnets)[
        "LoadBalancers"
    ][0]["LoadBalancerArn"]
    _accelerator(clients, alb)
    _distribution(clients, url_host, f"{rest_id}.execute-api.{REGION}.amazonaws.com")
    return {"SubnetA": subnets[0], "SubnetB": subnets[1]}


def _rest_api(clients: SandboxClients, cert: str) -> str:
    gw = clients.client("apigateway", REGION)
    api = gw.create_rest_api(
        name="shop-api", endpointConfiguration={"types": ["REGIONAL"]}, tags={"team": "shop"}
    )["id"]
    root = gw.get_resources(restApiId=api)["items"][0]["id"]
    proxy = gw.create_resource(restApiId=api, parentId=root, pathPart="{proxy+}")["id"]
    gw.put_method(restApiId=api, resourceId=proxy, httpMethod="ANY", authorizationType="NONE")
    gw.put_integration(
        restApiId=api,
        resourceId=proxy,
        httpMethod="ANY",
        type="HTTP_PROXY",
        integrationHttpMethod="ANY",
        uri="https://backend.internal.example.com/{proxy}",
    )
    deployment = gw.create_deployment(restApiId=api)["id"]
    gw.create_stage(restApiId=api, stageName="prod", deploymentId=deployment)
    gw.update_stage(
        restApiId=api,
        stageName="prod",
        patchOperations=[
            {"op": "replace", "path": "/*/*/metrics/enabled", "value": "true"},
            {"op": "replace", "path": "/*/*/logging/loglevel", "value": "OFF"},
        ],
    )
    gw.create_domain_name(
        domainName="api.example.com",
        regionalCertificateArn=cert,
        endpointConfiguration={"types": ["REGIONAL"]},
        securityPolicy="TLS_1_0",
    )
    gw.create_base_path_mapping(domainName="api.example.com", restApiId=api, stage="prod")
    return str(api)


def _http_api(clients: SandboxClients, cert: str) -> None:
    gw = clients.client("apigatewayv2", REGION)
    api = gw.create_api(Name="orders-http", ProtocolType="HTTP", Tags={"team": "orders"})["ApiId"]
    integration = gw.create_integration(
        ApiId=api,
        IntegrationType="HTTP_PROXY",
        IntegrationMethod="ANY",
        IntegrationUri="https://orders.internal.example.com",
        PayloadFormatVersion="1.0",
    )["IntegrationId"]
    gw.create_route(ApiId=api, RouteKey="ANY /{proxy+}", Target=f"integrations/{integration}")
    gw.create_stage(
        ApiId=api,
        StageName="$default",
        AutoDeploy=True,
        AccessLogSettings={"DestinationArn": LOG_GROUP, "Format": "$context.requestId"},
    )
    gw.create_domain_name(
        DomainName="orders.example.com",
        DomainNameConfigurations=[
            {"CertificateArn": cert, "EndpointType": "REGIONAL", "SecurityPolicy": "TLS_1_2"}
        ],
    )
    gw.create_api_mapping(DomainName="orders.example.com", ApiId=api, Stage="$default")


def _function_url(clients: SandboxClients) -> str:
    role = clients.client("iam", REGION).create_role(
        RoleName="thumbs",
        AssumeRolePolicyDocument='{"Version":"2012-10-17","Statement":[]}',
    )["Role"]["Arn"]
    code = io.BytesIO()
    with zipfile.ZipFile(code, "w") as z:
        z.writestr("index.py", "def handler(event, context):\n    return {}\n")
    lam = clients.client("lambda", REGION)
    lam.create_function(
        FunctionName="thumbs",
        Runtime="python3.12",
        Handler="index.handler",
        Role=role,
        Code={"ZipFile": code.getvalue()},
    )
    url = lam.create_function_url_config(FunctionName="thumbs", AuthType="NONE")["FunctionUrl"]
    return str(url).split("/")[2]


def _classic(clients: SandboxClients, subnets: list[str], cert: str) -> None:
    elb = clients.client("elb", REGION)
    elb.create_load_balancer(
        LoadBalancerName="legacy-clb",
        Scheme="internet-facing",
        Subnets=subnets,
        Listeners=[
            {"Protocol": "HTTP", "LoadBalancerPort": 80, "InstancePort": 80},
            {
                "Protocol": "HTTPS",
                "LoadBalancerPort": 443,
                "InstanceProtocol": "HTTPS",
                "InstancePort": 443,
                "SSLCertificateId": cert,
            },
        ],
    )
    elb.create_load_balancer_policy(
        LoadBalancerName="legacy-clb",
        PolicyName="legacy-tls",
        PolicyTypeName="SSLNegotiationPolicyType",
        PolicyAttributes=[
            {
                "AttributeName": "Reference-Security-Policy",
                "AttributeValue": "ELBSecurityPolicy-2016-08",
            }
        ],
    )
    elb.set_load_balancer_policies_of_listener(
        LoadBalancerName="legacy-clb", LoadBalancerPort=443, PolicyNames=["legacy-tls"]
    )
    elb.modify_load_balancer_attributes(
        LoadBalancerName="legacy-clb",
        LoadBalancerAttributes={"CrossZoneLoadBalancing": {"Enabled": True}},
    )
    elb.configure_health_check(
        LoadBalancerName="legacy-clb",
        HealthCheck={
            "Target": "HTTP:80/health",
            "Interval": 30,
            "Timeout": 5,
            "HealthyThreshold": 3,
            "UnhealthyThreshold": 5,
        },
    )


def _accelerator(clients: SandboxClients, alb: str) -> None:
    ga = clients.client("globalaccelerator", "us-west-2")
    accelerator = ga.create_accelerator(
        Name="shop-accelerator", Enabled=True, IdempotencyToken="shop-accelerator"
    )["Accelerator"]["AcceleratorArn"]
    listener = ga.create_listener(
        AcceleratorArn=accelerator,
        Protocol="TCP",
        PortRanges=[{"FromPort": 443, "ToPort": 443}],
        IdempotencyToken="shop-listener",
    )["Listener"]["ListenerArn"]
    ga.create_endpoint_group(
        ListenerArn=listener,
        EndpointGroupRegion=REGION,
        EndpointConfigurations=[
            {"EndpointId": alb, "Weight": 100, "ClientIPPreservationEnabled": True}
        ],
        IdempotencyToken="shop-group",
    )


def _origin(origin_id: str, host: str, path: str = "") -> dict[str, object]:
    return {
        "Id": origin_id,
        "DomainName": host,
        "OriginPath": path,
        "CustomOriginConfig": {
            "HTTPPort": 80,
            "HTTPSPort": 443,
            "OriginProtocolPolicy": "https-only",
            "OriginSslProtocols": {"Quantity": 3, "Items": ["TLSv1", "TLSv1.1", "TLSv1.2"]},
            "OriginReadTimeout": 30,
            "OriginKeepaliveTimeout": 5,
        },
    }


def _distribution(clients: SandboxClients, url_host: str, api_host: str) -> None:
    methods = {
        "Quantity": 2,
        "Items": ["GET", "HEAD"],
        "CachedMethods": {"Quantity": 2, "Items": ["GET", "HEAD"]},
    }
    clients.client("cloudfront", REGION).create_distribution(
        DistributionConfig={
            "CallerReference": "shop-example-com",
            "Aliases": {"Quantity": 1, "Items": ["shop.example.com"]},
            "Origins": {
                "Quantity": 2,
                "Items": [_origin("thumbs", url_host), _origin("api", api_host, "/prod")],
            },
            "DefaultCacheBehavior": {
                "TargetOriginId": "api",
                "ViewerProtocolPolicy": "redirect-to-https",
                "CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
                "AllowedMethods": methods,
                "Compress": False,
            },
            "CacheBehaviors": {
                "Quantity": 1,
                "Items": [
                    {
                        "PathPattern": "/thumbs/*",
                        "TargetOriginId": "thumbs",
                        "ViewerProtocolPolicy": "redirect-to-https",
                        "CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6",
                        "AllowedMethods": methods,
                        "Compress": False,
                    }
                ],
            },
            "Comment": "",
            "Enabled": True,
            "HttpVersion": "http1.1",
            "IsIPV6Enabled": False,
        }
    )
