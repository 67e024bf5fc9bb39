"""Lambda: function URLs behind the edge (FunctionUrl), unresolved URL ids, Lambda@Edge versions.

The lambda collector reads only the functions the edge references (ALB ``lambda`` targets,
function-URL origins of the same account, Lambda@Edge associations), so a function missing
from a payload was not looked at: lookups answer NOT_COLLECTED, not "absent".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from edgekit import endpoints
from edgekit.model.common import EMPTY_MAP, Collected, FrozenMap


@dataclass(frozen=True, slots=True)
class FunctionUrlConfig:
    """GetFunctionUrlConfig: a function's URL and who may call it."""

    function_url: str
    function_arn: str
    auth_type: str
    """``NONE`` (anyone) | ``AWS_IAM`` (signed requests, e.g. CloudFront OAC)."""
    invoke_mode: str | None = None
    """``BUFFERED`` | ``RESPONSE_STREAM``."""
    cors: FrozenMap[str, Any] | None = None
    creation_time: dt.datetime | None = None
    last_modified_time: dt.datetime | None = None

    @property
    def domain(self) -> str:
        """The URL's host (``<url-id>.lambda-url.<region>.on.aws``)."""
        return endpoints.url_host(self.function_url)

    @property
    def url_id(self) -> str | None:
        """The URL id (first label of the host; None when the host is not a function URL's)."""
        found = endpoints.lambda_url(self.domain)
        return None if found is None else found.url_id


@dataclass(frozen=True, slots=True)
class FunctionUrl:
    """A referenced function and its URL (``config`` None: no URL; NOT_COLLECTED: denied)."""

    account_id: str
    region: str
    function_arn: str
    config: Collected[FunctionUrlConfig | None]
    raw: Mapping[str, Any] = field(default=EMPTY_MAP, compare=False, repr=False)

    @property
    def arn(self) -> str:
        """The function ARN (as listed)."""
        return self.function_arn


@dataclass(frozen=True, slots=True)
class UnresolvedFunctionUrl:
    """A function-URL origin id that none of the account's functions in the region serves."""

    account_id: str
    region: str
    id: str
    """The URL id (``<id>.lambda-url.<region>.on.aws``)."""

    @property
    def domain(self) -> str:
        """The URL host name."""
        return endpoints.lambda_url_host(self.id, self.region)


@dataclass(frozen=True, slots=True)
class FunctionConfiguration:
    """GetFunctionConfiguration of a (Lambda@Edge) function version."""

    function_name: str
    function_arn: str
    runtime: str | None = None
    version: str | None = None
    memory_size: int | None = None
    timeout: int | None = None
    code_size: int | None = None
    handler: str | None = None
    role: str | None = None
    state: str | None = None
    package_type: str | None = None
    last_modified: str | None = None
    architectures: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EdgeFunction:
    """A Lambda@Edge function version a distribution associates.

    ``configuration`` None: the version no longer exists; NOT_COLLECTED: the read was denied.
    """

    account_id: str
    region: str
    function_arn: str
    """The qualified ARN (``...:function:name:3``)."""
    configuration: Collected[FunctionConfiguration | None]
    raw: Mapping[str, Any] = field(default=EMPTY_MAP, compare=False, repr=False)

    @property
    def arn(self) -> str:
        """The qualified function ARN."""
        return self.function_arn
