"""The data behind every notebook: one snapshot loaded, scanned and planned once.

>>> rep = Report.open("prod.json.gz", run_dir="reports/r1")     # doctest: +SKIP
>>> tables.entrypoints(rep)          # DataFrame, one row per public hostname
>>> rep.findings_frame("pay.example.com", area="waf", min_severity="high")
>>> posture.waf_matrix(rep)          # entrypoint × protection

The scan and the plan are written to the run folder (``findings.json/.csv/.sarif``,
``proposals.json/.md``, see :mod:`edgekit.report.cache`) and read back by later opens of the
same folder while the snapshot is unchanged. Tables live in :mod:`edgekit.report.tables`,
:mod:`~edgekit.report.posture`, :mod:`~edgekit.report.compare` and
:mod:`~edgekit.report.proposals`; this class holds what they share.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from collections.abc import Iterable, Mapping
from functools import cached_property
from pathlib import Path
from typing import Any

import pandas as pd

from edgekit import snapshot as snap
from edgekit.errors import InputError
from edgekit.escape import csvcell
from edgekit.gcpause import gc_paused
from edgekit.graph import Estate
from edgekit.graph.labels import resource_label
from edgekit.graph.lineage import Lineage
from edgekit.render.findings import FindingIndex
from edgekit.render.overview import GENERATED_KINDS
from edgekit.report import cache, filters, results
from edgekit.rules import formats, runner, suppress
from edgekit.rules.catalogue import load as load_catalogue
from edgekit.rules.context import CheckContext
from edgekit.rules.finding import Finding
from edgekit.rules.registry import Registry
from edgekit.rules.runner import ScanResult
from edgekit.rules.suppress import Applied, Suppression

PathLike = str | os.PathLike[str]
GENERATED = GENERATED_KINDS
"""Entry kinds whose hostname AWS generated (:mod:`edgekit.report.hostnames`)."""


DEMO_SNAPSHOT = Path("snapshots") / "sample.json.gz"
"""Where ``edgekit demo`` writes the sample estate's snapshot (under its output folder)."""


def demo_snapshot() -> Path:
    """The snapshot ``make demo`` wrote: ``snapshots/sample.json.gz`` in the source checkout
    edgekit runs from, else in the working directory or its parent (``notebooks/``).

    Notebooks default to it, so they open on the sample estate after ``make demo``; a relative
    default would not do, since ``notebooks/`` is a symbolic link and a kernel's ``..`` is
    the link target's parent.
    """
    checkout = Path(__file__).resolve().parents[2]
    for base in (checkout, Path.cwd(), Path.cwd().parent):
        if (base / DEMO_SNAPSHOT).is_file():
            return (base / DEMO_SNAPSHOT).resolve()
    raise InputError(
        f"no snapshot given and no {DEMO_SNAPSHOT} (run `make demo`, or set `snapshot`)"
    )


def judged_on() -> dt.date:
    """The day suppressions are judged on: today (UTC), as ``edgekit scan`` does; a
    suppression is a decision that lapses in real time, not at the snapshot's date."""
    return dt.datetime.now(dt.UTC).date()


class Report:
    """A snapshot's estate, findings and proposals, and the folders a run writes to."""

    def __init__(
        self,
        estate: Estate,
        snapshot_path: Path,
        run_dir: Path,
        diagrams_dir: Path,
    ) -> None:
        """Prefer :meth:`open`."""
        self.estate = estate
        self.snapshot_path = snapshot_path
        self.run_dir = run_dir
        self.diagrams_dir = diagrams_dir
        self.temporary = False
        """The run folder is a temporary one (interactive use): pictures are embedded."""
        self.notes: list[str] = []
        """Things the reader should know (the planner missing, a temporary folder)."""
        self.suppressions: list[Suppression] = []
        """Accepted findings (:mod:`edgekit.report.suppressed`): set before the first read of
        :attr:`findings`, by :meth:`open`."""
        self.suppressions_file: Path | None = None
        self._previous: dict[Path, Report] = {}

    @classmethod
    def open(
        cls,
        snapshot: PathLike,
        run_dir: PathLike | None = "",
        diagrams_dir: PathLike | None = "",
        suppress_file: PathLike | None = None,
    ) -> Report:
        """Load a snapshot file and prepare the run folders.

        ``snapshot`` empty: the one ``make demo`` wrote (:func:`demo_snapshot`). ``run_dir``
        empty: a new temporary folder. ``diagrams_dir`` empty: ``<run_dir>/diagrams``.
        ``suppress_file``: a suppression file (:mod:`edgekit.report.suppressed`).
        """

        path = Path(snapshot).expanduser().resolve() if snapshot else demo_snapshot()
        return cls.from_estate(
            Estate.from_snapshot(snap.load(path)), path, run_dir, diagrams_dir, suppress_file
        )

    @classmethod
    def from_estate(
        cls,
        estate: Estate,
        snapshot_path: Path,
        run_dir: PathLike | None = "",
        diagrams_dir: PathLike | None = "",
        suppress_file: PathLike | None = None,
    ) -> Report:
        """:meth:`open` over an estate already built from the snapshot file at
        ``snapshot_path`` (``edgekit report`` has parsed it before its kernel starts)."""
        path = snapshot_path
        temporary = not run_dir
        run = Path(run_dir) if run_dir else Path(tempfile.mkdtemp(prefix="edgekit-report-"))
        run.mkdir(parents=True, exist_ok=True)
        pictures = Path(diagrams_dir) if diagrams_dir else run / "diagrams"
        rep = cls(estate, path, run.resolve(), pictures.resolve())
        rep.temporary = temporary
        rep.suppressions = suppress.load(Path(suppress_file)) if suppress_file else []
        rep.suppressions_file = Path(suppress_file).resolve() if suppress_file else None
        if temporary:
            rep.notes.append(f"result files are in the temporary folder {rep.run_dir}")
        return rep

    def __repr__(self) -> str:
        return f"Report({self.snapshot_path.name}, {len(self.findings)} findings, {self.run_dir})"

    # -- what every table needs ------------------------------------------------------------------
    @property
    def snapshot(self) -> snap.Snapshot:
        """The loaded snapshot."""
        assert self.estate.snapshot is not None
        return self.estate.snapshot

    @cached_property
    def registry(self) -> Registry:
        """The check catalogue."""
        return load_catalogue()

    @cached_property
    def scan(self) -> ScanResult:
        """The scan of the whole catalogue (from the run folder when still valid). One process
        at a time computes a run folder's result files (:func:`edgekit.report.cache.locked`):
        a report whose ``edgekit report`` process is writing them computes its lineages and
        entrypoints table meanwhile, waits, then reads them."""
        with cache.locked(self.run_dir, while_waiting=self._prepare_tables):
            return self.write_results()

    def _prepare_tables(self) -> None:
        """What the sections need besides the scan (every lineage, the entrypoints table),
        computed while ``edgekit report`` is still writing the result files."""
        _ = self.lineages
        self.estate.entrypoints()

    def write_results(self) -> ScanResult:
        """Scan, plan and write the result files, unless the run folder holds valid ones (then
        read them back). The caller holds the run folder's lock (:attr:`scan` takes it;
        :mod:`edgekit.report.ahead` holds it for the kernel it starts)."""
        with gc_paused():  # tens of thousands of findings and documents, no cycles
            if cache.valid(self.run_dir, self._cache_key):
                note = results.planner_note(cache.read_json(self.run_dir / cache.PROPOSALS))
                self.notes.extend([note] if note else [])
                return cache.read_scan(self.run_dir)
            result = runner.run(self.registry, CheckContext.from_estate(self.estate))
            self._write(result)
            return result

    @property
    def findings(self) -> list[Finding]:
        """Every finding (fail and unknown) no suppression accepted, worst first."""
        return self.applied.kept

    @cached_property
    def applied(self) -> Applied:
        """The scan split by the suppressions (kept, suppressed, expired entries)."""
        return suppress.apply(self.scan.findings, self.suppressions, judged_on())

    @cached_property
    def index(self) -> FindingIndex:
        """Findings placed on graph nodes (and per account)."""
        return FindingIndex.build(self.estate, self.findings)

    @cached_property
    def proposals(self) -> list[dict[str, Any]]:
        """The planner's proposals as ``edgekit.proposals/1`` rows, largest savings first."""
        _ = self.scan  # computes and writes both files when the cache is stale
        return cache.read_proposals(self.run_dir)

    @cached_property
    def lineages(self) -> dict[str, Lineage]:
        """Every entrypoint's lineage, by hostname: names people gave (DNS records, aliases,
        API custom domains) first, then the names AWS generated, each alphabetically."""
        found = sorted(self.estate.entries(), key=lambda e: (e.entry_kind in GENERATED, e.hostname))
        with gc_paused():
            return {e.hostname: self.estate.lineage(e.node) for e in found}

    def reach(self, hostname: str) -> set[str]:
        """Nodes on an entrypoint's paths, with the web ACLs protecting them."""
        hops = self.lineages[hostname]
        return {h.node for h in hops} | {a for h in hops for a in h.web_acl_ids}

    def findings_on(self, hostname: str) -> list[Finding]:
        """Findings whose resource an entrypoint's paths cross (worst first): the findings
        whose ``entrypoints`` name it (:class:`edgekit.graph.reach.EntrypointIndex`: the
        nodes on its paths, the web ACLs protecting them, the certificates they serve), as
        ``edgekit scan --entrypoint`` and ``findings_frame(hostname=...)`` select them."""
        return list(self._findings_by_hostname.get(hostname, ()))

    @cached_property
    def _findings_by_hostname(self) -> dict[str, list[Finding]]:
        """Hostname → its findings, built once from every finding's ``entrypoints``."""
        out: dict[str, list[Finding]] = {}
        for f in sorted(self.findings, key=Finding.sort_key):
            for host in f.entrypoints:
                out.setdefault(host, []).append(f)
        return out

    @cached_property
    def _by_arn(self) -> dict[str, str]:
        """ARN → node id (the node named ``<prefix>:<arn>`` wins where an ARN is shared)."""
        out: dict[str, str] = {}
        for node, arn in sorted(self.estate.graph.nodes(data="arn")):
            if arn and (arn not in out or node.endswith(f":{arn}")):
                out[arn] = node
        return out

    def node_attrs(self, resource_id: str) -> Mapping[str, Any] | None:
        """The graph attributes of a node id or ARN (None when the graph has no such node)."""
        graph = self.estate.graph
        node = resource_id if resource_id in graph else self._by_arn.get(resource_id)
        return None if node is None else graph.nodes[node]

    def resource_name(self, resource_id: str) -> str:
        """How a person names a finding's resource (:func:`edgekit.graph.labels.resource_label`:
        the graph's label, with its distribution or load balancer for behaviors, origins,
        listeners and rules)."""
        return resource_label(self.node_attrs(resource_id), resource_id)

    def findings_frame(
        self,
        hostname: str | list[str] | None = None,
        *,
        area: str | Iterable[str] | None = None,
        min_severity: str | None = None,
        account: str | None = None,
        status: str | None = None,
        check: str | Iterable[str] | None = None,
    ) -> pd.DataFrame:
        """Findings, worst first, filtered by ``hostname`` (globs: findings on those
        entrypoints' paths), ``area`` (the check id's first segment), ``min_severity``,
        ``account``, ``status`` and ``check`` (check ids or globs, as ``edgekit scan --checks``
        takes them); names in any case. A value naming nothing raises with the allowed values
        or the closest ones (:mod:`edgekit.report.filters`)."""
        accounts = {*self.snapshot.accounts(), *(f.resource.account_id for f in self.findings)}
        keep = filters.validate(
            self.registry.ids(),
            accounts,
            area=area,
            min_severity=min_severity,
            account=account,
            status=status,
            check=check,
        )
        rows = [
            {
                "severity": f.severity.label,
                "status": f.status.value,
                "check": f.check_id,
                "title": f.title,
                "resource": self.resource_name(f.resource.id),
                "account": f.resource.account_id,
                "region": f.resource.region,
                "message": f.message,
                "resource id": f.resource.id,
            }
            for f in filters.on_hostnames(self.findings, self.estate.entrypoint_index, hostname)
            if keep.keeps(f)
        ]
        columns = ["severity", "status", "check", "title", "resource", "account", "region"]
        return pd.DataFrame(rows, columns=[*columns, "message", "resource id"])

    def lineage(self, hostname: str) -> pd.DataFrame:
        """One entrypoint's hops (:meth:`edgekit.graph.Estate.lineage`)."""
        return self.estate.lineage(hostname).to_frame()

    def metrics_frame(self, entrypoint: str, resource: str | None = None) -> pd.DataFrame:
        """An entrypoint's CloudWatch series: time index, one column per metric
        (:meth:`edgekit.graph.Estate.metrics`) of the first metered resource its requests
        reach (its distribution, load balancer, API stage …), or of ``resource`` (a name or
        ARN). Empty when nothing on its paths is metered or metrics were not collected."""
        if resource is not None:
            return self.estate.metrics(resource)
        hops = self.estate.traffic_resources(entrypoint)
        if not hops:
            return pd.DataFrame(index=pd.DatetimeIndex([], name="time", tz="UTC"))
        return self.estate.metrics(hops[0].arn)

    @property
    def today(self) -> dt.date:
        """The snapshot's collection date (what "expires in N days" counts from)."""
        return CheckContext(self.estate.model).today

    @property
    def link_base(self) -> Path | None:
        """Where pictures are referenced from (None: embed them), see :func:`display.picture`."""
        return None if self.temporary else self.run_dir

    def file(self, name: str) -> Path:
        """A file in the run folder."""
        return self.run_dir / name

    def write_frame(self, frame: pd.DataFrame, name: str) -> Path:
        """Write a table as CSV into the run folder (the full data behind a shown excerpt)."""
        return cache.write_text(self.file(name), frame.map(csvcell.cell).to_csv(index=False))

    # -- result files ------------------------------------------------------------------------------
    @cached_property
    def _cache_key(self) -> dict[str, str]:
        key = cache.key(cache.file_digest(self.snapshot_path), self.registry.ids())
        if self.suppressions_file is not None:  # the files hold the kept findings of this day
            key["suppressions_sha256"] = cache.file_digest(self.suppressions_file)
            key["suppressions_judged_on"] = judged_on().isoformat()
        return key

    def _write(self, result: ScanResult) -> None:
        """The result files (:func:`edgekit.report.results.write`), and the planner's note."""
        note = results.write(
            self.run_dir,
            result,
            suppress.apply(result.findings, self.suppressions, judged_on()),
            estate=self.estate,
            registry=self.registry,
            snapshot_name=self.snapshot_path.name,
            manifest=self._cache_key,
        )
        if note:
            self.notes.append(note)

    def outputs(self) -> dict[str, Path]:
        """The result files of the run folder (computing them if needed), by name."""
        _ = self.scan
        return {n: self.file(n) for n in results.NAMES}

    def previous(self, snapshot: PathLike) -> Report:
        """An older snapshot's report, to compare with (:func:`edgekit.report.compare.compare`):
        its scan cached under ``<run_dir>/previous``, its pictures under
        ``<diagrams_dir>/previous``, the same suppressions; opened once per snapshot path."""
        path = Path(snapshot).expanduser().resolve()
        if path not in self._previous:
            run, pictures = self.run_dir / "previous", self.diagrams_dir / "previous"
            self._previous[path] = Report.open(path, run, pictures, self.suppressions_file)
        return self._previous[path]

    def summary(self) -> dict[str, Any]:
        """Headline numbers: entrypoints, findings by status and severity, proposals, savings."""
        fails = [f for f in self.findings if f.status.value == "fail"]
        doc = json.loads(formats.to_json(self.scan.summary(fails)))
        return {
            "entrypoints": len(set(self.estate.hostnames())),
            "failing": len(fails),
            "unknown": len(self.findings) - len(fails),
            "by_severity": doc["by_severity"],
            "proposals": len(self.proposals),
            "monthly_savings_usd": round(
                sum(float(p.get("monthly_savings_usd") or 0) for p in self.proposals), 2
            ),
            "check_errors": len(self.scan.errors),
        }
