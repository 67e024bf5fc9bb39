"""WAF Classic and WAF Classic Regional responses (JSON protocol) and their moto URL routes.

``WAF_URLS`` / ``WAF_REGIONAL_URLS`` play the part of moto's ``urls`` modules for the two
services (see :class:`edgekit.sandbox.bridge.services.ExtraBackend`). Both APIs share their
shapes; waf-regional adds the association operations.
"""

from __future__ import annotations

import json
from types import SimpleNamespace
from typing import Any

from moto.core.responses import BaseResponse

from edgekit.sandbox.bridge.waf_classic import (
    REGIONAL_URL_PATTERN,
    WAF_URL_PATTERN,
    WafClassicBackend,
    error,
    waf_backends,
    waf_regional_backends,
)


def paged(items: list[dict[str, Any]], params: dict[str, Any]) -> dict[str, Any]:
    """Limit / NextMarker pagination (the marker is the index of the next item)."""
    limit = int(params.get("Limit") or 100)
    marker = params.get("NextMarker")
    if marker is not None and (not str(marker).isdigit() or int(marker) > len(items)):
        raise error("WAFInvalidParameterException", "The NextMarker is not valid.")
    start = int(marker or 0)
    end = start + limit
    return {"items": items[start:end], **({"NextMarker": str(end)} if end < len(items) else {})}


class WafClassicResponse(BaseResponse):
    """The WAF Classic (global) operations the sandbox serves."""

    SERVICE = "waf"

    def __init__(self) -> None:
        super().__init__(service_name=self.SERVICE)

    @property
    def backend(self) -> WafClassicBackend:
        """The account's WAF Classic state."""
        return waf_backends[self.current_account][self.partition]

    @property
    def params(self) -> dict[str, Any]:
        """The JSON request body."""
        body: dict[str, Any] = json.loads(self.body or "{}")
        return body

    def _created(self, kind: str) -> str:
        stored = self.backend.create(kind, self.params)
        return json.dumps({kind: stored.data, "ChangeToken": self.params["ChangeToken"]})

    def _listed(self, kind: str, member: str, summary: tuple[str, ...]) -> str:
        found = self.backend.store(kind).values()
        items = [{k: s.data[k] for k in summary} for s in found]
        page = paged(items, self.params)
        return json.dumps({member: page.pop("items"), **page})

    def _deleted(self, kind: str) -> str:
        params = self.params
        self.backend.delete(kind, params[f"{kind}Id"], params.get("ChangeToken", ""))
        return json.dumps({"ChangeToken": params["ChangeToken"]})

    def get_change_token(self) -> str:
        """GetChangeToken."""
        return json.dumps({"ChangeToken": self.backend.get_change_token()})

    def get_change_token_status(self) -> str:
        """GetChangeTokenStatus."""
        status = self.backend.token_status(self.params["ChangeToken"])
        return json.dumps({"ChangeTokenStatus": status})

    def create_web_acl(self) -> str:
        """CreateWebACL."""
        return self._created("WebACL")

    def get_web_acl(self) -> str:
        """GetWebACL."""
        return json.dumps({"WebACL": self.backend.get("WebACL", self.params["WebACLId"]).data})

    def list_web_acls(self) -> str:
        """ListWebACLs."""
        return self._listed("WebACL", "WebACLs", ("WebACLId", "Name"))

    list_web_ac_ls = list_web_acls
    """moto's method name for ListWebACLs (its camel-case splitter reads ``AC_Ls``)."""

    def update_web_acl(self) -> str:
        """UpdateWebACL."""
        self.backend.update_web_acl(self.params)
        return json.dumps({"ChangeToken": self.params["ChangeToken"]})

    def delete_web_acl(self) -> str:
        """DeleteWebACL."""
        return self._deleted("WebACL")

    def create_rule(self) -> str:
        """CreateRule."""
        return self._created("Rule")

    def get_rule(self) -> str:
        """GetRule."""
        return json.dumps({"Rule": self.backend.get("Rule", self.params["RuleId"]).data})

    def list_rules(self) -> str:
        """ListRules."""
        return self._listed("Rule", "Rules", ("RuleId", "Name"))

    def update_rule(self) -> str:
        """UpdateRule (IP-match predicates)."""
        self.backend.update_members("Rule", self.params)
        return json.dumps({"ChangeToken": self.params["ChangeToken"]})

    def delete_rule(self) -> str:
        """DeleteRule."""
        return self._deleted("Rule")

    def create_ip_set(self) -> str:
        """CreateIPSet."""
        return self._created("IPSet")

    def get_ip_set(self) -> str:
        """GetIPSet."""
        return json.dumps({"IPSet": self.backend.get("IPSet", self.params["IPSetId"]).data})

    def list_ip_sets(self) -> str:
        """ListIPSets."""
        return self._listed("IPSet", "IPSets", ("IPSetId", "Name"))

    def update_ip_set(self) -> str:
        """UpdateIPSet."""
        self.backend.update_members("IPSet", self.params)
        return json.dumps({"ChangeToken": self.params["ChangeToken"]})

    def delete_ip_set(self) -> str:
        """DeleteIPSet."""
        return self._deleted("IPSet")


class WafRegionalResponse(WafClassicResponse):
    """WAF Classic Regional: the same operations, per region, plus associations."""

    SERVICE = "waf-regional"

    @property
    def backend(self) -> WafClassicBackend:
        """The account's WAF Classic Regional state in the request's region."""
        return waf_regional_backends[self.current_account][self.region]

    def associate_web_acl(self) -> str:
        """AssociateWebACL."""
        self.backend.associate(self.params["WebACLId"], self.params["ResourceArn"])
        return "{}"

    def disassociate_web_acl(self) -> str:
        """DisassociateWebACL."""
        if self.backend.associations.pop(self.params["ResourceArn"], None) is None:
            raise error("WAFNonexistentItemException", "The resource has no web ACL.")
        return "{}"

    def list_resources_for_web_acl(self) -> str:
        """ListResourcesForWebACL (ResourceType defaults to APPLICATION_LOAD_BALANCER)."""
        kind = self.params.get("ResourceType") or "APPLICATION_LOAD_BALANCER"
        arns = self.backend.resources_for(self.params["WebACLId"], kind)
        return json.dumps({"ResourceArns": arns})

    def get_web_acl_for_resource(self) -> str:
        """GetWebACLForResource (no summary when the resource has no web ACL)."""
        acl_id = self.backend.associations.get(self.params["ResourceArn"])
        if acl_id is None:
            return "{}"
        acl = self.backend.get("WebACL", acl_id).data
        return json.dumps({"WebACLSummary": {"WebACLId": acl_id, "Name": acl["Name"]}})


WAF_URLS = SimpleNamespace(
    url_bases=[WAF_URL_PATTERN], url_paths={"{0}/$": WafClassicResponse.dispatch}
)
WAF_REGIONAL_URLS = SimpleNamespace(
    url_bases=[REGIONAL_URL_PATTERN], url_paths={"{0}/$": WafRegionalResponse.dispatch}
)
