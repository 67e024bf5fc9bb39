"""Parts every picture shares: account / region clusters, the coverage footer, file naming."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any, Final

from edgekit.graph import Estate
from edgekit.render.spec import SpecCluster
from edgekit.snapshot import Snapshot

EXTERNAL: Final = "external"
"""Cluster id of nodes no account owns (unresolved names, addresses)."""
GLOBAL_LABEL: Final = "global services (CloudFront, Route 53, IAM)"


def account_region(attrs: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """The (account, region) a node belongs to; the account read from its ARN when unset."""
    account = attrs.get("account_id")
    region = attrs.get("region")
    arn = str(attrs.get("arn") or "")
    if not account and arn.startswith("arn:"):
        parts = arn.split(":", 5)
        if len(parts) > 4 and parts[4].isdigit():
            account = parts[4]
            region = region or parts[3] or "global"
    return (str(account) if account else None, str(region) if region else None)


def cluster_id(account: str | None, region: str | None) -> str:
    """``region:<account>:<region>``; nodes without an account go to :data:`EXTERNAL`."""
    if not account:
        return EXTERNAL
    return f"region:{account}:{region or 'global'}"


def clusters_for(ids: Iterable[str | None]) -> tuple[SpecCluster, ...]:
    """The account and region clusters the given node cluster ids need (sorted by id)."""
    out: dict[str, SpecCluster] = {}
    for cid in ids:
        if cid is None:
            continue
        if cid == EXTERNAL:
            out[cid] = SpecCluster(cid, "outside the snapshot (unresolved)", None, "external")
            continue
        _, account, region = cid.split(":", 2)
        acct = f"account:{account}"
        out[acct] = SpecCluster(acct, f"account {account}", None, "account")
        label = GLOBAL_LABEL if region == "global" else region
        out[cid] = SpecCluster(cid, label, acct, "region")
    return tuple(out[k] for k in sorted(out))


# -- coverage -------------------------------------------------------------------------------------
def coverage(estate: Estate) -> dict[str, Any]:
    """Snapshot time and coverage of an estate: accounts, regions, gaps (and failed units)."""
    model = estate.model
    snap = estate.snapshot
    cov = model.coverage
    gaps = Counter(g.collector for g in cov.gaps)
    return {
        "collected_at": model.collected_at or (snap.collected_at if snap else ""),
        "source": snap.source if snap else "model",
        "accounts": tuple(cov.accounts()),
        "regions": tuple(sorted({r for _, r in cov.targets})),
        "gaps": len(cov.gaps),
        "errors": len(cov.errors),
        "gap_summary": ", ".join(f"{c} ×{n}" for c, n in sorted(gaps.items())),
    }


# -- naming ---------------------------------------------------------------------------------------
_NON_SLUG = re.compile(r"[^a-z0-9]+")
MAX_SLUG: Final = 80


def slugify(text: str) -> str:
    """A file-name-safe, lower-case slug: ``*.example.com`` → ``wildcard-example-com``.

    Long slugs are cut and end with a short hash of the full text, so they stay distinct.
    """
    slug = _NON_SLUG.sub("-", text.lower().replace("*", "wildcard")).strip("-") or "unnamed"
    if len(slug) > MAX_SLUG:
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
        slug = slug[: MAX_SLUG - 9].rstrip("-") + "-" + digest
    return slug


def picture_name(host: str, hosts: Iterable[str]) -> str:
    """An entrypoint picture's file stem: the hostname's slug, with a short hash of the
    hostname when another hostname of the estate has the same slug (``a.b-c`` and ``a-b.c``).

    Depends only on the estate, not on which pictures a run draws, so a name always means the
    same hostname (pictures are reused by name).
    """
    slug = slugify(host)
    if any(other != host and slugify(other) == slug for other in hosts):
        return f"{slug}-{hashlib.sha256(host.encode('utf-8')).hexdigest()[:6]}"
    return slug


def unique(names: Iterable[str], subjects: Iterable[str]) -> list[str]:
    """Names made unique: a repeated name gets a short hash of its subject appended."""
    names, subjects = list(names), list(subjects)
    seen = Counter(names)
    out = []
    for name, subject in zip(names, subjects, strict=True):
        if seen[name] > 1:
            name = f"{name}-{hashlib.sha256(subject.encode('utf-8')).hexdigest()[:6]}"
        out.append(name)
    return out


def run_id(snapshot: Snapshot) -> str:
    """A deterministic run id: the collection time and a short hash of the snapshot's content.

    ``2026-02-01T12:00:00Z`` with content hash ``3f2a…`` → ``20260201T120000Z-3f2a1b9c``.
    """
    text = json.dumps(snapshot.to_json(), sort_keys=True, separators=(",", ":"))
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    return f"{_compact_time(snapshot.collected_at)}-{digest}"


def _compact_time(value: str) -> str:
    try:
        when = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return slugify(value) if value else "undated"
    if when.tzinfo is not None:
        when = when.astimezone(dt.UTC)
    return when.strftime("%Y%m%dT%H%M%SZ")
