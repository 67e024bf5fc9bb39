"""Choosing checks by id or glob: the one matcher behind ``edgekit scan --checks``,
:meth:`edgekit.rules.registry.Registry.select` and ``Report.findings_frame(check=...)``.

A pattern is an :mod:`fnmatch` glob (``waf.*``, ``lb.classic_*``) or a plain check id, matched
case-insensitively (check ids are lower case, so ``WAF.*`` means ``waf.*``). An empty pattern,
or one matching no check id, is an error naming the closest ids and where to see them all: a
typo never selects every check, nor none.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Sequence

from edgekit.errors import did_you_mean

SEE_ALL = "`edgekit checks` lists them all"
"""Where a person sees every check id (the end of an error message)."""


class CheckPatternError(ValueError):
    """A check pattern is empty or matches no check id (the message names the closest)."""


def glob_matches(check_id: str, pattern: str) -> bool:
    """``check_id`` matches the glob ``pattern`` (case-insensitive, surrounding blanks
    ignored)."""
    return fnmatch.fnmatchcase(check_id.casefold(), pattern.strip().casefold())


def matching_ids(ids: Sequence[str], patterns: Iterable[str], *, prefix: str) -> list[str]:
    """The ids (in ``ids`` order) matching any of ``patterns``.

    Raises :class:`CheckPatternError` for an empty pattern or one matching no id; the message
    starts with ``prefix`` (``--checks: `` or ``check=``), then the pattern, the closest ids and
    :data:`SEE_ALL`.
    """
    chosen: set[str] = set()
    for raw in patterns:
        pattern = raw.strip()
        if not pattern:
            raise CheckPatternError(
                f"{prefix}{raw!r}: empty check id or glob (give check ids or globs such as "
                f"waf.*; {SEE_ALL})"
            )
        hits = [i for i in ids if glob_matches(i, pattern)]
        if not hits:
            hint = _hint(pattern, ids)
            raise CheckPatternError(
                f"{prefix}{raw!r} matches no check id{hint}; {SEE_ALL} ({len(ids)})"
            )
        chosen.update(hits)
    return [i for i in ids if i in chosen]


def _hint(pattern: str, ids: Sequence[str]) -> str:
    """The closest check ids to ``pattern``, else to its literal head, else the closest area
    globs (``wfa.*`` → ``waf.*``)."""
    areas = sorted({f"{i.split('.', 1)[0]}.*" for i in ids})
    return (
        did_you_mean(pattern, ids)
        or did_you_mean(_literal_head(pattern), ids)
        or did_you_mean(pattern, areas)
    )


def _literal_head(pattern: str) -> str:
    """The text of a glob before its first wildcard (``waf.*x`` → ``waf.``), for suggestions."""
    for at, char in enumerate(pattern):
        if char in "*?[":
            return pattern[:at]
    return pattern
