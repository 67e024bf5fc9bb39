"""Tolerant parsing of AWS enum values: every spelling AWS is known to return, one canonical form.

Real AWS does not always spell an enum the way botocore's model (or moto) does: ACM's
DescribeCertificate says ``RSA-2048`` / ``EC-prime256v1`` where the model says ``RSA_2048`` /
``EC_prime256v1``; ListDistributions summaries say ``HTTP2and3`` where GetDistribution says
``http2and3``; a Classic ELB keeps the protocol case it was created with (``http``); security
group rules created with a protocol number come back as ``6``. A :class:`Vocabulary` maps every
such variant (case, ``-`` / ``_`` / ``.`` / blanks, listed aliases) to the canonical spelling the
rest of edgekit compares against. A value outside the vocabulary is kept exactly as AWS sent it
(a new enum member must never break the model; checks treat it as "not one I know").

The model's readers (:meth:`edgekit.model.reader.Fields.enum` and friends) are the only users;
checks always see canonical spellings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Final

_NOISE: Final = re.compile(r"[\s_\-.]")


def spelling_key(value: str) -> str:
    """The spelling-insensitive key of ``value``: lower case without ``-``, ``_``, ``.``, blanks."""
    return _NOISE.sub("", value).lower()


class Vocabulary:
    """The canonical spellings of one AWS enum and the variants that mean the same member."""

    __slots__ = ("_by_key", "_canonical", "name", "values")

    def __init__(
        self, name: str, values: Iterable[str], aliases: Mapping[str, str] | None = None
    ) -> None:
        self.name = name
        self.values: tuple[str, ...] = tuple(values)
        by_key: dict[str, str] = {}
        for value in self.values:
            key = spelling_key(value)
            if key in by_key:
                raise ValueError(f"{name}: {value!r} and {by_key[key]!r} spell the same key")
            by_key[key] = value
        for alias, value in (aliases or {}).items():
            if value not in self.values:
                raise ValueError(f"{name}: alias {alias!r} names unknown member {value!r}")
            by_key.setdefault(spelling_key(alias), value)
        self._by_key = by_key
        self._canonical = frozenset(self.values)

    def canonical(self, raw: str) -> str:
        """The canonical spelling of ``raw``; ``raw`` itself when it is no known member."""
        if raw in self._canonical:  # spelled as the model spells it: no key to compute
            return raw
        return self._by_key.get(spelling_key(raw), raw)

    def __contains__(self, raw: object) -> bool:
        return isinstance(raw, str) and spelling_key(raw) in self._by_key

    def __repr__(self) -> str:
        return f"Vocabulary({self.name!r}, {len(self.values)} members)"


# -- ACM ---------------------------------------------------------------------------------------
KEY_ALGORITHM: Final = Vocabulary(
    "ACM KeyAlgorithm",
    (
        "RSA_1024",
        "RSA_2048",
        "RSA_3072",
        "RSA_4096",
        "EC_prime256v1",
        "EC_secp384r1",
        "EC_secp521r1",
    ),
    # DescribeCertificate as AWS really returns it ("RSA-2048", "EC-prime256v1") is covered by
    # the spelling key; these are the curve names ACM's console and CLI docs also print.
    {"EC-P256": "EC_prime256v1", "EC-P384": "EC_secp384r1", "EC-P521": "EC_secp521r1"},
)
CERTIFICATE_TYPE: Final = Vocabulary("ACM Type", ("IMPORTED", "AMAZON_ISSUED", "PRIVATE"))
CERTIFICATE_STATUS: Final = Vocabulary(
    "ACM Status",
    (
        "PENDING_VALIDATION",
        "ISSUED",
        "INACTIVE",
        "EXPIRED",
        "VALIDATION_TIMED_OUT",
        "REVOKED",
        "FAILED",
    ),
)
RENEWAL_STATUS: Final = Vocabulary(
    "ACM RenewalStatus", ("PENDING_AUTO_RENEWAL", "PENDING_VALIDATION", "SUCCESS", "FAILED")
)
VALIDATION_METHOD: Final = Vocabulary("ACM ValidationMethod", ("EMAIL", "DNS", "HTTP"))
VALIDATION_STATUS: Final = Vocabulary(
    "ACM ValidationStatus", ("PENDING_VALIDATION", "SUCCESS", "FAILED")
)
CT_LOGGING: Final = Vocabulary(
    "ACM CertificateTransparencyLoggingPreference", ("ENABLED", "DISABLED")
)

# -- CloudFront --------------------------------------------------------------------------------
HTTP_VERSION: Final = Vocabulary(
    "CloudFront HttpVersion", ("http1.1", "http2", "http3", "http2and3")
)
VIEWER_PROTOCOL_POLICY: Final = Vocabulary(
    "CloudFront ViewerProtocolPolicy", ("allow-all", "https-only", "redirect-to-https")
)
ORIGIN_PROTOCOL_POLICY: Final = Vocabulary(
    "CloudFront OriginProtocolPolicy", ("http-only", "match-viewer", "https-only")
)
SSL_PROTOCOL: Final = Vocabulary(
    "CloudFront OriginSslProtocols", ("SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2")
)
MINIMUM_PROTOCOL_VERSION: Final = Vocabulary(
    "CloudFront MinimumProtocolVersion",
    (
        "SSLv3",
        "TLSv1",
        "TLSv1_2016",
        "TLSv1.1_2016",
        "TLSv1.2_2018",
        "TLSv1.2_2019",
        "TLSv1.2_2021",
        "TLSv1.2_2025",
        "TLSv1.3_2025",
    ),
)
SSL_SUPPORT_METHOD: Final = Vocabulary(
    "CloudFront SSLSupportMethod", ("sni-only", "vip", "static-ip")
)
CERTIFICATE_SOURCE: Final = Vocabulary("CloudFront CertificateSource", ("cloudfront", "iam", "acm"))
PRICE_CLASS: Final = Vocabulary(
    "CloudFront PriceClass", ("PriceClass_100", "PriceClass_200", "PriceClass_All", "None")
)
EVENT_TYPE: Final = Vocabulary(
    "CloudFront EventType",
    ("viewer-request", "viewer-response", "origin-request", "origin-response"),
)
GEO_RESTRICTION_TYPE: Final = Vocabulary(
    "CloudFront RestrictionType", ("blacklist", "whitelist", "none")
)
COOKIES_FORWARD: Final = Vocabulary("CloudFront Cookies.Forward", ("none", "whitelist", "all"))
DISTRIBUTION_STATUS: Final = Vocabulary("CloudFront Status", ("Deployed", "InProgress"))

# -- Elastic Load Balancing ----------------------------------------------------------------------
LB_TYPE: Final = Vocabulary("ELBv2 Type", ("application", "network", "gateway"))
LB_SCHEME: Final = Vocabulary("ELB Scheme", ("internet-facing", "internal"))
ELBV2_PROTOCOL: Final = Vocabulary(
    "ELBv2 Protocol",
    ("HTTP", "HTTPS", "TCP", "TLS", "UDP", "TCP_UDP", "GENEVE", "QUIC", "TCP_QUIC"),
)
TARGET_TYPE: Final = Vocabulary("ELBv2 TargetType", ("instance", "ip", "lambda", "alb"))
ACTION_TYPE: Final = Vocabulary(
    "ELBv2 Action Type",
    (
        "forward",
        "authenticate-oidc",
        "authenticate-cognito",
        "redirect",
        "fixed-response",
        "jwt-validation",
    ),
)
REDIRECT_PROTOCOL: Final = Vocabulary(
    "ELBv2 RedirectConfig Protocol", ("HTTP", "HTTPS", "#{protocol}")
)
REDIRECT_STATUS: Final = Vocabulary("ELBv2 RedirectConfig StatusCode", ("HTTP_301", "HTTP_302"))
CLASSIC_PROTOCOL: Final = Vocabulary("ELB Protocol", ("HTTP", "HTTPS", "TCP", "SSL"))
LB_STATE: Final = Vocabulary("ELBv2 State", ("active", "provisioning", "active_impaired", "failed"))

# -- EC2 security groups -----------------------------------------------------------------------
IP_PROTOCOL: Final = Vocabulary(
    "EC2 IpProtocol",
    ("-1", "tcp", "udp", "icmp", "icmpv6"),
    # AWS keeps a rule created with a protocol number as that number for other protocols, and
    # tooling writes "all" / "6"; the numbers of the named ones mean the same rule.
    {"all": "-1", "6": "tcp", "17": "udp", "1": "icmp", "58": "icmpv6"},
)

# -- API Gateway, Lambda -------------------------------------------------------------------------
ENDPOINT_TYPE: Final = Vocabulary("API Gateway EndpointType", ("EDGE", "REGIONAL", "PRIVATE"))
LOGGING_LEVEL: Final = Vocabulary("API Gateway loggingLevel", ("OFF", "ERROR", "INFO"))
SECURITY_POLICY: Final = Vocabulary("API Gateway securityPolicy", ("TLS_1_0", "TLS_1_2"))
PROTOCOL_TYPE: Final = Vocabulary("API Gateway v2 ProtocolType", ("HTTP", "WEBSOCKET"))
INTEGRATION_TYPE: Final = Vocabulary(
    "API Gateway integration type", ("AWS", "AWS_PROXY", "HTTP", "HTTP_PROXY", "MOCK")
)
CONNECTION_TYPE: Final = Vocabulary("API Gateway connectionType", ("INTERNET", "VPC_LINK"))
AUTHORIZATION_TYPE: Final = Vocabulary(
    "API Gateway authorizationType", ("NONE", "AWS_IAM", "CUSTOM", "COGNITO_USER_POOLS", "JWT")
)
FUNCTION_URL_AUTH_TYPE: Final = Vocabulary("Lambda FunctionUrl AuthType", ("NONE", "AWS_IAM"))

# -- Route 53, S3, Global Accelerator, WAF ------------------------------------------------------
RECORD_TYPE: Final = Vocabulary(
    "Route 53 RRType",
    ("SOA", "A", "TXT", "NS", "CNAME", "MX", "NAPTR", "PTR", "SRV", "SPF", "AAAA", "CAA", "DS"),
)
OBJECT_OWNERSHIP: Final = Vocabulary(
    "S3 ObjectOwnership", ("BucketOwnerEnforced", "BucketOwnerPreferred", "ObjectWriter")
)
ACCELERATOR_PROTOCOL: Final = Vocabulary("Global Accelerator Protocol", ("TCP", "UDP"))
WAF_ACTION: Final = Vocabulary(
    "WAF action", ("ALLOW", "BLOCK", "COUNT", "CAPTCHA", "CHALLENGE", "NONE")
)

# -- CloudFront policies and origin access -----------------------------------------------------
KEY_BEHAVIOR: Final = Vocabulary(
    "CloudFront Header/Cookie/QueryStringBehavior",
    ("none", "whitelist", "allExcept", "all", "allViewer", "allViewerAndWhitelistCloudFront"),
)
POLICY_TYPE: Final = Vocabulary("CloudFront policy Type", ("managed", "custom"))
OAC_SIGNING_BEHAVIOR: Final = Vocabulary(
    "CloudFront OAC SigningBehavior", ("never", "always", "no-override")
)
OAC_SIGNING_PROTOCOL: Final = Vocabulary("CloudFront OAC SigningProtocol", ("sigv4",))
OAC_ORIGIN_TYPE: Final = Vocabulary(
    "CloudFront OAC OriginType", ("s3", "mediastore", "mediapackagev2", "lambda")
)

# -- WAFv2 statements ----------------------------------------------------------------------------
POSITIONAL_CONSTRAINT: Final = Vocabulary(
    "WAFv2 PositionalConstraint",
    ("EXACTLY", "STARTS_WITH", "ENDS_WITH", "CONTAINS", "CONTAINS_WORD"),
)
COMPARISON_OPERATOR: Final = Vocabulary(
    "WAFv2 ComparisonOperator", ("EQ", "NE", "LE", "LT", "GE", "GT")
)
AGGREGATE_KEY_TYPE: Final = Vocabulary(
    "WAFv2 AggregateKeyType", ("IP", "FORWARDED_IP", "CUSTOM_KEYS", "CONSTANT")
)
SENSITIVITY_LEVEL: Final = Vocabulary("WAFv2 SensitivityLevel", ("LOW", "HIGH"))
TEXT_TRANSFORMATION: Final = Vocabulary(
    "WAFv2 TextTransformation Type",
    (
        "NONE",
        "COMPRESS_WHITE_SPACE",
        "HTML_ENTITY_DECODE",
        "LOWERCASE",
        "CMD_LINE",
        "URL_DECODE",
        "BASE64_DECODE",
        "HEX_DECODE",
        "MD5",
        "REPLACE_COMMENTS",
        "ESCAPE_SEQ_DECODE",
        "SQL_HEX_DECODE",
        "CSS_DECODE",
        "JS_DECODE",
        "NORMALIZE_PATH",
        "NORMALIZE_PATH_WIN",
        "REMOVE_NULLS",
        "REPLACE_NULLS",
        "BASE64_DECODE_EXT",
        "URL_DECODE_UNI",
        "UTF8_TO_UNICODE",
    ),
)
