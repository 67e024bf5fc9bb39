"""The CDN-account / workload-account split: collecting the workload account alone leaks nothing.

The hostile estate (:mod:`edgekit.sandbox.hostile`) is seeded with its distribution in a CDN
account (moto's default account) and its ALB, which requires the very header value the
distribution sends, in a workload account reached through AssumeRole. Collecting only the
workload account -- all collectors, or ``elbv2`` alone -- sees the ALB's copy of the secret with
no distribution beside it: no planted value, nor its base64 form, may reach the snapshot. With
both accounts collected the two copies still compare equal (the origin-lock pairing).
"""

from __future__ import annotations

import base64
import gzip
from collections.abc import Iterator
from pathlib import Path

import pytest

from edgekit.aws.session import SessionSpec
from edgekit.collect.api import collect
from edgekit.collect.digests import DigestKey
from edgekit.sandbox.clients import SandboxClients
from edgekit.sandbox.hostile import REGION, HostileEstate, seed_hostile
from edgekit.snapshot import Snapshot, write
from tests.sandbox.sample_snapshot import in_process_sandbox

CDN_ACCOUNT = "123456789012"
WORKLOAD_ACCOUNT = "222222222222"
ROLE = "EdgekitReadOnly"


@pytest.fixture(scope="module")
def split() -> Iterator[HostileEstate]:
    with in_process_sandbox():
        cdn = SandboxClients(None)
        workload = cdn.assume_role(f"arn:aws:iam::{WORKLOAD_ACCOUNT}:role/{ROLE}", "seed")
        yield seed_hostile(workload.client, cdn=cdn.client)


def _collect(accounts: list[str], collectors: list[str] | None = None) -> Snapshot:
    result = collect(
        SessionSpec(),
        accounts=accounts,
        role_name=ROLE,
        regions=[REGION],
        collectors=collectors,
        progress=False,
        digest_key=DigestKey(b"hostile-split-test-key-0123"),
    )
    assert result.failed_units == 0, result.snapshot.errors
    return result.snapshot


def _leaks(estate: HostileEstate, path: Path) -> list[str]:
    text = gzip.decompress(path.read_bytes())
    return sorted(
        f"{name}: {form!r}"
        for name, value in estate.secrets.items()
        for form in (value.encode(), base64.b64encode(value.encode()))
        if form in text
    )


def _rule_values(snapshot: Snapshot) -> list[str]:
    return [
        value
        for payload in snapshot.iter_payloads("elbv2")
        for lb in payload["data"].get("load_balancers", [])
        for listener in lb.get("Listeners", [])
        for rule in listener.get("Rules", [])
        for condition in rule.get("Conditions", [])
        for value in (condition.get("HttpHeaderConfig") or {}).get("Values", [])
    ]


@pytest.mark.parametrize("collectors", [None, ["elbv2"]], ids=["all", "elbv2-alone"])
def test_the_workload_account_alone_leaks_no_secret(
    split: HostileEstate, collectors: list[str] | None, tmp_path: Path
) -> None:
    snapshot = _collect([WORKLOAD_ACCOUNT], collectors)
    assert snapshot.accounts() == [WORKLOAD_ACCOUNT]
    distributions = [
        d for p in snapshot.iter_payloads("cloudfront") for d in p["data"]["distributions"]
    ]
    assert distributions == []  # the secret's other copy is not in this snapshot
    values = _rule_values(snapshot)
    assert len(values) == 2 and all(v.startswith("hmac-sha256:") for v in values)
    assert _leaks(split, write(snapshot, tmp_path / "workload.json.gz")) == []


def test_both_accounts_pair_the_two_copies_and_leak_nothing(
    split: HostileEstate, tmp_path: Path
) -> None:
    snapshot = _collect([CDN_ACCOUNT, WORKLOAD_ACCOUNT])
    headers = [
        header["HeaderValue"]
        for p in snapshot.iter_payloads("cloudfront")
        for d in p["data"]["distributions"]
        for origin in d["Distribution"]["DistributionConfig"]["Origins"]["Items"]
        for header in (origin.get("CustomHeaders") or {}).get("Items", [])
    ]
    assert len(headers) == 1 and headers[0] in _rule_values(snapshot)
    assert _leaks(split, write(snapshot, tmp_path / "both.json.gz")) == []
