"""``edgekit collect --org`` end to end: list the organisation, assume a role in each active
account, collect them all in one run; a denied AssumeRole is a gap, not a failure."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from edgekit import cli
from edgekit.aws.session import SessionSpec
from edgekit.collect import targets

R = "eu-west-1"
MANAGEMENT = "123456789012"


@pytest.fixture
def org(moto_aws: None) -> dict[str, str]:
    """An organisation: the caller's (management) account, two members, one suspended."""
    client = boto3.client("organizations", region_name="us-east-1")
    client.create_organization(FeatureSet="ALL")
    ids = {
        name: client.create_account(AccountName=name, Email=f"{name}@example.com")[
            "CreateAccountStatus"
        ]["AccountId"]
        for name in ("member", "denied", "closed")
    }
    client.close_account(AccountId=ids["closed"])
    # a Classic ELB in one member account, created through that account's role
    creds = boto3.client("sts").assume_role(
        RoleArn=f"arn:aws:iam::{ids['member']}:role/EdgekitReadOnly", RoleSessionName="build"
    )["Credentials"]
    boto3.client(
        "elb",
        region_name=R,
        aws_access_key_id=creds["AccessKeyId"],
        aws_secret_access_key=creds["SecretAccessKey"],
        aws_session_token=creds["SessionToken"],
    ).create_load_balancer(
        LoadBalancerName="member-clb",
        Listeners=[{"Protocol": "HTTP", "LoadBalancerPort": 80, "InstancePort": 80}],
        AvailabilityZones=[f"{R}a"],
    )
    return ids


def _refuse(
    monkeypatch: pytest.MonkeyPatch, service: str, operation: str, code: str, match: str = ""
) -> None:
    """Make ``service:operation`` fail with ``code`` (for requests whose params mention
    ``match``) on every client edgekit builds from now on."""
    real_client = SessionSpec.client

    def client(self: SessionSpec, svc: str, region: str, **kw: Any) -> Any:
        c = real_client(self, svc, region, **kw)
        if svc == service:

            def refuse(params: dict[str, Any], **_: Any) -> None:
                if match in json.dumps(params):
                    raise ClientError({"Error": {"Code": code, "Message": "refused"}}, operation)

            c.meta.events.register(f"provide-client-params.{service}.{operation}", refuse)
        return c

    monkeypatch.setattr(SessionSpec, "client", client)


def _deny_assume_role(monkeypatch: pytest.MonkeyPatch, account: str) -> None:
    _refuse(monkeypatch, "sts", "AssumeRole", "AccessDenied", account)


def _argv(out: Path, *extra: str) -> list[str]:
    return [
        "collect",
        "--org",
        "--role-name",
        "EdgekitReadOnly",
        "--regions",
        R,
        "--collectors",
        "elb,shield",
        "--quiet",
        "-o",
        str(out),
        *extra,
    ]


def test_org_lists_active_accounts_only(org: dict[str, str]) -> None:
    ids = targets.organization_account_ids(SessionSpec())
    assert ids == sorted([MANAGEMENT, org["member"], org["denied"]])


def test_collect_org_end_to_end(
    org: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _deny_assume_role(monkeypatch, org["denied"])
    out = tmp_path / "org.json"
    assert cli.main(_argv(out)) == 0  # a denied account is a gap, not a failed run
    doc = json.loads(out.read_text(encoding="utf-8"))
    collected = {(p["account_id"], p["region"], p["collector"]) for p in doc["payloads"]}
    assert collected == {
        (acct, region, collector)
        for acct in (MANAGEMENT, org["member"])
        for region, collector in ((R, "elb"), ("global", "shield"))
    }
    by_account = {p["account_id"]: p["data"] for p in doc["payloads"] if p["collector"] == "elb"}
    assert [
        lb["LoadBalancerDescription"]["LoadBalancerName"]
        for lb in by_account[org["member"]]["load_balancers"]
    ] == ["member-clb"]
    assert by_account[MANAGEMENT]["load_balancers"] == []
    assert [(g["account_id"], g["operation"]) for g in doc["gaps"]] == [
        (org["denied"], "AssumeRole")
    ]
    # the unreachable account is still a target, so its absence reads as "not collected"
    assert {t["account_id"] for t in doc["targets"]} == {MANAGEMENT, org["member"], org["denied"]}
    assert org["closed"] not in out.read_text(encoding="utf-8")


def test_collect_org_strict_fails_on_the_gap(
    org: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _deny_assume_role(monkeypatch, org["denied"])
    assert cli.main(_argv(tmp_path / "s.json", "--strict")) == 3


def test_collect_org_needs_a_role(
    org: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["collect", "--org", "--regions", R, "-o", str(tmp_path / "s.json")]
    assert cli.main(argv) == 2
    assert "--role-name" in capsys.readouterr().err


def test_collect_org_outside_an_organisation(
    moto_aws: None,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # moto lists nothing outside an organisation; AWS refuses like this
    _refuse(monkeypatch, "organizations", "ListAccounts", "AWSOrganizationsNotInUseException")
    assert cli.main(_argv(tmp_path / "s.json")) == 2
    assert "organizations:ListAccounts" in capsys.readouterr().err
