"""API Gateway REST (v1) and HTTP/WebSocket (v2) APIs, stages, custom domains (v1 and v2 merged),
usage plans and VPC links: the ``inv.apigateway`` lookups of an inventory.

Same contract as every area (:mod:`edgekit.model.lookups`): ``X | None | NOT_COLLECTED``.
"""

from __future__ import annotations

import re
from typing import Final

from edgekit import endpoints
from edgekit.model.apigateway.domains import DomainName
from edgekit.model.apigateway.types import RestApi, RestApiStage, UsagePlan, VpcLink
from edgekit.model.apigatewayv2.types import Api, VpcLinkV2
from edgekit.model.common import NOT_COLLECTED, Arn, Collected, normalize_dns_name
from edgekit.model.lookups import Area

_STAGE_ARN: Final = re.compile(r"^/restapis/(?P<api>[^/]+)/stages/(?P<stage>[^/]+)$")


class ApiGatewayLookups(Area):
    """API Gateway REST (v1) and HTTP/WebSocket (v2) APIs, stages, custom domains (v1 and v2
    merged), usage plans and VPC links."""

    __slots__ = ()

    def rest_api(self, api_id: str, account_id: str, region: str) -> Collected[RestApi | None]:
        """A REST API by id."""
        found = self._index.rest_api.get((account_id, region, api_id))
        return self._resolve(found, "rest_apis", account_id, region)

    def rest_api_stage(self, arn: str) -> Collected[RestApiStage | None]:
        """A REST API stage by ARN (``arn:aws:apigateway:<region>::/restapis/<id>/stages/<s>``)."""
        found = self._index.rest_stage.get(arn)
        parts = Arn.parse(arn)
        match = _STAGE_ARN.match(parts.resource) if parts is not None else None
        if found is not None or parts is None or match is None:
            return found if found is not None else NOT_COLLECTED
        api = self._index.rest_api_by_place.get((parts.region, match.group("api")))
        if api is not None:
            return NOT_COLLECTED if api.stages is NOT_COLLECTED else None
        return self._resolve(None, "rest_apis", None, parts.region)

    def api(self, api_id: str, account_id: str, region: str) -> Collected[Api | None]:
        """An HTTP / WebSocket API by id."""
        found = self._index.api.get((account_id, region, api_id))
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
        found: RestApi | Api | None = self._index.rest_api_by_place.get(
            place
        ) or self._index.api_by_place.get(place)
        if found is not None:
            return found
        region = place[0]
        both = self.known("rest_apis", None, region) and self.known("apis", None, region)
        return None if both else NOT_COLLECTED

    def _domains_known(self, account_id: str | None, region: str | None) -> bool:
        """Custom domains are listed by both APIs: either listing complete is enough."""
        if account_id is not None and region is None:
            regions = [r for a, r in self._coverage.targets if a == account_id]
            return bool(regions) and all(self._domains_known(account_id, r) for r in regions)
        return self.known("domain_names_v1", account_id, region) or self.known(
            "domain_names_v2", account_id, region
        )

    def domain_name(
        self, name: str, account_id: str | None = None, region: str | None = None
    ) -> Collected[DomainName | None]:
        """A custom domain name (v1 and v2 merged), optionally in one account / region."""
        candidates = self._index.domain_by_name.get(normalize_dns_name(name), [])
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
        return tuple(self._index.domain_names.values())

    def domain_name_by_target(self, dns_name: str) -> Collected[DomainName | None]:
        """The custom domain whose AWS-side name (regional ``d-xxx.execute-api...`` or edge
        ``dxxx.cloudfront.net``) is ``dns_name``."""
        name = normalize_dns_name(dns_name)
        found = self._index.domain_by_target.get(name)
        if found is not None:
            return found
        target = endpoints.api_domain_target(name)
        region = None if target is None else target.region
        return None if self._domains_known(None, region) else NOT_COLLECTED

    def usage_plans_for(
        self, api_id: str, stage: str, account_id: str, region: str
    ) -> Collected[tuple[UsagePlan, ...]]:
        """Usage plans applying to a REST API stage (``()`` when the plans were read)."""
        found = self._index.usage_plans_by_stage.get((account_id, region, api_id, stage))
        if found:
            return tuple(found)
        return () if self.known("usage_plans", account_id, region) else NOT_COLLECTED

    def vpc_link(self, link_id: str, account_id: str, region: str) -> Collected[VpcLink | None]:
        """A REST API VPC link by id."""
        found = self._index.vpc_link.get((account_id, region, link_id))
        return self._resolve(found, "vpc_links", account_id, region)

    def vpc_link_v2(
        self, link_id: str, account_id: str, region: str
    ) -> Collected[VpcLinkV2 | None]:
        """An HTTP API VPC link by id."""
        found = self._index.vpc_link_v2.get((account_id, region, link_id))
        return self._resolve(found, "vpc_links_v2", account_id, region)
