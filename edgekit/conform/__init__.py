"""House edge patterns (``edgekit conform``): how standard each entrypoint is, and what makes it
bespoke. An analysis layer over the graph, the model and the check helpers.

* :func:`load_patterns` — a TOML file of ``[[pattern]]`` tables, strictly validated
  (vocabulary: :mod:`edgekit.conform.vocabulary`; JSON Schema: ``edge-patterns.schema.json``).
* :func:`conform` — per entrypoint the best-matching pattern, a score and every deviation;
  unknown (not collected) is never a deviation.
* :func:`dialects` — without patterns: families of entrypoints sharing one configuration
  fingerprint, the one-offs, and :func:`emit_patterns` to start a patterns file from them.
"""

from __future__ import annotations

from edgekit.conform.derive import Dialects, Family, emit_patterns
from edgekit.conform.facts import EntryFacts, Unknown, collect_facts
from edgekit.conform.items import Deviation, UnknownItem
from edgekit.conform.match import PatternMatch, best_match, match
from edgekit.conform.patterns import Pattern, PatternError, load_patterns, parse_patterns
from edgekit.conform.result import Conformance, EntryConformance, conform, dialects

__all__ = [
    "Conformance",
    "Deviation",
    "Dialects",
    "EntryConformance",
    "EntryFacts",
    "Family",
    "Pattern",
    "PatternError",
    "PatternMatch",
    "Unknown",
    "UnknownItem",
    "best_match",
    "collect_facts",
    "conform",
    "dialects",
    "emit_patterns",
    "load_patterns",
    "match",
    "parse_patterns",
]
