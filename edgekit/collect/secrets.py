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

import base64
import binascii
import hashlib
import hmac
import json
import os
import secrets as pysecrets
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from edgekit.errors import InputError

PREFIX = "hmac-sha256:"
"""Prefix of a keyed digest."""
GLOB_PREFIX = PREFIX + "glob:"
"""Prefix of the keyed digest of an ALB header pattern (a value with ``*`` / ``?``)."""
LEGACY_PREFIX = "sha256:"
"""Prefix of the unkeyed digests of snapshots written before keyed digests (still read)."""

KEY_ENV = "EDGEKIT_DIGEST_KEY"
"""Environment variable holding a digest key (text, at least 16 bytes)."""
KEY_FILE_ENV = "EDGEKIT_DIGEST_KEY_FILE"
"""Environment variable naming a file whose content (trailing newline stripped) is the key."""
MIN_KEY_BYTES = 16

WILDCARDS = frozenset("*?")
SECRET_FIELDS_TO_MATCH = frozenset({"SingleHeader", "Headers", "Cookies"})
"""WAFv2 FieldToMatch kinds whose byte-match strings are secrets (URI/query stay readable)."""


@dataclass(frozen=True)
class DigestKey:
    """The HMAC key of one run: in memory only (never written, never printed)."""

    secret: bytes = field(repr=False)
    source: str = "random per run"

    @classmethod
    def random(cls) -> DigestKey:
        """A fresh random 256-bit key: digests match within this run only."""
        return cls(pysecrets.token_bytes(32))

    @classmethod
    def from_environment(cls, env: Mapping[str, str] | None = None) -> DigestKey:
        """The user's key from ``EDGEKIT_DIGEST_KEY`` / ``EDGEKIT_DIGEST_KEY_FILE``, else random.

        Raises :class:`~edgekit.errors.InputError` for a key shorter than 16 bytes or an
        unreadable key file.
        """
        env = os.environ if env is None else env
        if env.get(KEY_ENV):
            return cls(_long_enough(env[KEY_ENV].encode("utf-8"), KEY_ENV), KEY_ENV)
        if env.get(KEY_FILE_ENV):
            path = Path(env[KEY_FILE_ENV])
            try:
                raw = path.read_bytes().rstrip(b"\r\n")
            except OSError as err:
                raise InputError(f"{KEY_FILE_ENV}: cannot read {path}: {err.strerror}") from None
            return cls(_long_enough(raw, KEY_FILE_ENV), KEY_FILE_ENV)
        return cls.random()

    def digest(self, value: str | bytes) -> str:
        """``hmac-sha256:<hex>;len=<n>`` of ``value`` (n: characters of text, bytes of bytes)."""
        raw = value.encode("utf-8") if isinstance(value, str) else value
        mac = hmac.new(self.secret, raw, hashlib.sha256).hexdigest()
        return f"{PREFIX}{mac};len={len(value)}"


def _long_enough(raw: bytes, name: str) -> bytes:
    if len(raw) < MIN_KEY_BYTES:
        raise InputError(f"{name}: a digest key must be at least {MIN_KEY_BYTES} bytes")
    return raw


def is_digest(value: object) -> bool:
    """True for a keyed (``hmac-sha256:``) or legacy unkeyed (``sha256:<64 hex>``) digest."""
    if not isinstance(value, str):
        return False
    if value.startswith(PREFIX):
        return True
    return value.startswith(LEGACY_PREFIX) and len(value) == len(LEGACY_PREFIX) + 64


# -- value redactors ---------------------------------------------------------------------------

Redactor = Callable[[DigestKey, Any], Any]


def text(key: DigestKey, value: Any) -> Any:
    """A string value → its digest (digests and non-strings unchanged)."""
    if not isinstance(value, str) or is_digest(value):
        return value
    return key.digest(value)


def header_patterns(key: DigestKey, values: Any) -> Any:
    """ALB ``http-header`` condition values: each digested; patterns marked ``glob:``."""
    if not isinstance(values, list):
        return values
    return [_header_pattern(key, v) for v in values]


def _header_pattern(key: DigestKey, value: Any) -> Any:
    if not isinstance(value, str) or is_digest(value) or set(value) <= WILDCARDS:
        return value
    if WILDCARDS & set(value):
        return GLOB_PREFIX + key.digest(value).removeprefix(PREFIX)
    return key.digest(value)


def map_values(key: DigestKey, mapping: Any) -> Any:
    """Every value of a ``{name: value}`` map digested; the names stay."""
    if not isinstance(mapping, dict):
        return mapping
    return {k: text(key, v) for k, v in mapping.items()}


def blob(key: DigestKey, value: Any) -> Any:
    """A base64 blob (WAF ``SearchString``) → base64 of the digest of its bytes."""
    if not isinstance(value, str):
        return value
    try:
        raw = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raw = value.encode("utf-8")
    if is_digest(raw.decode("utf-8", "replace")):
        return value
    return base64.b64encode(key.digest(raw).encode("ascii")).decode("ascii")


def quoted_literals(key: DigestKey, mapping: Any) -> Any:
    """API Gateway v1 ``requestParameters``: static ``'literal'`` values digested (quotes kept);
    mappings from the request (``method.request.*``, ``context.*``, ``stageVariables.*``) stay."""
    if not isinstance(mapping, dict):
        return mapping
    return {k: _quoted(key, v) for k, v in mapping.items()}


def _quoted(key: DigestKey, value: Any) -> Any:
    if isinstance(value, str) and len(value) >= 2 and value[0] == value[-1] == "'":
        inner = value[1:-1]
        return value if is_digest(inner) else f"'{key.digest(inner)}'"
    return value


def static_parameters(key: DigestKey, mapping: Any) -> Any:
    """API Gateway v2 ``RequestParameters``: static values (no ``$`` reference) digested;
    quoted WebSocket-style literals as in v1."""
    if not isinstance(mapping, dict):
        return mapping
    out: dict[str, Any] = {}
    for k, v in mapping.items():
        if isinstance(v, str) and v.startswith("'"):
            out[k] = _quoted(key, v)
        elif isinstance(v, str) and "$" not in v:
            out[k] = text(key, v)
        else:
            out[k] = v
    return out


REFERER_KEYS = frozenset({"aws:referer"})


def referer_conditions(key: DigestKey, policy: Any) -> Any:
    """An S3 bucket policy (JSON text): every ``aws:Referer`` condition value digested.

    A policy that is not JSON cannot be inspected and is replaced by its digest whole.
    """
    if not isinstance(policy, str):
        return policy
    try:
        doc = json.loads(policy)
    except ValueError:
        return key.digest(policy)
    changed = False
    statements = doc.get("Statement") if isinstance(doc, dict) else None
    for stmt in statements if isinstance(statements, list) else [statements]:
        conditions = stmt.get("Condition") if isinstance(stmt, dict) else None
        for block in (conditions or {}).values() if isinstance(conditions, dict) else ():
            if not isinstance(block, dict):
                continue
            for name in [n for n in block if str(n).lower() in REFERER_KEYS]:
                old = block[name]
                block[name] = [text(key, v) for v in old] if isinstance(old, list) else text(key, old)
                changed = changed or block[name] != old
    return json.dumps(doc, separators=(",", ":"), sort_keys=False) if changed else policy


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
    SecretField("s3", "buckets[].Policy", referer_conditions, "S3 bucket policy aws:Referer values"),
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
        "apigatewayv2", "apis[].Stages[].StageVariables", map_values, "HTTP/WebSocket stage variables"
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
