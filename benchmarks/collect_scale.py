"""Collection at organisation scale: API calls per resource and wall time by concurrency.

Run: ``.venv/bin/python -m benchmarks.collect_scale [--accounts 10] [--latency-ms 50]``.

A moto ``ThreadedMotoServer`` on 127.0.0.1 (with the sandbox fidelity bridge when
``edgekit.sandbox.bridge`` is importable, so CloudFront is served like AWS) holds a generated
estate of N accounts × 3 regions (:mod:`benchmarks.scale_estate`). edgekit collects it through
AssumeRole into every account — exactly as ``edgekit collect --accounts ... --role-name`` —
with 1, 8 and 32 workers, once as fast as the local server answers and once with an injected
per-request latency (a botocore ``before-send`` hook passed through ``collect(hooks=...)``) so
the effect of concurrency on a real, distant API is visible. It checks that every run collects
identical payloads and prints markdown tables (record them in ``benchmarks/RESULTS.md``).

Collectors the local endpoint cannot serve are left out and named in the output (moto 5.2.5
alone serves neither WAF Classic, Global Accelerator nor all of CloudFront; the bridge does).
"""

from __future__ import annotations

import argparse
import functools
import logging
import multiprocessing
import os
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

os.environ.setdefault("MOTO_EC2_LOAD_DEFAULT_AMIS", "false")

import boto3
import botocore.config
from botocore.exceptions import ClientError

from benchmarks import scale_estate
from edgekit.aws.session import SessionSpec, TemporaryCredentials
from edgekit.collect import api, registry
from edgekit.collect.runner import CollectionResult

REGIONS = ["us-east-1", "eu-west-1", "eu-central-1"]


def _sleep(seconds: float, **_: Any) -> None:
    time.sleep(seconds)


def _register_latency(seconds: float, client: Any) -> None:
    client.meta.events.register("before-send.*.*", functools.partial(_sleep, seconds))


def latency_hook(seconds: float) -> Any:
    """A picklable client hook adding ``seconds`` before every request is sent."""
    return functools.partial(_register_latency, seconds)


def _serve(conn: Any) -> None:
    """Child process: a bridged moto server on 127.0.0.1 until the parent says stop."""
    os.environ["MOTO_EC2_LOAD_DEFAULT_AMIS"] = "false"
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    notes: list[str] = []
    try:
        from edgekit.sandbox.bridge import install
    except ImportError:
        notes.append("edgekit.sandbox.bridge not importable: CloudFront left out")
    else:
        install()
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    conn.send((server._server.server_address[1], notes))
    conn.recv()
    server.stop()


@contextmanager
def moto_server() -> Iterator[tuple[str, list[str]]]:
    """A ThreadedMotoServer in a child process: (url, notes).

    A separate process keeps the server's CPU time, and the garbage collection of its large
    heap, out of the measured client (as with the real AWS); moto still serves one account per
    assumed role.
    """
    ctx = multiprocessing.get_context("spawn")
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=_serve, args=(child,), daemon=True)
    proc.start()
    try:
        deadline = time.monotonic() + 120
        while not parent.poll(0.2):
            if not proc.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the moto server process did not start (see its traceback)")
        port, notes = parent.recv()
        yield f"http://127.0.0.1:{port}", notes
    finally:
        if proc.is_alive():
            parent.send("stop")
            proc.join(30)
        if proc.is_alive():
            proc.terminate()


PROBES: dict[str, tuple[tuple[str, str, str], ...]] = {
    "cloudfront": (
        ("cloudfront", "us-east-1", "list_cache_policies"),
        ("cloudfront", "us-east-1", "list_realtime_log_configs"),
        ("cloudfront", "us-east-1", "list_vpc_origins"),
    ),
    "waf": (("waf", "us-east-1", "list_web_acls"),),
    "waf-regional": (("waf-regional", "eu-west-1", "list_web_acls"),),
    "globalaccelerator": (("globalaccelerator", "us-west-2", "list_accelerators"),),
}
"""Collector → calls the endpoint must answer for it to be benchmarked (moto 5.2.5 serves
none of these by itself; the sandbox bridge may)."""


def unserved(url: str) -> dict[str, str]:
    """Collectors the endpoint cannot serve → why (one quick call each, no retries)."""
    config = botocore.config.Config(retries={"total_max_attempts": 1})
    out: dict[str, str] = {}
    for collector, probes in PROBES.items():
        for service, region, op in probes:
            client = boto3.client(
                service,
                region_name=region,
                endpoint_url=url,
                aws_access_key_id="testing",
                aws_secret_access_key="testing",
                config=config,
            )
            try:
                getattr(client, op)()
            except ClientError as err:
                out[collector] = f"{service} {op} not served ({err.response['Error'].get('Code')})"
                break
    return out


def share_botocore_loader() -> None:
    """Experiment: every unit's new boto3 session reuses one botocore data loader.

    edgekit builds one boto3 session per work unit; each new session parses the service
    models again (tens of ms of CPU per client). This patches :meth:`SessionSpec.session` in
    this process only, to measure what sharing the (read-only, cached) loader would save.
    """
    import botocore.session
    from botocore.loaders import create_loader

    loader = create_loader()

    def session(self: SessionSpec, region: str | None = None) -> boto3.session.Session:
        core = botocore.session.Session()
        core.register_component("data_loader", loader)
        creds = self.credentials
        return boto3.session.Session(
            aws_access_key_id=creds.access_key_id if creds else None,
            aws_secret_access_key=creds.secret_access_key if creds else None,
            aws_session_token=creds.session_token if creds else None,
            profile_name=None if creds else self.profile,
            region_name=region,
            botocore_session=core,
        )

    SessionSpec.session = session  # type: ignore[method-assign]


def run_once(
    url: str, accounts: list[str], collectors: list[str], workers: int, latency: float
) -> tuple[CollectionResult, float]:
    """One collection; (result, wall seconds)."""
    spec = SessionSpec(endpoint_url=url, credentials=TemporaryCredentials("testing", "testing"))
    hooks = (latency_hook(latency),) if latency else ()
    start = time.perf_counter()
    result = api.collect(
        spec,
        regions=REGIONS,
        accounts=accounts,
        role_name=scale_estate.ROLE,
        collectors=collectors,
        workers=workers,
        progress=False,
        hooks=hooks,
        source="sandbox",
    )
    return result, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    """Build the estate, collect it at several concurrencies, print the tables."""
    p = argparse.ArgumentParser(prog="python -m benchmarks.collect_scale", description=__doc__)
    p.add_argument("--accounts", type=int, default=10)
    p.add_argument("--workers", default="1,8,32", help="comma-separated worker counts")
    p.add_argument("--latency-ms", type=float, default=50.0, help="injected per-request latency")
    p.add_argument("--latency-workers", default="1,8,32", help="worker counts of the latency runs")
    p.add_argument(
        "--shared-loader", action="store_true", help="experiment: share botocore's model loader"
    )
    args = p.parse_args(argv)
    if args.shared_loader:
        share_botocore_loader()
    accounts = ["123456789012"] + [f"{100000000000 + i:012d}" for i in range(1, args.accounts)]
    with moto_server() as (url, notes):
        missing = unserved(url)
        notes += [f"{why}: {collector} left out" for collector, why in missing.items()]
        with_cf = "cloudfront" not in missing
        t0 = time.perf_counter()
        made = scale_estate.build(url, accounts, REGIONS, cloudfront=with_cf)
        build_s = time.perf_counter() - t0
        skip = set(missing)
        collectors = [c.id for c in registry.ALL if c.id not in skip]
        resources = sum(made.values())
        print(
            f"estate: {args.accounts} accounts × {len(REGIONS)} regions, {resources} resources "
            f"({', '.join(f'{k} {v}' for k, v in sorted(made.items()))}); built in {build_s:.1f} s"
        )
        print(f"collectors: {', '.join(collectors)}; left out: {', '.join(sorted(skip))}")
        if args.shared_loader:
            print("experiment: one botocore loader shared by every unit's session")
        for note in notes:
            print(f"note: {note}")
        rows, reference = [], None
        plan = [(int(w), 0.0) for w in args.workers.split(",")]
        plan += [(int(w), args.latency_ms / 1000) for w in args.latency_workers.split(",")]
        for workers, latency in plan:
            result, wall = run_once(url, accounts, collectors, workers, latency)
            doc = result.snapshot.to_json()
            same = {k: doc[k] for k in ("payloads", "gaps", "errors")}
            reference = reference or same
            rows.append((workers, latency, result, wall, same == reference))
        print_tables(rows, resources)
    return 0


def print_tables(
    rows: list[tuple[int, float, CollectionResult, float, bool]], resources: int
) -> None:
    """The markdown tables: runs, then API calls by service of the first run."""
    print()
    print(
        "| workers | latency/request | units | failed | gaps | API calls | calls/resource "
        "| wall s | calls/s | same payloads |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|")
    for workers, latency, result, wall, same in rows:
        calls = result.total_calls
        print(
            f"| {workers} | {latency * 1000:.0f} ms | {result.units} | {result.failed_units} | "
            f"{len(result.snapshot.gaps)} | {calls} | {calls / resources:.2f} | {wall:.2f} | "
            f"{calls / wall:.0f} | {'yes' if same else 'NO'} |"
        )
    by_service: Counter[str] = Counter()
    for (service, _op), n in rows[0][2].calls.items():
        by_service[service] += n
    print()
    print("| service | API calls |")
    print("|---|---:|")
    for service, n in sorted(by_service.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"| {service} | {n} |")


if __name__ == "__main__":
    raise SystemExit(main())
