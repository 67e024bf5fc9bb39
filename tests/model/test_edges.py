"""Less travelled paths: rare statement types, IAM certificates, odd identifiers."""

from __future__ import annotations

from edgekit.model import NOT_COLLECTED, Certificate, Inventory, parse
from edgekit.model.common import FrozenMap, readonly
from edgekit.model.elbv2.types import Attributes
from edgekit.model.wafv2.statements import AsnMatchStatement, OrStatement
from tests.model import factories as f


def test_asn_match_statement() -> None:
    stmt = {"AsnMatchStatement": {"AsnList": [64496, 64511], "ForwardedIPConfig": f.forwarded()}}
    acl = f.web_acl(rules=[f.rule("asn", 0, f.or_(stmt, f.xss()))])
    inv = parse(
        f.snapshot(f.payload("wafv2", {"web_acls": [f.web_acl_entry(acl)]}, region="us-east-1"))
    )
    rules = inv.web_acls[0].rules
    assert rules is not NOT_COLLECTED
    root = rules[0].statement
    assert isinstance(root, OrStatement) and len(root.children()) == 2
    (asn,) = root.find(AsnMatchStatement)
    assert asn.asn_list == (64496, 64511) and asn.forwarded_ip_config is not None


def test_iam_viewer_certificate() -> None:
    cert = {
        "CloudFrontDefaultCertificate": False,
        "IAMCertificateId": "ASCAEXAMPLE",
        "SSLSupportMethod": "sni-only",
        "MinimumProtocolVersion": "TLSv1.1_2016",
        "Certificate": "ASCAEXAMPLE",
        "CertificateSource": "iam",
    }
    inv = parse(
        f.snapshot(
            f.payload(
                "cloudfront",
                {"distributions": [f.distribution_entry(f.distribution(certificate=cert))]},
            )
        )
    )
    vc = inv.distributions[0].viewer_certificate
    assert (vc.source, vc.iam_certificate_id, vc.acm_certificate_arn) == (
        "iam",
        "ASCAEXAMPLE",
        None,
    )


def test_validation_method_sources() -> None:
    cert = f.certificate("v", "v.example.com")
    cert["Options"]["ValidationMethod"] = "EMAIL"
    del cert["DomainValidationOptions"][0]["ResourceRecord"]
    inv = parse(
        f.snapshot(
            f.payload("acm", {"certificates": [f.certificate_entry(cert)]}, region="us-east-1")
        )
    )
    c = inv.certificates[0]
    assert isinstance(c, Certificate) and c.validation_method == "EMAIL"
    assert c.domain_validation_options is not NOT_COLLECTED
    assert c.domain_validation_options[0].resource_record is None


def test_odd_identifiers(rich: Inventory) -> None:
    assert rich.waf.web_acl_for_resource("not-an-arn") is NOT_COLLECTED
    assert (
        rich.waf.web_acl_for_resource("arn:aws:cloudfront::999999999999:distribution/EX")
        is NOT_COLLECTED
    )
    assert rich.elbv2.load_balancer_by_dns("no-region-here.example.com") is None
    assert rich.elbv2.ssl_policy("ELBSecurityPolicy-TLS13-1-2-2021-06") is not NOT_COLLECTED


def test_attribute_and_view_odds() -> None:
    attrs = Attributes(FrozenMap({"n": "abc", "t": " TRUE "}))
    assert attrs.number("n") is None and attrs.flag("t") is True and attrs.flag("x") is None
    view = readonly({"a": 1})
    assert list(view) == ["a"] and len(view) == 1 and "1 keys" in repr(view)
    assert "FrozenMap" in repr(FrozenMap({"a": 1}))
