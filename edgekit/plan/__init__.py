"""The planner: redundancy findings → simplification proposals (DESIGN.md §1, §2). Pure.

>>> from edgekit.graph import Estate                      # doctest: +SKIP
>>> from edgekit.plan import plan, apply                  # doctest: +SKIP
>>> result = plan(Estate.load("prod.json.gz"))            # doctest: +SKIP
>>> after = apply(estate.graph, result.proposals)         # doctest: +SKIP

:func:`plan` runs the ``redundancy.*`` checks and turns every failing finding into a
:class:`Proposal` (paths, removed nodes, hops saved, savings from the dated price table in
``prices.json``, risks and migration steps with CDK / Terraform snippets); :func:`apply` returns
the "after" graph. Output documents: :mod:`edgekit.plan.formats`. See docs/planner.md.
"""

from __future__ import annotations

from edgekit.plan.apply import apply
from edgekit.plan.model import SCHEMA, Proposal, Step
from edgekit.plan.planner import BUILDERS, Plan, plan

__all__ = ["BUILDERS", "SCHEMA", "Plan", "Proposal", "Step", "apply", "plan"]
