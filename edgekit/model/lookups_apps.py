"""Lookups of the context kinds, part 2: S3 buckets, API Gateway (v1 / v2), Lambda.

Same contract as :mod:`.lookups` (``X | None | NOT_COLLECTED``); see each method for when it
can answer "absent".
"""

from __future__ import annotations

import re
from typing import Final

from edgekit import endpoints
from edgekit.model.apigateway.domains import DomainName
from edgekit.model.apigateway.types import RestApi, RestApiStage, UsagePlan, VpcLink
from edgekit.model.apigatewayv2.types import Api, VpcLinkV2
from edgekit.model.common import NOT_COLLECTED, Arn, Collected, normalize_dns_name
from edgekit.model.index_context import ContextIndex
from edgekit.model.lambda_.types import FunctionConfiguration, FunctionUrl, FunctionUrlConfig
from edgekit.model.lookups import Lookups
from edgekit.model.s3.types import Bucket, BucketRecord, PublicAccessBlock

_STAGE_ARN: Final = re.compile(r"^/restapis/(?P<api>[^/]+)/stages/(?P<stage>[^/]+)$")


class AppLookups(Lookups):
    """S3 / API Gateway / Lambda lookups (mixed into Inventory through ContextLookups)."""

    __slots__ = ()
    _context: ContextIndex

    # -- s3 ----------------------------------------------------------------------------------------
    def bucket(self, name: str) -> Collected[Bucket | None]:
        """The merged view of a bucket, by name (docs/snapshot.md, s3).

        ``None``: some account's record says the bucket does not exist (NoSuchBucket: takeover
        risk). NOT_COLLECTED: no record, or only records whose existence is unknown (the s3
        collector reads only the buckets the edge uses). Otherwise the :class:`Bucket`.
        """
        return self._context.buckets.get(name.lower(), NOT_COLLECTED)

    def bucket_records_for(self, name: str) -> tuple[BucketRecord, ...]:
        """Every account's record of bucket ``name`` (evidence: who saw what)."""
        return tuple(self._context.bucket_records.get(name.lower(), ()))

    def buckets(self) -> tuple[Bucket, ...]:
        """The merged views of every bucket known to exist, sorted by name."""
        views = sorted(self._context.buckets.items())
        return tuple(view for _, view in views if isinstance(view, Bucket))

    def account_public_access_block(self, account_id: str) -> Collected[PublicAccessBlock | None]:
        """The account-level S3 public access block (None: none set)."""
        blocks = self._context.account_block
        return blocks.get(account_id, NOT_COLLECTED)

    # -- apigateway --------------------------------------------------------------------------------
    def rest_api(self, api_id: str, account_id: str, region: str) -> Collected[RestApi | None]:
        """A REST API by id."""
        found = self._context.rest_api.get((account_id, region, api_id))
        return self._resolve(found, "rest_apis", account_id, region)

    def rest_api_stage(self, arn: str) -> Collected[RestApiStage | None]:
        """A REST API stage by ARN (``arn:aws:apigateway:<region>::/restapis/<id>/stages/<s>``)."""
        found = self._context.rest_stage.get(arn)
        parts = Arn.parse(arn)
        match = _STAGE_ARN.match(parts.resource) if parts is not None else None
        if found is not None or parts is None or match is None:
            return found if found is not None else NOT_COLLECTED
        api = self._context.rest_api_by_place.get((parts.region, match.group("api")))
        if api is not None:
            return NOT_COLLECTED if api.stages is NOT_COLLECTED else None
        return self._resolve(None, "rest_apis", None, parts.region)

    def api(self, api_id: str, account_id: str, region: str) -> Collected[Api | None]:
        """An HTTP / WebSocket API by id."""
        found = self._context.api.get((account_id, region, api_id))
        return self._resolve(found, "apis", account_id, region)

    def api_by_execute_domain(self, domain: str) -> Collected[RestApi | Api | None]:
        """The REST, HTTP or WebSocket API whose default endpoint host this is.

        ``<id>.execute-api.<region>.amazonaws.com``; None for other host names, and when every
        account's REST and v2 APIs of that region were read.
        """
        endpoint = endpoints.execute_api(domain)
        if endpoint is None:
            return None
        place = (endpoint.region, endpoint.api_id)
        found: RestApi | Api | None = self._context.rest_api_by_place.get(
            place
        ) or self._context.api_by_place.get(place)
        if found is not None:
            return found
        region = place[0]
        both = self.known("rest_apis", None, region) and self.known("apis", None, region)
        return None if both else NOT_COLLECTED

    def _domains_known(self, account_id: str | None, region: str | None) -> bool:
        """Custom domains are listed by both APIs: either listing complete is enough."""
        if account_id is not None and region is None:
            regions = [r for a, r in self.coverage.targets if a == account_id]
            return bool(regions) and all(self._domains_known(account_id, r) for r in regions)
        return self.known("domain_names_v1", account_id, region) or self.known(
            "domain_names_v2", account_id, region
        )

    def domain_name(
        self, name: str, account_id: str | None = None, region: str | None = None
    ) -> Collected[DomainName | None]:
        """A custom domain name (v1 and v2 merged), optionally in one account / region."""
        candidates = self._context.domain_by_name.get(normalize_dns_name(name), [])
        found = next(
            (
                d
                for d in candidates
                if (account_id is None or d.account_id == account_id)
                and (region is None or d.region == region)
            ),
            None,
        )
        if found is not None:
            return found
        return None if self._domains_known(account_id, region) else NOT_COLLECTED

    def domain_names(self) -> tuple[DomainName, ...]:
        """Every custom domain name, v1 and v2 records merged."""
        return tuple(self._context.domain_names.values())

    def domain_name_by_target(self, dns_name: str) -> Collected[DomainName | None]:
        """The custom domain whose AWS-side name (regional ``d-xxx.execute-api...`` or edge
        ``dxxx.cloudfront.net``) is ``dns_name``."""
        name = normalize_dns_name(dns_name)
        found = self._context.domain_by_target.get(name)
        if found is not None:
            return found
        target = endpoints.api_domain_target(name)
        region = None if target is None else target.region
        return None if self._domains_known(None, region) else NOT_COLLECTED

    def usage_plans_for(
        self, api_id: str, stage: str, account_id: str, region: str
    ) -> Collected[tuple[UsagePlan, ...]]:
        """Usage plans applying to a REST API stage (``()`` when the plans were read)."""
        found = self._context.usage_plans_by_stage.get((account_id, region, api_id, stage))
        if found:
            return tuple(found)
        return () if self.known("usage_plans", account_id, region) else NOT_COLLECTED

    def vpc_link(self, link_id: str, account_id: str, region: str) -> Collected[VpcLink | None]:
        """A REST API VPC link by id."""
        found = self._context.vpc_link.get((account_id, region, link_id))
        return self._resolve(found, "vpc_links", account_id, region)

    def vpc_link_v2(
        self, link_id: str, account_id: str, region: str
    ) -> Collected[VpcLinkV2 | None]:
        """An HTTP API VPC link by id."""
        found = self._context.vpc_link_v2.get((account_id, region, link_id))
        return self._resolve(found, "vpc_links_v2", account_id, region)

    # -- lambda ------------------------------------------------------------------------------------
    def function_url_config(self, function_arn: str) -> Collected[FunctionUrlConfig | None]:
        """The URL of a referenced function, by ARN as referenced (None: it has no URL).

        NOT_COLLECTED for functions the lambda collector did not read (only ALB targets and
        URL origins are read) and where the read was denied.
        """
        entry = self._context.function_url.get(function_arn)
        return NOT_COLLECTED if entry is None else entry.config

    def function_url_by_domain(self, domain: str) -> Collected[FunctionUrl | None]:
        """The function serving a URL host (``<url-id>.lambda-url.<region>.on.aws``).

        None for other host names, and when every account searched its functions of that
        region for this URL id without finding it (``unresolved_url_ids``).
        """
        url = endpoints.lambda_url(domain)
        if url is None:
            return None
        found = self._context.function_url_by_domain.get(
            endpoints.lambda_url_host(url.url_id, url.region)
        )
        if found is not None:
            return found
        key = (url.region, url.url_id)
        accounts = self.coverage.accounts()
        unresolved = self._context.unresolved_urls
        everywhere = bool(accounts) and all((a, *key) in unresolved for a in accounts)
        return None if everywhere else NOT_COLLECTED

    def edge_function_configuration(
        self, qualified_arn: str
    ) -> Collected[FunctionConfiguration | None]:
        """A Lambda@Edge version's configuration (None: the version no longer exists)."""
        entry = self._context.edge_function.get(qualified_arn)
        return NOT_COLLECTED if entry is None else entry.configuration
