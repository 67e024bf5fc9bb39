"""Web ACLs of both WAF generations (WAFv2 and WAF Classic), rule groups, IP and regex pattern sets:
the ``inv.wafv2`` lookups of an inventory.

Same contract as every area (:mod:`edgekit.model.lookups`): ``X | None | NOT_COLLECTED``.
"""

from __future__ import annotations

from typing import Final

from edgekit.model.cloudfront.lookups import CloudFrontLookups
from edgekit.model.cloudfront.types import Distribution
from edgekit.model.common import GLOBAL, NOT_COLLECTED, Arn, Collected
from edgekit.model.coverage import Coverage
from edgekit.model.index import Index
from edgekit.model.lookups import Area
from edgekit.model.waf_classic.types import ClassicWebACL
from edgekit.model.wafv2.types import IPSet, RegexPatternSet, RuleGroup, WebACL

_CLASSIC_SERVICES: Final = {"waf": "classic_web_acls", "waf-regional": "classic_regional_web_acls"}


class WafLookups(Area):
    """Web ACLs of both WAF generations (WAFv2 and WAF Classic), rule groups, IP and regex pattern
    sets."""

    __slots__ = ("_cloudfront",)

    def __init__(self, index: Index, coverage: Coverage, cloudfront: CloudFrontLookups) -> None:
        super().__init__(index, coverage)
        self._cloudfront = cloudfront

    def _v2_web_acl(self, arn_or_classic_id: str) -> Collected[WebACL | ClassicWebACL | None]:
        """A WAFv2 web ACL by ARN (WAF Classic ids and ARNs: see :meth:`web_acl`)."""
        parts = Arn.parse(arn_or_classic_id)
        if parts is None or parts.service != "wafv2":
            return NOT_COLLECTED
        return self._by_arn("web_acls", arn_or_classic_id, WebACL)

    def _v2_web_acl_for_resource(
        self, resource_arn: str
    ) -> Collected[WebACL | ClassicWebACL | None]:
        """The web ACL protecting a distribution, load balancer or API stage."""
        found: WebACL | None = self._index.acl_by_resource.get(resource_arn)
        if found is not None:
            return found
        parts = Arn.parse(resource_arn)
        if parts is None:
            return NOT_COLLECTED
        if parts.service == "cloudfront":
            dist = self._cloudfront.distribution(resource_arn)
            if not isinstance(dist, Distribution):
                return dist
            return None if dist.web_acl_id is None else self.web_acl(dist.web_acl_id)
        unit = (parts.account_id, parts.region)
        if unit in self._index.acl_assoc_unknown or not self.known("web_acls", *unit):
            return NOT_COLLECTED
        return None

    def web_acl(self, arn_or_classic_id: str) -> Collected[WebACL | ClassicWebACL | None]:
        """A web ACL: WAFv2 by ARN, WAF Classic by ARN or id (see :meth:`classic_web_acl`)."""
        parts = Arn.parse(arn_or_classic_id)
        if parts is not None and parts.service == "wafv2":
            return self._v2_web_acl(arn_or_classic_id)
        return self.classic_web_acl(arn_or_classic_id)

    def web_acl_for_resource(self, resource_arn: str) -> Collected[WebACL | ClassicWebACL | None]:
        """The web ACL (WAFv2 or Classic) protecting a distribution, load balancer or API stage.

        Regional resources: a WAFv2 association, else a classic one; when neither is found,
        NOT_COLLECTED if the associations of either kind could not be read for the resource's
        unit, else None (a unit without any ``waf-regional`` payload reads as "no classic
        ACLs": WAF Classic is inventory only).
        """
        found = self._index.classic_acl_by_resource.get(resource_arn)
        if found is not None:
            return found
        parts = Arn.parse(resource_arn)
        if parts is not None and parts.service == "cloudfront":
            dist = self._cloudfront.distribution(resource_arn)
            acl_id = dist.web_acl_id if isinstance(dist, Distribution) else None
            if isinstance(dist, Distribution) and acl_id and Arn.parse(acl_id) is None:
                return self.classic_web_acl(acl_id, dist.account_id)
        v2 = self._v2_web_acl_for_resource(resource_arn)
        if parts is None:
            return v2
        account = parts.account_id or self._stage_account(resource_arn)
        unit = (account, parts.region)
        if v2 is NOT_COLLECTED and account and not parts.account_id:
            # API Gateway stage ARNs name no account: decide in the stage's own account
            known = self.known("web_acls", *unit) and unit not in self._index.acl_assoc_unknown
            v2 = None if known else NOT_COLLECTED
        if v2 is None and unit in self._index.classic_assoc_unknown:
            return NOT_COLLECTED
        return v2

    def web_acl_associations(self, acl: WebACL) -> Collected[tuple[str, ...]]:
        """ARNs of the resources ``acl`` protects.

        REGIONAL: as collected (ListResourcesForWebACL). CLOUDFRONT: the distributions of the
        ACL's account whose WebACLId is this ACL, known when those distributions were collected.
        """
        if acl.resource_arns is not NOT_COLLECTED:
            return acl.resource_arns
        if acl.scope == "CLOUDFRONT" and self.known("distributions", acl.account_id, GLOBAL):
            dists = self._index.distributions_by_acl.get(acl.arn, [])
            return tuple(d.arn for d in dists if d.account_id == acl.account_id)
        return NOT_COLLECTED

    def ip_set(self, arn: str) -> Collected[IPSet | None]:
        """An IP set by ARN."""
        return self._by_arn("ip_sets", arn, IPSet)

    def regex_pattern_set(self, arn: str) -> Collected[RegexPatternSet | None]:
        """A regex pattern set by ARN."""
        return self._by_arn("regex_pattern_sets", arn, RegexPatternSet)

    def rule_group(self, arn: str) -> Collected[RuleGroup | None]:
        """An own rule group by ARN."""
        return self._by_arn("rule_groups", arn, RuleGroup)

    def classic_web_acl(
        self, id_or_arn: str, account_id: str | None = None
    ) -> Collected[ClassicWebACL | None]:
        """A WAF Classic web ACL by ARN, or by id (a distribution's ``WebACLId``: global).

        A bare id without ``account_id`` is absent only when every account's global classic
        ACLs were read. ARNs of other services are None (not a classic ACL).
        """
        parts = Arn.parse(id_or_arn)
        if parts is not None:
            found = self._index.classic_acl.get(id_or_arn)
            kind = _CLASSIC_SERVICES.get(parts.service)
            if found is not None or kind is None:
                return found
            return self._resolve(None, kind, parts.account_id, parts.region)
        key = (account_id, id_or_arn) if account_id is not None else id_or_arn
        found = self._index.classic_acl.get(key)
        return self._resolve(found, "classic_web_acls", account_id, GLOBAL)

    def classic_web_acl_associations(self, acl: ClassicWebACL) -> Collected[tuple[str, ...]]:
        """ARNs of what a classic ACL protects.

        Regional: as collected (ListResourcesForWebACL). Global: the distributions of the ACL's
        account whose WebACLId is the ACL id, known when those distributions were collected.
        """
        if acl.scope == "regional":
            return acl.resource_arns
        if not self.known("distributions", acl.account_id, GLOBAL):
            return NOT_COLLECTED
        dists = self._index.distributions_by_acl.get(acl.id, [])
        return tuple(d.arn for d in dists if d.account_id == acl.account_id)

    def _stage_account(self, stage_arn: str) -> str:
        stage = self._index.rest_stage.get(stage_arn)
        return stage.account_id if stage is not None else ""
