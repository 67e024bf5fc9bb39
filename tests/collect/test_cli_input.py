"""``edgekit collect`` bad input: one line, exit 2, no traceback, nothing collected."""

from __future__ import annotations

from pathlib import Path

import pytest

from edgekit import cli
from edgekit.collect import targets
from edgekit.errors import CollectionError

ISOLATED = {
    "AWS_CONFIG_FILE": "/nonexistent/edgekit-config",
    "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/edgekit-credentials",
    "AWS_EC2_METADATA_DISABLED": "true",
}


@pytest.fixture
def no_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    for key in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"):
        monkeypatch.delenv(key, raising=False)
    for key, value in ISOLATED.items():
        monkeypatch.setenv(key, value)


def _one_line_error(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    code = cli.main(argv)
    err = capsys.readouterr().err
    assert code == 2, err
    lines = [line for line in err.splitlines() if line.startswith("edgekit: error:")]
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def test_unknown_profile(
    no_credentials: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = _one_line_error(capsys, ["collect", "--profile", "NOPE", "-o", str(tmp_path / "s.json")])
    assert "NOPE" in line
    assert not (tmp_path / "s.json").exists()


def test_org_without_credentials(
    no_credentials: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = _one_line_error(capsys, ["collect", "--org", "-o", str(tmp_path / "s.json")])
    assert "credentials" in line.lower()


@pytest.mark.parametrize("kind", ["empty", "directory", "under-a-file"])
def test_bad_output_path_is_refused_before_collecting(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if kind == "empty":
        out = ""
    elif kind == "directory":
        out = str(tmp_path)
    else:  # a path under a regular file can never be created (root or not)
        blocker = tmp_path / "file"
        blocker.write_text("x")
        out = str(blocker / "sub" / "s.json")
    # --endpoint-url to a closed port: any collection attempt would fail loudly, not exit 2
    line = _one_line_error(
        capsys, ["collect", "--endpoint-url", "http://127.0.0.1:9", "-o", out, "--quiet"]
    )
    assert "-o/--output" in line


def test_unknown_region_with_a_suggestion() -> None:
    with pytest.raises(CollectionError, match=r"'us-east-9' is not an AWS region.*us-east-1"):
        targets.parse_regions("eu-west-1,us-east-9")
    assert targets.parse_regions("eu-west-1,cn-north-1,us-gov-west-1") == [
        "eu-west-1",
        "cn-north-1",
        "us-gov-west-1",
    ]
