"""``import_iac``: inputs -> one snapshot (``source: "iac"``), optionally over a live one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from edgekit.collect import secrets
from edgekit.collect.digests import DigestKey
from edgekit.errors import InputError
from edgekit.iac import overlay
from edgekit.iac.cfn_api import finish_apigateway
from edgekit.iac.cfn_dns import finish_certificates
from edgekit.iac.cfn_edge import finish_edge
from edgekit.iac.cfn_elb import finish_elbv2
from edgekit.iac.cfn_import import import_templates
from edgekit.iac.estate import Estate
from edgekit.iac.sources import discover
from edgekit.snapshot import Snapshot, Target

DEFAULT_ACCOUNT = "000000000000"
DEFAULT_REGION = "us-east-1"


def import_iac(
    paths: Sequence[str],
    *,
    parameters: Mapping[str, str] | None = None,
    base: Snapshot | None = None,
    account: str | None = None,
    region: str = DEFAULT_REGION,
    now: str | None = None,
    digest_key: DigestKey | None = None,
) -> tuple[Snapshot, list[str]]:
    """Build a snapshot from IaC ``paths``; returns it and the importer's notes.

    ``account`` defaults to the base snapshot's only account, else ``000000000000``. Secrets
    are redacted exactly as collection does (:func:`edgekit.collect.secrets.redact`), with
    ``digest_key`` or the user's key (``EDGEKIT_DIGEST_KEY``), else a random one: digests
    compare equal with a live snapshot's only when both runs used the same key.
    """
    from edgekit.iac.terraform import import_terraform

    found = discover(paths)
    if not found.templates and not found.terraform:
        raise InputError("no CloudFormation template or Terraform document found")
    if account is None:
        accounts = base.accounts() if base else []
        account = accounts[0] if len(accounts) == 1 else DEFAULT_ACCOUNT
    stamp = now or dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    estate = Estate(timestamp=stamp)
    import_templates(
        found.templates,
        estate,
        parameters=parameters or {},
        account=account,
        region=region,
        partition=base.partition if base else "aws",
    )
    for doc in found.terraform:
        import_terraform(doc, estate, account=account, region=region)
    estate.finish()
    finish_elbv2(estate)
    finish_apigateway(estate)
    finish_edge(estate)
    finish_certificates(estate)
    key = digest_key or DigestKey.from_environment()
    payloads = [
        {"account_id": a, "region": r, "collector": c, "data": secrets.redact(c, data, key)}
        for (a, r, c), data in sorted(estate.data.items())
    ]
    snapshot = Snapshot(
        collected_at=stamp,
        partition=base.partition if base else "aws",
        targets=_targets(payloads),
        payloads=payloads,
        gaps=list(estate.gaps),
        source="iac",
    )
    if base is not None:
        snapshot = overlay_on(base, snapshot)
    return snapshot, estate.notes


def _targets(payloads: list[dict[str, Any]]) -> list[Target]:
    seen = {(p["account_id"], p["region"]) for p in payloads if p["region"] != "global"}
    seen |= {(p["account_id"], DEFAULT_REGION) for p in payloads}
    return [Target(a, r) for a, r in sorted(seen)]


def overlay_on(base: Snapshot, iac: Snapshot) -> Snapshot:
    """``base`` with every IaC item replacing its live counterpart (see :mod:`.overlay`)."""
    payloads = [dict(p, data=dict(p["data"])) for p in base.payloads]
    index = {(p["account_id"], p["region"], p["collector"]): p for p in payloads}
    names: dict[str, str] = {}
    placed: list[tuple[dict[str, Any], str, int]] = []
    for p in iac.payloads:
        unit = (p["account_id"], p["region"], p["collector"])
        target = index.get(unit)
        if target is None:
            target = {**p, "data": {}}
            payloads.append(target)
            index[unit] = target
        for key, items in p["data"].items():
            if not isinstance(items, list):
                target["data"].setdefault(key, items)
                continue
            live = list(target["data"].get(key) or [])
            matcher = overlay.Matcher(p["collector"], key, live)
            for item in items:
                at = matcher.match(item)
                if at is None:
                    live.append(item)
                    at = len(live) - 1
                else:
                    names.update(overlay.renames(p["collector"], key, item, live[at]))
                    if p["collector"] == "route53":
                        item = overlay.merge_records(live[at], item)
                    item = overlay.computed_from_live(p["collector"], key, item, live[at])
                    live[at] = item
                placed.append((target["data"], key, at))
            target["data"][key] = live
    for data, key, i in placed:
        data[key][i] = overlay.replace_ids(data[key][i], names)
    targets = {(t.account_id, t.region) for t in [*base.targets, *iac.targets]}
    return Snapshot(
        collected_at=iac.collected_at,
        partition=base.partition,
        targets=[Target(a, r) for a, r in sorted(targets)],
        payloads=payloads,
        gaps=[*base.gaps, *overlay.replace_ids(iac.gaps, names)],
        errors=list(base.errors),
        source="iac+live",
    )
