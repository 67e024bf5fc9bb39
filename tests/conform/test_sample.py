"""Conformance of the sample estate: the house families, the near misses, unknown data, the
CLI's formats (JSON golden, CSV, table, --emit-patterns) and its input errors."""

from __future__ import annotations

import csv
import io
import json
from functools import cache
from pathlib import Path

import pytest

from edgekit import snapshot as snap
from edgekit.cli import main
from edgekit.conform import conform, dialects, load_patterns, parse_patterns
from edgekit.conform.schema import EXAMPLE_FILE
from edgekit.graph import Estate
from edgekit.sandbox.sample.houses import HOUSE_SITES, NEAR_MISSES
from tests.golden import check

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "snapshots" / "sample.json.gz"
GOLDENS = Path(__file__).resolve().parents[1] / "goldens" / "conform"
ZONE = "northwind.example"


@cache
def _estate() -> Estate:
    return Estate.load(FIXTURE)


def test_house_sites_conform_and_near_misses_deviate_once() -> None:
    result = conform(_estate(), load_patterns(EXAMPLE_FILE)).by_hostname()
    for name in (*HOUSE_SITES, "assets"):  # assets: the house pattern, with Shield
        e = result[f"{name}.{ZONE}"]
        assert e.match is not None and e.match.pattern == "static-site"
        assert e.status == "conforms", e.match.deviations
    expected = {
        "events": ("cloudfront.logging", "logging is off (pattern: on)"),
        "gifts": ("cloudfront.cache_policies",
                  "cache policy nw-search-everything not in the house set"),
        "jobs": ("cloudfront.viewer_tls_min",
                 "viewer TLS floor TLSv1.2_2019 is below TLSv1.2_2021"),
    }  # fmt: skip
    for name in NEAR_MISSES:
        m = result[f"{name}.{ZONE}"].match
        assert m is not None and m.pattern == "static-site"
        assert [(d.key, d.message) for d in m.deviations] == [expected[name]]
    pay = result["pay.nwpay.example"].match
    assert pay is not None and (pay.pattern, pay.status) == ("web-app", "conforms")


def test_concrete_deviations_of_bespoke_services() -> None:
    result = conform(_estate(), load_patterns(EXAMPLE_FILE)).by_hostname()
    partners = result["partners-api.nwpay.example"].match
    assert partners is not None and [d.message for d in partners.deviations] == [
        "path dns-alias > nlb > alb is not dns-alias > cloudfront > origin:vpc-origin|origin:alb"
    ]
    direct = parse_patterns({"pattern": [{"name": "direct", "path": ["dns-alias", "alb"]}]})
    nlb = conform(_estate(), direct).by_hostname()["partners-api.nwpay.example"].match
    assert nlb is not None
    assert [d.message for d in nlb.deviations] == ["extra hop: nlb in front of alb"]
    shop = result[f"shop.{ZONE}"].match
    assert shop is not None
    messages = {d.message for d in shop.deviations}
    assert "alb origin not locked: reachable around CloudFront" in messages
    assert "cache policy nw-search-everything not in the house set" in messages


def test_unknown_data_is_not_a_deviation() -> None:
    """Without the Shield payloads, a pattern asking about Shield is unknown, never failed."""
    site = {"name": "site", "path": ["dns-alias", "cloudfront", "origin:s3"],
            "cloudfront": {"shield": False}, "origin": {"lockdown": ["oac"]}}  # fmt: skip
    doc = {"pattern": [site]}
    patterns = parse_patterns(doc)
    full = conform(_estate(), patterns).by_hostname()[f"help.{ZONE}"]
    assert full.status == "conforms"
    snapshot = snap.load(FIXTURE)
    snapshot.payloads[:] = [p for p in snapshot.payloads if p["collector"] != "shield"]
    blind = conform(Estate.from_snapshot(snapshot), patterns).by_hostname()[f"help.{ZONE}"]
    assert blind.status == "unknown"
    assert blind.match is not None and blind.match.deviations == ()
    assert [u.key for u in blind.match.unknowns] == ["cloudfront.shield"]


def test_derived_families_of_the_sample() -> None:
    found = dialects(_estate()).dialects
    assert found is not None
    house = found.families[0]
    assert set(house.hostnames) == {f"{n}.{ZONE}" for n in HOUSE_SITES}
    assets = next(f for f in found.one_offs if f.hostnames == (f"assets.{ZONE}",))
    assert assets.distinct == (("shield", "on", "off"),)
    hosts = {h for f in found.one_offs for h in f.hostnames}
    assert {f"{n}.{ZONE}" for n in NEAR_MISSES} <= hosts
    jobs = next(f for f in found.one_offs if f.hostnames == (f"jobs.{ZONE}",))
    assert jobs.compared_with == "A"
    assert jobs.distinct == (("viewer_tls", "TLSv1.2_2019", "TLSv1.2_2021"),)


def test_json_is_byte_stable(tmp_path: Path) -> None:
    out = tmp_path / "c.json"
    assert main(["conform", str(FIXTURE), "--patterns", str(EXAMPLE_FILE), "--format", "json",
                 "-o", str(out)]) == 0  # fmt: skip
    text = out.read_text(encoding="utf-8")
    doc = json.loads(text)
    assert doc["schema"] == "edgekit.conformance/1" and doc["mode"] == "patterns"
    check("sample_patterns.json", text, GOLDENS)


def test_derive_json_and_emit_patterns(tmp_path: Path) -> None:
    out, emitted = tmp_path / "d.json", tmp_path / "edge-patterns.toml"
    assert main(["conform", str(FIXTURE), "--derive", "--emit-patterns", str(emitted),
                 "--format", "json", "-o", str(out)]) == 0  # fmt: skip
    check("sample_derive.json", out.read_text(encoding="utf-8"), GOLDENS)
    patterns = load_patterns(emitted)
    assert patterns[0].name == "family-a"
    result = conform(_estate(), patterns).by_hostname()
    for name in HOUSE_SITES:
        assert result[f"{name}.{ZONE}"].status == "conforms"


def test_csv_rows_are_escaped(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["conform", str(FIXTURE), "--patterns", str(EXAMPLE_FILE), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    jobs = [r for r in rows if r["hostname"] == f"jobs.{ZONE}"]
    assert [(r["kind"], r["key"]) for r in jobs] == [("deviation", "cloudfront.viewer_tls_min")]
    assert [r["kind"] for r in rows if r["hostname"] == f"help.{ZONE}"] == ["match"]
    assert not any(v.startswith(("=", "+", "@")) for r in rows for v in r.values())


def test_table_says_what_unknown_means(tmp_path: Path) -> None:
    out = tmp_path / "t.txt"
    assert main(["conform", str(FIXTURE), "--patterns", str(EXAMPLE_FILE), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "entrypoints conform" in text and "never counted as a deviation" in text


def test_input_errors_exit_2_and_write_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "p.toml"
    bad.write_text('[[pattern]]\nname = "x"\npath = ["cloudfrnt"]\n', encoding="utf-8")
    out = tmp_path / "o.json"
    assert main(["conform", str(FIXTURE), "--patterns", str(bad), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "did you mean 'cloudfront'?" in err and "Traceback" not in err
    assert not out.exists()
    emitted = tmp_path / "e.toml"
    assert main(["conform", str(FIXTURE), "--patterns", str(EXAMPLE_FILE),
                 "--emit-patterns", str(emitted)]) == 2  # fmt: skip
    assert "--emit-patterns needs --derive" in capsys.readouterr().err
    assert not emitted.exists()
