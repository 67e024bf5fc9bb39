"""The sample-estate snapshot fixture: how it is made, and how it is compared.

``tests/fixtures/snapshots/sample.json.gz`` is the Northwind sample estate
(:mod:`edgekit.sandbox.sample`) seeded into a fresh in-process sandbox (bridged
``moto.mock_aws()``) and collected with edgekit's own collectors, exactly as::

    edgekit collect --accounts 111111111111,222222222222,333333333333 \\
        --role-name EdgekitReadOnly --regions us-east-1,eu-west-1 --metrics-end <metrics_end>

would against ``edgekit sandbox``. Regenerate it with::

    .venv/bin/python -m tests.sandbox.sample_snapshot \\
        --write tests/fixtures/snapshots/sample.json.gz

moto's ids are seeded, so two runs differ only in what follows the clock (timestamps,
certificate validity, ``collected_at``) and in values moto draws from unseeded randomness (the
serial numbers of the certificates it issues, the Shield subscription's ARN);
:func:`normalized` blanks exactly those, and ``test_sample_estate.py`` checks that the saved
fixture equals a fresh collection up to them. (Collection lives here, not in
``edgekit.sandbox``: the sandbox layer may not import the collectors.)
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from edgekit.collect.runner import CollectionResult
from edgekit.sandbox.sample import SampleInfo, seed_sample
from edgekit.snapshot import Snapshot, write

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "snapshots" / "sample.json.gz"
TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)?$")
VOLATILE_KEYS = frozenset({"Serial", "SubscriptionArn", "edgekit_version"})
"""Keys whose values come from unseeded randomness (ACM serials, the Shield subscription ARN)
or from the release (the edgekit version)."""
FIXTURE_DIGEST_KEY = b"edgekit-sample-fixture-digest-key"
"""A fixed, public digest key: the fixture's secret digests are reproducible (never use it for a
real estate; there the key is random per run or the user's own)."""
CLOCK = "<clock>"
RANDOM = "<random>"
FAKE_ENVIRONMENT = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_CONFIG_FILE": "/nonexistent/edgekit-test-config",
    "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/edgekit-test-credentials",
}


def collect_sample(info: SampleInfo, endpoint_url: str | None = None) -> CollectionResult:
    """Collect the seeded sample estate over its three accounts and two regions."""
    from edgekit.aws.session import SessionSpec
    from edgekit.collect.api import collect
    from edgekit.collect.cloudwatch import MetricsWindow
    from edgekit.collect.secrets import DigestKey

    return collect(
        SessionSpec(endpoint_url=endpoint_url, max_attempts=1),
        accounts=list(info.accounts),
        role_name=info.role_name,
        regions=list(info.regions),
        progress=False,
        digest_key=DigestKey(FIXTURE_DIGEST_KEY, "fixture"),
        metrics_window=MetricsWindow(end=info.metrics_end or None),
    )


@contextmanager
def in_process_sandbox() -> Iterator[None]:
    """A fresh bridged ``moto.mock_aws()`` under fake credentials (no real account reachable)."""
    from moto import mock_aws

    from edgekit.sandbox.bridge import bridged

    saved = {k: os.environ.get(k) for k in (*FAKE_ENVIRONMENT, "AWS_PROFILE", "AWS_SESSION_TOKEN")}
    for key in ("AWS_PROFILE", "AWS_SESSION_TOKEN"):
        os.environ.pop(key, None)
    os.environ.update(FAKE_ENVIRONMENT)
    try:
        with bridged(), mock_aws():
            yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def sample_snapshot() -> tuple[SampleInfo, CollectionResult]:
    """Seed the sample estate into a fresh in-process sandbox and collect it."""
    with in_process_sandbox():
        info = seed_sample()
        return info, collect_sample(info)


def normalized(value: Any) -> Any:
    """``value`` with clock-dependent and unseeded-random values replaced by placeholders."""
    if isinstance(value, dict):
        return {k: RANDOM if k in VOLATILE_KEYS else normalized(v) for k, v in value.items()}
    if isinstance(value, list):
        return [normalized(v) for v in value]
    if isinstance(value, str) and TIMESTAMP.match(value):
        return CLOCK
    return value


def normalized_snapshot(snapshot: Snapshot) -> dict[str, Any]:
    """The snapshot's JSON document, normalised (see :func:`normalized`)."""
    doc: dict[str, Any] = normalized(snapshot.to_json())
    return doc


def main(argv: list[str] | None = None) -> int:
    """``--write PATH``: seed, collect and save the sample snapshot (gzip when ``.gz``)."""
    parser = argparse.ArgumentParser(prog="python -m tests.sandbox.sample_snapshot")
    parser.add_argument("--write", type=Path, default=FIXTURE, help=f"default: {FIXTURE}")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    info, result = sample_snapshot()
    if result.failed_units or result.snapshot.gaps:
        print(f"collection incomplete: {result.snapshot.errors} {result.snapshot.gaps}")
        return 1
    write(result.snapshot, args.write)
    took = time.perf_counter() - started
    print(
        f"wrote {args.write}: {len(info.distributions)} distributions, "
        f"{len(info.load_balancers)} load balancers, {len(info.web_acls)} web ACLs "
        f"({took:.1f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
