"""Validated filters for the findings tables of a report (``Report.findings_frame``).

Every filter value is checked against what exists — areas and check ids of the catalogue,
severity and status names, the snapshot's accounts, the estate's hostnames — and a value that
names nothing raises :class:`FilterError` with the allowed values and the closest ones, never
an empty table that looks like "no findings".
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import pandas as pd

from edgekit.errors import InputError, did_you_mean
from edgekit.graph.reach import UnknownEntrypointError
from edgekit.rules.entrypoints import on_hosts
from edgekit.rules.finding import Severity, Status

if TYPE_CHECKING:
    from edgekit.report.data import Report

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
    rep: Report,
    *,
    area: str | Iterable[str] | None = None,
    min_severity: str | None = None,
    account: str | None = None,
    status: str | None = None,
    check: str | None = None,
) -> None:
    """Raise :class:`FilterError` for a value that names nothing."""
    ids = rep.registry.ids()
    _require("area", _values(area), {i.split(".", 1)[0] for i in ids})
    if min_severity is not None:
        _require("min_severity", [min_severity.strip().lower()], SEVERITIES)
    _require("status", _values(status), STATUSES)
    _require("check", _values(check), ids)
    accounts = {*rep.snapshot.accounts(), *(f.resource.account_id for f in rep.findings)}
    _require("account", _values(account), accounts)


def findings_frame(
    rep: Report, *, hostname: str | Iterable[str] | None = None, **filters: Any
) -> pd.DataFrame:
    """Findings, worst first, filtered (values validated first, see :func:`validate`).

    ``hostname``: a hostname or glob (or several): only findings whose resource is on the
    path of a matching entrypoint. Other filters: ``area``, ``min_severity``, ``account``,
    ``status``, ``check`` (:func:`edgekit.report.tables.findings_frame`).
    """
    from edgekit.report import tables

    validate(rep, **filters)
    findings = rep.findings
    patterns = _values(hostname)
    if patterns:
        try:
            hosts = rep.estate.entrypoint_index.select(patterns)
        except UnknownEntrypointError as err:
            raise FilterError(f"hostname: {err}") from None
        findings = on_hosts(findings, hosts)
    return tables.findings_frame(rep, findings=findings, **filters)
