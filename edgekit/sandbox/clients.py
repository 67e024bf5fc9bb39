"""boto3 clients that can only ever reach the sandbox, never a real AWS account.

Estate builders (:mod:`edgekit.sandbox.seed`, and larger estates later) create resources with
ordinary boto3 calls. :class:`SandboxClients` makes those clients safe by construction:

* the target must be a loopback endpoint (``http://127.0.0.1:PORT`` / ``localhost``), or, with no
  endpoint, the caller must be inside an active ``moto.mock_aws()``;
* the clients use fixed fake credentials (or credentials the sandbox itself issued through
  ``sts:AssumeRole``, see :meth:`SandboxClients.assume_role`), never the user's credential
  chain;
* every request passes a ``before-send`` hook that refuses it unless it goes to the loopback
  endpoint or is intercepted by an active moto mock -- checked per request, so leaving the mock
  half-way cannot leak a call either.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit, urlunsplit

import boto3
import botocore.config

from edgekit.endpoints import is_loopback_url
from edgekit.sandbox.errors import SandboxError

FAKE_ACCESS_KEY_ID = "testing"
FAKE_SECRET_ACCESS_KEY = "testing"


def mock_active() -> bool:
    """True while an in-process ``moto.mock_aws()`` intercepts botocore requests."""
    from moto.core.models import botocore_stubber

    return bool(botocore_stubber.enabled)


def require_sandbox(endpoint_url: str | None) -> None:
    """Raise :class:`SandboxError` unless ``endpoint_url`` (or an active mock) is a sandbox."""
    if endpoint_url is None:
        if not mock_active():
            raise SandboxError(
                "refusing to create resources: no endpoint URL given and no moto mock_aws() "
                "active (a real AWS account must never be touched)"
            )
    elif not is_loopback_url(endpoint_url):
        raise SandboxError(
            f"refusing to create resources at {endpoint_url!r}: only a loopback sandbox "
            "endpoint (http://127.0.0.1:PORT or http://localhost:PORT) is allowed"
        )


class SandboxClients:
    """A factory of guarded boto3 clients for one sandbox endpoint (or the active mock).

    ``credentials`` (``AccessKeyId``, ``SecretAccessKey``, ``SessionToken`` as STS returns them)
    must come from the sandbox itself; without them the fixed fake credentials are used (moto's
    default account).
    """

    def __init__(
        self,
        endpoint_url: str | None,
        credentials: dict[str, Any] | None = None,
        *,
        session: boto3.session.Session | None = None,
    ) -> None:
        require_sandbox(endpoint_url)
        self.endpoint_url = endpoint_url
        creds = credentials or {
            "AccessKeyId": FAKE_ACCESS_KEY_ID,
            "SecretAccessKey": FAKE_SECRET_ACCESS_KEY,
        }
        self._credentials = {
            "aws_access_key_id": str(creds["AccessKeyId"]),
            "aws_secret_access_key": str(creds["SecretAccessKey"]),
            "aws_session_token": creds.get("SessionToken"),
        }
        # One boto3 session (and so one botocore model cache) for all accounts' clients.
        self._session = session or boto3.session.Session(
            aws_access_key_id=FAKE_ACCESS_KEY_ID, aws_secret_access_key=FAKE_SECRET_ACCESS_KEY
        )

    def assume_role(self, role_arn: str, session_name: str) -> SandboxClients:
        """Clients acting as ``role_arn`` (moto maps the credentials to the role's account)."""
        sts = self.client("sts", "us-east-1")
        credentials = sts.assume_role(RoleArn=role_arn, RoleSessionName=session_name)
        return SandboxClients(self.endpoint_url, credentials["Credentials"], session=self._session)

    def client(self, service: str, region: str) -> Any:
        """A boto3 client for ``service`` in ``region`` that only talks to the sandbox."""
        client = self._session.client(
            service,  # type: ignore[call-overload]
            region_name=region,
            endpoint_url=self.endpoint_url,
            **self._credentials,
            config=botocore.config.Config(
                retries={"mode": "standard", "max_attempts": 2},
                s3={"addressing_style": "path"},
            ),
        )
        client.meta.events.register_first(
            "before-send.*.*", self._refuse_outside_sandbox, unique_id="edgekit-sandbox-only"
        )
        if service == "s3control" and self.endpoint_url is not None:
            client.meta.events.register("before-sign.s3-control.*", _strip_account_label)
        return client

    def _refuse_outside_sandbox(self, request: Any, **_: Any) -> None:
        if self.endpoint_url is not None and is_loopback_url(str(request.url)):
            return
        if self.endpoint_url is None and mock_active():
            return
        raise SandboxError(f"refused to send a request outside the sandbox: {request.url}")


def _strip_account_label(request: Any, **_: Any) -> None:
    """Undo the ``<account-id>.`` host label botocore puts before every s3control endpoint.

    ``111111111111.127.0.0.1`` cannot resolve; the sandbox serves s3control by path.
    """
    parts = urlsplit(request.url)
    label, _, rest = parts.netloc.partition(".")
    if label.isdigit() and rest:
        request.url = urlunsplit(parts._replace(netloc=rest))
