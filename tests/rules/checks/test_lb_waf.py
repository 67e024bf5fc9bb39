"""lb.no_waf: no web ACL, unless the ALB is reachable only through CloudFront (locked origin)."""

from __future__ import annotations

from typing import Any

from tests.model import factories as f
from tests.model.factories import OMIT
from tests.rules.checks.helpers import fails, run_check, unknowns
from tests.rules.checks.lb_snapshots import (
    cloudfront,
    elbv2,
    entry,
    https_listener,
    lb,
    rule,
    snap,
    with_rules,
)

ALB = lb()
DNS = ALB["DNSName"]
SG = "sg-0123456789abcdef0"
SECRET = "sha256:" + "ab" * 32
CF_ONLY = [f.permission(443, prefix_lists=[f.CF_PREFIX_LIST])]
ANYWHERE = [f.permission(443, cidrs=["0.0.0.0/0"])]


def wafv2(*acls: dict[str, Any]) -> dict[str, Any]:
    return f.payload("wafv2", {"scope": "REGIONAL", "web_acls": list(acls)}, region=f.REGION)


def ec2(ingress: Any = CF_ONLY, prefix_lists: Any = None) -> dict[str, Any]:
    data: dict[str, Any] = {"security_groups": [f.security_group(SG, ingress)]}
    if prefix_lists is not OMIT:
        data["managed_prefix_lists"] = (
            prefix_lists if prefix_lists is not None else [f.prefix_list()]
        )
    return f.payload("ec2", data, region=f.REGION)


def fronted(headers: dict[str, str] | None = None, enabled: bool = True) -> dict[str, Any]:
    origin = f.custom_origin(
        "alb", DNS, headers=headers if headers is not None else {"X-Origin-Verify": SECRET}
    )
    return cloudfront(f.distribution(origins=[origin], default=f.behavior("alb"), enabled=enabled))


def locked_listener(secret: str = SECRET) -> dict[str, Any]:
    li = https_listener(ALB, default=[f.fixed_response()])
    guard = f.condition("http-header", [secret], HttpHeaderName="x-origin-verify")
    return with_rules(li, rule(li, 1, [guard]))


def scan(*payloads: dict[str, Any], listener: Any = None, gaps: Any = ()) -> Any:
    li = listener if listener is not None else locked_listener()
    return snap(elbv2(entry(ALB, [li])), *payloads, gaps=gaps)


def test_no_waf_fires_when_not_behind_cloudfront() -> None:
    [finding] = fails("lb.no_waf", scan(wafv2(), cloudfront(), ec2()))
    assert finding.message == "internet-facing ALB without a web ACL, not behind CloudFront"


def test_no_waf_fires_when_the_security_group_admits_the_internet() -> None:
    [finding] = fails("lb.no_waf", scan(wafv2(), fronted(), ec2(ANYWHERE)))
    assert finding.evidence["distributions"] == ["E1EXAMPLE"]
    assert finding.evidence["network"]["state"] == "open"
    assert finding.evidence["header"]["state"] == "locked"
    assert "port 443 admits sg-0123456789abcdef0:0.0.0.0/0" in finding.message


def test_no_waf_fires_when_a_listener_forwards_without_the_secret_header() -> None:
    [finding] = fails("lb.no_waf", scan(wafv2(), fronted(), ec2(), listener=https_listener(ALB)))
    assert finding.evidence["header"]["forwards_without_header"] == ["HTTPS:443 default action"]


def test_no_waf_fires_when_the_only_distribution_is_disabled() -> None:
    assert fails("lb.no_waf", scan(wafv2(), fronted(enabled=False), ec2()))


def test_no_waf_passes_with_a_web_acl() -> None:
    acl = f.web_acl_entry(f.web_acl(), resources=[ALB["LoadBalancerArn"]])
    assert run_check("lb.no_waf", scan(wafv2(acl), cloudfront(), ec2(ANYWHERE))) == []


def test_no_waf_passes_when_locked_behind_cloudfront() -> None:
    assert run_check("lb.no_waf", scan(wafv2(), fronted(), ec2())) == []


def test_no_waf_passes_internal_albs_and_nlbs() -> None:
    internal, nlb = lb("inner", scheme="internal"), lb("net", "network")
    s = snap(elbv2(entry(internal, []), entry(nlb, [])), wafv2(), cloudfront())
    assert run_check("lb.no_waf", s) == []


def test_no_waf_unknown_when_waf_was_not_read() -> None:
    gap = f.gap("wafv2", "ListWebACLs", region=f.REGION)
    [finding] = unknowns("lb.no_waf", scan(cloudfront(), ec2(ANYWHERE), gaps=[gap]))
    assert "WAF associations" in finding.message
    assert unknowns("lb.no_waf", scan(cloudfront(), ec2(ANYWHERE)))


def test_no_waf_unknown_when_distributions_were_not_collected() -> None:
    [finding] = unknowns("lb.no_waf", scan(wafv2(), ec2()))
    assert "distributions not collected" in finding.message


def test_no_waf_unknown_when_the_lockdown_cannot_be_decided() -> None:
    [finding] = unknowns("lb.no_waf", scan(wafv2(), fronted()))
    assert finding.evidence["network"]["state"] == "unknown"
    assert unknowns("lb.no_waf", scan(wafv2(), fronted(), ec2(prefix_lists=OMIT)))
    rules_unread = https_listener(ALB, default=[f.fixed_response()], rules=OMIT)
    assert unknowns("lb.no_waf", scan(wafv2(), fronted(), ec2(), listener=rules_unread))
