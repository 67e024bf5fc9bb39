"""Argument values the CLI must refuse or accept (review of issue 16): empty values exit 2
with one line, ids AWS spells in upper case are taken in any case, ``edgekit notebook`` checks
its port and folder, and ``scan --entrypoint`` shows the asked-for host in the table. On the
sample estate."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from edgekit.cli import main

SAMPLE = str(Path(__file__).parent / "fixtures" / "snapshots" / "sample.json.gz")
DIST = "P046KYTWIRV7U"
"""A distribution of the sample estate (AWS spells its id in upper case)."""


def _one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    assert captured.out == ""  # nothing printed, nothing written: only the error
    err = captured.err.strip()
    assert "Traceback" not in err and err.count("\n") == 0, err
    return err


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, Any]:
    assert main([*argv, "--format", "json"]) == 0
    doc: dict[str, Any] = json.loads(capsys.readouterr().out)
    return doc


# -- empty values ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("flag", "value", "message"),
    [
        ("--entrypoint", "", "edgekit: error: empty entrypoint ''"),
        ("--entrypoint", "  ", "edgekit: error: empty entrypoint '  '"),
        ("--in-front-of", "", "edgekit: error: empty resource ''"),
    ],
)
def test_lineage_refuses_an_empty_value(
    capsys: pytest.CaptureFixture[str], flag: str, value: str, message: str
) -> None:
    """An empty value was read as "no value" and printed the whole entrypoints table."""
    assert main(["lineage", SAMPLE, flag, value]) == 2
    assert _one_line_error(capsys).startswith(message)


@pytest.mark.parametrize("value", [",", "", " ", "waf.*,", ",lb.*"])
def test_scan_refuses_an_empty_check_list_or_item(
    capsys: pytest.CaptureFixture[str], value: str
) -> None:
    """``--checks ','`` (or ``''``) ran every check."""
    assert main(["scan", SAMPLE, "--checks", value]) == 2
    err = _one_line_error(capsys)
    assert err.startswith("edgekit: error: --checks: ")
    assert "empty check id or glob" in err and "`edgekit checks` lists them all" in err


# -- case ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("value", [DIST.lower(), f"cloudfront:{DIST.lower()}", "p046KYTwirv7u"])
def test_lineage_takes_a_distribution_id_in_any_case(
    capsys: pytest.CaptureFixture[str], value: str
) -> None:
    """``p046kytwirv7u`` exited 2 with "did you mean P046KYTWIRV7U?"."""
    upper = _json(capsys, "lineage", SAMPLE, "--entrypoint", DIST)
    doc = _json(capsys, "lineage", SAMPLE, "--entrypoint", value)
    assert doc["entry"] == f"cloudfront:{DIST}" == upper["entry"]
    assert doc["hops"] == upper["hops"] and doc["query"] == value


def test_in_front_of_takes_a_distribution_id_in_any_case(
    capsys: pytest.CaptureFixture[str],
) -> None:
    upper = _json(capsys, "lineage", SAMPLE, "--in-front-of", DIST)
    doc = _json(capsys, "lineage", SAMPLE, "--in-front-of", DIST.lower())
    assert doc["hops"] == upper["hops"] and doc["hops"][0]["node"] == f"cloudfront:{DIST}"


def test_scan_checks_globs_in_any_case(capsys: pytest.CaptureFixture[str]) -> None:
    lower = _json(capsys, "scan", SAMPLE, "--checks", "waf.*")
    upper = _json(capsys, "scan", SAMPLE, "--checks", "WAF.*")
    assert upper["evaluated"] == lower["evaluated"] and upper["evaluated"]
    assert all(c.startswith("waf.") for c in upper["evaluated"])
    assert upper["findings"] == lower["findings"]


def test_scan_glob_matching_nothing_suggests(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", SAMPLE, "--checks", "wfa.*"]) == 2
    err = _one_line_error(capsys)
    assert "'wfa.*' matches no check id (did you mean waf.*?)" in err


# -- edgekit notebook ----------------------------------------------------------------------------
@pytest.mark.parametrize("port", ["99999", "0", "-1", "65536", "http"])
def test_notebook_refuses_a_port_out_of_range(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], port: str
) -> None:
    """``--port 99999`` was accepted and printed in the URL."""
    work = tmp_path / "work"
    with pytest.raises(SystemExit) as exc:
        main(["notebook", "-o", str(work), "--port", port, "--print-only"])
    assert exc.value.code == 2
    err = _one_line_error(capsys)
    assert err == f"edgekit notebook: error: argument --port: not a port number (1-65535): {port!r}"
    assert not work.exists()


@pytest.mark.parametrize("port", ["1", "65535"])
def test_notebook_takes_the_ports_at_the_ends(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], port: str
) -> None:
    assert main(["notebook", "-o", str(tmp_path), "--port", port, "--print-only"]) == 0
    url = capsys.readouterr().out.splitlines()[-1]
    assert url.startswith(f"http://127.0.0.1:{port}/lab/tree/explore.ipynb?token=")


def test_notebook_output_that_is_a_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``-o existing-file`` said "…/all.json/explore.ipynb: cannot write (File exists)"."""
    existing = tmp_path / "all.json"
    existing.write_text("{}", encoding="utf-8")
    assert main(["notebook", "-o", str(existing), "--print-only"]) == 2
    err = _one_line_error(capsys)
    assert err == f"edgekit: error: {existing}: exists and is not a folder (-o takes a folder here)"
    assert existing.read_text(encoding="utf-8") == "{}"


# -- scan --entrypoint: the host asked for is in the hostname column ------------------------------
def _hostname_cells(table: str) -> list[str]:
    """The hostname cell of each finding row (first line of a row: severity is set)."""
    cells = []
    for line in table.splitlines():
        parts = [p.strip() for p in line.split("│")]
        if len(parts) > 5 and parts[1] in ("critical", "high", "medium", "low", "info"):
            cells.append(parts[4])
    return cells


def test_scan_entrypoint_table_lists_the_asked_host_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The column showed "shop-origin.northwind.example +5" for store.northwind.example."""
    host = "store.northwind.example"
    doc = _json(capsys, "scan", SAMPLE, "--entrypoint", host)
    # the case the review found: findings whose first entrypoint is another host
    assert any(f["entrypoints"][0] != host for f in doc["findings"])
    out = tmp_path / "table.txt"
    assert main(["scan", SAMPLE, "--entrypoint", host, "-o", str(out)]) == 0
    cells = _hostname_cells(out.read_text(encoding="utf-8"))
    assert len(cells) == len(doc["findings"])
    for cell, finding in zip(cells, doc["findings"], strict=True):
        more = len(finding["entrypoints"]) - 1
        assert cell == (f"{host} +{more}" if more else host)


def test_hostnames_cell_leads_with_the_asked_hosts() -> None:
    from edgekit.commands.tables import hostnames_cell

    hosts = ["a.example", "b.example", "c.example", "d.example", "e.example", "f.example"]
    assert hostnames_cell(hosts).plain == "a.example +5"
    assert hostnames_cell(hosts, {"d.example"}).plain == "d.example +5"
    assert hostnames_cell(hosts, {"f.example", "b.example"}).plain == "b.example, f.example +4"
    assert hostnames_cell(hosts, set(hosts)).plain == "a.example, b.example, c.example +3"
    assert hostnames_cell(hosts, {"z.example"}).plain == "a.example +5"
    assert hostnames_cell(["d.example"], {"d.example"}).plain == "d.example"
    assert hostnames_cell([], {"d.example"}).plain == "—"
