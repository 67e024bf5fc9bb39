"""Finding a node by a name typed in another case: ``p046kytwirv7u`` for the distribution
``P046KYTWIRV7U``, ``nworders`` for the function ``NwOrders``.

AWS spells some ids in upper case (distribution ids, hosted zone ids, origin access identity
ids) and people type them in lower case; hostnames are already matched in any case. When
:func:`edgekit.graph.reach.resolve` finds nothing, :func:`resolve_any_case` looks for the one
name, ARN or node id that equals the value up to case and resolves that; when several names do,
the error lists them instead of choosing.
"""

from __future__ import annotations

import networkx as nx

from edgekit.graph.reach import EntrypointIndex, UnknownEntrypointError, names, resolve


def spellings(graph: nx.DiGraph, index: EntrypointIndex, value: str) -> list[str]:
    """The node ids, ARNs, entrypoint hostnames and resource names equal to ``value`` up to
    case (sorted; ``value`` itself included when it is one)."""
    want = value.strip().casefold()
    if not want:
        return []
    keys = {*map(str, graph.nodes), *index.by_arn, *index.hostnames, *names(graph)}
    return sorted(k for k in keys if k.casefold() == want)


def resolve_any_case(
    graph: nx.DiGraph, index: EntrypointIndex, value: str, *, what: str = "entrypoint"
) -> str:
    """:func:`~edgekit.graph.reach.resolve`, and when that finds nothing, the node of the one
    name ``value`` spells in another case. Several such names raise
    :class:`~edgekit.graph.reach.UnknownEntrypointError` listing them; none, the resolver's own
    error (with its closest names). An empty value names nothing and raises too."""
    if not value.strip():
        raise UnknownEntrypointError(
            f"empty {what} {value!r}: give a hostname, ARN, id, name or node id"
        )
    try:
        return resolve(graph, index, value, what=what)
    except UnknownEntrypointError:
        found = spellings(graph, index, value)
        if not found or value.strip() in found:
            raise  # nothing spelled otherwise, or the exact name is ambiguous: keep that error
    if len(found) > 1:
        raise UnknownEntrypointError(
            f"{what} {value!r} matches several names in other cases: {', '.join(found)} "
            "(give one as spelled)"
        )
    return resolve(graph, index, found[0], what=what)
