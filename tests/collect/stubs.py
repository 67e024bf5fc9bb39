"""botocore Stubber plumbing for collectors of services moto cannot serve (WAF Classic, Shield
protection groups, Global Accelerator).

A :class:`Stubs` hook attaches a Stubber to the unit's client of one service and queues the
responses given; Stubber validates each response against the operation's output shape, so a
hand-written response cannot drift from the real API.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from botocore.stub import Stubber


@dataclass
class Stubs:
    """A client hook: stubs the first client of ``service`` with the queued responses."""

    service: str
    queue: list[tuple[str, dict[str, Any] | str, dict[str, Any] | None]] = field(
        default_factory=list
    )
    stubbers: list[Stubber] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)

    def ok(
        self, operation: str, response: dict[str, Any], params: dict[str, Any] | None = None
    ) -> Stubs:
        """Queue a successful response (``params``: the exact expected request, if given)."""
        self.queue.append((operation, response, params))
        return self

    def error(self, operation: str, code: str, params: dict[str, Any] | None = None) -> Stubs:
        """Queue an error response with ``code``."""
        self.queue.append((operation, code, params))
        return self

    def __call__(self, client: Any) -> None:
        if client.meta.service_model.service_name != self.service:
            return
        self.regions.append(client.meta.region_name)
        stubber = Stubber(client)
        for operation, response, params in self.queue:
            if isinstance(response, str):
                status = 403 if "Denied" in response else 400
                stubber.add_client_error(
                    operation, response, http_status_code=status, expected_params=params
                )
            else:
                stubber.add_response(operation, response, params)
        stubber.activate()
        self.stubbers.append(stubber)

    def assert_done(self) -> None:
        """Every queued response was consumed, by exactly one client."""
        assert len(self.stubbers) == 1, f"{len(self.stubbers)} {self.service} clients"
        self.stubbers[0].assert_no_pending_responses()
