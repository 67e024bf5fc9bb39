"""Snapshot format: round trip, atomic write, and one-line errors for bad input."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from edgekit import snapshot
from edgekit.errors import SnapshotError
from edgekit.snapshot import Snapshot, Target


def _snap() -> Snapshot:
    return Snapshot(
        collected_at="2026-11-28T12:00:00+00:00",
        targets=[Target("222222222222", "eu-west-1"), Target("111111111111", "us-east-1")],
        payloads=[
            {
                "account_id": "111111111111",
                "region": "global",
                "collector": "cloudfront",
                "data": {"distributions": []},
            },
            {
                "account_id": "111111111111",
                "region": "eu-west-1",
                "collector": "elbv2",
                "data": {"load_balancers": [{"LoadBalancer": {"Type": "application"}}]},
            },
        ],
        gaps=[
            {
                "account_id": "111111111111",
                "region": "global",
                "collector": "wafv2",
                "operation": "GetLoggingConfiguration",
                "error_code": "AccessDenied",
                "message": "no",
            }
        ],
    )


@pytest.mark.parametrize("name", ["s.json", "s.json.gz"])
def test_round_trip(tmp_path: Path, name: str) -> None:
    path = snapshot.write(_snap(), tmp_path / name)
    loaded = snapshot.load(path)
    assert loaded.to_json() == _snap().to_json()
    assert loaded.payload("111111111111", "global", "cloudfront") == {"distributions": []}
    assert loaded.payload("111111111111", "us-east-1", "cloudfront") is None
    assert loaded.accounts() == ["111111111111", "222222222222"]
    # deterministic bytes
    again = snapshot.write(loaded, tmp_path / ("again-" + name))
    assert again.read_bytes() == path.read_bytes()


def test_gzip_detected_by_content(tmp_path: Path) -> None:
    path = tmp_path / "plain-name.json"
    path.write_bytes(gzip.compress(snapshot.dumps(_snap()).encode()))
    assert snapshot.load(path).collected_at == "2026-11-28T12:00:00+00:00"


def test_atomic_write_leaves_no_temp_files(tmp_path: Path) -> None:
    snapshot.write(_snap(), tmp_path / "a.json")
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_failed_write_keeps_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.json"
    target.write_text("old")

    def boom(*_: object, **__: object) -> str:
        raise RuntimeError("disk full")

    monkeypatch.setattr(snapshot, "dumps", boom)
    with pytest.raises(RuntimeError):
        snapshot.write(_snap(), target)
    assert target.read_text() == "old"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "not valid JSON (line 1"),
        (b"[]", "top level is not an object"),
        (b'{"a": 1}', "no 'schema' field"),
        (b'{"schema": "other.thing/1"}', "not an edgekit snapshot (schema 'other.thing/1')"),
        (b'{"schema": "edgekit.snapshot/99"}', "newer edgekit (schema edgekit.snapshot/99)"),
        (b'{"schema": "edgekit.snapshot/x"}', "unreadable snapshot schema version"),
        (b'{"schema": "edgekit.snapshot/1"}', "malformed snapshot at top level: 'collected_at'"),
        (b"\xff\xfe\x00", "not UTF-8"),
    ],
)
def test_bad_input_errors(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(SnapshotError) as err:
        snapshot.load(path)
    assert message in str(err.value)
    assert str(path) in str(err.value)
    assert "\n" not in str(err.value)


def test_truncated_gzip(tmp_path: Path) -> None:
    data = gzip.compress(snapshot.dumps(_snap()).encode())
    path = tmp_path / "t.json.gz"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(SnapshotError, match="truncated or corrupt gzip"):
        snapshot.load(path)


def test_missing_and_directory(tmp_path: Path) -> None:
    with pytest.raises(SnapshotError, match="no such snapshot file"):
        snapshot.load(tmp_path / "nope.json")
    with pytest.raises(SnapshotError, match="is a directory"):
        snapshot.load(tmp_path)


def test_payload_missing_key(tmp_path: Path) -> None:
    doc = _snap().to_json()
    del doc["payloads"][0]["data"]
    path = tmp_path / "p.json"
    path.write_text(json.dumps(doc))
    with pytest.raises(SnapshotError, match="'data' is a required property"):
        snapshot.load(path)


def test_jsonable() -> None:
    value = {
        "t": dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.timezone(dt.timedelta(hours=1))),
        "naive": dt.datetime(2026, 1, 2),
        "b": b"\x00\x01",
        "l": (1, 2),
    }
    assert snapshot.jsonable(value) == {
        "t": "2026-01-02T02:04:05Z",
        "naive": "2026-01-02T00:00:00Z",
        "b": "AAE=",
        "l": [1, 2],
    }


def test_envelope_validation_skips_format_grammars() -> None:
    """Issue 16 (speed): validating the envelope imports jsonschema without the grammars of
    its format checkers (1.5 s), still refuses a malformed envelope, and leaves a later
    import of the grammar package working."""
    code = (
        "import sys\n"
        "from edgekit.errors import SnapshotError\n"
        "from edgekit.snapshot_input import validate_envelope\n"
        "try:\n"
        "    validate_envelope({'schema': 'edgekit.snapshot/1'}, 'x')\n"
        "except SnapshotError as err:\n"
        "    print(err)\n"
        "print('rfc3987_syntax' in sys.modules)\n"
        "import rfc3987_syntax\n"
        "print(rfc3987_syntax.__name__)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out == [
        "x: malformed snapshot at top level: 'collected_at' is a required property",
        "False",
        "rfc3987_syntax",
    ]
