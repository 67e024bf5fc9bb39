"""Drift: a live snapshot against the IaC that claims it (an ``edgekit import-iac`` snapshot).

* **changed**: a live resource whose fields differ from its IaC definition, field by field,
  only for the fields the template sets (``_iac.set``; CloudFormation's own drift detection
  ignores defaults the same way; a Terraform document sets every attribute it lists).
  Resources are paired by natural key (:mod:`.overlay`: CloudFormation's stack/logical-id
  tags, aliases, names); the IaC's synthetic ids are replaced by their live counterparts' first,
  so a reference to another resource of the set compares equal when it points at the same
  live resource. Values only known at deploy time are not compared. Keyed lists the template
  sets (origins, behaviors, WAF rules, listeners, listener rules, records, security group
  rules) also report elements one side has and the other does not.
* **missing**: IaC resources with no live counterpart (not deployed yet, or deleted by hand).
* **unmanaged** ("click-ops"): live edge resources no IaC input defines, in the accounts and
  regions the IaC covers; resources carrying another CloudFormation stack's tags are listed
  apart (``other_stacks``), since some template not given defines them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Final

from edgekit.iac import overlay
from edgekit.iac.estate import IAC_KEY, UNRESOLVED
from edgekit.iac.paths import sets, sets_under
from edgekit.snapshot import Snapshot

EDGE_KINDS: Final = (
    ("cloudfront", "distributions"),
    ("cloudfront", "cache_policies"),
    ("cloudfront", "origin_request_policies"),
    ("cloudfront", "response_headers_policies"),
    ("wafv2", "web_acls"),
    ("wafv2", "ip_sets"),
    ("wafv2", "rule_groups"),
    ("elbv2", "load_balancers"),
    ("elbv2", "target_groups"),
    ("cloudfront", "origin_access_controls"),
    ("acm", "certificates"),
    ("ec2", "security_groups"),
    ("route53", "hosted_zones"),
    ("s3", "buckets"),
    ("apigateway", "rest_apis"),
    ("apigateway", "domain_names"),
    ("apigatewayv2", "apis"),
    ("apigatewayv2", "domain_names"),
    ("lambda", "function_urls"),
    ("elb", "load_balancers"),
    ("globalaccelerator", "accelerators"),
)
"""Payload lists compared (and searched for unmanaged resources)."""
_ELEMENT_KEYS: Final = ("Id", "PathPattern", "Name", "Priority", "Key", "HeaderName", "OriginId")
ELB_CREATED_GROUP: Final = "default_elb_"
"""Name prefix of the security group Elastic Load Balancing creates itself."""
_GLOBAL: Final = frozenset({"cloudfront", "route53", "s3", "globalaccelerator"})


@dataclass(frozen=True)
class FieldDrift:
    """One member whose live value differs from the IaC's (values as JSON text)."""

    path: str
    iac: str
    live: str


@dataclass(frozen=True)
class ResourceDrift:
    """A resource of the IaC set and what differs live (empty: in sync)."""

    collector: str
    kind: str
    id: str
    logical_id: str
    file: str
    fields: tuple[FieldDrift, ...] = ()


@dataclass(frozen=True)
class Unmanaged:
    """A live edge resource no IaC input defines."""

    collector: str
    kind: str
    id: str
    account_id: str
    region: str
    stack: str = ""
    """The CloudFormation stack its tags name, when another stack manages it."""


@dataclass(frozen=True)
class Drift:
    """The drift report (``edgekit.drift/1``)."""

    changed: tuple[ResourceDrift, ...]
    in_sync: int
    missing: tuple[ResourceDrift, ...]
    unmanaged: tuple[Unmanaged, ...]
    other_stacks: tuple[Unmanaged, ...]
    meta: Mapping[str, Any] = field(default_factory=dict)

    @property
    def drifted(self) -> bool:
        """Anything to act on: changed, missing or unmanaged resources."""
        return bool(self.changed or self.missing or self.unmanaged)

    def to_json(self) -> dict[str, Any]:
        """JSON form (sorted, byte-stable)."""
        return {
            "schema": "edgekit.drift/1",
            **dict(self.meta),
            "summary": {
                "changed": len(self.changed),
                "in_sync": self.in_sync,
                "missing": len(self.missing),
                "unmanaged": len(self.unmanaged),
                "other_stacks": len(self.other_stacks),
            },
            "changed": [asdict(r) for r in self.changed],
            "missing": [asdict(r) for r in self.missing],
            "unmanaged": [asdict(u) for u in self.unmanaged],
            "other_stacks": [asdict(u) for u in self.other_stacks],
        }


Unit = tuple[str, str, str]


def _units(snapshot: Snapshot) -> dict[Unit, dict[str, Any]]:
    return {(p["account_id"], p["region"], p["collector"]): p["data"] for p in snapshot.payloads}


def drift(live: Snapshot, iac: Snapshot) -> Drift:
    """Compare ``live`` with the IaC snapshot ``iac`` (see the module docstring)."""
    live_units = _units(live)
    counterparts = _Live(live_units)
    pairs: list[tuple[str, str, dict[str, Any], dict[str, Any] | None]] = []
    names: dict[str, str] = {}
    matched: set[int] = set()
    for (account, region, collector), data in sorted(_units(iac).items()):
        for kind in (k for c, k in EDGE_KINDS if c == collector):
            for item in data.get(kind) or []:
                if not isinstance(item, dict):
                    continue
                found = counterparts.counterpart((account, region, collector), kind, item)
                if found is not None:
                    matched.add(id(found))
                    names.update(overlay.renames(collector, kind, item, found))
                pairs.append((collector, kind, item, found))
    changed, missing, in_sync = [], [], 0
    for collector, kind, item, found in pairs:
        side = item.get(IAC_KEY) or {}
        ident = _label(collector, kind, found if found is not None else item)
        base = (collector, kind, ident, str(side.get("logical_id", "")), str(side.get("file", "")))
        if found is None:
            missing.append(ResourceDrift(*base))
            continue
        fields = tuple(_compare(overlay.replace_ids(item, names), found))
        if fields:
            changed.append(ResourceDrift(*base, fields))
        else:
            in_sync += 1
    unmanaged = _unmanaged(live_units, _covered(iac), matched)
    return Drift(
        tuple(changed),
        in_sync,
        tuple(missing),
        tuple(u for u in unmanaged if not u.stack),
        tuple(u for u in unmanaged if u.stack),
        {"live": dict(live.meta()), "iac": dict(iac.meta())},
    )


class _Live:
    """The live payload lists, with a natural-key matcher per list built on first use."""

    def __init__(self, units: Mapping[Unit, dict[str, Any]]) -> None:
        self.units = units
        self._matchers: dict[tuple[Unit, str], tuple[overlay.Matcher, list[dict[str, Any]]]] = {}

    def counterpart(self, unit: Unit, kind: str, item: dict[str, Any]) -> dict[str, Any] | None:
        """The live item ``item`` describes: same unit first, then the same collector
        anywhere (an IaC import without ``--account`` uses a placeholder account)."""
        others = sorted(u for u in self.units if u[2] == unit[2] and u != unit)
        for u in [unit, *others]:
            matcher, items = self._matcher(u, kind)
            at = matcher.match(item)
            if at is not None:
                return items[at]
        return None

    def _matcher(self, unit: Unit, kind: str) -> tuple[overlay.Matcher, list[dict[str, Any]]]:
        if (unit, kind) not in self._matchers:
            data = self.units.get(unit, {})
            items = [i for i in data.get(kind) or [] if isinstance(i, dict)]
            self._matchers[(unit, kind)] = (overlay.Matcher(unit[2], kind, items), items)
        return self._matchers[(unit, kind)]


def _label(collector: str, kind: str, item: dict[str, Any]) -> str:
    _keys, ids = overlay.NATURAL.get((collector, kind), ([], []))
    for get in ids:
        value = get(item)
        if isinstance(value, str) and value:
            return value
    return str(item.get("Name", "?"))


def _compare(iac: Any, live: Any) -> Iterator[FieldDrift]:
    """Differences at the members each ``_iac`` holder's template sets."""
    yield from _walk(iac, live, None, (), ())


def _walk(
    iac: Any,
    live: Any,
    holder: dict[str, Any] | None,
    rel: tuple[Any, ...],
    shown: tuple[str, ...],
) -> Iterator[FieldDrift]:
    if isinstance(iac, dict):
        side = iac.get(IAC_KEY)
        if isinstance(side, dict):
            holder, rel = side, ()
        if "IpPermissions" in iac and isinstance(iac["IpPermissions"], list):
            yield from _permissions(iac, live, holder, shown)
        for key, value in iac.items():
            if key in (IAC_KEY, "IpPermissions"):
                continue
            other = live.get(key) if isinstance(live, dict) else None
            yield from _walk(value, other, holder, (*rel, key), (*shown, key))
        return
    if isinstance(iac, list) and any(isinstance(v, dict) for v in iac):
        yield from _elements(iac, live if isinstance(live, list) else [], holder, rel, shown)
        return
    if holder is None or not _set(holder, rel) or _unresolved(holder, rel):
        return
    if _norm(iac) != _norm(live):
        yield FieldDrift(_text_path(shown), _show(iac), _show(live))


def _set(holder: Mapping[str, Any], rel: Sequence[Any]) -> bool:
    return sets(holder.get("set") or [], rel)


def _unresolved(holder: Mapping[str, Any], rel: Sequence[Any]) -> bool:
    paths = [tuple(e.get("path") or ()) for e in holder.get(UNRESOLVED) or []]
    return tuple(rel) in paths


def _key(element: Any) -> str | None:
    if not isinstance(element, dict):
        return None
    if "Name" in element and "Type" in element:  # a record set
        return f"{element['Name']} {element['Type']} {element.get('SetIdentifier', '')}".strip()
    if isinstance(element.get("Listener"), dict):
        return str(element["Listener"].get("Port"))
    for k in _ELEMENT_KEYS:
        if isinstance(element.get(k), str | int):
            return str(element[k])
    return None


def _elements(
    iac: list[Any],
    live: list[Any],
    holder: dict[str, Any] | None,
    rel: tuple[Any, ...],
    shown: tuple[str, ...],
) -> Iterator[FieldDrift]:
    keys = [_key(e) for e in iac]
    if None in keys or len(set(keys)) != len(keys):  # not keyed: compare by position
        for i, element in enumerate(iac):
            other = live[i] if i < len(live) else None
            yield from _walk(element, other, holder, (*rel, i), (*shown, f"[{i}]"))
        return
    theirs = {_key(e): e for e in live}
    defines = _defines(iac, holder, rel)
    for i, (key, element) in enumerate(zip(keys, iac, strict=True)):
        sub = (*shown, f"[{key}]")
        if key in theirs:
            yield from _walk(element, theirs[key], holder, (*rel, i), sub)
        elif defines and not _aws_record(element):
            yield FieldDrift(_text_path(sub), "(defined)", "(absent)")
    if defines:
        extra = (k for k in theirs if k is not None and k not in keys)
        for key in sorted(k for k in extra if not _aws_record(theirs[k])):
            yield FieldDrift(_text_path((*shown, f"[{key}]")), "(absent)", "(present)")


def _defines(iac: list[Any], holder: Mapping[str, Any] | None, rel: tuple[Any, ...]) -> bool:
    """The IaC defines this list's members: its elements are IaC resources of their own
    (listeners, listener rules, records), or the holder's template sets the list."""
    if any(isinstance(e, dict) and isinstance(e.get(IAC_KEY), dict) for e in iac):
        return True
    return holder is not None and sets_under(holder.get("set") or [], rel)


def _aws_record(element: Any) -> bool:
    """What AWS adds itself: a zone's NS and SOA records, ACM's DNS validation records
    (CloudFormation creates them for a DNS-validated certificate), ``aws:`` tags."""
    if not isinstance(element, dict):
        return False
    if element.get("Type") in ("NS", "SOA"):
        return True
    if str(element.get("Key", "")).startswith("aws:"):
        return True
    values = [str(r.get("Value", "")) for r in element.get("ResourceRecords") or []]
    return element.get("Type") == "CNAME" and any(
        v.rstrip(".").endswith(".acm-validations.aws") for v in values
    )


def _permissions(
    iac: dict[str, Any], live: Any, holder: dict[str, Any] | None, shown: tuple[str, ...]
) -> Iterator[FieldDrift]:
    """Security group rules compared as sets of (protocol, ports, one source)."""
    if holder is None or not sets_under(holder.get("set") or [], ("IpPermissions",)):
        return
    mine = _rules(iac.get("IpPermissions"))
    theirs = _rules(live.get("IpPermissions") if isinstance(live, dict) else None)
    for rule in sorted(theirs - mine):
        yield FieldDrift(
            _text_path((*shown, "IpPermissions", f"[{rule}]")), "(absent)", "(present)"
        )
    for rule in sorted(mine - theirs):
        yield FieldDrift(
            _text_path((*shown, "IpPermissions", f"[{rule}]")), "(defined)", "(absent)"
        )


def _rules(permissions: Any) -> set[str]:
    out: set[str] = set()
    for p in permissions if isinstance(permissions, list) else []:
        if not isinstance(p, dict):
            continue
        head = f"{p.get('IpProtocol')} {p.get('FromPort', '')}-{p.get('ToPort', '')}"
        for key, member in (
            ("IpRanges", "CidrIp"),
            ("Ipv6Ranges", "CidrIpv6"),
            ("PrefixListIds", "PrefixListId"),
            ("UserIdGroupPairs", "GroupId"),
        ):
            out |= {f"{head} {r.get(member)}" for r in p.get(key) or [] if isinstance(r, dict)}
    return out


def _norm(value: Any) -> Any:
    if isinstance(value, list) and all(isinstance(v, str | int | float | bool) for v in value):
        return sorted(map(str, value))
    if isinstance(value, str) and value.startswith("{"):  # a policy document: its meaning
        try:
            return json.dumps(json.loads(value), sort_keys=True, separators=(",", ":"))
        except ValueError:
            return value
    if isinstance(value, str):
        return value.lower() if value.lower() in ("true", "false") else value
    if isinstance(value, bool):
        return str(value).lower()
    return value


def _show(value: Any) -> str:
    if value is None:
        return "(absent)"
    if isinstance(value, list):
        return ", ".join(map(str, value)) or "(empty)"
    if value == {}:
        return "{}"
    return str(value)


def _text_path(parts: Sequence[str]) -> str:
    return "".join(p if p.startswith("[") else f".{p}" for p in parts).lstrip(".")


def _covered(iac: Snapshot) -> set[tuple[str, str]]:
    """(account, region) the IaC defines resources in (global services under "global")."""
    return {(p["account_id"], p["region"]) for p in iac.payloads}


def _unmanaged(
    live: Mapping[Unit, dict[str, Any]], covered: set[tuple[str, str]], matched: set[int]
) -> list[Unmanaged]:
    accounts = {a for a, _ in covered}
    regions = {r for _, r in covered}
    out: list[Unmanaged] = []
    for (account, region, collector), data in sorted(live.items()):
        in_scope = account in accounts or "000000000000" in accounts
        if not in_scope or (region not in regions and collector not in _GLOBAL):
            continue
        for kind in (k for c, k in EDGE_KINDS if c == collector):
            for item in data.get(kind) or []:
                if not isinstance(item, dict) or id(item) in matched or _aws_managed(item):
                    continue
                stack = _stack(item)
                ident = _label(collector, kind, item)
                out.append(Unmanaged(collector, kind, ident, account, region, stack))
    return out


def _aws_managed(item: Mapping[str, Any]) -> bool:
    """AWS's own (managed CloudFront policies, the security group ELB creates for a Classic
    Load Balancer given none), never anyone's click-ops."""
    if item.get("Type") == "managed":
        return True
    name = item.get("GroupName")
    return isinstance(name, str) and name.startswith(ELB_CREATED_GROUP)


def _stack(item: Mapping[str, Any]) -> str:
    for t in item.get("Tags") or []:
        if isinstance(t, dict) and t.get("Key") == "aws:cloudformation:stack-name":
            return str(t.get("Value", ""))
    return ""
