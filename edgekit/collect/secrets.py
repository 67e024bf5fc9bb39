"""Secrets never reach disk: the one list of secret-bearing fields, and how each is redacted.

:data:`SECRET_FIELDS` is the table: for each collector, the payload path of a field that may
carry a secret and how it is replaced. :func:`redact` applies every row of a collector to its
payload inside the work unit, before the data leaves the unit, whatever else was (or was not)
collected. Values become **keyed digests** ``hmac-sha256:<64 hex>;len=<n>``: HMAC-SHA256 of the
value's UTF-8 bytes (or raw bytes), with a :class:`DigestKey` that is random per run unless the
user supplies one (``EDGEKIT_DIGEST_KEY`` or ``EDGEKIT_DIGEST_KEY_FILE``), so equal values stay
equal within a snapshot (origin-lock checks compare CloudFront's header with the ALB's), the
length survives, and nobody holding the snapshot can confirm a guessed secret offline. ALB
header-condition values with wildcards (``*`` / ``?``) are marked ``hmac-sha256:glob:...`` (they
are patterns, never equal to a literal); values made of wildcards only carry no secret and stay.

Snapshots written before keyed digests hold unkeyed ``sha256:<64 hex>`` values; readers accept
both (:func:`is_digest`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from edgekit.collect.digests import (
    SECRET_FIELDS_TO_MATCH,
    DigestKey,
    Redactor,
    blob,
    header_patterns,
    map_values,
    quoted_literals,
    referer_conditions,
    static_parameters,
    text,
)

__all__ = ["SECRET_FIELDS", "DigestKey", "SecretField", "redact"]


# -- the table -------------------------------------------------------------------------------


def _secret_field_to_match(holder: dict[str, Any]) -> bool:
    ftm = holder.get("FieldToMatch")
    return isinstance(ftm, dict) and bool(SECRET_FIELDS_TO_MATCH & set(ftm))


def _always(_: dict[str, Any]) -> bool:
    return True


@dataclass(frozen=True)
class SecretField:
    """One secret-bearing field: the collector, the payload path, and how it is redacted.

    ``path`` is dotted keys; ``name[]`` steps into every item of a list, ``*`` into every value
    of a map, ``**`` into every object at any depth below; the last key is the field.
    ``when(holder)`` must hold for the object that carries the field.
    """

    collector: str
    path: str
    redact: Redactor
    what: str
    when: Callable[[dict[str, Any]], bool] = _always


_CF_ORIGINS = "Origins.Items[].CustomHeaders.Items[].HeaderValue"
_WAF_BYTES = "**.ByteMatchStatement.{}"

SECRET_FIELDS: tuple[SecretField, ...] = (
    SecretField(
        "cloudfront",
        f"distributions[].Distribution.DistributionConfig.{_CF_ORIGINS}",
        text,
        "CloudFront origin custom-header values",
    ),
    SecretField(
        "cloudfront",
        f"distributions[].DistributionSummary.{_CF_ORIGINS}",
        text,
        "CloudFront origin custom-header values (summary kept when GetDistribution is denied)",
    ),
    SecretField(
        "elbv2",
        "load_balancers[].Listeners[].Rules[].Conditions[].HttpHeaderConfig.Values",
        header_patterns,
        "ALB listener-rule http-header condition values",
    ),
    SecretField(
        "elbv2",
        "load_balancers[].Listeners[].Rules[].Actions[].AuthenticateOidcConfig.ClientSecret",
        text,
        "ALB authenticate-oidc client secrets (rule actions)",
    ),
    SecretField(
        "elbv2",
        "load_balancers[].Listeners[].Listener.DefaultActions[].AuthenticateOidcConfig.ClientSecret",
        text,
        "ALB authenticate-oidc client secrets (default actions)",
    ),
    *(
        SecretField(
            "wafv2",
            f"{where}.{_WAF_BYTES.format(member)}",
            blob,
            f"WAFv2 byte-match {member} on a header or cookie ({label})",
            when=_secret_field_to_match,
        )
        for where, label in (("web_acls[]", "web ACLs"), ("rule_groups[]", "rule groups"))
        for member in ("SearchString", "SearchStringBase64")
    ),
    SecretField(
        "s3", "buckets[].Policy", referer_conditions, "S3 bucket policy aws:Referer values"
    ),
    SecretField(
        "apigateway", "rest_apis[].Stages[].variables", map_values, "REST API stage variables"
    ),
    SecretField(
        "apigateway",
        "rest_apis[].Resources[].resourceMethods.*.methodIntegration.requestParameters",
        quoted_literals,
        "REST API static integration parameters ('literal')",
    ),
    SecretField(
        "apigatewayv2",
        "apis[].Stages[].StageVariables",
        map_values,
        "HTTP/WebSocket API stage variables",
    ),
    SecretField(
        "apigatewayv2",
        "apis[].Integrations[].RequestParameters",
        static_parameters,
        "HTTP/WebSocket API static integration parameters",
    ),
    SecretField(
        "lambda",
        "edge_functions[].Configuration.Environment.Variables",
        map_values,
        "Lambda@Edge environment variable values",
    ),
)
"""Every secret-bearing field edgekit collects (README "Safety" lists the same)."""


def redact(collector: str, data: dict[str, Any], key: DigestKey) -> dict[str, Any]:
    """Redact, in place, every secret field of ``collector``'s payload ``data``; return it."""
    for row in SECRET_FIELDS:
        if row.collector != collector:
            continue
        *steps, last = row.path.split(".")
        for holder in _holders(data, steps):
            if last in holder and row.when(holder):
                holder[last] = row.redact(key, holder[last])
    return data


def _holders(node: Any, steps: list[str]) -> Iterator[dict[str, Any]]:
    """The objects reached from ``node`` by ``steps`` (see :class:`SecretField`)."""
    if not steps:
        if isinstance(node, dict):
            yield node
        return
    step, rest = steps[0], steps[1:]
    if step == "**":
        for below in _every_object(node):
            yield from _holders(below, rest)
        return
    if step == "*":
        for value in node.values() if isinstance(node, dict) else ():
            yield from _holders(value, rest)
        return
    name, many = (step[:-2], True) if step.endswith("[]") else (step, False)
    child = node.get(name) if isinstance(node, dict) else None
    if many:
        for item in child if isinstance(child, list) else ():
            yield from _holders(item, rest)
    elif child is not None:
        yield from _holders(child, rest)


def _every_object(node: Any) -> Iterator[Any]:
    """``node`` and every dict or list below it (depth first)."""
    stack = [node]
    while stack:
        cur = stack.pop()
        yield cur
        if isinstance(cur, dict):
            stack.extend(v for v in cur.values() if isinstance(v, dict | list))
        elif isinstance(cur, list):
            stack.extend(v for v in cur if isinstance(v, dict | list))
