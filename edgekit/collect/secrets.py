"""Secrets never reach disk: origin custom-header values become ``sha256:<hex>`` digests.

CloudFront origin custom headers often carry a shared secret that the ALB behind checks
("origin verify" header). The cloudfront collector digests every origin custom-header value
inside its own work unit; at assembly, ALB listener-rule ``http-header`` condition values whose
digest equals one of those digests are replaced by the digest too, so origin-lock checks can
still compare them without the secret ever being written.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

PREFIX = "sha256:"


def digest(value: str) -> str:
    """``sha256:<hex>`` of a header value (already-digested values are returned unchanged)."""
    if is_digest(value):
        return value
    return PREFIX + hashlib.sha256(value.encode("utf-8")).hexdigest()


def is_digest(value: str) -> bool:
    """True when ``value`` is a digest produced by :func:`digest`."""
    return value.startswith(PREFIX) and len(value) == len(PREFIX) + 64


def redact_origin_headers(distribution_config: dict[str, Any]) -> set[str]:
    """Digest, in place, every origin custom-header value of a DistributionConfig.

    Returns the digests, so the caller can redact matching ALB rule values.
    """
    digests: set[str] = set()
    for origin in (distribution_config.get("Origins") or {}).get("Items") or []:
        for header in (origin.get("CustomHeaders") or {}).get("Items") or []:
            if "HeaderValue" in header:
                header["HeaderValue"] = digest(str(header["HeaderValue"]))
                digests.add(header["HeaderValue"])
    return digests


def origin_header_digests(cloudfront_data: dict[str, Any]) -> set[str]:
    """All origin custom-header digests found in a cloudfront payload."""
    found: set[str] = set()
    for entry in cloudfront_data.get("distributions") or []:
        config = (entry.get("Distribution") or {}).get("DistributionConfig") or {}
        for origin in (config.get("Origins") or {}).get("Items") or []:
            for header in (origin.get("CustomHeaders") or {}).get("Items") or []:
                value = header.get("HeaderValue")
                if isinstance(value, str) and is_digest(value):
                    found.add(value)
    return found


def redact_rule_header_values(rules: Iterable[dict[str, Any]], digests: set[str]) -> int:
    """Replace, in place, ELBv2 rule http-header values whose digest is in ``digests``.

    Returns how many values were replaced.
    """
    replaced = 0
    for rule in rules:
        for cond in rule.get("Conditions") or []:
            hdr = cond.get("HttpHeaderConfig")
            if not hdr:
                continue
            values = hdr.get("Values") or []
            new = [digest(v) if digest(v) in digests else v for v in values]
            replaced += sum(1 for a, b in zip(values, new, strict=True) if a != b)
            hdr["Values"] = new
    return replaced
