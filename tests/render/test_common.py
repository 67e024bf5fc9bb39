"""Naming (slugs, unique names, run ids), clusters and text wrapping."""

from __future__ import annotations

import re

from edgekit.render.common import clusters_for, run_id, slugify, unique
from edgekit.render.labels import natural_key, shorten, wrap, wrap_items
from tests.render.helpers import rich


def test_slugify() -> None:
    assert slugify("*.Example.com") == "wildcard-example-com"
    assert slugify("www.example.com.") == "www-example-com"
    assert slugify("") == "unnamed"
    long = slugify("a" * 200 + ".example.com")
    assert len(long) <= 80 and re.fullmatch(r"[a-z0-9-]+", long)
    assert long != slugify("a" * 201 + ".example.com")


def test_unique_names_get_a_hash_of_their_subject() -> None:
    names = unique(["a-b", "a-b", "c"], ["a.b", "a-b", "c"])
    assert names[2] == "c" and len(set(names)) == 3 and all(n.startswith("a-b-") for n in names[:2])


def test_run_id_is_time_and_content_hash() -> None:
    snapshot = rich().snapshot
    assert snapshot is not None
    rid = run_id(snapshot)
    assert re.fullmatch(r"20260201T120000Z-[0-9a-f]{8}", rid)
    assert run_id(snapshot) == rid


def test_clusters_nest_region_in_account() -> None:
    clusters = clusters_for(["region:1:us-east-1", "region:1:global", "external", None])
    assert [(c.id, c.parent) for c in clusters] == [
        ("account:1", None),
        ("external", None),
        ("region:1:global", "account:1"),
        ("region:1:us-east-1", "account:1"),
    ]


def test_text_helpers() -> None:
    assert shorten("abcdefghijklmnopqrstuvwxyz", 10) == "abcdef…xyz"
    assert wrap("web-alb-1234567890.us-east-1.elb.amazonaws.com", 28, 2) == [
        "web-alb-1234567890.us-east-",
        "1.elb.amazonaws.com",
    ]
    assert len(wrap("x" * 100, 20, 2)) == 2
    assert wrap_items("1 critical · 7 high · 3 info", 20) == ["1 critical · 7 high", "3 info"]
    assert sorted(["site10", "site2", "site1"], key=natural_key) == ["site1", "site2", "site10"]
