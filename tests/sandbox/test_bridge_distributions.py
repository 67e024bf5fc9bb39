"""Distributions through the bridge keep every member, as the real CloudFront API does.

Every response here is also checked against botocore's output shape (``validated_client``).
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from botocore.exceptions import ClientError

from tests.sandbox.configs import (
    ACM_ARN,
    CACHING_OPTIMIZED,
    FUNCTION_ARN,
    LAMBDA_ARN,
    echo_differences,
    minimal_config,
    qlist,
    rich_config,
)
from tests.sandbox.shapes import request_problems


def _create(cf: Any, config: dict[str, Any]) -> dict[str, Any]:
    created = cf.create_distribution(DistributionConfig=copy.deepcopy(config))
    assert created["ResponseMetadata"]["HTTPStatusCode"] == 201
    distribution: dict[str, Any] = created["Distribution"]
    return distribution


def _config(cf: Any, dist_id: str) -> dict[str, Any]:
    config: dict[str, Any] = cf.get_distribution(Id=dist_id)["Distribution"]["DistributionConfig"]
    return config


def test_the_rich_request_is_valid_for_botocore() -> None:
    assert (
        request_problems("cloudfront", "CreateDistribution", {"DistributionConfig": rich_config()})
        == []
    )


def test_create_get_get_config_list_and_update_echo_every_member(cf: Any) -> None:
    config = rich_config()
    created = _create(cf, config)
    assert echo_differences(config, created["DistributionConfig"]) == []
    got = cf.get_distribution(Id=created["Id"])
    assert echo_differences(config, got["Distribution"]["DistributionConfig"]) == []
    got_config = cf.get_distribution_config(Id=created["Id"])
    assert echo_differences(config, got_config["DistributionConfig"]) == []

    summary = cf.list_distributions()["DistributionList"]["Items"][0]
    summary_members = {k: v for k, v in config.items() if k in summary}
    assert set(summary_members) >= {"Origins", "OriginGroups", "DefaultCacheBehavior", "Staging"}
    assert echo_differences(summary_members, summary) == []
    assert summary["ETag"] == got["ETag"]

    changed = copy.deepcopy(config)
    ordered = changed["CacheBehaviors"]["Items"][0]
    ordered["FunctionAssociations"] = {"Quantity": 0}
    ordered["LambdaFunctionAssociations"] = qlist(
        [{"LambdaFunctionARN": LAMBDA_ARN, "EventType": "viewer-request", "IncludeBody": False}]
    )
    changed["Origins"]["Items"][0]["OriginAccessControlId"] = "E0THEROAC00001"
    changed["DefaultRootObject"] = "home.html"
    updated = cf.update_distribution(
        Id=created["Id"], IfMatch=got["ETag"], DistributionConfig=changed
    )
    assert echo_differences(changed, updated["Distribution"]["DistributionConfig"]) == []
    assert echo_differences(changed, _config(cf, created["Id"])) == []
    summary = cf.list_distributions()["DistributionList"]["Items"][0]
    assert echo_differences({k: v for k, v in changed.items() if k in summary}, summary) == []


def test_active_trusted_signers_follow_the_behaviors(cf: Any) -> None:
    distribution = cf.get_distribution(Id=_create(cf, rich_config())["Id"])["Distribution"]
    assert distribution["ActiveTrustedSigners"] == {
        "Enabled": True,
        "Quantity": 1,
        "Items": [{"AwsAccountNumber": "self", "KeyPairIds": {"Quantity": 0}}],
    }
    assert distribution["ActiveTrustedKeyGroups"]["Items"][0]["KeyGroupId"] == "kg-1"


def test_origins_keep_s3_oac_oai_and_vpc_origin_settings(cf: Any) -> None:
    origins = _config(cf, _create(cf, rich_config())["Id"])["Origins"]["Items"]
    by_id = {o["Id"]: o for o in origins}
    assert by_id["s3-oac"]["S3OriginConfig"] == {
        "OriginAccessIdentity": "",
        "OriginReadTimeout": 45,
    }
    assert by_id["s3-oac"]["OriginAccessControlId"] == "E2QWRUHAPOMQZL"
    assert by_id["s3-oai"]["S3OriginConfig"]["OriginAccessIdentity"].endswith("/E3OAIEXAMPLE01")
    assert by_id["vpc"]["VpcOriginConfig"] == {
        "VpcOriginId": "vo_x",
        "OriginReadTimeout": 40,
        "OriginKeepaliveTimeout": 6,
    }
    assert "CustomOriginConfig" not in by_id["vpc"] and "S3OriginConfig" not in by_id["vpc"]
    assert by_id["alb"]["CustomOriginConfig"]["OriginKeepaliveTimeout"] == 15


def test_function_and_lambda_associations_are_kept_on_both_behavior_kinds(cf: Any) -> None:
    config = _config(cf, _create(cf, rich_config())["Id"])
    default = config["DefaultCacheBehavior"]
    assert default["FunctionAssociations"] == qlist(
        [{"FunctionARN": FUNCTION_ARN, "EventType": "viewer-request"}]
    )
    assert default["LambdaFunctionAssociations"]["Items"][0]["LambdaFunctionARN"] == LAMBDA_ARN
    ordered = config["CacheBehaviors"]["Items"][0]
    assert ordered["FunctionAssociations"]["Items"][0]["EventType"] == "viewer-response"
    assert ordered["LambdaFunctionAssociations"] == {"Quantity": 0}


@pytest.mark.parametrize(
    ("certificate", "source", "named"),
    [
        ({"ACMCertificateArn": ACM_ARN, "SSLSupportMethod": "sni-only"}, "acm", ACM_ARN),
        ({"IAMCertificateId": "ASCAEXAMPLE", "SSLSupportMethod": "sni-only"}, "iam", "ASCAEXAMPLE"),
        ({"CloudFrontDefaultCertificate": True}, "cloudfront", None),
    ],
)
def test_certificate_source_follows_the_certificate(
    cf: Any, certificate: dict[str, Any], source: str, named: str | None
) -> None:
    config = minimal_config(CachePolicyId=CACHING_OPTIMIZED) | {"ViewerCertificate": certificate}
    viewer = _config(cf, _create(cf, config)["Id"])["ViewerCertificate"]
    assert viewer["CertificateSource"] == source
    assert viewer.get("Certificate") == named
    assert viewer["CloudFrontDefaultCertificate"] is (source == "cloudfront")


def test_cache_policy_behaviors_have_no_forwarded_values_or_ttls(cf: Any) -> None:
    config = _config(cf, _create(cf, rich_config())["Id"])
    for behavior in (config["DefaultCacheBehavior"], config["CacheBehaviors"]["Items"][0]):
        assert behavior["CachePolicyId"] == CACHING_OPTIMIZED
        assert not {"ForwardedValues", "MinTTL", "DefaultTTL", "MaxTTL"} & set(behavior)


def test_legacy_behaviors_keep_forwarded_values_and_get_aws_default_ttls(cf: Any) -> None:
    legacy = rich_config()["CacheBehaviors"]["Items"][1]
    config = _config(cf, _create(cf, rich_config())["Id"])
    assert config["CacheBehaviors"]["Items"][1]["ForwardedValues"] == legacy["ForwardedValues"]
    bare = minimal_config(
        "bare", ForwardedValues={"QueryString": False, "Cookies": {"Forward": "none"}}
    )
    default = _config(cf, _create(cf, bare)["Id"])["DefaultCacheBehavior"]
    assert (default["MinTTL"], default["DefaultTTL"], default["MaxTTL"]) == (0, 86400, 31536000)
    assert default["ForwardedValues"]["Headers"] == {"Quantity": 0}
    assert default["Compress"] is False and default["FieldLevelEncryptionId"] == ""


def test_behaviors_may_target_origin_groups_but_not_unknown_ids(cf: Any) -> None:
    config = _config(cf, _create(cf, rich_config())["Id"])
    assert config["DefaultCacheBehavior"]["TargetOriginId"] == "failover"
    assert config["OriginGroups"]["Items"][0]["Members"]["Quantity"] == 2
    for broken in ("DefaultCacheBehavior", "CacheBehaviors"):
        bad = rich_config()
        bad["CallerReference"] = f"bad-{broken}"
        target = bad[broken] if broken == "DefaultCacheBehavior" else bad[broken]["Items"][0]
        target["TargetOriginId"] = "nowhere"
        with pytest.raises(ClientError) as caught:
            cf.create_distribution(DistributionConfig=bad)
        assert caught.value.response["Error"]["Code"] == "NoSuchOrigin"
        assert caught.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404


def test_omitted_lists_come_back_as_quantity_zero_and_defaults_are_filled(cf: Any) -> None:
    config = _config(cf, _create(cf, minimal_config(CachePolicyId=CACHING_OPTIMIZED))["Id"])
    for member in ("Aliases", "OriginGroups", "CacheBehaviors", "CustomErrorResponses"):
        assert config[member] == {"Quantity": 0}
    assert config["Logging"] == {
        "Enabled": False,
        "IncludeCookies": False,
        "Bucket": "",
        "Prefix": "",
    }
    assert config["Restrictions"] == {"GeoRestriction": {"RestrictionType": "none", "Quantity": 0}}
    origin = config["Origins"]["Items"][0]
    assert origin["OriginAccessControlId"] == "" and origin["CustomHeaders"] == {"Quantity": 0}
    assert origin["CustomOriginConfig"]["OriginReadTimeout"] == 30
    behavior = config["DefaultCacheBehavior"]
    assert behavior["AllowedMethods"]["CachedMethods"] == qlist(["HEAD", "GET"])
    assert behavior["TrustedSigners"] == {"Enabled": False, "Quantity": 0}


def test_active_trusted_key_groups_list_the_groups_and_their_keys(cf: Any) -> None:
    key = cf.create_public_key(
        PublicKeyConfig={
            "CallerReference": "k",
            "Name": "signer",
            "EncodedKey": "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----",
        }
    )["PublicKey"]["Id"]
    group = cf.create_key_group(KeyGroupConfig={"Name": "signers", "Items": [key]})["KeyGroup"][
        "Id"
    ]
    config = minimal_config(
        CachePolicyId=CACHING_OPTIMIZED, TrustedKeyGroups={"Enabled": True, **qlist([group])}
    )
    distribution = cf.get_distribution(Id=_create(cf, config)["Id"])["Distribution"]
    assert distribution["ActiveTrustedKeyGroups"] == {
        "Enabled": True,
        "Quantity": 1,
        "Items": [{"KeyGroupId": group, "KeyPairIds": qlist([key])}],
    }
    assert distribution["ActiveTrustedSigners"] == {"Enabled": False, "Quantity": 0}
