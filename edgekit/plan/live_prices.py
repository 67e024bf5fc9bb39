"""Prices of the day: the ``pricing`` payload a snapshot collected with ``edgekit collect
--prices`` carries (AWS Price List API ``GetProducts`` results, us-east-1 endpoint), read into
``(item key, region) → USD`` figures that take precedence over the bundled table.

The payload (written by :mod:`edgekit.collect.pricing`)::

    {"collector": "pricing", "region": "us-east-1", "data": {"queries": [
        {"key": "alb_hour", "ServiceCode": "AWSELB", "Filters": [...],
         "PriceList": [{"product": {"attributes": {"regionCode": "eu-west-1", ...}},
                        "terms": {"OnDemand": {...}}, "publicationDate": "..."}]}]}}

A price is the first tier's (``beginRange`` 0) USD ``pricePerUnit`` of the on-demand term; an
item that does not have exactly one such figure for a region is skipped (the bundled price
stays, and says so), never guessed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from edgekit.plan import prices
from edgekit.snapshot import Snapshot

COLLECTOR = "pricing"

PER_MILLION: frozenset[str] = frozenset(
    {"apigw_rest_million", "apigw_http_million", "lambda_million_requests"}
)
"""Items the table prices per million requests (the Price List prices one request)."""


def _queries(snapshot: Snapshot) -> Iterable[Mapping[str, Any]]:
    for p in snapshot.payloads:
        if p.get("collector") == COLLECTOR:
            yield from (p.get("data") or {}).get("queries") or ()


def first_tier_usd(item: Mapping[str, Any]) -> float | None:
    """The on-demand first-tier USD price of one Price List item (None: not exactly one)."""
    found: set[float] = set()
    for term in ((item.get("terms") or {}).get("OnDemand") or {}).values():
        for dim in (term.get("priceDimensions") or {}).values():
            if str(dim.get("beginRange", "0")) not in ("0", "0.0"):
                continue
            try:
                usd = float((dim.get("pricePerUnit") or {})["USD"])
            except (KeyError, TypeError, ValueError):
                continue
            if usd > 0:
                found.add(usd)
    return found.pop() if len(found) == 1 else None


def read(snapshot: Snapshot | None) -> tuple[dict[tuple[str, str], float], str]:
    """``(key, region) → usd`` and the latest publication date of the figures."""
    out: dict[tuple[str, str], set[float]] = {}
    dates: list[str] = []
    for q in _queries(snapshot) if snapshot is not None else ():
        key = str(q.get("key") or "")
        for item in q.get("PriceList") or ():
            if not isinstance(item, Mapping):
                continue
            attrs = (item.get("product") or {}).get("attributes") or {}
            region = attrs.get("regionCode")
            usd = first_tier_usd(item)
            if not key or not region or usd is None:
                continue
            out.setdefault((key, str(region)), set()).add(
                round(usd * 1e6, 6) if key in PER_MILLION else usd
            )
            if item.get("publicationDate"):
                dates.append(str(item["publicationDate"])[:10])
    single = {k: v.pop() for k, v in out.items() if len(v) == 1}
    return single, max(dates) if dates else ""


def table(snapshot: Snapshot | None) -> prices.PriceTable:
    """The bundled table, with the snapshot's prices of the day on top (when collected)."""
    base = prices.load()
    live, date = read(snapshot)
    if not live:
        return base
    known = {k: v for k, v in live.items() if k[0] in base.items}
    return base.with_live(known, date or "the collection date")
