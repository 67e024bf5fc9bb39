"""Parity for the other entry points: API Gateway v1/v2, Lambda function URL, Classic ELB,
Global Accelerator (and the CloudFront distribution, ALB and certificate they connect to).

The estate of ``fixtures/entrypoints/entrypoints.yaml`` is built through the bridged in-process
sandbox with boto3 (:mod:`tests.iac.parity_entrypoints`) and collected; its template twin is
imported with the subnets as ``--parameter``. The same three properties as
:mod:`tests.iac.test_parity`, per check area: overlaid = the live findings exactly; standalone =
never a contradiction; drift = nothing changed, missing or unmanaged.
"""

from __future__ import annotations

from collections import Counter

import pytest

from edgekit.aws.session import SessionSpec
from edgekit.collect.api import collect
from edgekit.collect.digests import DigestKey
from edgekit.iac.build import import_iac
from edgekit.iac.drift import drift
from edgekit.rules.finding import Finding
from edgekit.sandbox.clients import SandboxClients
from edgekit.snapshot import Snapshot
from tests.iac.conftest import FIXTURES, findings
from tests.iac.parity_entrypoints import ACCOUNT, REGION, seed_entrypoints
from tests.sandbox.sample_snapshot import in_process_sandbox

TWIN = FIXTURES / "entrypoints" / "entrypoints.yaml"
AREAS = ("apigw", "origin", "lb", "tls", "cloudfront", "cache", "redundancy")
NEW = {"apigateway", "apigatewayv2", "lambda", "elb", "globalaccelerator"}
Key = tuple[str, str, str]


@pytest.fixture(scope="module")
def built() -> tuple[Snapshot, dict[str, str]]:
    with in_process_sandbox():
        parameters = seed_entrypoints(SandboxClients(None))
        result = collect(
            SessionSpec(max_attempts=1),
            regions=[REGION],
            progress=False,
            digest_key=DigestKey.from_environment(),
        )
    assert result.failed_units == 0 and not result.snapshot.gaps
    return result.snapshot, parameters


@pytest.fixture(scope="module")
def live_findings(built: tuple[Snapshot, dict[str, str]]) -> list[Finding]:
    return findings(built[0])


def _twin(built: tuple[Snapshot, dict[str, str]], base: Snapshot | None = None) -> Snapshot:
    snapshot, notes = import_iac(
        [str(TWIN)], parameters=built[1], account=ACCOUNT if base is None else None, base=base
    )
    assert notes == []
    return snapshot


def _keys(found: list[Finding], area: str) -> set[Key]:
    return {(f.check_id, f.resource.id, f.status.value) for f in found if _in(f, area)}


def _in(f: Finding, area: str) -> bool:
    return f.check_id.split(".")[0] == area


def test_the_live_estate_has_every_entry_point(
    built: tuple[Snapshot, dict[str, str]], live_findings: list[Finding]
) -> None:
    collected = {p["collector"] for p in built[0].payloads if any(p["data"].values())}
    assert collected >= NEW
    failing = {f.check_id for f in live_findings if f.status.value == "fail"}
    assert failing >= {
        "apigw.stage_no_waf",
        "apigw.stage_logging_disabled",
        "apigw.domain_tls_outdated",
        "origin.apigw_direct_access",
        "origin.lambda_url_public",
        "lb.classic_http_listener",
        "lb.classic_tls_policy_outdated",
    }


@pytest.mark.parametrize("area", AREAS)
def test_overlaid_twin_gives_the_live_findings(
    area: str, built: tuple[Snapshot, dict[str, str]], live_findings: list[Finding]
) -> None:
    merged = findings(_twin(built, base=built[0]))
    assert _keys(merged, area) == _keys(live_findings, area)


@pytest.mark.parametrize("area", AREAS)
def test_standalone_twin_never_contradicts_the_live_findings(
    area: str, built: tuple[Snapshot, dict[str, str]], live_findings: list[Finding]
) -> None:
    iac = Counter((f.check_id, f.status.value) for f in findings(_twin(built)) if _in(f, area))
    live = Counter((f.check_id, f.status.value) for f in live_findings if _in(f, area))
    for check in {c for c, _ in iac} | {c for c, _ in live}:
        live_fail, iac_fail = live[(check, "fail")], iac[(check, "fail")]
        assert iac_fail <= live_fail, f"{check}: the IaC fails where live does not"
        assert live_fail <= iac_fail + iac[(check, "unknown")], f"{check}: a live fail is missed"


def test_no_drift_between_the_estate_and_its_twin(built: tuple[Snapshot, dict[str, str]]) -> None:
    report = drift(built[0], _twin(built))
    assert report.changed == report.missing == report.unmanaged == (), report.to_json()
    # the distribution, ALB and certificate, and the 7 new ones: REST API, its domain, HTTP
    # API, its domain, function URL, Classic ELB, accelerator
    assert report.in_sync == 10
