"""Property paths compared across forms: a template's (CloudFormation, or Terraform's mapped
to it) and the API's (a payload item).

Both spell the same member differently (``Origins[0].CustomOriginConfig`` in a template,
``Origins.Items[0].CustomOriginConfig`` in the API; ``IPV6Enabled`` / ``IsIPV6Enabled``;
``LoadBalancerAttributes`` / ``Attributes``), so a path is reduced to a canonical form: list
indexes and ``Items`` / ``Quantity`` wrappers dropped, each name lower-cased without
underscores and without a plural ``s``, a few renames applied. :func:`sets` says whether an
API path is one a template set (its canonical form ends with the template path's).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Final

_SKIPPED: Final = frozenset({"item", "quantity", "location"})
"""Wrappers (and GeoRestriction's ``Locations``, which the API calls ``Items``)."""
_RENAMES: Final = {
    "isipv6enabled": "ipv6enabled",
    "origincustomheader": "customheader",
    "loadbalancerattribute": "attribute",
    "targetgroupattribute": "attribute",
    "acmcertificatearn": "certificate",
    "iamcertificateid": "certificate",
    "securitygroupingres": "ippermission",
    "resourcerecord": "resourcerecord",
}


def canonical(path: Sequence[Any]) -> tuple[str, ...]:
    """The canonical form of a path (names and list indexes)."""
    out: list[str] = []
    for part in path:
        if not isinstance(part, str):
            continue
        name = part.replace("_", "").lower()
        name = name[:-1] if name.endswith("s") else name
        name = _RENAMES.get(name, name)
        if name in _SKIPPED:
            continue
        if name == "cachedmethod" and out and out[-1] == "allowedmethod":
            out.pop()  # the API nests CachedMethods in AllowedMethods
        out.append(name)
    return tuple(out)


def leaves(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Paths of the leaves of a JSON-like value (a list of scalars, an empty object such as
    WAF's ``Block: {}``, is one leaf)."""
    if isinstance(value, dict) and value:
        for key, v in value.items():
            yield from leaves(v, (*path, key))
    elif isinstance(value, list) and any(isinstance(v, dict | list) for v in value):
        for i, v in enumerate(value):
            yield from leaves(v, (*path, i))
    else:
        yield path


def template_paths(props: Any) -> list[str]:
    """The canonical paths a template sets (for ``_iac.set``), sorted."""
    return sorted({".".join(canonical(p)) for p in leaves(props) if canonical(p)})


def sets(template: Iterable[str], api_path: Sequence[Any]) -> bool:
    """True when the template set the member at ``api_path`` (relative to its item)."""
    api = canonical(api_path)
    for t in template:
        parts = tuple(t.split("."))
        if len(parts) <= len(api) and api[len(api) - len(parts) :] == parts:
            return True
    return False


def sets_under(template: Iterable[str], api_path: Sequence[Any]) -> bool:
    """True when the template sets something at or below ``api_path`` (a list it defines)."""
    api = canonical(api_path)
    for t in template:
        parts = tuple(t.split("."))
        for j in range(len(api)):
            tail = api[j:]
            if len(tail) <= len(parts) and parts[: len(tail)] == tail:
                return True
    return False
