"""Generated estates for the graph benchmark: snapshot documents shaped like the collectors'.

:func:`generate` builds ``sites`` repetitions of one "site" spread over accounts and regions:

* a distribution (aliases ``www`` and ``static``; an ALB origin with a secret header, an S3 REST
  origin with OAC, a partner origin nobody resolves; three behaviors, an origin group);
* an internet-facing ALB (HTTP redirect listener; HTTPS listener with two forwarding rules and
  a default rule) with two instance target groups of two targets each;
* every tenth site: an NLB in front of the ALB (an ``alb`` target group);
* Route 53: an alias to the distribution, a dualstack alias to the ALB, a CNAME chain of two;
* an ACM certificate; every fifth site a REGIONAL web ACL on the ALB, every tenth a CLOUDFRONT
  web ACL on the distribution;
* the S3 collector's record of the origin bucket; every fifth site a REST API (one stage, a
  proxy integration to the ALB and a Lambda integration) as a fourth origin.

Independent of ``tests/``: only plain dicts, as ``edgekit collect`` writes them.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from edgekit.snapshot import Snapshot, Target

COLLECTED_AT = "2026-02-01T12:00:00Z"
TS = "2026-01-15T10:00:00Z"
CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6"
REGIONS = ("us-east-1", "eu-west-1")
SECRET = "sha256:" + "ab" * 32


def _wrapped(items: list[Any]) -> dict[str, Any]:
    return {"Quantity": len(items), "Items": items} if items else {"Quantity": 0}


def _behavior(target: str, path: str | None = None) -> dict[str, Any]:
    b: dict[str, Any] = {} if path is None else {"PathPattern": path}
    b.update(
        {
            "TargetOriginId": target,
            "TrustedSigners": {"Enabled": False, "Quantity": 0},
            "TrustedKeyGroups": {"Enabled": False, "Quantity": 0},
            "ViewerProtocolPolicy": "redirect-to-https",
            "AllowedMethods": {
                **_wrapped(["HEAD", "GET"]),
                "CachedMethods": _wrapped(["HEAD", "GET"]),
            },
            "SmoothStreaming": False,
            "Compress": True,
            "LambdaFunctionAssociations": {"Quantity": 0},
            "FunctionAssociations": {"Quantity": 0},
            "FieldLevelEncryptionId": "",
            "CachePolicyId": CACHING_OPTIMIZED,
        }
    )
    return b


def _origin(
    origin_id: str, domain: str, *, s3: bool = False, secret: bool = False
) -> dict[str, Any]:
    origin: dict[str, Any] = {
        "Id": origin_id,
        "DomainName": domain,
        "OriginPath": "",
        "CustomHeaders": _wrapped(
            [{"HeaderName": "X-Origin-Verify", "HeaderValue": SECRET}] if secret else []
        ),
        "ConnectionAttempts": 3,
        "ConnectionTimeout": 10,
        "OriginShield": {"Enabled": False},
        "OriginAccessControlId": "E2OAC" if s3 else "",
    }
    if s3:
        origin["S3OriginConfig"] = {"OriginAccessIdentity": ""}
    else:
        origin["CustomOriginConfig"] = {
            "HTTPPort": 80,
            "HTTPSPort": 443,
            "OriginProtocolPolicy": "https-only",
            "OriginSslProtocols": _wrapped(["TLSv1.2"]),
            "OriginReadTimeout": 30,
            "OriginKeepaliveTimeout": 5,
        }
    return origin


def _distribution(
    i: int, account: str, alb_dns: str, cert: str, acl: str, api: str | None
) -> dict[str, Any]:
    dist_id = f"E{i:08d}BENCH"
    origins = [
        _origin("alb", alb_dns, secret=True),
        _origin("s3", f"assets-{i}.s3.us-east-1.amazonaws.com", s3=True),
        _origin("partner", f"origin-{i}.partner.example"),
    ]
    behaviors = [_behavior("s3", "/static/*"), _behavior("partner", "/partner/*")]
    if api is not None:
        origins.append(_origin("api", api))
        behaviors.append(_behavior("api", "/api/*"))
    group = {
        "Id": "ha",
        "FailoverCriteria": {"StatusCodes": _wrapped([500, 502, 503, 504])},
        "Members": _wrapped([{"OriginId": "alb"}, {"OriginId": "s3"}]),
    }
    return {
        "Distribution": {
            "Id": dist_id,
            "ARN": f"arn:aws:cloudfront::{account}:distribution/{dist_id}",
            "Status": "Deployed",
            "LastModifiedTime": TS,
            "DomainName": f"d{i:08d}bench.cloudfront.net",
            "DistributionConfig": {
                "CallerReference": f"ref-{i}",
                "Aliases": _wrapped([f"www.site{i}.example.com", f"static.site{i}.example.com"]),
                "DefaultRootObject": "index.html",
                "Origins": _wrapped(origins),
                "OriginGroups": _wrapped([group]),
                "DefaultCacheBehavior": _behavior("ha"),
                "CacheBehaviors": _wrapped(behaviors),
                "CustomErrorResponses": {"Quantity": 0},
                "Comment": "",
                "Logging": {"Enabled": False, "IncludeCookies": False, "Bucket": "", "Prefix": ""},
                "PriceClass": "PriceClass_100",
                "Enabled": True,
                "ViewerCertificate": {
                    "CloudFrontDefaultCertificate": False,
                    "ACMCertificateArn": cert,
                    "SSLSupportMethod": "sni-only",
                    "MinimumProtocolVersion": "TLSv1.2_2021",
                },
                "Restrictions": {"GeoRestriction": {"RestrictionType": "none", "Quantity": 0}},
                "WebACLId": acl,
                "HttpVersion": "http2and3",
                "IsIPV6Enabled": True,
            },
        },
        "Tags": [],
    }


def _forward(tg: str) -> dict[str, Any]:
    return {"Type": "forward", "TargetGroupArn": tg}


def _rule(listener: str, priority: str, actions: list[Any], path: str | None) -> dict[str, Any]:
    conditions = [{"Field": "path-pattern", "Values": [path]}] if path else []
    suffix = "default" if priority == "default" else f"r{priority}"
    return {
        "RuleArn": listener.replace(":listener/", ":listener-rule/") + f"/{suffix}",
        "Priority": priority,
        "Conditions": conditions,
        "Actions": actions,
        "IsDefault": priority == "default",
    }


def _listener(lb: str, port: int, protocol: str, actions: list[Any], rules: list[Any]) -> Any:
    arn = lb.replace(":loadbalancer/", ":listener/") + f"/l{port}"
    listener: dict[str, Any] = {
        "ListenerArn": arn,
        "LoadBalancerArn": lb,
        "Port": port,
        "Protocol": protocol,
        "DefaultActions": actions,
    }
    all_rules = [_rule(arn, p, a, path) for p, a, path in rules]
    all_rules.append(_rule(arn, "default", actions, None))
    return {"Listener": listener, "Rules": all_rules, "Certificates": []}


def _load_balancer(arn: str, name: str, kind: str, dns: str, listeners: list[Any]) -> Any:
    return {
        "LoadBalancer": {
            "LoadBalancerArn": arn,
            "DNSName": dns,
            "LoadBalancerName": name,
            "Scheme": "internet-facing",
            "Type": kind,
            "State": {"Code": "active"},
            "AvailabilityZones": [],
        },
        "Attributes": [],
        "Tags": [],
        "Listeners": listeners,
    }


def _target_group(arn: str, name: str, kind: str, lb: str, targets: list[str]) -> Any:
    return {
        "TargetGroup": {
            "TargetGroupArn": arn,
            "TargetGroupName": name,
            "Protocol": "HTTP",
            "Port": 80,
            "TargetType": kind,
            "HealthCheckEnabled": True,
            "LoadBalancerArns": [lb],
        },
        "Attributes": [],
        "TargetHealthDescriptions": [
            {"Target": {"Id": t, "Port": 80}, "TargetHealth": {"State": "healthy"}} for t in targets
        ],
    }


def _web_acl(name: str, arn: str, scope: str, resources: list[str] | None) -> Any:
    acl = {
        "Name": name,
        "Id": name,
        "ARN": arn,
        "DefaultAction": {"Allow": {}},
        "Rules": [],
        "VisibilityConfig": {
            "SampledRequestsEnabled": True,
            "CloudWatchMetricsEnabled": True,
            "MetricName": name,
        },
        "Capacity": 0,
    }
    entry: dict[str, Any] = {"WebACL": acl, "LoggingConfiguration": None}
    if resources is not None:
        entry["ResourceArns"] = resources
    return entry


def _alias(name: str, target: str) -> dict[str, Any]:
    return {
        "Name": name,
        "Type": "A",
        "AliasTarget": {"HostedZoneId": "Z2", "DNSName": target, "EvaluateTargetHealth": False},
    }


def _cname(name: str, value: str) -> dict[str, Any]:
    return {"Name": name, "Type": "CNAME", "TTL": 300, "ResourceRecords": [{"Value": value}]}


def generate(sites: int, accounts: int = 10) -> tuple[Snapshot, Counter[str]]:
    """A snapshot of ``sites`` sites and the number of resources of each kind in it."""
    data: dict[tuple[str, str, str], dict[str, list[Any]]] = {}
    counts: Counter[str] = Counter()

    def unit(account: str, region: str, collector: str) -> dict[str, list[Any]]:
        return data.setdefault((account, region, collector), {})

    for i in range(sites):
        account = f"{100000000000 + i % accounts:012d}"
        region = REGIONS[(i // accounts) % len(REGIONS)]
        _site(i, account, region, unit, counts)
    payloads = []
    for (account, region, collector), body in sorted(data.items()):
        if collector == "wafv2":
            body = {"scope": "CLOUDFRONT" if region == "global" else "REGIONAL", **body}
        if collector == "route53":
            zone = {"Id": f"/hostedzone/Z{account}", "Name": f"{account}.example.com."}
            body = {
                "hosted_zones": [{"HostedZone": zone, "ResourceRecordSets": body["records"]}],
                "query_logging_configs": [],
            }
        payloads.append(
            {"account_id": account, "region": region, "collector": collector, "data": body}
        )
    targets = sorted({(a, r) for a, r, _ in data if r != "global"})
    snapshot = Snapshot(
        collected_at=COLLECTED_AT,
        targets=[Target(a, r) for a, r in targets],
        payloads=payloads,
        source="benchmark",
    )
    return snapshot, counts


def _site(i: int, account: str, region: str, unit: Any, counts: Counter[str]) -> None:
    prefix = f"arn:aws:elasticloadbalancing:{region}:{account}"
    alb = f"{prefix}:loadbalancer/app/alb-{i}/{i:016x}"
    alb_dns = f"alb-{i}-{i:010d}.{region}.elb.amazonaws.com"
    tgs = [f"{prefix}:targetgroup/tg-{i}-{k}/{i:016x}" for k in range(2)]
    cert = f"arn:aws:acm:us-east-1:{account}:certificate/{i:08d}-0000-4000-8000-000000000000"
    cf_acl = ""
    if i % 10 == 0:
        cf_acl = f"arn:aws:wafv2:us-east-1:{account}:global/webacl/cf-{i}/{i:08d}"
        unit(account, "global", "wafv2").setdefault("web_acls", []).append(
            _web_acl(f"cf-{i}", cf_acl, "CLOUDFRONT", None)
        )
        counts["web_acls"] += 1
    if i % 5 == 0:
        acl = f"arn:aws:wafv2:{region}:{account}:regional/webacl/alb-{i}/{i:08d}"
        unit(account, region, "wafv2").setdefault("web_acls", []).append(
            _web_acl(f"alb-{i}", acl, "REGIONAL", [alb])
        )
        counts["web_acls"] += 1
    redirect = [
        {"Type": "redirect", "RedirectConfig": {"Protocol": "HTTPS", "StatusCode": "HTTP_301"}}
    ]
    listeners = [
        _listener(alb, 80, "HTTP", redirect, []),
        _listener(
            alb,
            443,
            "HTTPS",
            [{"Type": "fixed-response", "FixedResponseConfig": {"StatusCode": "403"}}],
            [("10", [_forward(tgs[0])], "/api/*"), ("20", [_forward(tgs[1])], "/*")],
        ),
    ]
    elbv2 = unit(account, region, "elbv2")
    lbs = elbv2.setdefault("load_balancers", [])
    groups = elbv2.setdefault("target_groups", [])
    lbs.append(_load_balancer(alb, f"alb-{i}", "application", alb_dns, listeners))
    for k, tg in enumerate(tgs):
        targets = [f"i-{i:08x}{k}{t}" for t in range(2)]
        groups.append(_target_group(tg, f"tg-{i}-{k}", "instance", alb, targets))
    counts.update(load_balancers=1, listeners=2, listener_rules=4, target_groups=2, targets=4)
    if i % 10 == 0:
        nlb = f"{prefix}:loadbalancer/net/nlb-{i}/{i:016x}"
        nlb_tg = f"{prefix}:targetgroup/nlb-{i}/{i:016x}"
        nlb_dns = f"nlb-{i}-{i:016x}.elb.{region}.amazonaws.com"
        lbs.append(
            _load_balancer(
                nlb,
                f"nlb-{i}",
                "network",
                nlb_dns,
                [_listener(nlb, 443, "TCP", [_forward(nlb_tg)], [])],
            )
        )
        groups.append(_target_group(nlb_tg, f"nlb-{i}", "alb", nlb, [alb]))
        counts.update(load_balancers=1, listeners=1, listener_rules=1, target_groups=1, targets=1)
    api_host = _rest_api(i, account, region, alb_dns, unit, counts) if i % 5 == 0 else None
    cf = unit(account, "global", "cloudfront").setdefault("distributions", [])
    cf.append(_distribution(i, account, alb_dns, cert, cf_acl, api_host))
    unit(account, "global", "s3").setdefault("buckets", []).append(
        {
            "Name": f"assets-{i}",
            "exists": True,
            "owned": True,
            "BucketRegion": "us-east-1",
            "Policy": None,
            "PolicyStatus": None,
            "PublicAccessBlockConfiguration": {
                "BlockPublicAcls": True,
                "IgnorePublicAcls": True,
                "BlockPublicPolicy": True,
                "RestrictPublicBuckets": True,
            },
        }
    )
    counts.update(buckets=1)
    unit(account, region if region == "us-east-1" else "us-east-1", "acm").setdefault(
        "certificates", []
    ).append(
        {
            "Certificate": {
                "CertificateArn": cert,
                "DomainName": f"*.site{i}.example.com",
                "SubjectAlternativeNames": [f"*.site{i}.example.com"],
                "InUseBy": [f"arn:aws:cloudfront::{account}:distribution/E{i:08d}BENCH"],
                "Status": "ISSUED",
                "Type": "AMAZON_ISSUED",
            }
        }
    )
    records = unit(account, "global", "route53").setdefault("records", [])
    records += [
        _alias(f"www.site{i}.example.com.", f"d{i:08d}bench.cloudfront.net."),
        _alias(f"api.site{i}.example.com.", f"dualstack.{alb_dns}."),
        _cname(f"app.site{i}.example.com.", f"app2.site{i}.example.com"),
        _cname(f"app2.site{i}.example.com.", f"www.site{i}.example.com"),
    ]
    counts.update(distributions=1, certificates=1, record_sets=4)


def _rest_api(
    i: int, account: str, region: str, alb_dns: str, unit: Any, counts: Counter[str]
) -> str:
    """A REST API in front of the site's ALB; returns its execute-api host."""
    api_id = f"a{i:09d}"
    fn = f"arn:aws:lambda:{region}:{account}:function:fn-{i}"
    lambda_uri = f"arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{fn}/invocations"
    methods = {
        "ANY": {
            "httpMethod": "ANY",
            "authorizationType": "NONE",
            "apiKeyRequired": False,
            "methodIntegration": {
                "type": "HTTP_PROXY",
                "uri": f"https://{alb_dns}/{{proxy}}",
                "connectionType": "INTERNET",
            },
        },
        "POST": {
            "httpMethod": "POST",
            "authorizationType": "AWS_IAM",
            "apiKeyRequired": False,
            "methodIntegration": {"type": "AWS_PROXY", "uri": lambda_uri},
        },
    }
    entry = {
        "RestApi": {
            "id": api_id,
            "name": f"api-{i}",
            "endpointConfiguration": {"types": ["REGIONAL"]},
            "disableExecuteApiEndpoint": False,
        },
        "Stages": [{"stageName": "prod", "deploymentId": "d1"}],
        "Resources": [
            {"id": "root", "path": "/"},
            {"id": "proxy", "path": "/{proxy+}", "parentId": "root", "resourceMethods": methods},
        ],
    }
    data = unit(account, region, "apigateway")
    data.setdefault("rest_apis", []).append(entry)
    for key in ("domain_names", "usage_plans", "vpc_links"):
        data.setdefault(key, [])
    counts.update(rest_apis=1, api_stages=1)
    return f"{api_id}.execute-api.{region}.amazonaws.com"


def resources(counts: Counter[str]) -> int:
    """Resources counted for the per-resource figures (targets are not resources)."""
    return sum(v for k, v in counts.items() if k != "targets")


SITE_RESOURCES = 17.1
"""Average resources per site (for sizing: sites = round(resources / SITE_RESOURCES))."""
