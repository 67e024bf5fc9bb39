"""No planted secret reaches the snapshot, whatever else is (or is not) collected."""

from __future__ import annotations

import base64
import gzip
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest

from edgekit.aws.session import SessionSpec
from edgekit.collect.api import collect
from edgekit.collect.digests import GLOB_PREFIX, PREFIX, DigestKey
from edgekit.sandbox.hostile import REGION, HostileEstate, seed_hostile
from edgekit.snapshot import write
from tests.sandbox.sample_snapshot import in_process_sandbox


@pytest.fixture(scope="module")
def hostile() -> Iterator[HostileEstate]:
    with in_process_sandbox():

        def client(service: str, region: str) -> Any:
            return boto3.client(service, region_name=region)  # type: ignore[call-overload]

        yield seed_hostile(client)


def _planted_forms(estate: HostileEstate) -> dict[str, list[bytes]]:
    return {
        name: [value.encode(), base64.b64encode(value.encode())]
        for name, value in estate.secrets.items()
    }


def _leaks(estate: HostileEstate, path: Path) -> list[str]:
    text = gzip.decompress(path.read_bytes())
    return sorted(
        f"{name}: {form!r}"
        for name, forms in _planted_forms(estate).items()
        for form in forms
        if form in text
    )


@pytest.mark.parametrize(
    "collectors",
    [None, ["elbv2"], ["cloudfront"], ["wafv2"], ["apigateway", "apigatewayv2"], ["lambda"]],
    ids=["all", "elbv2-alone", "cloudfront-alone", "wafv2-alone", "apigateway-alone", "lambda"],
)
def test_no_planted_secret_on_disk(
    hostile: HostileEstate, collectors: list[str] | None, tmp_path: Path
) -> None:
    result = collect(SessionSpec(), regions=[REGION], collectors=collectors, progress=False)
    assert result.failed_units == 0, result.snapshot.errors
    out = write(result.snapshot, tmp_path / "hostile.json.gz")
    assert _leaks(hostile, out) == []


def test_the_planted_fields_were_really_collected(hostile: HostileEstate, tmp_path: Path) -> None:
    """The grep above means something: every planted field is in the payloads, digested."""
    key = DigestKey(b"hostile-test-key-0123456789")
    snap = collect(SessionSpec(), regions=[REGION], progress=False, digest_key=key).snapshot
    text = write(snap, tmp_path / "s.json").read_text()
    expected = {name: key.digest(value) for name, value in hostile.secrets.items()}
    expected["alb-header-glob"] = GLOB_PREFIX + key.digest(
        hostile.secrets["alb-header-glob"] + "*"
    ).removeprefix(PREFIX)
    expected["waf-header"] = base64.b64encode(expected["waf-header"].encode()).decode()
    missing = sorted(name for name, digest in expected.items() if digest not in text)
    assert missing == []
