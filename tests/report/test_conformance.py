"""The conformance section (plain functions of a Report) and the ``conformance`` notebook."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from edgekit.errors import InputError
from edgekit.report import Report, run_report
from edgekit.report import conformance as conf
from edgekit.report.run import prepare
from tests.report.conftest import SAMPLE, html_text


@cache
def _report() -> Report:
    return Report.open(SAMPLE)


def test_tables_by_pattern_and_account() -> None:
    found = conf.result(_report())
    patterns = conf.by_pattern(found).set_index("pattern")
    assert list(patterns.index) == ["static-site", "web-app"]
    assert patterns.loc["static-site", "conforms"] == 8
    assert patterns["entrypoints"].sum() == found.summary()["entrypoints"]
    accounts = conf.by_account(found).set_index("account")
    assert accounts.loc["111111111111", "conforms"] == 9
    assert set(accounts["conforming share"]) <= {f"{i}%" for i in range(101)}


def test_common_deviations_and_one_offs() -> None:
    rep = _report()
    top = conf.top_deviations(conf.result(rep), 5)
    assert len(top) == 5 and list(top["entrypoints"]) == sorted(top["entrypoints"], reverse=True)
    offs = conf.one_offs(rep).set_index("entrypoints")
    assert offs.loc["jobs.northwind.example", "nearest family"] == "A"
    assert offs.loc["jobs.northwind.example", "differs in"] == (
        "viewer TLS floor: TLSv1.2_2019 (family: TLSv1.2_2021)"
    )
    families = conf.families(rep)
    assert families.iloc[0]["entrypoints"] == 7


def test_patterns_file_parameter_must_exist(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="parameter 'patterns_file': no such file"):
        prepare("conformance", SAMPLE, {"patterns_file": str(tmp_path / "none.toml")})
    _, spec, values = prepare("conformance", SAMPLE, {})
    assert spec["patterns_file"].default is None and "patterns_file" not in values
    given = tmp_path / "p.toml"
    given.write_text('[[pattern]]\nname = "a"\npath = ["alb"]\n', encoding="utf-8")
    _, _, values = prepare("conformance", SAMPLE, {"patterns_file": str(given)})
    assert values["patterns_file"] == str(given.resolve())


@pytest.mark.slow
def test_the_notebook_renders(tmp_path: Path, fake_aws: None) -> None:
    result = run_report("conformance", SAMPLE, {"max_rows": 5}, tmp_path, progress=False)
    assert result.html is not None
    text = html_text(result.html)
    for words in ("by pattern", "by account", "most common deviations", "one-offs",
                  "Families of configuration", "never counted as a deviation"):  # fmt: skip
        assert words in text, words
    assert re.search(r"12 of 51 entrypoints conform", text)
    run = result.html.parent
    for name in ("conformance.csv", "common_deviations.csv", "one_offs.csv", "families.csv"):
        assert (run / name).is_file(), name
