"""Reports: the data behind the notebooks, and running them with papermill.

* :class:`Report` (:mod:`edgekit.report.data`) — a snapshot loaded, scanned and planned once,
  with the tables every notebook shows (entrypoints, findings, top risks, WAF / TLS / caching
  posture, proposals, comparison with an older snapshot) as DataFrames;
* :mod:`edgekit.report.show` — one function per notebook section, displaying bounded tables,
  charts and diagrams (files in the run folder);
* :func:`run_report` (:mod:`edgekit.report.run`) — strict parameters, papermill with an explicit
  kernel, ``reports/<run-id>/<name>.ipynb`` and an HTML export without code cells.

In JupyterLab::

    from edgekit.report import Report, show
    rep = Report.open("prod.json.gz")
    rep.entrypoints()
    show.waf(rep)

Only :mod:`edgekit.report.run` imports papermill, and only when a report runs.
"""

from __future__ import annotations

from edgekit.report.data import Report
from edgekit.report.notebooks import bundled, find_notebook
from edgekit.report.result import RunResult
from edgekit.report.run import ReportFailedError, run_report

__all__ = ["Report", "ReportFailedError", "RunResult", "bundled", "find_notebook", "run_report"]
