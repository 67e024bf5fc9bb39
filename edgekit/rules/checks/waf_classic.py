"""waf.classic_in_use: WAF Classic web ACLs (end of support passed), collected or referenced."""

from __future__ import annotations

from dataclasses import dataclass, field

from edgekit.model import GLOBAL, NOT_COLLECTED, Arn, Inventory
from edgekit.model.waf_classic.types import classic_acl_arn
from edgekit.rules.context import AccountSubject, CheckContext
from edgekit.rules.finding import Fail, ResourceRef, Unknown
from edgekit.rules.registry import check

CLASSIC_COLLECTORS = ("waf", "waf-regional")


def _type(region: str) -> str:
    return "AWS::WAF::WebACL" if region == GLOBAL else "AWS::WAFRegional::WebACL"


@dataclass
class Sighting:
    """One classic web ACL and what shows it is in use."""

    ref: ResourceRef
    source: str
    name: str | None = None
    rules: int | None = None
    distributions: list[str] = field(default_factory=list)
    stages: list[str] = field(default_factory=list)

    def evidence(self) -> dict[str, object]:
        """Name, rule count, how it was found, and the resources naming it."""
        ev: dict[str, object] = {"source": self.source}
        if self.name is not None:
            ev.update(name=self.name, rules=self.rules)
        if self.distributions:
            ev["distributions"] = sorted(self.distributions)
        if self.stages:
            ev["stages"] = sorted(self.stages)
        return ev


def sightings(model: Inventory, account: str) -> dict[str, Sighting]:
    """Classic ACLs of ``account`` by ARN: collected ones, and ones only known by reference
    (a distribution's WebACLId that is not an ARN, a REST API stage's waf-regional webAclArn)."""
    found: dict[str, Sighting] = {}

    def sighting(arn: str, region: str, source: str) -> Sighting:
        ref = ResourceRef(arn, _type(region), account, region)
        return found.setdefault(arn, Sighting(ref, source))

    for acl in (*model.classic_web_acls, *model.classic_regional_web_acls):
        if acl.account_id == account:
            s = sighting(acl.arn, acl.region, "inventory")
            s.name = acl.name
            s.rules = None if acl.rules is NOT_COLLECTED else len(acl.rules)
    for dist in model.distributions:
        if dist.account_id == account and dist.web_acl_is_classic and dist.web_acl_id:
            arn = classic_acl_arn(dist.web_acl_id, account, GLOBAL)
            sighting(arn, GLOBAL, "distribution WebACLId").distributions.append(dist.id)
    for api in model.rest_apis:
        for stage in () if api.stages is NOT_COLLECTED else api.stages:
            parts = Arn.parse(stage.web_acl_arn or "")
            if parts and parts.service == "waf-regional" and parts.account_id == account:
                arn = str(stage.web_acl_arn)
                sighting(arn, parts.region, "API stage webAclArn").stages.append(stage.arn)
    return found


def _troubled_units(model: Inventory, account: str) -> set[str]:
    """``"<collector> <region>"`` of the account's classic units that were denied, failed, or
    not collected at all (global ``waf``, and ``waf-regional`` in each targeted region)."""
    cov = model.coverage
    troubled = {
        f"{r.collector} {r.region}"
        for r in (*cov.gaps_for(account), *cov.errors)
        if r.collector in CLASSIC_COLLECTORS and r.account_id == account
    }
    units = [("waf", GLOBAL)]
    units += [("waf-regional", r) for a, r in cov.targets if a == account and r != GLOBAL]
    for collector, region in units:
        if not cov.collected(account, region, collector, "web_acls"):
            troubled.add(f"{collector} {region}")
    return troubled


@check(
    "waf.classic_in_use",
    title="WAF Classic web ACL in use",
    severity="medium",
    category="hygiene",
    applies_to="account",
    remediation="Migrate to WAFv2 (the WAF Classic migration wizard) and delete the classic ACL.",
    references=("P",),
)
def classic_in_use(account: AccountSubject, ctx: CheckContext) -> list[Fail] | Unknown | None:
    """Fails for each WAF Classic web ACL of the account (AWS ended WAF Classic support): every
    ACL the waf / waf-regional collectors listed, and classic ACLs only known by reference — a
    distribution whose WebACLId is a classic id rather than a WAFv2 ARN, or a REST API stage
    whose webAclArn is a waf-regional ARN — which prove Classic is in use even when it was not
    collected. Unknown when there is no such evidence but listing the classic ACLs of the
    account was denied or failed, or was not done: no ``waf`` payload with its web ACLs, or no
    ``waf-regional`` one in a region the snapshot targets for the account (a service that was
    not collected says nothing about classic ACLs)."""
    found = sightings(ctx.model, account.account_id)
    if found:
        return [
            Fail("WAF Classic web ACL in use", found[arn].evidence(), found[arn].ref)
            for arn in sorted(found)
        ]
    troubled = sorted(_troubled_units(ctx.model, account.account_id))
    if troubled:
        return Unknown("WAF Classic web ACLs could not be listed", {"units": troubled})
    return None
