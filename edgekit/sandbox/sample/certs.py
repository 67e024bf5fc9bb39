"""ACM certificates of the sample estate: Amazon-issued (DNS-validated) and imported ones.

Imported certificates are generated here (``cryptography``): a fictional "Northwind Legacy CA"
signs them, with a fixed serial number and validity relative to the time of seeding (so one can
be expiring within 30 days whenever the sample is seeded).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from edgekit.sandbox.sample.accounts import LEGACY_ZONE, PAY_ZONE, ZONE, Account
from edgekit.sandbox.sample.state import Estate

ZONES = (LEGACY_ZONE, PAY_ZONE, ZONE)


def zone_of(name: str) -> str | None:
    """The sample's hosted zone a name belongs to (None: not one of Northwind's zones)."""
    bare = name.rstrip(".").removeprefix("*.")
    return next((z for z in ZONES if bare == z or bare.endswith(f".{z}")), None)


def request(
    estate: Estate,
    account: Account,
    region: str,
    name: str,
    domain: str,
    *,
    sans: tuple[str, ...] = (),
    publish_validation: bool = True,
    transparency: bool = True,
) -> str:
    """An Amazon-issued, DNS-validated certificate (recorded as ``name``).

    Its validation CNAMEs are queued for the zones unless ``publish_validation`` is False
    (then renewal cannot validate).
    """
    acm = account.client("acm", region)
    params: dict[str, Any] = {
        "DomainName": domain,
        "ValidationMethod": "DNS",
        "IdempotencyToken": name.replace("-", "")[:32],
    }
    if sans:
        params["SubjectAlternativeNames"] = [domain, *sans]
    if not transparency:
        params["Options"] = {"CertificateTransparencyLoggingPreference": "DISABLED"}
    arn = str(acm.request_certificate(**params)["CertificateArn"])
    if publish_validation:
        described = acm.describe_certificate(CertificateArn=arn)["Certificate"]
        for option in described.get("DomainValidationOptions") or []:
            record = option.get("ResourceRecord")
            zone = zone_of(option["DomainName"])
            if record and zone:
                estate.validation_records.setdefault(zone, {})[record["Name"]] = record["Value"]
    estate.certificates[name] = arn
    return arn


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _authority(estate: Estate) -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    """The fictional legacy CA (created once per seeding)."""
    if "ca" in estate.extra:
        found: tuple[rsa.RSAPrivateKey, x509.Certificate] = estate.extra["ca"]
        return found
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name("Northwind Legacy CA"))
        .issuer_name(_name("Northwind Legacy CA"))
        .public_key(key.public_key())
        .serial_number(0x4E57_0001)
        .not_valid_before(now - dt.timedelta(days=3650))
        .not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .sign(key, hashes.SHA256())
    )
    estate.extra["ca"] = (key, cert)
    return key, cert


def imported(
    estate: Estate,
    account: Account,
    region: str,
    name: str,
    domain: str,
    *,
    sans: tuple[str, ...] = (),
    days_left: int,
    key_size: int = 2048,
    serial: int,
) -> str:
    """An imported certificate for ``domain`` expiring ``days_left`` days from now."""
    ca_key, ca_cert = _authority(estate)
    key = rsa.generate_private_key(public_exponent=65537, key_size=key_size)
    now = dt.datetime.now(dt.UTC)
    names = [x509.DNSName(n) for n in (domain, *sans)]
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(domain))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(serial)
        .not_valid_before(now - dt.timedelta(days=365))
        .not_valid_after(now + dt.timedelta(days=days_left))
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    pem = serialization.Encoding.PEM
    arn = account.client("acm", region).import_certificate(
        Certificate=cert.public_bytes(pem),
        PrivateKey=key.private_bytes(
            pem, serialization.PrivateFormat.TraditionalOpenSSL, serialization.NoEncryption()
        ),
        CertificateChain=ca_cert.public_bytes(pem),
        Tags=[{"Key": "Name", "Value": name}],
    )["CertificateArn"]
    estate.certificates[name] = str(arn)
    return str(arn)
