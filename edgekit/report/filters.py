"""Validated filters for the findings tables of a report (``Report.findings_frame``).

Plain functions of plain values (no import of the report modules, so no import cycle).

Every filter value is checked against what exists — areas and check ids of the catalogue,
severity and status names, the snapshot's accounts, the estate's hostnames — and a value that
names nothing raises :class:`FilterError` with the allowed values and the closest ones, never
an empty table that looks like "no findings".
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from edgekit.errors import InputError, did_you_mean
from edgekit.graph.reach import EntrypointIndex, UnknownEntrypointError
from edgekit.rules.entrypoints import on_hosts
from edgekit.rules.finding import Finding, Severity, Status

STATUSES = tuple(s.value for s in Status)
SEVERITIES = tuple(s.label for s in sorted(Severity, reverse=True))


class FilterError(InputError, ValueError):
    """A filter value names nothing (the message lists the allowed values)."""


def _values(value: str | Iterable[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _require(name: str, values: Iterable[str], allowed: Iterable[str]) -> None:
    choices = sorted(set(allowed))
    for v in values:
        if v not in choices:
            listed = ", ".join(choices) if len(choices) <= 30 else f"{len(choices)} values"
            raise FilterError(f"{name}={v!r} is not one of: {listed}{did_you_mean(v, choices)}")


def validate(
    check_ids: Collection[str],
    accounts: Collection[str],
    *,
    area: str | Iterable[str] | None = None,
    min_severity: str | None = None,
    account: str | None = None,
    status: str | None = None,
    check: str | None = None,
) -> None:
    """Raise :class:`FilterError` for a value that names nothing: an area or check id not in
    the catalogue (``check_ids``), a severity or status name, an account not in ``accounts``."""
    _require("area", _values(area), {i.split(".", 1)[0] for i in check_ids})
    if min_severity is not None:
        _require("min_severity", [min_severity.strip().lower()], SEVERITIES)
    _require("status", _values(status), STATUSES)
    _require("check", _values(check), check_ids)
    _require("account", _values(account), accounts)


def on_hostnames(
    findings: list[Finding], index: EntrypointIndex, hostname: str | Iterable[str] | None
) -> list[Finding]:
    """The findings on the paths of the hostnames matching ``hostname`` (a hostname or glob, or
    several; None: all findings). A pattern matching no hostname raises :class:`FilterError`
    with the closest hostnames."""
    patterns = _values(hostname)
    if not patterns:
        return findings
    try:
        hosts = index.select(patterns)
    except UnknownEntrypointError as err:
        raise FilterError(f"hostname: {err}") from None
    return on_hosts(findings, hosts)
