"""Work-unit planning, execution, failure isolation and multi-account collection."""

from __future__ import annotations

from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from edgekit.aws.session import SessionSpec
from edgekit.collect import api, registry, targets
from edgekit.collect.base import CollectorSpec, Outcome, UnitContext
from edgekit.collect.runner import WorkUnit, phases, plan_units, run_unit
from edgekit.collect.targets import AccountAccess

ACC = AccountAccess("123456789012", "aws", SessionSpec())


def _spec(id_: str, scope: str, **kw: Any) -> CollectorSpec:
    return CollectorSpec(id=id_, service="x", scope=scope, actions=(), collect=dict, **kw)  # type: ignore[arg-type]


def test_plan_units_scopes() -> None:
    specs = [
        _spec("g", "global"),
        _spec("gr", "global", also_regional=True),
        _spec("r", "regional"),
        _spec("rg", "regional", extra_global_region=True),
    ]
    units = plan_units([ACC], lambda _: ["eu-west-1", "eu-central-1"], specs)
    got = sorted((u.collector, u.region, u.api_region) for u in units)
    assert got == sorted(
        [
            ("g", "global", "us-east-1"),
            ("gr", "global", "us-east-1"),
            ("gr", "eu-west-1", "eu-west-1"),
            ("gr", "eu-central-1", "eu-central-1"),
            ("r", "eu-west-1", "eu-west-1"),
            ("r", "eu-central-1", "eu-central-1"),
            ("rg", "eu-west-1", "eu-west-1"),
            ("rg", "eu-central-1", "eu-central-1"),
            ("rg", "us-east-1", "us-east-1"),
        ]
    )


def test_plan_units_does_not_duplicate_global_region() -> None:
    units = plan_units(
        [ACC], lambda _: ["us-east-1"], [_spec("rg", "regional", extra_global_region=True)]
    )
    assert [(u.region) for u in units] == ["us-east-1"]


def _probe(ctx: UnitContext) -> dict[str, Any]:
    """A minimal collector moto serves faithfully: Route 53 zones, once per unit."""
    resp = ctx.call(ctx.client("route53"), "list_hosted_zones")
    return {} if isinstance(resp, Outcome) else {"zones": resp["HostedZones"], "region": ctx.region}


@pytest.fixture
def probe(monkeypatch: pytest.MonkeyPatch) -> str:
    """Register a test-only regional collector named ``probe``."""
    spec = CollectorSpec("probe", "route53", "regional", ("route53:ListHostedZones",), _probe)
    monkeypatch.setitem(registry.collectors_by_id(), "probe", spec)
    return "probe"


def test_failed_unit_is_isolated(moto_aws: None, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(ctx: UnitContext) -> dict[str, Any]:
        raise ClientError(
            {"Error": {"Code": "InternalFailure", "Message": "boom"}}, "ListDistributions"
        )

    monkeypatch.setitem(
        registry.collectors_by_id(), "broken", CollectorSpec("broken", "x", "global", (), broken)
    )
    res = run_unit(WorkUnit("broken", ACC, "global", "us-east-1"))
    assert res.data is None
    assert res.error is not None
    assert res.error["error_code"] == "InternalFailure"
    assert res.error["operation"] == "ListDistributions"
    assert res.error["account_id"] == "123456789012"


def test_collect_own_account(moto_aws: None, probe: str) -> None:
    result = api.collect(SessionSpec(), regions=["eu-west-1"], collectors=[probe], progress=False)
    snap = result.snapshot
    assert [(t.account_id, t.region) for t in snap.targets] == [("123456789012", "eu-west-1")]
    assert snap.payload("123456789012", "eu-west-1", probe) == {"zones": [], "region": "eu-west-1"}
    assert result.failed_units == 0
    assert result.calls[("sts", "GetCallerIdentity")] == 1


def test_collect_assumes_role_once_per_account(moto_aws: None, probe: str) -> None:
    boto3.client("route53").create_hosted_zone(Name="own.example", CallerReference="r")
    result = api.collect(
        SessionSpec(),
        regions=["eu-west-1", "us-east-1"],
        accounts=["123456789012", "111111111111", "222222222222"],
        role_name="EdgekitReadOnly",
        collectors=[probe],
        progress=False,
    )
    snap = result.snapshot
    # moto keeps one backend per account: only the caller's account has the zone
    own = snap.payload("123456789012", "eu-west-1", probe)
    other = snap.payload("111111111111", "eu-west-1", probe)
    assert own is not None and [z["Name"] for z in own["zones"]] == ["own.example."]
    assert other == {"zones": [], "region": "eu-west-1"}
    payload_accounts = sorted({p["account_id"] for p in snap.payloads})
    assert payload_accounts == ["111111111111", "123456789012", "222222222222"]
    assert result.calls[("sts", "AssumeRole")] == 2  # not for the caller's own account


def test_assume_role_denied_is_a_gap(moto_aws: None, monkeypatch: pytest.MonkeyPatch) -> None:
    real_client = SessionSpec.client

    def client(self: SessionSpec, service: str, region: str, **kw: Any) -> Any:
        c = real_client(self, service, region, **kw)
        if service == "sts":

            def deny(params: dict[str, Any], **_: Any) -> None:
                if "222222222222" in params.get("RoleArn", ""):
                    raise ClientError(
                        {"Error": {"Code": "AccessDenied", "Message": "not authorized"}},
                        "AssumeRole",
                    )

            c.meta.events.register("provide-client-params.sts.AssumeRole", deny)
        return c

    monkeypatch.setattr(SessionSpec, "client", client)
    res = targets.resolve_accounts(
        SessionSpec(), accounts=["111111111111", "222222222222"], role_name="R"
    )
    assert [a.account_id for a in res.accounts] == ["111111111111"]
    assert [(g.account_id, g.operation, g.error_code) for g in res.gaps] == [
        ("222222222222", "AssumeRole", "AccessDenied")
    ]


def test_accounts_without_role_is_an_error(moto_aws: None) -> None:
    from edgekit.errors import CollectionError

    with pytest.raises(CollectionError, match="--role-name"):
        targets.resolve_accounts(SessionSpec(), accounts=["111111111111"])


def test_enabled_regions(moto_aws: None) -> None:
    regions = targets.enabled_regions(ACC)
    assert "eu-west-1" in regions and regions == sorted(regions)


@pytest.mark.parametrize("value", ["eu-west-1,bogus", " , "])
def test_parse_regions_rejects(value: str) -> None:
    from edgekit.errors import CollectionError

    with pytest.raises(CollectionError):
        targets.parse_regions(value)


def test_parse_regions() -> None:
    assert targets.parse_regions(None) is None
    assert targets.parse_regions("ALL") is None
    assert targets.parse_regions("eu-west-1, us-east-1") == ["eu-west-1", "us-east-1"]


def test_organization_accounts(moto_aws: None) -> None:
    org = boto3.client("organizations", region_name="us-east-1")
    org.create_organization(FeatureSet="ALL")
    org.create_account(AccountName="a", Email="a@example.com")
    ids = targets.organization_account_ids(SessionSpec())
    assert "123456789012" in ids and len(ids) == 2


def test_phases_order_dependencies() -> None:
    a = _spec("a", "global")
    b = _spec("b", "regional", depends_on=("a",))
    c = _spec("c", "regional", depends_on=("b", "missing"))
    assert [[s.id for s in ph] for ph in phases([c, b, a])] == [["a"], ["b"], ["c"]]
    with pytest.raises(ValueError, match="cycle"):
        phases([_spec("x", "global", depends_on=("y",)), _spec("y", "global", depends_on=("x",))])


def test_dependent_collector_gets_inputs_and_is_skipped_without(
    moto_aws: None, probe: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def select(prior: Any, account_id: str, region: str) -> Any:
        zones = [z["Name"] for p in prior if p["collector"] == probe for z in p["data"]["zones"]]
        return zones if region == "eu-west-1" else None

    def child(ctx: UnitContext) -> dict[str, Any]:
        return {"seen": ctx.inputs}

    spec = CollectorSpec(
        "child", "route53", "regional", (), child, depends_on=(probe,), select_inputs=select
    )
    monkeypatch.setitem(registry.collectors_by_id(), "child", spec)
    boto3.client("route53").create_hosted_zone(Name="a.example", CallerReference="r")
    result = api.collect(
        SessionSpec(),
        regions=["eu-west-1", "us-east-1"],
        collectors=["child", probe],
        progress=False,
    )
    snap = result.snapshot
    assert snap.payload("123456789012", "eu-west-1", "child") == {
        "seen": ["a.example.", "a.example."]
    }
    assert snap.payload("123456789012", "us-east-1", "child") is None


def test_a_unit_without_an_allow_list_refuses_before_any_client_exists() -> None:
    from edgekit.errors import ReadOnlyError

    ctx = UnitContext("elbv2", "123456789012", "eu-west-1", "eu-west-1", "aws", SessionSpec())
    with pytest.raises(ReadOnlyError, match="no allow-list"):
        ctx.client("elbv2")
    assert ctx._clients == {} and ctx._session is None


def test_the_runner_guards_every_unit_with_the_declared_actions(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[frozenset[str]] = []

    def probe(ctx: UnitContext) -> dict[str, Any]:
        seen.append(ctx.session_spec.allowed_actions)
        return {}

    spec = CollectorSpec("guard-probe", "x", "regional", (), probe)
    monkeypatch.setitem(registry.collectors_by_id(), "guard-probe", spec)
    res = run_unit(WorkUnit("guard-probe", ACC, "eu-west-1", "eu-west-1"))
    assert res.error is None
    assert seen == [frozenset(registry.declared_actions())]


def test_target_resolution_alone_may_call_its_own_actions_only() -> None:
    narrowed = targets._guarded(SessionSpec())
    assert narrowed.allowed_actions == frozenset(targets.TARGET_ACTIONS)
    collection = registry.guarded(SessionSpec())
    assert targets._guarded(collection) is collection  # the collection's list passes as it is
    assert set(targets.TARGET_ACTIONS) <= collection.allowed_actions


def test_an_assumed_role_keeps_the_callers_allow_list(moto_aws: None) -> None:
    unguarded = targets.assume(SessionSpec(), "222222222222", "aws", "R")
    guarded = targets.assume(registry.guarded(SessionSpec()), "222222222222", "aws", "R")
    assert isinstance(unguarded, SessionSpec) and isinstance(guarded, SessionSpec)
    assert unguarded.allowed_actions == frozenset()  # the runner guards each unit
    assert guarded.allowed_actions == frozenset(registry.declared_actions())
