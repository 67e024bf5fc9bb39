"""Distribution models that keep every field: subclasses swapped into ``moto.cloudfront.models``.

moto's backend builds ``Distribution(...)`` and ``DistributionConfig(...)`` through the module
globals of :mod:`moto.cloudfront.models`; :func:`edgekit.sandbox.bridge.install` rebinds those
two names to the subclasses below, so every distribution created or updated afterwards
(in-process or in the server) keeps the request's fields. moto's own objects are still built
(its validation and ``caller_reference`` bookkeeping keep working); the serialised members are
then overlaid with
:func:`~edgekit.sandbox.bridge.cloudfront_fields.normalize_distribution_config`.
"""

from __future__ import annotations

import copy
from typing import Any

from moto.cloudfront import models as cf_models
from moto.cloudfront.exceptions import OriginDoesNotExist
from moto.core.utils import utcnow
from moto.utilities.utils import get_partition

from edgekit.sandbox.bridge.cloudfront_fields import (
    behavior_targets,
    normalize_distribution_config,
    origin_and_group_ids,
)

SUMMARY_CONFIG_FIELDS = (
    "Staging",
    "ConnectionMode",
    "AnycastIpListId",
    "ViewerMtlsConfig",
    "ConnectionFunctionAssociation",
)
"""DistributionSummary members read from the config that moto does not delegate."""


class BridgedDistributionConfig(cf_models.DistributionConfig):
    """A DistributionConfig whose serialised members are exactly what AWS returns.

    Behaviors may target an origin group (AWS accepts it, moto does not); a target that is
    neither an origin nor an origin group raises ``NoSuchOrigin`` as AWS does.
    """

    def __init__(self, config: dict[str, Any]) -> None:
        raw = copy.deepcopy(config)
        origin_ids, group_ids = origin_and_group_ids(raw)
        for target in behavior_targets(raw):
            if target not in origin_ids and target not in group_ids:
                raise OriginDoesNotExist
        for_moto = copy.deepcopy(raw)
        default = for_moto.get("DefaultCacheBehavior") or {}
        if default.get("TargetOriginId") in group_ids and origin_ids:
            # moto only accepts an origin id here; its own object is not serialised anyway.
            default["TargetOriginId"] = origin_ids[0]
        super().__init__(for_moto)
        self.__dict__.update(normalize_distribution_config(raw))


class BridgedDistribution(cf_models.Distribution):
    """A Distribution whose summary and active-signer members match the real API.

    moto's serializer reads ``ActiveTrustedSigners`` before ``active_trusted_signers``, so the
    derived properties below shadow moto's always-disabled placeholders.
    """

    def __init__(self, account_id: str, region_name: str, config: dict[str, Any]) -> None:
        self._account_id = account_id
        self._region_name = region_name
        super().__init__(account_id, region_name, config)

    def __getattr__(self, name: str) -> Any:
        if name in SUMMARY_CONFIG_FIELDS:
            return getattr(self.distribution_config, name, None)
        return super().__getattr__(name)

    @property
    def ETag(self) -> str:  # noqa: N802 - the API member name, read by moto's serializer
        """The distribution's current ETag (a DistributionSummary member)."""
        return str(self.etag)

    @property
    def ActiveTrustedSigners(self) -> dict[str, Any]:  # noqa: N802 - API member name
        """ActiveTrustedSigners derived from the behaviors' TrustedSigners."""
        accounts: list[str] = []
        for behavior in self._behaviors():
            signers = behavior.get("TrustedSigners") or {}
            if signers.get("Enabled"):
                accounts.extend(a for a in signers.get("Items") or [] if a not in accounts)
        items = [{"AwsAccountNumber": a, "KeyPairIds": {"Quantity": 0}} for a in accounts]
        return _active(items)

    @property
    def ActiveTrustedKeyGroups(self) -> dict[str, Any]:  # noqa: N802 - API member name
        """ActiveTrustedKeyGroups derived from the behaviors and the account's key groups."""
        group_ids: list[str] = []
        for behavior in self._behaviors():
            groups = behavior.get("TrustedKeyGroups") or {}
            if groups.get("Enabled"):
                group_ids.extend(g for g in groups.get("Items") or [] if g not in group_ids)
        backend = cf_models.cloudfront_backends[self._account_id][get_partition(self._region_name)]
        items = []
        for group_id in group_ids:
            group = backend.key_groups.get(group_id)
            key_ids = list(group.items) if group is not None else []
            pairs = {"Quantity": len(key_ids), "Items": key_ids} if key_ids else {"Quantity": 0}
            items.append({"KeyGroupId": group_id, "KeyPairIds": pairs})
        return _active(items)

    def _behaviors(self) -> list[dict[str, Any]]:
        config = self.distribution_config
        ordered = (getattr(config, "CacheBehaviors", None) or {}).get("Items") or []
        return [getattr(config, "DefaultCacheBehavior", None) or {}, *ordered]


class BridgedKeyGroup(cf_models.KeyGroup):
    """A KeyGroup with the ``LastModifiedTime`` the KeyGroup shape requires (moto omits it)."""

    def __init__(self, name: str, items: list[str]) -> None:
        super().__init__(name, items)
        self.last_modified_time = utcnow()


def _active(items: list[dict[str, Any]]) -> dict[str, Any]:
    if not items:
        return {"Enabled": False, "Quantity": 0}
    return {"Enabled": True, "Quantity": len(items), "Items": items}
