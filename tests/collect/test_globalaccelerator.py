"""Global Accelerator: moto 5.2.5 cannot serve it, so a hand-built snapshot fixture
(tests/fixtures/snapshots/globalaccelerator.json) is validated against botocore's output shapes,
and the collector is driven by Stubber with the fixture's own items as responses: it must
reproduce the fixture's payload exactly.

The fixture's account 111111111111 uses the ``web-alb`` and ``static-nlb`` ARNs of
``rich.json``, so the two snapshots' payloads combine into the "accelerator and CloudFront in
front of the same ALB" estate (redundancy.accelerator_and_cdn); account 222222222222 shows the
denied case (empty payload + gap).
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from edgekit.aws.session import SessionSpec
from edgekit.collect import globalaccelerator
from edgekit.collect.runner import WorkUnit, run_unit
from edgekit.collect.targets import AccountAccess
from edgekit.snapshot import Snapshot
from tests.collect import shapes
from tests.collect.builders import assert_calls_declared, run
from tests.collect.stubs import Stubs

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "snapshots" / "globalaccelerator.json"
A, B = "111111111111", "222222222222"


@pytest.fixture(scope="module")
def fixture() -> Snapshot:
    return Snapshot.from_json(json.loads(FIXTURE.read_text(encoding="utf-8")), origin=str(FIXTURE))


def _data(snap: Snapshot, account: str) -> dict[str, Any]:
    data = snap.payload(account, "global", "globalaccelerator")
    assert data is not None
    return data


def test_fixture_conforms_to_botocore_shapes(fixture: Snapshot) -> None:
    accelerators = _data(fixture, A)["accelerators"]
    assert len(accelerators) == 3
    for entry in accelerators:
        assert set(entry) == {"Accelerator", "Listeners"}
        shapes.assert_conforms(
            entry["Accelerator"], "globalaccelerator", "ListAccelerators", "Accelerators[]"
        )
        for listener in entry["Listeners"]:
            assert set(listener) == {"Listener", "EndpointGroups"}
            shapes.assert_conforms(
                listener["Listener"], "globalaccelerator", "ListListeners", "Listeners[]"
            )
            shapes.assert_conforms(
                listener["EndpointGroups"],
                "globalaccelerator",
                "ListEndpointGroups",
                "EndpointGroups",
            )
    assert _data(fixture, B) == {}
    assert [(g["account_id"], g["operation"]) for g in fixture.gaps] == [(B, "ListAccelerators")]


def test_fixture_endpoints_are_rich_estate_load_balancers(fixture: Snapshot) -> None:
    rich = json.loads((FIXTURE.parent / "rich.json").read_text(encoding="utf-8"))
    lbs = {
        lb["LoadBalancer"]["LoadBalancerArn"]
        for p in rich["payloads"]
        if p["collector"] == "elbv2"
        for lb in p["data"].get("load_balancers") or []
    }
    endpoints = {
        e["EndpointId"]
        for a in _data(fixture, A)["accelerators"]
        for li in a["Listeners"]
        for g in li["EndpointGroups"]
        for e in g["EndpointDescriptions"]
    }
    assert {e for e in endpoints if e.endswith("/50dc6c495c0c9188")} <= lbs
    assert len(endpoints & lbs) == 2


def _stubs_from(data: dict[str, Any]) -> Stubs:
    """Stubbed responses that are the fixture's own items (Stubber validates them again)."""
    stubs = Stubs("globalaccelerator").ok(
        "list_accelerators",
        {"Accelerators": [copy.deepcopy(a["Accelerator"]) for a in data["accelerators"]]},
        {"MaxResults": 100},
    )
    for a in data["accelerators"]:
        stubs.ok(
            "list_listeners",
            {"Listeners": [copy.deepcopy(li["Listener"]) for li in a["Listeners"]]},
            {"AcceleratorArn": a["Accelerator"]["AcceleratorArn"], "MaxResults": 100},
        )
        for li in a["Listeners"]:
            stubs.ok(
                "list_endpoint_groups",
                {"EndpointGroups": copy.deepcopy(li["EndpointGroups"])},
                {"ListenerArn": li["Listener"]["ListenerArn"], "MaxResults": 100},
            )
    return stubs


def test_collector_reproduces_the_fixture(fixture: Snapshot) -> None:
    expected = _data(fixture, A)
    stubs = _stubs_from(expected)
    res = run("globalaccelerator", "global", stubs)
    stubs.assert_done()
    assert res.error is None and res.gaps == []
    assert res.data == expected
    assert stubs.regions == ["us-west-2"]  # the one region serving the API, not us-east-1
    assert res.calls == {
        ("globalaccelerator", "ListAccelerators"): 1,
        ("globalaccelerator", "ListListeners"): 3,
        ("globalaccelerator", "ListEndpointGroups"): 2,
    }
    assert_calls_declared(res)


def test_denied_listing_matches_the_fixture_gap(fixture: Snapshot) -> None:
    stubs = Stubs("globalaccelerator").error("list_accelerators", "AccessDeniedException")
    res = run("globalaccelerator", "global", stubs)
    stubs.assert_done()
    assert res.data == _data(fixture, B)
    [gap] = fixture.gaps
    assert [(g["operation"], g["error_code"]) for g in res.gaps] == [
        (gap["operation"], gap["error_code"])
    ]


def test_pagination_and_vanished_accelerator(fixture: Snapshot) -> None:
    first, second = (a["Accelerator"] for a in _data(fixture, A)["accelerators"][:2])
    stubs = (
        Stubs("globalaccelerator")
        .ok("list_accelerators", {"Accelerators": [first], "NextToken": "t"})
        .ok("list_accelerators", {"Accelerators": [second]}, {"MaxResults": 100, "NextToken": "t"})
        .error("list_listeners", "AcceleratorNotFoundException")
        .ok("list_listeners", {"Listeners": []})
    )
    res = run("globalaccelerator", "global", stubs)
    stubs.assert_done()
    assert res.data == {"accelerators": [{"Accelerator": second, "Listeners": []}]}


def test_denied_listeners_are_absent() -> None:
    acc = {"AcceleratorArn": "arn:aws:globalaccelerator::111111111111:accelerator/x", "Name": "x"}
    stubs = (
        Stubs("globalaccelerator")
        .ok("list_accelerators", {"Accelerators": [acc]})
        .error("list_listeners", "AccessDeniedException")
    )
    res = run("globalaccelerator", "global", stubs)
    stubs.assert_done()
    assert res.data == {"accelerators": [{"Accelerator": acc}]}
    assert [g["operation"] for g in res.gaps] == ["ListListeners"]


def test_partition_without_global_accelerator_collects_nothing() -> None:
    access = AccountAccess(A, "aws-cn", SessionSpec())
    res = run_unit(WorkUnit("globalaccelerator", access, "global", "cn-northwest-1"))
    assert res.data == {} and res.calls == {}
    assert globalaccelerator.API_REGION == {"aws": "us-west-2"}
