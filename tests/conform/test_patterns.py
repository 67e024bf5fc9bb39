"""The patterns file: strict validation with suggestions, the shipped example and its schema."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import jsonschema
import pytest

from edgekit.conform import PatternError, load_patterns, parse_patterns
from edgekit.conform.schema import EXAMPLE_FILE, SCHEMA_FILE, build_schema, schema_text


def _one(**extra: object) -> dict[str, object]:
    return {"pattern": [{"name": "p", "path": ["dns-alias", "cloudfront", "origin:s3"], **extra}]}


def test_the_example_file_loads() -> None:
    patterns = load_patterns(EXAMPLE_FILE)
    assert [p.name for p in patterns] == ["static-site", "web-app"]
    web = patterns[1]
    assert [str(s) for s in web.path] == ["dns-alias", "cloudfront", "origin:vpc-origin|origin:alb"]
    assert web.get("origin", "lockdown") == ("vpc-origin", "prefix-list+secret-header")


def test_the_shipped_schema_is_the_vocabulary_s() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text()
    jsonschema.Draft202012Validator.check_schema(build_schema())


def test_the_schema_validates_the_example_file() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    doc = tomllib.loads(EXAMPLE_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(doc)


@pytest.mark.parametrize(
    "doc",
    [
        _one(cloudfront={"cache_policy": ["x"]}),
        _one(cloudfront={"logging": "yes"}),
        _one(path=["dns-alias", "cloudfrnt"]),
        _one(origin={"lockdown": ["oak"]}),
        _one(colour="red"),
    ],
)
def test_the_schema_rejects_what_the_loader_rejects(doc: dict[str, object]) -> None:
    with pytest.raises(PatternError):
        parse_patterns(doc)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, build_schema())


def test_unknown_key_suggests_the_close_one() -> None:
    with pytest.raises(
        PatternError, match=r"unknown key 'cache_policy' \(did you mean 'cache_policies'\?\)"
    ):
        parse_patterns(_one(cloudfront={"cache_policy": ["x"]}))


def test_unknown_value_and_hop_suggest_the_close_one() -> None:
    with pytest.raises(PatternError) as err:
        parse_patterns(_one(path=["dns-alias", "cloudfrnt", "origin:vpc-orgin"],
                            origin={"lockdown": ["vpc-orign"]}))  # fmt: skip
    text = str(err.value)
    assert "unknown hop kind 'cloudfrnt' (did you mean 'cloudfront'?)" in text
    assert "unknown hop kind 'origin:vpc-orgin' (did you mean 'origin:vpc-origin'?)" in text
    assert "unknown value 'vpc-orign' (did you mean 'vpc-origin'?)" in text


def test_every_problem_is_in_one_error() -> None:
    doc = {"pattern": [{"name": "a", "path": []}, {"path": ["alb"], "origin": {"tls": 1}}],
           "extra": 1}  # fmt: skip
    with pytest.raises(PatternError) as err:
        parse_patterns(doc)
    text = str(err.value)
    for part in ("unknown top-level key 'extra'", "pattern[0].path", "pattern[1].name",
                 "pattern[1].origin: unknown key 'tls'"):  # fmt: skip
        assert part in text


def test_types_are_checked() -> None:
    with pytest.raises(PatternError, match="true or false expected"):
        parse_patterns(_one(cloudfront={"logging": "yes"}))
    with pytest.raises(PatternError, match="a list of strings expected"):
        parse_patterns(_one(cloudfront={"web_acl": [1]}))
    with pytest.raises(PatternError, match="the name is used twice"):
        parse_patterns({"pattern": [_one()["pattern"][0], _one()["pattern"][0]]})  # type: ignore[index]


def test_bad_files(tmp_path: Path) -> None:
    with pytest.raises(PatternError, match="cannot read"):
        load_patterns(tmp_path / "missing.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[[pattern]\n", encoding="utf-8")
    with pytest.raises(PatternError, match="not valid TOML"):
        load_patterns(bad)
