"""Migration-step snippets: one Jinja2 template per pattern (``templates/<check>.j2``) whose
blocks ``s<N>_cdk`` / ``s<N>_tf`` are step N's CDK (TypeScript) and Terraform changes.

Every value reaches the code through a literal encoder (:mod:`edgekit.plan.literals`, the
``hcl`` / ``ts`` / ``hcl_list`` / ``ts_list`` / ``tf_name`` / ``comment`` filters), never raw.
Snippets compile: CDK ones inside the harness of ``tools/cdk-harness`` (a Stack declaring the
step's inputs as ``const``s), Terraform ones parse and match the AWS provider's schema
(tests/plan/test_snippets.py).
"""

from __future__ import annotations

from functools import cache
from typing import Any

import jinja2

from edgekit.plan import literals
from edgekit.plan.model import Input, Step


@cache
def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("edgekit.plan", "templates"),
        autoescape=False,
        keep_trailing_newline=False,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(
        hcl=literals.hcl,
        ts=literals.ts,
        hcl_list=literals.hcl_list,
        ts_list=literals.ts_list,
        tf_name=literals.tf_name,
        comment=literals.hcl_comment,
    )
    return env


def _block(template: jinja2.Template, name: str, values: dict[str, Any]) -> str:
    render = template.blocks.get(name)
    if render is None:
        return ""
    return "".join(render(template.new_context(values))).strip()


def step(
    pattern: str,
    number: int | str,
    title: str,
    detail: str,
    *,
    kind: str = "change",
    inputs: tuple[Input, ...] = (),
    **values: Any,
) -> Step:
    """Step ``number`` of ``pattern`` (blocks ``s<number>_cdk`` / ``_tf``, or ``<number>_cdk``
    / ``_tf`` for a named block) with its snippets rendered from ``values``."""
    template = _env().get_template(f"{pattern}.j2")
    name = f"s{number}" if isinstance(number, int) else number
    return Step(
        title=title,
        detail=detail,
        cdk=_block(template, f"{name}_cdk", values),
        terraform=_block(template, f"{name}_tf", values),
        kind=kind,
        inputs=inputs,
    )


def plain(title: str, detail: str, *, kind: str = "check") -> Step:
    """A step without code (a check to run, a switch-over to watch)."""
    return Step(title=title, detail=detail, kind=kind)


def rollback(detail: str) -> Step:
    """The last step of every proposal: how to go back."""
    return Step(title="Rollback", detail=detail, kind="rollback")
