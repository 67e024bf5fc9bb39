"""``edgekit sandbox --seed sample &`` then an immediate ``edgekit collect``: the whole estate.

The sandbox claims its port at once but answers only after seeding (early connections wait in
the queue), and prints its URL only then; so a collect started together with it gets exactly
the saved sample fixture, never a half-seeded estate with exit 0.
"""

from __future__ import annotations

import signal
import socket
import subprocess
from pathlib import Path

from edgekit.sandbox.sample.accounts import ACCOUNTS, READ_ONLY_ROLE
from edgekit.snapshot import load
from tests.collect.sandboxrun import child_environment, collect_argv, edgekit_argv
from tests.collect.sandboxrun import snapshot_document as normalized_file
from tests.sandbox.sample_snapshot import FIXTURE, FIXTURE_DIGEST_KEY, normalized_snapshot


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _stop(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_a_collect_started_with_the_sandbox_gets_the_whole_sample_estate(tmp_path: Path) -> None:
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = child_environment(digest_key=FIXTURE_DIGEST_KEY.decode())
    sandbox = subprocess.Popen(
        edgekit_argv("sandbox", "--port", str(port), "--seed", "sample"),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    out = tmp_path / "s.json.gz"
    extra = ["--quiet", "--accounts", ",".join(ACCOUNTS), "--role-name", READ_ONLY_ROLE]
    # the metrics window of the sample ends where seeding says, which this collect, started
    # before the sandbox is ready, cannot know: it reads everything else
    extra.append("--no-metrics")
    try:
        collect = subprocess.run(
            collect_argv(url, out, extra),
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        assert sandbox.stdout is not None
        printed = sandbox.stdout.readline().strip()  # already printed: the collect got answers
    finally:
        _stop(sandbox)
    assert collect.returncode == 0, collect.stderr
    assert printed == url
    fixture = normalized_snapshot(load(FIXTURE))
    fixture["payloads"] = [p for p in fixture["payloads"] if p["collector"] != "cloudwatch"]
    got = normalized_file(out)
    assert got.pop("source") == "sandbox" and fixture.pop("source") == "aws"
    assert got == fixture
