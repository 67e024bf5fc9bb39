"""Notebook parameters whose value must name something: an area, an account, an entrypoint, a
node, a proposal.

A report notebook says so in its ``edgekit`` metadata, parameter → kind (or a list of kinds,
any one of which will do, tried in that order)::

    "edgekit": {"parameter_values": {"hostname": "entrypoint", "account": "account"}}
    "edgekit": {"parameter_values": {"target": ["proposal", "node"]}}

Kinds (:data:`KINDS`):

* ``area``: an area of the check catalogue (a check id's first segment). Known without a
  snapshot, so it becomes the parameter's ``Literal`` choices (:func:`with_kinds`): the
  parameters cell declares ``str`` and never repeats the list.
* ``account``: an account of the snapshot.
* ``entrypoint``: a public entrypoint, named as ``edgekit lineage --entrypoint`` accepts it (a
  hostname in any case, with or without its trailing dot, a distribution id, an ARN, a load
  balancer name, a node id: :meth:`edgekit.graph.Estate.entry_node`) where a hostname enters.
  :func:`entrypoint_hostname` gives that hostname (what the ``explore`` panel shows).
* ``node``: anything ``edgekit lineage --entrypoint`` resolves.
* ``proposal``: the id of a proposal of the snapshot's plan.

:func:`check` is run by :func:`edgekit.report.run.run_report` once the snapshot is parsed and
before any folder or kernel exists, so a value naming nothing is a one-line
:class:`~edgekit.report.params.ParameterError` with "did you mean" (exit 2), not a failed cell.
It builds only what the given values need: the graph for an entrypoint or node, and the plan
(the redundancy checks' findings, planned by :func:`edgekit.report.results.plan_documents`) for
a proposal id.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any, Final

from edgekit.errors import InputError, did_you_mean
from edgekit.graph.resolve import normalize
from edgekit.report.params import Parameter, ParameterError

if TYPE_CHECKING:
    import nbformat

    from edgekit.graph import Estate
    from edgekit.model import Inventory
    from edgekit.snapshot import Snapshot

METADATA_KEY: Final = "parameter_values"
"""Key of a notebook's ``edgekit`` metadata: parameter name → kind(s) of what it names."""
KINDS: Final = ("area", "account", "entrypoint", "node", "proposal")
"""What a parameter's value may have to name (see the module docstring)."""


def catalogue_areas() -> tuple[str, ...]:
    """The areas of the check catalogue, in catalogue order: the one list of areas (the first
    segment of every check id, as :func:`edgekit.report.filters.validate` reads them)."""
    from edgekit.rules.catalogue import load

    return tuple(dict.fromkeys(c.meta.area for c in load().checks))


def kinds_of(nb: nbformat.NotebookNode, origin: str = "notebook") -> dict[str, tuple[str, ...]]:
    """Parameter → the kinds its value must name, from the notebook's ``edgekit`` metadata."""
    found = nb.metadata.get("edgekit", {}).get(METADATA_KEY, {})
    if not isinstance(found, Mapping):
        raise ParameterError(f"{origin}: metadata edgekit.{METADATA_KEY} must be an object")
    out: dict[str, tuple[str, ...]] = {}
    for name, kinds in found.items():
        listed = (
            (kinds,) if isinstance(kinds, str) else tuple(kinds) if isinstance(kinds, list) else ()
        )
        unknown = [k for k in listed if k not in KINDS]
        if not listed or unknown:
            raise ParameterError(
                f"{origin}: metadata edgekit.{METADATA_KEY}.{name}: kinds are "
                f"{', '.join(KINDS)}, got {', '.join(map(str, unknown)) or 'none'}"
            )
        out[str(name)] = listed
    return out


def with_kinds(
    nb: nbformat.NotebookNode, spec: Mapping[str, Parameter], origin: str = "notebook"
) -> dict[str, Parameter]:
    """The declared parameters with what their values name (:attr:`Parameter.names`); an
    ``area`` parameter gets the catalogue's areas as its choices."""
    out = dict(spec)
    for name, kinds in kinds_of(nb, origin).items():
        param = out.get(name)
        if param is None or param.type_name != "str" or param.choices:
            raise ParameterError(
                f"{origin}: metadata edgekit.{METADATA_KEY} names {name!r}, which is not a "
                "declared str parameter without Literal choices"
            )
        choices = catalogue_areas() if kinds == ("area",) else ()
        out[name] = dataclasses.replace(param, names=kinds, choices=choices)
        if param.default is not None:
            out[name].check(param.default)
    return out


def entrypoint_hostname(estate: Estate, value: str) -> str:
    """The public hostname ``value`` names: itself in canonical form (lower case, no trailing
    dot) when it is one, else the first hostname (names people gave first) entering at the
    node ``edgekit lineage --entrypoint`` resolves it to (a distribution id → its alias or
    ``*.cloudfront.net`` name). Raises :class:`~edgekit.graph.UnknownEntrypointError` with the
    closest names, or :class:`~edgekit.errors.InputError` for a resource no hostname enters at
    (naming the entrypoints in front of it)."""
    index = estate.entrypoint_index
    node = estate.entry_node(value)
    host = normalize(value)
    if index.entry_nodes.get(host) == node:
        return host
    entering = [h for h in index.hostnames if index.entry_nodes[h] == node]
    if entering:
        return entering[0]
    front = index.by_node.get(node, ())
    ahead = f"; the entrypoints in front of it: {', '.join(front[:3])}" if front else ""
    raise InputError(f"{value!r} names {node}, which is not an entrypoint{ahead}")


class _Subject:
    """What the values are checked against, built on first need."""

    def __init__(self, snapshot: Snapshot, model: Inventory) -> None:
        self.snapshot = snapshot
        self.model = model

    @cached_property
    def estate(self) -> Estate:
        from edgekit.graph import Estate

        return Estate(self.model, self.snapshot)

    @cached_property
    def accounts(self) -> list[str]:
        payloads = {str(p["account_id"]) for p in self.snapshot.payloads}
        found = {*self.snapshot.accounts(), *payloads}
        return sorted(found)

    @cached_property
    def proposal_ids(self) -> list[str]:
        from edgekit.report.results import plan_documents
        from edgekit.rules import runner
        from edgekit.rules.catalogue import load
        from edgekit.rules.context import CheckContext

        redundancy = load().select(["redundancy.*"])  # all the planner reads
        scan = runner.run(redundancy, CheckContext.from_estate(self.estate))
        doc, _, _ = plan_documents(self.estate, scan.findings, self.snapshot)
        return [str(p["id"]) for p in doc["proposals"]]


def _area(subject: _Subject, value: str) -> None:
    areas = catalogue_areas()
    if value not in areas:
        raise InputError(f"no area {value!r} ({', '.join(areas)}){did_you_mean(value, areas)}")


def _account(subject: _Subject, value: str) -> None:
    if value not in subject.accounts:
        listed = ", ".join(subject.accounts)
        hint = did_you_mean(value, subject.accounts)
        raise InputError(f"{value!r} is not an account of the snapshot ({listed}){hint}")


def _entrypoint(subject: _Subject, value: str) -> None:
    entrypoint_hostname(subject.estate, value)


def _node(subject: _Subject, value: str) -> None:
    subject.estate.entry_node(value)


def _proposal(subject: _Subject, value: str) -> None:
    if value not in subject.proposal_ids:
        hint = did_you_mean(value, subject.proposal_ids)
        raise InputError(f"no proposal {value!r} in the snapshot's plan{hint}")


CHECKS: Final[dict[str, Callable[[_Subject, str], None]]] = {
    "area": _area,
    "account": _account,
    "entrypoint": _entrypoint,
    "node": _node,
    "proposal": _proposal,
}


def check(
    spec: Mapping[str, Parameter],
    values: Mapping[str, Any],
    snapshot: Snapshot,
    model: Inventory,
    origin: str = "notebook",
) -> Estate | None:
    """Raise :class:`~edgekit.report.params.ParameterError` for the first given value that
    names none of the kinds its parameter declares (:attr:`Parameter.names`): one line, with
    the closest names. Returns the estate a check built (None when none needed one), so that
    ``edgekit report`` does not build it a second time."""
    subject = _Subject(snapshot, model)
    for name, value in values.items():
        param = spec.get(name)
        if param is None or not param.names or not isinstance(value, str):
            continue
        problems: list[str] = []
        for kind in param.names:
            try:
                CHECKS[kind](subject, value)
            except InputError as err:
                problems.append(str(err))
            else:
                break
        else:
            raise ParameterError(f"{origin}: parameter {name!r}: {'; '.join(problems)}")
    built: Estate | None = vars(subject).get("estate")  # the cached_property, if it ran
    return built
