"""Error paths shared by the collectors: throttling, failed units, pagination edges, denials.

botocore's Stubber answers at ``before-call``, i.e. *before* the retry loop, so a stubbed
throttling error is never retried. Throttling is therefore injected one level lower, at
``before-send`` (inside the retry loop, where the wire response would arrive), while pagination
and denial edges use the Stubber on the unit's own client.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boto3
import botocore.retries.bucket
import botocore.retries.standard
import pytest
from botocore.awsrequest import AWSResponse
from botocore.stub import Stubber

from edgekit.aws.session import ClientHook, SessionSpec
from edgekit.collect import registry
from edgekit.collect.api import collect
from edgekit.collect.base import Outcome, UnitContext
from tests import shapes
from tests.collect.builders import ACCOUNT, fail, network, run

R = "eu-west-1"


@pytest.fixture
def no_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    """Retries without sleeping: no backoff delay, no adaptive rate-limiter wait.

    The retry decisions themselves (what is retried, how often) are unchanged.
    """
    monkeypatch.setattr(
        botocore.retries.standard.ExponentialBackoff, "delay_amount", lambda self, ctx: 0
    )
    monkeypatch.setattr(botocore.retries.bucket.TokenBucket, "acquire", lambda self, *a, **k: True)


class _Body:
    def __init__(self, body: bytes) -> None:
        self._body = body

    def stream(self, **_: Any) -> Iterator[bytes]:
        yield self._body


def throttle(operation: str, times: int, attempts: list[str]) -> ClientHook:
    """Answer the first ``times`` wire attempts of ``operation`` with a JSON ThrottlingException."""

    def hook(client: Any) -> None:
        def before_send(request: Any, **_: Any) -> AWSResponse | None:
            target = request.headers.get("X-Amz-Target", b"")
            name = target.decode() if isinstance(target, bytes) else str(target)
            if not name.endswith("." + operation):
                return None
            attempts.append(operation)
            if len(attempts) > times:
                return None  # let moto answer
            body = b'{"__type": "ThrottlingException", "message": "Rate exceeded"}'
            headers = {"x-amzn-errortype": "ThrottlingException"}
            return AWSResponse(request.url, 400, headers, _Body(body))

        client.meta.events.register_first("before-send.*", before_send)

    return hook


def test_throttling_is_retried_then_succeeds(moto_aws: None, no_backoff: None) -> None:
    boto3.client("acm", region_name=R).request_certificate(DomainName="example.com")
    attempts: list[str] = []
    res = run("acm", R, throttle("ListCertificates", 2, attempts))
    assert res.error is None and res.gaps == []
    assert res.data is not None and len(res.data["certificates"]) == 1
    assert attempts == ["ListCertificates"] * 3  # two throttled, the third answered
    assert res.calls[("acm", "ListCertificates")] == 1  # counted once per call, not per attempt


def test_throttling_beyond_max_attempts_fails_only_that_unit(
    moto_aws: None, no_backoff: None
) -> None:
    attempts: list[str] = []
    res = run("acm", R, throttle("ListCertificates", 100, attempts))
    assert res.data is None and res.error is not None
    assert res.error["error_code"] == "ThrottlingException"
    assert res.error["operation"] == "ListCertificates"
    assert len(attempts) == SessionSpec().max_attempts


def _only_in(region: str, hook: ClientHook) -> ClientHook:
    def scoped(client: Any) -> None:
        if client.meta.region_name == region:
            hook(client)

    return scoped


def test_non_denial_error_fails_only_that_unit(moto_aws: None) -> None:
    _, subnets = network("us-east-1")
    boto3.client("elbv2", region_name="us-east-1").create_load_balancer(Name="a", Subnets=subnets)
    broken = _only_in(R, fail("DescribeLoadBalancers", "ValidationError"))
    result = collect(
        SessionSpec(),
        regions=[R, "us-east-1"],
        collectors=["elbv2", "route53", "acm"],
        hooks=(broken,),
        progress=False,
    )
    snap = result.snapshot
    assert result.failed_units == 1 and result.units == 5
    assert [
        (e["account_id"], e["region"], e["collector"], e["operation"], e["error_code"])
        for e in snap.errors
    ] == [(ACCOUNT, R, "elbv2", "DescribeLoadBalancers", "ValidationError")]
    assert snap.gaps == []
    assert sorted((p["region"], p["collector"]) for p in snap.payloads) == [
        (R, "acm"),
        ("global", "route53"),
        ("us-east-1", "acm"),
        ("us-east-1", "elbv2"),
    ]
    elbv2 = snap.payload(ACCOUNT, "us-east-1", "elbv2")
    assert elbv2 is not None and len(elbv2["load_balancers"]) == 1


def _context(collector: str = "test") -> UnitContext:
    return UnitContext(
        collector=collector,
        account_id=ACCOUNT,
        region=R,
        api_region=R,
        partition="aws",
        session_spec=registry.guarded(SessionSpec()),
    )


def test_pages_follows_next_marker_over_several_pages() -> None:
    ctx = _context()
    waf = ctx.client("wafv2")
    pages = [(["a", "b"], "m1"), (["c"], "m2"), (["d"], None)]
    with Stubber(waf) as stub:
        marker = None
        for names, nxt in pages:
            expected = {
                "Scope": "REGIONAL",
                "Limit": 100,
                **({"NextMarker": marker} if marker else {}),
            }
            response: dict[str, Any] = {"IPSets": [{"Name": n, "Id": n} for n in names]}
            if nxt:
                response["NextMarker"] = nxt
            stub.add_response("list_ip_sets", response, expected)
            marker = nxt
        got = ctx.pages(
            waf,
            "list_ip_sets",
            input_token="NextMarker",
            output_token="NextMarker",
            Scope="REGIONAL",
            Limit=100,
        )
        assert not isinstance(got, Outcome)
        assert [s["Name"] for page in got for s in page["IPSets"]] == ["a", "b", "c", "d"]
        stub.assert_no_pending_responses()
    assert ctx.recorder.counts() == {("wafv2", "ListIPSets"): 3}


def test_paginate_collects_every_page() -> None:
    ctx = _context()
    elb = ctx.client("elbv2")
    lb = {"LoadBalancerArn": f"arn:aws:elasticloadbalancing:{R}:{ACCOUNT}:loadbalancer/app/x/1"}
    with Stubber(elb) as stub:
        stub.add_response(
            "describe_load_balancers", {"LoadBalancers": [lb], "NextMarker": "p2"}, {}
        )
        stub.add_response(
            "describe_load_balancers",
            {"LoadBalancers": [lb, lb], "NextMarker": "p3"},
            {"Marker": "p2"},
        )
        stub.add_response("describe_load_balancers", {"LoadBalancers": [lb]}, {"Marker": "p3"})
        got = ctx.paginate(elb, "describe_load_balancers", "LoadBalancers")
        stub.assert_no_pending_responses()
    assert got == [lb] * 4


def test_paginate_denied_on_a_later_page_is_a_gap_not_a_partial_list() -> None:
    ctx = _context()
    elb = ctx.client("elbv2")
    with Stubber(elb) as stub:
        stub.add_response("describe_target_groups", {"TargetGroups": [], "NextMarker": "p2"})
        stub.add_client_error("describe_target_groups", "AccessDenied", "no", http_status_code=403)
        assert ctx.paginate(elb, "describe_target_groups", "TargetGroups") is Outcome.DENIED
    assert [(g.operation, g.error_code, g.region) for g in ctx.gaps] == [
        ("DescribeTargetGroups", "AccessDenied", R)
    ]


def test_pages_denied_on_the_first_page() -> None:
    ctx = _context()
    waf = ctx.client("wafv2")
    with Stubber(waf) as stub:
        stub.add_client_error(
            "list_web_acls", "WAFAccessDeniedException", "no", http_status_code=400
        )
        got = ctx.pages(
            waf,
            "list_web_acls",
            input_token="NextMarker",
            output_token="NextMarker",
            Scope="REGIONAL",
        )
    assert got is Outcome.DENIED
    assert [g.error_code for g in ctx.gaps] == ["WAFAccessDeniedException"]


def test_collector_paginates_every_listing_with_a_stubbed_client() -> None:
    """route53 over several pages of zones, records and query logging configs (Stubber only)."""
    zone = {"Id": "/hostedzone/Z{}", "Name": "z{}.example.com.", "CallerReference": "r"}
    zones = [{k: v.format(i) for k, v in zone.items()} for i in (1, 2)]

    def record(name: str) -> dict[str, Any]:
        return {"Name": name, "Type": "A", "TTL": 60, "ResourceRecords": [{"Value": "192.0.2.1"}]}

    def qlc(i: int) -> dict[str, Any]:
        return {"Id": f"q{i}", "HostedZoneId": "Z1", "CloudWatchLogsLogGroupArn": f"arn:x:{i}"}

    def stub(client: Any) -> None:
        s = Stubber(client)
        page = {"IsTruncated": False, "MaxItems": "100", "Marker": ""}
        s.add_response(
            "list_hosted_zones",
            {**page, "HostedZones": [zones[0]], "IsTruncated": True, "NextMarker": "Z2"},
        )
        s.add_response("list_hosted_zones", {**page, "HostedZones": [zones[1]]}, {"Marker": "Z2"})
        rr = {"IsTruncated": False, "MaxItems": "300"}
        s.add_response(
            "list_resource_record_sets",
            {
                **rr,
                "ResourceRecordSets": [record("a.")],
                "IsTruncated": True,
                "NextRecordName": "b.",
                "NextRecordType": "A",
            },
        )
        s.add_response("list_resource_record_sets", {**rr, "ResourceRecordSets": [record("b.")]})
        s.add_response("list_resource_record_sets", {**rr, "ResourceRecordSets": [record("c.")]})
        s.add_response(
            "list_query_logging_configs", {"QueryLoggingConfigs": [qlc(1)], "NextToken": "t"}
        )
        s.add_response(
            "list_query_logging_configs", {"QueryLoggingConfigs": [qlc(2)]}, {"NextToken": "t"}
        )
        s.activate()

    res = run("route53", "global", stub)
    assert res.error is None and res.gaps == [] and res.data is not None
    got = {
        z["HostedZone"]["Id"]: [r["Name"] for r in z["ResourceRecordSets"]]
        for z in res.data["hosted_zones"]
    }
    assert got == {"/hostedzone/Z1": ["a.", "b."], "/hostedzone/Z2": ["c."]}
    assert [c["Id"] for c in res.data["query_logging_configs"]] == ["q1", "q2"]


def test_collectors_are_registered_in_order() -> None:
    ids = [spec.id for spec in registry.ALL]
    assert ids[:5] == ["cloudfront", "wafv2", "elbv2", "route53", "acm"]
    for spec in registry.ALL[1:5]:
        assert spec.actions and len(set(spec.actions)) == len(spec.actions)
        assert all(
            (":" in a and a.split(":")[1][:1].isupper()) or a == "apigateway:GET"
            for a in spec.actions
        )


def test_shape_validator_reports_unknown_members_and_type_mismatches() -> None:
    """The validator the collector tests rely on is not silently permissive."""
    shape = shapes.shape_at("elbv2", "DescribeLoadBalancers", "LoadBalancers[]")
    good = {
        "LoadBalancerArn": "arn",
        "CreatedTime": "2024-01-01T00:00:00Z",
        "State": {"Code": "active"},
        "AvailabilityZones": [{"ZoneName": "eu-west-1a"}],
    }
    assert shapes.errors(good, shape, form="json") == []
    bad = {
        **good,
        "Bogus": 1,
        "CreatedTime": "yesterday",
        "State": {"Code": "sleeping"},
        "AvailabilityZones": {"ZoneName": "x"},
        "DNSName": None,
    }
    problems = shapes.errors(bad, shape, form="json")
    assert len(problems) == 5, problems
    assert any("unknown member 'Bogus'" in p for p in problems)
    pem = shapes.shape_at("acm", "GetCertificate", "Certificate")  # a string
    assert (
        shapes.errors(True, pem, form="json") != []
        and shapes.errors("-----BEGIN", pem, form="json") == []
    )
    with pytest.raises(KeyError):
        shapes.shape_at("elbv2", "DescribeLoadBalancers", "Nope")
