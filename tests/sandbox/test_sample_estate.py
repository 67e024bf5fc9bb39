"""The Northwind sample estate: seeded in-process, collected completely, saved as a fixture.

One seeding and one collection for the whole module (about 25 s): the module-scoped fixture
does what the ``sandbox_aws`` fixture does (bridged ``moto.mock_aws()``, fake credentials)
once, then every test reads the snapshot. The counts asserted here are the ones
``docs/sample-estate.md`` documents.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from edgekit.sandbox.errors import SandboxError
from edgekit.sandbox.sample import GOLDEN_HOSTNAMES, SampleInfo, seed_sample
from edgekit.snapshot import Snapshot, load
from tests.sandbox.sample_snapshot import FIXTURE, normalized_snapshot, sample_snapshot

ACCOUNTS = ["111111111111", "222222222222", "333333333333"]
REGIONS = ["eu-west-1", "us-east-1"]


@pytest.fixture(scope="module")
def sample() -> tuple[SampleInfo, Snapshot, int]:
    """(what was seeded, the collected snapshot, the number of failed units)."""
    info, result = sample_snapshot()
    return info, result.snapshot, result.failed_units


def _items(snapshot: Snapshot, collector: str, key: str) -> list[Any]:
    return [item for p in snapshot.iter_payloads(collector) for item in p["data"].get(key) or []]


def _distributions(snapshot: Snapshot) -> dict[str, dict[str, Any]]:
    """Distribution config by the sample's name (its ``Name`` tag without ``nw-``)."""
    found = {}
    for item in _items(snapshot, "cloudfront", "distributions"):
        name = {t["Key"]: t["Value"] for t in item["Tags"]}["Name"].removeprefix("nw-")
        found[name] = item["Distribution"]
    return found


@pytest.mark.parametrize("url", ["https://cloudfront.amazonaws.com", "http://10.0.0.5:5000"])
def test_seeding_refuses_anything_but_a_loopback_sandbox(url: str) -> None:
    with pytest.raises(SandboxError, match="only a loopback sandbox endpoint"):
        seed_sample(url)
    with pytest.raises(SandboxError, match="no moto mock_aws"):
        seed_sample()


def test_collection_is_complete(sample: tuple[SampleInfo, Snapshot, int]) -> None:
    info, snapshot, failed = sample
    assert failed == 0 and snapshot.errors == [] and snapshot.gaps == []
    assert snapshot.accounts() == ACCOUNTS == sorted(info.accounts)
    assert sorted({t.region for t in snapshot.targets}) == REGIONS == sorted(info.regions)
    collectors = Counter(p["collector"] for p in snapshot.payloads)
    for global_collector in ("cloudfront", "route53", "shield", "globalaccelerator", "waf"):
        assert collectors[global_collector] == 3, global_collector
    for regional in ("elbv2", "elb", "apigateway", "apigatewayv2", "waf-regional"):
        assert collectors[regional] == 6, regional


def test_counts_are_as_documented(sample: tuple[SampleInfo, Snapshot, int]) -> None:
    info, snapshot, _ = sample
    distributions = _distributions(snapshot)
    assert len(distributions) == len(info.distributions) == 33
    assert sum(not d["DistributionConfig"]["Enabled"] for d in distributions.values()) == 1
    balancers = _items(snapshot, "elbv2", "load_balancers")
    kinds = Counter(b["LoadBalancer"]["Type"] for b in balancers)
    assert kinds == {"application": 12, "network": 1}
    assert len(_items(snapshot, "elb", "load_balancers")) == 1
    assert len(info.load_balancers) == 14
    scopes = Counter(p["data"]["scope"] for p in snapshot.iter_payloads("wafv2"))
    acls = Counter(
        p["data"]["scope"] for p in snapshot.iter_payloads("wafv2") for _ in p["data"]["web_acls"]
    )
    assert scopes["CLOUDFRONT"] == 3 and acls == {"CLOUDFRONT": 3, "REGIONAL": 3}
    assert len(info.web_acls) == 6
    (classic,) = _items(snapshot, "waf", "web_acls")
    assert classic["WebACL"]["WebACLId"] == info.classic_web_acl
    zones = _items(snapshot, "route53", "hosted_zones")
    assert sorted(z["HostedZone"]["Name"] for z in zones) == [
        "northwind-legacy.example.",
        "northwind.example.",
        "nwpay.example.",
    ]
    assert len(_items(snapshot, "route53", "query_logging_configs")) == 2
    assert len(_items(snapshot, "globalaccelerator", "accelerators")) == 1
    assert len(_items(snapshot, "apigateway", "rest_apis")) == 3
    assert len(_items(snapshot, "apigatewayv2", "apis")) == 1
    urls = [u for u in _items(snapshot, "lambda", "function_urls") if u["FunctionUrlConfig"]]
    assert sorted(u["FunctionUrlConfig"]["AuthType"] for u in urls) == ["AWS_IAM", "NONE"]
    assert len(_items(snapshot, "lambda", "edge_functions")) == 1
    assert len(_items(snapshot, "acm", "certificates")) == 19


def test_the_seed_description_matches_the_snapshot(
    sample: tuple[SampleInfo, Snapshot, int],
) -> None:
    info, snapshot, _ = sample
    distributions = _distributions(snapshot)
    assert {n: d["Id"] for n, d in distributions.items()} == info.distributions
    aliases = {
        alias: name
        for name, d in distributions.items()
        for alias in d["DistributionConfig"]["Aliases"].get("Items", [])
    }
    assert aliases == info.entrypoints
    assert set(GOLDEN_HOSTNAMES) <= set(aliases)
    arns = {
        b["LoadBalancer"]["LoadBalancerArn"] for b in _items(snapshot, "elbv2", "load_balancers")
    }
    assert arns <= set(info.load_balancers.values())
    zones = {
        z["HostedZone"]["Id"].split("/")[-1] for z in _items(snapshot, "route53", "hosted_zones")
    }
    assert zones == set(info.hosted_zones.values())


def test_golden_paths_follow_the_catalogue(sample: tuple[SampleInfo, Snapshot, int]) -> None:
    _, snapshot, _ = sample
    distributions = _distributions(snapshot)
    standard = {a["WebACL"]["Name"]: a for a in _items(snapshot, "wafv2", "web_acls")}
    for name in ("www", "assets", "api", "thumbs", "pay"):
        config = distributions[name]["DistributionConfig"]
        viewer = config["ViewerCertificate"]
        assert (viewer["MinimumProtocolVersion"], viewer["SSLSupportMethod"]) == (
            "TLSv1.2_2021",
            "sni-only",
        ), name
        assert config["WebACLId"] and config["Logging"]["Enabled"], name
        assert (config["HttpVersion"], config["IsIPV6Enabled"]) == ("http2and3", True), name
        behaviors = [config["DefaultCacheBehavior"], *config["CacheBehaviors"].get("Items", [])]
        for behavior in behaviors:
            assert behavior["ViewerProtocolPolicy"] == "redirect-to-https", name
            assert behavior["ResponseHeadersPolicyId"] and behavior["CachePolicyId"], name
        for origin in config["Origins"]["Items"]:
            custom = origin.get("CustomOriginConfig")
            assert custom is None or custom["OriginProtocolPolicy"] == "https-only", name
            assert (
                "CustomOriginConfig" in origin
                or origin.get("OriginAccessControlId")
                or ("VpcOriginConfig" in origin)
            ), name
    for acl_name in ("nw-edge-standard", "nw-pay-edge"):
        acl = standard[acl_name]
        assert acl["LoggingConfiguration"] is not None
        groups = {
            r["Statement"]["ManagedRuleGroupStatement"]["Name"]
            for r in acl["WebACL"]["Rules"]
            if "ManagedRuleGroupStatement" in r["Statement"]
        }
        assert groups == {
            "AWSManagedRulesAmazonIpReputationList",
            "AWSManagedRulesCommonRuleSet",
            "AWSManagedRulesKnownBadInputsRuleSet",
            "AWSManagedRulesSQLiRuleSet",
        }
        assert any("RateBasedStatement" in r["Statement"] for r in acl["WebACL"]["Rules"])


def test_dangling_records_outlive_their_targets(sample: tuple[SampleInfo, Snapshot, int]) -> None:
    info, snapshot, _ = sample
    assert "beta" not in info.distributions and "nw-old-api" not in info.load_balancers
    records = {
        r["Name"]: r
        for z in _items(snapshot, "route53", "hosted_zones")
        for r in z["ResourceRecordSets"]
    }
    beta = records["beta.northwind.example."]["AliasTarget"]["DNSName"].rstrip(".")
    assert beta.endswith(".cloudfront.net") and beta not in info.distribution_domains.values()
    old_api = records["old-api.northwind.example."]["AliasTarget"]["DNSName"]
    assert "nw-old-api" in old_api
    buckets = {b["Name"]: b for b in _items(snapshot, "s3", "buckets")}
    assert buckets["campaign2019.northwind-legacy.example"]["exists"] is False


def test_the_saved_fixture_is_current(sample: tuple[SampleInfo, Snapshot, int]) -> None:
    _, snapshot, _ = sample
    fresh = normalized_snapshot(snapshot)
    saved = normalized_snapshot(load(FIXTURE))
    assert fresh == saved, (
        f"{FIXTURE} is stale: regenerate it with "
        ".venv/bin/python -m tests.sandbox.sample_snapshot --write "
        "tests/fixtures/snapshots/sample.json.gz"
    )
