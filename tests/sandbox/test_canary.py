"""Canary: plain moto still has every gap the bridge closes (and the bridge closes them all).

When a moto upgrade fixes a gap, ``test_plain_moto_still_has_the_gap[<gap>]`` fails: remove
that part of :mod:`edgekit.sandbox.bridge` and the gap from this list. The probe runs in a fresh
interpreter so the process-wide bridge cannot leak into it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = Path(__file__).with_name("canary_probe.py")
GAPS = [
    "cloudfront_drops_S3OriginConfig",
    "cloudfront_drops_OriginAccessControlId",
    "cloudfront_drops_VpcOriginConfig",
    "cloudfront_empties_FunctionAssociations",
    "cloudfront_empties_LambdaFunctionAssociations",
    "cloudfront_reports_cloudfront_CertificateSource_for_ACM",
    "cloudfront_invents_ForwardedValues_with_cache_policy",
    "cloudfront_invents_TTLs_with_cache_policy",
    "cloudfront_rejects_origin_group_default_target",
    "cloudfront_summary_lacks_Staging",
    "cloudfront_key_group_lacks_LastModifiedTime",
    "cloudfront_lacks_ListCachePolicies",
    "cloudfront_lacks_ListOriginRequestPolicies",
    "cloudfront_lacks_ListResponseHeadersPolicies",
    "cloudfront_lacks_ListCloudFrontOriginAccessIdentities",
    "cloudfront_lacks_ListVpcOrigins",
    "cloudfront_lacks_ListRealtimeLogConfigs",
    "cloudfront_lacks_PublishFunction",
    "wafv2_lacks_ListResourcesForWebACL",
    "route53_wraps_SOA_value",
    "wafv2_capacity_is_constant",
    "elbv2_default_rule_arn_is_an_object_id",
    "shield_lacks_ListProtectionGroups",
    "acm_in_use_by_ignores_cloudfront",
    "globalaccelerator_not_served",
    "waf_not_served",
    "waf_regional_not_served",
    "cloudwatch_fails_percentiles",
    "cloudwatch_ignores_namespace_with_dimensions",
    "cloudfront_lacks_CreateMonitoringSubscription",
]


@pytest.fixture(scope="module")
def plain_moto_gaps() -> dict[str, bool]:
    """The probe's verdict on plain moto, from a separate interpreter."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "MOTO_"))}
    env.update(
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",
        AWS_DEFAULT_REGION="us-east-1",
        AWS_CONFIG_FILE="/nonexistent/edgekit-test-config",
        AWS_SHARED_CREDENTIALS_FILE="/nonexistent/edgekit-test-credentials",
        MOTO_EC2_LOAD_DEFAULT_AMIS="false",
    )
    done = subprocess.run(
        [sys.executable, str(PROBE)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, bool] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_the_probe_checks_exactly_the_listed_gaps(plain_moto_gaps: dict[str, bool]) -> None:
    assert sorted(plain_moto_gaps) == sorted(GAPS)


@pytest.mark.parametrize("gap", GAPS)
def test_plain_moto_still_has_the_gap(plain_moto_gaps: dict[str, bool], gap: str) -> None:
    assert plain_moto_gaps[gap], (
        f"moto no longer has the gap {gap!r}: remove its bridge from edgekit.sandbox.bridge "
        "and the gap from tests/sandbox/test_canary.py"
    )


def test_the_bridge_closes_every_gap(sandbox_aws: None) -> None:
    from tests.sandbox.canary_probe import probe

    assert [gap for gap, present in probe().items() if present] == []


def test_the_bridge_is_gone_after_the_fixture() -> None:
    from moto.cloudfront import models

    from edgekit.sandbox import bridge

    assert not bridge.installed()
    assert models.DistributionConfig.__module__ == "moto.cloudfront.models"
