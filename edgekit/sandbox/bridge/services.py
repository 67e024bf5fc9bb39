"""Services moto 5.2.5 does not have at all, registered as if they were moto's own.

moto finds a service in two steps, both in the in-process mock and in the server: the request
URL (or, in the server, the host inferred from the SigV4 credential scope) is matched against
``moto.backend_index.backend_url_patterns``, which names a service; ``moto.backends.get_backend``
then returns that service's :class:`~moto.core.base_backend.BackendDict`, whose backends' ``urls``
route the request to a ``BaseResponse.dispatch``. :func:`register` adds a URL pattern per
extra service and wraps ``get_backend`` so it also knows the extra services' backend dicts.
Their resources live in ordinary moto backends (:class:`ExtraBackend`), so moto's reset clears
them like any other.

The pattern list is extended **in place**: the server's dispatcher keeps a reference to the
list it saw when it was created (the sandbox binds its socket before installing the bridge).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import moto.backend_index as backend_index
import moto.backends as moto_backends
from moto.core.base_backend import BackendDict, BaseBackend

Undo = Callable[[], None]


class ExtraBackend(BaseBackend):
    """A moto backend whose ``urls`` module is named by :attr:`URLS_MODULE`.

    moto derives the module from the backend's own module name (``moto.<x>.models`` →
    ``moto.<x>.urls``); an extra service names it instead: ``"package.module"`` or
    ``"package.module:ATTRIBUTE"``. It defines ``url_bases`` and ``url_paths`` exactly like
    moto's own ``urls`` modules.
    """

    URLS_MODULE = ""

    @property
    def _url_module(self) -> Any:
        module_name, _, attribute = self.URLS_MODULE.partition(":")
        module = importlib.import_module(module_name)
        return getattr(module, attribute) if attribute else module


@dataclass(frozen=True)
class ExtraService:
    """One service to register: moto's name for it, its URL pattern and its backend dict."""

    name: str
    url_pattern: str
    backends: Callable[[], BackendDict[Any]]


def register(services: list[ExtraService]) -> list[Undo]:
    """Make moto route ``services``; returns the undo steps, to run in reverse order."""
    undo: list[Undo] = []
    patterns = backend_index.backend_url_patterns
    for service in services:
        entry = (service.name, re.compile(service.url_pattern))
        patterns.append(entry)
        undo.append(_remover(patterns, entry))
    by_name = {s.name: s.backends for s in services}
    original: Callable[..., Any] = getattr(moto_backends, "get_backend")  # noqa: B009

    def get_backend(name: str) -> Any:
        factory = by_name.get(name)
        return factory() if factory is not None else original(name)

    setattr(moto_backends, "get_backend", get_backend)  # noqa: B010 (typed overloads)

    def restore() -> None:
        setattr(moto_backends, "get_backend", original)  # noqa: B010

    undo.append(restore)
    return undo


def _remover(items: list[Any], entry: Any) -> Undo:
    def remove() -> None:
        if entry in items:
            items.remove(entry)

    return remove
