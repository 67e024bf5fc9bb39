"""Cache, origin-request and response-headers policies: storage and API semantics.

The three policy families behave identically in the API (create / get / get-config / list with a
``Type`` filter / update / delete, ETag + If-Match, AWS-managed policies that cannot change), so
one set of functions serves all three, parametrised by a :class:`PolicyKind`.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from moto.cloudfront.models import CloudFrontBackend

from edgekit.sandbox.bridge import cloudfront_errors as errors
from edgekit.sandbox.bridge.managed_policies import (
    MANAGED_CACHE_POLICIES,
    MANAGED_LAST_MODIFIED,
    MANAGED_ORIGIN_REQUEST_POLICIES,
    MANAGED_RESPONSE_HEADERS_POLICIES,
)
from edgekit.sandbox.bridge.state import (
    Stored,
    behaviors_of,
    check_quantities,
    distribution_configs,
    drop_empty_items,
    new_etag,
    new_uuid,
    state,
)


@dataclass(frozen=True)
class PolicyKind:
    """One policy family: its API member names, URL path and AWS-managed policies."""

    name: str
    """Shape name, e.g. ``CachePolicy`` (also the stem of the error codes)."""
    words: str
    """Human name for messages, e.g. ``cache policy``."""
    path: str
    """URL path segment, e.g. ``cache-policy``."""
    behavior_field: str
    """The cache-behavior member that references it, e.g. ``CachePolicyId``."""
    managed: dict[str, dict[str, Any]]

    @property
    def config_member(self) -> str:
        """E.g. ``CachePolicyConfig``."""
        return f"{self.name}Config"

    @property
    def list_member(self) -> str:
        """E.g. ``CachePolicyList``."""
        return f"{self.name}List"


CACHE = PolicyKind(
    "CachePolicy", "cache policy", "cache-policy", "CachePolicyId", MANAGED_CACHE_POLICIES
)
ORIGIN_REQUEST = PolicyKind(
    "OriginRequestPolicy",
    "origin request policy",
    "origin-request-policy",
    "OriginRequestPolicyId",
    MANAGED_ORIGIN_REQUEST_POLICIES,
)
RESPONSE_HEADERS = PolicyKind(
    "ResponseHeadersPolicy",
    "response headers policy",
    "response-headers-policy",
    "ResponseHeadersPolicyId",
    MANAGED_RESPONSE_HEADERS_POLICIES,
)
KINDS = (CACHE, ORIGIN_REQUEST, RESPONSE_HEADERS)


def _store(backend: CloudFrontBackend, kind: PolicyKind) -> dict[str, Stored]:
    return state(backend).policies.setdefault(kind.name, {})


def _managed(kind: PolicyKind, policy_id: str) -> Stored:
    # A stable ETag per managed policy, so If-Match round trips behave.
    etag = "E" + policy_id.replace("-", "").upper()[:13]
    return Stored(
        id=policy_id,
        etag=etag,
        config=copy.deepcopy(kind.managed[policy_id]),
        created=MANAGED_LAST_MODIFIED,
        last_modified=MANAGED_LAST_MODIFIED,
    )


def as_api(kind: PolicyKind, policy: Stored) -> dict[str, Any]:
    """The ``CachePolicy`` / ``OriginRequestPolicy`` / ``ResponseHeadersPolicy`` structure."""
    return {
        "Id": policy.id,
        "LastModifiedTime": policy.last_modified,
        kind.config_member: drop_empty_items(policy.config, kind.config_member),
    }


def get_policy(backend: CloudFrontBackend, kind: PolicyKind, policy_id: str) -> Stored:
    """A managed or custom policy by id, or ``NoSuch<Kind>``."""
    if policy_id in kind.managed:
        return _managed(kind, policy_id)
    found = _store(backend, kind).get(policy_id)
    if found is None:
        raise errors.no_such(f"NoSuch{kind.name}", kind.words)
    return found


def list_policies(
    backend: CloudFrontBackend, kind: PolicyKind, type_filter: str | None
) -> list[tuple[str, Stored]]:
    """``(Type, policy)`` pairs: managed first, then custom in creation order."""
    if type_filter not in (None, "", "managed", "custom"):
        raise errors.invalid_argument(f"Invalid Type: {type_filter}")
    pairs: list[tuple[str, Stored]] = []
    if type_filter in (None, "", "managed"):
        pairs.extend(("managed", _managed(kind, pid)) for pid in kind.managed)
    if type_filter in (None, "", "custom"):
        pairs.extend(("custom", p) for p in _store(backend, kind).values())
    return pairs


def _validate(
    backend: CloudFrontBackend, kind: PolicyKind, config: dict[str, Any], own: str
) -> None:
    if not config.get("Name"):
        raise errors.invalid_argument(f"{kind.config_member}.Name is required.")
    check_quantities(config)
    names = {c["Name"] for c in kind.managed.values()}
    names.update(p.config.get("Name") for pid, p in _store(backend, kind).items() if pid != own)
    if config["Name"] in names:
        raise errors.already_exists(f"{kind.name}AlreadyExists", kind.words)


def create_policy(backend: CloudFrontBackend, kind: PolicyKind, config: dict[str, Any]) -> Stored:
    """Create a custom policy (unique name, consistent quantities)."""
    _validate(backend, kind, config, own="")
    policy = Stored(id=new_uuid(), etag=new_etag(), config=copy.deepcopy(config))
    _store(backend, kind)[policy.id] = policy
    return policy


def update_policy(
    backend: CloudFrontBackend,
    kind: PolicyKind,
    policy_id: str,
    config: dict[str, Any],
    if_match: str | None,
) -> Stored:
    """Replace a custom policy's config; managed policies raise ``IllegalUpdate``."""
    policy = get_policy(backend, kind, policy_id)
    if policy_id in kind.managed:
        raise errors.illegal("IllegalUpdate", kind.words)
    errors.check_if_match(if_match, policy.etag)
    _validate(backend, kind, config, own=policy_id)
    policy.touch(copy.deepcopy(config))
    return policy


def delete_policy(
    backend: CloudFrontBackend, kind: PolicyKind, policy_id: str, if_match: str | None
) -> None:
    """Delete a custom policy that no distribution uses."""
    policy = get_policy(backend, kind, policy_id)
    if policy_id in kind.managed:
        raise errors.illegal("IllegalDelete", kind.words)
    errors.check_if_match(if_match, policy.etag)
    for config in distribution_configs(backend):
        if any(b.get(kind.behavior_field) == policy_id for b in behaviors_of(config)):
            raise errors.in_use(f"{kind.name}InUse", kind.words)
    del _store(backend, kind)[policy_id]
