"""Two hostnames that slug the same keep their own picture and index entry (issue #11 item
16); the names are stable whatever a run draws."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from edgekit import snapshot as snap
from edgekit.graph import Estate
from edgekit.render import batch
from edgekit.render.common import picture_name, slugify
from edgekit.render.findings import FindingIndex, run_checks

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "snapshots" / "sample.json.gz"
TWIN = "shop-northwind.example"
"""Slugs like ``shop.northwind.example`` (both ``shop-northwind-example``)."""


@pytest.fixture(scope="module")
def estate(tmp_path_factory: pytest.TempPathFactory) -> Estate:
    text = gzip.decompress(SAMPLE.read_bytes()).decode()
    assert "blog.northwind.example" in text
    path = tmp_path_factory.mktemp("twins") / "twins.json"
    path.write_text(text.replace("blog.northwind.example", TWIN), encoding="utf-8")
    return Estate.from_snapshot(snap.load(path))


def test_picture_name_disambiguates_only_clashes() -> None:
    hosts = ["a.b-c", "a-b.c", "x.example"]
    names = {h: picture_name(h, hosts) for h in hosts}
    assert names["x.example"] == "x-example"
    assert names["a.b-c"] != names["a-b.c"]
    assert all(n.startswith(slugify("a.b-c") + "-") for h, n in names.items() if h != "x.example")
    assert names["a.b-c"] == picture_name("a.b-c", reversed(hosts))  # order does not matter


def test_twins_get_distinct_pictures_and_index_entries(estate: Estate, tmp_path: Path) -> None:
    index = FindingIndex.build(estate, run_checks(estate))
    everything = batch.select(estate, index)
    names = {s.subject: s.name for s in everything.specs if s.kind == "entrypoint"}
    assert names["shop.northwind.example"] != names[TWIN]
    one = batch.select(estate, index, entrypoint=TWIN)
    assert [s.name for s in one.specs if s.kind == "entrypoint"] == [names[TWIN]]  # stable
    twins = [s for s in everything.specs if s.subject in ("shop.northwind.example", TWIN)]
    paths = batch.write(twins, tmp_path, ["svg"])
    doc = json.loads((tmp_path / "index.json").read_text())
    assert sorted(r["subject"] for r in doc["pictures"]) == sorted(["shop.northwind.example", TWIN])
    svgs = [p for p in paths if p.suffix == ".svg"]
    assert len({p.name for p in svgs}) == 2
    assert svgs[0].read_bytes() != svgs[1].read_bytes()  # neither overwrote the other
