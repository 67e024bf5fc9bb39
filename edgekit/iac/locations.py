"""Where each IaC-defined resource is written: resource id/ARN -> ``_iac`` location."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from edgekit.iac.estate import IAC_KEY
from edgekit.snapshot import Snapshot

_ID_KEYS = (
    "ARN",
    "Arn",
    "LoadBalancerArn",
    "TargetGroupArn",
    "ListenerArn",
    "RuleArn",
    "CertificateArn",
    "GroupId",
    "Id",
    "Name",
    "AcceleratorArn",
    "EndpointGroupArn",
    "FunctionArn",
)


def locations(snapshot: Snapshot) -> dict[str, dict[str, str]]:
    """Every id and ARN of an item carrying ``_iac``, mapped to that location."""
    out: dict[str, dict[str, str]] = {}
    for p in snapshot.payloads:
        for items in p["data"].values():
            if isinstance(items, list):
                for item in items:
                    _walk(item, None, out)
        prefix = f"arn:{snapshot.partition}"
        for ident, where in _derived(
            prefix, p["account_id"], p["region"], p["collector"], p["data"]
        ):
            out.setdefault(ident, where)
    return out


def _side(value: Any, where: dict[str, str] | None = None) -> dict[str, str] | None:
    side = value.get(IAC_KEY) if isinstance(value, dict) else None
    return side if isinstance(side, dict) else where


def _derived(
    prefix: str, account: str, region: str, collector: str, data: dict[str, Any]
) -> Iterator[tuple[str, dict[str, str]]]:
    """The ARNs findings name that the API items do not carry (API Gateway's are built from
    ids, a Classic Load Balancer's from its name), each with its item's (or child's) location."""
    gw = f"{prefix}:apigateway:{region}::"
    if collector == "apigateway":
        for item in data.get("rest_apis") or []:
            top = _side(item)
            api_id = (item.get("RestApi") or {}).get("id")
            if top is None or not api_id:
                continue
            yield f"{gw}/restapis/{api_id}", top
            for st in item.get("Stages") or []:
                yield f"{gw}/restapis/{api_id}/stages/{st.get('stageName')}", _side(st, top) or top
        for item in data.get("domain_names") or []:
            name = (item.get("DomainName") or {}).get("domainName")
            if (top := _side(item)) is not None and name:
                yield f"{gw}/domainnames/{name}", top
    elif collector == "apigatewayv2":
        for item in data.get("apis") or []:
            top = _side(item)
            api_id = (item.get("Api") or {}).get("ApiId")
            if top is None or not api_id:
                continue
            yield f"{gw}/apis/{api_id}", top
            for st in item.get("Stages") or []:
                yield f"{gw}/apis/{api_id}/stages/{st.get('StageName')}", _side(st, top) or top
        for item in data.get("domain_names") or []:
            name = (item.get("DomainName") or {}).get("DomainName")
            if (top := _side(item)) is not None and name:
                yield f"{gw}/domainnames/{name}", top
    elif collector == "elb":
        for item in data.get("load_balancers") or []:
            name = (item.get("LoadBalancerDescription") or {}).get("LoadBalancerName")
            if (top := _side(item)) is not None and name:
                yield f"{prefix}:elasticloadbalancing:{region}:{account}:loadbalancer/{name}", top


def _walk(value: Any, where: dict[str, str] | None, out: dict[str, dict[str, str]]) -> None:
    if isinstance(value, list):
        for v in value:
            _walk(v, where, out)
        return
    if not isinstance(value, dict):
        return
    here = value.get(IAC_KEY) if isinstance(value.get(IAC_KEY), dict) else where
    if here is not None:
        for key in _ID_KEYS:
            ident = value.get(key)
            if isinstance(ident, str) and ident:
                out.setdefault(ident, here)
    for key, v in value.items():
        if key != IAC_KEY and isinstance(v, (dict, list)):
            _walk(v, here, out)
