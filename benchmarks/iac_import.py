"""IaC import benchmark: a generated ``cdk.out`` of N resources through ``edgekit import-iac``.

``python -m benchmarks.iac_import [--sizes 1000,5000] [--markdown]``

Each site is 29 CloudFormation resources written the way ``cdk synth`` writes them (bucket,
origin access control, DNS-validated certificate, web ACL, security group, ALB, target group,
two listeners, a header rule, a distribution over the bucket and the ALB, a bucket policy
naming the distribution, an alias record; and its other entry points: a REST API with
resource, method, deployment, stage, custom domain and mapping, an HTTP API with integration,
route and stage, a Lambda function URL, a Classic Load Balancer, a Global Accelerator with
listener and endpoint group over the ALB), wired with ``Ref`` / ``Fn::GetAtt`` / ``Fn::Join``;
four sites per stack, every stack listed in ``manifest.json``. Timed in process CPU seconds:
the import (reading every template, intrinsics, translation, settling), writing the snapshot
(gzip), a scan of the imported snapshot, and ``drift`` of the import against itself deployed.
The import must grow linearly: per-resource time of the largest size against the smallest.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks import common
from edgekit import snapshot as snap
from edgekit.iac.build import import_iac
from edgekit.iac.drift import drift
from edgekit.model import parse
from edgekit.rules import runner
from edgekit.rules.catalogue import load
from edgekit.rules.context import CheckContext
from edgekit.snapshot import Snapshot

SITE_RESOURCES = 29
SITES_PER_STACK = 4
ACCOUNT = "111111111111"


def _site(i: int, unresolved: bool = False) -> dict[str, Any]:
    """The CloudFormation resources of site ``i`` (logical ids suffixed with ``i``);
    ``unresolved``: the ``/api/*`` behavior's policy is a parameter without default."""
    host = f"www{i}.bench.example"

    def ref(name: str) -> dict[str, str]:
        return {"Ref": f"{name}{i}"}

    def att(name: str, attr: str) -> dict[str, list[str]]:
        return {"Fn::GetAtt": [f"{name}{i}", attr]}

    vis = {"SampledRequestsEnabled": True, "CloudWatchMetricsEnabled": True, "MetricName": "m"}
    r: dict[str, Any] = {
        "Bucket": ("AWS::S3::Bucket", {"BucketName": f"bench-{i}-assets"}),
        "Oac": (
            "AWS::CloudFront::OriginAccessControl",
            {
                "OriginAccessControlConfig": {
                    "Name": f"bench-{i}-oac",
                    "OriginAccessControlOriginType": "s3",
                    "SigningBehavior": "always",
                    "SigningProtocol": "sigv4",
                }
            },
        ),
        "Cert": (
            "AWS::CertificateManager::Certificate",
            {
                "DomainName": host,
                "ValidationMethod": "DNS",
                "DomainValidationOptions": [
                    {"DomainName": host, "HostedZoneId": "Z0BENCH00000001"}
                ],
            },
        ),
        "Acl": (
            "AWS::WAFv2::WebACL",
            {
                "Name": f"bench-{i}-acl",
                "Scope": "CLOUDFRONT",
                "DefaultAction": {"Allow": {}},
                "VisibilityConfig": vis,
                "Rules": [
                    {
                        "Name": "common",
                        "Priority": 0,
                        "OverrideAction": {"None": {}},
                        "Statement": {
                            "ManagedRuleGroupStatement": {
                                "VendorName": "AWS",
                                "Name": "AWSManagedRulesCommonRuleSet",
                            }
                        },
                        "VisibilityConfig": vis,
                    },
                    {
                        "Name": "rate",
                        "Priority": 1,
                        "Action": {"Block": {}},
                        "Statement": {
                            "RateBasedStatement": {"Limit": 2000, "AggregateKeyType": "IP"}
                        },
                        "VisibilityConfig": vis,
                    },
                ],
            },
        ),
        "Sg": (
            "AWS::EC2::SecurityGroup",
            {
                "GroupDescription": "ALB from CloudFront",
                "VpcId": "vpc-0bench000000000001",
                "SecurityGroupIngress": [
                    {
                        "IpProtocol": "tcp",
                        "FromPort": 443,
                        "ToPort": 443,
                        "SourcePrefixListId": "pl-3b927c52",
                    }
                ],
            },
        ),
        "Alb": (
            "AWS::ElasticLoadBalancingV2::LoadBalancer",
            {
                "Name": f"bench-{i}",
                "Scheme": "internet-facing",
                "Subnets": ["subnet-0bench0000000001", "subnet-0bench0000000002"],
                "SecurityGroups": [att("Sg", "GroupId")],
                "LoadBalancerAttributes": [{"Key": "deletion_protection.enabled", "Value": "true"}],
            },
        ),
        "Tg": (
            "AWS::ElasticLoadBalancingV2::TargetGroup",
            {
                "Name": f"bench-{i}-app",
                "Port": 8080,
                "Protocol": "HTTP",
                "TargetType": "ip",
                "VpcId": "vpc-0bench000000000001",
                "Targets": [{"Id": "10.0.0.10", "Port": 8080}],
            },
        ),
        "Https": (
            "AWS::ElasticLoadBalancingV2::Listener",
            {
                "LoadBalancerArn": ref("Alb"),
                "Port": 443,
                "Protocol": "HTTPS",
                "SslPolicy": "ELBSecurityPolicy-TLS13-1-2-2021-06",
                "Certificates": [{"CertificateArn": ref("Cert")}],
                "DefaultActions": [
                    {
                        "Type": "fixed-response",
                        "FixedResponseConfig": {"StatusCode": "403", "ContentType": "text/plain"},
                    }
                ],
            },
        ),
        "Http": (
            "AWS::ElasticLoadBalancingV2::Listener",
            {
                "LoadBalancerArn": ref("Alb"),
                "Port": 80,
                "Protocol": "HTTP",
                "DefaultActions": [
                    {
                        "Type": "redirect",
                        "RedirectConfig": {
                            "Protocol": "HTTPS",
                            "Port": "443",
                            "StatusCode": "HTTP_301",
                        },
                    }
                ],
            },
        ),
        "Rule": (
            "AWS::ElasticLoadBalancingV2::ListenerRule",
            {
                "ListenerArn": ref("Https"),
                "Priority": 10,
                "Conditions": [
                    {
                        "Field": "http-header",
                        "HttpHeaderConfig": {
                            "HttpHeaderName": "X-Origin-Verify",
                            "Values": [f"secret-{i}"],
                        },
                    }
                ],
                "Actions": [{"Type": "forward", "TargetGroupArn": ref("Tg")}],
            },
        ),
        "Dist": (
            "AWS::CloudFront::Distribution",
            {
                "DistributionConfig": {
                    "Enabled": True,
                    "Aliases": [host],
                    "HttpVersion": "http2and3",
                    "IPV6Enabled": True,
                    "WebACLId": att("Acl", "Arn"),
                    "Origins": [
                        {
                            "Id": "assets",
                            "DomainName": att("Bucket", "RegionalDomainName"),
                            "S3OriginConfig": {"OriginAccessIdentity": ""},
                            "OriginAccessControlId": att("Oac", "Id"),
                        },
                        {
                            "Id": "api",
                            "DomainName": att("Alb", "DNSName"),
                            "CustomOriginConfig": {"OriginProtocolPolicy": "https-only"},
                            "OriginCustomHeaders": [
                                {"HeaderName": "X-Origin-Verify", "HeaderValue": f"secret-{i}"}
                            ],
                        },
                    ],
                    "DefaultCacheBehavior": {
                        "TargetOriginId": "assets",
                        "ViewerProtocolPolicy": "redirect-to-https",
                        "CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6",
                    },
                    "CacheBehaviors": [
                        {
                            "PathPattern": "/api/*",
                            "TargetOriginId": "api",
                            "ViewerProtocolPolicy": {"Ref": "ApiPolicy"}
                            if unresolved
                            else "https-only",
                            "CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
                        }
                    ],
                    "ViewerCertificate": {
                        "AcmCertificateArn": ref("Cert"),
                        "SslSupportMethod": "sni-only",
                        "MinimumProtocolVersion": "TLSv1.2_2021",
                    },
                }
            },
        ),
        "Policy": (
            "AWS::S3::BucketPolicy",
            {
                "Bucket": ref("Bucket"),
                "PolicyDocument": {
                    "Version": "2012-10-17",
                    "Statement": [
                        {
                            "Effect": "Allow",
                            "Principal": {"Service": "cloudfront.amazonaws.com"},
                            "Action": "s3:GetObject",
                            "Resource": {"Fn::Join": ["", [att("Bucket", "Arn"), "/*"]]},
                            "Condition": {
                                "StringEquals": {
                                    "AWS:SourceArn": {
                                        "Fn::Join": [
                                            "",
                                            [
                                                "arn:aws:cloudfront::",
                                                {"Ref": "AWS::AccountId"},
                                                ":distribution/",
                                                ref("Dist"),
                                            ],
                                        ]
                                    }
                                }
                            },
                        }
                    ],
                },
            },
        ),
        "Record": (
            "AWS::Route53::RecordSet",
            {
                "HostedZoneId": "Z0BENCH00000001",
                "Name": f"{host}.",
                "Type": "A",
                "AliasTarget": {
                    "DNSName": att("Dist", "DomainName"),
                    "HostedZoneId": "Z2FDTNDATAQYW2",
                },
            },
        ),
    }
    r.update(_entry_points(i, ref, att))
    return {f"{name}{i}": {"Type": t, "Properties": p} for name, (t, p) in r.items()}


def _entry_points(i: int, ref: Any, att: Any) -> dict[str, Any]:
    """The site's other entry points: a REST API (resource, method, deployment, stage,
    custom domain and mapping), an HTTP API (integration, route, stage), a Lambda function URL,
    a Classic Load Balancer and a Global Accelerator in front of the ALB."""
    api = f"api{i}.bench.example"
    return {
        "Rest": (
            "AWS::ApiGateway::RestApi",
            {"Name": f"bench-{i}-rest", "EndpointConfiguration": {"Types": ["REGIONAL"]}},
        ),
        "RestProxy": (
            "AWS::ApiGateway::Resource",
            {
                "RestApiId": ref("Rest"),
                "ParentId": att("Rest", "RootResourceId"),
                "PathPart": "{proxy+}",
            },
        ),
        "RestAny": (
            "AWS::ApiGateway::Method",
            {
                "RestApiId": ref("Rest"),
                "ResourceId": ref("RestProxy"),
                "HttpMethod": "ANY",
                "AuthorizationType": "NONE",
                "Integration": {
                    "Type": "HTTP_PROXY",
                    "IntegrationHttpMethod": "ANY",
                    "Uri": f"https://{api}/{{proxy}}",
                },
            },
        ),
        "RestDeployment": ("AWS::ApiGateway::Deployment", {"RestApiId": ref("Rest")}),
        "RestStage": (
            "AWS::ApiGateway::Stage",
            {
                "RestApiId": ref("Rest"),
                "StageName": "prod",
                "DeploymentId": ref("RestDeployment"),
                "MethodSettings": [
                    {"ResourcePath": "/*", "HttpMethod": "*", "LoggingLevel": "ERROR"}
                ],
            },
        ),
        "RestDomain": (
            "AWS::ApiGateway::DomainName",
            {
                "DomainName": api,
                "RegionalCertificateArn": ref("Cert"),
                "EndpointConfiguration": {"Types": ["REGIONAL"]},
                "SecurityPolicy": "TLS_1_2",
            },
        ),
        "RestMapping": (
            "AWS::ApiGateway::BasePathMapping",
            {"DomainName": ref("RestDomain"), "RestApiId": ref("Rest"), "Stage": ref("RestStage")},
        ),
        "Http": ("AWS::ApiGatewayV2::Api", {"Name": f"bench-{i}-http", "ProtocolType": "HTTP"}),
        "HttpIntegration": (
            "AWS::ApiGatewayV2::Integration",
            {
                "ApiId": ref("Http"),
                "IntegrationType": "HTTP_PROXY",
                "IntegrationMethod": "ANY",
                "IntegrationUri": f"https://{api}",
                "PayloadFormatVersion": "1.0",
            },
        ),
        "HttpRoute": (
            "AWS::ApiGatewayV2::Route",
            {
                "ApiId": ref("Http"),
                "RouteKey": "$default",
                "Target": {"Fn::Join": ["/", ["integrations", ref("HttpIntegration")]]},
            },
        ),
        "HttpStage": (
            "AWS::ApiGatewayV2::Stage",
            {"ApiId": ref("Http"), "StageName": "$default", "AutoDeploy": True},
        ),
        "FnUrl": (
            "AWS::Lambda::Url",
            {
                "TargetFunctionArn": f"arn:aws:lambda:us-east-1:{ACCOUNT}:function:bench-{i}",
                "AuthType": "AWS_IAM",
            },
        ),
        "Clb": (
            "AWS::ElasticLoadBalancing::LoadBalancer",
            {
                "LoadBalancerName": f"bench-{i}-clb",
                "Subnets": ["subnet-0bench0000000001", "subnet-0bench0000000002"],
                "Listeners": [
                    {
                        "LoadBalancerPort": "443",
                        "InstancePort": "8443",
                        "Protocol": "HTTPS",
                        "SSLCertificateId": ref("Cert"),
                    }
                ],
            },
        ),
        "Accel": (
            "AWS::GlobalAccelerator::Accelerator",
            {"Name": f"bench-{i}-ga", "Enabled": True},
        ),
        "AccelListener": (
            "AWS::GlobalAccelerator::Listener",
            {
                "AcceleratorArn": ref("Accel"),
                "Protocol": "TCP",
                "PortRanges": [{"FromPort": 443, "ToPort": 443}],
            },
        ),
        "AccelGroup": (
            "AWS::GlobalAccelerator::EndpointGroup",
            {
                "ListenerArn": ref("AccelListener"),
                "EndpointGroupRegion": "us-east-1",
                "EndpointConfigurations": [{"EndpointId": ref("Alb"), "Weight": 100}],
            },
        ),
    }


def write_cdk_out(folder: Path, sites: int, unresolved: bool = False) -> int:
    """A cdk.out of ``sites`` sites; returns the number of CloudFormation resources."""
    folder.mkdir(parents=True, exist_ok=True)
    artifacts: dict[str, Any] = {}
    count = 0
    for s in range(0, sites, SITES_PER_STACK):
        resources: dict[str, Any] = {}
        for i in range(s, min(sites, s + SITES_PER_STACK)):
            resources.update(_site(i, unresolved))
        count += len(resources)
        name = f"Bench{s // SITES_PER_STACK:04d}"
        body: dict[str, Any] = {"Resources": resources}
        if unresolved:
            body["Parameters"] = {"ApiPolicy": {"Type": "String"}}
        (folder / f"{name}.template.json").write_text(json.dumps(body))
        artifacts[name] = {
            "type": "aws:cloudformation:stack",
            "environment": f"aws://{ACCOUNT}/us-east-1",
            "properties": {"templateFile": f"{name}.template.json"},
        }
    manifest = {"version": "36.0.0", "artifacts": artifacts}
    (folder / "manifest.json").write_text(json.dumps(manifest))
    return count


@dataclass(frozen=True)
class Row:
    """Figures for one size."""

    resources: int
    templates: int
    items: int
    import_s: float
    write_s: float
    size_kib: int
    scan_s: float
    findings: int
    drift_s: float

    @property
    def import_us_per_resource(self) -> float:
        """Import CPU time per resource, microseconds."""
        return self.import_s / self.resources * 1e6


def measure(size: int, work: Path, unresolved: bool = False) -> Row:
    """Generate about ``size`` resources, then time import, write, scan and drift."""
    folder = work / f"cdk-{size}-{unresolved}.out"
    sites = max(1, round(size / SITE_RESOURCES))
    resources = write_cdk_out(folder, sites, unresolved)
    import_s, (snapshot, _notes) = common.best(
        lambda: import_iac([str(folder)], now="2026-03-01T00:00:00Z"), repeat=1
    )
    out = work / f"iac-{size}.json.gz"
    start = time.process_time()
    snap.write(snapshot, out)
    write_s = time.process_time() - start
    start = time.process_time()
    found = runner.run(load(), CheckContext(parse(snapshot), snapshot=snapshot)).findings
    scan_s = time.process_time() - start
    live = _deployed(snapshot)
    start = time.process_time()
    report = drift(live, snapshot)
    drift_s = time.process_time() - start
    assert not report.drifted, report.to_json()["summary"]
    unknown = sum(f.status.value == "unknown" and "deploy time" in f.message for f in found)
    assert unknown >= (sites if unresolved else 0), unknown
    items = sum(
        len(v) for p in snapshot.payloads for v in p["data"].values() if isinstance(v, list)
    )
    return Row(
        resources,
        len(list(folder.glob("*.template.json"))),
        items,
        import_s,
        write_s,
        out.stat().st_size // 1024,
        scan_s,
        len(found),
        drift_s,
    )


def _deployed(iac: Snapshot) -> Snapshot:
    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k != "_iac"}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    doc = strip(iac.to_json())
    doc["source"] = "live"
    return Snapshot.from_json(doc)


def main(argv: list[str] | None = None) -> int:
    """Print the figures table and the linearity verdict (exit 1 when superlinear)."""
    p = argparse.ArgumentParser(prog="python -m benchmarks.iac_import", description=__doc__)
    p.add_argument("--sizes", default="1000,5000", help="resource counts (default 1000,5000)")
    p.add_argument("--markdown", action="store_true")
    args = p.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="edgekit-bench-iac-") as tmp:
        rows = [measure(size, Path(tmp)) for size in sizes]
        # the largest size again, its /api/* policies only known at deploy time: the scan
        # also runs in one world per allowed value (rules.deploytime)
        deploy_time = measure(sizes[-1], Path(tmp), unresolved=True)
    head = (
        "resources",
        "templates",
        "items",
        "import s",
        "µs/resource",
        "write s",
        "snapshot KiB",
        "scan s",
        "findings",
        "drift s",
    )
    body = [
        (
            r.resources,
            r.templates,
            r.items,
            f"{r.import_s:.2f}",
            f"{r.import_us_per_resource:.0f}",
            f"{r.write_s:.2f}",
            r.size_kib,
            f"{r.scan_s:.2f}",
            r.findings,
            f"{r.drift_s:.2f}",
        )
        for r in rows
    ]
    print(common.table(head, body, args.markdown))
    print(
        f"\nwith a deploy-time ViewerProtocolPolicy per site ({deploy_time.resources:,} "
        f"resources): import {deploy_time.import_s:.2f} s, scan {deploy_time.scan_s:.2f} s "
        f"(3 worlds), {deploy_time.findings} findings"
    )
    ratio = rows[-1].import_us_per_resource / rows[0].import_us_per_resource
    ok, text = common.linear(ratio, "import per resource", rows[0].resources, rows[-1].resources)
    print(f"\n{text}: ×{ratio:.2f}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
