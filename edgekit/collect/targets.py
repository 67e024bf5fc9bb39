"""Which accounts and regions to collect, and with which credentials.

Resolves ``--accounts``/``--org``/``--role-name`` into :class:`AccountAccess` values (account id
plus a picklable :class:`SessionSpec`), and ``--regions`` into region lists. AssumeRole happens
once per account here, never per work unit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from botocore.exceptions import BotoCoreError, ClientError

from edgekit.aws.calls import CallRecorder
from edgekit.aws.cancel import Cancellation, CollectionInterruptedError
from edgekit.aws.partitions import (
    global_api_region,
    partition_of_region,
    unknown_region_message,
)
from edgekit.aws.session import SessionSpec, TemporaryCredentials
from edgekit.collect.base import DENIAL_CODES
from edgekit.errors import CollectionError
from edgekit.snapshot import Gap

ROLE_SESSION_NAME = "edgekit-readonly"

TARGET_ACTIONS: tuple[str, ...] = (
    "sts:GetCallerIdentity",
    "sts:AssumeRole",
    "ec2:DescribeRegions",
    "organizations:ListAccounts",
)
"""IAM actions target resolution itself uses."""


def _guarded(spec: SessionSpec) -> SessionSpec:
    """The spec target resolution calls AWS with: as given when it carries an allow-list (the
    collection's, :func:`edgekit.collect.registry.guarded`), else allowing
    :data:`TARGET_ACTIONS` only."""
    return spec if spec.allowed_actions else spec.allowing(TARGET_ACTIONS)


@dataclass(frozen=True)
class AccountAccess:
    """How to reach one account: its id, partition and a session spec with credentials."""

    account_id: str
    partition: str
    session_spec: SessionSpec


@dataclass
class Resolution:
    """Accounts reached, plus gaps for accounts that could not be reached (denied AssumeRole)."""

    accounts: list[AccountAccess]
    gaps: list[Gap]


def caller_identity(spec: SessionSpec, recorder: CallRecorder | None = None) -> tuple[str, str]:
    """Return (account id, partition) of the base credentials; a clear error when there are none."""
    spec = _guarded(spec)
    session = spec.session()
    region = session.region_name or "us-east-1"
    try:
        sts = spec.client("sts", region, session=session, recorder=recorder)
        ident = sts.get_caller_identity()
    except (BotoCoreError, ClientError) as err:
        raise CollectionError(f"cannot identify the AWS caller: {err}") from None
    arn = str(ident["Arn"])
    partition = arn.split(":")[1] if arn.count(":") >= 2 else partition_of_region(region)
    return str(ident["Account"]), partition


def assume(
    base: SessionSpec,
    account_id: str,
    partition: str,
    role_name: str,
    recorder: CallRecorder | None = None,
) -> SessionSpec | Gap:
    """AssumeRole into ``account_id``; a denial becomes a gap (collector ``sts``).

    The role's spec keeps ``base``'s allow-list (none when ``base`` has none: the collection
    runner guards every unit itself)."""
    region = global_api_region(partition)
    sts = _guarded(base).client("sts", region, recorder=recorder)
    arn = f"arn:{partition}:iam::{account_id}:role/{role_name}"
    try:
        creds = sts.assume_role(RoleArn=arn, RoleSessionName=ROLE_SESSION_NAME)["Credentials"]
    except ClientError as err:
        code = str(err.response.get("Error", {}).get("Code", ""))
        if code in DENIAL_CODES or code in {"AccessDenied", "InvalidClientTokenId"}:
            msg = str(err.response.get("Error", {}).get("Message", ""))
            return Gap(account_id, "global", "sts", "AssumeRole", code, msg)
        raise CollectionError(f"account {account_id}: AssumeRole {arn} failed: {err}") from None
    return base.with_credentials(
        TemporaryCredentials(
            access_key_id=str(creds["AccessKeyId"]),
            secret_access_key=str(creds["SecretAccessKey"]),
            session_token=str(creds["SessionToken"]),
        )
    )


def resolve_accounts(
    base: SessionSpec,
    *,
    accounts: Sequence[str] = (),
    role_name: str | None = None,
    recorder: CallRecorder | None = None,
    organization_accounts: Sequence[str] | None = None,
    cancel: Cancellation | None = None,
) -> Resolution:
    """Resolve the accounts to collect.

    With no ``accounts`` (and no organisation list) the caller's own account is collected with
    the base credentials. Otherwise each account other than the caller's is reached by assuming
    ``role_name``; the caller's own account uses the base credentials. Once ``cancel`` is set,
    :class:`~edgekit.aws.cancel.CollectionInterruptedError` is raised before the next AssumeRole.
    """
    own_id, partition = caller_identity(base, recorder)
    wanted = list(organization_accounts if organization_accounts is not None else accounts)
    if not wanted:
        return Resolution([AccountAccess(own_id, partition, base)], [])
    if role_name is None and any(a != own_id for a in wanted):
        raise CollectionError("--accounts/--org need --role-name to reach other accounts")
    reached: list[AccountAccess] = []
    gaps: list[Gap] = []
    for account_id in dict.fromkeys(wanted):
        if account_id == own_id:
            reached.append(AccountAccess(account_id, partition, base))
            continue
        assert role_name is not None
        if cancel is not None and cancel.cancelled:
            raise CollectionInterruptedError(operation="sts:AssumeRole")
        result = assume(base, account_id, partition, role_name, recorder)
        if isinstance(result, Gap):
            gaps.append(result)
        else:
            reached.append(AccountAccess(account_id, partition, result))
    return Resolution(reached, gaps)


def enabled_regions(access: AccountAccess, recorder: CallRecorder | None = None) -> list[str]:
    """The regions enabled for the account (``ec2:DescribeRegions``), sorted."""
    region = global_api_region(access.partition)
    ec2 = _guarded(access.session_spec).client("ec2", region, recorder=recorder)
    try:
        resp = ec2.describe_regions(AllRegions=False)
    except ClientError as err:
        raise CollectionError(
            f"account {access.account_id}: cannot list enabled regions "
            f"(ec2:DescribeRegions: {err.response.get('Error', {}).get('Code')}); "
            "pass --regions explicitly"
        ) from None
    return sorted(str(r["RegionName"]) for r in resp.get("Regions", []))


def parse_regions(value: str | None) -> list[str] | None:
    """Parse ``--regions``: None/``all`` → None (enabled regions), else a validated list."""
    if value is None or value.strip().lower() == "all":
        return None
    regions = [r.strip() for r in value.split(",") if r.strip()]
    for r in regions:
        problem = unknown_region_message(r)
        if problem is not None:
            raise CollectionError(problem)
    if not regions:
        raise CollectionError("--regions: empty list")
    return regions


def organization_account_ids(spec: SessionSpec, recorder: CallRecorder | None = None) -> list[str]:
    """Active member accounts of the caller's organisation (suspended ones skipped).

    Organizations is called in the global region of the partition of the session's region
    (us-east-1 for ``aws``; us-gov-west-1 / cn-northwest-1 elsewhere).
    """
    spec = _guarded(spec)
    region = global_api_region(partition_of_region(spec.session().region_name or "us-east-1"))
    org = spec.client("organizations", region, recorder=recorder)
    ids: list[str] = []
    try:
        for page in org.get_paginator("list_accounts").paginate():
            for acct in page.get("Accounts", []):
                state = acct.get("State") or acct.get("Status") or "ACTIVE"
                if state == "ACTIVE":
                    ids.append(str(acct["Id"]))
    except ClientError as err:
        code = err.response.get("Error", {}).get("Code")
        raise CollectionError(
            f"--org: cannot list the organisation's accounts (organizations:ListAccounts: {code})"
        ) from None
    return sorted(ids)
