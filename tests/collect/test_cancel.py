"""Cancelling a collection in-process: clients stop sending, units not run are listed."""

from __future__ import annotations

from typing import Any

import pytest

from edgekit.aws.cancel import INTERRUPTED, Cancellation, CollectionInterruptedError
from edgekit.aws.session import SessionSpec
from edgekit.collect import api, registry
from edgekit.collect.base import CollectorSpec, Outcome, UnitContext
from edgekit.collect.execution import execute
from edgekit.collect.runner import WorkUnit
from edgekit.collect.targets import AccountAccess

ACC = AccountAccess("123456789012", "aws", SessionSpec())
REGIONS = ["eu-west-1", "us-east-1"]


def _sent(client: Any) -> list[str]:
    """Record the operations ``client`` really sends (after every before-send check)."""
    sent: list[str] = []
    client.meta.events.register("before-send.*.*", lambda event_name, **_: sent.append(event_name))
    return sent


def test_a_cancelled_client_sends_nothing(moto_aws: None) -> None:
    cancel = Cancellation()
    route53 = SessionSpec().allowing(["route53:ListHostedZones"]).client("route53", "us-east-1")
    cancel.install(route53)
    sent = _sent(route53)
    route53.list_hosted_zones()
    cancel.cancel()
    with pytest.raises(CollectionInterruptedError, match="before route53:ListHostedZones"):
        route53.list_hosted_zones()
    assert sent == ["before-send.route-53.ListHostedZones"]


@pytest.fixture
def stopping(monkeypatch: pytest.MonkeyPatch) -> Cancellation:
    """Collectors ``first`` (cancels the run after one call, then tries another) and ``later``
    (depends on ``first``)."""
    cancel = Cancellation()

    def first(ctx: UnitContext) -> dict[str, Any]:
        zones = ctx.call(ctx.client("route53"), "list_hosted_zones")
        assert not isinstance(zones, Outcome)
        if ctx.region == "eu-west-1":
            cancel.cancel()
            ctx.call(ctx.client("route53"), "list_hosted_zones")
        return {"zones": zones["HostedZones"]}

    actions = ("route53:ListHostedZones",)
    specs = {
        "first": CollectorSpec("first", "route53", "regional", actions, first),
        "later": CollectorSpec(
            "later", "route53", "regional", actions, first, depends_on=("first",)
        ),
    }
    for name, spec in specs.items():
        monkeypatch.setitem(registry.collectors_by_id(), name, spec)
    return cancel


def test_a_cancelled_run_keeps_what_completed_and_lists_the_rest(
    moto_aws: None, stopping: Cancellation
) -> None:
    result = api.collect(
        SessionSpec(),
        regions=REGIONS,
        collectors=["first", "later"],
        progress=False,
        workers=1,
        cancel=stopping,
    )
    errors = {(e["region"], e["collector"]): e for e in result.snapshot.errors}
    assert result.interrupted and result.failed_units == 0
    assert {e["error_code"] for e in errors.values()} == {INTERRUPTED}
    stopped = errors[("eu-west-1", "first")]
    assert stopped["operation"] == "ListHostedZones" and "stopped part-way" in stopped["message"]
    assert "not run" in errors[("eu-west-1", "later")]["message"]
    assert "not run" in errors[("us-east-1", "later")]["message"]
    # us-east-1 "first" either completed (its payload kept) or was never started (listed)
    done = {(p["region"], p["collector"]) for p in result.snapshot.payloads}
    assert done | set(errors) == {(r, c) for r in REGIONS for c in ("first", "later")}
    assert not done & set(errors)
    assert result.interrupted_units == len(errors) and result.units == 4


def test_execute_after_a_cancellation_runs_nothing() -> None:
    cancel = Cancellation()
    cancel.cancel()
    units = [WorkUnit("route53", ACC, "global", "us-east-1")]
    (res,) = execute(units, progress=False, cancel=cancel)
    assert res.data is None and res.error is not None
    assert res.error["error_code"] == INTERRUPTED and res.calls == {}
