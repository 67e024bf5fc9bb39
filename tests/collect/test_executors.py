"""Pluggable executors: threads by default, a Dask cluster by address or by Client.

The Dask tests use an in-process ``LocalCluster(processes=False)``. That matters for more than
speed: moto's in-process mock (``mock_aws``) patches botocore inside *this* process only, so
its state is visible to threads of this process — including the worker threads of an
in-process cluster — but not to worker processes. A process-based cluster needs a moto server
(``ThreadedMotoServer``) and ``SessionSpec(endpoint_url=...)`` instead, as the collection
benchmark does. That the units themselves survive the trip to another process is proven
separately: they round-trip through cloudpickle, which is what Dask uses for them.
"""

from __future__ import annotations

import json
import pickle
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import boto3
import cloudpickle
import distributed
import pytest

from edgekit import cli
from edgekit.aws.session import SessionSpec
from edgekit.collect import api
from edgekit.collect.executors import DaskExecutor, as_executor, make_executor
from edgekit.collect.runner import UnitResult, WorkUnit, run_unit
from edgekit.errors import InputError
from tests.collect.builders import ACCESS, ACCOUNT, fail, shared_moto

R = "eu-west-1"
COLLECTORS = ["elb", "apigateway", "apigatewayv2", "shield", "elbv2", "ec2"]


def test_threads_by_default() -> None:
    for spec in (None, "threads", " THREADS "):
        with make_executor(spec, 3) as pool:
            assert isinstance(pool, ThreadPoolExecutor)
            assert pool._max_workers == 3


@pytest.mark.parametrize(
    "spec", ["spark://h:1", "dask://", "dask://host", "dask://host:port", "tcp//x:1"]
)
def test_bad_specs_are_input_errors(spec: str) -> None:
    with pytest.raises(InputError, match="--executor"):
        make_executor(spec, 1)


def test_as_executor() -> None:
    assert as_executor(None) is None
    with ThreadPoolExecutor(1) as pool:
        assert as_executor(pool) is pool
    with pytest.raises(TypeError, match=r"distributed\.Client"):
        as_executor("dask://x:1")


def _latency_hook(client: Any) -> None:
    """A closure-free hook like the benchmark's (registered per client)."""
    client.meta.events.register("before-send.*.*", lambda **_: None)


def test_units_results_and_hooks_pickle() -> None:
    delay = 0.0

    def closure_hook(client: Any) -> None:  # a closure: needs cloudpickle, as Dask uses
        client.meta.events.register("before-send.*.*", lambda **_: time.sleep(delay))

    unit = WorkUnit(
        "s3", ACCESS, "global", "us-east-1", (_latency_hook, closure_hook), (("b", ("log",), True),)
    )
    back = cloudpickle.loads(cloudpickle.dumps(unit))
    assert (back.collector, back.account, back.region, back.inputs) == (
        unit.collector,
        unit.account,
        unit.region,
        unit.inputs,
    )
    assert len(back.hooks) == 2 and back.hooks[0] is _latency_hook
    result = UnitResult(
        "s3", ACCOUNT, "global", {"buckets": []}, [{"operation": "X"}], None, {("s3", "X"): 1}
    )
    assert pickle.loads(pickle.dumps(result)) == result
    assert pickle.loads(pickle.dumps(run_unit)) is run_unit


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """An in-process cluster reachable over TCP (so dask://HOST:PORT can be tested too)."""
    with distributed.LocalCluster(
        n_workers=1,
        threads_per_worker=4,
        processes=False,
        protocol="tcp",
        host="127.0.0.1",
        dashboard_address=None,
    ) as c:
        yield c


@pytest.fixture(scope="module")
def estate() -> Iterator[None]:
    """A small estate moto serves for several collectors, shared by the module's tests."""
    with shared_moto():
        ec2 = boto3.client("ec2", region_name=R)
        vpc = ec2.create_vpc(CidrBlock="10.1.0.0/16")["Vpc"]["VpcId"]
        subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.1.0.0/24", AvailabilityZone=f"{R}a")[
            "Subnet"
        ]["SubnetId"]
        sg = ec2.create_security_group(GroupName="lb", Description="lb", VpcId=vpc)["GroupId"]
        elb = boto3.client("elb", region_name=R)
        for i in range(3):
            elb.create_load_balancer(
                LoadBalancerName=f"clb{i}",
                Listeners=[{"Protocol": "HTTP", "LoadBalancerPort": 80, "InstancePort": 80}],
                Subnets=[subnet],
                SecurityGroups=[sg],
            )
        gw = boto3.client("apigateway", region_name=R)
        for i in range(3):
            gw.create_rest_api(name=f"api{i}")
        boto3.client("apigatewayv2", region_name=R).create_api(Name="http", ProtocolType="HTTP")
        yield


def _collect(executor: Any) -> dict[str, Any]:
    result = api.collect(
        SessionSpec(),
        regions=[R],
        collectors=COLLECTORS,
        executor=executor,
        progress=False,
        hooks=(fail("GetStages"),),
    )
    doc = result.snapshot.to_json()
    return {k: doc[k] for k in ("targets", "payloads", "gaps", "errors")}


def test_dask_and_threads_collect_identical_snapshots(estate: None, cluster: Any) -> None:
    threads = _collect(None)
    assert threads["errors"] == [] and threads["gaps"]  # the injected denials
    assert any(p["collector"] == "ec2" for p in threads["payloads"])  # a later phase ran
    with distributed.Client(cluster, set_as_default=False) as client:
        assert _collect(client) == threads  # a Client passed from Python
    host, port = cluster.scheduler_address.removeprefix("tcp://").rsplit(":", 1)
    with make_executor(f"dask://{host}:{port}", 8) as pool:
        assert isinstance(pool, DaskExecutor)
        assert _collect(pool) == threads


def test_client_passed_in_stays_open(estate: None, cluster: Any) -> None:
    with distributed.Client(cluster, set_as_default=False) as client:
        pool = as_executor(client)
        assert isinstance(pool, DaskExecutor)
        assert pool.submit(sum, [1, 2]).result() == 3
        pool.shutdown()
        assert client.status == "running"


def test_cli_executor_option(estate: None, cluster: Any, tmp_path: Path) -> None:
    host, port = cluster.scheduler_address.removeprefix("tcp://").rsplit(":", 1)
    out = tmp_path / "snap.json"
    argv = ["collect", "--regions", R, "--collectors", "elb", "--quiet", "-o", str(out)]
    assert cli.main([*argv, "--executor", f"dask://{host}:{port}"]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    [payload] = doc["payloads"]
    assert len(payload["data"]["load_balancers"]) == 3


def test_cli_bad_executor_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["collect", "--regions", R, "--executor", "spark://x:1", "-o", str(tmp_path / "s.json")]
    assert cli.main(argv) == 2
    assert "--executor" in capsys.readouterr().err


@pytest.mark.parametrize("spec", ["dask://10.0.0.5:8786", "dask://scheduler.example.com:8786"])
def test_remote_plain_tcp_scheduler_is_refused(spec: str) -> None:
    from edgekit.collect.executors import make_executor
    from edgekit.errors import InputError

    with pytest.raises(InputError, match=r"plain TCP.*tls://HOST:PORT"):
        make_executor(spec, 2)
