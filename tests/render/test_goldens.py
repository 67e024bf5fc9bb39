"""Golden diagram specs: byte-stable JSON for the rich fixture (and the sample estate)."""

from __future__ import annotations

import pytest

from edgekit.graph import Estate
from edgekit.render import entrypoint_spec, overview_spec, overview_specs, slugify
from edgekit.render.findings import FindingIndex
from tests.render.helpers import ACCOUNT, RICH, SAMPLE, check_golden, fixed_findings, rich

RICH_ENTRYPOINTS = [
    "www.example.com",  # DNS → distribution → behaviors, origin group, ALB, targets, ACLs
    "de4context.cloudfront.net",  # API Gateway, NLB → ALB, an unresolved Lambda URL
    "app.example.com",  # distribution alias → VPC origin → internal ALB → IP target
    "geo.example.com",  # unresolved only
    "legacy-clb-1234567890.us-east-1.elb.amazonaws.com",  # Classic ELB, IAM certificate
]


@pytest.mark.parametrize("host", RICH_ENTRYPOINTS)
def test_rich_entrypoint_golden(host: str) -> None:
    spec = entrypoint_spec(rich(), fixed_findings(), host)
    check_golden(f"rich.entrypoint.{slugify(host)}.json", spec.dumps())


def test_rich_overview_golden() -> None:
    specs = overview_spec(rich(), fixed_findings(), ACCOUNT)
    assert len(specs) == 1
    check_golden(f"rich.overview.{ACCOUNT}.json", specs[0].dumps())


def test_rich_overview_split_golden() -> None:
    specs = overview_spec(rich(), fixed_findings(), ACCOUNT, cap=5)
    assert [s.part for s in specs] == [1, 2, 3] and {s.parts for s in specs} == {3}
    for spec in specs:
        check_golden(f"rich.overview.{ACCOUNT}.part{spec.part}-cap5.json", spec.dumps())


def test_specs_are_byte_stable() -> None:
    index = FindingIndex.build(rich(), fixed_findings())
    fresh = Estate.load(RICH)
    first = entrypoint_spec(rich(), index, "www.example.com").dumps()
    again = entrypoint_spec(fresh, list(reversed(fixed_findings())), "www.example.com").dumps()
    assert first == again


SAMPLE_ENTRYPOINTS = ["www.northwind.example", "partners.northwind.example", "pay.nwpay.example"]


def test_sample_estate_goldens() -> None:
    # structure only: the sample's findings change with every check added
    estate = Estate.load(SAMPLE)
    index = FindingIndex()
    for host in SAMPLE_ENTRYPOINTS:
        spec = entrypoint_spec(estate, index, host)
        check_golden(f"sample.entrypoint.{slugify(host)}.json", spec.dumps())
    for spec in overview_specs(estate, index):
        check_golden(f"sample.{spec.name}.json", spec.dumps())
