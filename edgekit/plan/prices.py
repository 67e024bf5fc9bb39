"""The dated price table (``prices.json`` beside this module) and savings lines built from it.

Every price carries its source; the table carries the date it was read (``source_date``). A
:class:`Line` is one part of a proposal's savings: a fixed part (always priced) or a usage
part, priced only when the snapshot has the metric, else ``usd`` None ("list price, usage
unknown").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class Price:
    """One list price."""

    key: str
    usd: float
    per: str
    source: str
    confirmed: bool = True


@dataclass(frozen=True)
class PriceTable:
    """The table: prices by key, the region they are for and when they were read."""

    source_date: str
    region: str
    hours_per_month: int
    items: dict[str, Price]

    def __getitem__(self, key: str) -> Price:
        return self.items[key]

    def monthly(self, key: str, quantity: float = 1.0) -> float:
        """``quantity`` × an hourly price × hours a month."""
        return self.items[key].usd * self.hours_per_month * quantity

    def to_json(self) -> dict[str, Any]:
        """The table as JSON (proposals documents carry its date and region)."""
        return {
            "source_date": self.source_date,
            "region": self.region,
            "hours_per_month": self.hours_per_month,
            "items": {
                k: {"usd": p.usd, "per": p.per, "source": p.source, "confirmed": p.confirmed}
                for k, p in sorted(self.items.items())
            },
        }


@cache
def load() -> PriceTable:
    """The packaged price table."""
    text = resources.files("edgekit.plan").joinpath("prices.json").read_text(encoding="utf-8")
    doc = json.loads(text)
    items = {
        k: Price(k, float(v["usd"]), v["per"], v["source"], bool(v.get("confirmed", True)))
        for k, v in doc["items"].items()
    }
    return PriceTable(doc["source_date"], doc["region"], int(doc["hours_per_month"]), items)


@dataclass(frozen=True)
class Line:
    """One savings part: what, how much a month (None: usage unknown), and how computed."""

    label: str
    usd: float | None
    basis: str

    def text(self) -> str:
        """``label: basis`` for ``savings_basis``."""
        return f"{self.label}: {self.basis}"


def fixed(label: str, key: str, quantity: float = 1.0, *, hourly: bool = True) -> Line:
    """A fixed monthly part (hourly price × hours, or a monthly price) × quantity."""
    table = load()
    price = table[key]
    if hourly:
        usd = table.monthly(key, quantity)
        how = f"{_q(abs(quantity))}{table.hours_per_month} h × ${price.usd}/{price.per}"
    else:
        usd = price.usd * quantity
        how = f"{_q(abs(quantity))}${price.usd}/{price.per}"
    return Line(label, round(usd, 2), f"{how} = {_usd(usd)}")


def usage(label: str, key: str, quantity: float | None, unit: str, *, sign: float = 1.0) -> Line:
    """A usage part: ``quantity`` (from metrics, per month) × price, or unknown."""
    price = load()[key]
    per = f"${price.usd}/{price.per}"
    if quantity is None:
        return Line(label, None, f"list price, usage unknown ({per})")
    usd = sign * quantity * price.usd
    return Line(label, round(usd, 2), f"{quantity:,.2f} {unit} (CloudWatch) × {per} = {_usd(usd)}")


def _usd(value: float) -> str:
    return f"-${-value:.2f}" if value < 0 else f"${value:.2f}"


def _q(quantity: float) -> str:
    return "" if quantity == 1 else f"{quantity:g} × "


def total(lines: list[Line]) -> float:
    """The priced parts added up (unknown usage parts count as nothing)."""
    return float(round(sum(line.usd for line in lines if line.usd is not None), 2)) + 0.0


def basis(lines: list[Line], resource_region: str | None) -> str:
    """The ``savings_basis`` text: every line, the table's date, and a region caveat."""
    table = load()
    parts = [line.text() for line in lines] or ["no list-price difference"]
    where = f"{table.region} list prices as of {table.source_date} (edgekit/plan/prices.json)"
    if resource_region and resource_region not in (table.region, "global"):
        where += f"; the resource is in {resource_region}, where prices differ"
    return "; ".join(parts) + f" — {where}"
