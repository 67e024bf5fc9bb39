"""CloudFront distributions, policies, origin access, functions and logging: the ``inv.cloudfront``
lookups of an inventory.

Same contract as every area (:mod:`edgekit.model.lookups`): ``X | None | NOT_COLLECTED``.
"""

from __future__ import annotations

from edgekit.model.cloudfront.policies import (
    CachePolicy,
    OriginRequestPolicy,
    ResponseHeadersPolicy,
)
from edgekit.model.cloudfront.resources import (
    CloudFrontFunction,
    LogDelivery,
    OriginAccessControl,
    OriginAccessIdentity,
    RealtimeLogConfig,
    VpcOrigin,
)
from edgekit.model.cloudfront.types import Distribution
from edgekit.model.common import GLOBAL, NOT_COLLECTED, Arn, Collected, normalize_dns_name
from edgekit.model.lookups import Area, P


class CloudFrontLookups(Area):
    """CloudFront distributions, policies, origin access, functions and logging."""

    __slots__ = ()

    def _policy_by_id(
        self, kind: str, ident: str, account_id: str | None, _type: type[P]
    ) -> Collected[P | None]:
        """A CloudFront policy by id, as listed in ``account_id``; else an AWS-managed one
        listed by any account.

        AWS-managed policies (``Type: managed``) have the same id and content in every account,
        so when the account's listing was denied, not collected, or lacks the id, another
        account's listing answers for them. Custom policies stay account-scoped.
        """
        found = self._by_id(kind, ident, account_id, _type)
        if account_id is None or isinstance(found, _type):
            return found
        anywhere: P | None = self._index.kinds[kind].get((None, ident))
        if anywhere is not None and anywhere.is_managed:
            return anywhere
        return found

    def distribution(self, id_or_arn: str) -> Collected[Distribution | None]:
        """A distribution by id or ARN."""
        found = self._index.distribution.get(id_or_arn)
        parts = Arn.parse(id_or_arn)
        account = parts.account_id if parts is not None else None
        return self._resolve(found, "distributions", account, GLOBAL)

    def distribution_by_domain(self, domain_name: str) -> Collected[Distribution | None]:
        """The distribution whose ``dxxxx.cloudfront.net`` name this is."""
        found = self._index.distribution_by_domain.get(normalize_dns_name(domain_name))
        return self._resolve(found, "distributions", None, GLOBAL)

    def distribution_for_alias(self, hostname: str) -> Collected[Distribution | None]:
        """The distribution listing ``hostname`` among its aliases (exact match)."""
        found = self._index.distribution_by_alias.get(normalize_dns_name(hostname))
        return self._resolve(found, "distributions", None, GLOBAL)

    def cache_policy(
        self, policy_id: str, account_id: str | None = None
    ) -> Collected[CachePolicy | None]:
        """A cache policy by id, as listed in ``account_id`` (None: in any account); an
        AWS-managed one listed by any account when ``account_id``'s listing cannot answer
        (:meth:`_policy_by_id`)."""
        return self._policy_by_id("cache_policies", policy_id, account_id, CachePolicy)

    def origin_request_policy(
        self, policy_id: str, account_id: str | None = None
    ) -> Collected[OriginRequestPolicy | None]:
        """An origin request policy by id (account scope as :meth:`cache_policy`)."""
        return self._policy_by_id(
            "origin_request_policies", policy_id, account_id, OriginRequestPolicy
        )

    def response_headers_policy(
        self, policy_id: str, account_id: str | None = None
    ) -> Collected[ResponseHeadersPolicy | None]:
        """A response headers policy by id (account scope as :meth:`cache_policy`)."""
        return self._policy_by_id(
            "response_headers_policies", policy_id, account_id, ResponseHeadersPolicy
        )

    def origin_access_control(
        self, oac_id: str, account_id: str | None = None
    ) -> Collected[OriginAccessControl | None]:
        """An origin access control by id."""
        return self._by_id("origin_access_controls", oac_id, account_id, OriginAccessControl)

    def origin_access_identity(
        self, oai: str, account_id: str | None = None
    ) -> Collected[OriginAccessIdentity | None]:
        """An OAI by id or ``origin-access-identity/cloudfront/ID``."""
        return self._by_id(
            "origin_access_identities", oai.rpartition("/")[2], account_id, OriginAccessIdentity
        )

    def vpc_origin(
        self, vpc_origin_id: str, account_id: str | None = None
    ) -> Collected[VpcOrigin | None]:
        """A VPC origin by id."""
        return self._by_id("vpc_origins", vpc_origin_id, account_id, VpcOrigin)

    def cloudfront_function(self, arn: str) -> Collected[CloudFrontFunction | None]:
        """A CloudFront Function by ARN."""
        return self._by_arn("cloudfront_functions", arn, CloudFrontFunction)

    def realtime_log_config(self, arn: str) -> Collected[RealtimeLogConfig | None]:
        """A real-time log configuration by ARN."""
        return self._by_arn("realtime_log_configs", arn, RealtimeLogConfig)

    def log_deliveries_for(self, distribution: Distribution) -> Collected[tuple[LogDelivery, ...]]:
        """Standard logging v2 deliveries of a distribution (empty: none configured)."""
        acct = distribution.account_id
        if not (
            self.known("log_delivery_sources", acct, GLOBAL)
            and self.known("log_deliveries", acct, GLOBAL)
        ):
            return NOT_COLLECTED
        sources = self._index.log_sources_by_resource.get(distribution.arn, [])
        return tuple(
            d
            for s in sources
            if s.account_id == acct
            for d in self._index.log_deliveries_by_source.get((acct, s.name), [])
        )
