"""CloudFront policies (managed resolution), OACs, OAIs, VPC origins, functions, logging v2."""

from __future__ import annotations

import pytest

from edgekit.errors import ModelError
from edgekit.model import (
    NOT_COLLECTED,
    CachePolicy,
    Distribution,
    Inventory,
    KeyItems,
    OriginRequestPolicy,
    ResponseHeadersPolicy,
)
from edgekit.model.cloudfront.policies import (
    CACHING_DISABLED,
    CACHING_OPTIMIZED,
    ORP_ALL_VIEWER,
    ORP_ALL_VIEWER_EXCEPT_HOST,
    RHP_SECURITY_HEADERS,
)
from tests.model import estates
from tests.model import factories as f
from tests.model.factories import parse_strict


def test_managed_policies_resolve_by_id_from_a_behavior(rich: Inventory) -> None:
    d = rich.cloudfront.distribution("E1MAINDIST")
    assert isinstance(d, Distribution)
    b = d.default_cache_behavior
    assert b.cache_policy_id is not None
    cp = rich.cloudfront.cache_policy(b.cache_policy_id, d.account_id)
    assert isinstance(cp, CachePolicy)
    assert (cp.name, cp.type, cp.is_managed, cp.caching_disabled, cp.cacheable) == (
        "Managed-CachingDisabled",
        "managed",
        True,
        True,
        False,
    )
    assert b.origin_request_policy_id is not None
    orp = rich.cloudfront.origin_request_policy(b.origin_request_policy_id)
    assert isinstance(orp, OriginRequestPolicy)
    assert orp.name == "Managed-AllViewerExceptHostHeader" and not orp.forwards_host_header
    assert b.response_headers_policy_id is not None
    rhp = rich.cloudfront.response_headers_policy(b.response_headers_policy_id, f.ACCOUNT)
    assert isinstance(rhp, ResponseHeadersPolicy) and rhp.is_managed


def test_cache_policy_fields(rich: Inventory) -> None:
    opt = rich.cloudfront.cache_policy(CACHING_OPTIMIZED)
    assert isinstance(opt, CachePolicy)
    assert (opt.min_ttl, opt.default_ttl, opt.max_ttl) == (1, 86400, 31536000)
    assert (opt.enable_accept_encoding_gzip, opt.enable_accept_encoding_brotli) == (True, True)
    assert opt.headers == KeyItems("none") and opt.cookies == KeyItems("none")
    assert opt.last_modified_time is not None and opt.comment.endswith("policy")
    custom = rich.cloudfront.cache_policy(estates.CUSTOM_CACHE_POLICY)
    assert isinstance(custom, CachePolicy) and not custom.is_managed
    assert custom.query_strings == KeyItems("all")
    assert custom.headers == KeyItems("whitelist", ("Authorization",))
    assert custom.headers.includes("authorization") and not custom.headers.includes("cookie")
    assert custom.query_strings.includes("anything")


def test_cache_policy_defaults_when_omitted() -> None:
    item = f.cache_policy("p1", "bare")
    cfg = item["CachePolicy"]["CachePolicyConfig"]
    for key in ("DefaultTTL", "MaxTTL", "ParametersInCacheKeyAndForwardedToOrigin", "Comment"):
        del cfg[key]
    inv = parse_strict(f.snapshot(f.payload("cloudfront", {"cache_policies": [item]})))
    cp = inv.cache_policies[0]
    assert (cp.default_ttl, cp.max_ttl, cp.headers, cp.enable_accept_encoding_gzip) == (
        86400,
        31536000,
        KeyItems("none"),
        False,
    )


def test_key_items_semantics() -> None:
    assert KeyItems("allExcept", ("host",)).includes("Accept") and not KeyItems(
        "allExcept", ("host",)
    ).includes("HOST")
    assert KeyItems("allViewer").includes("host")
    assert not KeyItems("none").includes("x")


def test_origin_request_policy_host_forwarding() -> None:
    items = f.managed_policies()["origin_request_policies"] + [
        f.origin_request_policy("w", "with-host", headers=("whitelist", ("Host", "Origin")))
    ]
    inv = parse_strict(f.snapshot(f.payload("cloudfront", {"origin_request_policies": items})))
    all_viewer = inv.cloudfront.origin_request_policy(ORP_ALL_VIEWER)
    except_host = inv.cloudfront.origin_request_policy(ORP_ALL_VIEWER_EXCEPT_HOST)
    with_host = inv.cloudfront.origin_request_policy("w")
    assert isinstance(all_viewer, OriginRequestPolicy) and all_viewer.forwards_host_header
    assert all_viewer.cookies == KeyItems("all") and all_viewer.query_strings == KeyItems("all")
    assert isinstance(except_host, OriginRequestPolicy) and not except_host.forwards_host_header
    assert isinstance(with_host, OriginRequestPolicy) and with_host.forwards_host_header


def test_response_headers_policy_fields(rich: Inventory) -> None:
    managed = rich.cloudfront.response_headers_policy(RHP_SECURITY_HEADERS)
    assert isinstance(managed, ResponseHeadersPolicy)
    hsts = managed.strict_transport_security
    assert hsts is not None and hsts.access_control_max_age_sec == 31536000
    weak = rich.cloudfront.response_headers_policy(estates.WEAK_RHP)
    assert isinstance(weak, ResponseHeadersPolicy)
    assert weak.strict_transport_security is not None
    sts = weak.strict_transport_security
    assert (sts.access_control_max_age_sec, sts.include_subdomains, sts.preload) == (
        3600,
        False,
        False,
    )
    assert (weak.content_type_options, weak.frame_option, weak.xss_protection) == (
        True,
        "SAMEORIGIN",
        True,
    )
    assert weak.referrer_policy == "strict-origin-when-cross-origin"
    assert weak.cors is not None and weak.cors.allow_origins == ("https://example.com",)
    assert (weak.cors.allow_credentials, weak.cors.origin_override, weak.cors.max_age_sec) == (
        False,
        True,
        600,
    )
    assert weak.custom_headers[0].header == "X-Env" and weak.remove_headers == ("Server",)
    assert not weak.server_timing_enabled


def test_response_headers_policy_without_hsts() -> None:
    item = f.response_headers_policy("r", "no-hsts", hsts=None)
    del item["ResponseHeadersPolicy"]["ResponseHeadersPolicyConfig"]["SecurityHeadersConfig"]
    inv = parse_strict(f.snapshot(f.payload("cloudfront", {"response_headers_policies": [item]})))
    rhp = inv.response_headers_policies[0]
    assert rhp.strict_transport_security is None and not rhp.content_type_options
    assert rhp.frame_option is None and rhp.cors is None


def test_policy_lookup_unknown_versus_none(partial: Inventory, rich: Inventory) -> None:
    # rich: cache policies listed → an unknown id is None ("does not exist")
    assert rich.cloudfront.cache_policy("no-such-policy", f.ACCOUNT) is None
    assert rich.cloudfront.cache_policy("no-such-policy") is None
    # partial: ListCachePolicies denied → NOT_COLLECTED, never None
    assert partial.cloudfront.cache_policy(CACHING_DISABLED, f.ACCOUNT_B) is NOT_COLLECTED
    assert partial.cloudfront.cache_policy(CACHING_DISABLED) is NOT_COLLECTED
    # ... and origin access controls were collected there (empty list): None
    assert partial.cloudfront.origin_access_control("E2OACEXAMPLE", f.ACCOUNT_B) is None
    # another account that was not collected at all: a managed policy is the same there ...
    managed = rich.cloudfront.cache_policy(CACHING_DISABLED, "999999999999")
    assert isinstance(managed, CachePolicy) and managed.is_managed
    # ... a custom one is that account's own, and unknown
    assert (
        rich.cloudfront.cache_policy(estates.CUSTOM_CACHE_POLICY, "999999999999") is NOT_COLLECTED
    )


C = "333333333333"


def _policy_estate() -> Inventory:
    """A lists the managed policies and custom ones; B's listings were denied; C listed only
    a custom policy of its own (as if its listing missed the managed ones)."""
    listed = f.managed_policies()
    listed["cache_policies"].append(f.cache_policy("custom-cp-a", "a-cache"))
    listed["origin_request_policies"].append(f.origin_request_policy("custom-orp-a", "a-orp"))
    listed["response_headers_policies"].append(f.response_headers_policy("custom-rhp-a", "a-rhp"))
    only_custom = {
        "cache_policies": [f.cache_policy("custom-cp-c", "c-cache")],
        "origin_request_policies": [],
        "response_headers_policies": [],
    }
    return parse_strict(
        f.snapshot(
            f.payload("cloudfront", {"distributions": [], **listed}),
            f.payload("cloudfront", {"distributions": []}, account=f.ACCOUNT_B),
            f.payload("cloudfront", {"distributions": [], **only_custom}, account=C),
            gaps=[
                f.gap("cloudfront", op, account=f.ACCOUNT_B)
                for op in (
                    "ListCachePolicies",
                    "ListOriginRequestPolicies",
                    "ListResponseHeadersPolicies",
                )
            ],
        )
    )


@pytest.mark.parametrize(
    ("lookup", "managed_id", "custom_id", "kind"),
    [
        ("cache_policy", CACHING_DISABLED, "custom-cp-a", CachePolicy),
        ("origin_request_policy", ORP_ALL_VIEWER, "custom-orp-a", OriginRequestPolicy),
        ("response_headers_policy", RHP_SECURITY_HEADERS, "custom-rhp-a", ResponseHeadersPolicy),
    ],
)
def test_managed_policies_answer_for_every_account(
    lookup: str, managed_id: str, custom_id: str, kind: type[object]
) -> None:
    inv = _policy_estate()
    find = getattr(inv.cloudfront, lookup)
    own = find(managed_id, f.ACCOUNT)
    assert isinstance(own, kind) and own.account_id == f.ACCOUNT
    # B's listing was denied, C's lacks the id, D was not collected: A's managed policy answers
    for account in (f.ACCOUNT_B, C, "444444444444"):
        found = find(managed_id, account)
        assert isinstance(found, kind) and found.is_managed, account
    # custom policies stay account-scoped
    assert isinstance(find(custom_id, f.ACCOUNT), kind)
    assert find(custom_id, f.ACCOUNT_B) is NOT_COLLECTED  # B's listing denied: cannot tell
    assert find(custom_id, C) is None  # C listed its policies: not among them
    assert find(custom_id, "444444444444") is NOT_COLLECTED
    assert find("no-such-policy", f.ACCOUNT_B) is NOT_COLLECTED
    assert find("no-such-policy", f.ACCOUNT) is None
    # no account given: any account's listing
    assert isinstance(find(custom_id), kind)


def test_policy_error_names_policy() -> None:
    item = f.cache_policy("p-broken", "broken")
    del item["CachePolicy"]["CachePolicyConfig"]["MinTTL"]
    with pytest.raises(ModelError) as err:
        parse_strict(f.snapshot(f.payload("cloudfront", {"cache_policies": [item]})))
    assert str(err.value) == (
        "cloudfront payload (111111111111/global): cache policy p-broken: "
        "missing field 'CachePolicy.CachePolicyConfig.MinTTL'"
    )


def test_oac_oai_vpc_origin(rich: Inventory) -> None:
    (oac,) = rich.origin_access_controls
    assert (oac.id, oac.name, oac.signing_behavior, oac.signing_protocol, oac.origin_type) == (
        "E2OACEXAMPLE",
        "assets-oac",
        "always",
        "sigv4",
        "s3",
    )
    assert rich.cloudfront.origin_access_control("E2OACEXAMPLE", f.ACCOUNT) == oac
    (oai,) = rich.origin_access_identities
    assert oai.path == "origin-access-identity/cloudfront/E3OAIEXAMPLE"
    assert (
        rich.cloudfront.origin_access_identity("origin-access-identity/cloudfront/E3OAIEXAMPLE")
        == oai
    )
    assert rich.cloudfront.origin_access_identity("E3OAIEXAMPLE", f.ACCOUNT) == oai
    (vo,) = rich.vpc_origins
    assert vo.origin_endpoint_arn.endswith("loadbalancer/app/app-internal/50dc6c495c0c9188")
    assert (vo.status, vo.owner_account_id, vo.region) == ("Deployed", f.ACCOUNT, "global")
    assert rich.cloudfront.vpc_origin("vo_0123456789abcdef") == vo


def test_functions_realtime_logs_and_log_deliveries(rich: Inventory) -> None:
    live, dev = rich.cloudfront_functions
    assert (live.name, live.stage, dev.stage, live.runtime) == (
        "rewrite",
        "LIVE",
        "DEVELOPMENT",
        "cloudfront-js-2.0",
    )
    assert rich.cloudfront.cloudfront_function(live.arn) == live
    (rt,) = rich.realtime_log_configs
    assert (rt.name, rt.sampling_rate, rt.fields[:1]) == ("edge-rt", 100, ("timestamp",))
    assert rt.stream_arns[0].startswith("arn:aws:kinesis:")
    assert rich.cloudfront.realtime_log_config(rt.arn) == rt
    main = rich.cloudfront.distribution("E1MAINDIST")
    legacy = rich.cloudfront.distribution("E2LEGACY")
    assert isinstance(main, Distribution) and isinstance(legacy, Distribution)
    deliveries = rich.cloudfront.log_deliveries_for(main)
    assert deliveries is not NOT_COLLECTED
    assert [d.id for d in deliveries] == ["dlv-1"]
    assert deliveries[0].delivery_destination_type == "S3"
    assert rich.cloudfront.log_deliveries_for(legacy) == ()
    (src,) = rich.log_delivery_sources
    assert src.resource_arns == (main.arn,) and src.log_type == "ACCESS_LOGS"


def test_log_deliveries_not_collected(partial: Inventory) -> None:
    d = partial.distributions[0]
    assert partial.cloudfront.log_deliveries_for(d) is NOT_COLLECTED
