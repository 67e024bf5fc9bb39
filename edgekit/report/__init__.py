"""Reports: the data behind the notebooks, and running them with papermill.

* :class:`Report` (:mod:`edgekit.report.data`) — a snapshot loaded, scanned and planned once:
  the data every section shares (estate, findings, proposals, lineages, run folders);
* the sections' tables, plain functions of a report returning DataFrames:
  :mod:`~edgekit.report.tables` (coverage, entrypoints, findings by area, top risks),
  :mod:`~edgekit.report.posture` (WAF / TLS / caching), :mod:`~edgekit.report.proposals`,
  :mod:`~edgekit.report.compare` (changes since an older snapshot) and their peers;
* :mod:`edgekit.report.show` — one function per notebook section, displaying bounded tables,
  charts and diagrams (files in the run folder);
* :func:`run_report` (:mod:`edgekit.report.run`) — strict parameters, papermill with an explicit
  kernel, ``reports/<run-id>/<name>.ipynb`` and an HTML export without code cells.

In JupyterLab::

    from edgekit.report import Report, show, tables
    rep = Report.open("prod.json.gz")
    tables.entrypoints(rep)
    show.waf(rep)

Only :mod:`edgekit.report.run` imports papermill, and only when a report runs.
"""

from __future__ import annotations

from edgekit.report.data import Report
from edgekit.report.notebooks import bundled, find_notebook
from edgekit.report.result import RunResult
from edgekit.report.run import ReportFailedError, run_report

__all__ = ["Report", "ReportFailedError", "RunResult", "bundled", "find_notebook", "run_report"]
