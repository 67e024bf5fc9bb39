"""Running a report notebook with papermill: strict parameters, explicit kernel, HTML export.

:func:`run_report` validates the parameters against the notebook's ``parameters`` cell before
anything starts (papermill only warns about unknown names), executes the notebook with an
explicit kernel, writes ``<out>/reports/<run-id>/<name>.ipynb`` and ``<name>.html`` (exported
without code cells), and raises :class:`ReportFailedError` naming the failing cell if one failed.

The run id is ``<snapshot time>-<notebook>-<hash>`` where the hash covers the snapshot file's
bytes, the notebook's bytes, the parameters and the bytes of the files they name (a suppression
file, a previous snapshot): the same inputs give the same folder (a re-run
replaces it). ``timestamp=`` appends the run time (``...-at-20260301T060000Z``) so scheduled runs
over an unchanged snapshot keep every report.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import logging
import os
import re
import sys
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from edgekit import snapshot as snap
from edgekit.errors import EdgekitError, InputError
from edgekit.report import param_values as pv
from edgekit.report import params as prm
from edgekit.report import runs_index
from edgekit.report.notebooks import find_notebook
from edgekit.report.result import RunResult

if TYPE_CHECKING:
    import nbformat

    from edgekit.graph import Estate
    from edgekit.model import Inventory
    from edgekit.report.ahead import Ahead

KERNEL: Final = "edgekit"
"""The kernel ``make setup`` installs (``python -m ipykernel install --sys-prefix --name
edgekit``)."""
FALLBACK_KERNEL: Final = "python3"
MANAGED: Final = ("snapshot", "run_dir", "diagrams_dir")
"""Parameters every report notebook declares and :func:`run_report` sets itself."""
PATH_SUFFIXES: Final = ("snapshot", "_path", "_file")
"""``str`` parameters named ``*snapshot``, ``*_path`` or ``*_file`` are paths: they must exist
and are made absolute against the caller's working directory (the kernel runs elsewhere)."""
DIR_SUFFIXES: Final = ("_dir",)
"""``str`` parameters named ``*_dir`` (other than the managed ones) are folders: they must exist
and are made absolute the same way."""


class ReportFailedError(EdgekitError):
    """A cell of the notebook raised; the executed notebook (with the error) is kept."""


def choose_kernel(requested: str | None = None) -> tuple[str, str | None]:
    """``(kernel name, note)``: the requested kernel, else ``edgekit``, else ``python3`` (with a
    note saying so). A requested or fallback kernel that is not installed is an error."""
    from jupyter_client.kernelspec import KernelSpecManager

    specs = KernelSpecManager().find_kernel_specs()
    if requested is not None:
        if requested not in specs:
            raise InputError(f"kernel {requested!r} is not installed ({', '.join(sorted(specs))})")
        return requested, None
    if KERNEL in specs:
        return KERNEL, None
    if FALLBACK_KERNEL in specs:
        return FALLBACK_KERNEL, (
            f"kernel {KERNEL!r} is not installed (make setup installs it: {sys.executable} -m "
            f"ipykernel install --sys-prefix --name {KERNEL}); using {FALLBACK_KERNEL!r}"
        )
    raise InputError(f"no Jupyter kernel {KERNEL!r} or {FALLBACK_KERNEL!r} is installed")


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def run_id(
    snapshot: snap.Snapshot,
    snapshot_path: Path,
    notebook: Path,
    parameters: Mapping[str, Any],
    timestamp: dt.datetime | None = None,
) -> str:
    """``<collected_at>-<notebook>-<hash8>[-at-<timestamp>]`` (see the module docstring)."""
    files = {  # a parameter file (suppressions, previous snapshot) counts by its bytes too
        k: _digest(Path(v))
        for k, v in parameters.items()
        if isinstance(v, str) and k.endswith(PATH_SUFFIXES) and Path(v).is_file()
    }
    text = json.dumps(
        [_digest(snapshot_path), _digest(notebook), dict(sorted(parameters.items())), files],
        sort_keys=True,
        default=str,
    )
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    rid = f"{_compact(snapshot.collected_at)}-{notebook.stem}-{digest}"
    if timestamp is not None:
        rid += f"-at-{_compact(timestamp.astimezone(dt.UTC).isoformat())}"
    return rid


def _compact(value: str) -> str:
    try:
        when = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return "undated"
    if when.tzinfo is not None:
        when = when.astimezone(dt.UTC)
    return when.strftime("%Y%m%dT%H%M%SZ")


def declared_parameters(notebook: str | os.PathLike[str]) -> dict[str, prm.Parameter]:
    """The parameters a notebook (path or bundled name) declares, with what their values must
    name (:func:`edgekit.report.param_values.with_kinds`)."""
    import nbformat

    path = find_notebook(notebook)
    nb = nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]
    return pv.with_kinds(nb, prm.declared(nb, path.name), path.name)


def prepare(
    notebook: str | os.PathLike[str], snapshot: str | os.PathLike[str], given: Mapping[str, Any]
) -> tuple[Path, dict[str, prm.Parameter], dict[str, Any]]:
    """Resolve the notebook, read its parameters cell, validate ``given``; nothing runs.

    Returns the notebook path, the declared parameters and the validated user values (paths
    made absolute). Raises :class:`~edgekit.report.params.ParameterError` or
    :class:`~edgekit.errors.InputError`.
    """
    path = find_notebook(notebook)
    spec = declared_parameters(path)
    absent = [m for m in MANAGED if m not in spec]
    if absent:
        raise prm.ParameterError(f"{path.name}: parameters cell must declare {', '.join(absent)}")
    reserved = sorted(set(given) & set(MANAGED))
    if reserved:
        raise prm.ParameterError(
            f"{path.name}: {', '.join(reserved)} set by edgekit report itself (the SNAPSHOT "
            "argument and the output folder), not as parameters"
        )
    values = prm.validate(spec, {**given, "snapshot": str(snapshot)}, path.name)
    for name, value in list(values.items()):
        if isinstance(value, str) and name.endswith(PATH_SUFFIXES):
            target = Path(value).expanduser()
            if not target.is_file():
                raise InputError(f"{path.name}: parameter {name!r}: no such file {value!r}")
            values[name] = str(target.resolve())
        elif isinstance(value, str) and value and name.endswith(DIR_SUFFIXES):
            target = Path(value).expanduser()
            if not target.is_dir():
                raise InputError(f"{path.name}: parameter {name!r}: no such folder {value!r}")
            values[name] = str(target.resolve())
    return path, spec, values


def run_report(
    notebook: str | os.PathLike[str],
    snapshot: str | os.PathLike[str],
    params: Mapping[str, Any] | None = None,
    out_dir: str | os.PathLike[str] = ".",
    *,
    html: bool = True,
    timestamp: dt.datetime | None = None,
    kernel: str | None = None,
    progress: bool = True,
    run_name: str | None = None,
    limits: snap.ReadLimits | None = None,
) -> RunResult:
    """Execute a report notebook on a snapshot (see the module docstring).

    ``notebook``: a path or a bundled name (``edge_report``). ``params``: values of the
    notebook's declared parameters, already typed (``int`` for ``int`` ...). ``out_dir``: the
    folder holding ``reports/`` and ``diagrams/`` (default: the working directory).
    ``run_name`` replaces the computed run id (``edgekit demo`` uses a fixed ``demo`` folder).
    ``limits`` bound the snapshot read (default: the environment's, see
    :mod:`edgekit.snapshot_input`); the kernel reads within the same limits.

    The snapshot is read and its estate built (model and graph) before any folder is created
    or any kernel starts: a malformed snapshot is an :class:`~edgekit.errors.InputError`
    (exit 2) that writes nothing. So is a value that names nothing in the snapshot (an
    unknown entrypoint, account or proposal id: :mod:`edgekit.report.param_values`).
    """
    started = time.monotonic()
    snap.import_jsonschema()  # before nbformat imports it with grammars the report never uses
    path, spec, values = prepare(notebook, snapshot, params or {})
    snapshot_path = Path(values["snapshot"])
    bounds = limits or snap.ReadLimits.from_env()
    loaded, model = load_estate_first(snapshot_path, bounds)
    estate = pv.check(spec, values, loaded, model, path.name)  # a value naming nothing: exit 2
    unreadable = [e.line() for e in model.coverage.model_errors]
    user = {k: v for k, v in values.items() if k != "snapshot"}
    if run_name is not None and not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", run_name):
        raise InputError(f"run name {run_name!r}: letters, digits, '.', '_' and '-' only")
    rid = run_name or run_id(loaded, snapshot_path, path, user, timestamp)
    base = Path(out_dir).resolve()
    run_dir = base / "reports" / rid
    diagrams_dir = base / "diagrams" / rid
    name, note = choose_kernel(kernel)
    notes = [note] if note else []
    for text in notes:
        print(f"edgekit: {text}", file=sys.stderr)
    try:
        run_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise InputError(f"{run_dir}: cannot create ({err.strerror or err})") from None
    values = {**values, "run_dir": str(run_dir), "diagrams_dir": str(diagrams_dir)}
    output = run_dir / path.name
    with _kernel_limits(bounds), _results_ahead(path, loaded, model, values, estate) as ahead:
        _execute(path, output, values, name, run_dir, progress)
    for text in ahead.notes:
        print(f"edgekit: {text}", file=sys.stderr)
    notes += ahead.notes
    page = export_html(output, output.with_suffix(".html")) if html else None
    seconds = time.monotonic() - started
    result = RunResult(
        rid, output, page, run_dir, diagrams_dir, name, values, seconds, notes, unreadable
    )
    indexed = runs_index.index_run(result, loaded.collected_at)  # reports/index.json and .md
    if indexed is not None:
        print(f"edgekit: {indexed}", file=sys.stderr)
        notes.append(indexed)
    return result


def load_estate_first(path: Path, limits: snap.ReadLimits) -> tuple[snap.Snapshot, Inventory]:
    """Read and validate the snapshot and parse its model (what the notebook's first cell
    does before it builds the graph), so that a snapshot the model cannot read fails here,
    with nothing written. The model's ``coverage.model_errors`` are the items it left out (a
    partial result, not a failure). The graph is built while the kernel starts, by the
    writer process of :func:`~edgekit.report.ahead.results_ahead` (issue 16, speed)."""
    from edgekit.model import parse

    loaded = snap.load(path, limits)
    return loaded, parse(loaded)


def reads_results(notebook: Path) -> bool:
    """The notebook's report reads the run folder's result files (its ``edgekit`` metadata
    says :data:`~edgekit.report.ahead.READS_RESULTS`)."""
    import nbformat

    from edgekit.report.ahead import READS_RESULTS

    nb = nbformat.read(notebook, as_version=4)  # type: ignore[no-untyped-call]
    return bool(nb.metadata.get("edgekit", {}).get(READS_RESULTS))


@contextlib.contextmanager
def _results_ahead(
    notebook: Path,
    loaded: snap.Snapshot,
    model: Inventory,
    values: Mapping[str, Any],
    estate: Estate | None = None,
) -> Iterator[Ahead]:
    """:func:`edgekit.report.ahead.results_ahead` for a notebook that reads the result files,
    with what its first cell opens the report with (and the estate the parameter checks
    built, if any); nothing for the others."""
    from edgekit.report.ahead import Ahead, Inputs, results_ahead

    if not reads_results(notebook):
        yield Ahead()
        return
    suppress_file = values.get("suppress_file")
    inputs = Inputs(
        loaded,
        model,
        Path(values["snapshot"]),
        Path(values["run_dir"]),
        Path(values["diagrams_dir"]),
        Path(suppress_file) if suppress_file else None,
        estate,
    )
    with results_ahead(inputs) as ahead:
        yield ahead


@contextlib.contextmanager
def _kernel_limits(limits: snap.ReadLimits) -> Iterator[None]:
    """The kernel (a child process) inherits the environment: pass the read limits there."""
    from edgekit.snapshot import ENV_MAX_BYTES, ENV_MAX_ITEMS

    saved = {k: os.environ.get(k) for k in (ENV_MAX_BYTES, ENV_MAX_ITEMS)}
    os.environ[ENV_MAX_BYTES] = str(limits.max_bytes)
    os.environ[ENV_MAX_ITEMS] = str(limits.max_items)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _execute(
    source: Path, output: Path, values: dict[str, Any], kernel: str, cwd: Path, progress: bool
) -> None:
    """papermill, with a failing cell turned into :class:`ReportFailedError`."""
    import nbformat
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError
    from traitlets.config import Config

    from edgekit.report.engine import NAME as ENGINE

    # Unix sockets instead of TCP on localhost where possible: nothing else on the machine can
    # connect to the kernel (and ipykernel does not warn about unencrypted TCP).
    transport = "ipc" if os.name == "posix" else "tcp"
    quiet = _DropUnknownParameterWarning()
    logging.getLogger("papermill").addFilter(quiet)
    try:
        pm.execute_notebook(
            str(source),
            str(output),
            parameters=values,
            engine_name=ENGINE,
            kernel_name=kernel,
            progress_bar=progress,
            cwd=str(cwd),
            language="python",
            config=Config(KernelManager={"transport": transport}),
        )
    except PapermillExecutionError as err:
        raise ReportFailedError(_failure(output, f"{err.ename}: {err.evalue}")) from None
    finally:
        logging.getLogger("papermill").removeFilter(quiet)
    nb = nbformat.read(output, as_version=4)  # type: ignore[no-untyped-call]
    if _failed_cell(nb) is not None:
        raise ReportFailedError(_failure(output, "an error (in a cell tagged raises-exception)"))


class _DropUnknownParameterWarning(logging.Filter):
    """papermill's own parameter parsing does not read ``str | None`` annotations and warns
    "Passed unknown parameter" for them; edgekit has validated every name already."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("Passed unknown parameter")


def _failed_cell(nb: nbformat.NotebookNode) -> int | None:
    """Index of the first cell that failed (an error output, or papermill's exception mark)."""
    for index, cell in enumerate(nb.cells):
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        if errors or cell.get("metadata", {}).get("papermill", {}).get("exception"):
            return index
    return None


def _failure(output: Path, error: str) -> str:
    """``edge_report.ipynb: cell In [7] (section 'TLS posture': `show.tls(rep)`) raised KeyError:
    'x'; executed notebook kept at ...`` — read from the executed notebook papermill wrote."""
    import nbformat

    where = "a cell"
    try:
        nb = nbformat.read(output, as_version=4)  # type: ignore[no-untyped-call]
    except (OSError, ValueError) as err:
        where += f" (the executed notebook is unreadable: {err})"
    else:
        index = _failed_cell(nb)
        if index is not None:
            cell = nb.cells[index]
            code = next((ln.strip() for ln in cell.source.splitlines() if ln.strip()), "")
            section = _section(nb, index)
            where = f"cell In [{cell.get('execution_count') or '?'}]"
            where += f" (section {section!r}: `{code[:80]}`)" if section else f" (`{code[:80]}`)"
    return f"{output.name}: {where} raised {error}; executed notebook kept at {output}"


def _section(nb: nbformat.NotebookNode, index: int) -> str:
    """The last markdown heading before cell ``index`` (papermill's own banner skipped)."""
    for cell in reversed(nb.cells[:index]):
        if cell.cell_type == "markdown" and "papermill-error-cell-tag" not in cell.get(
            "metadata", {}
        ).get("tags", []):
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return str(line).lstrip("#").strip()
    return ""


TEMPLATES: Final = Path(__file__).resolve().parent / "templates"
"""edgekit's nbconvert template (``report.html.j2``): the lab look, no script, a strict CSP."""


def export_html(notebook: Path, target: Path) -> Path:
    """Export an executed notebook to HTML without code cells or prompts (JupyterLab look).

    The page loads nothing from the network and runs no script but the ones edgekit's outputs
    declared by hash (``templates/report.html.j2``, :mod:`edgekit.report.interactive`): it works
    offline, and its Content-Security-Policy backs up the escaping of AWS strings. It is one
    file: pictures are embedded in the outputs (:mod:`edgekit.report.embed`), and a table of
    contents links the section headings (:mod:`edgekit.report.contents`).
    """
    import nbformat

    from edgekit.report.contents import add_contents
    from edgekit.report.exporter import ReportExporter
    from edgekit.report.interactive import script_src

    nb = nbformat.read(notebook, as_version=4)  # type: ignore[no-untyped-call]
    exporter = ReportExporter(  # type: ignore[no-untyped-call]
        template_name="lab",
        template_file=str(TEMPLATES / "report.html.j2"),
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    nb.metadata.pop("widgets", None)  # live controls only: a report renders no widget
    title = nb.metadata.get("title") or notebook.stem.replace("_", " ")
    resources = {"metadata": {"name": title}, "edgekit_script_src": script_src(nb)}
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    body = add_contents(body)
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_text(body, encoding="utf-8")
    tmp.replace(target)
    return target
