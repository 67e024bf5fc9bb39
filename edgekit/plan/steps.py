"""Migration-step snippets: one Jinja2 template per pattern (``templates/<check>.j2``) whose
blocks ``s<N>_cdk`` / ``s<N>_tf`` are step N's CDK (TypeScript) and Terraform changes.
Snippets are short and meant to be adapted, not applied as they are."""

from __future__ import annotations

from functools import cache
from typing import Any

import jinja2

from edgekit.plan.model import Step


@cache
def _env() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("edgekit.plan", "templates"),
        autoescape=False,
        keep_trailing_newline=False,
        undefined=jinja2.StrictUndefined,
    )


def _block(template: jinja2.Template, name: str, values: dict[str, Any]) -> str:
    render = template.blocks.get(name)
    if render is None:
        return ""
    return "".join(render(template.new_context(values))).strip()


def step(pattern: str, number: int, title: str, detail: str, **values: Any) -> Step:
    """Step ``number`` of ``pattern`` with its snippets rendered from ``values``."""
    template = _env().get_template(f"{pattern}.j2")
    return Step(
        title=title,
        detail=detail,
        cdk=_block(template, f"s{number}_cdk", values),
        terraform=_block(template, f"s{number}_tf", values),
    )


def plain(title: str, detail: str) -> Step:
    """A step without code (a check to run, a switch-over to watch)."""
    return Step(title=title, detail=detail)
