"""Strict envelope validation and bounded reading of snapshots (issue #11 item 10)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from edgekit import snapshot
from edgekit.cli import main
from edgekit.errors import SnapshotError
from edgekit.snapshot import ReadLimits
from edgekit.snapshot_input import ENV_MAX_BYTES, ENV_MAX_ITEMS, parse_size


def _doc(**changes: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "schema": "edgekit.snapshot/1",
        "collected_at": "2026-11-28T12:00:00Z",
        "partition": "aws",
        "targets": [{"account_id": "111111111111", "region": "us-east-1"}],
        "payloads": [
            {
                "account_id": "111111111111",
                "region": "eu-west-1",
                "collector": "elbv2",
                "data": {
                    "load_balancers": [{"LoadBalancerArn": "arn:lb/1", "Type": "application"}]
                },
            }
        ],
        "gaps": [],
        "errors": [],
    }
    doc.update(changes)
    return doc


def _write(tmp_path: Path, doc: Any) -> Path:
    path = tmp_path / "s.json"
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc), encoding="utf-8")
    return path


def _refused(path: Path, fragment: str, limits: ReadLimits | None = None) -> str:
    with pytest.raises(SnapshotError) as err:
        snapshot.load(path, limits)
    message = str(err.value)
    assert fragment in message and "\n" not in message and str(path) in message
    return message


def test_a_valid_document_loads(tmp_path: Path) -> None:
    snap = snapshot.load(_write(tmp_path, _doc()))
    assert snap.collected_at == "2026-11-28T12:00:00Z" and snap.notes == []


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"gaps": ["denied"]}, "at gaps/0"),
        ({"errors": [7]}, "at errors/0"),
        ({"errors": [{"account_id": "1", "region": "r", "collector": "c"}]}, "at errors/0"),
        ({"schema": "edgekit.snapshot/0"}, "unreadable snapshot schema version"),
        ({"schema": "edgekit.snapshot/" + "9" * 5000}, "unreadable snapshot schema version"),
        ({"schema": "edgekit.snapshot/01"}, "unreadable snapshot schema version"),
        ({"collected_at": "yesterday"}, "at collected_at"),
        ({"collected_at": "2026-13-45T12:00:00Z"}, "is not a date-time"),
        ({"collected_at": 20261128}, "at collected_at"),
        ({"targets": "all"}, "at targets"),
        ({"payloads": [{"account_id": "1", "region": "r", "collector": "c", "data": []}]}, "data"),
        ({"partition": "<script>"}, "at partition"),
    ],
)
def test_envelope_is_validated(tmp_path: Path, changes: dict[str, Any], fragment: str) -> None:
    _refused(_write(tmp_path, _doc(**changes)), fragment)


def test_schema_file_ships_in_the_package() -> None:
    from edgekit.snapshot_input import SCHEMA_FILE

    assert SCHEMA_FILE.parent.name == "edgekit" and json.loads(SCHEMA_FILE.read_text())


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ('{"a": ' + "1" * 5000 + "}", "refused an integer of 5000 digits"),
        ('{"a": ' + "9" * 21 + "}", "refused an integer of 21 digits"),
        ('{"a": NaN}', "non-JSON number NaN"),
        ('{"a": -Infinity}', "non-JSON number -Infinity"),
        ("[" * 200_000 + "]" * 200_000, "nested"),
        ('{"a":' * 70 + "1" + "}" * 70, "nested more than 64 levels"),
    ],
)
def test_hostile_json_is_one_clean_error(tmp_path: Path, text: str, fragment: str) -> None:
    _refused(_write(tmp_path, text), fragment)


def test_decompressed_size_is_bounded(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.json.gz"
    bomb.write_bytes(gzip.compress(b'{"schema": "' + b" " * (8 << 20) + b'"}'))
    assert bomb.stat().st_size < 100_000
    message = _refused(bomb, "decompresses to more than the limit of 1 MiB", ReadLimits(1 << 20))
    assert ENV_MAX_BYTES in message


def test_plain_size_is_bounded(tmp_path: Path) -> None:
    path = _write(tmp_path, _doc())
    _refused(path, "holds more than the limit", ReadLimits(max_bytes=100))


def test_item_count_is_bounded(tmp_path: Path) -> None:
    path = _write(tmp_path, _doc())
    message = _refused(path, "more than 10 JSON values", ReadLimits(max_items=10))
    assert ENV_MAX_ITEMS in message


def test_limits_from_the_environment() -> None:
    limits = ReadLimits.from_env({ENV_MAX_BYTES: "2G", ENV_MAX_ITEMS: "1000"})
    assert (limits.max_bytes, limits.max_items) == (2 << 30, 1000)
    assert ReadLimits.from_env({}) == ReadLimits()
    with pytest.raises(SnapshotError, match=ENV_MAX_BYTES):
        ReadLimits.from_env({ENV_MAX_BYTES: "lots"})
    assert parse_size("512M", "x") == 512 << 20 and parse_size("1000", "x") == 1000


def test_cli_flags_and_env_bound_the_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path, _doc())
    assert main(["scan", str(path), "--max-snapshot-bytes", "100"]) == 2
    assert "more than the limit of 100 bytes" in capsys.readouterr().err
    monkeypatch.setenv(ENV_MAX_ITEMS, "5")
    assert main(["lineage", str(path)]) == 2
    assert "more than 5 JSON values" in capsys.readouterr().err
    sample = Path(__file__).parent / "fixtures" / "snapshots" / "sample.json.gz"
    assert main(["lineage", str(sample), "--max-snapshot-items", "1000000"]) == 0


def test_duplicated_unit_is_refused(tmp_path: Path) -> None:
    doc = _doc()
    doc["payloads"] = doc["payloads"] * 2
    _refused(_write(tmp_path, doc), "two payloads for account 111111111111, region eu-west-1")


def test_repeated_resource_is_dropped_with_a_note(tmp_path: Path) -> None:
    doc = _doc()
    items = doc["payloads"][0]["data"]["load_balancers"]
    items.append(dict(items[0]))
    snap = snapshot.load(_write(tmp_path, doc))
    assert len(snap.payloads[0]["data"]["load_balancers"]) == 1
    assert snap.notes and "dropped a duplicate of arn:lb/1 in load_balancers" in snap.notes[0]


def test_same_id_with_different_content_is_kept(tmp_path: Path) -> None:
    """AWS lists a CloudFront function once per stage (LIVE, DEVELOPMENT) under one name."""
    doc = _doc()
    items = doc["payloads"][0]["data"]["load_balancers"]
    items.append({**items[0], "Type": "network"})
    snap = snapshot.load(_write(tmp_path, doc))
    assert len(snap.payloads[0]["data"]["load_balancers"]) == 2 and snap.notes == []


def test_duplicate_note_is_printed_and_findings_not_doubled(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sample = Path(__file__).parent / "fixtures" / "snapshots" / "sample.json.gz"
    doc = json.loads(gzip.decompress(sample.read_bytes()))
    once = _write(tmp_path, doc)
    assert main(["scan", str(once), "--format", "json"]) == 0
    base = json.loads(capsys.readouterr().out)["summary"]["total"]
    payload = next(
        p for p in doc["payloads"] if p["collector"] == "elbv2" and p["data"]["load_balancers"]
    )
    payload["data"]["load_balancers"].append(payload["data"]["load_balancers"][0])
    twice = tmp_path / "twice.json"
    twice.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["scan", str(twice), "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["summary"]["total"] == base
    assert "dropped a duplicate" in captured.err
