"""parse_strict(): coverage, the registry, lookups across accounts, robustness and purity."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest

from edgekit.errors import ModelError
from edgekit.model import (
    NOT_COLLECTED,
    Coverage,
    Distribution,
    Gap,
    Inventory,
    LoadBalancer,
    UnitError,
)
from edgekit.model.registry import KIND_SOURCES, PARSERS
from tests.model import factories as f
from tests.model.factories import parse_strict


def test_coverage_units_keys_gaps_and_errors(partial: Inventory) -> None:
    cov = partial.coverage
    b = f.ACCOUNT_B
    assert cov.collected(b, "global", "cloudfront")
    assert cov.collected(b, "global", "cloudfront", "distributions")
    assert not cov.collected(b, "global", "cloudfront", "cache_policies")
    assert cov.collected(b, "global", "cloudfront", "origin_access_controls")
    assert not cov.collected(b, "eu-west-1", "elbv2") and cov.failed(b, "eu-west-1", "elbv2")
    err = cov.error_for(b, "eu-west-1", "elbv2")
    assert isinstance(err, UnitError) and err.error_code == "Throttling"
    assert cov.error_for(b, "us-east-1", "elbv2") is None
    unit = cov.unit(b, "us-east-1", "elbv2")
    assert unit is not None and not unit.complete
    assert unit.keys == frozenset({"load_balancers", "target_groups"})
    assert not cov.complete(b, "us-east-1", "elbv2")
    assert cov.unit(b, "ap-south-1", "elbv2") is None


def test_gap_for_matches_any_operation_spelling(partial: Inventory) -> None:
    cov = partial.coverage
    b = f.ACCOUNT_B
    for spelling in (
        "GetLoggingConfiguration",
        "get_logging_configuration",
        "wafv2:GetLoggingConfiguration",
    ):
        g = cov.gap_for(b, "global", "wafv2", spelling)
        assert isinstance(g, Gap) and g.error_code == "AccessDenied"
    assert cov.gap_for(b, "global", "wafv2", "GetIPSet") is None
    assert cov.gap_for(f.ACCOUNT, "global", "wafv2", "GetLoggingConfiguration") is None
    assert len(cov.gaps_for(b, collector="elbv2")) == 5
    assert len(cov.gaps_for(region="global")) == 7
    assert cov.accounts() == (b,)


def test_rich_coverage_is_complete(rich: Inventory) -> None:
    cov = rich.coverage
    assert cov.gaps == () and cov.errors == ()
    assert cov.complete(f.ACCOUNT, "us-east-1", "elbv2")
    assert cov.targets == ((f.ACCOUNT, "us-east-1"), (f.ACCOUNT, "eu-west-1"))
    assert rich.collected_at == f.COLLECTED_AT and rich.partition == "aws"


def test_every_kind_comes_from_a_registered_parser() -> None:
    fields = {fl.name for fl in dataclasses.fields(Inventory)}
    assert set(KIND_SOURCES) <= fields
    assert set(Inventory.kinds()) == set(KIND_SOURCES)
    assert set(PARSERS) == {
        "cloudfront",
        "wafv2",
        "elbv2",
        "route53",
        "acm",
        "ec2",
        "elb",
        "s3",
        "apigateway",
        "apigatewayv2",
        "lambda",
        "waf",
        "waf-regional",
        "shield",
        "globalaccelerator",
        "cloudwatch",
    }
    for kind, (collector, key) in KIND_SOURCES.items():
        assert PARSERS[collector].kind_keys[kind] == key


def test_rich_fixture_has_every_kind(rich: Inventory) -> None:
    empty = [k for k, n in rich.counts().items() if n == 0]
    assert empty == []


def test_unknown_collectors_are_skipped_but_covered() -> None:
    snap = f.snapshot(
        f.payload("future-service", {"subscription": None}),
        f.payload("cloudfront", {"distributions": []}),
    )
    inv = parse_strict(snap)
    assert inv.distributions == ()
    assert inv.coverage.collected(f.ACCOUNT, "global", "future-service", "subscription")


def test_repeated_unit_is_read_once() -> None:
    entry = f.distribution_entry(f.distribution(), [])
    p = f.payload("cloudfront", {"distributions": [entry]})
    assert len(parse_strict(f.snapshot(p, dict(p))).distributions) == 1


def test_data_must_be_an_object() -> None:
    snap = f.snapshot(f.payload("elbv2", {}, region="us-east-1"))
    snap.payloads[0]["data"] = []
    with pytest.raises(
        ModelError, match=r"elbv2 payload \(111111111111/us-east-1\): 'data' must be an object"
    ):
        parse_strict(snap)


def test_empty_snapshot_and_default_inventory() -> None:
    inv = parse_strict(f.snapshot(targets=[]))
    assert sum(inv.counts().values()) == 0
    assert inv.cloudfront.distribution("E1") is NOT_COLLECTED
    assert Inventory().coverage == Coverage()


def test_distribution_lookups(rich: Inventory) -> None:
    d = rich.cloudfront.distribution("E1MAINDIST")
    assert isinstance(d, Distribution)
    assert rich.cloudfront.distribution(d.arn) == d
    assert rich.cloudfront.distribution_by_domain("DE1MAINDIST.cloudfront.net.") == d
    assert rich.cloudfront.distribution_for_alias("WWW.example.com") == d
    assert rich.cloudfront.distribution_by_domain("d999gone.cloudfront.net") is None
    assert rich.cloudfront.distribution_for_alias("nobody.example.com") is None
    assert rich.cloudfront.distribution("EGONE") is None
    assert (
        rich.cloudfront.distribution("arn:aws:cloudfront::999999999999:distribution/EX")
        is NOT_COLLECTED
    )


def test_lookups_across_accounts(multi: Inventory) -> None:
    d = multi.cloudfront.distribution("E5CROSS")
    assert isinstance(d, Distribution) and d.account_id == f.ACCOUNT
    origin = d.origins[0]
    lb = multi.elbv2.load_balancer_by_dns(origin.domain_name)
    assert isinstance(lb, LoadBalancer) and lb.account_id == f.ACCOUNT_B
    # account B's CloudFront was not collected: a domain that is nowhere is unknown
    assert multi.cloudfront.distribution_by_domain("dzzz.cloudfront.net") is NOT_COLLECTED
    # but account A's distributions were: by ARN it is known to be absent
    assert multi.cloudfront.distribution(f"arn:aws:cloudfront::{f.ACCOUNT}:distribution/EX") is None
    (record,) = multi.route53.records_pointing_to(d.domain_name)
    assert record.name == "cross.example.com"


def test_model_objects_are_frozen_and_hashable(rich: Inventory) -> None:
    d = rich.distributions[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.enabled = False  # type: ignore[misc]
    with pytest.raises(TypeError):
        d.raw["Distribution"] = {}  # type: ignore[index]
    from tests.model import estates

    again = parse_strict(estates.rich()).distributions[0]  # a separate parse: equal, not identical
    assert again is not d and again == d and hash(again) == hash(d)
    assert hash(again.default_cache_behavior) == hash(d.default_cache_behavior)
    assert len({d, again}) == 1
    assert isinstance(rich.listeners, tuple) and isinstance(d.aliases, tuple)
    assert len({lb for lb in rich.load_balancers if lb.attributes is not NOT_COLLECTED}) == 3


def test_parsing_does_not_mutate_the_snapshot() -> None:
    from edgekit import snapshot as snap
    from tests.model import estates

    original = estates.rich()
    before = snap.dumps(original)
    parse_strict(original)
    assert snap.dumps(original) == before


def test_model_imports_no_heavy_dependencies() -> None:
    code = (
        "import sys, edgekit.model as m, edgekit.snapshot;"
        "heavy = ('boto3', 'botocore', 'pandas', 'networkx', 'diagrams');"
        "bad = [n for n in heavy if n in sys.modules];"
        "print(bad)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_parse_restores_the_garbage_collector() -> None:
    import gc

    assert gc.isenabled()
    parse_strict(f.snapshot(f.payload("cloudfront", {"distributions": []})))
    assert gc.isenabled()
    with pytest.raises(ModelError):
        parse_strict(f.snapshot(f.payload("cloudfront", {"distributions": [{}]})))
    assert gc.isenabled()
    gc.disable()
    try:
        parse_strict(f.snapshot())
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_inventory_pickles_and_deep_copies(rich: Inventory) -> None:
    import copy
    import pickle

    again = pickle.loads(pickle.dumps(rich))
    assert again == rich
    acl = next(a for a in again.web_acls if a.scope == "CLOUDFRONT")
    assert acl.resource_arns is NOT_COLLECTED  # the sentinel stays a singleton
    assert again.cloudfront.distribution("E1MAINDIST") == rich.cloudfront.distribution("E1MAINDIST")
    assert copy.deepcopy(rich) == rich


def test_every_resource_carries_account_region_and_identity(rich: Inventory) -> None:
    for kind in Inventory.kinds():
        items = getattr(rich, kind)
        assert items, kind
        for item in items:
            assert item.account_id == f.ACCOUNT and item.region in (
                "global",
                "us-east-1",
                "eu-west-1",
            )
            identity = next(
                (getattr(item, a) for a in ("arn", "id", "key", "name") if hasattr(item, a)), None
            )
            assert identity, (kind, item)
    keys = [r.key for r in rich.record_sets]
    assert len(keys) == len(set(keys))
