"""WAF Classic and WAF Classic Regional through the bridge: tokens, ACLs, rules, associations."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from tests.sandbox.conftest import ClientFactory

ALB = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188"
STAGE = "arn:aws:apigateway:eu-west-1::/restapis/a1b2c3/stages/prod"


def _code(caught: pytest.ExceptionInfo[ClientError]) -> str:
    return str(caught.value.response["Error"]["Code"])


def _token(waf: Any) -> str:
    return str(waf.get_change_token()["ChangeToken"])


def _blocking_acl(waf: Any, name: str) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """An IP set, a rule matching it and a web ACL blocking it (default allow)."""
    ip_set = waf.create_ip_set(Name=f"{name}-ips", ChangeToken=_token(waf))["IPSet"]
    waf.update_ip_set(
        IPSetId=ip_set["IPSetId"],
        ChangeToken=_token(waf),
        Updates=[
            {"Action": "INSERT", "IPSetDescriptor": {"Type": "IPV4", "Value": "203.0.113.0/24"}}
        ],
    )
    rule = waf.create_rule(Name=f"{name}-rule", MetricName="blocked", ChangeToken=_token(waf))
    rule_id = rule["Rule"]["RuleId"]
    predicate = {"Negated": False, "Type": "IPMatch", "DataId": ip_set["IPSetId"]}
    waf.update_rule(
        RuleId=rule_id,
        ChangeToken=_token(waf),
        Updates=[{"Action": "INSERT", "Predicate": predicate}],
    )
    created = waf.create_web_acl(
        Name=name, MetricName=name, DefaultAction={"Type": "ALLOW"}, ChangeToken=_token(waf)
    )
    acl = created["WebACL"]
    waf.update_web_acl(
        WebACLId=acl["WebACLId"],
        ChangeToken=_token(waf),
        Updates=[
            {
                "Action": "INSERT",
                "ActivatedRule": {"Priority": 1, "RuleId": rule_id, "Action": {"Type": "BLOCK"}},
            }
        ],
    )
    return ip_set, waf.get_rule(RuleId=rule_id)["Rule"], acl


@pytest.mark.parametrize(
    ("service", "region"), [("waf", "us-east-1"), ("waf-regional", "eu-west-1")]
)
def test_web_acl_with_a_rule(client: ClientFactory, service: str, region: str) -> None:
    waf = client(service, region)
    ip_set, rule, acl = _blocking_acl(waf, "legacy")
    partition_region = "" if service == "waf" else region
    assert acl["WebACLArn"] == (
        f"arn:aws:{service}:{partition_region}:123456789012:webacl/{acl['WebACLId']}"
    )
    assert rule["Predicates"] == [
        {"Negated": False, "Type": "IPMatch", "DataId": ip_set["IPSetId"]}
    ]
    got = waf.get_web_acl(WebACLId=acl["WebACLId"])["WebACL"]
    assert got["DefaultAction"] == {"Type": "ALLOW"}
    assert got["Rules"] == [
        {"Priority": 1, "RuleId": rule["RuleId"], "Action": {"Type": "BLOCK"}, "Type": "REGULAR"}
    ]
    assert waf.list_web_acls()["WebACLs"] == [{"WebACLId": acl["WebACLId"], "Name": "legacy"}]
    assert [r["RuleId"] for r in waf.list_rules()["Rules"]] == [rule["RuleId"]]
    assert waf.get_ip_set(IPSetId=ip_set["IPSetId"])["IPSet"]["IPSetDescriptors"] == [
        {"Type": "IPV4", "Value": "203.0.113.0/24"}
    ]
    assert [s["Name"] for s in waf.list_ip_sets()["IPSets"]] == ["legacy-ips"]


def test_change_tokens(client: ClientFactory) -> None:
    waf = client("waf")
    token = _token(waf)
    assert _token(waf) == token  # the pending token until a change uses it
    assert waf.get_change_token_status(ChangeToken=token)["ChangeTokenStatus"] == "PENDING"
    waf.create_web_acl(Name="a", MetricName="a", DefaultAction={"Type": "BLOCK"}, ChangeToken=token)
    assert waf.get_change_token_status(ChangeToken=token)["ChangeTokenStatus"] == "INSYNC"
    with pytest.raises(ClientError) as caught:
        waf.create_web_acl(
            Name="b", MetricName="b", DefaultAction={"Type": "BLOCK"}, ChangeToken=token
        )
    assert _code(caught) == "WAFStaleDataException"
    assert _token(waf) != token
    with pytest.raises(ClientError) as caught:
        waf.get_change_token_status(ChangeToken="never-issued")
    assert _code(caught) == "WAFNonexistentItemException"


def test_errors_pagination_and_deletion(client: ClientFactory) -> None:
    waf = client("waf")
    _, rule, acl = _blocking_acl(waf, "first")
    with pytest.raises(ClientError) as caught:
        waf.create_web_acl(
            Name="first", MetricName="x", DefaultAction={"Type": "ALLOW"}, ChangeToken=_token(waf)
        )
    assert _code(caught) == "WAFDuplicateItemException"
    for name in ("second", "third"):
        waf.create_web_acl(
            Name=name, MetricName=name, DefaultAction={"Type": "ALLOW"}, ChangeToken=_token(waf)
        )
    page = waf.list_web_acls(Limit=2)
    rest = waf.list_web_acls(Limit=2, NextMarker=page["NextMarker"])
    assert [a["Name"] for a in page["WebACLs"] + rest["WebACLs"]] == ["first", "second", "third"]
    assert "NextMarker" not in rest
    with pytest.raises(ClientError) as caught:
        waf.get_web_acl(WebACLId="00000000-0000-0000-0000-000000000000")
    assert _code(caught) == "WAFNonexistentItemException"
    with pytest.raises(ClientError) as caught:
        waf.delete_web_acl(WebACLId=acl["WebACLId"], ChangeToken=_token(waf))
    assert _code(caught) == "WAFNonEmptyEntityException"
    activated = {"Priority": 1, "RuleId": rule["RuleId"], "Action": {"Type": "BLOCK"}}
    waf.update_web_acl(
        WebACLId=acl["WebACLId"],
        ChangeToken=_token(waf),
        Updates=[{"Action": "DELETE", "ActivatedRule": activated}],
    )
    waf.delete_web_acl(WebACLId=acl["WebACLId"], ChangeToken=_token(waf))
    with pytest.raises(ClientError) as caught:
        waf.delete_rule(RuleId=rule["RuleId"], ChangeToken=_token(waf))
    assert _code(caught) == "WAFNonEmptyEntityException"
    with pytest.raises(ClientError) as caught:
        waf.update_rule(
            RuleId=rule["RuleId"],
            ChangeToken=_token(waf),
            Updates=[
                {
                    "Action": "INSERT",
                    "Predicate": {"Negated": False, "Type": "SqlInjectionMatch", "DataId": "x"},
                }
            ],
        )
    assert _code(caught) == "WAFNonexistentItemException"


def test_regional_associations(client: ClientFactory) -> None:
    waf = client("waf-regional", "eu-west-1")
    _, _, acl = _blocking_acl(waf, "regional")
    acl_id = acl["WebACLId"]
    waf.associate_web_acl(WebACLId=acl_id, ResourceArn=ALB)
    waf.associate_web_acl(WebACLId=acl_id, ResourceArn=STAGE)
    assert waf.list_resources_for_web_acl(WebACLId=acl_id)["ResourceArns"] == [ALB]
    listed = waf.list_resources_for_web_acl(WebACLId=acl_id, ResourceType="API_GATEWAY")
    assert listed["ResourceArns"] == [STAGE]
    summary = waf.get_web_acl_for_resource(ResourceArn=ALB)["WebACLSummary"]
    assert summary == {"WebACLId": acl_id, "Name": "regional"}
    waf.disassociate_web_acl(ResourceArn=ALB)
    assert "WebACLSummary" not in waf.get_web_acl_for_resource(ResourceArn=ALB)
    with pytest.raises(ClientError) as caught:
        waf.associate_web_acl(WebACLId=acl_id, ResourceArn="arn:aws:s3:::bucket")
    assert _code(caught) == "WAFInvalidParameterException"
    other_region = client("waf-regional", "us-east-1")
    assert other_region.list_web_acls()["WebACLs"] == []


def test_the_collectors_read_the_bridge(client: ClientFactory) -> None:
    from edgekit.aws.session import SessionSpec
    from edgekit.collect.api import collect

    _, _, global_acl = _blocking_acl(client("waf"), "cdn-legacy")
    regional = client("waf-regional", "eu-west-1")
    _, _, regional_acl = _blocking_acl(regional, "alb-legacy")
    regional.associate_web_acl(WebACLId=regional_acl["WebACLId"], ResourceArn=ALB)
    result = collect(SessionSpec(), regions=["eu-west-1"], collectors=["waf", "waf-regional"])
    assert result.failed_units == 0 and result.snapshot.gaps == []
    by_collector = {p["collector"]: p["data"] for p in result.snapshot.payloads}
    (classic,) = by_collector["waf"]["web_acls"]
    assert classic["WebACL"]["WebACLId"] == global_acl["WebACLId"]
    assert "ResourceArns" not in classic
    (entry,) = by_collector["waf-regional"]["web_acls"]
    assert entry["WebACL"]["Name"] == "alb-legacy" and entry["ResourceArns"] == [ALB]
