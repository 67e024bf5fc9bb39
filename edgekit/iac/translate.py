"""Shared helpers of the per-type translators (CloudFormation form -> payload items)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from edgekit.iac.apishape import convert
from edgekit.iac.estate import Estate, Resource
from edgekit.iac.intrinsics import Unknown

Translator = Callable[[Resource, Estate], None]


def api(
    estate: Estate,
    res: Resource,
    collector: str,
    value: Any,
    service: str,
    shape_name: str,
    where: str,
    renames: Mapping[str, str] | None = None,
) -> Any:
    """:func:`~edgekit.iac.apishape.convert` with unknowns recorded as gaps of ``collector``."""

    def on_unknown(path: str, unknown: Unknown) -> None:
        estate.unresolved(res, path, unknown, collector)

    return convert(value, service, shape_name, on_unknown, renames=renames, where=where)


def known(estate: Estate, res: Resource, collector: str, name: str, default: Any = None) -> Any:
    """A top-level property, or ``default`` when absent; an Unknown is recorded and -> None."""
    value = res.props.get(name, default)
    if isinstance(value, Unknown):
        estate.unresolved(res, f".{name}", value, collector)
        return None
    return value


def placeholder(res: Resource, prop: str) -> str:
    """A value for a *required* member that is only known at deploy time.

    It names the unresolved property under the reserved ``.invalid`` domain, so it can never
    match a real name or id (the graph shows it as an unresolved ``ext:`` reference).
    """
    return f"unresolved.{res.origin.logical_id}.{prop}.iac.invalid".lower()


def cfn_tags(res: Resource, extra: Any = None) -> list[dict[str, str]]:
    """The resource's ``Tags`` plus the ``aws:cloudformation:*`` tags CloudFormation adds."""
    tags = [
        {"Key": str(t["Key"]), "Value": str(t["Value"])}
        for t in (extra if isinstance(extra, list) else [])
        if isinstance(t, dict) and not isinstance(t.get("Value"), Unknown) and "Key" in t
    ]
    if res.origin.stack:
        tags += [
            {"Key": "aws:cloudformation:stack-name", "Value": res.origin.stack},
            {"Key": "aws:cloudformation:logical-id", "Value": res.origin.logical_id},
        ]
    return tags
