"""Custom domain names of API Gateway, merged across the v1 and v2 APIs (docs/snapshot.md).

A custom domain name is one AWS resource that both APIs list: v1 adds the REST base path
mappings and the edge distribution name, v2 the API mappings (HTTP, WebSocket and REST). The
records of one (account, region, name) are merged into a :class:`DomainName`; v1's values win
where both have one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from edgekit.model.apigateway.types import BasePathMapping, DomainNameV1
from edgekit.model.apigatewayv2.types import ApiMapping, DomainNameV2
from edgekit.model.common import NOT_COLLECTED, Collected


@dataclass(frozen=True, slots=True)
class DomainName:
    """An API Gateway custom domain name: the v1 and v2 records of one name, merged.

    ``base_path_mappings`` come from v1 and ``api_mappings`` from v2: NOT_COLLECTED when that
    API's record is missing or its mappings read was denied.
    """

    account_id: str
    region: str
    name: str
    """Lower-cased."""
    arn: str
    endpoint_type: str | None
    """``EDGE`` | ``REGIONAL`` | ``PRIVATE``."""
    security_policy: str | None
    """``TLS_1_0`` | ``TLS_1_2`` | ``SecurityPolicy_*``."""
    distribution_domain_name: str | None
    """EDGE: the API Gateway-managed CloudFront distribution (``dxxxx.cloudfront.net``)."""
    distribution_hosted_zone_id: str | None
    regional_domain_name: str | None
    """REGIONAL: ``d-xxxx.execute-api.<region>.amazonaws.com``."""
    regional_hosted_zone_id: str | None
    certificate_arns: tuple[str, ...]
    base_path_mappings: Collected[tuple[BasePathMapping, ...]]
    api_mappings: Collected[tuple[ApiMapping, ...]]
    v1: DomainNameV1 | None = None
    v2: DomainNameV2 | None = None

    @property
    def target_domain_names(self) -> tuple[str, ...]:
        """The AWS-side names DNS records point at (distribution and/or regional)."""
        return tuple(n for n in (self.distribution_domain_name, self.regional_domain_name) if n)

    @property
    def sources(self) -> tuple[str, ...]:
        """The collectors that reported this domain (``apigateway``, ``apigatewayv2``)."""
        return tuple(
            s for s, r in (("apigateway", self.v1), ("apigatewayv2", self.v2)) if r is not None
        )


def _first(*values: str | None) -> str | None:
    return next((v for v in values if v), None)


def merge(v1: DomainNameV1 | None, v2: DomainNameV2 | None) -> DomainName:
    """One domain name from its v1 and/or v2 record (at least one is given)."""
    base = v1 or v2
    assert base is not None, "merge needs a v1 or v2 record"
    configs = v2.configurations if v2 is not None else ()
    edge = next((c for c in configs if c.endpoint_type == "EDGE"), None)
    regional = next((c for c in configs if c.endpoint_type == "REGIONAL"), None)
    v1_types = v1.endpoint_types if v1 is not None else ()
    certs = [
        *(c for c in ((v1.certificate_arn, v1.regional_certificate_arn) if v1 else ()) if c),
        *(c.certificate_arn for c in configs if c.certificate_arn),
    ]
    return DomainName(
        account_id=base.account_id,
        region=base.region,
        name=base.name,
        arn=base.arn,
        endpoint_type=_first(
            v1_types[0] if v1_types else None, configs[0].endpoint_type if configs else None
        ),
        security_policy=_first(
            v1.security_policy if v1 else None, configs[0].security_policy if configs else None
        ),
        distribution_domain_name=_first(
            v1.distribution_domain_name if v1 else None,
            edge.api_gateway_domain_name if edge else None,
        ),
        distribution_hosted_zone_id=_first(
            v1.distribution_hosted_zone_id if v1 else None, edge.hosted_zone_id if edge else None
        ),
        regional_domain_name=_first(
            v1.regional_domain_name if v1 else None,
            regional.api_gateway_domain_name if regional else None,
        ),
        regional_hosted_zone_id=_first(
            v1.regional_hosted_zone_id if v1 else None,
            regional.hosted_zone_id if regional else None,
        ),
        certificate_arns=tuple(dict.fromkeys(certs)),
        base_path_mappings=v1.base_path_mappings if v1 is not None else NOT_COLLECTED,
        api_mappings=v2.api_mappings if v2 is not None else NOT_COLLECTED,
        v1=v1,
        v2=v2,
    )


Key = tuple[str, str, str]


def merge_domain_names(
    v1_records: Iterable[DomainNameV1], v2_records: Iterable[DomainNameV2]
) -> dict[Key, DomainName]:
    """``(account, region, name)`` → merged domain name, in first-seen order."""
    v1s: dict[Key, DomainNameV1] = {}
    v2s: dict[Key, DomainNameV2] = {}
    for r1 in v1_records:
        v1s.setdefault((r1.account_id, r1.region, r1.name), r1)
    for r2 in v2_records:
        v2s.setdefault((r2.account_id, r2.region, r2.name), r2)
    keys = dict.fromkeys([*v1s, *v2s])
    return {k: merge(v1s.get(k), v2s.get(k)) for k in keys}
