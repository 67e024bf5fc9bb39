"""edgekit's papermill engine: papermill's nbclient engine with throttled saves.

papermill writes the whole output notebook at every cell start and every cell end; a report
notebook grows to several megabytes (embedded pictures, tables), so on a large estate those
writes alone cost about a second (issue 16). :class:`ThrottledEngine` writes the notebook

* when execution starts (the parameterised notebook, outputs cleared),
* at the end of any cell that raised or shows an error output (so a failure is on disk at
  once, whatever happens next: :class:`~edgekit.report.run.ReportFailedError` reads the
  failing cell from the executed notebook),
* when execution ends, normally or not (papermill's own final write follows it),
* otherwise at a cell start or end only when :data:`SAVE_EVERY` seconds have passed since the
  last write (papermill's mid-cell autosave of long cells is unchanged).

After each code cell, and once the cells are done, a Python kernel is asked (silently: nothing
is added to the notebook, no execution count is taken) to move what it holds to the collector's
permanent generation (``gc.freeze()``). A report's first cells build millions of long-lived
objects (the snapshot, the graph, the findings); frozen, they are no longer walked by the
collector's full passes in every later cell (0.2 s at 10k resources), nor at exit (0.7 s at 10k,
0.1 s with it). An edgekit run's kernel exits when the notebook is done; only reference cycles
that become garbage after a freeze stay until then.

Then the kernel is asked to exit (a shutdown request) and the engine waits for it, instead of
jupyter_client's shutdown, which interrupts the kernel first: that SIGINT could land while the
kernel was finishing its last request, and ipykernel printed "KeyboardInterrupt caught in
kernel" on the terminal. The kernel's ``atexit`` hooks run and its objects are freed as before;
only reference cycles still alive at exit are left to the operating system (Python does not
promise their ``__del__`` at exit anyway).

Cells, outputs and metadata are those of papermill's own engine; the progress bar too. The
engine is registered as ``edgekit`` in the ``papermill.engine`` entry point group
(``pyproject.toml``); :func:`edgekit.report.run.run_report` runs with ``engine_name=NAME``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Final

# papermill loads the "papermill.engine" entry points when it is first imported. When this module
# is imported before papermill, that load finds it half-imported: papermill gets the stand-in
# None (no usable engine), and the registration at the end of this module puts the engine there.
globals()["ThrottledEngine"] = None

from nbclient.util import ensure_async, run_sync  # noqa: E402 (after the stand-in)
from papermill.clientwrap import PapermillNotebookClient  # noqa: E402
from papermill.engines import (  # noqa: E402
    NBClientEngine,
    NotebookExecutionManager,
    papermill_engines,
)
from papermill.log import logger  # noqa: E402
from papermill.utils import merge_kwargs, remove_args  # noqa: E402

NAME: Final = "edgekit"
"""The engine's name in the ``papermill.engine`` entry point group."""
SAVE_EVERY: Final = 5.0
"""Seconds between two writes of the notebook at cell boundaries while nothing failed."""
EXIT_SECONDS: Final = 5.0
"""How long a kernel asked to exit may take before it is shut down the usual way."""
EXIT_POLL: Final = 0.01
"""Seconds between two looks at whether the kernel has exited."""
FREEZE: Final = "__import__('gc').freeze()"
"""Run silently in a Python kernel once the cells are done (see the module docstring)."""


class ThrottledExecutionManager(NotebookExecutionManager):  # type: ignore[misc]
    """papermill's execution state, writing the notebook only as the module docstring says
    (``save_every`` seconds between routine writes)."""

    def __init__(self, *args: Any, save_every: float = SAVE_EVERY, **kwargs: Any) -> None:
        self.save_every = save_every
        self._held = False
        super().__init__(*args, **kwargs)

    def save(self, **kwargs: Any) -> None:
        """Write the notebook (unless a cell boundary's routine write is being held back)."""
        if not self._held:
            super().save(**kwargs)

    @contextmanager
    def _holding(self) -> Iterator[None]:
        self._held = True
        try:
            yield
        finally:
            self._held = False

    def _save_if_due(self) -> None:
        waited = (self.now() - self.last_save_time).total_seconds()
        if waited >= self.save_every:
            self.save()

    def cell_start(self, cell: Any, cell_index: int | None = None, **kwargs: Any) -> None:
        """papermill's cell start (metadata, progress bar text); written only when due."""
        with self._holding():
            super().cell_start(cell, cell_index, **kwargs)
        self._save_if_due()

    def cell_complete(self, cell: Any, cell_index: int | None = None, **kwargs: Any) -> None:
        """papermill's cell end (metadata, progress bar); written at once if the cell raised or
        shows an error, else only when due."""
        with self._holding():
            super().cell_complete(cell, cell_index, **kwargs)
        if _failed(cell):
            self.save()
        else:
            self._save_if_due()


def _failed(cell: Any) -> bool:
    """The cell raised (papermill's mark) or shows an error (a ``raises-exception`` cell)."""
    if cell.get("metadata", {}).get("papermill", {}).get("exception"):
        return True
    return any(o.get("output_type") == "error" for o in cell.get("outputs", []))


class FreezingClient(PapermillNotebookClient):  # type: ignore[misc]
    """papermill's notebook client; after each code cell, and once the cells are done, a Python
    kernel freezes its heap for the collector (see the module docstring)."""

    _python: bool | None = None

    def execute_cell(self, cell: Any, cell_index: int, *args: Any, **kwargs: Any) -> Any:
        """nbclient's cell execution, then :data:`FREEZE` in a Python kernel (a cell that
        raised is not followed by it: papermill stops there)."""
        result = super().execute_cell(cell, cell_index, *args, **kwargs)
        if cell.get("cell_type") == "code":
            self._freeze()
        return result

    def papermill_execute_cells(self) -> None:
        """papermill's cell loop, then :data:`FREEZE` in a Python kernel (its reply awaited)."""
        super().papermill_execute_cells()
        self._freeze()

    async def _async_cleanup_kernel(self) -> None:
        """Ask the kernel to exit (a shutdown request on its control channel) and wait for its
        exit, then nbclient's cleanup, which kills a kernel still alive after
        :data:`EXIT_SECONDS` the usual way. jupyter_client's own graceful shutdown first
        interrupts the kernel (SIGINT), and that signal can land while the kernel is still
        finishing its last request: ipykernel then logs "KeyboardInterrupt caught in kernel"
        on the terminal. Exiting on request runs the kernel's ``atexit`` hooks all the same."""
        if self.km is not None and self.kc is not None and self.shutdown_kernel == "graceful":
            self.kc.shutdown()
            waited = 0.0
            while waited < EXIT_SECONDS and await ensure_async(self.km.is_alive()):
                await asyncio.sleep(EXIT_POLL)
                waited += EXIT_POLL
        await super()._async_cleanup_kernel()

    _cleanup_kernel = run_sync(_async_cleanup_kernel)  # nbclient binds its own at class creation

    def _freeze(self) -> None:
        if self._python is None:
            info = self.wait_for_reply(self.kc.kernel_info())
            language = (info or {}).get("content", {}).get("language_info", {}).get("name")
            self._python = language == "python"
        if self._python:
            self.wait_for_reply(self.kc.execute(FREEZE, silent=True, store_history=False))


class ThrottledEngine(NBClientEngine):  # type: ignore[misc]
    """papermill's nbclient engine over a :class:`ThrottledExecutionManager` and a
    :class:`FreezingClient`."""

    save_every: float = SAVE_EVERY

    @classmethod
    def execute_notebook(
        cls,
        nb: Any,
        kernel_name: str,
        output_path: str | None = None,
        progress_bar: bool | dict[str, Any] = True,
        log_output: bool = False,
        autosave_cell_every: int = 30,
        **kwargs: Any,
    ) -> Any:
        """papermill's ``Engine.execute_notebook`` with edgekit's execution manager."""
        manager = ThrottledExecutionManager(
            nb,
            output_path=output_path,
            progress_bar=progress_bar,
            log_output=log_output,
            autosave_cell_every=autosave_cell_every,
            save_every=cls.save_every,
        )
        manager.notebook_start()
        try:
            cls.execute_managed_notebook(manager, kernel_name, log_output=log_output, **kwargs)
        finally:
            manager.cleanup_pbar()
            manager.notebook_complete()
        return manager.nb

    @classmethod
    def execute_managed_notebook(
        cls,
        nb_man: Any,
        kernel_name: str,
        log_output: bool = False,
        stdout_file: Any = None,
        stderr_file: Any = None,
        start_timeout: int = 60,
        execution_timeout: int | None = None,
        **kwargs: Any,
    ) -> Any:
        """papermill's ``NBClientEngine.execute_managed_notebook`` with a :class:`FreezingClient`
        (the same arguments, handled the same way)."""
        kwargs = remove_args(["input_path"], **kwargs)
        safe_kwargs = remove_args(["timeout", "startup_timeout"], **kwargs)
        final_kwargs = merge_kwargs(
            safe_kwargs,
            timeout=execution_timeout if execution_timeout else kwargs.get("timeout"),
            startup_timeout=start_timeout,
            kernel_name=kernel_name,
            log=logger,
            log_output=log_output,
            stdout_file=stdout_file,
            stderr_file=stderr_file,
        )
        return FreezingClient(nb_man, **final_kwargs).execute()


papermill_engines.register(NAME, ThrottledEngine)  # see the stand-in at the top
