"""Lambda function URLs and Lambda@Edge function versions: the ``inv.lambda_`` lookups of an
inventory.

Same contract as every area (:mod:`edgekit.model.lookups`): ``X | None | NOT_COLLECTED``.
"""

from __future__ import annotations

from edgekit import endpoints
from edgekit.model.common import NOT_COLLECTED, Collected
from edgekit.model.lambda_.types import FunctionConfiguration, FunctionUrl, FunctionUrlConfig
from edgekit.model.lookups import Area


class LambdaLookups(Area):
    """Lambda function URLs and Lambda@Edge function versions."""

    __slots__ = ()

    def function_url_config(self, function_arn: str) -> Collected[FunctionUrlConfig | None]:
        """The URL of a referenced function, by ARN as referenced (None: it has no URL).

        NOT_COLLECTED for functions the lambda collector did not read (only ALB targets and
        URL origins are read) and where the read was denied.
        """
        entry = self._index.function_url.get(function_arn)
        return NOT_COLLECTED if entry is None else entry.config

    def function_url_by_domain(self, domain: str) -> Collected[FunctionUrl | None]:
        """The function serving a URL host (``<url-id>.lambda-url.<region>.on.aws``).

        None for other host names, and when every account searched its functions of that
        region for this URL id without finding it (``unresolved_url_ids``).
        """
        url = endpoints.lambda_url(domain)
        if url is None:
            return None
        found = self._index.function_url_by_domain.get(
            endpoints.lambda_url_host(url.url_id, url.region)
        )
        if found is not None:
            return found
        key = (url.region, url.url_id)
        accounts = self._coverage.accounts()
        unresolved = self._index.unresolved_urls
        everywhere = bool(accounts) and all((a, *key) in unresolved for a in accounts)
        return None if everywhere else NOT_COLLECTED

    def edge_function_configuration(
        self, qualified_arn: str
    ) -> Collected[FunctionConfiguration | None]:
        """A Lambda@Edge version's configuration (None: the version no longer exists)."""
        entry = self._index.edge_function.get(qualified_arn)
        return NOT_COLLECTED if entry is None else entry.configuration
