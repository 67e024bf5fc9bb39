"""What a comparison adds to new and fixed findings: changed paths and the snapshots' order.

A *changed path* is a hostname present in both snapshots whose path changed (distribution, web
ACLs, viewer TLS policy, origin chain, backend kinds, hops), computed by
:func:`edgekit.report.diff.paths_changed`, the code behind ``edgekit diff``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Final

import pandas as pd

from edgekit.report.diff import paths_changed

if TYPE_CHECKING:
    from edgekit.graph import Estate

COLUMNS: Final = ["hostname", "changed", "before", "after"]


def changed_paths(current: Estate, previous: Estate) -> pd.DataFrame:
    """One row per (hostname, changed field) from ``previous`` to ``current``."""
    rows = [(p.hostname, p.field, p.before, p.after) for p in paths_changed(previous, current)]
    return pd.DataFrame(rows, columns=COLUMNS)


def _when(collected_at: str) -> dt.datetime | None:
    try:
        when = dt.datetime.fromisoformat(collected_at.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)


def order_warning(previous_at: str, current_at: str) -> str | None:
    """A warning when the "previous" snapshot is not older than the current one (then "new"
    and "fixed" read backwards), or when either time cannot be read; None when in order."""
    before, now = _when(previous_at), _when(current_at)
    if before is None or now is None:
        bad = previous_at if before is None else current_at
        return f"cannot tell which snapshot is older: collection time {bad!r} is not a timestamp"
    if before > now:
        return (
            f"the previous snapshot ({previous_at}) is newer than this one ({current_at}): "
            "new and fixed read backwards (swap them)"
        )
    if before == now:
        return f"both snapshots were collected at the same time ({current_at})"
    return None
