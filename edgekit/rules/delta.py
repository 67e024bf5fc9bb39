"""New and fixed findings between two scans (shared by report.compare and the diff command).

A finding is identified by (check, resource, status): a finding whose status changed from
unknown to fail counts as new (and its unknown twin as fixed), since the reader's question is
"what fails now that did not before".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from edgekit.rules.finding import Finding

Key = tuple[str, str, str]


def finding_key(f: Finding) -> Key:
    """(check id, resource id, status): what "the same finding" means across two scans."""
    return (f.check_id, f.resource.id, f.status.value)


@dataclass(frozen=True)
class FindingDelta:
    """Findings of the new scan absent from the old one, and the reverse (each sorted)."""

    new: tuple[Finding, ...]
    fixed: tuple[Finding, ...]


def delta(before: Sequence[Finding], after: Sequence[Finding]) -> FindingDelta:
    """What changed from ``before`` to ``after``."""
    old = {finding_key(f) for f in before}
    now = {finding_key(f) for f in after}
    return FindingDelta(
        new=tuple(sorted((f for f in after if finding_key(f) not in old), key=Finding.sort_key)),
        fixed=tuple(sorted((f for f in before if finding_key(f) not in now), key=Finding.sort_key)),
    )
