"""Responses that do not conform to their output shape are retried, then fail the call."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from botocore.awsrequest import AWSResponse

from edgekit.aws.conform import MalformedResponseError, raw_problem
from edgekit.aws.session import SessionSpec
from edgekit.collect.registry import declared_actions

SPEC = SessionSpec(endpoint_url="http://127.0.0.1:9", max_attempts=3).allowing(declared_actions())


class _Raw:
    """Enough of a urllib3 response for botocore's AWSResponse."""

    def __init__(self, body: bytes) -> None:
        self._body = body

    def stream(self, *_: Any, **__: Any) -> Iterator[bytes]:
        yield self._body


def _serve(client: Any, bodies: list[bytes], status: int = 200) -> list[str]:
    """Answer the client's requests with ``bodies`` in turn (nothing is sent anywhere)."""
    sent: list[str] = []

    def on_send(request: Any, **_: Any) -> AWSResponse:
        body = bodies[min(len(sent), len(bodies) - 1)]
        sent.append(request.url)
        return AWSResponse(request.url, status, {}, _Raw(body))  # type: ignore[arg-type]

    client.meta.events.register("before-send.*.*", on_send)
    return sent


WAF_OK = b'{"WebACLs": [{"Name": "a", "Id": "1", "ARN": "arn:x"}]}'
ELB_OK = (
    b'<DescribeLoadBalancersResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/'
    b'2015-12-01/"><DescribeLoadBalancersResult><LoadBalancers/></DescribeLoadBalancersResult>'
    b"</DescribeLoadBalancersResponse>"
)
CF_OK = (
    b'<?xml version="1.0"?><DistributionList xmlns="http://cloudfront.amazonaws.com/doc/'
    b'2020-05-31/"><Marker></Marker><MaxItems>100</MaxItems><IsTruncated>false</IsTruncated>'
    b"<Quantity>0</Quantity></DistributionList>"
)


@pytest.mark.parametrize(
    "bad",
    [b"", b"<html>502 Bad Gateway</html>", WAF_OK[:20], b'{"WebACLs": "oops"}', b"[1, 2]"],
)
def test_json_protocol_broken_body_fails_after_retries(bad: bytes) -> None:
    waf = SPEC.client("wafv2", "us-east-1")
    sent = _serve(waf, [bad])
    with pytest.raises(MalformedResponseError, match="wafv2:ListWebACLs"):
        waf.list_web_acls(Scope="REGIONAL")
    assert len(sent) == 3  # every attempt was used


def test_a_broken_body_then_a_good_one_is_retried_to_the_data() -> None:
    waf = SPEC.client("wafv2", "us-east-1")
    sent = _serve(waf, [b"", b"garbled{", WAF_OK])
    got = waf.list_web_acls(Scope="REGIONAL")
    assert [a["Name"] for a in got["WebACLs"]] == ["a"] and len(sent) == 3
    assert "EdgekitMalformed" not in got


def test_an_empty_json_object_is_legal_absent_members_stay_optional() -> None:
    waf = SPEC.client("wafv2", "us-east-1")
    _serve(waf, [b"{}"])
    assert "WebACLs" not in waf.list_web_acls(Scope="REGIONAL")


@pytest.mark.parametrize("bad", [b"", ELB_OK[:60], b"<Other/>", b"not xml"])
def test_query_protocol_broken_body_fails(bad: bytes) -> None:
    elb = SPEC.client("elbv2", "eu-west-1")
    _serve(elb, [bad])
    with pytest.raises(MalformedResponseError, match="DescribeLoadBalancers"):
        elb.describe_load_balancers()


def test_query_protocol_good_body_passes() -> None:
    elb = SPEC.client("elbv2", "eu-west-1")
    _serve(elb, [ELB_OK])
    assert elb.describe_load_balancers()["LoadBalancers"] == []


@pytest.mark.parametrize("bad", [b"", CF_OK[:80]])
def test_rest_xml_empty_or_truncated_body_fails(bad: bytes) -> None:
    cf = SPEC.client("cloudfront", "us-east-1")
    _serve(cf, [bad])
    with pytest.raises(MalformedResponseError, match="cloudfront:ListDistributions"):
        cf.list_distributions()


def test_rest_xml_good_body_passes() -> None:
    cf = SPEC.client("cloudfront", "us-east-1")
    _serve(cf, [CF_OK])
    assert cf.list_distributions()["DistributionList"]["Quantity"] == 0


def test_rest_json_broken_body_fails() -> None:
    api = SPEC.client("apigateway", "eu-west-1")
    _serve(api, [b'{"item": {"not": "a list"}}'])
    with pytest.raises(MalformedResponseError, match=r"\$\.item is not a list"):
        api.get_rest_apis()


def test_error_responses_are_left_to_botocore() -> None:
    waf = SPEC.client("wafv2", "us-east-1")
    _serve(waf, [b'{"__type": "WAFInternalErrorException", "Message": "x"}'], status=500)
    with pytest.raises(Exception, match="WAFInternalErrorException"):
        waf.list_web_acls(Scope="REGIONAL")


def test_raw_problem_accepts_headers_only_outputs() -> None:
    model = SPEC.client("s3", "us-east-1").meta.service_model.operation_model("HeadBucket")
    assert raw_problem("rest-xml", "HeadBucket", model.output_shape, b"") is None


def test_a_unit_fed_a_broken_page_fails_named() -> None:
    from edgekit.collect.runner import WorkUnit, run_unit
    from edgekit.collect.targets import AccountAccess

    def corrupt(client: Any) -> None:
        _serve(client, [b"\x00\x01garbage"])

    access = AccountAccess("123456789012", "aws", SPEC)
    res = run_unit(WorkUnit("wafv2", access, "eu-west-1", "eu-west-1", (corrupt,)))
    assert res.data is None and res.error is not None
    assert res.error["error_code"] == "MalformedResponseError"
    assert res.error["operation"] == "ListWebACLs" and res.error["collector"] == "wafv2"


POLICY = b'{"Version": "2012-10-17", "Statement": []}'


@pytest.mark.parametrize("bad", [POLICY[:25], b"\xbb\x00garbage", b"[1]"])
def test_a_bucket_policy_that_is_not_a_json_document_fails(bad: bytes) -> None:
    s3 = SPEC.client("s3", "us-east-1")
    sent = _serve(s3, [bad])
    with pytest.raises(MalformedResponseError, match="s3:GetBucketPolicy"):
        s3.get_bucket_policy(Bucket="b")
    assert len(sent) == 3


def test_a_truncated_bucket_policy_is_retried_to_the_whole_policy() -> None:
    s3 = SPEC.client("s3", "us-east-1")
    _serve(s3, [POLICY[:25], POLICY])
    assert s3.get_bucket_policy(Bucket="b")["Policy"] == POLICY.decode()
