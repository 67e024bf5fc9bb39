"""The acm collector: every key type, the extra global region, fallbacks, gaps and shapes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from edgekit.aws.session import ClientHook, SessionSpec
from edgekit.collect import acm as acm_collector
from edgekit.collect.api import collect
from tests.collect import shapes
from tests.collect.builders import ACCOUNT, assert_calls_declared, fail, run, shared_moto

R = "eu-west-1"


def self_signed_ec(domain: str) -> tuple[bytes, bytes]:
    """A self-signed P-256 certificate and its key, PEM.

    (moto ignores RequestCertificate's KeyAlgorithm: requested certificates are all RSA_2048.)
    """
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, domain)])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=90))
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return cert.public_bytes(serialization.Encoding.PEM), key_pem


@pytest.fixture(scope="module")
def estate() -> Iterator[dict[str, str]]:
    """us-east-1: an issued RSA and an imported EC certificate; eu-west-1: one RSA."""
    with shared_moto():
        use1 = boto3.client("acm", region_name="us-east-1")
        rsa = use1.request_certificate(
            DomainName="example.com",
            SubjectAlternativeNames=["www.example.com"],
            ValidationMethod="DNS",
        )["CertificateArn"]
        cert_pem, key_pem = self_signed_ec("ec.example.com")
        ec_arn = use1.import_certificate(Certificate=cert_pem, PrivateKey=key_pem)["CertificateArn"]
        regional = boto3.client("acm", region_name=R).request_certificate(
            DomainName="api.example.com"
        )["CertificateArn"]
        yield {"rsa": rsa, "ec": ec_arn, "regional": regional}


def _certs(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        (c.get("Certificate") or c.get("CertificateSummary"))["CertificateArn"]: c
        for c in data["certificates"]
    }


def _recording(seen: list[dict[str, Any]]) -> ClientHook:
    def hook(client: Any) -> None:
        def remember(params: dict[str, Any], model: Any, **_: Any) -> None:
            if model.name == "ListCertificates":
                seen.append(dict(params))

        client.meta.events.register("before-parameter-build.*.*", remember)

    return hook


def test_collects_certificates_of_every_key_type(estate: dict[str, str]) -> None:
    seen: list[dict[str, Any]] = []
    res = run("acm", "us-east-1", _recording(seen))
    assert res.error is None and res.gaps == [] and res.data is not None
    certs = _certs(res.data)
    assert set(certs) == {estate["rsa"], estate["ec"]}
    rsa = certs[estate["rsa"]]["Certificate"]
    assert rsa["DomainName"] == "example.com"
    assert sorted(rsa["SubjectAlternativeNames"]) == ["example.com", "www.example.com"]
    assert rsa["KeyAlgorithm"] == "RSA_2048" and rsa["Type"] == "AMAZON_ISSUED"
    assert rsa["DomainValidationOptions"][0]["ValidationMethod"] == "DNS"
    imported = certs[estate["ec"]]["Certificate"]
    assert (imported["KeyAlgorithm"], imported["Type"]) == ("EC_prime256v1", "IMPORTED")
    # Real ACM lists only RSA_2048 unless asked; moto lists all, so check what was asked.
    key_types = seen[0]["Includes"]["keyTypes"]
    assert {"RSA_2048", "RSA_4096", "EC_prime256v1", "EC_secp384r1"} <= set(key_types)
    model = boto3.client("acm", region_name="us-east-1").meta.service_model
    assert set(key_types) == set(model.shape_for("KeyAlgorithm").enum)


def test_calls_and_declared_actions(estate: dict[str, str]) -> None:
    res = run("acm", "us-east-1")
    assert_calls_declared(res, exact=True)
    assert {op: n for (_, op), n in res.calls.items()} == {
        "ListCertificates": 1,
        "DescribeCertificate": 2,
    }


def test_regional_collection_always_includes_the_global_region(estate: dict[str, str]) -> None:
    result = collect(SessionSpec(), regions=[R], collectors=["acm"], progress=False)
    snap = result.snapshot
    assert {p["region"] for p in snap.payloads} == {R, "us-east-1"}
    regional = snap.payload(ACCOUNT, R, "acm")
    assert regional is not None
    assert list(_certs(regional)) == [estate["regional"]]
    assert result.failed_units == 0 and snap.gaps == []


def test_items_conform_to_botocore_output_shapes(estate: dict[str, str]) -> None:
    res = run("acm", "us-east-1")
    assert res.data is not None
    for cert in res.data["certificates"]:
        shapes.assert_conforms(cert["Certificate"], "acm", "DescribeCertificate", "Certificate")
    denied = run("acm", "us-east-1", fail("DescribeCertificate", "AccessDeniedException"))
    assert denied.data is not None
    for cert in denied.data["certificates"]:
        shapes.assert_conforms(
            cert["CertificateSummary"], "acm", "ListCertificates", "CertificateSummaryList[]"
        )


def test_denied_describe_keeps_the_summary_and_records_a_gap(estate: dict[str, str]) -> None:
    denied = fail("DescribeCertificate", when=lambda p: p["CertificateArn"] == estate["ec"])
    res = run("acm", "us-east-1", denied)
    assert res.error is None and res.data is not None
    certs = _certs(res.data)
    assert set(certs[estate["ec"]]) == {"CertificateSummary"}
    assert set(certs[estate["rsa"]]) == {"Certificate"}
    assert res.gaps == [
        {
            "account_id": ACCOUNT,
            "region": "us-east-1",
            "collector": "acm",
            "operation": "DescribeCertificate",
            "error_code": "AccessDenied",
            "message": "injected",
        }
    ]


def test_denied_listing_leaves_certificates_absent(estate: dict[str, str]) -> None:
    res = run("acm", R, fail("ListCertificates", "AccessDeniedException"))
    assert res.error is None and res.data == {}
    assert [g["operation"] for g in res.gaps] == ["ListCertificates"]


def test_certificate_deleted_during_collection_is_left_out(estate: dict[str, str]) -> None:
    gone = fail(
        "DescribeCertificate",
        "ResourceNotFoundException",
        when=lambda p: p["CertificateArn"] == estate["rsa"],
    )
    res = run("acm", "us-east-1", gone)
    assert res.error is None and res.gaps == [] and res.data is not None
    assert list(_certs(res.data)) == [estate["ec"]]


def test_key_types_come_from_the_service_model() -> None:
    client = boto3.client("acm", region_name="us-east-1")
    assert acm_collector.key_types(client) == list(
        client.meta.service_model.shape_for("KeyAlgorithm").enum
    )
