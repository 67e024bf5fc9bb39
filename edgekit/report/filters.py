"""Validated filters for the findings tables of a report (``Report.findings_frame``).

Plain functions of plain values (no import of the report modules, so no import cycle).

Every filter value is checked against what exists — areas and check ids of the catalogue,
severity and status names, the snapshot's accounts, the estate's hostnames — and a value that
names nothing raises :class:`FilterError` with the allowed values (for a long set, the closest
ones and where to see them all), never an empty table that looks like "no findings". Names
(areas, severities, statuses, hostnames) are taken in any case; checks are ids or globs, as
``edgekit scan --checks`` takes them.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from edgekit.errors import InputError, did_you_mean
from edgekit.graph.reach import EntrypointIndex, UnknownEntrypointError
from edgekit.rules.entrypoints import on_hosts
from edgekit.rules.finding import Finding, Severity, Status
from edgekit.rules.select import CheckPatternError, matching_ids

STATUSES = tuple(s.value for s in Status)
SEVERITIES = tuple(s.label for s in sorted(Severity, reverse=True))
LISTED = 30
"""Allowed values are listed in an error up to this many; a longer set names the closest ones
and where to see them all."""


class FilterError(InputError, ValueError):
    """A filter value names nothing (the message lists the allowed values)."""


@dataclass(frozen=True)
class FindingFilter:
    """Validated, normalised filter values (:func:`validate`); ``keeps`` tells whether a
    finding passes all of them (the hostname filter is :func:`on_hostnames`)."""

    areas: frozenset[str] = frozenset()
    """Check id areas (lower case); empty: every area."""
    floor: Severity = Severity.INFO
    account: str | None = None
    status: Status | None = None
    checks: frozenset[str] | None = None
    """The check ids the ``check`` globs matched; None: every check."""

    def keeps(self, finding: Finding) -> bool:
        """The finding passes every filter."""
        return (
            finding.severity >= self.floor
            and (not self.areas or finding.check_id.split(".", 1)[0] in self.areas)
            and (self.account is None or finding.resource.account_id == self.account)
            and (self.status is None or finding.status is self.status)
            and (self.checks is None or finding.check_id in self.checks)
        )


def _values(value: str | Iterable[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _require(
    name: str, values: Iterable[str], allowed: Iterable[str], *, see: str = ""
) -> list[str]:
    """``values`` as spelled in ``allowed``; a value not in it raises :class:`FilterError`
    listing the allowed values (a long set: the closest ones and ``see``, where to see all)."""
    choices = sorted(set(allowed))
    out: list[str] = []
    for v in values:
        if v in choices:
            out.append(v)
            continue
        if len(choices) <= LISTED:
            raise FilterError(
                f"{name}={v!r} is not one of: {', '.join(choices)}{did_you_mean(v, choices)}"
            )
        where = f"; {see} lists them all" if see else ""
        raise FilterError(
            f"{name}={v!r} is not one of the {len(choices)} known values"
            f"{did_you_mean(v, choices)}{where}"
        )
    return out


def _lower(values: list[str]) -> list[str]:
    return [v.strip().lower() for v in values]


def validate(
    check_ids: Sequence[str],
    accounts: Collection[str],
    *,
    area: str | Iterable[str] | None = None,
    min_severity: str | None = None,
    account: str | None = None,
    status: str | None = None,
    check: str | Iterable[str] | None = None,
) -> FindingFilter:
    """The filter these values describe. Area, severity and status names are taken in any case;
    ``check`` is check ids or globs (the matcher of ``edgekit scan --checks``,
    :func:`edgekit.rules.select.matching_ids`). Raises :class:`FilterError` for a value that
    names nothing: an area or check id not in the catalogue (``check_ids``), a severity or
    status name, an account not in ``accounts``."""
    areas = _require("area", _lower(_values(area)), {i.split(".", 1)[0] for i in check_ids})
    if min_severity is not None:
        _require("min_severity", _lower([min_severity]), SEVERITIES)
    statuses = _require("status", _lower(_values(status)), STATUSES)
    _require("account", _values(account), accounts, see="Report.snapshot.accounts()")
    checks = None
    if check is not None:
        try:
            checks = frozenset(matching_ids(check_ids, _values(check), prefix="check="))
        except CheckPatternError as err:
            raise FilterError(str(err)) from None
    return FindingFilter(
        areas=frozenset(areas),
        floor=Severity.parse(min_severity) if min_severity is not None else Severity.INFO,
        account=account,
        status=Status(statuses[0]) if statuses else None,
        checks=checks,
    )


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
