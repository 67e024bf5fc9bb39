"""WAFv2: web ACLs, the statement tree, actions, logging/associations unknown vs none."""

from __future__ import annotations

import pytest

from edgekit.errors import ModelError
from edgekit.model import NOT_COLLECTED, Inventory, WebACL
from edgekit.model.wafv2.statements import (
    AndStatement,
    ByteMatchStatement,
    GeoMatchStatement,
    IPSetReferenceStatement,
    LabelMatchStatement,
    ManagedRuleGroupStatement,
    NotStatement,
    OrStatement,
    RateBasedStatement,
    RegexMatchStatement,
    RegexPatternSetReferenceStatement,
    RuleGroupReferenceStatement,
    SizeConstraintStatement,
    SqliMatchStatement,
    UnknownStatement,
    XssMatchStatement,
)
from tests.model import estates
from tests.model import factories as f
from tests.model.factories import parse_strict


def _acl(inv: Inventory, name: str) -> WebACL:
    return next(a for a in inv.web_acls if a.name == name)


def _parse_acl(entry: dict[str, object], *, region: str = "us-east-1") -> WebACL:
    inv = parse_strict(f.snapshot(f.payload("wafv2", {"web_acls": [entry]}, region=region)))
    return inv.web_acls[0]


def test_web_acl_fields(rich: Inventory) -> None:
    edge = _acl(rich, "edge-acl")
    assert (edge.scope, edge.region, edge.account_id, edge.id) == (
        "CLOUDFRONT",
        "global",
        f.ACCOUNT,
        estates.EDGE_ACL_ID,
    )
    assert edge.arn.startswith("arn:aws:wafv2:us-east-1:111111111111:global/webacl/edge-acl/")
    assert edge.default_action is not NOT_COLLECTED and edge.default_action.kind == "Allow"
    assert edge.visibility_config is not NOT_COLLECTED
    assert edge.visibility_config.cloudwatch_metrics_enabled
    assert (edge.capacity, edge.managed_by_firewall_manager, edge.from_summary) == (
        1200,
        False,
        False,
    )
    assert edge.description == "edge-acl web ACL" and edge.label_namespace
    assert edge.rules is not NOT_COLLECTED
    assert [r.name for r in edge.rules] == ["common", "bad-inputs", "ip-reputation", "rate-login"]
    regional = _acl(rich, "alb-acl")
    assert (regional.scope, regional.region) == ("REGIONAL", "us-east-1")
    assert regional.default_action is not NOT_COLLECTED
    assert regional.default_action.kind == "Block" and regional.default_action.terminating


def test_rules_are_sorted_by_priority() -> None:
    acl = f.web_acl(rules=[f.rule("b", 5, f.xss()), f.rule("a", 1, f.sqli())])
    parsed = _parse_acl(f.web_acl_entry(acl))
    assert parsed.rules is not NOT_COLLECTED
    assert [r.priority for r in parsed.rules] == [1, 5]


def test_managed_group_rule(rich: Inventory) -> None:
    edge = _acl(rich, "edge-acl")
    assert edge.rules is not NOT_COLLECTED
    common, _, reputation, rate = edge.rules
    assert common.is_rule_group and common.action is None and common.override_action == "None"
    assert not common.counts_only and reputation.counts_only
    stmt = common.statement
    assert isinstance(stmt, ManagedRuleGroupStatement)
    assert (stmt.vendor_name, stmt.name, stmt.version) == (
        "AWS",
        "AWSManagedRulesCommonRuleSet",
        "Version_1.12",
    )
    (override,) = stmt.rule_action_overrides
    assert (override.name, override.action.kind) == ("SizeRestrictions_BODY", "Count")
    managed = edge.managed_rule_groups()
    assert managed is not NOT_COLLECTED
    assert [m.name for m in managed] == [
        "AWSManagedRulesCommonRuleSet",
        "AWSManagedRulesKnownBadInputsRuleSet",
        "AWSManagedRulesAmazonIpReputationList",
    ]
    assert not rate.is_rule_group and rate.action is not None and rate.action.kind == "Block"


def test_excluded_rules_scope_down_and_configs() -> None:
    stmt = f.managed_group(
        "AWSManagedRulesATPRuleSet",
        excluded=["UnsupportedCognitoIDP"],
        scope_down=f.byte_match(b"/login"),
    )
    stmt["ManagedRuleGroupStatement"]["ManagedRuleGroupConfigs"] = [
        {"AWSManagedRulesATPRuleSet": {"LoginPath": "/login"}}
    ]
    acl = _parse_acl(f.web_acl_entry(f.web_acl(rules=[f.rule("atp", 0, stmt, override="Count")])))
    assert acl.rules is not NOT_COLLECTED
    mrg = acl.rules[0].statement
    assert isinstance(mrg, ManagedRuleGroupStatement)
    assert mrg.excluded_rules == ("UnsupportedCognitoIDP",)
    assert isinstance(mrg.scope_down_statement, ByteMatchStatement)
    assert mrg.managed_rule_group_configs[0]["AWSManagedRulesATPRuleSet"]["LoginPath"] == "/login"
    assert acl.rules[0].counts_only
    assert [s.kind for s in mrg.walk()] == ["ManagedRuleGroupStatement", "ByteMatchStatement"]


def test_rate_based_with_scope_down_is_found_nested(rich: Inventory) -> None:
    edge = _acl(rich, "edge-acl")
    statements = edge.statements()
    assert statements is not NOT_COLLECTED
    (rate,) = [s for s in statements if isinstance(s, RateBasedStatement)]
    assert (rate.limit, rate.aggregate_key_type, rate.evaluation_window_sec) == (2000, "IP", 300)
    assert rate.forwarded_ip_config is None
    scope_down = rate.scope_down_statement
    assert isinstance(scope_down, ByteMatchStatement)
    assert scope_down.search_string == b"/login"
    assert scope_down.positional_constraint == "STARTS_WITH"
    assert scope_down.field_to_match.kind == "UriPath"
    assert scope_down.text_transformations[0].type == "NONE"


def test_every_statement_type(rich: Inventory) -> None:
    acl = _acl(rich, "alb-acl")
    assert acl.rules is not NOT_COLLECTED
    office, geo, bots, custom, sqli = acl.rules
    assert isinstance(office.statement, IPSetReferenceStatement)
    assert office.statement.forwarded_ip_config is None
    assert office.action is not None and office.action.kind == "Allow"
    assert isinstance(geo.statement, GeoMatchStatement)
    assert geo.statement.country_codes == ("KP", "IR")
    assert geo.statement.forwarded_ip_config is not None
    assert geo.statement.forwarded_ip_config.header_name == "X-Forwarded-For"
    assert isinstance(bots.statement, RegexPatternSetReferenceStatement)
    assert bots.statement.field_to_match.kind == "SingleHeader"
    assert bots.statement.field_to_match.name == "user-agent"
    assert not bots.visibility_config.cloudwatch_metrics_enabled and bots.counts_only
    assert isinstance(custom.statement, RuleGroupReferenceStatement)
    assert custom.statement.arn.endswith("/rulegroup/custom-rules/f3")
    assert isinstance(sqli.statement, OrStatement)
    kinds = [type(s) for s in sqli.statement.statements]
    assert kinds == [SqliMatchStatement, XssMatchStatement, SizeConstraintStatement]
    sql, _, size = sqli.statement.statements
    assert isinstance(sql, SqliMatchStatement) and sql.sensitivity_level == "HIGH"
    assert sql.field_to_match.kind == "Body"
    assert sql.field_to_match.options["OversizeHandling"] == "CONTINUE"
    assert isinstance(size, SizeConstraintStatement)
    assert (size.comparison_operator, size.size) == ("GT", 8192)


def test_nested_and_not_label_regex_and_forwarded_ip_set() -> None:
    ipset = "arn:aws:wafv2:us-east-1:111111111111:regional/ipset/x/1"
    tree = f.and_(
        f.not_(f.ip_set_ref(ipset, f.forwarded("X-Real-IP", "FIRST"))),
        f.label_match("awswaf:managed:aws:bot-control:bot:verified"),
        f.regex_match("^/admin"),
        f.rate_based(100, key="FORWARDED_IP", fwd=f.forwarded()),
    )
    acl = _parse_acl(f.web_acl_entry(f.web_acl(rules=[f.rule("combo", 0, tree)])))
    assert acl.rules is not NOT_COLLECTED
    root = acl.rules[0].statement
    assert isinstance(root, AndStatement) and len(root.children()) == 4
    neg = root.statements[0]
    assert isinstance(neg, NotStatement) and isinstance(neg.statement, IPSetReferenceStatement)
    fwd = neg.statement.forwarded_ip_config
    assert fwd is not None and (fwd.header_name, fwd.position) == ("X-Real-IP", "FIRST")
    assert root.find(LabelMatchStatement)[0].key.endswith("bot:verified")
    assert root.find(RegexMatchStatement)[0].regex_string == "^/admin"
    (rate,) = root.find(RateBasedStatement)
    assert rate.aggregate_key_type == "FORWARDED_IP" and rate.forwarded_ip_config is not None
    assert len(list(root.walk())) == 6


def test_equal_statements_compare_equal_and_hash() -> None:
    acl = f.web_acl(
        rules=[f.rule("a", 0, f.byte_match(b"/x")), f.rule("b", 1, f.byte_match(b"/x"))]
    )
    parsed = _parse_acl(f.web_acl_entry(acl))
    assert parsed.rules is not NOT_COLLECTED
    a, b = parsed.rules
    assert a.statement == b.statement and hash(a.statement) == hash(b.statement)


def test_unknown_statement_type_is_kept() -> None:
    stmt = {"FutureMatchStatement": {"Foo": ["bar"]}}
    acl = _parse_acl(f.web_acl_entry(f.web_acl(rules=[f.rule("future", 0, stmt)])))
    assert acl.rules is not NOT_COLLECTED
    parsed = acl.rules[0].statement
    assert isinstance(parsed, UnknownStatement)
    assert parsed.kind == "FutureMatchStatement" and parsed.body["Foo"] == ("bar",)


def test_firewall_manager_groups() -> None:
    acl = f.web_acl(
        rules=[],
        managed_by_fms=True,
        fms_pre=[f.fms_group("fms-pre", 0, f.managed_group("AWSManagedRulesCommonRuleSet"))],
        fms_post=[f.fms_group("fms-post", 1, f.group_ref("arn:rg"), override="Count")],
    )
    parsed = _parse_acl(f.web_acl_entry(acl))
    groups = parsed.firewall_manager_rule_groups
    assert groups is not NOT_COLLECTED
    assert [(g.name, g.override_action) for g in groups] == [
        ("fms-pre", "None"),
        ("fms-post", "Count"),
    ]
    assert parsed.managed_by_firewall_manager is True and parsed.rules == ()
    managed = parsed.managed_rule_groups()
    assert managed is not NOT_COLLECTED and managed[0].name == "AWSManagedRulesCommonRuleSet"


def test_logging_unknown_versus_none(rich: Inventory, partial: Inventory) -> None:
    edge = _acl(rich, "edge-acl")
    assert edge.logging is not NOT_COLLECTED and edge.logging is not None
    log = edge.logging
    assert log.log_destination_configs[0].startswith("arn:aws:firehose:")
    assert log.redacted_fields[0].kind == "SingleHeader"
    assert (log.log_type, log.log_scope, log.managed_by_firewall_manager) == (
        "WAF_LOGS",
        "CUSTOMER",
        False,
    )
    assert _acl(rich, "alb-acl").logging is None  # collected: no logging
    assert _acl(partial, "summary-acl").logging is NOT_COLLECTED  # denied
    with pytest.raises(TypeError):
        bool(_acl(partial, "summary-acl").logging)


def test_resource_arns_and_associations(rich: Inventory, partial: Inventory) -> None:
    alb_arn = f.lb_arn("web-alb")
    regional = _acl(rich, "alb-acl")
    assert regional.resource_arns == (alb_arn,)
    assert rich.waf.web_acl_associations(regional) == (alb_arn,)
    edge = _acl(rich, "edge-acl")
    assert edge.resource_arns is NOT_COLLECTED  # CLOUDFRONT scope: not in the payload
    assert rich.waf.web_acl_associations(edge) == (
        f"arn:aws:cloudfront::{f.ACCOUNT}:distribution/E1MAINDIST",
        f"arn:aws:cloudfront::{f.ACCOUNT}:distribution/E3VPCORIGIN",
    )
    denied = _acl(partial, "regional-acl")
    assert denied.resource_arns is NOT_COLLECTED
    assert partial.waf.web_acl_associations(denied) is NOT_COLLECTED
    # CLOUDFRONT ACL whose account's distributions are known (summary carries WebACLId)
    summary_acl = _acl(partial, "summary-acl")
    assert partial.waf.web_acl_associations(summary_acl) == (
        f"arn:aws:cloudfront::{f.ACCOUNT_B}:distribution/E9SUMMARY",
    )


def test_web_acl_for_resource(rich: Inventory, partial: Inventory, multi: Inventory) -> None:
    alb_arn = f.lb_arn("web-alb")
    found = rich.waf.web_acl_for_resource(alb_arn)
    assert isinstance(found, WebACL) and found.name == "alb-acl"
    assert rich.waf.web_acl_for_resource(f.lb_arn("static-nlb", "network")) is None
    main = f"arn:aws:cloudfront::{f.ACCOUNT}:distribution/E1MAINDIST"
    by_dist = rich.waf.web_acl_for_resource(main)
    assert isinstance(by_dist, WebACL) and by_dist.name == "edge-acl"
    assert (
        rich.waf.web_acl_for_resource(f"arn:aws:cloudfront::{f.ACCOUNT}:distribution/E2LEGACY")
        is None
    )
    # associations of the region unknown → NOT_COLLECTED, never None
    denied_alb = f.lb_arn("denied-alb", account=f.ACCOUNT_B)
    assert partial.waf.web_acl_for_resource(denied_alb) is NOT_COLLECTED
    # region whose wafv2 unit was not collected at all
    other = f.lb_arn("x", region="ap-south-1")
    assert rich.waf.web_acl_for_resource(other) is NOT_COLLECTED
    # the summary ACL exists but its rules are unknown
    summary_dist = f"arn:aws:cloudfront::{f.ACCOUNT_B}:distribution/E9SUMMARY"
    acl = partial.waf.web_acl_for_resource(summary_dist)
    assert isinstance(acl, WebACL) and acl.from_summary
    assert multi.waf.web_acl_for_resource(f.lb_arn("shared-alb", account=f.ACCOUNT_B)) is not None


def test_web_acl_summary_fallback(partial: Inventory) -> None:
    acl = _acl(partial, "summary-acl")
    assert acl.from_summary and acl.arn.endswith(
        "/summary-acl/e0000000-0000-4000-8000-00000000000b"
    )
    for name in (
        "default_action",
        "visibility_config",
        "rules",
        "capacity",
        "managed_by_firewall_manager",
        "pre_process_firewall_manager_rule_groups",
    ):
        assert getattr(acl, name) is NOT_COLLECTED, name
    assert acl.statements() is NOT_COLLECTED and acl.managed_rule_groups() is NOT_COLLECTED
    assert acl.firewall_manager_rule_groups is NOT_COLLECTED


def test_web_acl_lookup(rich: Inventory) -> None:
    edge = _acl(rich, "edge-acl")
    assert rich.waf.web_acl(edge.arn) == edge
    missing = edge.arn.replace("edge-acl", "gone")
    assert rich.waf.web_acl(missing) is None
    assert rich.waf.web_acl("a1b2c3d4-classic-id") is None  # WAF Classic (global) was collected
    other_account = edge.arn.replace(f.ACCOUNT, "999999999999")
    assert rich.waf.web_acl(other_account) is NOT_COLLECTED


def test_ip_sets_regex_sets_rule_groups(rich: Inventory) -> None:
    (ips,) = rich.ip_sets
    assert (ips.name, ips.ip_address_version, ips.addresses, ips.scope) == (
        "office",
        "IPV4",
        ("198.51.100.0/24",),
        "REGIONAL",
    )
    assert rich.waf.ip_set(ips.arn) == ips
    (regex,) = rich.regex_pattern_sets
    assert regex.regular_expressions == ("(?i)badbot", "(?i)scrapy")
    assert rich.waf.regex_pattern_set(regex.arn) == regex
    (group,) = rich.rule_groups
    assert (group.name, group.capacity, group.visibility_config.metric_name) == (
        "custom-rules",
        50,
        "custom-rules",
    )
    stmt = group.rules[0].statement
    assert isinstance(stmt, AndStatement)
    assert rich.waf.rule_group(group.arn) == group
    assert rich.waf.ip_set(ips.arn.replace("office", "nope")) is None


def test_scope_from_region_when_missing() -> None:
    acl = f.web_acl(scope="CLOUDFRONT")
    inv = parse_strict(f.snapshot(f.payload("wafv2", {"web_acls": [f.web_acl_entry(acl)]})))
    assert inv.web_acls[0].scope == "CLOUDFRONT"


def test_waf_model_errors() -> None:
    acl = f.web_acl(rules=[f.rule("bad", 0, {"ByteMatchStatement": None})])
    with pytest.raises(
        ModelError, match=r"missing field 'WebACL\.Rules\[0\]\.Statement\.<statement"
    ):
        _parse_acl(f.web_acl_entry(acl))
    acl = f.web_acl(rules=[f.rule("bad", 0, f.byte_match(b"x"))])
    acl["Rules"][0]["Statement"]["ByteMatchStatement"]["SearchString"] = "not base64!"
    with pytest.raises(ModelError, match="SearchString' is not base64"):
        _parse_acl(f.web_acl_entry(acl))
    acl = f.web_acl()
    del acl["DefaultAction"]
    with pytest.raises(ModelError) as err:
        _parse_acl(f.web_acl_entry(acl))
    assert str(err.value) == (
        "wafv2 payload (111111111111/us-east-1): web ACL a1b2c3d4-0000-0000-0000-000000000001: "
        "missing field 'WebACL.DefaultAction'"
    )
