"""Before/after pictures of proposals (issue 12 item 5): the hidden CloudFront layer of an
edge-optimized API drawn as a removed hop, savings notes wrapped whole and not in red."""

from __future__ import annotations

import html

from edgekit import snapshot as snap
from edgekit.graph import Estate
from edgekit.plan import plan
from edgekit.render import before_after_spec, labels
from edgekit.render.beforeafter import after_graph
from edgekit.render.htmllabels import title_block
from tests.plan.patterns import PATTERNS
from tests.plan.snippets import FIXTURES, plans


def test_the_hidden_edge_layer_is_a_removed_hop_of_the_before_picture() -> None:
    est = Estate.from_snapshot(PATTERNS["cdn_before_edge_api"]())
    [p] = [x for x in plan(est).proposals if x.check_id.endswith("cdn_before_edge_api")]
    spec = before_after_spec(est, p, after_graph(est, p))
    hidden = [n for n in spec.nodes if n.id.startswith("before:hidden:")]
    assert len(hidden) == 1 and hidden[0].removed and hidden[0].icon == "cloudfront"
    assert not any(n.id.startswith("after:hidden:") for n in spec.nodes)
    into = [e for e in spec.edges if e.dst == hidden[0].id]
    out = [e for e in spec.edges if e.src == hidden[0].id]
    assert into and out and {e.kind for e in into + out} == {"removed"}


def test_savings_notes_wrap_whole_and_are_not_red() -> None:
    result = plans()["sample.json.gz"]
    est = Estate.from_snapshot(snap.load(FIXTURES / "sample.json.gz"))
    for p in result.proposals:
        spec = before_after_spec(est, p, after_graph(est, p))
        for note in spec.notes:
            wrapped = labels.wrap(note, 150, 3)
            assert "".join(wrapped).replace(" ", "") == note.replace(" ", ""), note
        block = title_block(spec)
        savings = labels.wrap(spec.notes[1], 150, 3)[0]
        assert f'COLOR="#3e4c59">{html.escape(savings)}</FONT>' in block
        assert "$0.00/month + usage" not in " ".join(spec.notes)
