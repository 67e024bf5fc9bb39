"""Collected payload items against botocore's output shapes (:mod:`tests.shapes`).

Collected items are raw API data after :func:`edgekit.snapshot.jsonable`, so they are checked
in the ``json`` form: timestamps as ISO 8601 strings, blobs as base64 strings.
"""

from __future__ import annotations

from typing import Any

from tests import shapes


def assert_conforms(
    value: Any, service: str, operation: str, path: str = "", *, enums: bool = True
) -> None:
    """Fail with every mismatch when ``value`` does not conform to the shape at ``path``."""
    where = f"{operation}.{path}"
    problems = shapes.errors(
        value, shapes.shape_at(service, operation, path), where, form="json", enums=enums
    )
    assert not problems, "\n".join(problems)
