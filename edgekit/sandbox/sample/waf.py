"""The sample's web ACLs: rule builders and the six WAFv2 ACLs (plus one WAF Classic ACL).

* ``nw-edge-standard`` / ``nw-pay-edge`` (CLOUDFRONT, golden): IP reputation, common rule set,
  known bad inputs, SQLi, a per-IP rate limit; every rule enforcing, metrics and logging on.
* ``nw-edge-legacy`` (CLOUDFRONT): grown by accretion -- the common rule set in Count mode and
  again enforcing, Log4j rules overridden to Count, heavy OS/CMS groups (> 1,500 WCU), a bot rule
  without metrics, no rate limit, no IP reputation, no SQLi rules, no logging.
* ``nw-portal-regional`` (REGIONAL, on an ALB behind CloudFront): duplicates CloudFront's common
  rule set, a shadowed allow rule and a per-IP rate limit that only sees CloudFront's addresses.
* ``nw-pay-admin-monitor`` (REGIONAL): "monitor mode" left on -- everything counts, nothing blocks.
* ``nw-web-staging`` (REGIONAL): created empty for a project that never shipped; associated with
  nothing.
"""

from __future__ import annotations

from typing import Any

from edgekit.sandbox.sample.accounts import US, Account
from edgekit.sandbox.sample.state import Estate


def visibility(metric: str, *, metrics: bool = True) -> dict[str, Any]:
    """A VisibilityConfig."""
    return {
        "SampledRequestsEnabled": True,
        "CloudWatchMetricsEnabled": metrics,
        "MetricName": metric,
    }


def managed(
    name: str, priority: int, *, count: bool = False, overrides: tuple[str, ...] = ()
) -> dict[str, Any]:
    """An AWS managed rule group rule (``count``: whole group in Count mode)."""
    statement: dict[str, Any] = {"VendorName": "AWS", "Name": name}
    if overrides:
        statement["RuleActionOverrides"] = [
            {"Name": rule, "ActionToUse": {"Count": {}}} for rule in overrides
        ]
    return {
        "Name": f"{name}-{priority}",
        "Priority": priority,
        "Statement": {"ManagedRuleGroupStatement": statement},
        "OverrideAction": {"Count": {}} if count else {"None": {}},
        "VisibilityConfig": visibility(f"{name}-{priority}"),
    }


def rate_limit(priority: int, limit: int = 2000, *, action: str = "Block") -> dict[str, Any]:
    """A per-IP rate-based rule (the client IP is the connecting address)."""
    return {
        "Name": "rate-limit-per-ip",
        "Priority": priority,
        "Statement": {"RateBasedStatement": {"Limit": limit, "AggregateKeyType": "IP"}},
        "Action": {action: {}},
        "VisibilityConfig": visibility("rate-limit-per-ip"),
    }


def ip_rule(name: str, priority: int, ip_set_arn: str, action: str) -> dict[str, Any]:
    """A rule matching an IP set."""
    return {
        "Name": name,
        "Priority": priority,
        "Statement": {"IPSetReferenceStatement": {"ARN": ip_set_arn}},
        "Action": {action: {}},
        "VisibilityConfig": visibility(name),
    }


GOLDEN_RULES = [
    managed("AWSManagedRulesAmazonIpReputationList", 0),
    managed("AWSManagedRulesCommonRuleSet", 1),
    managed("AWSManagedRulesKnownBadInputsRuleSet", 2),
    managed("AWSManagedRulesSQLiRuleSet", 3),
    rate_limit(4),
]
LEGACY_RULES = [
    managed("AWSManagedRulesCommonRuleSet", 0, count=True),
    managed(
        "AWSManagedRulesKnownBadInputsRuleSet",
        1,
        overrides=("Log4JRCE_HEADER", "Log4JRCE_QUERYSTRING", "Log4JRCE_BODY", "Log4JRCE_URIPATH"),
    ),
    managed("AWSManagedRulesLinuxRuleSet", 2),
    managed("AWSManagedRulesWindowsRuleSet", 3),
    managed("AWSManagedRulesPHPRuleSet", 4),
    managed("AWSManagedRulesWordPressRuleSet", 5),
    managed("AWSManagedRulesCommonRuleSet", 6, overrides=("SizeRestrictions_BODY",)),
    {
        "Name": "block-bad-bots",
        "Priority": 7,
        "Statement": {
            "ByteMatchStatement": {
                "SearchString": "BadBot",
                "FieldToMatch": {"SingleHeader": {"Name": "user-agent"}},
                "TextTransformations": [{"Priority": 0, "Type": "NONE"}],
                "PositionalConstraint": "CONTAINS",
            }
        },
        "Action": {"Block": {}},
        "VisibilityConfig": visibility("block-bad-bots", metrics=False),
    },
]
MONITOR_RULES = [
    managed("AWSManagedRulesCommonRuleSet", 0, count=True),
    managed("AWSManagedRulesKnownBadInputsRuleSet", 1, count=True),
    rate_limit(2, action="Count"),
]


def web_acl(
    estate: Estate,
    account: Account,
    name: str,
    rules: list[dict[str, Any]],
    *,
    scope: str = "CLOUDFRONT",
    region: str = US,
    logging: bool = False,
    description: str = "",
) -> str:
    """Create a web ACL (default action Allow) and, with ``logging``, its log configuration."""
    wafv2 = account.client("wafv2", region)
    arn = str(
        wafv2.create_web_acl(
            Name=name,
            Scope=scope,
            DefaultAction={"Allow": {}},
            Description=description or name,
            Rules=rules,
            VisibilityConfig=visibility(name),
            Tags=[{"Key": "Name", "Value": name}],
        )["Summary"]["ARN"]
    )
    if logging:
        group = f"aws-waf-logs-{name}"
        account.client("logs", region).create_log_group(logGroupName=group)
        destination = account.arn("logs", region, f"log-group:{group}")
        wafv2.put_logging_configuration(
            LoggingConfiguration={"ResourceArn": arn, "LogDestinationConfigs": [destination]}
        )
    estate.web_acls[name] = arn
    return arn


def ip_set(account: Account, region: str, name: str, addresses: list[str]) -> str:
    """A REGIONAL IPv4 IP set; its ARN."""
    created = account.client("wafv2", region).create_ip_set(
        Name=name, Scope="REGIONAL", IPAddressVersion="IPV4", Addresses=addresses
    )
    return str(created["Summary"]["ARN"])


def classic_web_acl(estate: Estate, account: Account) -> str:
    """The WAF Classic (global) ACL of the legacy site: block a list of abusive addresses."""
    waf = account.client("waf", US)

    def token() -> str:
        return str(waf.get_change_token()["ChangeToken"])

    addresses = waf.create_ip_set(Name="nw-legacy-blocklist", ChangeToken=token())["IPSet"]
    waf.update_ip_set(
        IPSetId=addresses["IPSetId"],
        ChangeToken=token(),
        Updates=[
            {"Action": "INSERT", "IPSetDescriptor": {"Type": "IPV4", "Value": cidr}}
            for cidr in ("203.0.113.0/24", "198.51.100.64/26")
        ],
    )
    rule = waf.create_rule(Name="nw-legacy-block", MetricName="nwlegacyblock", ChangeToken=token())
    rule_id = rule["Rule"]["RuleId"]
    waf.update_rule(
        RuleId=rule_id,
        ChangeToken=token(),
        Updates=[
            {
                "Action": "INSERT",
                "Predicate": {"Negated": False, "Type": "IPMatch", "DataId": addresses["IPSetId"]},
            }
        ],
    )
    acl = waf.create_web_acl(
        Name="nw-legacy-classic",
        MetricName="nwlegacyclassic",
        DefaultAction={"Type": "ALLOW"},
        ChangeToken=token(),
    )["WebACL"]
    waf.update_web_acl(
        WebACLId=acl["WebACLId"],
        ChangeToken=token(),
        Updates=[
            {
                "Action": "INSERT",
                "ActivatedRule": {"Priority": 1, "RuleId": rule_id, "Action": {"Type": "BLOCK"}},
            }
        ],
    )
    estate.classic_web_acl = str(acl["WebACLId"])
    return estate.classic_web_acl
