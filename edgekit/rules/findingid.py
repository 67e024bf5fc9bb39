"""Stable identifiers of findings for outputs that other systems import (OCSF, ASFF).

A finding is the pair (check, resource) in one account and region; its status (fail or unknown),
message and evidence are not part of its identity, so re-importing a later scan updates the same
record in Security Hub or a SIEM instead of adding a duplicate. AWS-derived strings (resource
ids) only enter through a digest, so an identifier never carries characters an importer could
misread.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from edgekit.rules.finding import Finding


def finding_uid(f: Finding) -> str:
    """``edgekit/<check id>/<digest>``: stable across scans for the same (check, resource)."""
    key = "\x1f".join((f.check_id, f.resource.account_id, f.resource.region, f.resource.id))
    return f"edgekit/{f.check_id}/{hashlib.sha256(key.encode()).hexdigest()[:40]}"


def parse_time(value: str) -> dt.datetime:
    """A snapshot's ``collected_at`` (ISO 8601, ``Z`` or an offset) as an aware UTC datetime.

    Raises ValueError for anything else (the caller turns it into an input error).
    """
    stamp = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.UTC)
    return stamp.astimezone(dt.UTC)
