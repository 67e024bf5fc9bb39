"""Parity: estates built through the sandbox and collected give the findings of their IaC twins.

One bridged in-process sandbox for the module (about 10 s): the golden-path seed estate and
the misconfigured legacy estate are created with boto3 and collected with edgekit's
collectors; their twins (a two-stack ``cdk.out`` and a CloudFormation YAML template, written by
hand) are imported with the deploy-time ids as ``--parameter``. Three properties, per check
area:

* **overlaid**: the IaC overlaid on the live snapshot (each IaC item replaces its live
  counterpart, keeping the live ids and the values only AWS computes) gives exactly the live
  findings — what a faithful translation must do;
* **standalone**: the bare IaC snapshot never contradicts the live one: a live *fail* is a
  *fail* or *unknown* (context the templates cannot know: AWS-managed policies, other stacks'
  WAF associations, query logging, accelerators, ACM's validation records), and every IaC
  *fail* fails live too;
* **drift**: nothing changed, missing or unmanaged.
"""

from __future__ import annotations

from collections import Counter

import pytest

from edgekit.iac.build import import_iac
from edgekit.iac.drift import drift
from edgekit.rules.finding import Finding
from edgekit.snapshot import Snapshot
from tests.iac.conftest import findings
from tests.iac.parity_estates import LEGACY_TWIN, SEED_TWIN, Estates, build_and_collect

ACCOUNT = "123456789012"
AREAS = ("cloudfront", "cache", "waf", "lb", "origin", "tls", "dns", "redundancy")
Key = tuple[str, str, str]


@pytest.fixture(scope="module")
def estates() -> Estates:
    return build_and_collect()


@pytest.fixture(scope="module")
def live_findings(estates: Estates) -> list[Finding]:
    return findings(estates.live)


def _twins(estates: Estates, base: Snapshot | None = None) -> Snapshot:
    parameters = {**estates.seed_parameters, **estates.legacy_parameters}
    snapshot, notes = import_iac(
        [str(SEED_TWIN), str(LEGACY_TWIN)],
        parameters=parameters,
        account=ACCOUNT if base is None else None,
        base=base,
    )
    assert notes == []
    return snapshot


def _keys(found: list[Finding], area: str) -> set[Key]:
    return {
        (f.check_id, f.resource.id, f.status.value)
        for f in found
        if f.check_id.split(".")[0] == area
    }


def test_the_estates_exercise_every_area(live_findings: list[Finding]) -> None:
    failing = Counter(f.check_id.split(".")[0] for f in live_findings if f.status.value == "fail")
    for area in AREAS:
        assert failing[area] >= 1, area
    assert sum(failing.values()) >= 45


@pytest.mark.parametrize("area", AREAS)
def test_overlaid_twins_give_the_live_findings(
    area: str, estates: Estates, live_findings: list[Finding]
) -> None:
    merged = findings(_twins(estates, base=estates.live))
    assert _keys(merged, area) == _keys(live_findings, area)


@pytest.mark.parametrize("area", AREAS)
def test_standalone_twins_never_contradict_the_live_findings(
    area: str, estates: Estates, live_findings: list[Finding]
) -> None:
    iac = Counter((f.check_id, f.status.value) for f in findings(_twins(estates)) if _in(f, area))
    live = Counter((f.check_id, f.status.value) for f in live_findings if _in(f, area))
    for check in {c for c, _ in iac} | {c for c, _ in live}:
        live_fail, iac_fail = live[(check, "fail")], iac[(check, "fail")]
        assert iac_fail <= live_fail, f"{check}: the IaC fails where live does not"
        assert live_fail <= iac_fail + iac[(check, "unknown")], f"{check}: a live fail is missed"


def _in(f: Finding, area: str) -> bool:
    return f.check_id.split(".")[0] == area


def test_no_drift_between_the_estates_and_their_twins(estates: Estates) -> None:
    report = drift(estates.live, _twins(estates))
    assert report.changed == report.missing == report.unmanaged == (), report.to_json()
    assert report.in_sync == 18
