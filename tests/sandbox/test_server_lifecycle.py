"""Sandbox lifecycle: argument checks, a busy port, an empty account, restoring plain moto.

Kept apart from ``test_server.py`` so its module-scoped seeded server is never running at the
same time (a sandbox owns moto's in-process state).
"""

from __future__ import annotations

import socket

import pytest

from edgekit.sandbox import bridge
from edgekit.sandbox.errors import SandboxError
from edgekit.sandbox.server import Sandbox
from tests.sandbox.shapes import validated_client


def test_lifecycle_errors_and_an_empty_account() -> None:
    with pytest.raises(SandboxError, match="unknown seed"):
        Sandbox(seed="big")  # type: ignore[arg-type]
    with pytest.raises(SandboxError, match="invalid port"):
        Sandbox(port=70000)
    idle = Sandbox(seed="none")
    with pytest.raises(SandboxError, match="not running"):
        _ = idle.url
    was_installed = bridge.installed()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        with pytest.raises(SandboxError, match="cannot listen"):
            Sandbox(port=busy.getsockname()[1], seed="none").start()
    assert bridge.installed() is was_installed  # a failed start leaves moto as it was

    with Sandbox(seed="none") as empty:
        assert empty.seed_info is None
        cf = validated_client(
            "cloudfront",
            endpoint_url=empty.url,
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        )
        assert cf.list_distributions()["DistributionList"]["Quantity"] == 0
        assert not empty.wait(timeout=0.01)
    assert not empty.running and empty.wait(timeout=0)
    empty.stop()  # idempotent
    assert bridge.installed() is was_installed
