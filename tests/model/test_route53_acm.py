"""Route 53 zones/records/query logging and ACM certificates (incl. the summary fallback)."""

from __future__ import annotations

import datetime as dt

import pytest

from edgekit.errors import ModelError
from edgekit.model import NOT_COLLECTED, Certificate, HostedZone, Inventory
from tests.model import factories as f
from tests.model.factories import parse_strict


def _zone(inv: Inventory, zone_id: str) -> HostedZone:
    z = inv.route53.hosted_zone(zone_id)
    assert isinstance(z, HostedZone)
    return z


def _cert(
    inv: Inventory, ident: str, region: str = "us-east-1", account: str = f.ACCOUNT
) -> Certificate:
    c = inv.acm.certificate(f.cert_arn(ident, region, account))
    assert isinstance(c, Certificate)
    return c


def test_hosted_zones(rich: Inventory) -> None:
    public = _zone(rich, "/hostedzone/Z0EXAMPLE1")
    assert (public.id, public.name, public.raw_name, public.private_zone) == (
        "Z0EXAMPLE1",
        "example.com",
        "example.com.",
        False,
    )
    assert (public.region, public.record_set_count, public.comment) == (
        "global",
        11,
        "example.com zone",
    )
    assert public.query_logging_configs is not NOT_COLLECTED
    (qlc,) = public.query_logging_configs
    assert (qlc.id, qlc.hosted_zone_id) == ("qlc-1", "Z0EXAMPLE1")
    assert qlc.cloudwatch_logs_log_group_arn.startswith("arn:aws:logs:")
    private = _zone(rich, "Z0PRIVATE1")
    assert private.private_zone and private.query_logging_configs == ()
    assert rich.route53.hosted_zone("Z0GONE") is None


def test_zone_unknowns(partial: Inventory) -> None:
    zone = _zone(partial, "Z0DENIED")
    assert zone.record_sets is NOT_COLLECTED and zone.query_logging_configs is NOT_COLLECTED
    assert partial.record_sets == ()


def test_record_sets(rich: Inventory) -> None:
    apex = [r for r in rich.route53.records_named("EXAMPLE.COM.") if r.alias_target is not None]
    assert [r.type for r in apex] == ["A", "AAAA"]
    alias = apex[0].alias_target
    assert alias is not None
    assert (
        alias.dns_name,
        alias.raw_dns_name,
        alias.hosted_zone_id,
        alias.evaluate_target_health,
    ) == (
        "de1maindist.cloudfront.net",
        "de1maindist.cloudfront.net.",
        "Z2FDTNDATAQYW2",
        False,
    )
    (www,) = rich.route53.records_named("www.example.com")
    assert (www.type, www.ttl, www.values, www.target_names) == (
        "CNAME",
        300,
        ("de1maindist.cloudfront.net",),
        ("de1maindist.cloudfront.net",),
    )
    assert (www.hosted_zone_id, www.account_id, www.region, www.raw_name) == (
        "Z0EXAMPLE1",
        f.ACCOUNT,
        "global",
        "www.example.com.",
    )
    (api,) = rich.route53.records_named("api.example.com")
    assert api.alias_target is not None and api.alias_target.evaluate_target_health
    assert api.alias_target.dns_name.startswith("dualstack.")
    assert api.alias_target.canonical_dns_name == "web-alb-1234567890.us-east-1.elb.amazonaws.com"
    (wildcard,) = rich.route53.records_named("*.example.com")
    assert wildcard.raw_name == "\\052.example.com." and wildcard.name == "*.example.com"


def test_routing_policies(rich: Inventory) -> None:
    blue, green = rich.route53.records_named("w.example.com")
    assert (blue.set_identifier, blue.weight, blue.routing_policy) == ("blue", 80, "weighted")
    assert green.weight == 20
    (geo,) = rich.route53.records_named("geo.example.com")
    assert geo.geo_location is not None and geo.geo_location.continent_code == "EU"
    assert geo.routing_policy == "geolocation"
    (www,) = rich.route53.records_named("www.example.com")
    assert www.routing_policy == "simple"
    extra = [
        f.record("lat.x.", "A", ["192.0.2.9"], SetIdentifier="l", Region="eu-west-1"),
        f.record(
            "fo.x.", "A", ["192.0.2.9"], SetIdentifier="p", Failover="PRIMARY", HealthCheckId="hc-1"
        ),
        f.record("mv.x.", "A", ["192.0.2.9"], SetIdentifier="m", MultiValueAnswer=True),
        f.record(
            "cidr.x.",
            "A",
            ["192.0.2.9"],
            SetIdentifier="c",
            CidrRoutingConfig={
                "CollectionId": "11111111-1111-1111-1111-111111111111",
                "LocationName": "office",
            },
        ),
        f.record(
            "gp.x.",
            "A",
            ["192.0.2.9"],
            SetIdentifier="g",
            GeoProximityLocation={"AWSRegion": "eu-west-1", "Bias": 10},
        ),
    ]
    inv = parse_strict(
        f.snapshot(
            f.payload("route53", {"hosted_zones": [f.zone_entry(f.hosted_zone("Z1", "x"), extra)]})
        )
    )
    got = {r.name: r for r in inv.record_sets}
    assert got["lat.x"].routing_policy == "latency" and got["lat.x"].routing_region == "eu-west-1"
    assert got["fo.x"].routing_policy == "failover" and got["fo.x"].health_check_id == "hc-1"
    assert got["mv.x"].routing_policy == "multivalue"
    assert got["cidr.x"].routing_policy == "cidr"
    assert got["cidr.x"].cidr_routing_config is not None
    assert got["cidr.x"].cidr_routing_config["LocationName"] == "office"
    assert got["gp.x"].routing_policy == "geoproximity"


def test_records_pointing_to(rich: Inventory) -> None:
    to_dist = rich.route53.records_pointing_to("DE1MAINDIST.cloudfront.net.")
    assert sorted((r.name, r.type) for r in to_dist) == [
        ("example.com", "A"),
        ("example.com", "AAAA"),
        ("www.example.com", "CNAME"),
    ]
    to_alb = rich.route53.records_pointing_to("web-alb-1234567890.us-east-1.elb.amazonaws.com")
    assert [r.name for r in to_alb] == ["api.example.com"]
    assert (
        rich.route53.records_pointing_to("dualstack.web-alb-1234567890.us-east-1.elb.amazonaws.com")
        == to_alb
    )


def test_route53_model_error() -> None:
    bad = f.record("x.example.com.", "A", ["192.0.2.1"])
    del bad["Type"]
    with pytest.raises(ModelError) as err:
        parse_strict(
            f.snapshot(
                f.payload(
                    "route53",
                    {"hosted_zones": [f.zone_entry(f.hosted_zone("Z9", "example.com"), [bad])]},
                )
            )
        )
    assert str(err.value) == (
        "route53 payload (111111111111/global): hosted zone Z9: "
        "missing field 'ResourceRecordSets[0].Type'"
    )


def test_certificate_fields(rich: Inventory) -> None:
    c = _cert(rich, "11111111-aaaa-4aaa-8aaa-000000000001")
    assert (c.domain_name, c.subject_alternative_names, c.status, c.type) == (
        "example.com",
        ("example.com", "*.example.com"),
        "ISSUED",
        "AMAZON_ISSUED",
    )
    assert c.not_before == dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    assert c.not_after == dt.datetime(2027, 1, 31, 23, 59, 59, tzinfo=dt.UTC)
    assert c.not_after is not None and c.not_after.tzinfo is not None
    assert (c.key_algorithm, c.key_bits, c.renewal_eligibility) == ("RSA_2048", 2048, "ELIGIBLE")
    assert c.in_use_by == (
        f"arn:aws:cloudfront::{f.ACCOUNT}:distribution/E1MAINDIST",
        f"arn:aws:cloudfront::{f.ACCOUNT}:distribution/E3VPCORIGIN",
    )
    assert c.in_use is True and c.from_summary is False
    assert c.renewal_summary is not NOT_COLLECTED and c.renewal_summary is not None
    assert c.renewal_summary.renewal_status == "SUCCESS"
    assert c.renewal_summary.updated_at is not None
    assert c.domain_validation_options is not NOT_COLLECTED
    dvo = c.domain_validation_options[0]
    assert (dvo.domain_name, dvo.validation_status, dvo.validation_method) == (
        "example.com",
        "SUCCESS",
        "DNS",
    )
    assert dvo.resource_record is not None and dvo.resource_record.type == "CNAME"
    assert dvo.resource_record.name.endswith(".example.com.")
    assert c.validation_method == "DNS" and c.certificate_transparency_logging == "ENABLED"
    assert (c.issuer, c.issued_at is not None, c.imported_at) == ("Amazon", True, None)


def test_imported_and_ec_certificates(rich: Inventory) -> None:
    imported = _cert(rich, "11111111-aaaa-4aaa-8aaa-000000000002")
    assert (imported.type, imported.key_bits, imported.certificate_transparency_logging) == (
        "IMPORTED",
        1024,
        "DISABLED",
    )
    assert imported.renewal_summary is None and imported.domain_validation_options == ()
    assert imported.validation_method is None and imported.imported_at is not None
    ec = _cert(rich, "22222222-bbbb-4bbb-8bbb-000000000003", region="eu-west-1")
    assert ec.region == "eu-west-1" and ec.key_bits is None and ec.in_use is False
    assert ec.in_use_by == ()


@pytest.mark.parametrize(
    ("host", "covered"),
    [
        ("example.com", True),
        ("WWW.example.com.", True),
        ("a.b.example.com", False),
        ("example.org", False),
        (".example.com", False),
    ],
)
def test_certificate_covers(rich: Inventory, host: str, covered: bool) -> None:
    assert _cert(rich, "11111111-aaaa-4aaa-8aaa-000000000001").covers(host) is covered


def test_certificate_summary_fallback(partial: Inventory) -> None:
    c = _cert(partial, "c1", account=f.ACCOUNT_B)
    assert c.from_summary and c.status == "ISSUED" and c.not_after is not None
    for name in (
        "subject_alternative_names",
        "in_use_by",
        "renewal_summary",
        "domain_validation_options",
        "certificate_transparency_logging",
        "validation_method_option",
    ):
        assert getattr(c, name) is NOT_COLLECTED, name
    assert c.in_use is True  # the summary's InUse
    assert c.validation_method is NOT_COLLECTED
    assert c.names == ("shop.example.org",)
    assert c.covers("shop.example.org") is True
    assert c.covers("www.shop.example.org") is NOT_COLLECTED  # SANs truncated: unknown


def test_certificate_summary_with_complete_sans() -> None:
    cert = f.certificate("s2", "a.example.com", sans=["b.example.com"])
    inv = parse_strict(
        f.snapshot(
            f.payload(
                "acm", {"certificates": [f.certificate_summary_entry(cert)]}, region="us-east-1"
            )
        )
    )
    c = inv.certificates[0]
    assert c.subject_alternative_names == ("a.example.com", "b.example.com")
    assert c.covers("c.example.com") is False and c.in_use is False


def test_certificate_lookup_and_error(rich: Inventory) -> None:
    assert rich.acm.certificate(f.cert_arn("gone")) is None
    assert rich.acm.certificate(f.cert_arn("x", region="ap-south-1")) is NOT_COLLECTED
    assert rich.acm.certificate("not-an-arn") is NOT_COLLECTED
    cert = f.certificate("bad", "bad.example.com")
    cert["NotAfter"] = "soon"
    with pytest.raises(
        ModelError,
        match=r"certificate/bad: field 'Certificate\.NotAfter' is not an ISO 8601",
    ):
        parse_strict(
            f.snapshot(
                f.payload("acm", {"certificates": [f.certificate_entry(cert)]}, region="us-east-1")
            )
        )


def test_record_lookups_unknown_versus_none(
    rich: Inventory, partial: Inventory, multi: Inventory
) -> None:
    assert rich.route53.records_complete
    assert rich.route53.records_named("nobody.example.com") == ()
    assert rich.route53.records_pointing_to("dnothing.cloudfront.net") == ()
    assert not partial.route53.records_complete  # a zone's record sets were denied
    assert partial.route53.records_pointing_to("dnothing.cloudfront.net") is NOT_COLLECTED
    assert not multi.route53.records_complete  # account B's zones were not collected
    assert multi.route53.records_named("nobody.example.com") is NOT_COLLECTED
    assert multi.route53.records_named("cross.example.com") is not NOT_COLLECTED  # found is found
