"""Coverage: which (account, region, collector) units were collected, which failed, what is missing.

Checks use it to tell *unknown* from *none*: a resource kind is known for a unit only when the
unit has a payload and that payload carries the kind's key (docs/snapshot.md: absent key = not
collected). Denied reads are :class:`Gap` records; units that failed outright are
:class:`UnitError` records and have no payload.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from edgekit.model.reader import ItemIssue
from edgekit.snapshot import Gap, Snapshot


def _norm_operation(operation: str) -> str:
    """``GetWebACL``, ``get_web_acl`` and ``wafv2:GetWebACL`` compare equal."""
    return operation.rpartition(":")[2].replace("_", "").lower()


@dataclass(frozen=True, slots=True)
class UnitError(Gap):
    """A unit that failed for a non-denial reason (snapshot ``errors``); it has no payload."""


@dataclass(frozen=True, slots=True)
class UnitCoverage:
    """One collected unit: the payload keys it carries and the gaps recorded for it."""

    account_id: str
    region: str
    collector: str
    keys: frozenset[str]
    """Payload ``data`` keys present: the resource kinds that were read."""
    gaps: tuple[Gap, ...] = ()

    @property
    def complete(self) -> bool:
        """True when nothing was denied in this unit."""
        return not self.gaps


Key = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class Coverage:
    """What the snapshot covers. Build it with :meth:`from_snapshot`."""

    targets: tuple[tuple[str, str], ...] = ()
    """(account, region) pairs that were asked for (regions only; global units use "global")."""
    units: tuple[UnitCoverage, ...] = ()
    gaps: tuple[Gap, ...] = ()
    errors: tuple[UnitError, ...] = ()
    model_errors: tuple[ItemIssue, ...] = ()
    """Payload items (or whole units) the model could not read and left out."""
    _units: dict[Key, UnitCoverage] = field(init=False, repr=False, compare=False)
    _errors: dict[Key, UnitError] = field(init=False, repr=False, compare=False)
    _gaps: dict[tuple[str, str, str, str], Gap] = field(init=False, repr=False, compare=False)
    _unread: frozenset[tuple[str, str, str, str]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "_units", {(u.account_id, u.region, u.collector): u for u in self.units}
        )
        object.__setattr__(
            self, "_errors", {(e.account_id, e.region, e.collector): e for e in self.errors}
        )
        gaps: dict[tuple[str, str, str, str], Gap] = {}
        for g in self.gaps:
            gaps.setdefault((g.account_id, g.region, g.collector, _norm_operation(g.operation)), g)
        object.__setattr__(self, "_gaps", gaps)
        object.__setattr__(
            self,
            "_unread",
            frozenset((e.account_id, e.region, e.collector, e.key) for e in self.model_errors),
        )

    @classmethod
    def from_snapshot(cls, snapshot: Snapshot) -> Coverage:
        """Coverage of a snapshot (payload ``data`` is not copied, only its keys are read)."""
        gaps = tuple(Gap.from_json(g) for g in snapshot.gaps)
        by_unit: dict[Key, list[Gap]] = {}
        for g in gaps:
            by_unit.setdefault((g.account_id, g.region, g.collector), []).append(g)
        units = []
        for p in snapshot.payloads:
            key = (str(p["account_id"]), str(p["region"]), str(p["collector"]))
            data = p.get("data") or {}
            units.append(UnitCoverage(*key, frozenset(data), tuple(by_unit.get(key, ()))))
        return cls(
            targets=tuple((t.account_id, t.region) for t in snapshot.targets),
            units=tuple(units),
            gaps=gaps,
            errors=tuple(UnitError.from_json(e) for e in snapshot.errors),
        )

    # -- questions checks ask --------------------------------------------------------------------
    def unit(self, account_id: str, region: str, collector: str) -> UnitCoverage | None:
        """The collected unit, or None when it has no payload."""
        return self._units.get((account_id, region, collector))

    def collected(
        self, account_id: str, region: str, collector: str, key: str | None = None
    ) -> bool:
        """True when the unit has a payload (and, with ``key``, that payload carries ``key``),
        and the model read all of it (no :attr:`model_errors` for the unit or that key)."""
        unit = self._units.get((account_id, region, collector))
        if unit is None or (key is not None and key not in unit.keys):
            return False
        if not self._unread:
            return True
        # A unit the model could not read, or a kind with an item it left out, is not known.
        unread = self._unread
        return (account_id, region, collector, "") not in unread and (
            key is None or (account_id, region, collector, key) not in unread
        )

    def failed(self, account_id: str, region: str, collector: str) -> bool:
        """True when the unit failed for a non-denial reason (it then has no payload)."""
        return (account_id, region, collector) in self._errors

    def error_for(self, account_id: str, region: str, collector: str) -> UnitError | None:
        """Why the unit failed, if it did."""
        return self._errors.get((account_id, region, collector))

    def gap_for(self, account_id: str, region: str, collector: str, operation: str) -> Gap | None:
        """The gap recorded for ``operation`` (any spelling: ``GetWebACL``, ``get_web_acl``)."""
        return self._gaps.get((account_id, region, collector, _norm_operation(operation)))

    def gaps_for(
        self,
        account_id: str | None = None,
        region: str | None = None,
        collector: str | None = None,
    ) -> tuple[Gap, ...]:
        """Gaps matching every given filter."""
        return tuple(
            g
            for g in self.gaps
            if (account_id is None or g.account_id == account_id)
            and (region is None or g.region == region)
            and (collector is None or g.collector == collector)
        )

    def complete(self, account_id: str, region: str, collector: str) -> bool:
        """True when the unit was collected and nothing in it was denied."""
        unit = self._units.get((account_id, region, collector))
        return unit is not None and unit.complete

    def accounts(self) -> tuple[str, ...]:
        """Every account id seen in targets, payloads, gaps or errors, sorted."""
        seen: set[str] = {a for a, _ in self.targets}
        seen.update(u.account_id for u in self.units)
        seen.update(g.account_id for g in self._iter_records())
        return tuple(sorted(a for a in seen if a))

    def _iter_records(self) -> Iterable[Gap]:
        yield from self.gaps
        yield from self.errors

    def collected_everywhere(self, collector: str, region: str, key: str) -> bool:
        """True when every known account has ``key`` for (``region``, ``collector``).

        Used for lookups where the owning account is unknown (a distribution by domain name).
        """
        accounts = self.accounts()
        return bool(accounts) and all(self.collected(a, region, collector, key) for a in accounts)
