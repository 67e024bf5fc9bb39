"""The dated, regional price table (``prices.json`` beside this module) and savings lines.

Every price carries its source; the table carries the date it was read (``source_date``) and,
per commercial region, whether its figures are confirmed. Items are ``regional`` (priced per
AWS Region: load balancers, API Gateway, Lambda), ``global`` (one price everywhere: WAF, Global
Accelerator's fixed fee, public IPv4, Shield Advanced) or ``cloudfront`` (by the viewer
geography of the price class). A snapshot collected with ``--prices`` carries the Price List
API's figures of the day (:mod:`edgekit.plan.live_prices`), which override the bundled ones.

A :class:`Line` is one part of a proposal's savings: a fixed part (always priced) or a usage
part, priced only when the snapshot has the metric, else ``usd`` None — an *unknown*, never $0.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from typing import Any

GLOBAL = "global"


@dataclass(frozen=True)
class Price:
    """One list price (the base region's figure; :meth:`PriceTable.price` gives a region's)."""

    key: str
    usd: float
    per: str
    source: str
    confirmed: bool = True
    scope: str = "regional"


@dataclass(frozen=True)
class Quote:
    """A price for one region: the figure, where it applies and whether it is confirmed."""

    usd: float
    per: str
    region: str
    confirmed: bool
    source: str

    def text(self) -> str:
        """``$0.0252/ALB-hour (eu-west-1)``, ``unconfirmed`` when so."""
        flag = "" if self.confirmed else ", unconfirmed"
        return f"${self.usd:g}/{self.per} ({self.region}{flag})"


@dataclass(frozen=True)
class PriceTable:
    """The table: base prices by key, regional figures, and when they were read."""

    source_date: str
    region: str
    """The base region (us-east-1): the one every item's ``usd`` is for."""
    hours_per_month: int
    items: dict[str, Price]
    regions: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    geographies: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    live: Mapping[tuple[str, str], float] = field(default_factory=dict)
    """``(key, region)`` → the Price List API's figure (a snapshot collected with --prices)."""
    live_date: str = ""

    def __getitem__(self, key: str) -> Price:
        return self.items[key]

    def price(self, key: str, region: str) -> Quote:
        """``key``'s price in ``region`` (global items: everywhere the same; a region the table
        lacks: the base region's figure, marked unconfirmed and saying so)."""
        item = self.items[key]
        where = region or self.region
        if (key, where) in self.live:
            return Quote(self.live[(key, where)], item.per, where, True, "AWS Price List API")
        if item.scope == "global" or where == GLOBAL:
            return Quote(item.usd, item.per, "all regions", item.confirmed, item.source)
        if item.scope == "cloudfront":
            geo, figures = self.geography(where)
            return Quote(float(figures[key]), item.per, geo, False, item.source)
        row = self.regions.get(where)
        if row is None or key not in row["prices"]:
            return Quote(
                item.usd,
                item.per,
                f"{self.region} price; {where} not in the table",
                False,
                item.source,
            )
        confirmed = bool(row.get("confirmed")) and item.confirmed
        return Quote(float(row["prices"][key]), item.per, where, confirmed, item.source)

    def geography(self, region: str) -> tuple[str, Mapping[str, Any]]:
        """The CloudFront price-class geography of a region (longest matching prefix)."""
        best: tuple[str, Mapping[str, Any], int] = (
            "united_states",
            self.geographies.get("united_states") or {},
            0,
        )
        for name, row in self.geographies.items():
            for prefix in row["regions"]:
                if region.startswith(prefix) and len(prefix) > best[2]:
                    best = (name, row, len(prefix))
        return best[0], best[1]

    def monthly(self, key: str, quantity: float = 1.0, region: str = "") -> float:
        """``quantity`` × an hourly price × hours a month."""
        return self.price(key, region or self.region).usd * self.hours_per_month * quantity

    def with_live(self, live: Mapping[tuple[str, str], float], date: str) -> PriceTable:
        """This table with the Price List API's figures of ``date`` taking precedence."""
        return replace(self, live=dict(live), live_date=date)

    def to_json(self) -> dict[str, Any]:
        """The table as JSON (proposals documents carry its date and base region)."""
        return {
            "source_date": self.source_date,
            "region": self.region,
            "hours_per_month": self.hours_per_month,
            "live_date": self.live_date,
            "items": {
                k: {
                    "usd": p.usd,
                    "per": p.per,
                    "source": p.source,
                    "confirmed": p.confirmed,
                    "scope": p.scope,
                }
                for k, p in sorted(self.items.items())
            },
        }

    # -- savings lines -----------------------------------------------------------------------

    def fixed(
        self, label: str, key: str, quantity: float = 1.0, *, region: str, hourly: bool = True
    ) -> Line:
        """A fixed monthly part (hourly price × hours, or a monthly price) × quantity."""
        quote = self.price(key, region)
        if hourly:
            usd = quote.usd * self.hours_per_month * quantity
            how = f"{_q(abs(quantity))}{self.hours_per_month} h × {quote.text()}"
        else:
            usd = quote.usd * quantity
            how = f"{_q(abs(quantity))}{quote.text()}"
        return Line(label, round(usd, 2), f"{how} = {_usd(usd)}", 1 if quantity >= 0 else -1)

    def usage(
        self,
        label: str,
        key: str,
        quantity: float | None,
        unit: str,
        *,
        region: str,
        sign: float = 1.0,
    ) -> Line:
        """A usage part: ``quantity`` (from metrics, per month) × price, or unknown."""
        quote = self.price(key, region)
        effect = 1 if sign >= 0 else -1
        if quantity is None:
            return Line(
                label, None, f"usage unknown, list price {quote.text()}", effect, quote.text()
            )
        usd = sign * quantity * quote.usd
        return Line(
            label,
            round(usd, 2),
            f"{quantity:,.2f} {unit} (CloudWatch) × {quote.text()} = {_usd(usd)}",
            effect,
        )


@cache
def load() -> PriceTable:
    """The packaged price table."""
    text = resources.files("edgekit.plan").joinpath("prices.json").read_text(encoding="utf-8")
    doc = json.loads(text)
    items = {
        k: Price(
            k,
            float(v["usd"]),
            v["per"],
            v["source"],
            bool(v.get("confirmed", True)),
            v.get("scope", "regional"),
        )
        for k, v in doc["items"].items()
    }
    return PriceTable(
        doc["source_date"],
        doc["base_region"],
        int(doc["hours_per_month"]),
        items,
        doc.get("regions", {}),
        doc.get("cloudfront_geographies", {}),
    )


@dataclass(frozen=True)
class Line:
    """One savings part: what, how much a month (None: usage unknown), and how computed.
    ``effect`` +1 when the proposal saves it, -1 when the proposal adds it."""

    label: str
    usd: float | None
    basis: str
    effect: int = 1
    price: str = ""
    """The applicable list price of an unknown usage part."""

    def text(self) -> str:
        """``label: basis`` for ``savings_basis``."""
        return f"{self.label}: {self.basis}"


def fixed(
    label: str, key: str, quantity: float = 1.0, *, region: str = "us-east-1", hourly: bool = True
) -> Line:
    """:meth:`PriceTable.fixed` on the packaged table."""
    return load().fixed(label, key, quantity, region=region, hourly=hourly)


def usage(
    label: str,
    key: str,
    quantity: float | None,
    unit: str,
    *,
    region: str = "us-east-1",
    sign: float = 1.0,
) -> Line:
    """:meth:`PriceTable.usage` on the packaged table."""
    return load().usage(label, key, quantity, unit, region=region, sign=sign)


def _usd(value: float) -> str:
    return f"-${-value:.2f}" if value < 0 else f"${value:.2f}"


def _q(quantity: float) -> str:
    return "" if quantity == 1 else f"{quantity:g} × "


def total(lines: list[Line]) -> float:
    """The certain part: priced lines added up (unknown usage parts are listed apart)."""
    return float(round(sum(line.usd for line in lines if line.usd is not None), 2)) + 0.0


def basis(lines: list[Line], table: PriceTable | None = None) -> str:
    """The ``savings_basis`` text: every line (each naming its region's price) and the date."""
    t = table or load()
    parts = [line.text() for line in lines] or ["no list-price difference"]
    where = f"list prices as of {t.source_date} (edgekit/plan/prices.json)"
    if t.live_date:
        where = f"AWS Price List API prices of {t.live_date}, else {where}"
    return "; ".join(parts) + f" — {where}"


def savings_text(certain: float, unknown: list[tuple[str, int]] | tuple[Any, ...]) -> str:
    """Reviewer text: ``$16.43/month``, ``≥ $16.43/month + usage (unknown)`` when unknown usage
    only adds to the saving, ``$16.43/month − usage (unknown)`` when it only costs, and
    ``$16.43/month ± usage (unknown)`` when both."""
    effects = {_effect(u) for u in unknown}
    amount = _usd(certain)
    if not effects:
        return f"{amount}/month"
    if certain == 0:
        return {
            frozenset({"saving"}): "usage only (unknown): no fixed part",
            frozenset({"cost"}): "adds usage (unknown): no fixed part",
        }.get(frozenset(effects), "usage ± (unknown): no fixed part")
    if effects == {"saving"}:
        return f"≥ {amount}/month + usage (unknown)"
    if effects == {"cost"}:
        return f"≤ {amount}/month − usage (unknown)"
    return f"{amount}/month ± usage (unknown)"


def _effect(u: Any) -> str:
    if isinstance(u, tuple):
        return "saving" if u[1] >= 0 else "cost"
    if isinstance(u, Mapping):
        return str(u["effect"])
    return str(u.effect)
