"""``edgekit iam-policy --format cloudformation|stackset|terraform``: linted and parsed."""

from __future__ import annotations

import json
from typing import Any

import hcl2
import pytest
from cfnlint.api import lint_all

from edgekit.aws import iam_templates as t
from edgekit.aws.iam import policy_document
from edgekit.cli import main
from edgekit.collect.registry import declared_actions

ROLE = "arn:aws:iam::111111111111:role/Scanner"


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(["iam-policy", *argv]) == 0
    return capsys.readouterr().out


def _role(template: dict[str, Any]) -> dict[str, Any]:
    props: dict[str, Any] = template["Resources"]["EdgekitScanRole"]["Properties"]
    return props


@pytest.mark.parametrize("fmt", ["cloudformation", "stackset"])
@pytest.mark.parametrize("external_id", [None, "ext-123:a/b"])
def test_templates_pass_cfn_lint_with_exactly_the_declared_actions(
    capsys: pytest.CaptureFixture[str], fmt: str, external_id: str | None
) -> None:
    argv = ["--format", fmt, "--principal", "111111111111"]
    text = _cli(capsys, *argv, *(["--external-id", external_id] if external_id else []))
    assert lint_all(text) == []
    role = _role(json.loads(text))
    [policy] = role["Policies"]
    assert policy["PolicyDocument"] == policy_document(declared_actions())
    statement = role["AssumeRolePolicyDocument"]["Statement"][0]
    assert statement["Action"] == "sts:AssumeRole"
    assert ("Condition" in statement) == bool(external_id)


def test_cloudformation_trust_names_the_principal(capsys: pytest.CaptureFixture[str]) -> None:
    text = _cli(capsys, "--format", "cloudformation", "--principal", ROLE, "--external-id", "e-1")
    statement = _role(json.loads(text))["AssumeRolePolicyDocument"]["Statement"][0]
    assert statement["Principal"] == {"AWS": ROLE}
    assert statement["Condition"] == {"StringEquals": {"sts:ExternalId": "e-1"}}
    stackset = json.loads(_cli(capsys, "--format", "stackset", "--principal", "222222222222"))
    assert stackset["Parameters"]["TrustedPrincipal"]["Default"] == "arn:aws:iam::222222222222:root"


def test_cfn_lint_catches_a_broken_template() -> None:
    spec = t.RoleSpec("EdgekitReadOnly", "111111111111", declared_actions())
    broken = t.cloudformation(spec)
    broken["Resources"]["EdgekitScanRole"]["Properties"]["MaxSessionDuration"] = 10
    assert lint_all(json.dumps(broken))


def _jsonencode_arg(expr: str) -> Any:
    """python-hcl2 renders ``jsonencode({...})`` as HCL object text; test values hold no ' = '."""
    inner = expr.removeprefix("${jsonencode(").removesuffix(")}")
    return json.loads(inner.replace('" = ', '": '))


def test_terraform_parses_and_carries_the_same_documents(
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = _cli(capsys, "--format", "terraform", "--principal", ROLE, "--external-id", "e-1")
    doc = hcl2.loads(text)
    blocks = {next(iter(r)): r[next(iter(r))] for r in doc["resource"]}
    role = blocks['"aws_iam_role"']['"edgekit_scan"']
    policy = blocks['"aws_iam_role_policy"']['"edgekit_scan"']
    spec = t.RoleSpec("EdgekitReadOnly", ROLE, declared_actions(), "e-1")
    assert _jsonencode_arg(role["assume_role_policy"]) == t.trust_policy(spec)
    assert _jsonencode_arg(policy["policy"]) == policy_document(declared_actions())
    assert role["name"] == '"EdgekitReadOnly"'


def test_hcl_strings_cannot_inject() -> None:
    hostile = 'a"} resource "x" "y" { ${file("/etc/passwd")} %{ if true }'
    parsed = hcl2.loads(f"v = {t.hcl_string(hostile)}\n")
    assert list(parsed) == ["v"]
    assert "${file" not in parsed["v"].replace("$${", "")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--format", "terraform"], "needs --principal"),
        (["--format", "cloudformation", "--principal", "1234"], "--principal"),
        (
            ["--format", "stackset", "--principal", "111111111111", "--external-id", "a b"],
            "external",
        ),
        (["--format", "terraform", "--principal", ROLE, "--role-name", "bad name"], "--role-name"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert main(["iam-policy", *argv]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and message in captured.err and captured.err.count("\n") == 1


def test_json_stays_the_identity_policy(capsys: pytest.CaptureFixture[str]) -> None:
    assert json.loads(_cli(capsys)) == policy_document(declared_actions())
