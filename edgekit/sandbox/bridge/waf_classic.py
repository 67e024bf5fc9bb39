"""WAF Classic (``waf``, global) and WAF Classic Regional (``waf-regional``): not in moto 5.2.5.

Enough to build and read classic web ACLs: change tokens, IP sets, rules with IP-match
predicates, web ACLs with activated rules, and (regional) associations with ALBs and API Gateway
stages. Other predicate types (byte match, SQLi, ...) are not stored: a rule update naming one
fails with ``WAFNonexistentItemException``.

Change tokens behave like AWS's: ``GetChangeToken`` returns the pending token (the same one
until a change uses it); every create / update / delete must carry the pending token and
consumes it, otherwise ``WAFStaleDataException``. Changes are ``INSYNC`` at once.
Responses: :mod:`.waf_classic_responses`.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from moto.core.base_backend import BackendDict
from moto.core.exceptions import JsonRESTError
from moto.moto_api._internal import mock_random
from moto.utilities.utils import PARTITION_NAMES

from edgekit.sandbox.bridge.services import ExtraBackend
from edgekit.sandbox.bridge.wafv2 import RESOURCE_TYPE_PATTERNS

WAF_URL_PATTERN = r"https?://waf(\.[a-z0-9-]+)?\.amazonaws\.com"
"""``waf.amazonaws.com`` (in-process) and ``waf.<region>.amazonaws.com`` (server host)."""
REGIONAL_URL_PATTERN = r"https?://waf-regional\.(.+)\.amazonaws\.com"
RESPONSES = "edgekit.sandbox.bridge.waf_classic_responses"


def error(code: str, message: str) -> JsonRESTError:
    """A WAF Classic error (``__type`` = ``code``)."""
    return JsonRESTError(code, message)


def not_found(what: str) -> JsonRESTError:
    """WAFNonexistentItemException."""
    return error("WAFNonexistentItemException", f"The referenced {what} does not exist.")


@dataclass
class Stored:
    """A classic resource: its API structure and tags."""

    data: dict[str, Any]
    tags: dict[str, str] = field(default_factory=dict)


class WafClassicBackend(ExtraBackend):
    """WAF Classic (global) resources of one account and partition."""

    URLS_MODULE = f"{RESPONSES}:WAF_URLS"
    ARN_SERVICE = "waf"

    def __init__(self, region_name: str, account_id: str) -> None:
        super().__init__(region_name, account_id)
        self.web_acls: dict[str, Stored] = {}
        self.rules: dict[str, Stored] = {}
        self.ip_sets: dict[str, Stored] = {}
        self.issued_tokens: set[str] = set()
        self.pending_token: str | None = None
        self.associations: dict[str, str] = {}
        """Resource ARN → web ACL id (waf-regional only)."""

    def arn(self, kind: str, resource_id: str) -> str:
        """The ARN of a classic resource (no region for global WAF)."""
        region = "" if self.ARN_SERVICE == "waf" else self.region_name
        prefix = f"arn:{self.partition}:{self.ARN_SERVICE}:{region}:{self.account_id}"
        return f"{prefix}:{kind}/{resource_id}"

    def get_change_token(self) -> str:
        """GetChangeToken: the pending token (a new one after the last was used)."""
        if self.pending_token is None:
            self.pending_token = str(mock_random.uuid4())
            self.issued_tokens.add(self.pending_token)
        return self.pending_token

    def token_status(self, token: str) -> str:
        """GetChangeTokenStatus."""
        if token not in self.issued_tokens:
            raise not_found("change token")
        return "PENDING" if token == self.pending_token else "INSYNC"

    def use_token(self, token: str) -> None:
        """Consume the pending change token, or WAFStaleDataException."""
        if token is None or token != self.pending_token:
            raise error("WAFStaleDataException", "The input token is no longer current.")
        self.pending_token = None

    def create(self, kind: str, params: dict[str, Any]) -> Stored:
        """CreateWebACL / CreateRule / CreateIPSet (``kind`` = the id member's prefix)."""
        self.use_token(params.get("ChangeToken", ""))
        found = self.store(kind)
        if any(s.data["Name"] == params["Name"] for s in found.values()):
            raise error("WAFDuplicateItemException", f"{params['Name']} already exists.")
        resource_id = str(mock_random.uuid4())
        data: dict[str, Any] = {f"{kind}Id": resource_id, "Name": params["Name"]}
        if kind == "WebACL":
            data.update(
                MetricName=params["MetricName"],
                DefaultAction=params["DefaultAction"],
                Rules=[],
                WebACLArn=self.arn("webacl", resource_id),
            )
        elif kind == "Rule":
            data.update(MetricName=params["MetricName"], Predicates=[])
        else:
            data["IPSetDescriptors"] = []
        stored = Stored(data=data, tags={t["Key"]: t["Value"] for t in params.get("Tags") or []})
        found[resource_id] = stored
        return stored

    def get(self, kind: str, resource_id: str) -> Stored:
        """The stored resource, or WAFNonexistentItemException."""
        found = self.store(kind).get(resource_id)
        if found is None:
            raise not_found(kind)
        return found

    def delete(self, kind: str, resource_id: str, token: str) -> None:
        """DeleteWebACL / DeleteRule / DeleteIPSet (only when empty and unreferenced)."""
        stored = self.get(kind, resource_id)
        members = {"WebACL": "Rules", "Rule": "Predicates", "IPSet": "IPSetDescriptors"}[kind]
        if stored.data[members]:
            raise error("WAFNonEmptyEntityException", f"The {kind} is not empty.")
        if self._referenced(kind, resource_id):
            raise error("WAFReferencedItemException", f"The {kind} is still in use.")
        self.use_token(token)
        del self.store(kind)[resource_id]

    def _referenced(self, kind: str, resource_id: str) -> bool:
        if kind == "Rule":
            return any(
                r["RuleId"] == resource_id for a in self.web_acls.values() for r in a.data["Rules"]
            )
        if kind == "IPSet":
            return any(
                p["DataId"] == resource_id
                for r in self.rules.values()
                for p in r.data["Predicates"]
            )
        return resource_id in self.associations.values()

    def update_web_acl(self, params: dict[str, Any]) -> None:
        """UpdateWebACL: insert / delete activated rules, change the default action."""
        acl = self.get("WebACL", params["WebACLId"])
        rules = copy.deepcopy(acl.data["Rules"])
        for update in params.get("Updates") or []:
            rule = {"Type": "REGULAR", **update["ActivatedRule"]}
            if rule["Type"] == "REGULAR":
                self.get("Rule", rule["RuleId"])
            if update["Action"] == "INSERT":
                rules.append(rule)
            elif rule in rules:
                rules.remove(rule)
            else:
                raise not_found("activated rule")
        self.use_token(params["ChangeToken"])
        acl.data["Rules"] = sorted(rules, key=lambda r: r["Priority"])
        if params.get("DefaultAction"):
            acl.data["DefaultAction"] = params["DefaultAction"]

    def update_members(self, kind: str, params: dict[str, Any]) -> None:
        """UpdateRule (predicates; IP-match only) / UpdateIPSet (descriptors)."""
        stored = self.get(kind, params[f"{kind}Id"])
        member, item = (
            ("Predicates", "Predicate")
            if kind == "Rule"
            else ("IPSetDescriptors", "IPSetDescriptor")
        )
        values = copy.deepcopy(stored.data[member])
        for update in params.get("Updates") or []:
            value = update[item]
            if kind == "Rule" and (
                value["Type"] != "IPMatch" or value["DataId"] not in self.ip_sets
            ):
                raise not_found(f"{value['Type']} set {value['DataId']}")
            if update["Action"] == "INSERT":
                values.append(value)
            elif value in values:
                values.remove(value)
            else:
                raise not_found(item)
        self.use_token(params["ChangeToken"])
        stored.data[member] = values

    def store(self, kind: str) -> dict[str, Stored]:
        return {"WebACL": self.web_acls, "Rule": self.rules, "IPSet": self.ip_sets}[kind]

    # waf-regional associations

    def associate(self, web_acl_id: str, resource_arn: str) -> None:
        """AssociateWebACL (replaces an earlier association of the resource)."""
        self.get("WebACL", web_acl_id)
        if not any(p.match(resource_arn) for p in _ASSOCIABLE):
            raise error("WAFInvalidParameterException", f"Cannot associate {resource_arn}")
        self.associations[resource_arn] = web_acl_id

    def resources_for(self, web_acl_id: str, resource_type: str) -> list[str]:
        """ListResourcesForWebACL for one resource type."""
        self.get("WebACL", web_acl_id)
        pattern = RESOURCE_TYPE_PATTERNS.get(resource_type)
        return sorted(
            arn
            for arn, acl in self.associations.items()
            if acl == web_acl_id and pattern is not None and pattern.match(arn)
        )


_ASSOCIABLE = [RESOURCE_TYPE_PATTERNS[t] for t in ("APPLICATION_LOAD_BALANCER", "API_GATEWAY")]


class WafRegionalBackend(WafClassicBackend):
    """WAF Classic Regional resources of one account and region."""

    URLS_MODULE = f"{RESPONSES}:WAF_REGIONAL_URLS"
    ARN_SERVICE = "waf-regional"


waf_backends: BackendDict[WafClassicBackend] = BackendDict(
    WafClassicBackend, "waf", use_boto3_regions=False, additional_regions=PARTITION_NAMES
)
"""WAF Classic (global) state: ``[account_id][partition]``."""
waf_regional_backends: BackendDict[WafRegionalBackend] = BackendDict(
    WafRegionalBackend, "waf-regional"
)
"""WAF Classic Regional state: ``[account_id][region]``."""
