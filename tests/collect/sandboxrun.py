"""Running ``edgekit collect`` as a real subprocess against a sandbox, and comparing snapshots.

Shared by the fault-injection tests (corrupting proxy, Ctrl-C). The child gets fake
credentials, no AWS config files and a fixed digest key, so two runs over the same estate give
the same digests and :func:`unaccounted` can compare them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from edgekit.collect.registry import collectors_by_id
from edgekit.snapshot import load
from tests.sandbox.sample_snapshot import FAKE_ENVIRONMENT, normalized_snapshot

DIGEST_KEY = "edgekit-fault-tests-digest-key"
"""A fixed, public digest key: runs over the same estate give the same digests."""

Unit = tuple[str, str, str]
"""(account_id, region, collector)."""


def child_environment(digest_key: str = DIGEST_KEY) -> dict[str, str]:
    """The environment of an ``edgekit`` child process (fake credentials, wide terminal)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(FAKE_ENVIRONMENT)
    env.update(
        EDGEKIT_DIGEST_KEY=digest_key,
        MOTO_EC2_LOAD_DEFAULT_AMIS="false",
        COLUMNS="200",
        PYTHONUNBUFFERED="1",
    )
    return env


def edgekit_argv(*args: str) -> list[str]:
    """``edgekit ARGS...`` run by this interpreter."""
    return [sys.executable, "-m", "edgekit.cli", *args]


def collect_argv(endpoint: str, out: Path, extra: Sequence[str] = ()) -> list[str]:
    """``edgekit collect`` against ``endpoint`` (us-east-1 and eu-west-1), writing ``out``."""
    return edgekit_argv(
        "collect",
        "--endpoint-url",
        endpoint,
        "--regions",
        "us-east-1,eu-west-1",
        *extra,
        "-o",
        str(out),
    )


def run_collect(
    endpoint: str, out: Path, extra: Sequence[str] = (), timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """Run ``edgekit collect`` to completion (bounded by ``timeout`` seconds)."""
    return subprocess.run(
        collect_argv(endpoint, out, extra),
        env=child_environment(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def unit(record: dict[str, Any]) -> Unit:
    """The unit of a payload, gap or error record."""
    return (record["account_id"], record["region"], record["collector"])


def snapshot_document(path: Path) -> dict[str, Any]:
    """The snapshot at ``path``, normalised as the sample-fixture test normalises it."""
    return normalized_snapshot(load(path))


def unaccounted(clean: dict[str, Any], got: dict[str, Any]) -> list[str]:
    """What ``got`` lost or changed, compared with the ``clean`` run, without saying so.

    A unit's payload may be missing or differ from the clean run only when the unit is named in
    ``got``'s errors, or when a collector it takes its inputs from (``depends_on``) failed
    somewhere: the S3 unit looks up the buckets the collected distributions use, the EC2 unit
    the security groups of the collected load balancers (and is not run when there are none),
    so a named failure upstream legitimately narrows them. Payloads and errors aside, the
    documents must be equal.
    """
    specs = collectors_by_id()
    failed = {unit(e) for e in got["errors"]}
    failed_collectors = {c for _, _, c in failed}
    before = {unit(p): p for p in clean["payloads"]}
    after = {unit(p): p for p in got["payloads"]}
    problems = [f"{u}: payload not in the clean run" for u in sorted(set(after) - set(before))]
    for key, payload in sorted(before.items()):
        excused = key in failed or bool(failed_collectors & set(specs[key[2]].depends_on))
        if key not in after and not excused:
            problems.append(f"{key}: payload missing and the unit is not named in errors")
        elif key in after and after[key] != payload and not excused:
            problems.append(f"{key}: payload differs from the clean run")
    for name in sorted(set(clean) | set(got)):
        if name not in ("payloads", "errors") and clean.get(name) != got.get(name):
            problems.append(f"{name}: differs from the clean run")
    return problems
